<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ActPicker</name>
    <message>
        <source>Search acts: torture, 8(2)(b), RS-7…</source>
        <translation>جست‌وجوی اعمال: شکنجه، 8(2)(b)، RS-7…</translation>
    </message>
    <message>
        <source>No act chosen</source>
        <translation>هیچ عملی انتخاب نشده است</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Add files…</source>
        <translation>افزودن پرونده‌ها…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Drop photos, audio or documents here.</source>
        <translation>عکس‌ها، صداها یا اسناد را اینجا رها کنید.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>زمان ثبت</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>دوربین</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>افزوده شده</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>پرونده %1</translation>
    </message>
    <message>
        <source>This file holds GPS coordinates: where it was taken can be seen by anyone who receives it. Choose &quot;remove photo metadata&quot; when you export.</source>
        <translation>این پرونده مختصات GPS دارد: هر کسی که آن را دریافت کند می‌تواند ببیند کجا گرفته شده است. هنگام برون‌بری «حذف فراداده‌های عکس» را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>افزودن پرونده‌ها</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n file(s)…</source>
        <translation>
            <numerusform>در حال افزودن %n پرونده…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added.</source>
        <translation>
            <numerusform>%n پرونده افزوده شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was added.</source>
        <translation>لغو شد: چیزی افزوده نشد.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>افزوده نشد: %1</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add a contact</source>
        <translation>افزودن مخاطب</translation>
    </message>
    <message>
        <source>Not compared yet</source>
        <translation>هنوز مقایسه نشده</translation>
    </message>
    <message>
        <source>Compared in person</source>
        <translation>حضوری مقایسه شد</translation>
    </message>
    <message>
        <source>Compared on a call</source>
        <translation>در تماس تلفنی مقایسه شد</translation>
    </message>
    <message>
        <source>Scanned their QR code</source>
        <translation>کد QR او اسکن شد</translation>
    </message>
    <message>
        <source>Trusted: I may send evidence to this person</source>
        <translation>مورد اعتماد: می‌توانم برای این شخص مدرک بفرستم</translation>
    </message>
    <message>
        <source>May see witness identities</source>
        <translation>می‌تواند هویت شاهدان را ببیند</translation>
    </message>
    <message>
        <source>Name on the card</source>
        <translation>نام روی کارت</translation>
    </message>
    <message>
        <source>Ask your contact to read their fingerprint to you, or read it together. It must match every digit:</source>
        <translation>از مخاطب خود بخواهید اثر انگشت کلیدش را برایتان بخواند، یا آن را با هم بخوانید. همهٔ رقم‌ها باید یکسان باشند:</translation>
    </message>
    <message>
        <source>How compared</source>
        <translation>روش مقایسه</translation>
    </message>
</context>
<context>
    <name>CustodyView</name>
    <message>
        <source>Time (UTC)</source>
        <translation>زمان (UTC)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کنش</translation>
    </message>
    <message>
        <source>By</source>
        <translation>توسط</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>شیء</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>امضا</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>زنجیره</translation>
    </message>
    <message>
        <source>created</source>
        <translation>ایجاد شد</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>ویرایش شد</translation>
    </message>
    <message>
        <source>file added</source>
        <translation>پرونده افزوده شد</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>برون‌بری شد</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>درون‌بری شد</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>راستی‌آزمایی شد</translation>
    </message>
    <message>
        <source>shredded</source>
        <translation>نابود شد</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>وضعیت تغییر کرد</translation>
    </message>
    <message>
        <source>testimony, received in bundle %1</source>
        <translation>شهادت، دریافت‌شده در بستهٔ %1</translation>
    </message>
    <message>
        <source>The custody history could not be read.</source>
        <translation>تاریخچهٔ زنجیرهٔ نگهداری خوانده نشد.</translation>
    </message>
    <message>
        <source>✔ valid</source>
        <translation>✔ معتبر</translation>
    </message>
    <message>
        <source>✘ INVALID</source>
        <translation>✘ نامعتبر</translation>
    </message>
    <message>
        <source>vault</source>
        <translation>خزانه</translation>
    </message>
    <message>
        <source>testimony</source>
        <translation>شهادت</translation>
    </message>
    <message numerus="yes">
        <source>%n custody event(s), all signatures valid.</source>
        <translation>
            <numerusform>%n رویداد زنجیرهٔ نگهداری، همهٔ امضاها معتبرند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) do not verify.</source>
        <translation>
            <numerusform>%n رویداد راستی‌آزمایی نمی‌شود.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation>برون‌بری بسته</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>بدون رضایت</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <source>Testimonies in this bundle:</source>
        <translation>شهادت‌های این بسته:</translation>
    </message>
    <message>
        <source>may see witness identities</source>
        <translation>می‌تواند هویت شاهدان را ببیند</translation>
    </message>
    <message>
        <source>not trusted (mark trusted in Keys and contacts)</source>
        <translation>مورد اعتماد نیست (در «کلیدها و مخاطبان» آن را مورد اعتماد علامت بزنید)</translation>
    </message>
    <message>
        <source>Also encrypt to myself (I can open it later)</source>
        <translation>برای خودم هم رمزگذاری شود (بعداً می‌توانم بازش کنم)</translation>
    </message>
    <message>
        <source>Only these people can open the bundle. Witness identities are included, sealed, only for recipients allowed to see them.</source>
        <translation>فقط این افراد می‌توانند بسته را باز کنند. هویت شاهدان به‌صورت مهروموم‌شده و فقط برای گیرندگانی گنجانده می‌شود که اجازهٔ دیدن آن را دارند.</translation>
    </message>
    <message>
        <source>Add copies of photos without metadata (GPS, camera, time)</source>
        <translation>افزودن نسخه‌هایی از عکس‌ها بدون فراداده (GPS، دوربین، زمان)</translation>
    </message>
    <message>
        <source>Leave out the originals (only the copies without metadata)</source>
        <translation>کنار گذاشتن اصل‌ها (فقط نسخه‌های بدون فراداده)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Save the bundle as:</source>
        <translation>ذخیرهٔ بسته با نام:</translation>
    </message>
    <message>
        <source>Writing the encrypted, signed bundle…</source>
        <translation>در حال نوشتن بستهٔ رمزگذاری‌شده و امضاشده…</translation>
    </message>
    <message>
        <source>Copy bundle ID</source>
        <translation>رونوشت شناسهٔ بسته</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>ذخیرهٔ بسته</translation>
    </message>
    <message>
        <source>age bundles (*.age)</source>
        <translation>بسته‌های age (*.age)</translation>
    </message>
    <message>
        <source>Choose at least one testimony.</source>
        <translation>دست‌کم یک شهادت انتخاب کنید.</translation>
    </message>
    <message>
        <source>Choose at least one recipient.</source>
        <translation>دست‌کم یک گیرنده انتخاب کنید.</translation>
    </message>
    <message>
        <source>Choose where to save the bundle.</source>
        <translation>محل ذخیرهٔ بسته را انتخاب کنید.</translation>
    </message>
    <message>
        <source>A file with this name exists already: choose another name.</source>
        <translation>پرونده‌ای با این نام از قبل وجود دارد: نام دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>برون‌بری</translation>
    </message>
    <message>
        <source>The bundle is ready.</source>
        <translation>بسته آماده است.</translation>
    </message>
    <message>
        <source>Bundle ID: %1</source>
        <translation>شناسهٔ بسته: %1</translation>
    </message>
    <message>
        <source>File SHA-256: %1</source>
        <translation>SHA-256 پرونده: %1</translation>
    </message>
    <message numerus="yes">
        <source>Testimonies: %n</source>
        <translation>
            <numerusform>شهادت‌ها: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Recipients: %1</source>
        <translation>گیرندگان: %1</translation>
    </message>
    <message>
        <source>Witness identities are included, sealed.</source>
        <translation>هویت شاهدان به‌صورت مهروموم‌شده گنجانده شده است.</translation>
    </message>
    <message>
        <source>No witness identities are included.</source>
        <translation>هیچ هویت شاهدی گنجانده نشده است.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>برون‌بری ناموفق بود: %1</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Restore this version into the form</source>
        <translation>بازگرداندن این نسخه به فرم</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>نسخهٔ %1 · %2</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Also accept bundles from signers I have not marked trusted (they are flagged)</source>
        <translation>پذیرفتن بسته‌ها از امضاکنندگانی که مورد اعتماد علامت نخورده‌اند (با پرچم مشخص می‌شوند)</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>درون‌بری بسته‌ها…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Drop bundle files (.age) here, or choose them.</source>
        <translation>پرونده‌های بسته (.age) را اینجا رها کنید یا آن‌ها را انتخاب کنید.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>Bundle ID</source>
        <translation>شناسهٔ بسته</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>شهادت‌ها</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>امضاکننده</translation>
    </message>
    <message>
        <source>Bundles received so far, each kept as the court&apos;s exhibit:</source>
        <translation>بسته‌هایی که تاکنون دریافت شده‌اند، هر یک به‌عنوان مدرک برای دادگاه نگه داشته می‌شود:</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>دریافت</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>اعتماد</translation>
    </message>
    <message>
        <source>Save as received (exhibit)…</source>
        <translation>ذخیره به همان شکل دریافتی (مدرک)…</translation>
    </message>
    <message>
        <source>Write the selected bundle exactly as it was received, byte for byte, for the court file</source>
        <translation>بستهٔ انتخاب‌شده را دقیقاً همان‌گونه که دریافت شد، بایت به بایت، برای پروندهٔ دادگاه بنویسید</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>درون‌بری بسته‌ها</translation>
    </message>
    <message>
        <source>Bundles (*.age);;All files (*)</source>
        <translation>بسته‌ها (*.age);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message numerus="yes">
        <source>Checking and importing %n bundle(s)…</source>
        <translation>
            <numerusform>در حال بررسی و درون‌بری %n بسته…</numerusform>
        </translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>مورد اعتماد</translation>
    </message>
    <message>
        <source>Save the bundle as received</source>
        <translation>بسته را به همان شکل دریافتی ذخیره کنید</translation>
    </message>
    <message>
        <source>Bundles (*.age)</source>
        <translation>بسته‌ها (*.age)</translation>
    </message>
    <message>
        <source>Saved exactly as received: %1</source>
        <translation>دقیقاً به همان شکل دریافتی ذخیره شد: %1</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>لغو شد: هیچ پرونده‌ای نوشته نشد.</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>رد شد: %1</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>درون‌بری شد</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>پیش‌تر درون‌بری شده</translation>
    </message>
    <message>
        <source>FLAGGED: signer not trusted</source>
        <translation>پرچم‌خورده: امضاکننده مورد اعتماد نیست</translation>
    </message>
    <message>
        <source>%1 of %2 bundles accepted.</source>
        <translation>%1 بسته از %2 پذیرفته شد.</translation>
    </message>
    <message>
        <source>Cancelled: the bundle being read was not imported.</source>
        <translation>لغو شد: بسته‌ای که در حال خواندن بود درون‌بری نشد.</translation>
    </message>
</context>
<context>
    <name>IncidentsEditor</name>
    <message>
        <source>Add incident</source>
        <translation>افزودن رویداد</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Date precision</source>
        <translation>دقت تاریخ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>مکان</translation>
    </message>
    <message>
        <source>Acts (Rome Statute)</source>
        <translation>اعمال (اساسنامهٔ رم)</translation>
    </message>
    <message>
        <source>Perpetrators</source>
        <translation>مرتکبان</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>قربانیان</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>تاریخ نامعلوم</translation>
    </message>
    <message>
        <source>Incident %1: %2 %3</source>
        <translation>رویداد %1: %2 %3</translation>
    </message>
</context>
<context>
    <name>KeysView</name>
    <message>
        <source>My key card</source>
        <translation>کارت کلید من</translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation>رونوشت اثر انگشت</translation>
    </message>
    <message>
        <source>Save key card to a file…</source>
        <translation>ذخیرهٔ کارت کلید در پرونده…</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>اثر انگشت:</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>اثر انگشت</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>مورد اعتماد</translation>
    </message>
    <message>
        <source>May see identities</source>
        <translation>می‌تواند هویت‌ها را ببیند</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>مقایسه</translation>
    </message>
    <message>
        <source>Import a key card…</source>
        <translation>درون‌بری کارت کلید…</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>مقایسه نشده</translation>
    </message>
    <message>
        <source>Save key card</source>
        <translation>ذخیرهٔ کارت کلید</translation>
    </message>
    <message>
        <source>Key cards (*.txt)</source>
        <translation>کارت‌های کلید (*.txt)</translation>
    </message>
    <message>
        <source>Key card saved.</source>
        <translation>کارت کلید ذخیره شد.</translation>
    </message>
    <message>
        <source>Import a key card</source>
        <translation>درون‌بری کارت کلید</translation>
    </message>
    <message>
        <source>This file is not a key card.</source>
        <translation>این پرونده کارت کلید نیست.</translation>
    </message>
    <message>
        <source>Contact added.</source>
        <translation>مخاطب افزوده شد.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;قفل کردن</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Panic: lock and quit</source>
        <translation>&amp;اضطرار: قفل و خروج</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Ctrl+Shift+Q</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;خزانه</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;تنظیمات</translation>
    </message>
    <message>
        <source>Lock after inactivity…</source>
        <translation>قفل پس از بی‌کاری…</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>پیش‌فرض سیستم</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>قفل خودکار</translation>
    </message>
    <message>
        <source>Lock the vault after this many idle minutes:</source>
        <translation>قفل کردن خزانه پس از این تعداد دقیقه بی‌کاری:</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up your evidence vault</source>
        <translation>راه‌اندازی خزانهٔ مدارک شما</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>پیش‌فرض سیستم</translation>
    </message>
    <message>
        <source>Choose where the encrypted vault is kept. Everything in it is encrypted; without your passphrase or recovery code nobody can read it.</source>
        <translation>انتخاب کنید خزانهٔ رمزگذاری‌شده کجا نگهداری شود. همه‌چیز در آن رمزگذاری شده است؛ بدون عبارت عبور یا کد بازیابی شما هیچ‌کس نمی‌تواند آن را بخواند.</translation>
    </message>
    <message>
        <source>A name or pseudonym</source>
        <translation>نام یا نام مستعار</translation>
    </message>
    <message>
        <source>Your name or a pseudonym. It is put on your key card, which you share with the people you send evidence to.</source>
        <translation>نام شما یا یک نام مستعار. روی کارت کلید شما می‌آید که آن را با کسانی که برایشان مدرک می‌فرستید به اشتراک می‌گذارید.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارت عبور</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>استحکام</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>تکرار</translation>
    </message>
    <message>
        <source>Choose a long passphrase, for example five or more unrelated words. You type it every time you open the vault.</source>
        <translation>یک عبارت عبور بلند انتخاب کنید، برای نمونه پنج واژهٔ نامرتبط یا بیشتر. هر بار که خزانه را باز می‌کنید آن را تایپ می‌کنید.</translation>
    </message>
    <message>
        <source>I wrote it down and keep it in a safe place</source>
        <translation>آن را یادداشت کردم و در جای امنی نگه می‌دارم</translation>
    </message>
    <message>
        <source>This is your recovery code. It opens the vault if you forget the passphrase. Write it on paper now: it is shown only this once.</source>
        <translation>این کد بازیابی شماست. اگر عبارت عبور را فراموش کنید، خزانه را باز می‌کند. همین حالا آن را روی کاغذ بنویسید: فقط همین یک بار نشان داده می‌شود.</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>پوشهٔ خزانه</translation>
    </message>
    <message>
        <source>Choose a folder for the vault.</source>
        <translation>یک پوشه برای خزانه انتخاب کنید.</translation>
    </message>
    <message>
        <source>There is already a vault in this folder.</source>
        <translation>در این پوشه از قبل یک خزانه وجود دارد.</translation>
    </message>
    <message>
        <source>Enter a name or pseudonym.</source>
        <translation>یک نام یا نام مستعار وارد کنید.</translation>
    </message>
    <message>
        <source>This passphrase is too weak: make it longer.</source>
        <translation>این عبارت عبور بسیار ضعیف است: آن را بلندتر کنید.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>دو عبارت عبور یکسان نیستند.</translation>
    </message>
    <message>
        <source>Confirm that you wrote down the recovery code.</source>
        <translation>تأیید کنید که کد بازیابی را یادداشت کرده‌اید.</translation>
    </message>
    <message>
        <source>Open the vault</source>
        <translation>باز کردن خزانه</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>ایجاد خزانه</translation>
    </message>
    <message>
        <source>The vault could not be created.</source>
        <translation>خزانه ایجاد نشد.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>very weak</source>
        <translation>بسیار ضعیف</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>ضعیف</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>متوسط</translation>
    </message>
    <message>
        <source>good</source>
        <translation>خوب</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>قوی</translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Mark complete</source>
        <translation>علامت‌گذاری به‌عنوان کامل</translation>
    </message>
    <message>
        <source>Untitled testimony</source>
        <translation>شهادت بی‌عنوان</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Cannot save yet: %1</source>
        <translation>هنوز نمی‌توان ذخیره کرد: %1</translation>
    </message>
    <message>
        <source>Saving draft…</source>
        <translation>در حال ذخیرهٔ پیش‌نویس…</translation>
    </message>
    <message>
        <source>New testimony: start typing, it is saved as a draft</source>
        <translation>شهادت جدید: شروع به نوشتن کنید، به‌صورت پیش‌نویس ذخیره می‌شود</translation>
    </message>
    <message>
        <source>Saved · complete</source>
        <translation>ذخیره شد · کامل</translation>
    </message>
    <message>
        <source>Saved as draft</source>
        <translation>به‌صورت پیش‌نویس ذخیره شد</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>بازگشت به پیش‌نویس</translation>
    </message>
    <message>
        <source>To mark it complete, still missing:</source>
        <translation>برای علامت‌گذاری به‌عنوان کامل، هنوز کم است:</translation>
    </message>
</context>
<context>
    <name>TestimonyForm</name>
    <message>
        <source>Language codes, e.g. tg, ru</source>
        <translation>کدهای زبان، مثلاً tg، ru</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>زبان‌ها</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>روایت</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>شهادت</translation>
    </message>
    <message>
        <source>Sealed identity</source>
        <translation>هویت مهروموم‌شده</translation>
    </message>
    <message>
        <source>Kept sealed: never shown in lists or search, exported only to contacts you allowed to see witness identities.</source>
        <translation>مهروموم‌شده نگهداری می‌شود: هرگز در فهرست‌ها یا جست‌وجو نشان داده نمی‌شود و فقط برای مخاطبانی برون‌بری می‌شود که به آن‌ها اجازهٔ دیدن هویت شاهدان داده‌اید.</translation>
    </message>
    <message>
        <source>Sealed: never in lists, search or exports, except for recipients you allowed to see witness identities.</source>
        <translation>مهروموم‌شده: هرگز در فهرست‌ها، جست‌وجو یا برون‌بری‌ها نیست، مگر برای گیرندگانی که به آن‌ها اجازهٔ دیدن هویت شاهدان داده‌اید.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>اطلاعات تماس</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <source>Comma-separated</source>
        <translation>جداشده با ویرگول</translation>
    </message>
    <message>
        <source>Witness pseudonym</source>
        <translation>نام مستعار شاهد</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>تاریخ مصاحبه</translation>
    </message>
    <message>
        <source>Interview place</source>
        <translation>مکان مصاحبه</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>شیوه</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>مصاحبه‌گر</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>مترجم</translation>
    </message>
    <message>
        <source>Others present</source>
        <translation>دیگر حاضران</translation>
    </message>
    <message>
        <source>Interview languages</source>
        <translation>زبان‌های مصاحبه</translation>
    </message>
    <message>
        <source>Prior accounts</source>
        <translation>اظهارات پیشین</translation>
    </message>
    <message>
        <source>Witness and interview</source>
        <translation>شاهد و مصاحبه</translation>
    </message>
    <message>
        <source>The witness gave informed consent</source>
        <translation>شاهد رضایت آگاهانه داد</translation>
    </message>
    <message>
        <source>Only if consent was withdrawn</source>
        <translation>فقط اگر رضایت پس گرفته شده باشد</translation>
    </message>
    <message>
        <source>How</source>
        <translation>چگونه</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>May be shared with</source>
        <translation>قابل اشتراک با</translation>
    </message>
    <message>
        <source>Identity disclosure</source>
        <translation>افشای هویت</translation>
    </message>
    <message>
        <source>Restrictions</source>
        <translation>محدودیت‌ها</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>تاریخ پس‌گرفتن</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>رضایت</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>رویدادها</translation>
    </message>
</context>
<context>
    <name>TestimonyListPanel</name>
    <message>
        <source>Search title, narrative, notes, pseudonym…</source>
        <translation>جست‌وجوی عنوان، روایت، یادداشت‌ها، نام مستعار…</translation>
    </message>
    <message>
        <source>Any act</source>
        <translation>هر عملی</translation>
    </message>
    <message>
        <source>Any consent scope</source>
        <translation>هر دامنهٔ رضایت</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>هر وضعیتی</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>کامل</translation>
    </message>
    <message>
        <source>Incidents from</source>
        <translation>رویدادها از</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message numerus="yes">
        <source>Testimonies: %n</source>
        <translation>
            <numerusform>شهادت‌ها: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestimonyTableModel</name>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>شاهد</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>پرونده‌ها</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>نشانه‌ها</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>بدون رضایت</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <source>has location data</source>
        <translation>دادهٔ مکانی دارد</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>کامل</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>پیش‌نویس</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>The vault is locked</source>
        <translation>خزانه قفل است</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارت عبور</translation>
    </message>
    <message>
        <source>Use the recovery code instead</source>
        <translation>به‌جای آن از کد بازیابی استفاده کنید</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>باز کردن قفل</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>کد بازیابی</translation>
    </message>
    <message>
        <source>Wrong recovery code.</source>
        <translation>کد بازیابی نادرست است.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>عبارت عبور نادرست است.</translation>
    </message>
    <message>
        <source>Please wait a moment, then try again.</source>
        <translation>لطفاً کمی صبر کنید، سپس دوباره تلاش کنید.</translation>
    </message>
    <message>
        <source>The vault could not be opened.</source>
        <translation>خزانه باز نشد.</translation>
    </message>
</context>
<context>
    <name>VerifyView</name>
    <message>
        <source>Verify a bundle file…</source>
        <translation>راستی‌آزمایی پروندهٔ بسته…</translation>
    </message>
    <message>
        <source>Verify a bag folder…</source>
        <translation>راستی‌آزمایی پوشهٔ BagIt…</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>ذخیرهٔ گزارش…</translation>
    </message>
    <message>
        <source>Verify a bundle</source>
        <translation>راستی‌آزمایی بسته</translation>
    </message>
    <message>
        <source>Verify a bag folder</source>
        <translation>راستی‌آزمایی پوشهٔ BagIt</translation>
    </message>
    <message>
        <source>✔ All checks passed</source>
        <translation>✔ همهٔ بررسی‌ها موفق بود</translation>
    </message>
    <message>
        <source>✘ Verification failed</source>
        <translation>✘ راستی‌آزمایی ناموفق بود</translation>
    </message>
    <message>
        <source>Signed by %1 (%2).</source>
        <translation>امضاشده توسط %1 (%2).</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>ذخیرهٔ گزارش</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <source>Report saved.</source>
        <translation>گزارش ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Our coordinator</source>
        <translation>هماهنگ‌کنندهٔ ما</translation>
    </message>
    <message>
        <source>Partner organisations</source>
        <translation>سازمان‌های همکار</translation>
    </message>
    <message>
        <source>United Nations bodies</source>
        <translation>نهادهای سازمان ملل متحد</translation>
    </message>
    <message>
        <source>International Criminal Court</source>
        <translation>دیوان کیفری بین‌المللی</translation>
    </message>
    <message>
        <source>National courts and prosecutors</source>
        <translation>دادگاه‌ها و دادستان‌های ملی</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>رسانه‌ها</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>شفاهی</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>کتبی</translation>
    </message>
    <message>
        <source>Identity never disclosed</source>
        <translation>هویت هرگز افشا نمی‌شود</translation>
    </message>
    <message>
        <source>Identity disclosed to courts and investigating authorities only</source>
        <translation>هویت فقط برای دادگاه‌ها و مقام‌های تحقیق افشا می‌شود</translation>
    </message>
    <message>
        <source>Identity may be made public</source>
        <translation>هویت می‌تواند علنی شود</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>حضوری</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفنی</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>تماس تصویری</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>کامل</translation>
    </message>
    <message>
        <source>Exact day</source>
        <translation>روز دقیق</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>Genocide: killing members of the group</source>
        <translation>نسل‌کشی: کشتن اعضای گروه</translation>
    </message>
    <message>
        <source>Genocide: causing serious bodily or mental harm to members of the group</source>
        <translation>نسل‌کشی: ایراد صدمهٔ شدید به سلامت جسمی یا روحی اعضای گروه</translation>
    </message>
    <message>
        <source>Genocide: deliberately inflicting conditions of life calculated to bring about the group&apos;s physical destruction</source>
        <translation>نسل‌کشی: قرار دادن عمدی گروه در معرض وضعیت زندگی‌ای که به نابودی جسمی آن منتهی شود</translation>
    </message>
    <message>
        <source>Genocide: imposing measures intended to prevent births within the group</source>
        <translation>نسل‌کشی: تحمیل اقداماتی به‌منظور جلوگیری از توالد و تناسل در گروه</translation>
    </message>
    <message>
        <source>Genocide: forcibly transferring children of the group to another group</source>
        <translation>نسل‌کشی: انتقال اجباری کودکان گروه به گروهی دیگر</translation>
    </message>
    <message>
        <source>Murder</source>
        <translation>قتل عمد</translation>
    </message>
    <message>
        <source>Extermination</source>
        <translation>ریشه‌کن کردن</translation>
    </message>
    <message>
        <source>Enslavement</source>
        <translation>به بردگی گرفتن</translation>
    </message>
    <message>
        <source>Deportation or forcible transfer of population</source>
        <translation>تبعید یا کوچ اجباری جمعیت</translation>
    </message>
    <message>
        <source>Imprisonment or other severe deprivation of physical liberty</source>
        <translation>حبس کردن یا ایجاد محرومیت شدید از آزادی جسمانی</translation>
    </message>
    <message>
        <source>Torture</source>
        <translation>شکنجه</translation>
    </message>
    <message>
        <source>Rape, sexual slavery, enforced prostitution, forced pregnancy, enforced sterilization or other sexual violence</source>
        <translation>تجاوز جنسی، بردگی جنسی، فحشای اجباری، حاملگی اجباری، عقیم‌سازی اجباری یا هر شکل دیگری از خشونت جنسی با شدت مشابه</translation>
    </message>
    <message>
        <source>Persecution against an identifiable group or collectivity</source>
        <translation>آزار و تعقیب هر گروه یا مجموعهٔ مشخص</translation>
    </message>
    <message>
        <source>Enforced disappearance of persons</source>
        <translation>ناپدیدسازی اجباری اشخاص</translation>
    </message>
    <message>
        <source>The crime of apartheid</source>
        <translation>جنایت آپارتاید</translation>
    </message>
    <message>
        <source>Other inhumane acts causing great suffering or serious injury</source>
        <translation>دیگر اعمال غیرانسانی مشابه که رنج عظیم یا صدمهٔ شدید ایجاد می‌کند</translation>
    </message>
    <message>
        <source>Wilful killing</source>
        <translation>قتل عمد</translation>
    </message>
    <message>
        <source>Torture or inhuman treatment, including biological experiments</source>
        <translation>شکنجه یا رفتار غیرانسانی، از جمله آزمایش‌های زیست‌شناختی</translation>
    </message>
    <message>
        <source>Wilfully causing great suffering, or serious injury to body or health</source>
        <translation>ایراد عمدی رنج شدید یا صدمهٔ جدی به جسم یا سلامت</translation>
    </message>
    <message>
        <source>Extensive destruction and appropriation of property, not justified by military necessity</source>
        <translation>تخریب گسترده و تصاحب اموال که ضرورت نظامی آن را توجیه نکند</translation>
    </message>
    <message>
        <source>Compelling a protected person to serve in the forces of a hostile Power</source>
        <translation>وادار کردن شخص مورد حمایت به خدمت در نیروهای دولت متخاصم</translation>
    </message>
    <message>
        <source>Wilfully depriving a protected person of the rights of fair trial</source>
        <translation>محروم کردن عمدی شخص مورد حمایت از حق دادرسی منصفانه</translation>
    </message>
    <message>
        <source>Unlawful deportation or transfer or unlawful confinement</source>
        <translation>تبعید یا انتقال غیرقانونی یا حبس غیرقانونی</translation>
    </message>
    <message>
        <source>Taking of hostages</source>
        <translation>گروگان‌گیری</translation>
    </message>
    <message>
        <source>Intentionally directing attacks against the civilian population</source>
        <translation>حملهٔ عمدی به جمعیت غیرنظامی</translation>
    </message>
    <message>
        <source>Intentionally directing attacks against civilian objects</source>
        <translation>حملهٔ عمدی به اهداف غیرنظامی</translation>
    </message>
    <message>
        <source>Attacking humanitarian assistance or peacekeeping personnel or objects</source>
        <translation>حمله به کارکنان یا تأسیسات کمک‌های بشردوستانه یا حفظ صلح</translation>
    </message>
    <message>
        <source>Launching an attack knowing it will cause clearly excessive incidental civilian harm</source>
        <translation>حمله با علم به اینکه آسیب جانبی به غیرنظامیان آشکارا بیش از حد خواهد بود</translation>
    </message>
    <message>
        <source>Attacking or bombarding undefended towns, villages, dwellings or buildings</source>
        <translation>حمله به شهرها، روستاها، خانه‌ها یا ساختمان‌های بی‌دفاع یا بمباران آن‌ها</translation>
    </message>
    <message>
        <source>Killing or wounding a combatant who has surrendered (hors de combat)</source>
        <translation>کشتن یا مجروح کردن رزمنده‌ای که تسلیم شده است (hors de combat)</translation>
    </message>
    <message>
        <source>Improper use of a flag of truce, enemy or UN flag or uniform, or the distinctive emblems</source>
        <translation>استفادهٔ نابجا از پرچم آتش‌بس، پرچم یا لباس نظامی دشمن یا سازمان ملل، یا نشان‌های متمایز</translation>
    </message>
    <message>
        <source>Transfer of own civilians into occupied territory, or deportation or transfer of its population</source>
        <translation>انتقال غیرنظامیان خود به سرزمین اشغالی، یا تبعید یا انتقال جمعیت آن</translation>
    </message>
    <message>
        <source>Attacking buildings dedicated to religion, education, art, science or charity, historic monuments or hospitals</source>
        <translation>حمله به ساختمان‌های مذهبی، آموزشی، هنری، علمی یا خیریه، بناهای تاریخی یا بیمارستان‌ها</translation>
    </message>
    <message>
        <source>Physical mutilation or medical or scientific experiments</source>
        <translation>قطع عضو یا آزمایش‌های پزشکی یا علمی</translation>
    </message>
    <message>
        <source>Killing or wounding treacherously</source>
        <translation>کشتن یا مجروح کردن خائنانه</translation>
    </message>
    <message>
        <source>Declaring that no quarter will be given</source>
        <translation>اعلام اینکه به هیچ‌کس امان داده نخواهد شد</translation>
    </message>
    <message>
        <source>Destroying or seizing the enemy&apos;s property</source>
        <translation>تخریب یا ضبط اموال دشمن</translation>
    </message>
    <message>
        <source>Abolishing the rights and actions of nationals of the hostile party</source>
        <translation>لغو حقوق و دعاوی اتباع طرف متخاصم</translation>
    </message>
    <message>
        <source>Compelling nationals of the hostile party to take part in operations of war against their own country</source>
        <translation>وادار کردن اتباع طرف متخاصم به شرکت در عملیات جنگی علیه کشور خودشان</translation>
    </message>
    <message>
        <source>Pillaging a town or place</source>
        <translation>غارت یک شهر یا محل</translation>
    </message>
    <message>
        <source>Employing poison or poisoned weapons</source>
        <translation>به‌کارگیری سم یا سلاح‌های سمی</translation>
    </message>
    <message>
        <source>Employing asphyxiating, poisonous or other gases</source>
        <translation>به‌کارگیری گازهای خفه‌کننده، سمی یا دیگر گازها</translation>
    </message>
    <message>
        <source>Employing bullets which expand or flatten easily in the human body</source>
        <translation>به‌کارگیری گلوله‌هایی که به‌آسانی در بدن انسان باز یا پهن می‌شوند</translation>
    </message>
    <message>
        <source>Outrages upon personal dignity, humiliating and degrading treatment</source>
        <translation>تجاوز به کرامت انسانی، رفتار تحقیرآمیز و موهن</translation>
    </message>
    <message>
        <source>Using civilians or other protected persons as shields</source>
        <translation>استفاده از غیرنظامیان یا دیگر اشخاص مورد حمایت به‌عنوان سپر</translation>
    </message>
    <message>
        <source>Attacking medical units, transport and personnel using the distinctive emblems</source>
        <translation>حمله به واحدها، وسایل حمل‌ونقل و کارکنان پزشکی دارای نشان‌های متمایز</translation>
    </message>
    <message>
        <source>Starvation of civilians as a method of warfare, including impeding relief supplies</source>
        <translation>گرسنگی دادن به غیرنظامیان به‌عنوان روش جنگی، از جمله ممانعت از رسیدن امدادها</translation>
    </message>
    <message>
        <source>Conscripting or enlisting children under fifteen or using them in hostilities</source>
        <translation>سربازگیری یا به خدمت گرفتن کودکان زیر پانزده سال یا استفاده از آنان در مخاصمات</translation>
    </message>
    <message>
        <source>Violence to life and person: murder, mutilation, cruel treatment and torture</source>
        <translation>خشونت علیه جان و شخص: قتل، قطع عضو، رفتار بی‌رحمانه و شکنجه</translation>
    </message>
    <message>
        <source>Sentences or executions without judgement of a regularly constituted court</source>
        <translation>صدور حکم یا اجرای مجازات بدون رأی دادگاهی که به‌طور قانونی تشکیل شده باشد</translation>
    </message>
    <message>
        <source>Ordering the displacement of the civilian population</source>
        <translation>دستور جابه‌جایی جمعیت غیرنظامی</translation>
    </message>
    <message>
        <source>Killing or wounding treacherously a combatant adversary</source>
        <translation>کشتن یا مجروح کردن خائنانهٔ رزمندهٔ دشمن</translation>
    </message>
    <message>
        <source>Destroying or seizing the property of an adversary</source>
        <translation>تخریب یا ضبط اموال طرف مقابل</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Files</source>
        <translation>پرونده‌ها</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>زنجیرهٔ نگهداری</translation>
    </message>
    <message>
        <source>History</source>
        <translation>تاریخچه</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>شهادت‌ها</translation>
    </message>
    <message>
        <source>Keys and contacts</source>
        <translation>کلیدها و مخاطبان</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>درون‌بری</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>راستی‌آزمایی</translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation>شهادت جدید</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>برون‌بری موارد انتخاب‌شده…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Select the testimonies to export first.</source>
        <translation>ابتدا شهادت‌هایی را که می‌خواهید برون‌بری کنید انتخاب کنید.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>Your last changes cannot be saved yet: %1

Discard them?</source>
        <translation>آخرین تغییرات شما هنوز قابل ذخیره نیست: %1

کنار گذاشته شوند؟</translation>
    </message>
</context>
</TS>
