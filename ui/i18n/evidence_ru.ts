<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>ActPicker</name>
    <message>
        <source>Search acts: torture, 8(2)(b), RS-7…</source>
        <translation>Поиск деяний: пытки, 8(2)(b), RS-7…</translation>
    </message>
    <message>
        <source>No act chosen</source>
        <translation>Деяние не выбрано</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Drop photos, audio or documents here.</source>
        <translation>Перетащите сюда фотографии, аудиозаписи или документы.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Снято</translation>
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
        <translation>Добавлено</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>Файл %1</translation>
    </message>
    <message>
        <source>This file holds GPS coordinates: where it was taken can be seen by anyone who receives it. Choose &quot;remove photo metadata&quot; when you export.</source>
        <translation>В этом файле есть GPS-координаты: любой получатель увидит, где он был снят. При экспорте выберите «удалить метаданные фотографий».</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Добавить файлы</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n file(s)…</source>
        <translation>
            <numerusform>Добавляется %n файл…</numerusform>
            <numerusform>Добавляются %n файла…</numerusform>
            <numerusform>Добавляются %n файлов…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added.</source>
        <translation>
            <numerusform>Добавлен %n файл.</numerusform>
            <numerusform>Добавлено %n файла.</numerusform>
            <numerusform>Добавлено %n файлов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was added.</source>
        <translation>Отменено: ничего не добавлено.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Не добавлено: %1</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add a contact</source>
        <translation>Добавить контакт</translation>
    </message>
    <message>
        <source>Not compared yet</source>
        <translation>Ещё не сверено</translation>
    </message>
    <message>
        <source>Compared in person</source>
        <translation>Сверено при личной встрече</translation>
    </message>
    <message>
        <source>Compared on a call</source>
        <translation>Сверено по телефону</translation>
    </message>
    <message>
        <source>Scanned their QR code</source>
        <translation>Отсканирован QR-код контакта</translation>
    </message>
    <message>
        <source>Trusted: I may send evidence to this person</source>
        <translation>Доверенный: этому человеку можно отправлять доказательства</translation>
    </message>
    <message>
        <source>May see witness identities</source>
        <translation>Может видеть личности свидетелей</translation>
    </message>
    <message>
        <source>Name on the card</source>
        <translation>Имя на карточке</translation>
    </message>
    <message>
        <source>Ask your contact to read their fingerprint to you, or read it together. It must match every digit:</source>
        <translation>Попросите контакт зачитать вам свой отпечаток ключа или прочитайте его вместе. Должна совпасть каждая цифра:</translation>
    </message>
    <message>
        <source>How compared</source>
        <translation>Как сверено</translation>
    </message>
</context>
<context>
    <name>CustodyView</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кем</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Цепочка</translation>
    </message>
    <message>
        <source>created</source>
        <translation>создано</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>file added</source>
        <translation>добавлен файл</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>экспортировано</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортировано</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>проверено</translation>
    </message>
    <message>
        <source>shredded</source>
        <translation>уничтожено</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>изменён статус</translation>
    </message>
    <message>
        <source>testimony, received in bundle %1</source>
        <translation>показание, получено в пакете %1</translation>
    </message>
    <message>
        <source>The custody history could not be read.</source>
        <translation>Не удалось прочитать историю цепочки хранения.</translation>
    </message>
    <message>
        <source>✔ valid</source>
        <translation>✔ действительна</translation>
    </message>
    <message>
        <source>✘ INVALID</source>
        <translation>✘ НЕДЕЙСТВИТЕЛЬНА</translation>
    </message>
    <message>
        <source>vault</source>
        <translation>хранилище</translation>
    </message>
    <message>
        <source>testimony</source>
        <translation>показание</translation>
    </message>
    <message numerus="yes">
        <source>%n custody event(s), all signatures valid.</source>
        <translation>
            <numerusform>%n событие цепочки хранения, все подписи действительны.</numerusform>
            <numerusform>%n события цепочки хранения, все подписи действительны.</numerusform>
            <numerusform>%n событий цепочки хранения, все подписи действительны.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) do not verify.</source>
        <translation>
            <numerusform>%n событие не проходит проверку.</numerusform>
            <numerusform>%n события не проходят проверку.</numerusform>
            <numerusform>%n событий не проходят проверку.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation>Экспорт пакета</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>нет согласия</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>Testimonies in this bundle:</source>
        <translation>Показания в этом пакете:</translation>
    </message>
    <message>
        <source>may see witness identities</source>
        <translation>может видеть личности свидетелей</translation>
    </message>
    <message>
        <source>not trusted (mark trusted in Keys and contacts)</source>
        <translation>не доверенный (отметьте как доверенного в разделе «Ключи и контакты»)</translation>
    </message>
    <message>
        <source>Also encrypt to myself (I can open it later)</source>
        <translation>Зашифровать и для себя (смогу открыть позже)</translation>
    </message>
    <message>
        <source>Only these people can open the bundle. Witness identities are included, sealed, only for recipients allowed to see them.</source>
        <translation>Открыть пакет смогут только эти люди. Личности свидетелей включаются в запечатанном виде и только для получателей, которым разрешено их видеть.</translation>
    </message>
    <message>
        <source>Add copies of photos without metadata (GPS, camera, time)</source>
        <translation>Добавить копии фотографий без метаданных (GPS, камера, время)</translation>
    </message>
    <message>
        <source>Leave out the originals (only the copies without metadata)</source>
        <translation>Не включать оригиналы (только копии без метаданных)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Save the bundle as:</source>
        <translation>Сохранить пакет как:</translation>
    </message>
    <message>
        <source>Writing the encrypted, signed bundle…</source>
        <translation>Запись зашифрованного подписанного пакета…</translation>
    </message>
    <message>
        <source>Copy bundle ID</source>
        <translation>Копировать ID пакета</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>Сохранение пакета</translation>
    </message>
    <message>
        <source>age bundles (*.age)</source>
        <translation>Пакеты age (*.age)</translation>
    </message>
    <message>
        <source>Choose at least one testimony.</source>
        <translation>Выберите хотя бы одно показание.</translation>
    </message>
    <message>
        <source>Choose at least one recipient.</source>
        <translation>Выберите хотя бы одного получателя.</translation>
    </message>
    <message>
        <source>Choose where to save the bundle.</source>
        <translation>Выберите, где сохранить пакет.</translation>
    </message>
    <message>
        <source>A file with this name exists already: choose another name.</source>
        <translation>Файл с таким именем уже существует: выберите другое имя.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>The bundle is ready.</source>
        <translation>Пакет готов.</translation>
    </message>
    <message>
        <source>Bundle ID: %1</source>
        <translation>ID пакета: %1</translation>
    </message>
    <message>
        <source>File SHA-256: %1</source>
        <translation>SHA-256 файла: %1</translation>
    </message>
    <message numerus="yes">
        <source>Testimonies: %n</source>
        <translation>
            <numerusform>Показаний: %n</numerusform>
            <numerusform>Показаний: %n</numerusform>
            <numerusform>Показаний: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Recipients: %1</source>
        <translation>Получатели: %1</translation>
    </message>
    <message>
        <source>Witness identities are included, sealed.</source>
        <translation>Личности свидетелей включены в запечатанном виде.</translation>
    </message>
    <message>
        <source>No witness identities are included.</source>
        <translation>Личности свидетелей не включены.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Экспорт не удался: %1</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Restore this version into the form</source>
        <translation>Восстановить эту версию в форме</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>Версия %1 · %2</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Also accept bundles from signers I have not marked trusted (they are flagged)</source>
        <translation>Принимать и пакеты от подписантов, не отмеченных как доверенные (они помечаются)</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Импортировать пакеты…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Drop bundle files (.age) here, or choose them.</source>
        <translation>Перетащите сюда файлы пакетов (.age) или выберите их.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Bundle ID</source>
        <translation>ID пакета</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Подписант</translation>
    </message>
    <message>
        <source>Bundles received so far, each kept as the court&apos;s exhibit:</source>
        <translation>Полученные до сих пор пакеты, каждый хранится как вещественное доказательство для суда:</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получен</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Доверие</translation>
    </message>
    <message>
        <source>Save as received (exhibit)…</source>
        <translation>Сохранить в полученном виде (вещественное доказательство)…</translation>
    </message>
    <message>
        <source>Write the selected bundle exactly as it was received, byte for byte, for the court file</source>
        <translation>Записать выбранный пакет точно в том виде, в каком он был получен, байт в байт, для материалов суда</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Импорт пакетов</translation>
    </message>
    <message>
        <source>Bundles (*.age);;All files (*)</source>
        <translation>Пакеты (*.age);;Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <source>Checking and importing %n bundle(s)…</source>
        <translation>
            <numerusform>Проверка и импорт %n пакета…</numerusform>
            <numerusform>Проверка и импорт %n пакетов…</numerusform>
            <numerusform>Проверка и импорт %n пакетов…</numerusform>
        </translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>доверенный</translation>
    </message>
    <message>
        <source>Save the bundle as received</source>
        <translation>Сохранить пакет в полученном виде</translation>
    </message>
    <message>
        <source>Bundles (*.age)</source>
        <translation>Пакеты (*.age)</translation>
    </message>
    <message>
        <source>Saved exactly as received: %1</source>
        <translation>Сохранено точно в полученном виде: %1</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Отменено: файл не записан.</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>отклонён: %1</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортирован</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>уже импортирован</translation>
    </message>
    <message>
        <source>FLAGGED: signer not trusted</source>
        <translation>ПОМЕЧЕН: подписант не доверенный</translation>
    </message>
    <message>
        <source>%1 of %2 bundles accepted.</source>
        <translation>Принято пакетов: %1 из %2.</translation>
    </message>
    <message>
        <source>Cancelled: the bundle being read was not imported.</source>
        <translation>Отменено: читаемый пакет не импортирован.</translation>
    </message>
</context>
<context>
    <name>IncidentsEditor</name>
    <message>
        <source>Add incident</source>
        <translation>Добавить эпизод</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Date precision</source>
        <translation>Точность даты</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Acts (Rome Statute)</source>
        <translation>Деяния (Римский статут)</translation>
    </message>
    <message>
        <source>Perpetrators</source>
        <translation>Исполнители</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Потерпевшие</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>дата неизвестна</translation>
    </message>
    <message>
        <source>Incident %1: %2 %3</source>
        <translation>Эпизод %1: %2 %3</translation>
    </message>
</context>
<context>
    <name>KeysView</name>
    <message>
        <source>My key card</source>
        <translation>Моя карточка ключа</translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation>Копировать отпечаток</translation>
    </message>
    <message>
        <source>Save key card to a file…</source>
        <translation>Сохранить карточку ключа в файл…</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Отпечаток:</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Отпечаток</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Доверенный</translation>
    </message>
    <message>
        <source>May see identities</source>
        <translation>Может видеть личности</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Сверено</translation>
    </message>
    <message>
        <source>Import a key card…</source>
        <translation>Импортировать карточку ключа…</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>не сверено</translation>
    </message>
    <message>
        <source>Save key card</source>
        <translation>Сохранение карточки ключа</translation>
    </message>
    <message>
        <source>Key cards (*.txt)</source>
        <translation>Карточки ключей (*.txt)</translation>
    </message>
    <message>
        <source>Key card saved.</source>
        <translation>Карточка ключа сохранена.</translation>
    </message>
    <message>
        <source>Import a key card</source>
        <translation>Импорт карточки ключа</translation>
    </message>
    <message>
        <source>This file is not a key card.</source>
        <translation>Этот файл не является карточкой ключа.</translation>
    </message>
    <message>
        <source>Contact added.</source>
        <translation>Контакт добавлен.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Panic: lock and quit</source>
        <translation>&amp;Тревога: заблокировать и выйти</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Ctrl+Shift+Q</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>Lock after inactivity…</source>
        <translation>Блокировка при бездействии…</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Автоблокировка</translation>
    </message>
    <message>
        <source>Lock the vault after this many idle minutes:</source>
        <translation>Блокировать хранилище после стольких минут бездействия:</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up your evidence vault</source>
        <translation>Настройка хранилища доказательств</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Choose where the encrypted vault is kept. Everything in it is encrypted; without your passphrase or recovery code nobody can read it.</source>
        <translation>Выберите, где будет находиться зашифрованное хранилище. Всё в нём зашифровано; без вашей парольной фразы или кода восстановления никто не сможет его прочитать.</translation>
    </message>
    <message>
        <source>A name or pseudonym</source>
        <translation>Имя или псевдоним</translation>
    </message>
    <message>
        <source>Your name or a pseudonym. It is put on your key card, which you share with the people you send evidence to.</source>
        <translation>Ваше имя или псевдоним. Оно указывается на вашей карточке ключа, которую вы передаёте тем, кому отправляете доказательства.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Надёжность</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Повторите</translation>
    </message>
    <message>
        <source>Choose a long passphrase, for example five or more unrelated words. You type it every time you open the vault.</source>
        <translation>Выберите длинную парольную фразу, например пять или больше не связанных между собой слов. Вы будете вводить её при каждом открытии хранилища.</translation>
    </message>
    <message>
        <source>I wrote it down and keep it in a safe place</source>
        <translation>Я записал(а) его и храню в надёжном месте</translation>
    </message>
    <message>
        <source>This is your recovery code. It opens the vault if you forget the passphrase. Write it on paper now: it is shown only this once.</source>
        <translation>Это ваш код восстановления. Он откроет хранилище, если вы забудете парольную фразу. Запишите его на бумаге сейчас: он показывается только один раз.</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Папка хранилища</translation>
    </message>
    <message>
        <source>Choose a folder for the vault.</source>
        <translation>Выберите папку для хранилища.</translation>
    </message>
    <message>
        <source>There is already a vault in this folder.</source>
        <translation>В этой папке уже есть хранилище.</translation>
    </message>
    <message>
        <source>Enter a name or pseudonym.</source>
        <translation>Введите имя или псевдоним.</translation>
    </message>
    <message>
        <source>This passphrase is too weak: make it longer.</source>
        <translation>Эта парольная фраза слишком слабая: сделайте её длиннее.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>Confirm that you wrote down the recovery code.</source>
        <translation>Подтвердите, что вы записали код восстановления.</translation>
    </message>
    <message>
        <source>Open the vault</source>
        <translation>Открыть хранилище</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <source>The vault could not be created.</source>
        <translation>Не удалось создать хранилище.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>very weak</source>
        <translation>очень слабая</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>слабая</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>средняя</translation>
    </message>
    <message>
        <source>good</source>
        <translation>хорошая</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>надёжная</translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Mark complete</source>
        <translation>Отметить как завершённое</translation>
    </message>
    <message>
        <source>Untitled testimony</source>
        <translation>Показание без названия</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <source>Cannot save yet: %1</source>
        <translation>Пока нельзя сохранить: %1</translation>
    </message>
    <message>
        <source>Saving draft…</source>
        <translation>Сохранение черновика…</translation>
    </message>
    <message>
        <source>New testimony: start typing, it is saved as a draft</source>
        <translation>Новое показание: начните вводить текст, оно сохраняется как черновик</translation>
    </message>
    <message>
        <source>Saved · complete</source>
        <translation>Сохранено · завершено</translation>
    </message>
    <message>
        <source>Saved as draft</source>
        <translation>Сохранено как черновик</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Вернуть в черновики</translation>
    </message>
    <message>
        <source>To mark it complete, still missing:</source>
        <translation>Чтобы отметить как завершённое, не хватает:</translation>
    </message>
</context>
<context>
    <name>TestimonyForm</name>
    <message>
        <source>Language codes, e.g. tg, ru</source>
        <translation>Коды языков, например tg, ru</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Рассказ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показание</translation>
    </message>
    <message>
        <source>Sealed identity</source>
        <translation>Запечатанная личность</translation>
    </message>
    <message>
        <source>Kept sealed: never shown in lists or search, exported only to contacts you allowed to see witness identities.</source>
        <translation>Хранится запечатанным: никогда не показывается в списках и поиске, экспортируется только контактам, которым вы разрешили видеть личности свидетелей.</translation>
    </message>
    <message>
        <source>Sealed: never in lists, search or exports, except for recipients you allowed to see witness identities.</source>
        <translation>Запечатано: не попадает в списки, поиск и экспорт, кроме получателей, которым вы разрешили видеть личности свидетелей.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контактные данные</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Comma-separated</source>
        <translation>Через запятую</translation>
    </message>
    <message>
        <source>Witness pseudonym</source>
        <translation>Псевдоним свидетеля</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Дата опроса</translation>
    </message>
    <message>
        <source>Interview place</source>
        <translation>Место опроса</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Опрашивающий</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <source>Others present</source>
        <translation>Другие присутствующие</translation>
    </message>
    <message>
        <source>Interview languages</source>
        <translation>Языки опроса</translation>
    </message>
    <message>
        <source>Prior accounts</source>
        <translation>Прежние показания</translation>
    </message>
    <message>
        <source>Witness and interview</source>
        <translation>Свидетель и опрос</translation>
    </message>
    <message>
        <source>The witness gave informed consent</source>
        <translation>Свидетель дал(а) информированное согласие</translation>
    </message>
    <message>
        <source>Only if consent was withdrawn</source>
        <translation>Только если согласие отозвано</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Как</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>May be shared with</source>
        <translation>Можно передавать</translation>
    </message>
    <message>
        <source>Identity disclosure</source>
        <translation>Раскрытие личности</translation>
    </message>
    <message>
        <source>Restrictions</source>
        <translation>Ограничения</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Эпизоды</translation>
    </message>
</context>
<context>
    <name>TestimonyListPanel</name>
    <message>
        <source>Search title, narrative, notes, pseudonym…</source>
        <translation>Поиск по названию, рассказу, заметкам, псевдониму…</translation>
    </message>
    <message>
        <source>Any act</source>
        <translation>Любое деяние</translation>
    </message>
    <message>
        <source>Any consent scope</source>
        <translation>Любой объём согласия</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Incidents from</source>
        <translation>Эпизоды с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message numerus="yes">
        <source>Testimonies: %n</source>
        <translation>
            <numerusform>Показаний: %n</numerusform>
            <numerusform>Показаний: %n</numerusform>
            <numerusform>Показаний: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestimonyTableModel</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Свидетель</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Деяния</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Отметки</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>нет согласия</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>has location data</source>
        <translation>есть данные о местоположении</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>The vault is locked</source>
        <translation>Хранилище заблокировано</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Use the recovery code instead</source>
        <translation>Использовать код восстановления</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Код восстановления</translation>
    </message>
    <message>
        <source>Wrong recovery code.</source>
        <translation>Неверный код восстановления.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Неверная парольная фраза.</translation>
    </message>
    <message>
        <source>Please wait a moment, then try again.</source>
        <translation>Подождите немного и попробуйте снова.</translation>
    </message>
    <message>
        <source>The vault could not be opened.</source>
        <translation>Не удалось открыть хранилище.</translation>
    </message>
</context>
<context>
    <name>VerifyView</name>
    <message>
        <source>Verify a bundle file…</source>
        <translation>Проверить файл пакета…</translation>
    </message>
    <message>
        <source>Verify a bag folder…</source>
        <translation>Проверить папку BagIt…</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Сохранить отчёт…</translation>
    </message>
    <message>
        <source>Verify a bundle</source>
        <translation>Проверка пакета</translation>
    </message>
    <message>
        <source>Verify a bag folder</source>
        <translation>Проверка папки BagIt</translation>
    </message>
    <message>
        <source>✔ All checks passed</source>
        <translation>✔ Все проверки пройдены</translation>
    </message>
    <message>
        <source>✘ Verification failed</source>
        <translation>✘ Проверка не пройдена</translation>
    </message>
    <message>
        <source>Signed by %1 (%2).</source>
        <translation>Подписано: %1 (%2).</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Сохранение отчёта</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <source>Report saved.</source>
        <translation>Отчёт сохранён.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Our coordinator</source>
        <translation>Наш координатор</translation>
    </message>
    <message>
        <source>Partner organisations</source>
        <translation>Партнёрские организации</translation>
    </message>
    <message>
        <source>United Nations bodies</source>
        <translation>Органы Организации Объединённых Наций</translation>
    </message>
    <message>
        <source>International Criminal Court</source>
        <translation>Международный уголовный суд</translation>
    </message>
    <message>
        <source>National courts and prosecutors</source>
        <translation>Национальные суды и прокуроры</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>СМИ</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>Устно</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Письменно</translation>
    </message>
    <message>
        <source>Identity never disclosed</source>
        <translation>Личность никогда не раскрывается</translation>
    </message>
    <message>
        <source>Identity disclosed to courts and investigating authorities only</source>
        <translation>Личность раскрывается только судам и следственным органам</translation>
    </message>
    <message>
        <source>Identity may be made public</source>
        <translation>Личность может быть обнародована</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Лично</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>По телефону</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Видеозвонок</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Exact day</source>
        <translation>Точный день</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>Genocide: killing members of the group</source>
        <translation>Геноцид: убийство членов группы</translation>
    </message>
    <message>
        <source>Genocide: causing serious bodily or mental harm to members of the group</source>
        <translation>Геноцид: причинение серьёзных телесных повреждений или умственного расстройства членам группы</translation>
    </message>
    <message>
        <source>Genocide: deliberately inflicting conditions of life calculated to bring about the group&apos;s physical destruction</source>
        <translation>Геноцид: умышленное создание для группы жизненных условий, рассчитанных на её физическое уничтожение</translation>
    </message>
    <message>
        <source>Genocide: imposing measures intended to prevent births within the group</source>
        <translation>Геноцид: меры, рассчитанные на предотвращение деторождения в среде группы</translation>
    </message>
    <message>
        <source>Genocide: forcibly transferring children of the group to another group</source>
        <translation>Геноцид: насильственная передача детей из одной группы в другую</translation>
    </message>
    <message>
        <source>Murder</source>
        <translation>Убийство</translation>
    </message>
    <message>
        <source>Extermination</source>
        <translation>Истребление</translation>
    </message>
    <message>
        <source>Enslavement</source>
        <translation>Порабощение</translation>
    </message>
    <message>
        <source>Deportation or forcible transfer of population</source>
        <translation>Депортация или насильственное перемещение населения</translation>
    </message>
    <message>
        <source>Imprisonment or other severe deprivation of physical liberty</source>
        <translation>Заключение в тюрьму или другое жестокое лишение физической свободы в нарушение основополагающих норм международного права</translation>
    </message>
    <message>
        <source>Torture</source>
        <translation>Пытки</translation>
    </message>
    <message>
        <source>Rape, sexual slavery, enforced prostitution, forced pregnancy, enforced sterilization or other sexual violence</source>
        <translation>Изнасилование, обращение в сексуальное рабство, принуждение к проституции, принудительная беременность, принудительная стерилизация или любые другие формы сексуального насилия сопоставимой тяжести</translation>
    </message>
    <message>
        <source>Persecution against an identifiable group or collectivity</source>
        <translation>Преследование любой идентифицируемой группы или общности</translation>
    </message>
    <message>
        <source>Enforced disappearance of persons</source>
        <translation>Насильственное исчезновение людей</translation>
    </message>
    <message>
        <source>The crime of apartheid</source>
        <translation>Преступление апартеида</translation>
    </message>
    <message>
        <source>Other inhumane acts causing great suffering or serious injury</source>
        <translation>Другие бесчеловечные деяния аналогичного характера, заключающиеся в умышленном причинении сильных страданий или серьёзных телесных повреждений</translation>
    </message>
    <message>
        <source>Wilful killing</source>
        <translation>Умышленное убийство</translation>
    </message>
    <message>
        <source>Torture or inhuman treatment, including biological experiments</source>
        <translation>Пытки или бесчеловечное обращение, включая биологические эксперименты</translation>
    </message>
    <message>
        <source>Wilfully causing great suffering, or serious injury to body or health</source>
        <translation>Умышленное причинение сильных страданий или серьёзных телесных повреждений или ущерба здоровью</translation>
    </message>
    <message>
        <source>Extensive destruction and appropriation of property, not justified by military necessity</source>
        <translation>Незаконное, бессмысленное и крупномасштабное уничтожение и присвоение имущества, не вызванное военной необходимостью</translation>
    </message>
    <message>
        <source>Compelling a protected person to serve in the forces of a hostile Power</source>
        <translation>Принуждение покровительствуемого лица к службе в вооружённых силах неприятельской державы</translation>
    </message>
    <message>
        <source>Wilfully depriving a protected person of the rights of fair trial</source>
        <translation>Умышленное лишение покровительствуемого лица прав на справедливое и нормальное судопроизводство</translation>
    </message>
    <message>
        <source>Unlawful deportation or transfer or unlawful confinement</source>
        <translation>Незаконная депортация или перемещение или незаконное лишение свободы</translation>
    </message>
    <message>
        <source>Taking of hostages</source>
        <translation>Взятие заложников</translation>
    </message>
    <message>
        <source>Intentionally directing attacks against the civilian population</source>
        <translation>Умышленные нападения на гражданское население</translation>
    </message>
    <message>
        <source>Intentionally directing attacks against civilian objects</source>
        <translation>Умышленные нападения на гражданские объекты</translation>
    </message>
    <message>
        <source>Attacking humanitarian assistance or peacekeeping personnel or objects</source>
        <translation>Нападения на персонал или объекты, задействованные в оказании гуманитарной помощи или в миссии по поддержанию мира</translation>
    </message>
    <message>
        <source>Launching an attack knowing it will cause clearly excessive incidental civilian harm</source>
        <translation>Нападение, заведомо влекущее случайный ущерб гражданским лицам, явно несоизмеримый с ожидаемым военным преимуществом</translation>
    </message>
    <message>
        <source>Attacking or bombarding undefended towns, villages, dwellings or buildings</source>
        <translation>Нападение на незащищённые города, деревни, жилища или здания или их обстрел</translation>
    </message>
    <message>
        <source>Killing or wounding a combatant who has surrendered (hors de combat)</source>
        <translation>Убийство или ранение сдавшегося комбатанта, сложившего оружие</translation>
    </message>
    <message>
        <source>Improper use of a flag of truce, enemy or UN flag or uniform, or the distinctive emblems</source>
        <translation>Ненадлежащее использование флага парламентёра, флага, знаков различия и формы неприятеля или ООН, а также отличительных эмблем</translation>
    </message>
    <message>
        <source>Transfer of own civilians into occupied territory, or deportation or transfer of its population</source>
        <translation>Перемещение оккупирующей державой своего гражданского населения на оккупированную территорию или депортация или перемещение населения этой территории</translation>
    </message>
    <message>
        <source>Attacking buildings dedicated to religion, education, art, science or charity, historic monuments or hospitals</source>
        <translation>Нападения на здания, предназначенные для целей религии, образования, искусства, науки или благотворительности, исторические памятники или госпитали</translation>
    </message>
    <message>
        <source>Physical mutilation or medical or scientific experiments</source>
        <translation>Нанесение физических увечий или проведение медицинских или научных экспериментов</translation>
    </message>
    <message>
        <source>Killing or wounding treacherously</source>
        <translation>Вероломное убийство или ранение</translation>
    </message>
    <message>
        <source>Declaring that no quarter will be given</source>
        <translation>Объявление о том, что пощады не будет</translation>
    </message>
    <message>
        <source>Destroying or seizing the enemy&apos;s property</source>
        <translation>Уничтожение или захват имущества неприятеля</translation>
    </message>
    <message>
        <source>Abolishing the rights and actions of nationals of the hostile party</source>
        <translation>Объявление отменёнными или недопустимыми в суде прав и исков граждан противной стороны</translation>
    </message>
    <message>
        <source>Compelling nationals of the hostile party to take part in operations of war against their own country</source>
        <translation>Принуждение граждан противной стороны к участию в военных действиях против их собственной страны</translation>
    </message>
    <message>
        <source>Pillaging a town or place</source>
        <translation>Разграбление города или населённого пункта</translation>
    </message>
    <message>
        <source>Employing poison or poisoned weapons</source>
        <translation>Применение яда или отравленного оружия</translation>
    </message>
    <message>
        <source>Employing asphyxiating, poisonous or other gases</source>
        <translation>Применение удушающих, ядовитых или других газов</translation>
    </message>
    <message>
        <source>Employing bullets which expand or flatten easily in the human body</source>
        <translation>Применение пуль, которые легко разрываются или сплющиваются в теле человека</translation>
    </message>
    <message>
        <source>Outrages upon personal dignity, humiliating and degrading treatment</source>
        <translation>Посягательство на человеческое достоинство, оскорбительное и унижающее обращение</translation>
    </message>
    <message>
        <source>Using civilians or other protected persons as shields</source>
        <translation>Использование гражданских или других покровительствуемых лиц в качестве прикрытия</translation>
    </message>
    <message>
        <source>Attacking medical units, transport and personnel using the distinctive emblems</source>
        <translation>Нападения на медицинские учреждения, транспортные средства и персонал, использующие отличительные эмблемы</translation>
    </message>
    <message>
        <source>Starvation of civilians as a method of warfare, including impeding relief supplies</source>
        <translation>Голод среди гражданского населения как способ ведения войны, включая создание препятствий для оказания помощи</translation>
    </message>
    <message>
        <source>Conscripting or enlisting children under fifteen or using them in hostilities</source>
        <translation>Набор или вербовка детей в возрасте до пятнадцати лет или их использование в боевых действиях</translation>
    </message>
    <message>
        <source>Violence to life and person: murder, mutilation, cruel treatment and torture</source>
        <translation>Посягательство на жизнь и личность: убийство, нанесение увечий, жестокое обращение и пытки</translation>
    </message>
    <message>
        <source>Sentences or executions without judgement of a regularly constituted court</source>
        <translation>Вынесение приговоров и приведение их в исполнение без решения суда, созданного в установленном порядке</translation>
    </message>
    <message>
        <source>Ordering the displacement of the civilian population</source>
        <translation>Отдача распоряжений о перемещении гражданского населения</translation>
    </message>
    <message>
        <source>Killing or wounding treacherously a combatant adversary</source>
        <translation>Вероломное убийство или ранение комбатанта противника</translation>
    </message>
    <message>
        <source>Destroying or seizing the property of an adversary</source>
        <translation>Уничтожение или захват имущества противника</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Цепочка хранения</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Keys and contacts</source>
        <translation>Ключи и контакты</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation>Новое показание</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>Экспортировать выбранное…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Select the testimonies to export first.</source>
        <translation>Сначала выберите показания для экспорта.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Your last changes cannot be saved yet: %1

Discard them?</source>
        <translation>Последние изменения пока нельзя сохранить: %1

Отменить их?</translation>
    </message>
</context>
</TS>
