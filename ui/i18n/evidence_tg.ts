<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tg" sourcelanguage="en">
<context>
    <name>ActPicker</name>
    <message>
        <source>Search acts: torture, 8(2)(b), RS-7…</source>
        <translation>Ҷустуҷӯи кирдорҳо: шиканҷа, 8(2)(b), RS-7…</translation>
    </message>
    <message>
        <source>No act chosen</source>
        <translation>Ягон кирдор интихоб нашудааст</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Add files…</source>
        <translation>Илова кардани файлҳо…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бекор кардан</translation>
    </message>
    <message>
        <source>Drop photos, audio or documents here.</source>
        <translation>Суратҳо, сабтҳои аудиоӣ ё ҳуҷҷатҳоро ба ин ҷо кашед.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Навъ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Андоза</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Гирифта шуд</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Илова шуд</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>Файли %1</translation>
    </message>
    <message>
        <source>This file holds GPS coordinates: where it was taken can be seen by anyone who receives it. Choose &quot;remove photo metadata&quot; when you export.</source>
        <translation>Дар ин файл координатаҳои GPS ҳаст: ҳар касе ки онро мегирад, мебинад, ки дар куҷо гирифта шудааст. Ҳангоми содирот «нест кардани метамаълумоти суратҳо»-ро интихоб кунед.</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Илова кардани файлҳо</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n file(s)…</source>
        <translation>
            <numerusform>%n файл илова мешавад…</numerusform>
            <numerusform>%n файл илова мешавад…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added.</source>
        <translation>
            <numerusform>%n файл илова шуд.</numerusform>
            <numerusform>%n файл илова шуд.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was added.</source>
        <translation>Бекор шуд: ҳеҷ чиз илова нашуд.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Илова нашуд: %1</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add a contact</source>
        <translation>Илова кардани шахси тамос</translation>
    </message>
    <message>
        <source>Not compared yet</source>
        <translation>Ҳоло муқоиса нашудааст</translation>
    </message>
    <message>
        <source>Compared in person</source>
        <translation>Рӯ ба рӯ муқоиса шуд</translation>
    </message>
    <message>
        <source>Compared on a call</source>
        <translation>Тавассути занг муқоиса шуд</translation>
    </message>
    <message>
        <source>Scanned their QR code</source>
        <translation>Рамзи QR-и ӯ скан шуд</translation>
    </message>
    <message>
        <source>Trusted: I may send evidence to this person</source>
        <translation>Боэътимод: ба ин шахс далел фиристодан мумкин аст</translation>
    </message>
    <message>
        <source>May see witness identities</source>
        <translation>Шахсияти шоҳидонро дида метавонад</translation>
    </message>
    <message>
        <source>Name on the card</source>
        <translation>Ном дар корт</translation>
    </message>
    <message>
        <source>Ask your contact to read their fingerprint to you, or read it together. It must match every digit:</source>
        <translation>Аз шахси тамос хоҳиш кунед, ки изи калиди худро ба шумо хонад, ё онро якҷоя хонед. Ҳар як рақам бояд мувофиқат кунад:</translation>
    </message>
    <message>
        <source>How compared</source>
        <translation>Чӣ тавр муқоиса шуд</translation>
    </message>
</context>
<context>
    <name>CustodyView</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Вақт (UTC)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Амал</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Аз ҷониби</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Имзо</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Занҷира</translation>
    </message>
    <message>
        <source>created</source>
        <translation>эҷод шуд</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>таҳрир шуд</translation>
    </message>
    <message>
        <source>file added</source>
        <translation>файл илова шуд</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>содир шуд</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>ворид шуд</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>санҷида шуд</translation>
    </message>
    <message>
        <source>shredded</source>
        <translation>нобуд карда шуд</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>ҳолат иваз шуд</translation>
    </message>
    <message>
        <source>testimony, received in bundle %1</source>
        <translation>шаҳодат, дар бастаи %1 гирифта шуд</translation>
    </message>
    <message>
        <source>The custody history could not be read.</source>
        <translation>Таърихи занҷираи нигаҳдориро хондан имконнопазир шуд.</translation>
    </message>
    <message>
        <source>✔ valid</source>
        <translation>✔ эътибор дорад</translation>
    </message>
    <message>
        <source>✘ INVALID</source>
        <translation>✘ БЕЭЪТИБОР</translation>
    </message>
    <message>
        <source>vault</source>
        <translation>махзан</translation>
    </message>
    <message>
        <source>testimony</source>
        <translation>шаҳодат</translation>
    </message>
    <message numerus="yes">
        <source>%n custody event(s), all signatures valid.</source>
        <translation>
            <numerusform>%n ҳодисаи занҷираи нигаҳдорӣ, ҳамаи имзоҳо эътибор доранд.</numerusform>
            <numerusform>%n ҳодисаи занҷираи нигаҳдорӣ, ҳамаи имзоҳо эътибор доранд.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) do not verify.</source>
        <translation>
            <numerusform>%n ҳодиса аз санҷиш нагузашт.</numerusform>
            <numerusform>%n ҳодиса аз санҷиш нагузашт.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation>Содироти баста</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>бе розигӣ</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>пешнавис</translation>
    </message>
    <message>
        <source>Testimonies in this bundle:</source>
        <translation>Шаҳодатҳо дар ин баста:</translation>
    </message>
    <message>
        <source>may see witness identities</source>
        <translation>шахсияти шоҳидонро дида метавонад</translation>
    </message>
    <message>
        <source>not trusted (mark trusted in Keys and contacts)</source>
        <translation>боэътимод нест (дар «Калидҳо ва шахсони тамос» боэътимод қайд кунед)</translation>
    </message>
    <message>
        <source>Also encrypt to myself (I can open it later)</source>
        <translation>Барои худам ҳам рамзгузорӣ шавад (баъдтар кушода метавонам)</translation>
    </message>
    <message>
        <source>Only these people can open the bundle. Witness identities are included, sealed, only for recipients allowed to see them.</source>
        <translation>Бастаро танҳо ҳамин одамон кушода метавонанд. Шахсияти шоҳидон мӯҳршуда ва танҳо барои гирандагоне дохил мешавад, ки ба онҳо дидани он иҷозат дода шудааст.</translation>
    </message>
    <message>
        <source>Add copies of photos without metadata (GPS, camera, time)</source>
        <translation>Нусхаҳои суратҳо бе метамаълумот (GPS, камера, вақт) илова шаванд</translation>
    </message>
    <message>
        <source>Leave out the originals (only the copies without metadata)</source>
        <translation>Аслҳо дохил нашаванд (танҳо нусхаҳо бе метамаълумот)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Интихоб…</translation>
    </message>
    <message>
        <source>Save the bundle as:</source>
        <translation>Бастаро бо номи зерин нигоҳ доред:</translation>
    </message>
    <message>
        <source>Writing the encrypted, signed bundle…</source>
        <translation>Бастаи рамзгузоришуда ва имзошуда навишта мешавад…</translation>
    </message>
    <message>
        <source>Copy bundle ID</source>
        <translation>Нусхабардории ID-и баста</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Бозгашт</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Баъдӣ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бекор кардан</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>Нигоҳ доштани баста</translation>
    </message>
    <message>
        <source>age bundles (*.age)</source>
        <translation>Бастаҳои age (*.age)</translation>
    </message>
    <message>
        <source>Choose at least one testimony.</source>
        <translation>Ақаллан як шаҳодатро интихоб кунед.</translation>
    </message>
    <message>
        <source>Choose at least one recipient.</source>
        <translation>Ақаллан як гирандаро интихоб кунед.</translation>
    </message>
    <message>
        <source>Choose where to save the bundle.</source>
        <translation>Интихоб кунед, ки бастаро дар куҷо нигоҳ доред.</translation>
    </message>
    <message>
        <source>A file with this name exists already: choose another name.</source>
        <translation>Файл бо ин ном аллакай вуҷуд дорад: номи дигар интихоб кунед.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Пӯшидан</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Содирот</translation>
    </message>
    <message>
        <source>The bundle is ready.</source>
        <translation>Баста тайёр аст.</translation>
    </message>
    <message>
        <source>Bundle ID: %1</source>
        <translation>ID-и баста: %1</translation>
    </message>
    <message>
        <source>File SHA-256: %1</source>
        <translation>SHA-256-и файл: %1</translation>
    </message>
    <message numerus="yes">
        <source>Testimonies: %n</source>
        <translation>
            <numerusform>Шаҳодатҳо: %n</numerusform>
            <numerusform>Шаҳодатҳо: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Recipients: %1</source>
        <translation>Гирандагон: %1</translation>
    </message>
    <message>
        <source>Witness identities are included, sealed.</source>
        <translation>Шахсияти шоҳидон мӯҳршуда дохил шудааст.</translation>
    </message>
    <message>
        <source>No witness identities are included.</source>
        <translation>Шахсияти шоҳидон дохил нашудааст.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Содирот анҷом наёфт: %1</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Restore this version into the form</source>
        <translation>Ин версияро ба шакл барқарор кардан</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>Версияи %1 · %2</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Also accept bundles from signers I have not marked trusted (they are flagged)</source>
        <translation>Бастаҳо аз имзокунандагоне, ки боэътимод қайд нашудаанд, ҳам қабул шаванд (онҳо нишона мегиранд)</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Ворид кардани бастаҳо…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бекор кардан</translation>
    </message>
    <message>
        <source>Drop bundle files (.age) here, or choose them.</source>
        <translation>Файлҳои бастаро (.age) ба ин ҷо кашед ё интихоб кунед.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Натиҷа</translation>
    </message>
    <message>
        <source>Bundle ID</source>
        <translation>ID-и баста</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Шаҳодатҳо</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Имзокунанда</translation>
    </message>
    <message>
        <source>Bundles received so far, each kept as the court&apos;s exhibit:</source>
        <translation>Бастаҳое, ки то ҳол гирифта шудаанд, ҳар яке ҳамчун далели ашёӣ барои суд нигоҳ дошта мешавад:</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Гирифта шуд</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Эътимод</translation>
    </message>
    <message>
        <source>Save as received (exhibit)…</source>
        <translation>Нигоҳ доштан ҳамон тавре ки гирифта шуд (далели ашёӣ)…</translation>
    </message>
    <message>
        <source>Write the selected bundle exactly as it was received, byte for byte, for the court file</source>
        <translation>Бастаи интихобшударо айнан ҳамон тавре ки гирифта шуда буд, байт ба байт, барои парвандаи суд нависед</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Воридоти бастаҳо</translation>
    </message>
    <message>
        <source>Bundles (*.age);;All files (*)</source>
        <translation>Бастаҳо (*.age);;Ҳамаи файлҳо (*)</translation>
    </message>
    <message numerus="yes">
        <source>Checking and importing %n bundle(s)…</source>
        <translation>
            <numerusform>%n баста санҷида ва ворид мешавад…</numerusform>
            <numerusform>%n баста санҷида ва ворид мешавад…</numerusform>
        </translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>боэътимод</translation>
    </message>
    <message>
        <source>Save the bundle as received</source>
        <translation>Бастаро ҳамон тавре ки гирифта шуд нигоҳ доред</translation>
    </message>
    <message>
        <source>Bundles (*.age)</source>
        <translation>Бастаҳо (*.age)</translation>
    </message>
    <message>
        <source>Saved exactly as received: %1</source>
        <translation>Айнан ҳамон тавре ки гирифта шуда буд, нигоҳ дошта шуд: %1</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Бекор шуд: ҳеҷ файл навишта нашуд.</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>рад шуд: %1</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>ворид шуд</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>аллакай ворид шудааст</translation>
    </message>
    <message>
        <source>FLAGGED: signer not trusted</source>
        <translation>НИШОНАГУЗОРӢ ШУД: имзокунанда боэътимод нест</translation>
    </message>
    <message>
        <source>%1 of %2 bundles accepted.</source>
        <translation>%1 аз %2 баста қабул шуд.</translation>
    </message>
    <message>
        <source>Cancelled: the bundle being read was not imported.</source>
        <translation>Бекор шуд: бастае, ки хонда мешуд, ворид нашуд.</translation>
    </message>
</context>
<context>
    <name>IncidentsEditor</name>
    <message>
        <source>Add incident</source>
        <translation>Илова кардани ҳодиса</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Нест кардан</translation>
    </message>
    <message>
        <source>Date precision</source>
        <translation>Дақиқии сана</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Аз</translation>
    </message>
    <message>
        <source>To</source>
        <translation>То</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ҷой</translation>
    </message>
    <message>
        <source>Acts (Rome Statute)</source>
        <translation>Кирдорҳо (Оинномаи Рим)</translation>
    </message>
    <message>
        <source>Perpetrators</source>
        <translation>Содиркунандагон</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Ҷабрдидагон</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Тавсиф</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>сана номаълум</translation>
    </message>
    <message>
        <source>Incident %1: %2 %3</source>
        <translation>Ҳодисаи %1: %2 %3</translation>
    </message>
</context>
<context>
    <name>KeysView</name>
    <message>
        <source>My key card</source>
        <translation>Корти калиди ман</translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation>Нусхабардории изи калид</translation>
    </message>
    <message>
        <source>Save key card to a file…</source>
        <translation>Корти калидро ба файл нигоҳ доштан…</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Изи калид:</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Шахсони тамос</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ном</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Изи калид</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Боэътимод</translation>
    </message>
    <message>
        <source>May see identities</source>
        <translation>Шахсиятҳоро дида метавонад</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Муқоиса шуд</translation>
    </message>
    <message>
        <source>Import a key card…</source>
        <translation>Ворид кардани корти калид…</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>муқоиса нашудааст</translation>
    </message>
    <message>
        <source>Save key card</source>
        <translation>Нигоҳ доштани корти калид</translation>
    </message>
    <message>
        <source>Key cards (*.txt)</source>
        <translation>Кортҳои калид (*.txt)</translation>
    </message>
    <message>
        <source>Key card saved.</source>
        <translation>Корти калид нигоҳ дошта шуд.</translation>
    </message>
    <message>
        <source>Import a key card</source>
        <translation>Воридоти корти калид</translation>
    </message>
    <message>
        <source>This file is not a key card.</source>
        <translation>Ин файл корти калид нест.</translation>
    </message>
    <message>
        <source>Contact added.</source>
        <translation>Шахси тамос илова шуд.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Қуфл кардан</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Panic: lock and quit</source>
        <translation>&amp;Хатар: қуфл кардан ва баромадан</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Ctrl+Shift+Q</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Баромадан</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Махзан</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Танзимот</translation>
    </message>
    <message>
        <source>Lock after inactivity…</source>
        <translation>Қуфл ҳангоми бефаъолиятӣ…</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Мувофиқи система</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Қуфли худкор</translation>
    </message>
    <message>
        <source>Lock the vault after this many idle minutes:</source>
        <translation>Махзан пас аз ин қадар дақиқаи бефаъолиятӣ қуфл шавад:</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up your evidence vault</source>
        <translation>Танзими махзани далелҳои шумо</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Бозгашт</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Баъдӣ</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Интихоб…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Забон</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Мувофиқи система</translation>
    </message>
    <message>
        <source>Choose where the encrypted vault is kept. Everything in it is encrypted; without your passphrase or recovery code nobody can read it.</source>
        <translation>Интихоб кунед, ки махзани рамзгузоришуда дар куҷо нигоҳ дошта шавад. Ҳама чиз дар он рамзгузорӣ шудааст; бе ибораи рамз ё рамзи барқарорсозии шумо ҳеҷ кас онро хонда наметавонад.</translation>
    </message>
    <message>
        <source>A name or pseudonym</source>
        <translation>Ном ё тахаллус</translation>
    </message>
    <message>
        <source>Your name or a pseudonym. It is put on your key card, which you share with the people you send evidence to.</source>
        <translation>Номи шумо ё тахаллус. Он дар корти калиди шумо навишта мешавад, ки онро ба одамоне медиҳед, ки ба онҳо далел мефиристед.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Ибораи рамз</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Мустаҳкамӣ</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Такрор</translation>
    </message>
    <message>
        <source>Choose a long passphrase, for example five or more unrelated words. You type it every time you open the vault.</source>
        <translation>Ибораи рамзи дароз интихоб кунед, масалан панҷ ё зиёда калимаи ба ҳам алоқаманднабуда. Шумо онро ҳар дафъа ҳангоми кушодани махзан ворид мекунед.</translation>
    </message>
    <message>
        <source>I wrote it down and keep it in a safe place</source>
        <translation>Ман онро навиштам ва дар ҷои бехатар нигоҳ медорам</translation>
    </message>
    <message>
        <source>This is your recovery code. It opens the vault if you forget the passphrase. Write it on paper now: it is shown only this once.</source>
        <translation>Ин рамзи барқарорсозии шумост. Агар ибораи рамзро фаромӯш кунед, он махзанро мекушояд. Онро ҳозир ба коғаз нависед: он танҳо ҳамин як бор нишон дода мешавад.</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Ҷузвдони махзан</translation>
    </message>
    <message>
        <source>Choose a folder for the vault.</source>
        <translation>Барои махзан ҷузвдон интихоб кунед.</translation>
    </message>
    <message>
        <source>There is already a vault in this folder.</source>
        <translation>Дар ин ҷузвдон аллакай махзан ҳаст.</translation>
    </message>
    <message>
        <source>Enter a name or pseudonym.</source>
        <translation>Ном ё тахаллусро ворид кунед.</translation>
    </message>
    <message>
        <source>This passphrase is too weak: make it longer.</source>
        <translation>Ин ибораи рамз хеле заиф аст: онро дарозтар кунед.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Ду ибораи рамз якхела нестанд.</translation>
    </message>
    <message>
        <source>Confirm that you wrote down the recovery code.</source>
        <translation>Тасдиқ кунед, ки рамзи барқарорсозиро навиштед.</translation>
    </message>
    <message>
        <source>Open the vault</source>
        <translation>Кушодани махзан</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Эҷоди махзан</translation>
    </message>
    <message>
        <source>The vault could not be created.</source>
        <translation>Махзанро эҷод кардан имконнопазир шуд.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>very weak</source>
        <translation>хеле заиф</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>заиф</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>миёна</translation>
    </message>
    <message>
        <source>good</source>
        <translation>хуб</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>мустаҳкам</translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Mark complete</source>
        <translation>Анҷомёфта қайд кардан</translation>
    </message>
    <message>
        <source>Untitled testimony</source>
        <translation>Шаҳодати бесарлавҳа</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Нигоҳ дошта нашуд: %1</translation>
    </message>
    <message>
        <source>Cannot save yet: %1</source>
        <translation>Ҳоло нигоҳ доштан ғайриимкон аст: %1</translation>
    </message>
    <message>
        <source>Saving draft…</source>
        <translation>Пешнавис нигоҳ дошта мешавад…</translation>
    </message>
    <message>
        <source>New testimony: start typing, it is saved as a draft</source>
        <translation>Шаҳодати нав: навиштанро оғоз кунед, он ҳамчун пешнавис нигоҳ дошта мешавад</translation>
    </message>
    <message>
        <source>Saved · complete</source>
        <translation>Нигоҳ дошта шуд · анҷомёфта</translation>
    </message>
    <message>
        <source>Saved as draft</source>
        <translation>Ҳамчун пешнавис нигоҳ дошта шуд</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Ба пешнавис баргардондан</translation>
    </message>
    <message>
        <source>To mark it complete, still missing:</source>
        <translation>Барои анҷомёфта қайд кардан ҳанӯз намерасад:</translation>
    </message>
</context>
<context>
    <name>TestimonyForm</name>
    <message>
        <source>Language codes, e.g. tg, ru</source>
        <translation>Рамзҳои забон, масалан tg, ru</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Сарлавҳа</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Забонҳо</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Нақл</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Қайдҳо</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Шаҳодат</translation>
    </message>
    <message>
        <source>Sealed identity</source>
        <translation>Шахсияти мӯҳршуда</translation>
    </message>
    <message>
        <source>Kept sealed: never shown in lists or search, exported only to contacts you allowed to see witness identities.</source>
        <translation>Мӯҳршуда нигоҳ дошта мешавад: ҳеҷ гоҳ дар рӯйхатҳо ва ҷустуҷӯ нишон дода намешавад, танҳо ба шахсони тамосе содир мешавад, ки ба онҳо дидани шахсияти шоҳидонро иҷозат додаед.</translation>
    </message>
    <message>
        <source>Sealed: never in lists, search or exports, except for recipients you allowed to see witness identities.</source>
        <translation>Мӯҳршуда: ҳеҷ гоҳ дар рӯйхатҳо, ҷустуҷӯ ва содирот нест, ба истиснои гирандагоне, ки ба онҳо дидани шахсияти шоҳидонро иҷозат додаед.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ном</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Маълумоти тамос</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Тафсилот</translation>
    </message>
    <message>
        <source>Comma-separated</source>
        <translation>Бо вергул ҷудо карда</translation>
    </message>
    <message>
        <source>Witness pseudonym</source>
        <translation>Тахаллуси шоҳид</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Санаи мусоҳиба</translation>
    </message>
    <message>
        <source>Interview place</source>
        <translation>Ҷойи мусоҳиба</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Тарз</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Мусоҳибагир</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Тарҷумон</translation>
    </message>
    <message>
        <source>Others present</source>
        <translation>Дигар ҳозирон</translation>
    </message>
    <message>
        <source>Interview languages</source>
        <translation>Забонҳои мусоҳиба</translation>
    </message>
    <message>
        <source>Prior accounts</source>
        <translation>Шаҳодатҳои қаблӣ</translation>
    </message>
    <message>
        <source>Witness and interview</source>
        <translation>Шоҳид ва мусоҳиба</translation>
    </message>
    <message>
        <source>The witness gave informed consent</source>
        <translation>Шоҳид розигии огоҳона дод</translation>
    </message>
    <message>
        <source>Only if consent was withdrawn</source>
        <translation>Танҳо агар розигӣ бозпас гирифта шуда бошад</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Чӣ тавр</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Сана</translation>
    </message>
    <message>
        <source>May be shared with</source>
        <translation>Метавон додан ба</translation>
    </message>
    <message>
        <source>Identity disclosure</source>
        <translation>Ифшои шахсият</translation>
    </message>
    <message>
        <source>Restrictions</source>
        <translation>Маҳдудиятҳо</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Бозпас гирифта шуд дар</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Розигӣ</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Ҳодисаҳо</translation>
    </message>
</context>
<context>
    <name>TestimonyListPanel</name>
    <message>
        <source>Search title, narrative, notes, pseudonym…</source>
        <translation>Ҷустуҷӯи сарлавҳа, нақл, қайдҳо, тахаллус…</translation>
    </message>
    <message>
        <source>Any act</source>
        <translation>Ҳар кирдор</translation>
    </message>
    <message>
        <source>Any consent scope</source>
        <translation>Ҳар доираи розигӣ</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Ҳар ҳолат</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Пешнавис</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Анҷомёфта</translation>
    </message>
    <message>
        <source>Incidents from</source>
        <translation>Ҳодисаҳо аз</translation>
    </message>
    <message>
        <source>to</source>
        <translation>то</translation>
    </message>
    <message numerus="yes">
        <source>Testimonies: %n</source>
        <translation>
            <numerusform>Шаҳодатҳо: %n</numerusform>
            <numerusform>Шаҳодатҳо: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestimonyTableModel</name>
    <message>
        <source>Title</source>
        <translation>Сарлавҳа</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Шоҳид</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Ҳолат</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Кирдорҳо</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлҳо</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Навсозӣ</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Нишонаҳо</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>бе розигӣ</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>пешнавис</translation>
    </message>
    <message>
        <source>has location data</source>
        <translation>маълумоти макон дорад</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Анҷомёфта</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Пешнавис</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>The vault is locked</source>
        <translation>Махзан қуфл аст</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Ибораи рамз</translation>
    </message>
    <message>
        <source>Use the recovery code instead</source>
        <translation>Ба ҷояш рамзи барқарорсозиро истифода баред</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Кушодани қуфл</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Рамзи барқарорсозӣ</translation>
    </message>
    <message>
        <source>Wrong recovery code.</source>
        <translation>Рамзи барқарорсозӣ нодуруст аст.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Ибораи рамз нодуруст аст.</translation>
    </message>
    <message>
        <source>Please wait a moment, then try again.</source>
        <translation>Лутфан каме сабр кунед, баъд боз кӯшиш кунед.</translation>
    </message>
    <message>
        <source>The vault could not be opened.</source>
        <translation>Махзанро кушодан имконнопазир шуд.</translation>
    </message>
</context>
<context>
    <name>VerifyView</name>
    <message>
        <source>Verify a bundle file…</source>
        <translation>Санҷиши файли баста…</translation>
    </message>
    <message>
        <source>Verify a bag folder…</source>
        <translation>Санҷиши ҷузвдони BagIt…</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Нигоҳ доштани гузориш…</translation>
    </message>
    <message>
        <source>Verify a bundle</source>
        <translation>Санҷиши баста</translation>
    </message>
    <message>
        <source>Verify a bag folder</source>
        <translation>Санҷиши ҷузвдони BagIt</translation>
    </message>
    <message>
        <source>✔ All checks passed</source>
        <translation>✔ Ҳамаи санҷишҳо гузаштанд</translation>
    </message>
    <message>
        <source>✘ Verification failed</source>
        <translation>✘ Санҷиш нагузашт</translation>
    </message>
    <message>
        <source>Signed by %1 (%2).</source>
        <translation>Имзо кард: %1 (%2).</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Нигоҳ доштани гузориш</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <source>Report saved.</source>
        <translation>Гузориш нигоҳ дошта шуд.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Our coordinator</source>
        <translation>Ҳамоҳангсози мо</translation>
    </message>
    <message>
        <source>Partner organisations</source>
        <translation>Ташкилотҳои шарик</translation>
    </message>
    <message>
        <source>United Nations bodies</source>
        <translation>Мақомоти Созмони Милали Муттаҳид</translation>
    </message>
    <message>
        <source>International Criminal Court</source>
        <translation>Суди байналмилалии ҷиноятӣ</translation>
    </message>
    <message>
        <source>National courts and prosecutors</source>
        <translation>Судҳо ва прокурорҳои миллӣ</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Васоити ахбори омма</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>Шифоҳӣ</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Хаттӣ</translation>
    </message>
    <message>
        <source>Identity never disclosed</source>
        <translation>Шахсият ҳеҷ гоҳ ифшо намешавад</translation>
    </message>
    <message>
        <source>Identity disclosed to courts and investigating authorities only</source>
        <translation>Шахсият танҳо ба судҳо ва мақомоти тафтишотӣ ифшо мешавад</translation>
    </message>
    <message>
        <source>Identity may be made public</source>
        <translation>Шахсиятро ошкор кардан мумкин аст</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Рӯ ба рӯ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Занги видеоӣ</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Дигар</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Пешнавис</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Анҷомёфта</translation>
    </message>
    <message>
        <source>Exact day</source>
        <translation>Рӯзи дақиқ</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Моҳ</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Сол</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Номаълум</translation>
    </message>
    <message>
        <source>Genocide: killing members of the group</source>
        <translation>Генотсид: куштани аъзои гурӯҳ</translation>
    </message>
    <message>
        <source>Genocide: causing serious bodily or mental harm to members of the group</source>
        <translation>Генотсид: расонидани зарари ҷиддии ҷисмонӣ ё равонӣ ба аъзои гурӯҳ</translation>
    </message>
    <message>
        <source>Genocide: deliberately inflicting conditions of life calculated to bring about the group&apos;s physical destruction</source>
        <translation>Генотсид: қасдан фароҳам овардани шароити зиндагие, ки ба нобудии ҷисмонии гурӯҳ нигаронида шудааст</translation>
    </message>
    <message>
        <source>Genocide: imposing measures intended to prevent births within the group</source>
        <translation>Генотсид: ҷорӣ кардани чораҳое, ки барои пешгирии таваллуд дар дохили гурӯҳ пешбинӣ шудаанд</translation>
    </message>
    <message>
        <source>Genocide: forcibly transferring children of the group to another group</source>
        <translation>Генотсид: маҷбуран интиқол додани кӯдакони гурӯҳ ба гурӯҳи дигар</translation>
    </message>
    <message>
        <source>Murder</source>
        <translation>Куштор</translation>
    </message>
    <message>
        <source>Extermination</source>
        <translation>Несту нобуд кардан</translation>
    </message>
    <message>
        <source>Enslavement</source>
        <translation>Ба ғуломӣ гирифтан</translation>
    </message>
    <message>
        <source>Deportation or forcible transfer of population</source>
        <translation>Депортатсия ё кӯчонидани маҷбурии аҳолӣ</translation>
    </message>
    <message>
        <source>Imprisonment or other severe deprivation of physical liberty</source>
        <translation>Ба ҳабс гирифтан ё дигар маҳрумсозии шадиди озодии ҷисмонӣ</translation>
    </message>
    <message>
        <source>Torture</source>
        <translation>Шиканҷа</translation>
    </message>
    <message>
        <source>Rape, sexual slavery, enforced prostitution, forced pregnancy, enforced sterilization or other sexual violence</source>
        <translation>Таҷовузи ҷинсӣ, ғуломии ҷинсӣ, фоҳишагии маҷбурӣ, ҳомиладории маҷбурӣ, безурётсозии маҷбурӣ ё дигар шаклҳои зӯроварии ҷинсӣ</translation>
    </message>
    <message>
        <source>Persecution against an identifiable group or collectivity</source>
        <translation>Таъқиби ягон гурӯҳ ё ҷамоати муайян</translation>
    </message>
    <message>
        <source>Enforced disappearance of persons</source>
        <translation>Ғайб задани маҷбурии шахсон</translation>
    </message>
    <message>
        <source>The crime of apartheid</source>
        <translation>Ҷинояти апартеид</translation>
    </message>
    <message>
        <source>Other inhumane acts causing great suffering or serious injury</source>
        <translation>Дигар кирдорҳои ғайриинсонӣ, ки азоби сахт ё зарари ҷиддӣ мерасонанд</translation>
    </message>
    <message>
        <source>Wilful killing</source>
        <translation>Куштори қасдона</translation>
    </message>
    <message>
        <source>Torture or inhuman treatment, including biological experiments</source>
        <translation>Шиканҷа ё муносибати ғайриинсонӣ, аз ҷумла таҷрибаҳои биологӣ</translation>
    </message>
    <message>
        <source>Wilfully causing great suffering, or serious injury to body or health</source>
        <translation>Қасдан расонидани азоби сахт ё зарари ҷиддӣ ба бадан ё саломатӣ</translation>
    </message>
    <message>
        <source>Extensive destruction and appropriation of property, not justified by military necessity</source>
        <translation>Нобудсозӣ ва тасарруфи васеи амвол, ки бо зарурати ҳарбӣ асоснок нест</translation>
    </message>
    <message>
        <source>Compelling a protected person to serve in the forces of a hostile Power</source>
        <translation>Маҷбур кардани шахси ҳифзшаванда ба хизмат дар қувваҳои давлати душман</translation>
    </message>
    <message>
        <source>Wilfully depriving a protected person of the rights of fair trial</source>
        <translation>Қасдан маҳрум кардани шахси ҳифзшаванда аз ҳуқуқи мурофиаи судии одилона</translation>
    </message>
    <message>
        <source>Unlawful deportation or transfer or unlawful confinement</source>
        <translation>Депортатсия ё интиқоли ғайриқонунӣ ё ҳабси ғайриқонунӣ</translation>
    </message>
    <message>
        <source>Taking of hostages</source>
        <translation>Гаравгон гирифтан</translation>
    </message>
    <message>
        <source>Intentionally directing attacks against the civilian population</source>
        <translation>Қасдан ҳамла кардан ба аҳолии осоишта</translation>
    </message>
    <message>
        <source>Intentionally directing attacks against civilian objects</source>
        <translation>Қасдан ҳамла кардан ба объектҳои мулкӣ</translation>
    </message>
    <message>
        <source>Attacking humanitarian assistance or peacekeeping personnel or objects</source>
        <translation>Ҳамла ба кормандон ё объектҳои кӯмаки башардӯстона ё сулҳнигаҳдорӣ</translation>
    </message>
    <message>
        <source>Launching an attack knowing it will cause clearly excessive incidental civilian harm</source>
        <translation>Ҳамла бо огоҳӣ аз он ки ба аҳолии осоишта зарари тасодуфии аз ҳад зиёд мерасонад</translation>
    </message>
    <message>
        <source>Attacking or bombarding undefended towns, villages, dwellings or buildings</source>
        <translation>Ҳамла ё бомбаборони шаҳрҳо, деҳаҳо, манзилҳо ё биноҳои беҳимоя</translation>
    </message>
    <message>
        <source>Killing or wounding a combatant who has surrendered (hors de combat)</source>
        <translation>Куштан ё захмӣ кардани ҷанговаре, ки таслим шудааст (hors de combat)</translation>
    </message>
    <message>
        <source>Improper use of a flag of truce, enemy or UN flag or uniform, or the distinctive emblems</source>
        <translation>Истифодаи номатлуби парчами сулҳ, парчам ё либоси ҳарбии душман ё СММ ё нишонаҳои фарқкунанда</translation>
    </message>
    <message>
        <source>Transfer of own civilians into occupied territory, or deportation or transfer of its population</source>
        <translation>Кӯчонидани аҳолии осоиштаи худ ба қаламрави ишғолшуда ё депортатсия ё кӯчонидани аҳолии он</translation>
    </message>
    <message>
        <source>Attacking buildings dedicated to religion, education, art, science or charity, historic monuments or hospitals</source>
        <translation>Ҳамла ба биноҳои динӣ, маорифӣ, санъат, илм ё хайрия, ёдгориҳои таърихӣ ё беморхонаҳо</translation>
    </message>
    <message>
        <source>Physical mutilation or medical or scientific experiments</source>
        <translation>Маъюб кардани ҷисмонӣ ё таҷрибаҳои тиббӣ ё илмӣ</translation>
    </message>
    <message>
        <source>Killing or wounding treacherously</source>
        <translation>Хиёнаткорона куштан ё захмӣ кардан</translation>
    </message>
    <message>
        <source>Declaring that no quarter will be given</source>
        <translation>Эълон кардани он ки ба ҳеҷ кас амон дода намешавад</translation>
    </message>
    <message>
        <source>Destroying or seizing the enemy&apos;s property</source>
        <translation>Нобуд кардан ё мусодираи амволи душман</translation>
    </message>
    <message>
        <source>Abolishing the rights and actions of nationals of the hostile party</source>
        <translation>Бекор кардани ҳуқуқҳо ва даъвоҳои шаҳрвандони ҷониби душман</translation>
    </message>
    <message>
        <source>Compelling nationals of the hostile party to take part in operations of war against their own country</source>
        <translation>Маҷбур кардани шаҳрвандони ҷониби душман ба иштирок дар амалиёти ҷангӣ бар зидди кишвари худашон</translation>
    </message>
    <message>
        <source>Pillaging a town or place</source>
        <translation>Ғорат кардани шаҳр ё маҳал</translation>
    </message>
    <message>
        <source>Employing poison or poisoned weapons</source>
        <translation>Истифодаи заҳр ё силоҳи заҳролуд</translation>
    </message>
    <message>
        <source>Employing asphyxiating, poisonous or other gases</source>
        <translation>Истифодаи газҳои нафасгир, заҳрнок ё дигар газҳо</translation>
    </message>
    <message>
        <source>Employing bullets which expand or flatten easily in the human body</source>
        <translation>Истифодаи тирҳое, ки дар бадани инсон ба осонӣ мекафанд ё паҳн мешаванд</translation>
    </message>
    <message>
        <source>Outrages upon personal dignity, humiliating and degrading treatment</source>
        <translation>Таҳқири шаъну шарафи шахс, муносибати таҳқиромез ва пасткунанда</translation>
    </message>
    <message>
        <source>Using civilians or other protected persons as shields</source>
        <translation>Истифодаи шахсони осоишта ё дигар шахсони ҳифзшаванда ҳамчун сипар</translation>
    </message>
    <message>
        <source>Attacking medical units, transport and personnel using the distinctive emblems</source>
        <translation>Ҳамла ба муассисаҳо, нақлиёт ва кормандони тиббӣ, ки нишонаҳои фарқкунандаро истифода мебаранд</translation>
    </message>
    <message>
        <source>Starvation of civilians as a method of warfare, including impeding relief supplies</source>
        <translation>Гурусна нигоҳ доштани аҳолии осоишта ҳамчун усули ҷанг, аз ҷумла монеъ шудан ба расонидани кӯмак</translation>
    </message>
    <message>
        <source>Conscripting or enlisting children under fifteen or using them in hostilities</source>
        <translation>Ба хизмат ҷалб кардан ё сафарбар кардани кӯдакони то понздаҳсола ё истифодаи онҳо дар амалиёти ҷангӣ</translation>
    </message>
    <message>
        <source>Violence to life and person: murder, mutilation, cruel treatment and torture</source>
        <translation>Зӯроварӣ нисбат ба ҳаёт ва шахс: куштор, маъюбкунӣ, муносибати бераҳмона ва шиканҷа</translation>
    </message>
    <message>
        <source>Sentences or executions without judgement of a regularly constituted court</source>
        <translation>Содир кардани ҳукм ё иҷрои ҷазо бе қарори суди тибқи тартиби муқарраргардида таъсисёфта</translation>
    </message>
    <message>
        <source>Ordering the displacement of the civilian population</source>
        <translation>Фармон додан дар бораи кӯчонидани аҳолии осоишта</translation>
    </message>
    <message>
        <source>Killing or wounding treacherously a combatant adversary</source>
        <translation>Хиёнаткорона куштан ё захмӣ кардани ҷанговари ҷониби муқобил</translation>
    </message>
    <message>
        <source>Destroying or seizing the property of an adversary</source>
        <translation>Нобуд кардан ё мусодираи амволи ҷониби муқобил</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Files</source>
        <translation>Файлҳо</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Занҷираи нигаҳдорӣ</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Таърих</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Шаҳодатҳо</translation>
    </message>
    <message>
        <source>Keys and contacts</source>
        <translation>Калидҳо ва шахсони тамос</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Воридот</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Санҷиш</translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation>Шаҳодати нав</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>Содироти интихобшудаҳо…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Select the testimonies to export first.</source>
        <translation>Аввал шаҳодатҳоро барои содирот интихоб кунед.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Тағйироти нигоҳдоштанашуда</translation>
    </message>
    <message>
        <source>Your last changes cannot be saved yet: %1

Discard them?</source>
        <translation>Тағйироти охирини шуморо ҳоло нигоҳ доштан ғайриимкон аст: %1

Онҳоро бекор кунем?</translation>
    </message>
</context>
</TS>
