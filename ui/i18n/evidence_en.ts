<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActPicker</name>
    <message>
        <source>Search acts: torture, 8(2)(b), RS-7…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No act chosen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop photos, audio or documents here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file holds GPS coordinates: where it was taken can be seen by anyone who receives it. Choose &quot;remove photo metadata&quot; when you export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Adding %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not compared yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared on a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned their QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted: I may send evidence to this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May see witness identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your contact to read their fingerprint to you, or read it together. It must match every digit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How compared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustodyView</name>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shredded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>testimony, received in bundle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The custody history could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ INVALID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>testimony</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n custody event(s), all signatures valid.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) do not verify.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testimonies in this bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may see witness identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not trusted (mark trusted in Keys and contacts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also encrypt to myself (I can open it later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these people can open the bundle. Witness identities are included, sealed, only for recipients allowed to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add copies of photos without metadata (GPS, camera, time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out the originals (only the copies without metadata)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the bundle as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the encrypted, signed bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy bundle ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age bundles (*.age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one testimony.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file with this name exists already: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File SHA-256: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Testimonies: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Recipients: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness identities are included, sealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No witness identities are included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Restore this version into the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>Also accept bundles from signers I have not marked trusted (they are flagged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop bundle files (.age) here, or choose them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles received so far, each kept as the court&apos;s exhibit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as received (exhibit)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the selected bundle exactly as it was received, byte for byte, for the court file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles (*.age);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checking and importing %n bundle(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the bundle as received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles (*.age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved exactly as received: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAGGED: signer not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 bundles accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the bundle being read was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsEditor</name>
    <message>
        <source>Add incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acts (Rome Statute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perpetrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysView</name>
    <message>
        <source>My key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save key card to a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May see identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a key card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key cards (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key card saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a key card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panic: lock and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after inactivity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the vault after this many idle minutes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up your evidence vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the encrypted vault is kept. Everything in it is encrypted; without your passphrase or recovery code nobody can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name or pseudonym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name or a pseudonym. It is put on your key card, which you share with the people you send evidence to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a long passphrase, for example five or more unrelated words. You type it every time you open the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I wrote it down and keep it in a safe place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your recovery code. It opens the vault if you forget the passphrase. Write it on paper now: it is shown only this once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a vault in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name or pseudonym.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passphrase is too weak: make it longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm that you wrote down the recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Mark complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled testimony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New testimony: start typing, it is saved as a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved · complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To mark it complete, still missing:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestimonyForm</name>
    <message>
        <source>Language codes, e.g. tg, ru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept sealed: never shown in lists or search, exported only to contacts you allowed to see witness identities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealed identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealed: never in lists, search or exports, except for recipients you allowed to see witness identities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness pseudonym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prior accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness and interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The witness gave informed consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if consent was withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity disclosure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestimonyListPanel</name>
    <message>
        <source>Search title, narrative, notes, pseudonym…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any act</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any consent scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Testimonies: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestimonyTableModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has location data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>The vault is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the recovery code instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait a moment, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyView</name>
    <message>
        <source>Verify a bundle file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify a bag folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify a bag folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ All checks passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Verification failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Our coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United Nations bodies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International Criminal Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National courts and prosecutors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity never disclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity disclosed to courts and investigating authorities only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity may be made public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genocide: killing members of the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genocide: causing serious bodily or mental harm to members of the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genocide: deliberately inflicting conditions of life calculated to bring about the group&apos;s physical destruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genocide: imposing measures intended to prevent births within the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genocide: forcibly transferring children of the group to another group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Murder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extermination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enslavement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deportation or forcible transfer of population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprisonment or other severe deprivation of physical liberty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Torture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rape, sexual slavery, enforced prostitution, forced pregnancy, enforced sterilization or other sexual violence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persecution against an identifiable group or collectivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enforced disappearance of persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The crime of apartheid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other inhumane acts causing great suffering or serious injury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wilful killing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Torture or inhuman treatment, including biological experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wilfully causing great suffering, or serious injury to body or health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extensive destruction and appropriation of property, not justified by military necessity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compelling a protected person to serve in the forces of a hostile Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wilfully depriving a protected person of the rights of fair trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlawful deportation or transfer or unlawful confinement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking of hostages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intentionally directing attacks against the civilian population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intentionally directing attacks against civilian objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attacking humanitarian assistance or peacekeeping personnel or objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launching an attack knowing it will cause clearly excessive incidental civilian harm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attacking or bombarding undefended towns, villages, dwellings or buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killing or wounding a combatant who has surrendered (hors de combat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improper use of a flag of truce, enemy or UN flag or uniform, or the distinctive emblems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer of own civilians into occupied territory, or deportation or transfer of its population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attacking buildings dedicated to religion, education, art, science or charity, historic monuments or hospitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical mutilation or medical or scientific experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killing or wounding treacherously</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declaring that no quarter will be given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroying or seizing the enemy&apos;s property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abolishing the rights and actions of nationals of the hostile party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compelling nationals of the hostile party to take part in operations of war against their own country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pillaging a town or place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employing poison or poisoned weapons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employing asphyxiating, poisonous or other gases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employing bullets which expand or flatten easily in the human body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outrages upon personal dignity, humiliating and degrading treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using civilians or other protected persons as shields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attacking medical units, transport and personnel using the distinctive emblems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starvation of civilians as a method of warfare, including impeding relief supplies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conscripting or enlisting children under fifteen or using them in hostilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violence to life and person: murder, mutilation, cruel treatment and torture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentences or executions without judgement of a regularly constituted court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordering the displacement of the civilian population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killing or wounding treacherously a combatant adversary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroying or seizing the property of an adversary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys and contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the testimonies to export first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last changes cannot be saved yet: %1

Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
