<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Account</name>
    <message>
        <source>The account needs a name.</source>
        <translation>Das Konto braucht einen Namen.</translation>
    </message>
    <message>
        <source>The server address is not a valid URL.</source>
        <translation>Die Serveradresse ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (or http://).</source>
        <translation>Die Serveradresse muss mit https:// (oder http://) beginnen.</translation>
    </message>
    <message>
        <source>The user name may only contain letters, digits, &apos;_&apos; and &apos;-&apos; (at most 25).</source>
        <translation>Der Benutzername darf nur Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos; enthalten (höchstens 25 Zeichen).</translation>
    </message>
    <message>
        <source>The proxy must look like http://host:port or socks5://host:port.</source>
        <translation>Der Proxy muss die Form http://host:port oder socks5://host:port haben.</translation>
    </message>
    <message>
        <source>Dreamwidth does not speak the Blogger API; choose the flat or XML-RPC interface.</source>
        <translation>Dreamwidth unterstützt die Blogger API nicht; wählen Sie die Schnittstelle Flat oder XML-RPC.</translation>
    </message>
    <message>
        <source>The Blogger API sends the password itself with every request: choose clear authentication for it.</source>
        <translation>Die Blogger API sendet bei jeder Anfrage das Passwort selbst: Wählen Sie dafür die Klartext-Authentifizierung.</translation>
    </message>
    <message>
        <source>The account &apos;%1&apos; sends %2 to %3 without encryption (http://): anyone on the way can read it and log in as you. Use the server&apos;s https:// address, or challenge authentication.</source>
        <translation>Das Konto &apos;%1&apos; sendet %2 unverschlüsselt (http://) an %3: Jeder auf dem Übertragungsweg kann mitlesen und sich als Sie anmelden. Verwenden Sie die https://-Adresse des Servers oder die Challenge-Authentifizierung.</translation>
    </message>
    <message>
        <source>the password with every request</source>
        <translation>bei jeder Anfrage das Passwort</translation>
    </message>
    <message>
        <source>an MD5 of the password, which logs in as well as the password, with every request</source>
        <translation>bei jeder Anfrage einen MD5-Hash des Passworts (der zur Anmeldung ebenso genügt wie das Passwort selbst)</translation>
    </message>
</context>
<context>
    <name>AccountPassword</name>
    <message>
        <source>There is no account named &quot;%1&quot; any more.</source>
        <translation>Es gibt kein Konto namens &quot;%1&quot; mehr.</translation>
    </message>
    <message>
        <source>No password is saved for &quot;%1&quot;: enter it in Accounts.</source>
        <translation>Für &quot;%1&quot; ist kein Passwort gespeichert: Geben Sie es unter Konten ein.</translation>
    </message>
    <message>
        <source>No password is saved for &quot;%1&quot;: enter it in Accounts, and %2.</source>
        <translation>Für &quot;%1&quot; ist kein Passwort gespeichert: Geben Sie es unter Konten ein, und %2.</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>An account named &quot;%1&quot; already exists.</source>
        <translation>Ein Konto namens &quot;%1&quot; gibt es bereits.</translation>
    </message>
    <message>
        <source>Could not save the account: %1</source>
        <translation>Das Konto konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>Es gibt kein Konto namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Could not remove the account: %1</source>
        <translation>Das Konto konnte nicht entfernt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The account &quot;%1&quot; still has %n items in the outbox. Send or discard them before removing the account.</source>
        <translation>
            <numerusform>Das Konto &quot;%1&quot; hat noch %n Element im Postausgang. Senden oder verwerfen Sie es, bevor Sie das Konto entfernen.</numerusform>
            <numerusform>Das Konto &quot;%1&quot; hat noch %n Elemente im Postausgang. Senden oder verwerfen Sie sie, bevor Sie das Konto entfernen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BloggerCodec</name>
    <message>
        <source>The server did not accept the post&apos;s id.</source>
        <translation>Der Server hat die ID des Eintrags nicht akzeptiert.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The profile folder %1 is read-only: Inkwell cannot use its journal database there. Nothing has been changed.</source>
        <translation>Der Profilordner %1 ist schreibgeschützt: Inkwell kann die Journal-Datenbank dort nicht verwenden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The journal database %1 is read-only: Inkwell cannot use it. Nothing has been changed.</source>
        <translation>Die Journal-Datenbank %1 ist schreibgeschützt: Inkwell kann sie nicht verwenden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The journal database %1 is not a file.</source>
        <translation>Die Journal-Datenbank %1 ist keine Datei.</translation>
    </message>
    <message>
        <source>There is no journal database at %1.</source>
        <translation>Unter %1 gibt es keine Journal-Datenbank.</translation>
    </message>
    <message>
        <source>The journal database %1 is damaged or is not an Inkwell journal database (%2). It has not been changed.</source>
        <translation>Die Journal-Datenbank %1 ist beschädigt oder keine Journal-Datenbank von Inkwell (%2). Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Could not read the journal database %1: %2</source>
        <translation>Die Journal-Datenbank %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The journal database %1 was written by a newer version of Inkwell (schema %2; this version knows up to %3). It has not been changed; please use the newer Inkwell.</source>
        <translation>Die Journal-Datenbank %1 wurde von einer neueren Version von Inkwell geschrieben (Schema %2; diese Version kennt höchstens Schema %3). Sie wurde nicht verändert; bitte verwenden Sie die neuere Version von Inkwell.</translation>
    </message>
    <message>
        <source>The journal database %1 is damaged (SQLite&apos;s check says: %2). It has not been changed.</source>
        <translation>Die Journal-Datenbank %1 ist beschädigt (Prüfung von SQLite: %2). Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not installed.</source>
        <translation>Der SQLite-Treiber von Qt (QSQLITE) ist nicht installiert.</translation>
    </message>
    <message>
        <source>Could not open the journal database %1: %2</source>
        <translation>Die Journal-Datenbank %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The journal database %1 was written by an older version of Inkwell and must be updated, which cannot happen while it is read-only.</source>
        <translation>Die Journal-Datenbank %1 wurde von einer älteren Version von Inkwell geschrieben und muss aktualisiert werden. Das ist nicht möglich, solange sie schreibgeschützt ist.</translation>
    </message>
    <message>
        <source>Could not prepare the journal database %1: %2</source>
        <translation>Die Journal-Datenbank %1 konnte nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <source>Could not update the journal database to schema %1: %2</source>
        <translation>Die Journal-Datenbank konnte nicht auf Schema %1 aktualisiert werden: %2</translation>
    </message>
</context>
<context>
    <name>DatabaseRecovery</name>
    <message>
        <source>There is no journal database at %1.</source>
        <translation>Unter %1 gibt es keine Journal-Datenbank.</translation>
    </message>
    <message>
        <source>Could not move %1 aside to %2; nothing was changed.</source>
        <translation>%1 konnte nicht nach %2 beiseitegelegt werden; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Could not make a new journal database: %1</source>
        <translation>Es konnte keine neue Journal-Datenbank angelegt werden: %1</translation>
    </message>
    <message>
        <source>Could not fill the new journal database: %1</source>
        <translation>Die neue Journal-Datenbank konnte nicht befüllt werden: %1</translation>
    </message>
    <message>
        <source>The new journal database is inconsistent: %1</source>
        <translation>Die neue Journal-Datenbank ist inkonsistent: %1</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>The draft no longer exists.</source>
        <translation>Den Entwurf gibt es nicht mehr.</translation>
    </message>
</context>
<context>
    <name>EntryHtml</name>
    <message>
        <source>embedded content not shown</source>
        <translation>eingebettete Inhalte nicht angezeigt</translation>
    </message>
    <message>
        <source>Read more (cut)</source>
        <translation>Weiterlesen (Cut)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>posted by %1</source>
        <translation>veröffentlicht von %1</translation>
    </message>
    <message>
        <source>mood #%1</source>
        <translation>Stimmung #%1</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Musik</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Userpic</source>
        <translation>Benutzerbild</translation>
    </message>
    <message>
        <source>backdated</source>
        <translation>rückdatiert</translation>
    </message>
    <message>
        <source>comments disabled</source>
        <translation>Kommentare deaktiviert</translation>
    </message>
    <message>
        <source>all comments screened</source>
        <translation>alle Kommentare verborgen</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Open on the web</source>
        <translation>Im Web öffnen</translation>
    </message>
</context>
<context>
    <name>FetchSpool</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>FriendChange</name>
    <message>
        <source>Add or change %1</source>
        <translation>%1 hinzufügen oder ändern</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Save group &quot;%1&quot;</source>
        <translation>Gruppe &quot;%1&quot; speichern</translation>
    </message>
    <message>
        <source>Delete group %1</source>
        <translation>Gruppe %1 löschen</translation>
    </message>
    <message>
        <source>Change the groups of %1</source>
        <translation>Gruppen von %1 ändern</translation>
    </message>
</context>
<context>
    <name>Inkwell::AccountDialog</name>
    <message>
        <source>Add Account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Defaults to the user name</source>
        <translation>Standardmäßig der Benutzername</translation>
    </message>
    <message>
        <source>Dreamwidth</source>
        <translation>Dreamwidth</translation>
    </message>
    <message>
        <source>LiveJournal</source>
        <translation>LiveJournal</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>Eigene URL</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Flat</translation>
    </message>
    <message>
        <source>XML-RPC</source>
        <translation>XML-RPC</translation>
    </message>
    <message>
        <source>Blogger API (WordPress and other blogs)</source>
        <translation>Blogger API (WordPress und andere Blogs)</translation>
    </message>
    <message>
        <source>The Blogger API carries the subject, the text, the mood and the music, and lists the newest %1 posts: no security, tags, userpics or friends. For a WordPress blog, give the address of its xmlrpc.php as the server.</source>
        <translation>Die Blogger API überträgt Betreff, Text, Stimmung und Musik und listet die neuesten %1 Einträge auf: keine Sichtbarkeit, Tags, Benutzerbilder oder Freunde. Geben Sie bei einem WordPress-Blog die Adresse seiner xmlrpc.php als Server an.</translation>
    </message>
    <message>
        <source>Challenge/response (recommended)</source>
        <translation>Challenge/Response (empfohlen)</translation>
    </message>
    <message>
        <source>Session cookie</source>
        <translation>Sitzungscookie</translation>
    </message>
    <message>
        <source>Hashed password (hpassword)</source>
        <translation>Gehashtes Passwort (hpassword)</translation>
    </message>
    <message>
        <source>Clear text (sends the password as is)</source>
        <translation>Klartext (sendet das Passwort unverändert)</translation>
    </message>
    <message>
        <source>Test Login</source>
        <translation>Anmeldung testen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>Schni&amp;ttstelle:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>the system&apos;s settings</source>
        <translation>Einstellungen des Systems</translation>
    </message>
    <message>
        <source>http://host:port or socks5://host:port, for this account only</source>
        <translation>http://host:port oder socks5://host:port, nur für dieses Konto</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-Sch&amp;lüssel:</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored API key</source>
        <translation>Leer lassen, um den gespeicherten API-Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>Dreamwidth accepts an &lt;b&gt;API key&lt;/b&gt; here, not your account password. Make one on Dreamwidth under Account settings → &lt;a href=&quot;%1&quot;&gt;API keys&lt;/a&gt;, and paste it here.</source>
        <translation>Dreamwidth akzeptiert hier einen &lt;b&gt;API-Schlüssel&lt;/b&gt;, nicht Ihr Kontopasswort. Erstellen Sie einen auf Dreamwidth unter Account settings → &lt;a href=&quot;%1&quot;&gt;API keys&lt;/a&gt; und fügen Sie ihn hier ein.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored password</source>
        <translation>Leer lassen, um das gespeicherte Passwort zu behalten</translation>
    </message>
    <message>
        <source>Kept in your system&apos;s keychain, never in Inkwell&apos;s files.</source>
        <translation>Wird im Schlüsselbund Ihres Systems aufbewahrt, nie in den Dateien von Inkwell.</translation>
    </message>
    <message>
        <source>The Blogger API sends the password itself with every request.</source>
        <translation>Die Blogger API sendet bei jeder Anfrage das Passwort selbst.</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, for example https://www.dreamwidth.org.</source>
        <translation>Geben Sie die Adresse des Servers ein, zum Beispiel https://www.dreamwidth.org.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web address Inkwell can use. Write the server&apos;s address as in the browser, for example https://www.dreamwidth.org.</source>
        <translation>&quot;%1&quot; ist keine Webadresse, die Inkwell verwenden kann. Geben Sie die Adresse des Servers so ein wie im Browser, zum Beispiel https://www.dreamwidth.org.</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>Geben Sie zuerst den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Enter the password first.</source>
        <translation>Geben Sie zuerst das Passwort ein.</translation>
    </message>
    <message>
        <source>Checking the login with %1…</source>
        <translation>Anmeldung bei %1 wird geprüft…</translation>
    </message>
    <message>
        <source>Save Anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
    <message>
        <source>The server did not accept this login (below). Correct it, or press Save Anyway to keep it as it is.</source>
        <translation>Der Server hat diese Anmeldung nicht akzeptiert (siehe unten). Korrigieren Sie sie, oder klicken Sie auf &quot;Trotzdem speichern&quot;, um sie unverändert zu übernehmen.</translation>
    </message>
    <message>
        <source>The account was saved, but its password was not: %1</source>
        <translation>Das Konto wurde gespeichert, sein Passwort jedoch nicht: %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::AccountListDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>&amp;Log In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Log in now and refresh the userpics, moods, groups and journals the editor offers</source>
        <translation>Jetzt anmelden und die Benutzerbilder, Stimmungen, Gruppen und Journale aktualisieren, die der Editor anbietet</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>No accounts yet. Add one to start.</source>
        <translation>Noch keine Konten. Fügen Sie ein Konto hinzu, um zu beginnen.</translation>
    </message>
    <message>
        <source>Saved the account &quot;%1&quot;.</source>
        <translation>Das Konto &quot;%1&quot; wurde gespeichert.</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; from Inkwell?</source>
        <translation>Das Konto &quot;%1&quot; aus Inkwell entfernen?</translation>
    </message>
    <message>
        <source>Its journals&apos; copies in this profile and its stored password go too. Nothing changes on the server.</source>
        <translation>Die lokalen Kopien seiner Journale in diesem Profil und sein gespeichertes Passwort werden ebenfalls entfernt. Auf dem Server ändert sich nichts.</translation>
    </message>
    <message>
        <source>Removed the account &quot;%1&quot;.</source>
        <translation>Das Konto &quot;%1&quot; wurde entfernt.</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
</context>
<context>
    <name>Inkwell::BloggerContent</name>
    <message>
        <source>security (private)</source>
        <translation>Sichtbarkeit (privat)</translation>
    </message>
    <message>
        <source>security (friends or groups)</source>
        <translation>Sichtbarkeit (Freunde oder Gruppen)</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>backdating</source>
        <translation>Rückdatierung</translation>
    </message>
    <message>
        <source>the userpic</source>
        <translation>das Benutzerbild</translation>
    </message>
    <message>
        <source>a subject of several lines</source>
        <translation>einen mehrzeiligen Betreff</translation>
    </message>
</context>
<context>
    <name>Inkwell::CalendarView</name>
    <message>
        <source>◀ Earlier entries</source>
        <translation>◀ Frühere Einträge</translation>
    </message>
    <message>
        <source>Go to the nearest earlier month with entries</source>
        <translation>Zum nächsten früheren Monat mit Einträgen wechseln</translation>
    </message>
    <message>
        <source>Later entries ▶</source>
        <translation>Spätere Einträge ▶</translation>
    </message>
    <message>
        <source>Go to the nearest later month with entries</source>
        <translation>Zum nächsten späteren Monat mit Einträgen wechseln</translation>
    </message>
    <message>
        <source>No entries on this day.</source>
        <translation>Keine Einträge an diesem Tag.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries this month</source>
        <translation>Keine Einträge in diesem Monat</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>an %n Tag</numerusform>
            <numerusform>an %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::AccountCommands</name>
    <message>
        <source>%1 on %2 (%3, %4)</source>
        <extracomment>An account: %1 the user name, %2 the server&apos;s address, %3 the interface (flat, xmlrpc, blogger), %4 the authentication (challenge, cookie, hpassword, clear).</extracomment>
        <translation>%1 auf %2 (%3, %4)</translation>
    </message>
    <message>
        <source>No keychain is available, so the password was not stored (Inkwell keeps passwords nowhere else).</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher wurde das Passwort nicht gespeichert (Inkwell speichert Passwörter nirgendwo sonst).</translation>
    </message>
    <message>
        <source>The keychain did not store the password: %1</source>
        <translation>Der Schlüsselbund hat das Passwort nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>--interface is flat, xmlrpc or blogger, not &apos;%1&apos;.</source>
        <translation>--interface muss flat, xmlrpc oder blogger sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--auth is challenge, cookie, hpassword or clear, not &apos;%1&apos;.</source>
        <translation>--auth muss challenge, cookie, hpassword oder clear sein, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>No accounts. Add one with: inkwell-cli account add NAME --server URL --user USER</source>
        <translation>Keine Konten vorhanden. Fügen Sie eines hinzu mit: inkwell-cli account add NAME --server URL --user USER</translation>
    </message>
    <message>
        <source>An account named &apos;%1&apos; already exists (&apos;inkwell-cli account edit %1&apos; changes it).</source>
        <translation>Ein Konto namens &apos;%1&apos; gibt es bereits (&apos;inkwell-cli account edit %1&apos; ändert es).</translation>
    </message>
    <message>
        <source>%1 The account was not added.</source>
        <extracomment>%1 says why the keychain did not take the password.</extracomment>
        <translation>%1 Das Konto wurde nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>Added account &apos;%1&apos;: %2.</source>
        <extracomment>%1 is the account&apos;s name, %2 describes it (&quot;alice on https://www.dreamwidth.org (flat, challenge)&quot;).</extracomment>
        <translation>Konto &apos;%1&apos; hinzugefügt: %2.</translation>
    </message>
    <message>
        <source>The password is stored in the keychain.</source>
        <translation>Das Passwort ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>No password is stored: give it with --password-stdin, or store it with &apos;inkwell-cli account edit %1 --password-stdin&apos;.</source>
        <translation>Es ist kein Passwort gespeichert: Geben Sie es mit --password-stdin an, oder speichern Sie es mit &apos;inkwell-cli account edit %1 --password-stdin&apos;.</translation>
    </message>
    <message>
        <source>&apos;account edit&apos; needs something to change: --rename, --server, --user, --interface, --auth, --proxy or --password-stdin.</source>
        <translation>&apos;account edit&apos; braucht mindestens eine Änderung: --rename, --server, --user, --interface, --auth, --proxy oder --password-stdin.</translation>
    </message>
    <message>
        <source>An account named &apos;%1&apos; already exists.</source>
        <translation>Ein Konto namens &apos;%1&apos; gibt es bereits.</translation>
    </message>
    <message>
        <source>%1 The account was not changed.</source>
        <extracomment>%1 says why the keychain did not take the password.</extracomment>
        <translation>%1 Das Konto wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The new password is stored in the keychain.</source>
        <translation>Das neue Passwort ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The stored password could not be carried over to the new login (%1).</source>
        <translation>Das gespeicherte Passwort konnte nicht auf die neue Anmeldung (Benutzername und Server) übertragen werden (%1).</translation>
    </message>
    <message>
        <source>The stored password now belongs to the new login.</source>
        <translation>Das gespeicherte Passwort gehört jetzt zur neuen Anmeldung (Benutzername und Server).</translation>
    </message>
    <message>
        <source>Changed account &apos;%1&apos;: %2.</source>
        <extracomment>%1 is the account&apos;s name, %2 describes it (&quot;alice on https://www.dreamwidth.org (flat, challenge)&quot;).</extracomment>
        <translation>Konto &apos;%1&apos; geändert: %2.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Its password stays in the keychain: another account uses the same login.</source>
        <translation>Sein Passwort bleibt im Schlüsselbund: Ein anderes Konto verwendet denselben Benutzernamen auf demselben Server.</translation>
    </message>
    <message>
        <source>Its password was deleted from the keychain.</source>
        <translation>Sein Passwort wurde aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>No keychain is available: if one holds a password for %1, it is still there.</source>
        <translation>Es ist kein Schlüsselbund verfügbar: Falls ein Schlüsselbund ein Passwort für %1 enthält, ist es dort weiterhin vorhanden.</translation>
    </message>
    <message>
        <source>Could not delete the password from the keychain (%1). The account was not removed.</source>
        <translation>Das Passwort konnte nicht aus dem Schlüsselbund gelöscht werden (%1). Das Konto wurde nicht entfernt.</translation>
    </message>
    <message>
        <source>Removed account &apos;%1&apos;.</source>
        <translation>Konto &apos;%1&apos; entfernt.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::CliArguments</name>
    <message>
        <source>Keep local data in DIR instead of the platform&apos;s application-data folder.</source>
        <translation>Lokale Daten in DIR statt im Anwendungsdatenordner des Systems ablegen.</translation>
    </message>
    <message>
        <source>Show the help (of the command, when one is named) and exit.</source>
        <translation>Die Hilfe anzeigen (zum Befehl, falls einer angegeben ist) und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>The site&apos;s root address, e.g. https://www.dreamwidth.org.</source>
        <translation>Die Stammadresse der Website, z. B. https://www.dreamwidth.org.</translation>
    </message>
    <message>
        <source>Your user name on that site.</source>
        <translation>Ihr Benutzername auf dieser Website.</translation>
    </message>
    <message>
        <source>The protocol&apos;s wire format (default flat), or the Blogger API (a WordPress blog: --server https://HOST/xmlrpc.php; clear authentication).</source>
        <translation>Das Übertragungsformat des Protokolls (Standard: flat) oder die Blogger API (ein WordPress-Blog: --server https://HOST/xmlrpc.php; Authentifizierung clear).</translation>
    </message>
    <message>
        <source>How requests authenticate (default challenge: the secret never travels).</source>
        <translation>Wie sich Anfragen authentifizieren (Standard: challenge; das Passwort selbst wird nie übertragen).</translation>
    </message>
    <message>
        <source>Give the account a new name.</source>
        <translation>Dem Konto einen neuen Namen geben.</translation>
    </message>
    <message>
        <source>Reach the server through this proxy: http://[user:password@]host:port or socks5://host:port (&quot;&quot; for the system&apos;s proxy settings, the default).</source>
        <translation>Den Server über diesen Proxy erreichen: http://[user:password@]host:port oder socks5://host:port (&quot;&quot; für die Proxy-Einstellungen des Systems, der Standard).</translation>
    </message>
    <message>
        <source>Read the password (on Dreamwidth: an API key) from the first line of standard input.</source>
        <translation>Das Passwort (bei Dreamwidth: einen API-Schlüssel) aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Print the reply as one line of JSON instead of indented.</source>
        <translation>Die Antwort als eine einzige JSON-Zeile statt eingerückt ausgeben.</translation>
    </message>
    <message>
        <source>A community (or other journal) the account may read, instead of the account&apos;s own journal.</source>
        <translation>Eine Community (oder ein anderes Journal), die das Konto lesen darf, statt des eigenen Journals des Kontos.</translation>
    </message>
    <message>
        <source>What to write: JSON lines, ljdump&apos;s XML files, or a small web site.</source>
        <translation>Was geschrieben wird: JSON Lines, die XML-Dateien von ljdump oder eine kleine Website.</translation>
    </message>
    <message>
        <source>Write to this file (jsonl; default standard output) or folder (ljxml, html).</source>
        <translation>In diese Datei (jsonl; Standard: Standardausgabe) oder diesen Ordner (ljxml, html) schreiben.</translation>
    </message>
    <message>
        <source>Only entries with this tag.</source>
        <translation>Nur Einträge mit diesem Tag.</translation>
    </message>
    <message>
        <source>Only entries dated in this year.</source>
        <translation>Nur Einträge, deren Datum in diesem Jahr liegt.</translation>
    </message>
    <message>
        <source>search: only entries with this security (public, private, usemask). post, edit: who may read it (public, private, friends, or groups:G1,G2 for custom friend groups).</source>
        <translation>search: nur Einträge mit dieser Sichtbarkeit (public, private, usemask). post, edit: wer den Eintrag lesen darf (public, private, friends oder groups:G1,G2 für ausgewählte Freundesgruppen).</translation>
    </message>
    <message>
        <source>The entry&apos;s subject.</source>
        <translation>Der Betreff des Eintrags.</translation>
    </message>
    <message>
        <source>Read the entry&apos;s text (HTML welcome) from FILE, or from standard input with -.</source>
        <translation>Den Text des Eintrags (HTML erlaubt) aus FILE lesen, oder mit - aus der Standardeingabe.</translation>
    </message>
    <message>
        <source>An entry prop, e.g. current_mood=happy or taglist=&apos;a, b&apos;; may be given more than once. K= with nothing after the = removes the prop.</source>
        <translation>Eine Eigenschaft (prop) des Eintrags, z. B. current_mood=happy oder taglist=&apos;a, b&apos;; kann mehrfach angegeben werden. K= ohne etwas nach dem = entfernt die Eigenschaft.</translation>
    </message>
    <message>
        <source>Date the entry in the past and keep it off friends pages (opt_backdated).</source>
        <translation>Den Eintrag rückdatieren, sodass er nicht auf Freundesseiten erscheint (opt_backdated).</translation>
    </message>
    <message>
        <source>The entry&apos;s date and time, in local time (post: default now; edit: unchanged).</source>
        <translation>Datum und Uhrzeit des Eintrags in Ortszeit (post: Standard ist jetzt; edit: unverändert).</translation>
    </message>
    <message>
        <source>At most N results (default 100).</source>
        <translation>Höchstens N Ergebnisse (Standard: 100).</translation>
    </message>
    <message>
        <source>Show the profile folder, its journal database and the database&apos;s schema version.</source>
        <translation>Den Profilordner, seine Journal-Datenbank und die Schemaversion der Datenbank anzeigen.</translation>
    </message>
    <message>
        <source>List the profile&apos;s accounts: name, server, user, interface, authentication, flavour.</source>
        <translation>Die Konten des Profils auflisten: Name, Server, Benutzer, Schnittstelle, Authentifizierung, Servervariante.</translation>
    </message>
    <message>
        <source>Add an account named NAME (the flat interface and challenge authentication by default).</source>
        <translation>Ein Konto namens NAME hinzufügen (standardmäßig mit Schnittstelle flat und Authentifizierung challenge).</translation>
    </message>
    <message>
        <source>With --password-stdin the password (on Dreamwidth: an API key) is stored in the operating
system&apos;s keychain, and only there: if no keychain is available, the command says so and
adds nothing. Without it, commands that talk to the server take --password-stdin.</source>
        <translation>Mit --password-stdin wird das Passwort (bei Dreamwidth: ein API-Schlüssel) im Schlüsselbund
des Betriebssystems gespeichert, und nur dort: Ist kein Schlüsselbund verfügbar, meldet der Befehl
das und fügt nichts hinzu. Ohne die Option erwarten Befehle mit Serverzugriff --password-stdin.</translation>
    </message>
    <message>
        <source>Change an account: only what the options name changes.</source>
        <translation>Ein Konto ändern: Geändert wird nur, was die Optionen angeben.</translation>
    </message>
    <message>
        <source>--password-stdin replaces the password kept in the keychain. A stored password follows the
account to a new server address or user name. A new server address forgets the flavour
learnt at login.</source>
        <translation>--password-stdin ersetzt das im Schlüsselbund gespeicherte Passwort. Ein gespeichertes Passwort
zieht mit dem Konto zu einer neuen Serveradresse oder einem neuen Benutzernamen um. Eine neue
Serveradresse verwirft die bei der Anmeldung ermittelte Servervariante.</translation>
    </message>
    <message>
        <source>Remove an account and its password from the keychain.</source>
        <translation>Ein Konto entfernen und sein Passwort aus dem Schlüsselbund löschen.</translation>
    </message>
    <message>
        <source>The password stays when another account uses the same login on the same server.</source>
        <translation>Das Passwort bleibt erhalten, wenn ein anderes Konto denselben Benutzernamen auf demselben Server verwendet.</translation>
    </message>
    <message>
        <source>Log in and show what the server said about the account.</source>
        <translation>Anmelden und anzeigen, was der Server über das Konto mitteilt.</translation>
    </message>
    <message>
        <source>Prints the full name, the server&apos;s message if it has one, the journals you may post to,
the number of moods and userpics, and the flavour of the server (Dreamwidth or
LiveJournal), which is saved with the account.</source>
        <translation>Gibt den vollständigen Namen aus, die Nachricht des Servers (falls vorhanden), die Journale,
in denen Sie veröffentlichen dürfen, die Anzahl der Stimmungen und Benutzerbilder sowie die
Servervariante (Dreamwidth oder LiveJournal), die mit dem Konto gespeichert wird.</translation>
    </message>
    <message>
        <source>Run one protocol mode and print the server&apos;s decoded reply as JSON.</source>
        <translation>Einen Protokollmodus ausführen und die dekodierte Antwort des Servers als JSON ausgeben.</translation>
    </message>
    <message>
        <source>The request holds the given fields; the user name, protocol version and authentication
are added. Fields:
  key=value         a string (may be empty: key=)
  key:=JSON         a JSON value: 42, true, null, &quot;text&quot;, [1, 2], {&quot;a&quot;: 1}
  a.b=value         a member of a nested struct (structs are made as needed; works
                    with := too), e.g. props.current_mood=happy
A field may be given once. Arrays are written as JSON: deletetrustgroups:=[3,4].
Keys cannot contain &apos;.&apos;; a whole struct given as JSON can hold any key.
Examples:
  inkwell-cli call dw getchallenge
  inkwell-cli call dw getevents selecttype=one itemid:=42
  inkwell-cli call dw postevent event=&apos;Hello ✓&apos; subject=Hi year:=2025 mon:=2 day:=3 \
      hour:=4 min:=5 props.current_mood=happy props.opt_backdated:=1
Errors go to standard error as one line: the protocol error and the server&apos;s own text.</source>
        <translation>Die Anfrage enthält die angegebenen Felder; Benutzername, Protokollversion und Authentifizierung
werden ergänzt. Felder:
  key=value         eine Zeichenkette (darf leer sein: key=)
  key:=JSON         ein JSON-Wert: 42, true, null, &quot;text&quot;, [1, 2], {&quot;a&quot;: 1}
  a.b=value         ein Element einer verschachtelten Struktur (Strukturen werden bei Bedarf
                    angelegt; geht auch mit :=), z. B. props.current_mood=happy
Jedes Feld darf nur einmal vorkommen. Arrays werden als JSON geschrieben: deletetrustgroups:=[3,4].
Schlüssel dürfen keinen &apos;.&apos; enthalten; eine ganze Struktur als JSON darf beliebige Schlüssel haben.
Beispiele:
  inkwell-cli call dw getchallenge
  inkwell-cli call dw getevents selecttype=one itemid:=42
  inkwell-cli call dw postevent event=&apos;Hello ✓&apos; subject=Hi year:=2025 mon:=2 day:=3 \
      hour:=4 min:=5 props.current_mood=happy props.opt_backdated:=1
Fehler erscheinen als eine Zeile in der Standardfehlerausgabe: Protokollfehler und Text des Servers.</translation>
    </message>
    <message>
        <source>Bring the local mirror of a journal up to date with the server.</source>
        <translation>Die lokale Kopie eines Journals auf den Stand des Servers bringen.</translation>
    </message>
    <message>
        <source>Mirrors the account&apos;s own journal, or with --journal a community it may read. The first
run fetches everything; later runs fetch only what changed (new, edited and deleted
entries). Progress goes to standard error; at the end one line goes to standard output:
  added A updated U deleted D requests R seconds S
With challenge authentication (the default) one short session (getchallenge, then
sessiongenerate) serves the whole run; it is ended on the server (sessionexpire) before the
command leaves, on every path, and never kept.
The outbox (posts, edits and deletions waiting to be sent) goes out first.
A failed or interrupted sync (Ctrl-C) keeps everything fetched so far; run it again to
continue where it stopped. Exit 1 when it did not complete.</source>
        <translation>Kopiert das eigene Journal des Kontos oder mit --journal eine Community, die es lesen darf. Der
erste Lauf holt alles, spätere nur Änderungen (neue, bearbeitete und gelöschte Einträge). Der
Fortschritt erscheint in der Standardfehlerausgabe, am Ende eine Zeile in der Standardausgabe:
  added A updated U deleted D requests R seconds S
Mit Challenge-Authentifizierung (Standard) dient eine kurze Sitzung (getchallenge, dann
sessiongenerate) für den ganzen Lauf; sie wird in jedem Fall auf dem Server beendet (sessionexpire),
bevor der Befehl endet, und nie aufbewahrt.
Zuerst wird der Postausgang gesendet (wartende neue Einträge, Bearbeitungen und Löschungen).
Eine fehlgeschlagene oder unterbrochene Synchronisierung (Ctrl-C) behält alles bisher Geholte;
ein neuer Aufruf macht dort weiter, wo sie aufhörte. Exit-Code 1, wenn sie unvollständig blieb.</translation>
    </message>
    <message>
        <source>Write the local mirror of a journal out, without going online.</source>
        <translation>Die lokale Kopie eines Journals exportieren, ohne online zu gehen.</translation>
    </message>
    <message>
        <source>Formats:
  jsonl   one JSON object a line, by itemid, with the keys itemid, eventtime, logtime,
          subject, event, security, allowmask, poster and props (prop name -&gt; value);
          logtime is empty where the server does not give it (LiveJournal), poster is the
          journal&apos;s own name for the owner&apos;s entries. To standard output, or --output FILE.
  ljxml   --output DIR: one file L-&lt;itemid&gt; per entry, as the ljdump archiver writes them
          (an &lt;event&gt; element with one element per field of getevents, props inside
          &lt;props&gt;).
  html    --output DIR: index.html (every entry, newest first, with date and subject) and
          one page &lt;itemid&gt;.html per entry with its HTML, tags, mood, music, location and a
          link to the original; &lt;script&gt; elements are removed and the pages forbid scripts.
Files are replaced atomically. In a folder, files of entries no longer in the mirror
(L-&lt;itemid&gt;, &lt;itemid&gt;.html) are removed.</source>
        <translation>Formate:
  jsonl   ein JSON-Objekt pro Zeile, nach itemid sortiert, mit den Schlüsseln itemid, eventtime,
          logtime, subject, event, security, allowmask, poster und props (Eigenschaft -&gt; Wert);
          logtime ist leer, wo der Server es nicht liefert (LiveJournal); poster ist bei Einträgen
          des Inhabers der Name des Journals selbst. In die Standardausgabe oder --output FILE.
  ljxml   --output DIR: eine Datei L-&lt;itemid&gt; pro Eintrag, wie sie der Archivierer ljdump schreibt
          (ein &lt;event&gt;-Element mit je einem Element pro Feld von getevents, props innerhalb von
          &lt;props&gt;).
  html    --output DIR: index.html (alle Einträge, neueste zuerst, mit Datum und Betreff) und
          je eine Seite &lt;itemid&gt;.html pro Eintrag mit HTML, Tags, Stimmung, Musik, Ort und einem
          Link zum Original; &lt;script&gt;-Elemente werden entfernt, und die Seiten verbieten Skripte.
Dateien werden atomar ersetzt. In einem Ordner werden Dateien von Einträgen, die nicht mehr in
der lokalen Kopie sind (L-&lt;itemid&gt;, &lt;itemid&gt;.html), entfernt.</translation>
    </message>
    <message>
        <source>Search the local mirror of a journal (subjects, bodies and tags), without going online.</source>
        <translation>Die lokale Kopie eines Journals durchsuchen (Betreffzeilen, Texte und Tags), ohne online zu gehen.</translation>
    </message>
    <message>
        <source>QUERY holds words, all of which must occur (the last one may be the start of a word), and
&quot;quoted phrases&quot; (quote them for the shell too: &apos;&quot;rainy day&quot;&apos;). Case and accents do not
matter: cafe finds Café. Nothing in QUERY is an operator. A QUERY that starts with &apos;-&apos; goes
after &apos;--&apos;: inkwell-cli search NAME -- -word. Best matches first, one a line:
  itemid  eventtime  subject  snippet
with the matching words of the snippet in [brackets]; when nothing matches, standard output
stays empty and a note says so on standard error. The filters narrow the hits down;
--tag takes a whole tag (as shown by the entry), --year the year of the entry&apos;s date.
Without QUERY, a filter lists every entry it lets through, newest first:
inkwell-cli search NAME --tag travel.</source>
        <translation>QUERY enthält Wörter, die alle vorkommen müssen (das letzte darf ein Wortanfang sein), und
&quot;Phrasen in Anführungszeichen&quot; (auch für die Shell quotieren: &apos;&quot;rainy day&quot;&apos;). Groß- und
Kleinschreibung und Akzente sind egal: cafe findet Café. QUERY kennt keine Operatoren. Beginnt
QUERY mit &apos;-&apos;, gehört sie hinter &apos;--&apos;: inkwell-cli search NAME -- -word. Ein Treffer pro Zeile:
  itemid  eventtime  subject  snippet
beste Treffer zuerst, die passenden Wörter des Ausschnitts (snippet) in [Klammern]. Passt nichts,
bleibt die Standardausgabe leer, und ein Hinweis in der Standardfehlerausgabe meldet das. Filter
grenzen die Treffer ein: --tag nimmt ein ganzes Tag (wie am Eintrag angezeigt), --year das Jahr
des Eintragsdatums. Ohne QUERY listet ein Filter alle Einträge, die er durchlässt, neueste zuerst:
inkwell-cli search NAME --tag travel.</translation>
    </message>
    <message>
        <source>Post an entry, now or as soon as the server can be reached.</source>
        <translation>Einen Eintrag veröffentlichen, sofort oder sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>The entry goes into the same outbox as the GUI&apos;s, behind whatever already waits there,
and the outbox is sent at once. Prints one line:
  posted ITEMID URL       the server took it
  queued ID: REASON       it waits in the outbox (no network, server trouble, no password);
                          &apos;inkwell-cli sync NAME&apos; or the GUI sends it later, exactly once
Both exit 0. A refusal by the server (a bad prop, no access to the community) exits 1 with
the server&apos;s message; the entry stays in the outbox as refused, for &apos;outbox&apos; to show.
--body-file - reads the text from standard input, so it cannot be combined with
--password-stdin (store the password first: account edit NAME --password-stdin).
Example:
  inkwell-cli post dw --subject &apos;Hello ✓&apos; --body-file note.html --security friends \
      --prop current_mood=happy --prop taglist=&apos;garden, tea&apos;</source>
        <translation>Der Eintrag kommt in denselben Postausgang wie bei der GUI, hinter alles, was dort schon wartet,
und der Postausgang wird sofort gesendet. Gibt eine Zeile aus:
  posted ITEMID URL       der Server hat ihn angenommen
  queued ID: REASON       er wartet im Postausgang (kein Netzwerk, Serverprobleme, kein Passwort);
                          &apos;inkwell-cli sync NAME&apos; oder die GUI sendet ihn später, genau einmal
Beides mit Exit-Code 0. Lehnt der Server ab (ungültige Eigenschaft, kein Zugriff auf die Community),
folgt Exit-Code 1 mit seiner Meldung; der Eintrag bleibt als abgelehnt im Postausgang, siehe &apos;outbox&apos;.
--body-file - liest den Text aus der Standardeingabe und lässt sich daher nicht mit
--password-stdin kombinieren (Passwort vorher speichern: account edit NAME --password-stdin).
Beispiel:
  inkwell-cli post dw --subject &apos;Hello ✓&apos; --body-file note.html --security friends \
      --prop current_mood=happy --prop taglist=&apos;garden, tea&apos;</translation>
    </message>
    <message>
        <source>Edit an entry of the local mirror, now or as soon as the server can be reached.</source>
        <translation>Einen Eintrag der lokalen Kopie bearbeiten, sofort oder sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Starts from the entry as the local mirror has it (run &apos;sync&apos; first if it is not there) and
changes only what the options name; --prop K= removes the prop K. The edit goes into the
outbox, like the GUI&apos;s, and the outbox is sent at once. Prints one line:
  edited ITEMID           the server took it
  queued ID: REASON       it waits in the outbox (no network, server trouble, no password);
                          &apos;inkwell-cli sync NAME&apos; or the GUI sends it later, exactly once
Both exit 0. The edit is sent only if the server still has the version the mirror had: if
the entry was changed elsewhere since (on the web, by another client), it stays in the
outbox as a conflict and the command exits 1; &apos;outbox&apos; shows it. A refusal by the server
exits 1 too. Editing an entry whose earlier edit still waits in the outbox changes that
edit. --body-file - cannot be combined with --password-stdin.
Example:
  inkwell-cli edit dw 42 --subject &apos;Better title&apos; --prop current_mood= --security private</source>
        <translation>Geht vom Eintrag in der lokalen Kopie aus (fehlt er dort, führen Sie zuerst &apos;sync&apos; aus) und ändert
nur, was die Optionen angeben; --prop K= entfernt die Eigenschaft K. Die Änderung kommt wie in der
GUI in den Postausgang, der sofort gesendet wird. Gibt eine Zeile aus:
  edited ITEMID           der Server hat sie angenommen
  queued ID: REASON       sie wartet im Postausgang (kein Netz, Serverprobleme, kein Passwort);
                          &apos;inkwell-cli sync NAME&apos; oder die GUI sendet sie später, genau einmal
In beiden Fällen Exit-Code 0. Gesendet wird nur, wenn der Server noch die Version der lokalen Kopie
hat: Wurde der Eintrag seitdem anderswo geändert (im Web, mit einem anderen Client), bleibt die
Änderung als Konflikt im Postausgang und der Befehl endet mit Exit-Code 1; &apos;outbox&apos; zeigt sie. Auch
eine Ablehnung durch den Server ergibt Exit-Code 1. Wartet eine frühere Änderung des Eintrags noch
im Postausgang, wird diese angepasst. --body-file - geht nicht zusammen mit --password-stdin.
Beispiel:
  inkwell-cli edit dw 42 --subject &apos;Better title&apos; --prop current_mood= --security private</translation>
    </message>
    <message>
        <source>Delete an entry of the local mirror, now or as soon as the server can be reached.</source>
        <translation>Einen Eintrag der lokalen Kopie löschen, sofort oder sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>The deletion goes into the outbox, like the GUI&apos;s, and the outbox is sent at once; the
entry must be in the local mirror (run &apos;sync&apos; first). Prints one line:
  deleted ITEMID          the server deleted it (or it was gone already)
  queued ID: REASON       it waits in the outbox; &apos;inkwell-cli sync NAME&apos; sends it later
Both exit 0; a refusal by the server exits 1.</source>
        <translation>Die Löschung kommt wie in der GUI in den Postausgang, der sofort gesendet wird; der Eintrag muss
in der lokalen Kopie sein (führen Sie zuerst &apos;sync&apos; aus). Gibt eine Zeile aus:
  deleted ITEMID          der Server hat ihn gelöscht (oder er war bereits gelöscht)
  queued ID: REASON       sie wartet im Postausgang; &apos;inkwell-cli sync NAME&apos; sendet sie später
In beiden Fällen Exit-Code 0; eine Ablehnung durch den Server ergibt Exit-Code 1.</translation>
    </message>
    <message>
        <source>List what waits to be sent for an account, and why.</source>
        <translation>Auflisten, was für ein Konto auf den Versand wartet, und warum.</translation>
    </message>
    <message>
        <source>One line per item, oldest first: ID, state (waiting, sending, unknown, conflict, failed),
what it is (post, edit, delete), the journal, the subject and the reason it waits.
&apos;unknown&apos; means the connection was lost after sending: the next send asks the server
whether it arrived before sending it again. Works offline.</source>
        <translation>Eine Zeile pro Element, älteste zuerst: ID, Zustand (waiting, sending, unknown, conflict, failed),
Art (post, edit, delete), das Journal, der Betreff und der Grund, warum es wartet.
&apos;unknown&apos; heißt, dass die Verbindung nach dem Senden abbrach: Beim nächsten Senden wird der Server
gefragt, ob es angekommen ist, bevor es erneut gesendet wird. Funktioniert offline.</translation>
    </message>
    <message>
        <source>Show how many entries the local mirror holds per day, as YYYY-MM-DD COUNT lines.</source>
        <translation>Anzeigen, wie viele Einträge die lokale Kopie pro Tag enthält, als Zeilen YYYY-MM-DD COUNT.</translation>
    </message>
    <message>
        <source>Days are those of the entries&apos; own dates (eventtime), as the server&apos;s getdaycounts counts
them; days without entries are left out. Works offline.</source>
        <translation>Es zählt das eigene Datum der Einträge (eventtime), so wie getdaycounts auf dem Server zählt;
Tage ohne Einträge werden weggelassen. Funktioniert offline.</translation>
    </message>
    <message>
        <source>Start afresh from a damaged journal database, keeping accounts, drafts and the outbox.</source>
        <translation>Nach einer beschädigten Journal-Datenbank neu beginnen; Konten, Entwürfe und Postausgang bleiben erhalten.</translation>
    </message>
    <message>
        <source>When SQLite finds the profile&apos;s journal database damaged, every other command stops and
says so. repair moves the damaged file aside (it is kept, never deleted: the new name is
printed) and makes a new database holding every account, draft, outbox item and queued
friends change that can still be read from it. The mirrors are not carried over: run
&apos;inkwell-cli sync NAME&apos; to fetch each journal from the server again (the outbox goes out
first). A sound database is left alone. Nothing else may use the profile meanwhile.</source>
        <translation>Ist die Journal-Datenbank des Profils laut SQLite beschädigt, brechen alle anderen Befehle mit einem
Hinweis ab. repair verschiebt die beschädigte Datei zur Seite (nie gelöscht; der neue Name wird
ausgegeben) und legt eine neue Datenbank mit allen noch lesbaren Konten, Entwürfen, Elementen im
Postausgang und vorgemerkten Änderungen an Freunden an. Die lokalen Kopien werden nicht übernommen:
Holen Sie mit &apos;inkwell-cli sync NAME&apos; jedes Journal neu vom Server (zuerst wird der Postausgang
gesendet). Eine intakte Datenbank bleibt unverändert. Nichts anderes darf das Profil dabei nutzen.</translation>
    </message>
    <message>
        <source>Show the help of one command, or of all.</source>
        <translation>Die Hilfe zu einem Befehl oder zu allen Befehlen anzeigen.</translation>
    </message>
    <message>
        <source>Commands: %1.</source>
        <extracomment>%1 is the list of commands, which are typed as they are.</extracomment>
        <translation>Befehle: %1.</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok, 1 server, network, keychain or profile error, 2 usage error.</source>
        <translation>Exit-Codes: 0 OK, 1 Server-, Netzwerk-, Schlüsselbund- oder Profilfehler, 2 Aufruffehler.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <extracomment>%1 is the command line as it is typed, e.g. &quot;inkwell-cli [--profile DIR] login NAME&quot;.</extracomment>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Inkwell&apos;s headless client: the same accounts, journal database and protocol client as the
GUI, without widgets.</source>
        <translation>Inkwell für die Kommandozeile: dieselben Konten, dieselbe Journal-Datenbank und derselbe
Protokoll-Client wie in der GUI, nur ohne Fenster.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>NAME is the account&apos;s name in this profile. Passwords: commands that talk to the
server read it from the keychain, or from standard input with --password-stdin.
&apos;inkwell-cli help COMMAND&apos; (or COMMAND --help) tells more about one command.</source>
        <translation>NAME ist der Name des Kontos in diesem Profil. Passwörter: Befehle, die mit dem Server sprechen,
lesen das Passwort aus dem Schlüsselbund oder mit --password-stdin von der Standardeingabe.
&apos;inkwell-cli help COMMAND&apos; (oder COMMAND --help) erklärt einen Befehl genauer.</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;: an argument that starts with &apos;-&apos; goes after &apos;--&apos; (see inkwell-cli --help)</source>
        <translation>Unbekannte Option &apos;%1&apos;: Ein Argument, das mit &apos;-&apos; beginnt, gehört hinter &apos;--&apos; (siehe inkwell-cli --help)</translation>
    </message>
    <message>
        <source>%1 (see inkwell-cli --help)</source>
        <extracomment>%1 is Qt&apos;s own message about the command line, e.g. &quot;Unknown option &apos;x&apos;.&quot;.</extracomment>
        <translation>%1 (siehe inkwell-cli --help)</translation>
    </message>
    <message>
        <source>no command given. %1</source>
        <extracomment>%1 is the sentence that lists the commands (&quot;Commands: info, ...&quot;).</extracomment>
        <translation>kein Befehl angegeben. %1</translation>
    </message>
    <message>
        <source>&apos;account&apos; needs one of list, add, edit, remove.</source>
        <extracomment>The words in quotes and after &quot;one of&quot; are command names, typed as they are.</extracomment>
        <translation>&apos;account&apos; erwartet einen dieser Befehle: list, add, edit, remove.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;. %2</source>
        <extracomment>%2 is the sentence that lists the commands (&quot;Commands: info, ...&quot;).</extracomment>
        <translation>unbekannter Befehl &apos;%1&apos;. %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no option --%2 (usage: %3)</source>
        <extracomment>%1 is a command, %2 an option&apos;s name, %3 how the command is written.</extracomment>
        <translation>&apos;%1&apos; hat keine Option --%2 (Aufruf: %3)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs %2 (usage: %3)</source>
        <extracomment>%1 is a command, %2 what it lacks: an argument (&quot;NAME&quot;) or an option with its value (&quot;--server URL&quot;), %3 how the command is written.</extracomment>
        <translation>&apos;%1&apos; erwartet %2 (Aufruf: %3)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; for &apos;%2&apos; (usage: %3)</source>
        <extracomment>%1 is the argument given, %2 the command, %3 how the command is written.</extracomment>
        <translation>unerwartetes Argument &apos;%1&apos; für &apos;%2&apos; (Aufruf: %3)</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::CliCommand</name>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>There is no account named &apos;%1&apos; (&apos;inkwell-cli account list&apos; shows them).</source>
        <translation>Es gibt kein Konto namens &apos;%1&apos; (&apos;inkwell-cli account list&apos; zeigt alle Konten).</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::EditCommand</name>
    <message>
        <source>Nothing to change: give --subject, --body-file, --security, --prop, --date or --backdate.</source>
        <translation>Nichts zu ändern: Geben Sie --subject, --body-file, --security, --prop, --date oder --backdate an.</translation>
    </message>
    <message>
        <source>Entry %1 already says that: nothing to send.</source>
        <translation>Eintrag %1 ist bereits auf diesem Stand: Es gibt nichts zu senden.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::EntryOptions</name>
    <message>
        <source>The entry is empty: give a subject or some text.</source>
        <translation>Der Eintrag ist leer: Geben Sie einen Betreff oder etwas Text an.</translation>
    </message>
    <message>
        <source>the date</source>
        <extracomment>Goes into &quot;... it cannot carry %2.&quot; with other such things.</extracomment>
        <translation>das Datum</translation>
    </message>
    <message>
        <source>The account &apos;%1&apos; uses the Blogger API, which carries only the subject, the text, the mood and the music; it cannot carry %2.</source>
        <extracomment>%1 is the account&apos;s name, %2 a list of what the entry holds besides that (&quot;the date, tags, the security&quot;).</extracomment>
        <translation>Das Konto &apos;%1&apos; verwendet die Blogger API, die nur Betreff, Text, Stimmung und Musik überträgt; sie kann %2 nicht übertragen.</translation>
    </message>
    <message>
        <source>--body-file - and --password-stdin both want standard input: store the password with &apos;inkwell-cli account edit %1 --password-stdin&apos;, or give the text in a file.</source>
        <translation>--body-file - und --password-stdin brauchen beide die Standardeingabe: Speichern Sie das Passwort mit &apos;inkwell-cli account edit %1 --password-stdin&apos;, oder geben Sie den Text in einer Datei an.</translation>
    </message>
    <message>
        <source>Cannot read &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos; kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--prop takes NAME=VALUE, not &apos;%1&apos;.</source>
        <translation>--prop erwartet NAME=VALUE, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--date takes YYYY-MM-DD HH:MM, not &apos;%1&apos;.</source>
        <translation>--date erwartet YYYY-MM-DD HH:MM, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--security is public, private, friends or groups:G1,G2, not &apos;%1&apos;.</source>
        <translation>--security erwartet public, private, friends oder groups:G1,G2, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>No friend group &apos;%1&apos; is known for &apos;%2&apos;.</source>
        <translation>Für &apos;%2&apos; ist keine Freundesgruppe &apos;%1&apos; bekannt.</translation>
    </message>
    <message>
        <source>No friend group &apos;%1&apos; is known for &apos;%2&apos; (log in once to fetch the groups).</source>
        <translation>Für &apos;%2&apos; ist keine Freundesgruppe &apos;%1&apos; bekannt (melden Sie sich einmal an, um die Gruppen abzurufen).</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::ExportCommand</name>
    <message>
        <source>Unknown export format &apos;%1&apos;: use jsonl, ljxml or html.</source>
        <translation>Unbekanntes Exportformat &apos;%1&apos;: Verwenden Sie jsonl, ljxml oder html.</translation>
    </message>
    <message>
        <source>--format %1 writes many files: name a folder with --output DIR.</source>
        <translation>--format %1 schreibt viele Dateien: Geben Sie mit --output DIR einen Ordner an.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries of %1 written to %2</source>
        <extracomment>%1 is the journal, %2 the file or folder written.</extracomment>
        <translation>
            <numerusform>%n Eintrag aus %1 in %2 geschrieben</numerusform>
            <numerusform>%n Einträge aus %1 in %2 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>The local journal could not be read: %1</source>
        <translation>Das lokale Journal konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Standard output could not be written.</source>
        <translation>Die Standardausgabe konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 was left as it was.</source>
        <extracomment>Follows &quot;The journal database ... is damaged ...:&quot;; %1 is the file that was not replaced.</extracomment>
        <translation>%1 blieb unverändert.</translation>
    </message>
    <message>
        <source>%1 is a file; --output needs a folder for this format.</source>
        <translation>%1 ist eine Datei; --output braucht für dieses Format einen Ordner.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The journal database %1 is damaged (SQLite&apos;s check says: %2): %3 %4</source>
        <extracomment>%1 is the database file, %2 SQLite&apos;s words, %3 what was left as it was, %4 the sentence that tells how to repair the database.</extracomment>
        <translation>Die Journal-Datenbank %1 ist beschädigt (Prüfung von SQLite: %2): %3 %4</translation>
    </message>
    <message>
        <source>no file of the previous export in %1 was removed.</source>
        <extracomment>Follows &quot;The journal database ... is damaged ...:&quot;; %1 is the export&apos;s folder.</extracomment>
        <translation>in %1 wurde keine Datei des vorigen Exports entfernt.</translation>
    </message>
    <message>
        <source>the index and the pages no longer mirrored in %1 were left as they were.</source>
        <extracomment>Follows &quot;The journal database ... is damaged ...:&quot;; %1 is the export&apos;s folder.</extracomment>
        <translation>der Index und die Seiten in %1, deren Einträge nicht mehr in der lokalen Kopie sind, blieben unverändert.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::MirrorCommand</name>
    <message>
        <source>The journal &apos;%1&apos; of account &apos;%2&apos; is not mirrored yet: run &apos;inkwell-cli sync %2%3&apos; first.</source>
        <extracomment>%1 is the journal, %2 the account; %3 is empty or &quot; --journal JOURNAL&quot;, as typed.</extracomment>
        <translation>Vom Journal &apos;%1&apos; des Kontos &apos;%2&apos; gibt es noch keine lokale Kopie: Führen Sie zuerst &apos;inkwell-cli sync %2%3&apos; aus.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::MirrorQueryCommands</name>
    <message>
        <source>--year needs a year such as 2024, not &apos;%1&apos;.</source>
        <translation>--year erwartet eine Jahreszahl wie 2024, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--security is public, private or usemask, not &apos;%1&apos;.</source>
        <translation>--security erwartet public, private oder usemask, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--limit needs a number of at least 1, not &apos;%1&apos;.</source>
        <translation>--limit erwartet eine Zahl ab 1, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>search needs words to look for, or a filter (--tag, --year, --security).</source>
        <translation>search braucht Suchwörter oder einen Filter (--tag, --year, --security).</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No entries pass the filters.</source>
        <translation>Kein Eintrag entspricht den Filtern.</translation>
    </message>
    <message>
        <source>No entries match &quot;%1&quot;.</source>
        <translation>Kein Eintrag passt zu &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::OutboxCommand</name>
    <message>
        <source>The outbox of &apos;%1&apos; is empty.</source>
        <translation>Der Postausgang von &apos;%1&apos; ist leer.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::OutboxItemCommand</name>
    <message>
        <source>--journal needs a journal&apos;s name.</source>
        <translation>--journal erwartet den Namen eines Journals.</translation>
    </message>
    <message>
        <source>ITEMID is the entry&apos;s number (as export and search show it), not &apos;%1&apos;.</source>
        <translation>ITEMID ist die Nummer des Eintrags (wie export und search sie anzeigen), nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Entry %1 of &apos;%2&apos; is not in the local mirror: run &apos;inkwell-cli sync %3%4&apos; first (edit and delete start from the entry as the mirror has it).</source>
        <extracomment>%1 is the entry&apos;s number, %2 the journal, %3 the account; %4 is empty or &quot; --journal JOURNAL&quot;, as typed.</extracomment>
        <translation>Eintrag %1 von &apos;%2&apos; ist nicht in der lokalen Kopie: Führen Sie zuerst &apos;inkwell-cli sync %3%4&apos; aus (edit und delete gehen vom Eintrag aus, wie ihn die lokale Kopie enthält).</translation>
    </message>
    <message>
        <source>Could not change outbox item %1: %2</source>
        <translation>Das Element %1 im Postausgang konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Not sent: entry %1 was changed on the server (on the web or by another client) since the version in the local mirror, which the edit started from. The edit stays in the outbox as a conflict (id %2; &apos;inkwell-cli outbox %3&apos; shows it): the GUI&apos;s Outbox lets you keep either version, or run &apos;inkwell-cli sync %3&apos; and edit the server&apos;s version.</source>
        <translation>Nicht gesendet: Eintrag %1 wurde auf dem Server (im Web oder mit einem anderen Client) geändert, seit die lokale Kopie die Version erhielt, von der die Änderung ausging. Die Änderung bleibt als Konflikt im Postausgang (ID %2; &apos;inkwell-cli outbox %3&apos; zeigt sie): Im Postausgang der GUI können Sie eine der beiden Versionen behalten, oder Sie führen &apos;inkwell-cli sync %3&apos; aus und bearbeiten die Version des Servers.</translation>
    </message>
    <message>
        <source>Not sent: %1 It waits in the outbox (id %2) and goes out with the next &apos;inkwell-cli sync %3&apos; once the login works.</source>
        <extracomment>%1 is why the server refused the login (a sentence), %2 the outbox item&apos;s number, %3 the account.</extracomment>
        <translation>Nicht gesendet: %1 Das Element wartet im Postausgang (ID %2) und wird mit dem nächsten &apos;inkwell-cli sync %3&apos; gesendet, sobald die Anmeldung funktioniert.</translation>
    </message>
    <message>
        <source>Could not put the edit of entry %1 in the outbox: %2</source>
        <extracomment>%1 is the entry&apos;s number, %2 the database&apos;s error.</extracomment>
        <translation>Die Änderung an Eintrag %1 konnte nicht in den Postausgang gestellt werden: %2</translation>
    </message>
    <message>
        <source>Could not put the deletion of entry %1 in the outbox: %2</source>
        <extracomment>%1 is the entry&apos;s number, %2 the database&apos;s error.</extracomment>
        <translation>Die Löschung von Eintrag %1 konnte nicht in den Postausgang gestellt werden: %2</translation>
    </message>
    <message>
        <source>Could not put the entry in the outbox: %1</source>
        <extracomment>%1 is the database&apos;s error.</extracomment>
        <translation>Der Eintrag konnte nicht in den Postausgang gestellt werden: %1</translation>
    </message>
    <message>
        <source>The server refused the edit of entry %1: %2 (it stays in the outbox as refused; &apos;inkwell-cli outbox %3&apos; shows it).</source>
        <extracomment>%1 is the entry&apos;s number, %2 the server&apos;s reason, %3 the account.</extracomment>
        <translation>Der Server hat die Änderung an Eintrag %1 abgelehnt: %2 (sie bleibt als abgelehnt im Postausgang; &apos;inkwell-cli outbox %3&apos; zeigt sie).</translation>
    </message>
    <message>
        <source>The server refused the deletion of entry %1: %2 (it stays in the outbox as refused; &apos;inkwell-cli outbox %3&apos; shows it).</source>
        <extracomment>%1 is the entry&apos;s number, %2 the server&apos;s reason, %3 the account.</extracomment>
        <translation>Der Server hat die Löschung von Eintrag %1 abgelehnt: %2 (sie bleibt als abgelehnt im Postausgang; &apos;inkwell-cli outbox %3&apos; zeigt sie).</translation>
    </message>
    <message>
        <source>The server refused the entry: %1 (it stays in the outbox as refused; &apos;inkwell-cli outbox %2&apos; shows it).</source>
        <extracomment>%1 is the server&apos;s reason, %2 the account.</extracomment>
        <translation>Der Server hat den Eintrag abgelehnt: %1 (er bleibt als abgelehnt im Postausgang; &apos;inkwell-cli outbox %2&apos; zeigt ihn).</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::PasswordSource</name>
    <message>
        <source>Password (on Dreamwidth: API key): </source>
        <translation>Passwort (bei Dreamwidth: API-Schlüssel): </translation>
    </message>
    <message>
        <source>--password-stdin was given, but standard input held no password.</source>
        <translation>--password-stdin wurde angegeben, aber die Standardeingabe enthielt kein Passwort.</translation>
    </message>
    <message>
        <source>No password for account &apos;%1&apos;: none is stored in the keychain. Give it with --password-stdin, or store it with &apos;inkwell-cli account edit %1 --password-stdin&apos;.</source>
        <translation>Kein Passwort für das Konto &apos;%1&apos;: Im Schlüsselbund ist keines gespeichert. Geben Sie es mit --password-stdin an, oder speichern Sie es mit &apos;inkwell-cli account edit %1 --password-stdin&apos;.</translation>
    </message>
    <message>
        <source>No password for account &apos;%1&apos;: none was given with --password-stdin, and no keychain is available to ask.</source>
        <translation>Kein Passwort für das Konto &apos;%1&apos;: Mit --password-stdin wurde keines angegeben, und es ist kein Schlüsselbund verfügbar, der gefragt werden könnte.</translation>
    </message>
    <message>
        <source>Could not read the password of account &apos;%1&apos; from the keychain: %2</source>
        <translation>Das Passwort des Kontos &apos;%1&apos; konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::ProtocolCommands</name>
    <message>
        <source>unknown</source>
        <extracomment>The flavour of a server that is neither Dreamwidth nor LiveJournal, as far as Inkwell can tell.</extracomment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <extracomment>%1 is the protocol mode that was asked for (e.g. getevents), %2 why it failed.</extracomment>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a mode; write: inkwell-cli call NAME MODE [FIELD...]</source>
        <translation>&apos;%1&apos; ist kein Modus; schreiben Sie: inkwell-cli call NAME MODE [FIELD...]</translation>
    </message>
    <message>
        <source>Logged in to %1 as %2 (account &apos;%3&apos;).</source>
        <extracomment>%1 is the server&apos;s address, %2 the user name, %3 the account&apos;s name.</extracomment>
        <translation>Bei %1 als %2 angemeldet (Konto &apos;%3&apos;).</translation>
    </message>
    <message>
        <source>Full name:    %1</source>
        <extracomment>This line and the five after it are a table: spaces after each label make the values start in one column (the 15th here), after the longest label.</extracomment>
        <translation>Vollständiger Name:  %1</translation>
    </message>
    <message>
        <source>Message:      %1</source>
        <extracomment>The server&apos;s message to the user.</extracomment>
        <translation>Nachricht:           %1</translation>
    </message>
    <message>
        <source>May post to:  %1</source>
        <extracomment>%1 lists the journals.</extracomment>
        <translation>Veröffentlichen in:  %1</translation>
    </message>
    <message>
        <source>Moods:        %1</source>
        <extracomment>%1 is how many moods the server knows.</extracomment>
        <translation>Stimmungen:          %1</translation>
    </message>
    <message numerus="yes">
        <source>Userpics:     %1 (%n keywords)</source>
        <extracomment>%1 is how many pictures there are, %n how many keywords name them.</extracomment>
        <translation>
            <numerusform>Benutzerbilder:      %1 (%n Schlüsselwort)</numerusform>
            <numerusform>Benutzerbilder:      %1 (%n Schlüsselwörter)</numerusform>
        </translation>
    </message>
    <message>
        <source>Flavour:      %1</source>
        <extracomment>%1 is Dreamwidth, LiveJournal or unknown.</extracomment>
        <translation>Servertyp:           %1</translation>
    </message>
    <message>
        <source>The server&apos;s flavour could not be saved with the account: %1</source>
        <translation>Der Servertyp konnte nicht beim Konto gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::RepairCommand</name>
    <message>
        <source>There is no journal database at %1: nothing to repair.</source>
        <translation>Unter %1 gibt es keine Journal-Datenbank: Es gibt nichts zu reparieren.</translation>
    </message>
    <message>
        <source>The journal database %1 is sound: nothing to repair.</source>
        <translation>Die Journal-Datenbank %1 ist intakt: Es gibt nichts zu reparieren.</translation>
    </message>
    <message>
        <source>The damaged journal database is kept at %1.
A new one starts with what could be read from it: accounts %2, drafts %3, outbox items %4, queued friends changes %5.</source>
        <extracomment>Two lines. %1 is the file the damaged database was moved to; %2 to %5 are how many accounts, drafts, outbox items and queued friends changes the new database holds.</extracomment>
        <translation>Die beschädigte Journal-Datenbank wird unter %1 aufbewahrt.
Eine neue beginnt mit dem, was sich daraus lesen ließ: Konten %2, Entwürfe %3, Elemente im Postausgang %4, vorgemerkte Änderungen an Freunden %5.</translation>
    </message>
    <message>
        <source>Some of these could not be read to the end: what was lost is only in the kept file.</source>
        <translation>Einiges davon ließ sich nicht vollständig lesen: Was dabei verloren ging, steht nur noch in der aufbewahrten Datei.</translation>
    </message>
    <message>
        <source>Run &apos;inkwell-cli sync NAME&apos; for each account to mirror its journals again (the outbox goes out first).</source>
        <translation>Führen Sie für jedes Konto &apos;inkwell-cli sync NAME&apos; aus, um seine Journale erneut lokal zu kopieren (zuerst wird der Postausgang gesendet).</translation>
    </message>
    <message>
        <source>Run &apos;inkwell-cli %1repair&apos; to move it aside (it is kept) and start a new one with your accounts, drafts and outbox; &apos;sync&apos; then fetches your journals again.</source>
        <extracomment>%1 is empty or &quot;--profile &apos;FOLDER&apos; &quot;, as typed.</extracomment>
        <translation>Führen Sie &apos;inkwell-cli %1repair&apos; aus, um sie zur Seite zu verschieben (sie bleibt erhalten) und eine neue mit Ihren Konten, Entwürfen und dem Postausgang anzulegen; &apos;sync&apos; holt Ihre Journale dann erneut.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::RequestArguments</name>
    <message>
        <source>one JSON value expected</source>
        <translation>genau ein JSON-Wert erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; sets &apos;%2&apos; again</source>
        <extracomment>%1 is a field as typed (props.mood=happy), %2 the key it sets again.</extracomment>
        <translation>&apos;%1&apos; setzt &apos;%2&apos; ein zweites Mal</translation>
    </message>
    <message>
        <source>&apos;%1&apos; puts a member into &apos;%2&apos;, which is not a struct</source>
        <extracomment>%1 is a field as typed (props.mood=happy), %2 a key; &quot;struct&quot; is the protocol&apos;s word.</extracomment>
        <translation>&apos;%1&apos; legt ein Element in &apos;%2&apos; an, das kein struct ist</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a field: write key=value or key:=JSON</source>
        <translation>&apos;%1&apos; ist kein Feld: Schreiben Sie key=value oder key:=JSON</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty key</source>
        <translation>&apos;%1&apos; hat einen leeren Schlüssel</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not valid JSON after &apos;:=&apos; (%2); for text write %3=...</source>
        <extracomment>%1 is the field as typed, %2 what is wrong with its JSON, %3 its key.</extracomment>
        <translation>&apos;%1&apos; ist nach &apos;:=&apos; kein gültiges JSON (%2); für Text schreiben Sie %3=...</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::SyncCommand</name>
    <message>
        <source>listing changes</source>
        <translation>Auflisten der Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>listing changes %1/%n entries</source>
        <extracomment>Progress: %1 entries of %n listed so far.</extracomment>
        <translation>
            <numerusform>Auflisten der Änderungen: %1/%n Eintrag</numerusform>
            <numerusform>Auflisten der Änderungen: %1/%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>fetching %1/%n entries</source>
        <extracomment>Progress: %1 entries of %n fetched so far.</extracomment>
        <translation>
            <numerusform>Abrufen der Einträge: %1/%n Eintrag</numerusform>
            <numerusform>Abrufen der Einträge: %1/%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>checking for deleted entries</source>
        <translation>Suche nach gelöschten Einträgen</translation>
    </message>
    <message>
        <source>--journal needs a journal&apos;s name.</source>
        <translation>--journal erwartet den Namen eines Journals.</translation>
    </message>
    <message>
        <source>outbox sent %1, %2 waiting (%3), %4 refused, %5 in conflict (&apos;inkwell-cli outbox %6&apos; shows them)</source>
        <extracomment>%1 items sent, %2 waiting because of %3 (the reason), %4 refused, %5 in conflict; %6 is the account.</extracomment>
        <translation>Postausgang: %1 gesendet, %2 wartend (%3), %4 abgelehnt, %5 im Konflikt (&apos;inkwell-cli outbox %6&apos; zeigt sie)</translation>
    </message>
    <message>
        <source>outbox sent %1, %2 waiting (%3)</source>
        <extracomment>%1 items sent, %2 waiting because of %3 (the reason).</extracomment>
        <translation>Postausgang: %1 gesendet, %2 wartend (%3)</translation>
    </message>
    <message>
        <source>outbox sent %1, %2 refused, %3 in conflict (&apos;inkwell-cli outbox %4&apos; shows them)</source>
        <extracomment>%1 items sent, %2 refused, %3 in conflict; %4 is the account.</extracomment>
        <translation>Postausgang: %1 gesendet, %2 abgelehnt, %3 im Konflikt (&apos;inkwell-cli outbox %4&apos; zeigt sie)</translation>
    </message>
    <message>
        <source>outbox sent %1</source>
        <extracomment>%1 items sent.</extracomment>
        <translation>Postausgang: %1 gesendet</translation>
    </message>
    <message>
        <source>cancelled; run sync again to continue</source>
        <translation>abgebrochen; führen Sie sync erneut aus, um fortzufahren</translation>
    </message>
    <message numerus="yes">
        <source>%n of your queued changes did not go: refused by the server or in conflict with a change made elsewhere. &apos;inkwell-cli outbox %1&apos; shows them and why.</source>
        <extracomment>%1 is the account.</extracomment>
        <translation>
            <numerusform>%n Ihrer Änderungen im Postausgang wurde nicht gesendet: vom Server abgelehnt oder im Konflikt mit einer anderswo vorgenommenen Änderung. &apos;inkwell-cli outbox %1&apos; zeigt sie und den Grund.</numerusform>
            <numerusform>%n Ihrer Änderungen im Postausgang wurden nicht gesendet: vom Server abgelehnt oder im Konflikt mit einer anderswo vorgenommenen Änderung. &apos;inkwell-cli outbox %1&apos; zeigt sie und die Gründe.</numerusform>
        </translation>
    </message>
    <message>
        <source>What was fetched is kept (%1); run sync again to continue.</source>
        <translation>Was bereits abgerufen wurde, bleibt erhalten (%1); führen Sie sync erneut aus, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>Inkwell::ConflictDialog</name>
    <message>
        <source>Entry changed in two places</source>
        <translation>Eintrag an zwei Stellen geändert</translation>
    </message>
    <message>
        <source>This entry was edited here while offline and also changed on the server. Choose the version to keep.</source>
        <translation>Dieser Eintrag wurde hier offline bearbeitet und zugleich auf dem Server geändert. Wählen Sie die Version, die behalten werden soll.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation>Die des Servers behalten</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Später entscheiden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mine&lt;/b&gt; (edited here)</source>
        <translation>&lt;b&gt;Meine&lt;/b&gt; (hier bearbeitet)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The server&apos;s&lt;/b&gt; (now)</source>
        <translation>&lt;b&gt;Die des Servers&lt;/b&gt; (aktuell)</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>Security: %1</source>
        <translation>Sichtbarkeit: %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::DemoServer</name>
    <message>
        <source>The demo needs Python 3 (python3), which could not be started: %1</source>
        <translation>Die Demo benötigt Python 3 (python3), das nicht gestartet werden konnte: %1</translation>
    </message>
    <message>
        <source>The demo journal&apos;s server stopped at once (exit %1): %2</source>
        <translation>Der Server des Demo-Journals wurde sofort beendet (Exit-Code %1): %2</translation>
    </message>
    <message>
        <source>The demo journal&apos;s server is not installed (ljserver.py).</source>
        <translation>Der Server des Demo-Journals ist nicht installiert (ljserver.py).</translation>
    </message>
</context>
<context>
    <name>Inkwell::DraftAutosaver</name>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Der Entwurf konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::DraftsView</name>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>Bearbeiten: %1</translation>
    </message>
    <message>
        <source>no account</source>
        <translation>kein Konto</translation>
    </message>
    <message>
        <source>No drafts. Everything you write is kept here until it is posted.</source>
        <translation>Keine Entwürfe. Alles, was Sie schreiben, wird hier aufbewahrt, bis es veröffentlicht ist.</translation>
    </message>
</context>
<context>
    <name>Inkwell::EditorWindow</name>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Post (Ctrl+Enter). Without a connection it waits in the outbox.</source>
        <translation>Veröffentlichen (Ctrl+Enter). Ohne Verbindung wartet der Eintrag im Postausgang.</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <source>Account </source>
        <translation>Konto </translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Entwurf um %1 gespeichert</translation>
    </message>
    <message>
        <source> Your text is still here; Inkwell keeps trying.</source>
        <translation> Ihr Text bleibt erhalten; Inkwell versucht es weiter.</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>Add an account first (Accounts menu); the draft is kept.</source>
        <translation>Fügen Sie zuerst ein Konto hinzu (Menü Konten); der Entwurf bleibt erhalten.</translation>
    </message>
    <message>
        <source>Write something before posting.</source>
        <translation>Schreiben Sie etwas, bevor Sie veröffentlichen.</translation>
    </message>
    <message>
        <source>Tick at least one group to show this entry to, or choose Private.</source>
        <translation>Wählen Sie mindestens eine Gruppe, die diesen Eintrag sehen darf, oder wählen Sie Privat.</translation>
    </message>
    <message>
        <source>This account uses the Blogger API, which cannot carry %1.</source>
        <translation>Dieses Konto verwendet die Blogger API, die Folgendes nicht übertragen kann: %1.</translation>
    </message>
    <message>
        <source>Clear them from the entry and post the rest?</source>
        <translation>Diese Angaben aus dem Eintrag entfernen und den Rest veröffentlichen?</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Could not queue the entry: %1. The draft is kept.</source>
        <translation>Der Eintrag konnte nicht in den Postausgang gestellt werden: %1. Der Entwurf bleibt erhalten.</translation>
    </message>
    <message>
        <source>Throw away this draft? This cannot be undone.</source>
        <translation>Diesen Entwurf verwerfen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>Inkwell::EmptyJournalPage</name>
    <message>
        <source>Your journal is empty</source>
        <translation>Ihr Journal ist leer</translation>
    </message>
    <message>
        <source>Entries you write or sync from your journal appear here.
Inkwell keeps everything on this computer and works without a network.</source>
        <translation>Einträge, die Sie schreiben oder aus Ihrem Journal synchronisieren, erscheinen hier.
Inkwell speichert alles auf diesem Computer und funktioniert auch ohne Netzwerk.</translation>
    </message>
    <message>
        <source>Add an Account…</source>
        <translation>Konto hinzufügen…</translation>
    </message>
    <message>
        <source>Write an Entry</source>
        <translation>Eintrag schreiben</translation>
    </message>
    <message>
        <source>Try the Demo Journal</source>
        <translation>Demo-Journal ausprobieren</translation>
    </message>
    <message>
        <source>Opens a second window on a sample journal served from this computer: browse, search, write and post there without an account. Your own journal is not touched.</source>
        <translation>Öffnet ein zweites Fenster mit einem Beispieljournal, das auf diesem Computer bereitgestellt wird: Dort können Sie ohne Konto stöbern, suchen, schreiben und veröffentlichen. Ihr eigenes Journal bleibt unberührt.</translation>
    </message>
    <message>
        <source>Add your account: Inkwell mirrors your journal here by itself, and keeps it current. Or from a terminal:</source>
        <translation>Fügen Sie Ihr Konto hinzu: Inkwell legt von selbst eine lokale Kopie Ihres Journals an und hält sie aktuell. Oder in einem Terminal:</translation>
    </message>
</context>
<context>
    <name>Inkwell::EntryBrowser</name>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
</context>
<context>
    <name>Inkwell::EntryForm</name>
    <message>
        <source>Your journal, or a community you may post to</source>
        <translation>Ihr Journal oder eine Community, in der Sie veröffentlichen dürfen</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Text des Eintrags</translation>
    </message>
    <message>
        <source>Write here. HTML is welcome.</source>
        <translation>Schreiben Sie hier. HTML ist erlaubt.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Post to</source>
        <translation>Veröffentlichen in</translation>
    </message>
    <message>
        <source>This account uses the Blogger API: only the subject, the text, the mood and the music are sent. The blog&apos;s own settings decide the rest.</source>
        <translation>Dieses Konto verwendet die Blogger API: Nur Betreff, Text, Stimmung und Musik werden gesendet. Alles Weitere bestimmen die Einstellungen des Blogs.</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Friends (access list)</source>
        <translation>Nur Freunde (Zugriffsliste)</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Custom groups</source>
        <translation>Ausgewählte Gruppen</translation>
    </message>
    <message>
        <source>Groups that may read the entry</source>
        <translation>Gruppen, die den Eintrag lesen dürfen</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Use the time of posting</source>
        <translation>Zeitpunkt der Veröffentlichung verwenden</translation>
    </message>
    <message>
        <source>Date and time of the entry</source>
        <translation>Datum und Uhrzeit des Eintrags</translation>
    </message>
    <message>
        <source>Backdate (keep off friends pages)</source>
        <translation>Rückdatieren (nicht auf Freundesseiten anzeigen)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>comma, separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Musik</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Userpic</source>
        <translation>Benutzerbild</translation>
    </message>
    <message>
        <source>Comments allowed</source>
        <translation>Kommentare erlaubt</translation>
    </message>
    <message>
        <source>Comments disabled</source>
        <translation>Kommentare deaktiviert</translation>
    </message>
    <message>
        <source>Journal default</source>
        <translation>Standard des Journals</translation>
    </message>
    <message>
        <source>Screen all comments</source>
        <translation>Alle Kommentare verbergen</translation>
    </message>
    <message>
        <source>Screen anonymous comments</source>
        <translation>Anonyme Kommentare verbergen</translation>
    </message>
    <message>
        <source>Screen non-friends&apos; comments</source>
        <translation>Kommentare von Nicht-Freunden verbergen</translation>
    </message>
    <message>
        <source>Screen no comments</source>
        <translation>Keine Kommentare verbergen</translation>
    </message>
    <message>
        <source>Don&apos;t email me comments</source>
        <translation>Kommentare nicht per E-Mail an mich senden</translation>
    </message>
    <message>
        <source>Raw HTML (no automatic line breaks)</source>
        <translation>Reines HTML (keine automatischen Zeilenumbrüche)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Spell checking as you type</source>
        <translation>Rechtschreibprüfung während der Eingabe</translation>
    </message>
    <message>
        <source>No dictionaries are installed (Debian: hunspell-en-us, hunspell-de-de, ...)</source>
        <translation>Es sind keine Wörterbücher installiert (Debian: hunspell-en-us, hunspell-de-de, ...)</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Rechtschreibung</translation>
    </message>
    <message>
        <source>(no suggestions)</source>
        <translation>(keine Vorschläge)</translation>
    </message>
    <message>
        <source>Ignore &quot;%1&quot;</source>
        <translation>&quot;%1&quot; ignorieren</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>The Blogger API cannot carry this.</source>
        <translation>Die Blogger API kann dies nicht übertragen.</translation>
    </message>
    <message>
        <source>The blog dates the post when it arrives.</source>
        <translation>Das Blog datiert den Eintrag auf den Zeitpunkt seines Eingangs.</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>No groups known yet: they come with the next sync, or make some in the Friends window.</source>
        <translation>Noch keine Gruppen bekannt: Sie kommen mit der nächsten Synchronisierung, oder legen Sie im Fenster Freunde welche an.</translation>
    </message>
</context>
<context>
    <name>Inkwell::EntryView</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>L&amp;aden</translation>
    </message>
    <message>
        <source>Load the images and styles of this entry from the sites that host them</source>
        <translation>Bilder und Stile dieses Eintrags von den Websites laden, auf denen sie liegen</translation>
    </message>
    <message>
        <source>Select an entry to read it.</source>
        <translation>Wählen Sie einen Eintrag aus, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>This entry is no longer in the local journal.</source>
        <translation>Dieser Eintrag ist nicht mehr in der lokalen Kopie des Journals.</translation>
    </message>
    <message>
        <source>Remote content blocked: images or styles from other sites (%1) were not loaded, so no one learns that you read this entry.</source>
        <translation>Externe Inhalte blockiert: Bilder oder Stile von anderen Websites (%1) wurden nicht geladen, damit niemand erfährt, dass Sie diesen Eintrag lesen.</translation>
    </message>
    <message>
        <source>Edit this entry</source>
        <translation>Diesen Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>Delete this entry from the journal</source>
        <translation>Diesen Eintrag aus dem Journal löschen</translation>
    </message>
    <message>
        <source>Not available yet: editing and deleting come with the entry editor.</source>
        <translation>Noch nicht verfügbar: Bearbeiten und Löschen kommen mit dem Eintragseditor.</translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendDialog</name>
    <message>
        <source>Give access to locked entries</source>
        <translation>Zugriff auf geschützte Einträge gewähren</translation>
    </message>
    <message>
        <source>Read their journal</source>
        <translation>Journal dieser Person lesen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Add friend</source>
        <translation>Freund hinzufügen</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Text colour:</source>
        <translation>Textfarbe:</translation>
    </message>
    <message>
        <source>Background:</source>
        <translation>Hintergrund:</translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendsModel</name>
    <message>
        <source>access both ways</source>
        <translation>gegenseitiger Zugriff</translation>
    </message>
    <message>
        <source>you give access</source>
        <translation>Sie gewähren Zugriff</translation>
    </message>
    <message>
        <source>gives you access</source>
        <translation>gewährt Ihnen Zugriff</translation>
    </message>
    <message>
        <source>read each other</source>
        <translation>lesen sich gegenseitig</translation>
    </message>
    <message>
        <source>you read them</source>
        <translation>Sie lesen dieses Journal</translation>
    </message>
    <message>
        <source>reads you</source>
        <translation>liest Ihr Journal</translation>
    </message>
    <message>
        <source>Mutual</source>
        <translation>Gegenseitig</translation>
    </message>
    <message>
        <source>You list them</source>
        <translation>In Ihrer Liste</translation>
    </message>
    <message>
        <source>Lists you</source>
        <translation>Hat Sie in der Liste</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendsService</name>
    <message>
        <source>the friends list will be updated</source>
        <translation>die Freundesliste wird aktualisiert</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Geben Sie einen Benutzernamen ein.</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Eine Gruppe braucht einen Namen.</translation>
    </message>
    <message>
        <source>Every group slot is in use (%1 at most).</source>
        <translation>Alle Gruppenplätze sind belegt (höchstens %1).</translation>
    </message>
    <message>
        <source>There is no such group.</source>
        <translation>Diese Gruppe gibt es nicht.</translation>
    </message>
    <message>
        <source>Only people you have given access can be in groups.</source>
        <translation>Nur Personen, denen Sie Zugriff gewährt haben, können in Gruppen sein.</translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendsSync</name>
    <message>
        <source>The friends list could not be saved: %1</source>
        <translation>Die Freundesliste konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n changes.</source>
        <translation>
            <numerusform>Der Server hat %n Änderung abgelehnt.</numerusform>
            <numerusform>Der Server hat %n Änderungen abgelehnt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendsView</name>
    <message>
        <source>Filter friends</source>
        <translation>Freunde filtern</translation>
    </message>
    <message>
        <source>Filter by name, group or relation</source>
        <translation>Nach Name, Gruppe oder Beziehung filtern</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Freunde</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Drag friends here to put them in a group.</source>
        <translation>Ziehen Sie Freunde hierher, um sie einer Gruppe hinzuzufügen.</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Public (others can see this group)</source>
        <translation>Öffentlich (andere können diese Gruppe sehen)</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Mitgliedschaft</translation>
    </message>
    <message>
        <source>Groups of the selected friend</source>
        <translation>Gruppen des ausgewählten Freundes</translation>
    </message>
    <message>
        <source>Your accounts use the Blogger API, which has no friends or groups.</source>
        <translation>Ihre Konten verwenden die Blogger API, die keine Freunde oder Gruppen kennt.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source> (public)</source>
        <translation> (öffentlich)</translation>
    </message>
    <message>
        <source> — waiting to be sent</source>
        <translation> — wartet auf Versand</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>Select a friend to choose their groups.</source>
        <translation>Wählen Sie einen Freund aus, um seine Gruppen festzulegen.</translation>
    </message>
    <message>
        <source>Give %1 access to put them in groups.</source>
        <translation>Gewähren Sie %1 Zugriff, um diese Person in Gruppen aufzunehmen.</translation>
    </message>
    <message>
        <source>Add %1 as a friend to put them in groups.</source>
        <translation>Fügen Sie %1 als Freund hinzu, um diese Person in Gruppen aufzunehmen.</translation>
    </message>
    <message>
        <source>Groups of %1:</source>
        <translation>Gruppen von %1:</translation>
    </message>
    <message>
        <source>Offline: changes will be sent later (%1).</source>
        <translation>Offline: Änderungen werden später gesendet (%1).</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Remove %1 from your friends? They are also taken out of every group.</source>
        <translation>%1 aus Ihren Freunden entfernen? %1 wird dabei auch aus allen Gruppen entfernt.</translation>
    </message>
    <message>
        <source>Name of the new group:</source>
        <translation>Name der neuen Gruppe:</translation>
    </message>
    <message>
        <source>New name of the group:</source>
        <translation>Neuer Name der Gruppe:</translation>
    </message>
    <message>
        <source>Delete the group &quot;%1&quot;? Entries shown only to it become private.</source>
        <translation>Gruppe „%1“ löschen? Einträge, die nur für diese Gruppe sichtbar sind, werden privat.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes waiting to be sent.</source>
        <translation>
            <numerusform>%n Änderung wartet auf den Versand.</numerusform>
            <numerusform>%n Änderungen warten auf den Versand.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes refused by the server: %1</source>
        <translation>
            <numerusform>%n Änderung vom Server abgelehnt: %1</numerusform>
            <numerusform>%n Änderungen vom Server abgelehnt: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::HistoryModel</name>
    <message>
        <source>(empty entry)</source>
        <translation>(leerer Eintrag)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sichtbarkeit</translation>
    </message>
</context>
<context>
    <name>Inkwell::HistoryView</name>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>No entries in this journal yet.</source>
        <translation>In diesem Journal gibt es noch keine Einträge.</translation>
    </message>
</context>
<context>
    <name>Inkwell::JournalSelector</name>
    <message>
        <source>The journal to browse</source>
        <translation>Das anzuzeigende Journal</translation>
    </message>
    <message>
        <source>%1 (community, via %2)</source>
        <translation>%1 (Community, über %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (community, via %2): mirror it</source>
        <translation>%1 (Community, über %2): lokale Kopie anlegen</translation>
    </message>
</context>
<context>
    <name>Inkwell::LjClient</name>
    <message>
        <source>No password is known for %1; enter it (or, on Dreamwidth, an API key) to connect.</source>
        <translation>Für %1 ist kein Passwort bekannt; geben Sie es (bei Dreamwidth einen API-Schlüssel) ein, um eine Verbindung herzustellen.</translation>
    </message>
    <message>
        <source>The server sent no usable challenge.</source>
        <translation>Der Server hat keine verwendbare Challenge gesendet.</translation>
    </message>
    <message>
        <source>The server sent an empty session.</source>
        <translation>Der Server hat eine leere Sitzung gesendet.</translation>
    </message>
</context>
<context>
    <name>Inkwell::LoginRunner</name>
    <message>
        <source>There is no keychain on this system, and no password was entered for this account since Inkwell started. Enter it in the account&apos;s settings.</source>
        <translation>Auf diesem System gibt es keinen Schlüsselbund, und seit dem Start von Inkwell wurde für dieses Konto kein Passwort eingegeben. Geben Sie es in den Einstellungen des Kontos ein.</translation>
    </message>
    <message>
        <source>No password is kept for this account. Enter it in the account&apos;s settings.</source>
        <translation>Für dieses Konto ist kein Passwort gespeichert. Geben Sie es in den Einstellungen des Kontos ein.</translation>
    </message>
    <message>
        <source>The password could not be read: %1</source>
        <translation>Das Passwort konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Logged in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>The server refused the login (&quot;%1&quot;). %2</source>
        <translation>Der Server hat die Anmeldung abgelehnt („%1“). %2</translation>
    </message>
    <message>
        <source>The server has no user by that name.</source>
        <translation>Auf dem Server gibt es keinen Benutzer mit diesem Namen.</translation>
    </message>
    <message>
        <source>The server refused the login: %1%2</source>
        <translation>Der Server hat die Anmeldung abgelehnt: %1%2</translation>
    </message>
    <message>
        <source>Could not reach the server: %1%2</source>
        <translation>Der Server war nicht erreichbar: %1%2</translation>
    </message>
</context>
<context>
    <name>Inkwell::MainWindow</name>
    <message>
        <source>Inkwell</source>
        <translation>Inkwell</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Kalender</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suche</translation>
    </message>
    <message>
        <source>&amp;Drafts</source>
        <translation>E&amp;ntwürfe</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Postausgang</translation>
    </message>
    <message>
        <source>&amp;Journal:</source>
        <translation>&amp;Journal:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo journal.&lt;/b&gt; A sample journal on a server on this computer: try anything, nothing leaves it and your own journal is not touched. Close this window to leave the demo; it starts afresh next time.</source>
        <translation>&lt;b&gt;Demo-Journal.&lt;/b&gt; Ein Beispiel-Journal auf einem Server auf diesem Computer: Probieren Sie alles aus – nichts verlässt den Computer, und Ihr eigenes Journal bleibt unberührt. Schließen Sie dieses Fenster, um die Demo zu verlassen; beim nächsten Mal beginnt sie von vorn.</translation>
    </message>
    <message>
        <source>Delete Entry</source>
        <translation>Eintrag löschen</translation>
    </message>
    <message>
        <source>Delete this entry from %1?</source>
        <translation>Diesen Eintrag aus %1 löschen?</translation>
    </message>
    <message>
        <source>It is deleted on the server too, now or as soon as the server can be reached.</source>
        <translation>Er wird auch auf dem Server gelöscht, sofort oder sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>%1: ping sent (%2)</source>
        <translation>%1: Ping gesendet (%2)</translation>
    </message>
    <message>
        <source>%1: ping failed: %2</source>
        <translation>%1: Ping fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: your friends page has new posts.</source>
        <translation>%1: Auf Ihrer Freundesseite gibt es neue Einträge.</translation>
    </message>
    <message>
        <source> Log in again (Accounts) to see it in the editor.</source>
        <translation> Melden Sie sich erneut an (Konten), um es im Editor zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Outbox (%1)</source>
        <translation>&amp;Postausgang (%1)</translation>
    </message>
    <message>
        <source>Friends — Inkwell</source>
        <translation>Freunde — Inkwell</translation>
    </message>
    <message>
        <source>None of your accounts takes userpics from Inkwell: Dreamwidth takes them on its web site only (Account → Upload Icons), and the Blogger API has none.</source>
        <translation>Keines Ihrer Konten nimmt Benutzerbilder von Inkwell an: Dreamwidth nimmt sie nur auf seiner Website an (Account → Upload Icons), und die Blogger API kennt keine.</translation>
    </message>
    <message>
        <source>Add an account first (File → Accounts…).</source>
        <translation>Fügen Sie zuerst ein Konto hinzu (Datei → Konten…).</translation>
    </message>
    <message>
        <source>Upload Userpic</source>
        <translation>Benutzerbild hochladen</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Userpic (at most 40 KB and 100x100)</source>
        <translation>Benutzerbild (höchstens 40 KB und 100x100)</translation>
    </message>
    <message>
        <source>Images (*.png *.gif *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.gif *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Keywords (comma-separated, optional):</source>
        <translation>Schlüsselwörter (durch Kommas getrennt, optional):</translation>
    </message>
    <message>
        <source>Ping Server</source>
        <translation>Ping-Server</translation>
    </message>
    <message>
        <source>After each public post, tell this Weblogs.com-style XML-RPC server (weblogUpdates.ping).
Leave empty for none. Example: http://rpc.weblogs.com/RPC2</source>
        <translation>Nach jedem öffentlichen Eintrag diesen XML-RPC-Server im Stil von Weblogs.com benachrichtigen (weblogUpdates.ping).
Leer lassen, um keinen zu benachrichtigen. Beispiel: http://rpc.weblogs.com/RPC2</translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>Nur manuell</translation>
    </message>
    <message>
        <source>Every %1 minutes</source>
        <translation>Alle %1 Minuten</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Jede Stunde</translation>
    </message>
    <message>
        <source>Every %1 hours</source>
        <translation>Alle %1 Stunden</translation>
    </message>
    <message>
        <source>Sync Automatically</source>
        <translation>Automatisch synchronisieren</translation>
    </message>
    <message>
        <source>Sync every journal at start-up, after posting, and:</source>
        <translation>Alle Journale beim Start und nach dem Veröffentlichen synchronisieren, außerdem:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Entry</source>
        <translation>&amp;Neuer Eintrag</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Sync Au&amp;tomatically…</source>
        <translation>&amp;Automatisch synchronisieren…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>&amp;Friends…</source>
        <translation>&amp;Freunde…</translation>
    </message>
    <message>
        <source>Upload &amp;Userpic…</source>
        <translation>Ben&amp;utzerbild hochladen…</translation>
    </message>
    <message>
        <source>&amp;Ping Server after Posting…</source>
        <translation>&amp;Ping-Server nach dem Veröffentlichen…</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Reload the Local Journal</source>
        <translation>Lokales Journal neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find in Journal…</source>
        <translation>&amp;Im Journal suchen…</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>&amp;Eintrag</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Inkwell</source>
        <translation>Ü&amp;ber Inkwell</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About Inkwell</source>
        <translation>Über Inkwell</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Inkwell %1&lt;/h3&gt;&lt;p&gt;An offline-first desktop client for Dreamwidth, LiveJournal and other sites that speak the LiveJournal protocol.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Inkwell %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Client für Dreamwidth, LiveJournal und andere Websites mit dem LiveJournal-Protokoll, der auch offline voll nutzbar ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 could not be added: %2</source>
        <translation>%1 konnte nicht hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>Inkwell — Demo Journal</source>
        <translation>Inkwell — Demo-Journal</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source> (the Blogger API shows the newest %1 posts; older ones are kept as they were last seen)</source>
        <translation> (die Blogger API zeigt die neuesten %1 Einträge; ältere bleiben so erhalten, wie sie zuletzt zu sehen waren)</translation>
    </message>
    <message>
        <source>Kept on this computer in %1</source>
        <translation>Auf diesem Computer gespeichert in %1</translation>
    </message>
    <message>
        <source>Interface Language</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>Inkwell speaks %1 from its next start. Restart Inkwell now?</source>
        <translation>Inkwell verwendet %1 ab dem nächsten Start. Inkwell jetzt neu starten?</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>die Sprache des Systems</translation>
    </message>
    <message>
        <source>Open editors are closed and their text kept under Drafts; the outbox goes out after the restart.</source>
        <translation>Offene Editoren werden geschlossen, ihr Text bleibt unter Entwürfe erhalten; der Postausgang wird nach dem Neustart gesendet.</translation>
    </message>
</context>
<context>
    <name>Inkwell::OutboxModel</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Checking whether it arrived</source>
        <translation>Zustellung wird geprüft</translation>
    </message>
    <message>
        <source>Conflict: choose a version</source>
        <translation>Konflikt: Version auswählen</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Vom Server abgelehnt</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>Änderung: %1</translation>
    </message>
    <message>
        <source>Delete: %1</source>
        <translation>Löschen: %1</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>Inkwell::OutboxSender</name>
    <message>
        <source>The connection was lost after sending. Inkwell will ask the server whether it arrived before sending it again.</source>
        <translation>Die Verbindung brach nach dem Senden ab. Inkwell fragt beim Server nach, ob die Sendung angekommen ist, bevor sie erneut gesendet wird.</translation>
    </message>
    <message>
        <source>Sent, but the reply did not say whether the server took it (%1). Inkwell will ask the server whether it arrived before sending it again.</source>
        <translation>Gesendet, aber die Antwort sagt nicht, ob der Server die Sendung angenommen hat (%1). Inkwell fragt beim Server nach, ob sie angekommen ist, bevor sie erneut gesendet wird.</translation>
    </message>
    <message>
        <source>The entry was deleted on the server; the edit was not sent.</source>
        <translation>Der Eintrag wurde auf dem Server gelöscht; die Änderung wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The server said it took it, but not which entry it made. Inkwell will ask the server whether it arrived before sending it again.</source>
        <translation>Der Server hat die Annahme bestätigt, aber nicht mitgeteilt, welchen Eintrag er angelegt hat. Inkwell fragt beim Server nach, ob die Sendung angekommen ist, bevor sie erneut gesendet wird.</translation>
    </message>
</context>
<context>
    <name>Inkwell::OutboxService</name>
    <message>
        <source>the outbox will be sent</source>
        <translation>der Postausgang wird gesendet</translation>
    </message>
</context>
<context>
    <name>Inkwell::OutboxView</name>
    <message>
        <source>Items waiting to be sent</source>
        <translation>Zu sendende Elemente</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>Resolve conflict…</source>
        <translation>Konflikt lösen…</translation>
    </message>
    <message>
        <source>Back to drafts</source>
        <translation>Zurück zu den Entwürfen</translation>
    </message>
    <message>
        <source>Take the entry out of the outbox to change it</source>
        <translation>Den Eintrag aus dem Postausgang nehmen, um ihn zu ändern</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Nothing waits to be sent.</source>
        <translation>Nichts wartet auf den Versand.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Remove this item from the outbox? It will not be sent.</source>
        <translation>Dieses Element aus dem Postausgang entfernen? Es wird nicht gesendet.</translation>
    </message>
    <message>
        <source>Its draft, if it has one, stays in the drafts.</source>
        <translation>Sein Entwurf bleibt, falls vorhanden, bei den Entwürfen erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n items wait to be sent, oldest first.</source>
        <translation>
            <numerusform>%n Element wartet auf den Versand.</numerusform>
            <numerusform>%n Elemente warten auf den Versand, die ältesten zuerst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::PreferencesDialog</name>
    <message>
        <source>Only when I ask</source>
        <translation>Nur manuell</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Sync &amp;automatically:</source>
        <translation>&amp;Automatisch synchronisieren:</translation>
    </message>
    <message>
        <source>Every journal is also synced when Inkwell starts and after each post.</source>
        <translation>Jedes Journal wird außerdem beim Start von Inkwell und nach jedem Veröffentlichen synchronisiert.</translation>
    </message>
    <message>
        <source>&amp;Tell me when friends post (checks friends pages as often as the server allows)</source>
        <translation>&amp;Benachrichtigen, wenn Freunde etwas veröffentlichen (prüft Freundesseiten so oft, wie der Server es erlaubt)</translation>
    </message>
    <message>
        <source>&amp;Keep Inkwell in the tray when its window is closed</source>
        <translation>Inkwell beim Schließen des Fensters im &amp;Infobereich behalten</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>A Weblogs.com-style server (weblogUpdates.ping) told about each public post, e.g. http://rpc.pingomatic.com/</source>
        <translation>Ein Server im Stil von Weblogs.com (weblogUpdates.ping), der über jeden öffentlichen Eintrag benachrichtigt wird, z. B. http://rpc.pingomatic.com/</translation>
    </message>
    <message>
        <source>&amp;Ping after public posts:</source>
        <translation>&amp;Ping nach öffentlichen Einträgen:</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons.</source>
        <translation>Diese Arbeitsumgebung zeigt keine Symbole im Infobereich an.</translation>
    </message>
    <message>
        <source>The ping server must be an http:// or https:// address, or empty for none.</source>
        <translation>Der Ping-Server muss eine http://- oder https://-Adresse sein oder leer bleiben.</translation>
    </message>
    <message numerus="yes">
        <source>Every %n hours</source>
        <translation>
            <numerusform>Jede Stunde</numerusform>
            <numerusform>Alle %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Jede Minute</numerusform>
            <numerusform>Alle %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Start &amp;minimised (in the tray, where the desktop has one)</source>
        <translation>&amp;Minimiert starten (im Infobereich, wo es ihn gibt)</translation>
    </message>
    <message>
        <source>A picture from another site tells that site that the entry is read, and when. Without this, each entry asks first.</source>
        <translation>Ein Bild von einer anderen Website verrät dieser, dass der Eintrag gelesen wird, und wann. Ohne diese Einstellung fragt jeder Eintrag zuerst nach.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>&amp;Spelling:</source>
        <translation>&amp;Rechtschreibung:</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>Wie im System (%1)</translation>
    </message>
    <message>
        <source>Inkwell speaks the new language from its next start.</source>
        <translation>Inkwell verwendet die neue Sprache ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Oberfläche:</translation>
    </message>
    <message>
        <source>Show pictures and styles from &amp;other sites in entries without asking</source>
        <translation>Bilder und Stile anderer &amp;Websites in Einträgen ohne Nachfrage anzeigen</translation>
    </message>
    <message>
        <source>the system&apos;s settings</source>
        <translation>die Einstellungen des Systems</translation>
    </message>
    <message>
        <source>http://host:port or socks5://host:port (with user:password@ when the proxy asks). An account that names a proxy of its own (Accounts) keeps it.</source>
        <translation>http://host:port oder socks5://host:port (mit benutzer:passwort@, wenn der Proxy danach fragt). Ein Konto mit eigenem Proxy (Konten) behält ihn.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>The proxy must look like http://host:port or socks5://host:port, or be empty for the system&apos;s settings.</source>
        <translation>Der Proxy muss die Form http://host:port oder socks5://host:port haben oder leer bleiben, damit die Einstellungen des Systems gelten.</translation>
    </message>
</context>
<context>
    <name>Inkwell::SearchResultsModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
</context>
<context>
    <name>Inkwell::SearchView</name>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search subjects, text and tags</source>
        <translation>Betreff, Text und Tags durchsuchen</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <source>Any security</source>
        <translation>Alle Sichtbarkeiten</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Friends or groups</source>
        <translation>Freunde oder Gruppen</translation>
    </message>
    <message>
        <source>Any year</source>
        <translation>Alle Jahre</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Type a word or a &quot;phrase&quot;; the last word may be a beginning.</source>
        <translation>Geben Sie ein Wort oder eine &quot;Wortfolge&quot; ein; vom letzten Wort genügt der Anfang.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Keine passenden Einträge.</translation>
    </message>
    <message numerus="yes">
        <source>Too many matches to rank: the %n most recent, newest first. Add words or filters to narrow them down.</source>
        <translation>
            <numerusform>Zu viele Treffer für eine Rangfolge: der neueste (%n). Grenzen Sie die Suche mit weiteren Wörtern oder Filtern ein.</numerusform>
            <numerusform>Zu viele Treffer für eine Rangfolge: die %n neuesten, die neuesten zuerst. Grenzen Sie die Suche mit weiteren Wörtern oder Filtern ein.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The best %n matches; add words or filters to narrow them down.</source>
        <translation>
            <numerusform>Der beste Treffer (%n); grenzen Sie die Suche mit weiteren Wörtern oder Filtern ein.</numerusform>
            <numerusform>Die besten %n Treffer; grenzen Sie die Suche mit weiteren Wörtern oder Filtern ein.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 matching entry</source>
        <translation>1 passender Eintrag</translation>
    </message>
    <message numerus="yes">
        <source>%n matching entries, best first</source>
        <translation>
            <numerusform>%n passender Eintrag</numerusform>
            <numerusform>%n passende Einträge, die besten zuerst</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::SyncEngine</name>
    <message>
        <source>The local journal could not be written: %1</source>
        <translation>Das lokale Journal konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::SyncStatusWidget</name>
    <message>
        <source>the local journal could not be written</source>
        <translation>das lokale Journal konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>the server answered with an error (HTTP %1)</source>
        <translation>der Server hat mit einem Fehler geantwortet (HTTP %1)</translation>
    </message>
    <message>
        <source>the server could not be reached</source>
        <translation>der Server war nicht erreichbar</translation>
    </message>
    <message>
        <source>the server is busy or having trouble</source>
        <translation>der Server ist ausgelastet oder hat Probleme</translation>
    </message>
    <message>
        <source>the server did not accept the login</source>
        <translation>der Server hat die Anmeldung nicht akzeptiert</translation>
    </message>
    <message>
        <source>the server&apos;s answer could not be read</source>
        <translation>die Antwort des Servers konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>the server refused it</source>
        <translation>der Server hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Inkwell tries again by itself in a little while.</source>
        <translation>Inkwell versucht es in Kürze selbst erneut.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this sync; what was mirrored so far is kept.</source>
        <translation>Diese Synchronisierung abbrechen; was bisher kopiert wurde, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Syncing %1: %2 of %3 entries</source>
        <translation>%1 wird synchronisiert: %2 von %3 Einträgen</translation>
    </message>
    <message>
        <source>Syncing %1: looking for deleted entries…</source>
        <translation>%1 wird synchronisiert: Suche nach gelöschten Einträgen…</translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation>%1 wird synchronisiert…</translation>
    </message>
    <message>
        <source>The sync of %1 was cancelled; what came so far is kept.</source>
        <translation>Die Synchronisierung von %1 wurde abgebrochen; was bisher empfangen wurde, bleibt erhalten.</translation>
    </message>
    <message>
        <source>%1 could not be synced: %2.</source>
        <translation>%1 konnte nicht synchronisiert werden: %2.</translation>
    </message>
    <message>
        <source>%1 could not be synced.</source>
        <translation>%1 konnte nicht synchronisiert werden.</translation>
    </message>
    <message>
        <source>Offline: waiting for the network</source>
        <translation>Offline: Warten auf das Netzwerk</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Synchronisiert um %1</translation>
    </message>
    <message numerus="yes">
        <source>%n changes not sent yet</source>
        <translation>
            <numerusform>%n Änderung noch nicht gesendet</numerusform>
            <numerusform>%n Änderungen noch nicht gesendet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::TransportCall</name>
    <message>
        <source>The server&apos;s reply was larger than %1 MB and was abandoned.</source>
        <translation>Die Antwort des Servers war größer als %1 MB und wurde verworfen.</translation>
    </message>
    <message>
        <source>The server had not finished its answer after %1 s (%2), so it was given up.</source>
        <translation>Der Server hatte seine Antwort nach %1 s noch nicht abgeschlossen (%2); die Anfrage wurde aufgegeben.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 %2 for %3.</source>
        <translation>Der Server antwortete mit HTTP %1 %2 für %3.</translation>
    </message>
    <message>
        <source>The server did not answer in time (%1).</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s reply was cut short (%1).</source>
        <translation>Die Antwort des Servers brach vorzeitig ab (%1).</translation>
    </message>
    <message>
        <source>The server closed the connection before it answered (%1).</source>
        <translation>Der Server hat die Verbindung geschlossen, bevor er geantwortet hat (%1).</translation>
    </message>
    <message>
        <source>Could not reach the server (%1): %2</source>
        <translation>Der Server war nicht erreichbar (%1): %2</translation>
    </message>
    <message>
        <source>The server&apos;s reply could not be read (%1): %2</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (%1): %2</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified (%1): %2</source>
        <translation>Das Zertifikat des Servers konnte nicht überprüft werden (%1): %2</translation>
    </message>
</context>
<context>
    <name>Inkwell::TrayIcon</name>
    <message>
        <source>New posts</source>
        <translation>Neue Einträge</translation>
    </message>
    <message>
        <source>Your friends page on %1 has new posts.</source>
        <translation>Auf Ihrer Freundesseite bei %1 gibt es neue Einträge.</translation>
    </message>
    <message>
        <source>New posts on %1&apos;s friends page</source>
        <translation>Neue Einträge auf der Freundesseite von %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::UserpicUpload</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Userpic uploaded (%1x%2).</source>
        <translation>Benutzerbild hochgeladen (%1x%2).</translation>
    </message>
</context>
<context>
    <name>Inkwell::WritingDesk</name>
    <message numerus="yes">
        <source>%1: %n entries posted.</source>
        <translation>
            <numerusform>%1: %n Eintrag veröffentlicht.</numerusform>
            <numerusform>%1: %n Einträge veröffentlicht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n changes wait in the outbox (%2).</source>
        <translation>
            <numerusform>%1: %n Änderung wartet im Postausgang (%2).</numerusform>
            <numerusform>%1: %n Änderungen warten im Postausgang (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>That draft is gone (it was posted or discarded).</source>
        <translation>Dieser Entwurf existiert nicht mehr (er wurde veröffentlicht oder verworfen).</translation>
    </message>
    <message>
        <source>That entry is not in the local journal.</source>
        <translation>Dieser Eintrag ist nicht im lokalen Journal.</translation>
    </message>
    <message>
        <source>Could not queue the deletion: %1</source>
        <translation>Das Löschen konnte nicht vorgemerkt werden: %1</translation>
    </message>
</context>
<context>
    <name>JournalStore</name>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>Es gibt kein Konto namens „%1“.</translation>
    </message>
</context>
<context>
    <name>KeychainPasswordStore</name>
    <message>
        <source>No password is stored for this account.</source>
        <translation>Für dieses Konto ist kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied: %1</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert: %1</translation>
    </message>
    <message>
        <source>No keychain is available (%1). The password can be kept for this session only.</source>
        <translation>Es ist kein Schlüsselbund verfügbar (%1). Das Passwort kann nur für diese Sitzung behalten werden.</translation>
    </message>
</context>
<context>
    <name>LoginInfoStore</name>
    <message>
        <source>Could not keep what the server said at login: %1</source>
        <translation>Die Angaben des Servers bei der Anmeldung konnten nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>LoginRunner</name>
    <message>
        <source>The server refused the API key (&quot;%1&quot;). Dreamwidth accepts an API key here, not your account password.</source>
        <translation>Der Server hat den API-Schlüssel abgelehnt („%1“). Dreamwidth erwartet hier einen API-Schlüssel, nicht Ihr Kontopasswort.</translation>
    </message>
    <message>
        <source>The server refused the user name or password (&quot;%1&quot;). If it is a Dreamwidth server, it wants an API key, not your account password.</source>
        <translation>Der Server hat den Benutzernamen oder das Passwort abgelehnt („%1“). Falls es ein Dreamwidth-Server ist, erwartet er einen API-Schlüssel, nicht Ihr Kontopasswort.</translation>
    </message>
    <message>
        <source>The server refused the user name or password (&quot;%1&quot;).</source>
        <translation>Der Server hat den Benutzernamen oder das Passwort abgelehnt („%1“).</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood (is the address right?): %1%2</source>
        <translation>Die Antwort des Servers wurde nicht verstanden (stimmt die Adresse?): %1%2</translation>
    </message>
</context>
<context>
    <name>MemoryPasswordStore</name>
    <message>
        <source>No password is stored for this account.</source>
        <translation>Für dieses Konto ist kein Passwort gespeichert.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The entry was also changed on the server. Choose which version to keep.</source>
        <translation>Der Eintrag wurde auch auf dem Server geändert. Wählen Sie, welche Version behalten werden soll.</translation>
    </message>
    <message>
        <source>This item is being sent and can no longer be changed.</source>
        <translation>Dieses Element wird gerade gesendet und kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>Inkwell stopped while sending; the server will be asked whether it arrived.</source>
        <translation>Inkwell wurde während des Sendens beendet; der Server wird gefragt, ob die Sendung angekommen ist.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>No folder for local data could be determined.</source>
        <translation>Es konnte kein Ordner für lokale Daten ermittelt werden.</translation>
    </message>
    <message>
        <source>The profile path %1 exists but is not a folder.</source>
        <translation>Der Profilpfad %1 existiert, ist aber kein Ordner.</translation>
    </message>
    <message>
        <source>Could not create the profile folder %1.</source>
        <translation>Der Profilordner %1 konnte nicht erstellt werden.</translation>
    </message>
</context>
<context>
    <name>ProtocolError</name>
    <message>
        <source>this account</source>
        <translation>dieses Konto</translation>
    </message>
    <message>
        <source>The server accepted the password but not the session it had just granted, so the password is not the problem. Try again; if it keeps happening, something between Inkwell and the server (a proxy?) drops the session cookie.</source>
        <translation>Der Server hat das Passwort akzeptiert, aber nicht die Sitzung, die er gerade erst gewährt hatte; das Passwort ist also nicht das Problem. Versuchen Sie es erneut. Wenn das immer wieder passiert, verwirft etwas zwischen Inkwell und dem Server (ein Proxy?) das Sitzungs-Cookie.</translation>
    </message>
    <message>
        <source>The server has no user of that name: check the user name of %1.</source>
        <translation>Auf dem Server gibt es keinen Benutzer mit diesem Namen: Prüfen Sie den Benutzernamen für %1.</translation>
    </message>
    <message>
        <source>The server did not accept the password of %1. On Dreamwidth the password is an API key (made under Account Settings on the site), not the password of the web site.</source>
        <translation>Der Server hat das Passwort für %1 nicht akzeptiert. Bei Dreamwidth ist das Passwort ein API-Schlüssel (erstellt auf der Website unter „Account Settings“), nicht das Passwort der Website.</translation>
    </message>
    <message>
        <source>The login took longer than the server allows (60 seconds); try again.</source>
        <translation>Die Anmeldung hat länger gedauert, als der Server erlaubt (60 Sekunden); versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>After too many failed logins the server refuses every login of %1 from this address for about 5 minutes, without checking the password: try again after %2, and check the password first.</source>
        <translation>Nach zu vielen fehlgeschlagenen Anmeldungen lehnt der Server etwa 5 Minuten lang jede Anmeldung für %1 von dieser Adresse ab, ohne das Passwort zu prüfen: Versuchen Sie es nach %2 Uhr erneut und prüfen Sie vorher das Passwort.</translation>
    </message>
    <message>
        <source>The server refuses this request for up to an hour; sync again later.</source>
        <translation>Der Server lehnt diese Anfrage bis zu eine Stunde lang ab; synchronisieren Sie später erneut.</translation>
    </message>
</context>
<context>
    <name>SecurityBadge</name>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Friends only</source>
        <translation>Nur Freunde</translation>
    </message>
    <message>
        <source>Custom groups</source>
        <translation>Ausgewählte Gruppen</translation>
    </message>
    <message>
        <source>Public: anyone can read it</source>
        <translation>Öffentlich: Jeder kann ihn lesen</translation>
    </message>
    <message>
        <source>Private: custom security without any group, only you can read it</source>
        <translation>Privat: ausgewählte Gruppen, aber keine Gruppe gewählt – nur Sie können ihn lesen</translation>
    </message>
    <message>
        <source>Private: only you can read it</source>
        <translation>Privat: Nur Sie können ihn lesen</translation>
    </message>
    <message>
        <source>Friends only: everyone on your friends or access list</source>
        <translation>Nur Freunde: alle auf Ihrer Freundes- oder Zugriffsliste</translation>
    </message>
    <message>
        <source>Custom: friend groups %1</source>
        <translation>Ausgewählte Freundesgruppen: %1</translation>
    </message>
</context>
<context>
    <name>SessionFallbackPasswordStore</name>
    <message>
        <source>No keychain is available on this system, so Inkwell keeps the password in memory only, until it quits. You will be asked for it again next time.</source>
        <translation>Auf diesem System ist kein Schlüsselbund verfügbar, daher behält Inkwell das Passwort nur im Arbeitsspeicher, bis es beendet wird. Beim nächsten Mal werden Sie erneut danach gefragt.</translation>
    </message>
</context>
<context>
    <name>Userpics</name>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The picture is %1 KB; the server accepts at most %2 KB. Make it smaller first.</source>
        <translation>Das Bild ist %1 KB groß; der Server akzeptiert höchstens %2 KB. Verkleinern Sie es zuerst.</translation>
    </message>
    <message>
        <source>Userpics must be GIF, PNG or JPEG images.</source>
        <translation>Benutzerbilder müssen GIF-, PNG- oder JPEG-Bilder sein.</translation>
    </message>
    <message>
        <source>The picture is %1x%2 pixels; userpics are at most %3x%3.</source>
        <translation>Das Bild hat %1x%2 Pixel; Benutzerbilder dürfen höchstens %3x%3 groß sein.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot clear the demo&apos;s folder %1.</source>
        <translation>Der Demo-Ordner %1 kann nicht geleert werden.</translation>
    </message>
    <message>
        <source>The demo journal&apos;s server did not start within 30 seconds.</source>
        <translation>Der Server des Demo-Journals ist nicht innerhalb von 30 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>Inkwell, an offline-first desktop journal client.</source>
        <translation>Inkwell, ein Desktop-Client für Journale, der auch offline voll nutzbar ist.</translation>
    </message>
    <message>
        <source>Keep local data in DIR instead of the default folder.</source>
        <translation>Lokale Daten in DIR statt im Standardordner speichern.</translation>
    </message>
    <message>
        <source>Open an editor for a new entry.</source>
        <translation>Einen Editor für einen neuen Eintrag öffnen.</translation>
    </message>
    <message>
        <source>Try Inkwell on a demo journal served from this computer, in a profile of its own (the user&apos;s is not touched).</source>
        <translation>Inkwell mit einem Demo-Journal ausprobieren, das dieser Computer bereitstellt, in einem eigenen Profil (das Profil des Benutzers bleibt unberührt).</translation>
    </message>
    <message>
        <source>The demo journal is open already, in another window.</source>
        <translation>Das Demo-Journal ist bereits in einem anderen Fenster geöffnet.</translation>
    </message>
    <message>
        <source>To start a new one with your accounts, drafts and outbox (the damaged file is kept), run: inkwell-cli --profile &apos;%1&apos; repair</source>
        <translation>Um eine neue Datei mit Ihren Konten, Entwürfen und Ihrem Postausgang anzulegen (die beschädigte Datei bleibt erhalten), führen Sie aus: inkwell-cli --profile &apos;%1&apos; repair</translation>
    </message>
    <message>
        <source>The demo journal could not be opened: %1 did not start.</source>
        <translation>Das Demo-Journal konnte nicht geöffnet werden: %1 ist nicht gestartet.</translation>
    </message>
</context>
</TS>
