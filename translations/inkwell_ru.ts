<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Account</name>
    <message>
        <source>The account needs a name.</source>
        <translation>У учётной записи должно быть название.</translation>
    </message>
    <message>
        <source>The server address is not a valid URL.</source>
        <translation>Адрес сервера — недопустимый URL.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (or http://).</source>
        <translation>Адрес сервера должен начинаться с https:// (или http://).</translation>
    </message>
    <message>
        <source>The user name may only contain letters, digits, &apos;_&apos; and &apos;-&apos; (at most 25).</source>
        <translation>Имя пользователя может содержать только буквы, цифры, &apos;_&apos; и &apos;-&apos; (не более 25 символов).</translation>
    </message>
    <message>
        <source>The proxy must look like http://host:port or socks5://host:port.</source>
        <translation>Прокси нужно указать в виде http://host:port или socks5://host:port.</translation>
    </message>
    <message>
        <source>Dreamwidth does not speak the Blogger API; choose the flat or XML-RPC interface.</source>
        <translation>Dreamwidth не поддерживает Blogger API; выберите интерфейс Flat или XML-RPC.</translation>
    </message>
    <message>
        <source>The Blogger API sends the password itself with every request: choose clear authentication for it.</source>
        <translation>Blogger API передаёт сам пароль с каждым запросом: выберите для него аутентификацию открытым текстом.</translation>
    </message>
    <message>
        <source>The account &apos;%1&apos; sends %2 to %3 without encryption (http://): anyone on the way can read it and log in as you. Use the server&apos;s https:// address, or challenge authentication.</source>
        <translation>Учётная запись &apos;%1&apos; передаёт %2 на %3 без шифрования (http://): любой по пути может это перехватить и войти под вашим именем. Укажите адрес сервера с https:// или выберите аутентификацию «запрос/ответ».</translation>
    </message>
    <message>
        <source>the password with every request</source>
        <translation>пароль с каждым запросом</translation>
    </message>
    <message>
        <source>an MD5 of the password, which logs in as well as the password, with every request</source>
        <translation>MD5-хеш пароля (по нему можно войти так же, как по самому паролю) с каждым запросом</translation>
    </message>
</context>
<context>
    <name>AccountPassword</name>
    <message>
        <source>There is no account named &quot;%1&quot; any more.</source>
        <translation>Учётной записи &quot;%1&quot; больше нет.</translation>
    </message>
    <message>
        <source>No password is saved for &quot;%1&quot;: enter it in Accounts.</source>
        <translation>Для &quot;%1&quot; не сохранён пароль: введите его в окне «Учётные записи».</translation>
    </message>
    <message>
        <source>No password is saved for &quot;%1&quot;: enter it in Accounts, and %2.</source>
        <translation>Для &quot;%1&quot; не сохранён пароль: введите его в окне «Учётные записи», и %2.</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>An account named &quot;%1&quot; already exists.</source>
        <translation>Учётная запись &quot;%1&quot; уже существует.</translation>
    </message>
    <message>
        <source>Could not save the account: %1</source>
        <translation>Не удалось сохранить учётную запись: %1</translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>Учётная запись &quot;%1&quot; не найдена.</translation>
    </message>
    <message>
        <source>Could not remove the account: %1</source>
        <translation>Не удалось удалить учётную запись: %1</translation>
    </message>
    <message numerus="yes">
        <source>The account &quot;%1&quot; still has %n items in the outbox. Send or discard them before removing the account.</source>
        <translation>
            <numerusform>В исходящих учётной записи &quot;%1&quot; ещё лежит %n элемент. Прежде чем удалять учётную запись, отправьте или удалите содержимое исходящих.</numerusform>
            <numerusform>В исходящих учётной записи &quot;%1&quot; ещё лежат %n элемента. Прежде чем удалять учётную запись, отправьте или удалите содержимое исходящих.</numerusform>
            <numerusform>В исходящих учётной записи &quot;%1&quot; ещё лежат %n элементов. Прежде чем удалять учётную запись, отправьте или удалите содержимое исходящих.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BloggerCodec</name>
    <message>
        <source>The server did not accept the post&apos;s id.</source>
        <translation>Сервер не принял идентификатор записи.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The profile folder %1 is read-only: Inkwell cannot use its journal database there. Nothing has been changed.</source>
        <translation>Папка профиля %1 доступна только для чтения: Inkwell не может использовать в ней базу данных журнала. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The journal database %1 is read-only: Inkwell cannot use it. Nothing has been changed.</source>
        <translation>База данных журнала %1 доступна только для чтения: Inkwell не может её использовать. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The journal database %1 is not a file.</source>
        <translation>База данных журнала %1 не является файлом.</translation>
    </message>
    <message>
        <source>There is no journal database at %1.</source>
        <translation>Базы данных журнала по пути %1 нет.</translation>
    </message>
    <message>
        <source>The journal database %1 is damaged or is not an Inkwell journal database (%2). It has not been changed.</source>
        <translation>База данных журнала %1 повреждена или не является базой данных журнала Inkwell (%2). Она не изменена.</translation>
    </message>
    <message>
        <source>Could not read the journal database %1: %2</source>
        <translation>Не удалось прочитать базу данных журнала %1: %2</translation>
    </message>
    <message>
        <source>The journal database %1 was written by a newer version of Inkwell (schema %2; this version knows up to %3). It has not been changed; please use the newer Inkwell.</source>
        <translation>База данных журнала %1 записана более новой версией Inkwell (схема %2; эта версия поддерживает схемы до %3). Она не изменена; пожалуйста, используйте более новую версию Inkwell.</translation>
    </message>
    <message>
        <source>The journal database %1 is damaged (SQLite&apos;s check says: %2). It has not been changed.</source>
        <translation>База данных журнала %1 повреждена (проверка SQLite сообщает: %2). Она не изменена.</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not installed.</source>
        <translation>Драйвер SQLite для Qt (QSQLITE) не установлен.</translation>
    </message>
    <message>
        <source>Could not open the journal database %1: %2</source>
        <translation>Не удалось открыть базу данных журнала %1: %2</translation>
    </message>
    <message>
        <source>The journal database %1 was written by an older version of Inkwell and must be updated, which cannot happen while it is read-only.</source>
        <translation>База данных журнала %1 записана более старой версией Inkwell и должна быть обновлена, но это невозможно, пока она доступна только для чтения.</translation>
    </message>
    <message>
        <source>Could not prepare the journal database %1: %2</source>
        <translation>Не удалось подготовить базу данных журнала %1: %2</translation>
    </message>
    <message>
        <source>Could not update the journal database to schema %1: %2</source>
        <translation>Не удалось обновить базу данных журнала до схемы %1: %2</translation>
    </message>
</context>
<context>
    <name>DatabaseRecovery</name>
    <message>
        <source>There is no journal database at %1.</source>
        <translation>Базы данных журнала по пути %1 нет.</translation>
    </message>
    <message>
        <source>Could not move %1 aside to %2; nothing was changed.</source>
        <translation>Не удалось переместить %1 в %2; ничего не изменено.</translation>
    </message>
    <message>
        <source>Could not make a new journal database: %1</source>
        <translation>Не удалось создать новую базу данных журнала: %1</translation>
    </message>
    <message>
        <source>Could not fill the new journal database: %1</source>
        <translation>Не удалось заполнить новую базу данных журнала: %1</translation>
    </message>
    <message>
        <source>The new journal database is inconsistent: %1</source>
        <translation>Новая база данных журнала содержит противоречия: %1</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>The draft no longer exists.</source>
        <translation>Этого черновика больше нет.</translation>
    </message>
</context>
<context>
    <name>EntryHtml</name>
    <message>
        <source>embedded content not shown</source>
        <translation>встроенное содержимое не показано</translation>
    </message>
    <message>
        <source>Read more (cut)</source>
        <translation>Читать дальше (кат)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 в %2</translation>
    </message>
    <message>
        <source>posted by %1</source>
        <translation>автор: %1</translation>
    </message>
    <message>
        <source>mood #%1</source>
        <translation>настроение №%1</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Настроение</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Музыка</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Местоположение</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Userpic</source>
        <translation>Юзерпик</translation>
    </message>
    <message>
        <source>backdated</source>
        <translation>задним числом</translation>
    </message>
    <message>
        <source>comments disabled</source>
        <translation>комментарии отключены</translation>
    </message>
    <message>
        <source>all comments screened</source>
        <translation>все комментарии скрываются</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>Open on the web</source>
        <translation>Открыть на сайте</translation>
    </message>
</context>
<context>
    <name>FetchSpool</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Не удалось создать папку %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>Не удалось удалить %1.</translation>
    </message>
</context>
<context>
    <name>FriendChange</name>
    <message>
        <source>Add or change %1</source>
        <translation>Добавить или изменить %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Удалить %1</translation>
    </message>
    <message>
        <source>Save group &quot;%1&quot;</source>
        <translation>Сохранить группу &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Delete group %1</source>
        <translation>Удалить группу %1</translation>
    </message>
    <message>
        <source>Change the groups of %1</source>
        <translation>Изменить группы пользователя %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::AccountDialog</name>
    <message>
        <source>Add Account</source>
        <translation>Добавить учётную запись</translation>
    </message>
    <message>
        <source>Defaults to the user name</source>
        <translation>По умолчанию — имя пользователя</translation>
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
        <translation>Другой URL</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
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
        <translation>Blogger API (WordPress и другие блоги)</translation>
    </message>
    <message>
        <source>The Blogger API carries the subject, the text, the mood and the music, and lists the newest %1 posts: no security, tags, userpics or friends. For a WordPress blog, give the address of its xmlrpc.php as the server.</source>
        <translation>Через Blogger API передаются тема, текст, настроение и музыка, а в списке видны только %1 последних записей: без настроек доступа, меток, юзерпиков и друзей. Для блога на WordPress укажите в качестве сервера адрес его xmlrpc.php.</translation>
    </message>
    <message>
        <source>Challenge/response (recommended)</source>
        <translation>Запрос/ответ (рекомендуется)</translation>
    </message>
    <message>
        <source>Session cookie</source>
        <translation>Cookie сеанса</translation>
    </message>
    <message>
        <source>Hashed password (hpassword)</source>
        <translation>Хеш пароля (hpassword)</translation>
    </message>
    <message>
        <source>Clear text (sends the password as is)</source>
        <translation>Открытым текстом (пароль передаётся как есть)</translation>
    </message>
    <message>
        <source>Test Login</source>
        <translation>Проверить вход</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>Ин&amp;терфейс:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Аутентификация:</translation>
    </message>
    <message>
        <source>the system&apos;s settings</source>
        <translation>системные настройки</translation>
    </message>
    <message>
        <source>http://host:port or socks5://host:port, for this account only</source>
        <translation>http://host:port или socks5://host:port, только для этой учётной записи</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Пр&amp;окси:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;ключ:</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored API key</source>
        <translation>Оставьте пустым, чтобы сохранить прежний API-ключ</translation>
    </message>
    <message>
        <source>Dreamwidth accepts an &lt;b&gt;API key&lt;/b&gt; here, not your account password. Make one on Dreamwidth under Account settings → &lt;a href=&quot;%1&quot;&gt;API keys&lt;/a&gt;, and paste it here.</source>
        <translation>Здесь Dreamwidth принимает &lt;b&gt;API-ключ&lt;/b&gt;, а не пароль от учётной записи. Создайте ключ на Dreamwidth в разделе Account settings → &lt;a href=&quot;%1&quot;&gt;API keys&lt;/a&gt; и вставьте его сюда.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored password</source>
        <translation>Оставьте пустым, чтобы сохранить прежний пароль</translation>
    </message>
    <message>
        <source>Kept in your system&apos;s keychain, never in Inkwell&apos;s files.</source>
        <translation>Хранится в системном хранилище паролей и никогда — в файлах Inkwell.</translation>
    </message>
    <message>
        <source>The Blogger API sends the password itself with every request.</source>
        <translation>Blogger API передаёт сам пароль с каждым запросом.</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Изменить учётную запись</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, for example https://www.dreamwidth.org.</source>
        <translation>Введите адрес сервера, например https://www.dreamwidth.org.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web address Inkwell can use. Write the server&apos;s address as in the browser, for example https://www.dreamwidth.org.</source>
        <translation>Inkwell не может использовать адрес &quot;%1&quot;. Введите адрес сервера так же, как в браузере, например https://www.dreamwidth.org.</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Вход на %1…</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>Сначала введите API-ключ.</translation>
    </message>
    <message>
        <source>Enter the password first.</source>
        <translation>Сначала введите пароль.</translation>
    </message>
    <message>
        <source>Checking the login with %1…</source>
        <translation>Проверка входа на %1…</translation>
    </message>
    <message>
        <source>Save Anyway</source>
        <translation>Всё равно сохранить</translation>
    </message>
    <message>
        <source>The server did not accept this login (below). Correct it, or press Save Anyway to keep it as it is.</source>
        <translation>Сервер не принял эти данные для входа (см. ниже). Исправьте их или нажмите «Всё равно сохранить», чтобы оставить как есть.</translation>
    </message>
    <message>
        <source>The account was saved, but its password was not: %1</source>
        <translation>Учётная запись сохранена, а её пароль — нет: %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::AccountListDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Учётные записи</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Последний вход</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>&amp;Log In</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Log in now and refresh the userpics, moods, groups and journals the editor offers</source>
        <translation>Войти сейчас и обновить юзерпики, настроения, группы и журналы, которые предлагает редактор</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>No accounts yet. Add one to start.</source>
        <translation>Учётных записей пока нет. Добавьте учётную запись, чтобы начать.</translation>
    </message>
    <message>
        <source>Saved the account &quot;%1&quot;.</source>
        <translation>Учётная запись &quot;%1&quot; сохранена.</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Удалить учётную запись</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; from Inkwell?</source>
        <translation>Удалить учётную запись &quot;%1&quot; из Inkwell?</translation>
    </message>
    <message>
        <source>Its journals&apos; copies in this profile and its stored password go too. Nothing changes on the server.</source>
        <translation>Локальные копии её журналов в этом профиле и сохранённый пароль тоже будут удалены. На сервере ничего не изменится.</translation>
    </message>
    <message>
        <source>Removed the account &quot;%1&quot;.</source>
        <translation>Учётная запись &quot;%1&quot; удалена.</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Вход на %1…</translation>
    </message>
</context>
<context>
    <name>Inkwell::BloggerContent</name>
    <message>
        <source>security (private)</source>
        <translation>доступ (только для себя)</translation>
    </message>
    <message>
        <source>security (friends or groups)</source>
        <translation>доступ (друзья или группы)</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>метки</translation>
    </message>
    <message>
        <source>backdating</source>
        <translation>дату задним числом</translation>
    </message>
    <message>
        <source>the userpic</source>
        <translation>юзерпик</translation>
    </message>
    <message>
        <source>a subject of several lines</source>
        <translation>тему из нескольких строк</translation>
    </message>
</context>
<context>
    <name>Inkwell::CalendarView</name>
    <message>
        <source>◀ Earlier entries</source>
        <translation>◀ Более ранние записи</translation>
    </message>
    <message>
        <source>Go to the nearest earlier month with entries</source>
        <translation>Перейти к ближайшему более раннему месяцу с записями</translation>
    </message>
    <message>
        <source>Later entries ▶</source>
        <translation>Более поздние записи ▶</translation>
    </message>
    <message>
        <source>Go to the nearest later month with entries</source>
        <translation>Перейти к ближайшему более позднему месяцу с записями</translation>
    </message>
    <message>
        <source>No entries on this day.</source>
        <translation>В этот день записей нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries this month</source>
        <translation>В этом месяце записей нет</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::AccountCommands</name>
    <message>
        <source>%1 on %2 (%3, %4)</source>
        <extracomment>An account: %1 the user name, %2 the server&apos;s address, %3 the interface (flat, xmlrpc, blogger), %4 the authentication (challenge, cookie, hpassword, clear).</extracomment>
        <translation>%1 на %2 (%3, %4)</translation>
    </message>
    <message>
        <source>No keychain is available, so the password was not stored (Inkwell keeps passwords nowhere else).</source>
        <translation>Хранилище паролей недоступно, поэтому пароль не сохранён (в другом месте Inkwell пароли не хранит).</translation>
    </message>
    <message>
        <source>The keychain did not store the password: %1</source>
        <translation>Хранилище паролей не сохранило пароль: %1</translation>
    </message>
    <message>
        <source>--interface is flat, xmlrpc or blogger, not &apos;%1&apos;.</source>
        <translation>--interface принимает значения flat, xmlrpc или blogger, а не &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--auth is challenge, cookie, hpassword or clear, not &apos;%1&apos;.</source>
        <translation>--auth принимает значения challenge, cookie, hpassword или clear, а не &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>No accounts. Add one with: inkwell-cli account add NAME --server URL --user USER</source>
        <translation>Учётных записей нет. Добавьте учётную запись командой: inkwell-cli account add NAME --server URL --user USER</translation>
    </message>
    <message>
        <source>An account named &apos;%1&apos; already exists (&apos;inkwell-cli account edit %1&apos; changes it).</source>
        <translation>Учётная запись с именем &apos;%1&apos; уже существует (изменить её можно командой &apos;inkwell-cli account edit %1&apos;).</translation>
    </message>
    <message>
        <source>%1 The account was not added.</source>
        <extracomment>%1 says why the keychain did not take the password.</extracomment>
        <translation>%1 Учётная запись не добавлена.</translation>
    </message>
    <message>
        <source>Added account &apos;%1&apos;: %2.</source>
        <extracomment>%1 is the account&apos;s name, %2 describes it (&quot;alice on https://www.dreamwidth.org (flat, challenge)&quot;).</extracomment>
        <translation>Добавлена учётная запись &apos;%1&apos;: %2.</translation>
    </message>
    <message>
        <source>The password is stored in the keychain.</source>
        <translation>Пароль сохранён в хранилище паролей.</translation>
    </message>
    <message>
        <source>No password is stored: give it with --password-stdin, or store it with &apos;inkwell-cli account edit %1 --password-stdin&apos;.</source>
        <translation>Пароль не сохранён: передавайте его через --password-stdin или сохраните командой &apos;inkwell-cli account edit %1 --password-stdin&apos;.</translation>
    </message>
    <message>
        <source>&apos;account edit&apos; needs something to change: --rename, --server, --user, --interface, --auth, --proxy or --password-stdin.</source>
        <translation>Укажите для &apos;account edit&apos;, что изменить: --rename, --server, --user, --interface, --auth, --proxy или --password-stdin.</translation>
    </message>
    <message>
        <source>An account named &apos;%1&apos; already exists.</source>
        <translation>Учётная запись с именем &apos;%1&apos; уже существует.</translation>
    </message>
    <message>
        <source>%1 The account was not changed.</source>
        <extracomment>%1 says why the keychain did not take the password.</extracomment>
        <translation>%1 Учётная запись не изменена.</translation>
    </message>
    <message>
        <source>The new password is stored in the keychain.</source>
        <translation>Новый пароль сохранён в хранилище паролей.</translation>
    </message>
    <message>
        <source>The stored password could not be carried over to the new login (%1).</source>
        <translation>Не удалось перенести сохранённый пароль на новые данные для входа (%1).</translation>
    </message>
    <message>
        <source>The stored password now belongs to the new login.</source>
        <translation>Сохранённый пароль теперь привязан к новым данным для входа.</translation>
    </message>
    <message>
        <source>Changed account &apos;%1&apos;: %2.</source>
        <extracomment>%1 is the account&apos;s name, %2 describes it (&quot;alice on https://www.dreamwidth.org (flat, challenge)&quot;).</extracomment>
        <translation>Изменена учётная запись &apos;%1&apos;: %2.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>предупреждение: %1</translation>
    </message>
    <message>
        <source>Its password stays in the keychain: another account uses the same login.</source>
        <translation>Её пароль остаётся в хранилище паролей: те же данные для входа использует другая учётная запись.</translation>
    </message>
    <message>
        <source>Its password was deleted from the keychain.</source>
        <translation>Её пароль удалён из хранилища паролей.</translation>
    </message>
    <message>
        <source>No keychain is available: if one holds a password for %1, it is still there.</source>
        <translation>Хранилище паролей недоступно: если в нём есть пароль для %1, он там и остался.</translation>
    </message>
    <message>
        <source>Could not delete the password from the keychain (%1). The account was not removed.</source>
        <translation>Не удалось удалить пароль из хранилища паролей (%1). Учётная запись не удалена.</translation>
    </message>
    <message>
        <source>Removed account &apos;%1&apos;.</source>
        <translation>Удалена учётная запись &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::CliArguments</name>
    <message>
        <source>Keep local data in DIR instead of the platform&apos;s application-data folder.</source>
        <translation>Хранить локальные данные в DIR, а не в стандартной папке данных приложений системы.</translation>
    </message>
    <message>
        <source>Show the help (of the command, when one is named) and exit.</source>
        <translation>Показать справку (по команде, если она указана) и выйти.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Показать версию и выйти.</translation>
    </message>
    <message>
        <source>The site&apos;s root address, e.g. https://www.dreamwidth.org.</source>
        <translation>Корневой адрес сайта, например https://www.dreamwidth.org.</translation>
    </message>
    <message>
        <source>Your user name on that site.</source>
        <translation>Ваше имя пользователя на этом сайте.</translation>
    </message>
    <message>
        <source>The protocol&apos;s wire format (default flat), or the Blogger API (a WordPress blog: --server https://HOST/xmlrpc.php; clear authentication).</source>
        <translation>Формат передачи данных протокола (по умолчанию flat) или Blogger API (блог WordPress: --server https://HOST/xmlrpc.php; аутентификация clear).</translation>
    </message>
    <message>
        <source>How requests authenticate (default challenge: the secret never travels).</source>
        <translation>Способ аутентификации запросов (по умолчанию challenge: секрет никогда не передаётся по сети).</translation>
    </message>
    <message>
        <source>Give the account a new name.</source>
        <translation>Переименовать учётную запись.</translation>
    </message>
    <message>
        <source>Reach the server through this proxy: http://[user:password@]host:port or socks5://host:port (&quot;&quot; for the system&apos;s proxy settings, the default).</source>
        <translation>Подключаться к серверу через этот прокси: http://[user:password@]host:port или socks5://host:port (&quot;&quot; — системные настройки прокси, по умолчанию).</translation>
    </message>
    <message>
        <source>Read the password (on Dreamwidth: an API key) from the first line of standard input.</source>
        <translation>Прочитать пароль (на Dreamwidth — API-ключ) из первой строки стандартного ввода.</translation>
    </message>
    <message>
        <source>Print the reply as one line of JSON instead of indented.</source>
        <translation>Вывести ответ в виде JSON одной строкой, без отступов.</translation>
    </message>
    <message>
        <source>A community (or other journal) the account may read, instead of the account&apos;s own journal.</source>
        <translation>Сообщество (или другой журнал), которое учётная запись может читать, вместо её собственного журнала.</translation>
    </message>
    <message>
        <source>What to write: JSON lines, ljdump&apos;s XML files, or a small web site.</source>
        <translation>Что записать: строки JSON, XML-файлы в формате ljdump или небольшой сайт.</translation>
    </message>
    <message>
        <source>Write to this file (jsonl; default standard output) or folder (ljxml, html).</source>
        <translation>Записать в этот файл (jsonl; по умолчанию — стандартный вывод) или в эту папку (ljxml, html).</translation>
    </message>
    <message>
        <source>Only entries with this tag.</source>
        <translation>Только записи с этой меткой.</translation>
    </message>
    <message>
        <source>Only entries dated in this year.</source>
        <translation>Только записи, датированные этим годом.</translation>
    </message>
    <message>
        <source>search: only entries with this security (public, private, usemask). post, edit: who may read it (public, private, friends, or groups:G1,G2 for custom friend groups).</source>
        <translation>search: только записи с этим уровнем доступа (public, private, usemask). post, edit: кто может читать запись (public, private, friends или groups:G1,G2 для выбранных групп друзей).</translation>
    </message>
    <message>
        <source>The entry&apos;s subject.</source>
        <translation>Тема записи.</translation>
    </message>
    <message>
        <source>Read the entry&apos;s text (HTML welcome) from FILE, or from standard input with -.</source>
        <translation>Прочитать текст записи (HTML допускается) из FILE или, если указан -, из стандартного ввода.</translation>
    </message>
    <message>
        <source>An entry prop, e.g. current_mood=happy or taglist=&apos;a, b&apos;; may be given more than once. K= with nothing after the = removes the prop.</source>
        <translation>Свойство записи, например current_mood=happy или taglist=&apos;a, b&apos;; можно указать несколько раз. K= без значения после = удаляет свойство.</translation>
    </message>
    <message>
        <source>Date the entry in the past and keep it off friends pages (opt_backdated).</source>
        <translation>Датировать запись задним числом и не показывать её в лентах друзей (opt_backdated).</translation>
    </message>
    <message>
        <source>The entry&apos;s date and time, in local time (post: default now; edit: unchanged).</source>
        <translation>Дата и время записи по местному времени (post: по умолчанию — текущие; edit: без изменений).</translation>
    </message>
    <message>
        <source>At most N results (default 100).</source>
        <translation>Не более N результатов (по умолчанию 100).</translation>
    </message>
    <message>
        <source>Show the profile folder, its journal database and the database&apos;s schema version.</source>
        <translation>Показать папку профиля, базу данных журналов в ней и версию схемы базы данных.</translation>
    </message>
    <message>
        <source>List the profile&apos;s accounts: name, server, user, interface, authentication, flavour.</source>
        <translation>Перечислить учётные записи профиля: имя, сервер, пользователь, интерфейс, аутентификация, тип сервера.</translation>
    </message>
    <message>
        <source>Add an account named NAME (the flat interface and challenge authentication by default).</source>
        <translation>Добавить учётную запись с именем NAME (по умолчанию интерфейс flat и аутентификация challenge).</translation>
    </message>
    <message>
        <source>With --password-stdin the password (on Dreamwidth: an API key) is stored in the operating
system&apos;s keychain, and only there: if no keychain is available, the command says so and
adds nothing. Without it, commands that talk to the server take --password-stdin.</source>
        <translation>С --password-stdin пароль (на Dreamwidth — API-ключ) сохраняется в хранилище паролей
операционной системы, и только там: если хранилище недоступно, команда сообщает об этом
и ничего не добавляет. Без этого параметра пароль передают через --password-stdin
командам, которые обращаются к серверу.</translation>
    </message>
    <message>
        <source>Change an account: only what the options name changes.</source>
        <translation>Изменить учётную запись: меняется только то, что указано в параметрах.</translation>
    </message>
    <message>
        <source>--password-stdin replaces the password kept in the keychain. A stored password follows the
account to a new server address or user name. A new server address forgets the flavour
learnt at login.</source>
        <translation>--password-stdin заменяет пароль в хранилище паролей. Сохранённый пароль переносится
вместе с учётной записью на новый адрес сервера или имя пользователя. При смене адреса
сервера тип сервера, определённый при входе, забывается.</translation>
    </message>
    <message>
        <source>Remove an account and its password from the keychain.</source>
        <translation>Удалить учётную запись и её пароль из хранилища паролей.</translation>
    </message>
    <message>
        <source>The password stays when another account uses the same login on the same server.</source>
        <translation>Пароль остаётся, если другая учётная запись использует то же имя пользователя на том же сервере.</translation>
    </message>
    <message>
        <source>Log in and show what the server said about the account.</source>
        <translation>Войти и показать, что сервер сообщил об учётной записи.</translation>
    </message>
    <message>
        <source>Prints the full name, the server&apos;s message if it has one, the journals you may post to,
the number of moods and userpics, and the flavour of the server (Dreamwidth or
LiveJournal), which is saved with the account.</source>
        <translation>Выводит полное имя, сообщение сервера (если оно есть), журналы, в которых вы можете
публиковать записи, число настроений и юзерпиков, а также тип сервера (Dreamwidth или
LiveJournal), который сохраняется в учётной записи.</translation>
    </message>
    <message>
        <source>Run one protocol mode and print the server&apos;s decoded reply as JSON.</source>
        <translation>Выполнить один режим протокола и вывести декодированный ответ сервера в виде JSON.</translation>
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
        <translation>Запрос содержит указанные поля; имя пользователя, версия протокола и данные
аутентификации добавляются автоматически. Поля:
  key=value         строка (может быть пустой: key=)
  key:=JSON         значение JSON: 42, true, null, &quot;text&quot;, [1, 2], {&quot;a&quot;: 1}
  a.b=value         поле вложенной структуры (структуры создаются по мере надобности;
                    работает и с :=), например props.current_mood=happy
Каждое поле можно указать не более одного раза. Массивы записываются в JSON:
deletetrustgroups:=[3,4]. Ключи не могут содержать &apos;.&apos;; в структуре, заданной целиком
в JSON, ключи могут быть любыми.
Примеры:
  inkwell-cli call dw getchallenge
  inkwell-cli call dw getevents selecttype=one itemid:=42
  inkwell-cli call dw postevent event=&apos;Hello ✓&apos; subject=Hi year:=2025 mon:=2 day:=3 \
      hour:=4 min:=5 props.current_mood=happy props.opt_backdated:=1
Ошибки выводятся в стандартный поток ошибок одной строкой: ошибка протокола и текст
самого сервера.</translation>
    </message>
    <message>
        <source>Bring the local mirror of a journal up to date with the server.</source>
        <translation>Синхронизировать локальную копию журнала с сервером.</translation>
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
        <translation>Создаёт локальную копию собственного журнала учётной записи или, с --journal, сообщества,
которое она может читать. Первый запуск загружает всё; последующие — только изменения (новые,
изменённые и удалённые записи). Ход работы выводится в стандартный поток ошибок; в конце
в стандартный вывод выводится одна строка:
  added A updated U deleted D requests R seconds S
При аутентификации challenge (по умолчанию) на весь запуск открывается один короткий сеанс
(getchallenge, затем sessiongenerate); он завершается на сервере (sessionexpire) до выхода
из команды при любом исходе и никогда не сохраняется.
Сначала отправляются исходящие (публикации, правки и удаления, ожидающие отправки).
Неудачная или прерванная синхронизация (Ctrl-C) сохраняет всё, что уже загружено; запустите
её снова, чтобы продолжить с того же места. Код выхода 1, если синхронизация не завершилась.</translation>
    </message>
    <message>
        <source>Write the local mirror of a journal out, without going online.</source>
        <translation>Выгрузить локальную копию журнала в файлы, не подключаясь к сети.</translation>
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
        <translation>Форматы:
  jsonl   по одному объекту JSON на строку, в порядке itemid, с ключами itemid, eventtime,
          logtime, subject, event, security, allowmask, poster и props (имя свойства -&gt;
          значение); logtime пуст, если сервер его не сообщает (LiveJournal); в poster для
          записей владельца стоит имя самого журнала. В стандартный вывод или в --output FILE.
  ljxml   --output DIR: по одному файлу L-&lt;itemid&gt; на запись, как их пишет архиватор ljdump
          (элемент &lt;event&gt; с отдельным элементом для каждого поля getevents, свойства —
          внутри &lt;props&gt;).
  html    --output DIR: index.html (все записи, сначала новые, с датой и темой) и по одной
          странице &lt;itemid&gt;.html на запись с её HTML, метками, настроением, музыкой,
          местоположением и ссылкой на оригинал; элементы &lt;script&gt; удаляются, а страницы
          запрещают выполнение скриптов.
Файлы заменяются атомарно. Файлы записей, которых больше нет в локальной копии
(L-&lt;itemid&gt;, &lt;itemid&gt;.html), удаляются из папки.</translation>
    </message>
    <message>
        <source>Search the local mirror of a journal (subjects, bodies and tags), without going online.</source>
        <translation>Искать в локальной копии журнала (в темах, текстах и метках), не подключаясь к сети.</translation>
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
        <translation>QUERY содержит слова, каждое из которых должно встретиться (последнее может быть началом
слова), и &quot;фразы в кавычках&quot; (для оболочки их тоже нужно заключить в кавычки: &apos;&quot;rainy day&quot;&apos;).
Регистр и диакритические знаки не важны: cafe находит Café. Ничто в QUERY не считается
оператором. QUERY, начинающийся с &apos;-&apos;, указывается после &apos;--&apos;:
inkwell-cli search NAME -- -word. Результаты выводятся по одному на строку, сначала лучшие
совпадения:
  itemid  eventtime  subject  snippet
совпавшие слова во фрагменте (snippet) заключены в [скобки]; если ничего не найдено,
стандартный вывод остаётся пустым, а в стандартный поток ошибок выводится сообщение об этом.
Фильтры сужают результаты; --tag принимает метку целиком (как она показана в записи),
--year — год даты записи. Без QUERY фильтр выводит все подходящие записи, сначала новые:
inkwell-cli search NAME --tag travel.</translation>
    </message>
    <message>
        <source>Post an entry, now or as soon as the server can be reached.</source>
        <translation>Опубликовать запись сейчас или как только сервер станет доступен.</translation>
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
        <translation>Запись попадает в те же исходящие, что и в графическом интерфейсе, после всего, что уже
ждёт там отправки, и исходящие сразу отправляются. Выводит одну строку:
  posted ITEMID URL       сервер принял запись
  queued ID: REASON       запись ждёт в исходящих (нет сети, проблемы с сервером, нет пароля);
                          &apos;inkwell-cli sync NAME&apos; или графический интерфейс отправит её
                          позже, ровно один раз
В обоих случаях код выхода 0. Если сервер отклоняет запись (неверное свойство, нет доступа
к сообществу), код выхода 1 и выводится сообщение сервера; запись остаётся в исходящих как
отклонённая, её покажет команда &apos;outbox&apos;.
--body-file - читает текст из стандартного ввода, поэтому его нельзя сочетать с
--password-stdin (сначала сохраните пароль: account edit NAME --password-stdin).
Пример:
  inkwell-cli post dw --subject &apos;Hello ✓&apos; --body-file note.html --security friends \
      --prop current_mood=happy --prop taglist=&apos;garden, tea&apos;</translation>
    </message>
    <message>
        <source>Edit an entry of the local mirror, now or as soon as the server can be reached.</source>
        <translation>Изменить запись из локальной копии сейчас или как только сервер станет доступен.</translation>
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
        <translation>Берёт запись в том виде, в каком она есть в локальной копии (если её там нет, сначала
выполните &apos;sync&apos;), и меняет только то, что указано в параметрах; --prop K= удаляет свойство K.
Правка попадает в исходящие, как и в графическом интерфейсе, и исходящие сразу отправляются.
Выводит одну строку:
  edited ITEMID           сервер принял правку
  queued ID: REASON       правка ждёт в исходящих (нет сети, сбой сервера, нет пароля);
                          её отправит позже, ровно один раз, &apos;inkwell-cli sync NAME&apos;
                          или графический интерфейс
В обоих случаях код выхода 0. Правка отправляется, только если на сервере всё ещё та версия,
что и в локальной копии: если запись с тех пор изменили в другом месте (на сайте, в другом
клиенте), правка остаётся в исходящих как конфликт и команда завершается с кодом 1; её
покажет &apos;outbox&apos;. Отказ сервера тоже даёт код 1. Если предыдущая правка записи ещё ждёт
в исходящих, новая правка изменяет её. --body-file - нельзя сочетать с --password-stdin.
Пример:
  inkwell-cli edit dw 42 --subject &apos;Better title&apos; --prop current_mood= --security private</translation>
    </message>
    <message>
        <source>Delete an entry of the local mirror, now or as soon as the server can be reached.</source>
        <translation>Удалить запись, которая есть в локальной копии, — сейчас или как только сервер станет доступен.</translation>
    </message>
    <message>
        <source>The deletion goes into the outbox, like the GUI&apos;s, and the outbox is sent at once; the
entry must be in the local mirror (run &apos;sync&apos; first). Prints one line:
  deleted ITEMID          the server deleted it (or it was gone already)
  queued ID: REASON       it waits in the outbox; &apos;inkwell-cli sync NAME&apos; sends it later
Both exit 0; a refusal by the server exits 1.</source>
        <translation>Удаление попадает в исходящие, как и в графическом интерфейсе, и исходящие сразу
отправляются; запись должна быть в локальной копии (сначала выполните &apos;sync&apos;).
Выводит одну строку:
  deleted ITEMID          сервер удалил запись (или её там уже не было)
  queued ID: REASON       удаление ждёт в исходящих; его отправит позже &apos;inkwell-cli sync NAME&apos;
В обоих случаях код выхода 0; при отказе сервера — 1.</translation>
    </message>
    <message>
        <source>List what waits to be sent for an account, and why.</source>
        <translation>Показать, что ждёт отправки для учётной записи и почему.</translation>
    </message>
    <message>
        <source>One line per item, oldest first: ID, state (waiting, sending, unknown, conflict, failed),
what it is (post, edit, delete), the journal, the subject and the reason it waits.
&apos;unknown&apos; means the connection was lost after sending: the next send asks the server
whether it arrived before sending it again. Works offline.</source>
        <translation>По строке на элемент, сначала самые старые: ID, состояние (waiting, sending, unknown,
conflict, failed), что это (post, edit, delete), журнал, тема и причина ожидания.
&apos;unknown&apos; означает, что связь прервалась после отправки: при следующей отправке Inkwell
сначала спросит у сервера, дошёл ли элемент, и только потом отправит его снова.
Работает без сети.</translation>
    </message>
    <message>
        <source>Show how many entries the local mirror holds per day, as YYYY-MM-DD COUNT lines.</source>
        <translation>Показать, сколько записей за каждый день есть в локальной копии, строками вида YYYY-MM-DD COUNT.</translation>
    </message>
    <message>
        <source>Days are those of the entries&apos; own dates (eventtime), as the server&apos;s getdaycounts counts
them; days without entries are left out. Works offline.</source>
        <translation>Дни берутся по собственным датам записей (eventtime), так же как их считает getdaycounts
на сервере; дни без записей не выводятся. Работает без сети.</translation>
    </message>
    <message>
        <source>Start afresh from a damaged journal database, keeping accounts, drafts and the outbox.</source>
        <translation>Заменить повреждённую базу данных журнала новой, сохранив учётные записи, черновики и исходящие.</translation>
    </message>
    <message>
        <source>When SQLite finds the profile&apos;s journal database damaged, every other command stops and
says so. repair moves the damaged file aside (it is kept, never deleted: the new name is
printed) and makes a new database holding every account, draft, outbox item and queued
friends change that can still be read from it. The mirrors are not carried over: run
&apos;inkwell-cli sync NAME&apos; to fetch each journal from the server again (the outbox goes out
first). A sound database is left alone. Nothing else may use the profile meanwhile.</source>
        <translation>Если SQLite обнаруживает, что база данных журнала в профиле повреждена, все остальные
команды останавливаются и сообщают об этом. repair откладывает повреждённый файл в сторону
(он сохраняется и никогда не удаляется: его новое имя выводится на экран) и создаёт новую
базу данных со всеми учётными записями, черновиками, элементами исходящих и ждущими отправки
изменениями списка друзей, которые ещё удаётся из него прочитать. Локальные копии не
переносятся: выполните &apos;inkwell-cli sync NAME&apos;, чтобы заново загрузить каждый журнал
с сервера (сначала будут отправлены исходящие). Исправную базу данных команда не трогает.
Пока она работает, профилем не должно пользоваться ничто другое.</translation>
    </message>
    <message>
        <source>Show the help of one command, or of all.</source>
        <translation>Показать справку по одной команде или по всем.</translation>
    </message>
    <message>
        <source>Commands: %1.</source>
        <extracomment>%1 is the list of commands, which are typed as they are.</extracomment>
        <translation>Команды: %1.</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok, 1 server, network, keychain or profile error, 2 usage error.</source>
        <translation>Коды выхода: 0 — успех, 1 — ошибка сервера, сети, хранилища паролей или профиля, 2 — ошибка в командной строке.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <extracomment>%1 is the command line as it is typed, e.g. &quot;inkwell-cli [--profile DIR] login NAME&quot;.</extracomment>
        <translation>Использование: %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Параметры:</translation>
    </message>
    <message>
        <source>Inkwell&apos;s headless client: the same accounts, journal database and protocol client as the
GUI, without widgets.</source>
        <translation>Консольный клиент Inkwell: те же учётные записи, база данных журнала и клиент протокола,
что и в графическом интерфейсе, только без окон.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Команды:</translation>
    </message>
    <message>
        <source>NAME is the account&apos;s name in this profile. Passwords: commands that talk to the
server read it from the keychain, or from standard input with --password-stdin.
&apos;inkwell-cli help COMMAND&apos; (or COMMAND --help) tells more about one command.</source>
        <translation>NAME — имя учётной записи в этом профиле. Пароли: команды, которые обращаются к серверу,
берут пароль из хранилища паролей или из стандартного ввода с --password-stdin.
&apos;inkwell-cli help COMMAND&apos; (или COMMAND --help) подробнее расскажет об одной команде.</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;: an argument that starts with &apos;-&apos; goes after &apos;--&apos; (see inkwell-cli --help)</source>
        <translation>Неизвестный параметр &apos;%1&apos;: аргумент, который начинается с &apos;-&apos;, пишется после &apos;--&apos; (см. inkwell-cli --help)</translation>
    </message>
    <message>
        <source>%1 (see inkwell-cli --help)</source>
        <extracomment>%1 is Qt&apos;s own message about the command line, e.g. &quot;Unknown option &apos;x&apos;.&quot;.</extracomment>
        <translation>%1 (см. inkwell-cli --help)</translation>
    </message>
    <message>
        <source>no command given. %1</source>
        <extracomment>%1 is the sentence that lists the commands (&quot;Commands: info, ...&quot;).</extracomment>
        <translation>команда не указана. %1</translation>
    </message>
    <message>
        <source>&apos;account&apos; needs one of list, add, edit, remove.</source>
        <extracomment>The words in quotes and after &quot;one of&quot; are command names, typed as they are.</extracomment>
        <translation>после &apos;account&apos; нужна одна из команд: list, add, edit, remove.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;. %2</source>
        <extracomment>%2 is the sentence that lists the commands (&quot;Commands: info, ...&quot;).</extracomment>
        <translation>неизвестная команда &apos;%1&apos;. %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no option --%2 (usage: %3)</source>
        <extracomment>%1 is a command, %2 an option&apos;s name, %3 how the command is written.</extracomment>
        <translation>у &apos;%1&apos; нет параметра --%2 (использование: %3)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs %2 (usage: %3)</source>
        <extracomment>%1 is a command, %2 what it lacks: an argument (&quot;NAME&quot;) or an option with its value (&quot;--server URL&quot;), %3 how the command is written.</extracomment>
        <translation>для &apos;%1&apos; нужно указать %2 (использование: %3)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; for &apos;%2&apos; (usage: %3)</source>
        <extracomment>%1 is the argument given, %2 the command, %3 how the command is written.</extracomment>
        <translation>лишний аргумент &apos;%1&apos; для &apos;%2&apos; (использование: %3)</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::CliCommand</name>
    <message>
        <source>interrupted</source>
        <translation>прервано</translation>
    </message>
    <message>
        <source>There is no account named &apos;%1&apos; (&apos;inkwell-cli account list&apos; shows them).</source>
        <translation>Учётной записи с именем &apos;%1&apos; нет (список покажет &apos;inkwell-cli account list&apos;).</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::EditCommand</name>
    <message>
        <source>Nothing to change: give --subject, --body-file, --security, --prop, --date or --backdate.</source>
        <translation>Нечего менять: укажите --subject, --body-file, --security, --prop, --date или --backdate.</translation>
    </message>
    <message>
        <source>Entry %1 already says that: nothing to send.</source>
        <translation>В записи %1 уже всё именно так: отправлять нечего.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::EntryOptions</name>
    <message>
        <source>The entry is empty: give a subject or some text.</source>
        <translation>Запись пуста: укажите тему или текст.</translation>
    </message>
    <message>
        <source>the date</source>
        <extracomment>Goes into &quot;... it cannot carry %2.&quot; with other such things.</extracomment>
        <translation>дату</translation>
    </message>
    <message>
        <source>The account &apos;%1&apos; uses the Blogger API, which carries only the subject, the text, the mood and the music; it cannot carry %2.</source>
        <extracomment>%1 is the account&apos;s name, %2 a list of what the entry holds besides that (&quot;the date, tags, the security&quot;).</extracomment>
        <translation>Учётная запись &apos;%1&apos; использует Blogger API, который передаёт только тему, текст, настроение и музыку; передать %2 он не может.</translation>
    </message>
    <message>
        <source>--body-file - and --password-stdin both want standard input: store the password with &apos;inkwell-cli account edit %1 --password-stdin&apos;, or give the text in a file.</source>
        <translation>И --body-file -, и --password-stdin читают стандартный ввод: сохраните пароль командой &apos;inkwell-cli account edit %1 --password-stdin&apos; или передайте текст в файле.</translation>
    </message>
    <message>
        <source>Cannot read &apos;%1&apos;: %2</source>
        <translation>Не удаётся прочитать &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>--prop takes NAME=VALUE, not &apos;%1&apos;.</source>
        <translation>--prop принимает NAME=VALUE, а не &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--date takes YYYY-MM-DD HH:MM, not &apos;%1&apos;.</source>
        <translation>--date принимает YYYY-MM-DD HH:MM, а не &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--security is public, private, friends or groups:G1,G2, not &apos;%1&apos;.</source>
        <translation>--security принимает public, private, friends или groups:G1,G2, а не &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>No friend group &apos;%1&apos; is known for &apos;%2&apos;.</source>
        <translation>Для учётной записи &apos;%2&apos; неизвестна группа друзей &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>No friend group &apos;%1&apos; is known for &apos;%2&apos; (log in once to fetch the groups).</source>
        <translation>Для учётной записи &apos;%2&apos; неизвестна группа друзей &apos;%1&apos; (войдите хотя бы раз, чтобы получить список групп).</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::ExportCommand</name>
    <message>
        <source>Unknown export format &apos;%1&apos;: use jsonl, ljxml or html.</source>
        <translation>Неизвестный формат экспорта &apos;%1&apos;: используйте jsonl, ljxml или html.</translation>
    </message>
    <message>
        <source>--format %1 writes many files: name a folder with --output DIR.</source>
        <translation>--format %1 создаёт много файлов: укажите папку с помощью --output DIR.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries of %1 written to %2</source>
        <extracomment>%1 is the journal, %2 the file or folder written.</extracomment>
        <translation>
            <numerusform>%n запись журнала %1 сохранена в %2</numerusform>
            <numerusform>%n записи журнала %1 сохранены в %2</numerusform>
            <numerusform>%n записей журнала %1 сохранено в %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The local journal could not be read: %1</source>
        <translation>Не удалось прочитать локальную копию журнала: %1</translation>
    </message>
    <message>
        <source>Standard output could not be written.</source>
        <translation>Не удалось записать в стандартный вывод.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>%1 was left as it was.</source>
        <extracomment>Follows &quot;The journal database ... is damaged ...:&quot;; %1 is the file that was not replaced.</extracomment>
        <translation>файл %1 оставлен без изменений.</translation>
    </message>
    <message>
        <source>%1 is a file; --output needs a folder for this format.</source>
        <translation>%1 — это файл; для этого формата в --output нужно указать папку.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Не удаётся создать папку %1.</translation>
    </message>
    <message>
        <source>The journal database %1 is damaged (SQLite&apos;s check says: %2): %3 %4</source>
        <extracomment>%1 is the database file, %2 SQLite&apos;s words, %3 what was left as it was, %4 the sentence that tells how to repair the database.</extracomment>
        <translation>База данных журнала %1 повреждена (проверка SQLite сообщает: %2): %3 %4</translation>
    </message>
    <message>
        <source>no file of the previous export in %1 was removed.</source>
        <extracomment>Follows &quot;The journal database ... is damaged ...:&quot;; %1 is the export&apos;s folder.</extracomment>
        <translation>ни один файл предыдущего экспорта в папке %1 не удалён.</translation>
    </message>
    <message>
        <source>the index and the pages no longer mirrored in %1 were left as they were.</source>
        <extracomment>Follows &quot;The journal database ... is damaged ...:&quot;; %1 is the export&apos;s folder.</extracomment>
        <translation>оглавление и страницы записей, которых больше нет в локальной копии, в папке %1 оставлены без изменений.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::MirrorCommand</name>
    <message>
        <source>The journal &apos;%1&apos; of account &apos;%2&apos; is not mirrored yet: run &apos;inkwell-cli sync %2%3&apos; first.</source>
        <extracomment>%1 is the journal, %2 the account; %3 is empty or &quot; --journal JOURNAL&quot;, as typed.</extracomment>
        <translation>Локальной копии журнала &apos;%1&apos; учётной записи &apos;%2&apos; ещё нет: сначала выполните &apos;inkwell-cli sync %2%3&apos;.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::MirrorQueryCommands</name>
    <message>
        <source>--year needs a year such as 2024, not &apos;%1&apos;.</source>
        <translation>--year принимает год, например 2024, а не &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--security is public, private or usemask, not &apos;%1&apos;.</source>
        <translation>--security принимает public, private или usemask, а не &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--limit needs a number of at least 1, not &apos;%1&apos;.</source>
        <translation>--limit принимает число не меньше 1, а не &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>search needs words to look for, or a filter (--tag, --year, --security).</source>
        <translation>для search нужны слова для поиска или фильтр (--tag, --year, --security).</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Ошибка поиска: %1</translation>
    </message>
    <message>
        <source>No entries pass the filters.</source>
        <translation>Нет записей, подходящих под фильтры.</translation>
    </message>
    <message>
        <source>No entries match &quot;%1&quot;.</source>
        <translation>Нет записей, соответствующих &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::OutboxCommand</name>
    <message>
        <source>The outbox of &apos;%1&apos; is empty.</source>
        <translation>В исходящих &apos;%1&apos; ничего нет.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::OutboxItemCommand</name>
    <message>
        <source>--journal needs a journal&apos;s name.</source>
        <translation>для --journal нужно указать имя журнала.</translation>
    </message>
    <message>
        <source>ITEMID is the entry&apos;s number (as export and search show it), not &apos;%1&apos;.</source>
        <translation>ITEMID — это номер записи (как его показывают export и search), а не &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Entry %1 of &apos;%2&apos; is not in the local mirror: run &apos;inkwell-cli sync %3%4&apos; first (edit and delete start from the entry as the mirror has it).</source>
        <extracomment>%1 is the entry&apos;s number, %2 the journal, %3 the account; %4 is empty or &quot; --journal JOURNAL&quot;, as typed.</extracomment>
        <translation>Записи %1 журнала &apos;%2&apos; нет в локальной копии: сначала выполните &apos;inkwell-cli sync %3%4&apos; (edit и delete исходят из записи в том виде, в каком она есть в локальной копии).</translation>
    </message>
    <message>
        <source>Could not change outbox item %1: %2</source>
        <translation>Не удалось изменить элемент исходящих %1: %2</translation>
    </message>
    <message>
        <source>Not sent: entry %1 was changed on the server (on the web or by another client) since the version in the local mirror, which the edit started from. The edit stays in the outbox as a conflict (id %2; &apos;inkwell-cli outbox %3&apos; shows it): the GUI&apos;s Outbox lets you keep either version, or run &apos;inkwell-cli sync %3&apos; and edit the server&apos;s version.</source>
        <translation>Не отправлено: запись %1 изменили на сервере (на сайте или в другом клиенте) после версии из локальной копии, с которой начиналась правка. Правка остаётся в исходящих как конфликт (id %2; её покажет &apos;inkwell-cli outbox %3&apos;): в окне «Исходящие» графического интерфейса можно оставить любую из версий; или выполните &apos;inkwell-cli sync %3&apos; и отредактируйте версию с сервера.</translation>
    </message>
    <message>
        <source>Not sent: %1 It waits in the outbox (id %2) and goes out with the next &apos;inkwell-cli sync %3&apos; once the login works.</source>
        <extracomment>%1 is why the server refused the login (a sentence), %2 the outbox item&apos;s number, %3 the account.</extracomment>
        <translation>Не отправлено: %1 Элемент ждёт в исходящих (id %2) и уйдёт при следующем &apos;inkwell-cli sync %3&apos;, как только вход удастся.</translation>
    </message>
    <message>
        <source>Could not put the edit of entry %1 in the outbox: %2</source>
        <extracomment>%1 is the entry&apos;s number, %2 the database&apos;s error.</extracomment>
        <translation>Не удалось поместить правку записи %1 в исходящие: %2</translation>
    </message>
    <message>
        <source>Could not put the deletion of entry %1 in the outbox: %2</source>
        <extracomment>%1 is the entry&apos;s number, %2 the database&apos;s error.</extracomment>
        <translation>Не удалось поместить удаление записи %1 в исходящие: %2</translation>
    </message>
    <message>
        <source>Could not put the entry in the outbox: %1</source>
        <extracomment>%1 is the database&apos;s error.</extracomment>
        <translation>Не удалось поместить запись в исходящие: %1</translation>
    </message>
    <message>
        <source>The server refused the edit of entry %1: %2 (it stays in the outbox as refused; &apos;inkwell-cli outbox %3&apos; shows it).</source>
        <extracomment>%1 is the entry&apos;s number, %2 the server&apos;s reason, %3 the account.</extracomment>
        <translation>Сервер отклонил правку записи %1: %2 (она остаётся в исходящих как отклонённая; её покажет &apos;inkwell-cli outbox %3&apos;).</translation>
    </message>
    <message>
        <source>The server refused the deletion of entry %1: %2 (it stays in the outbox as refused; &apos;inkwell-cli outbox %3&apos; shows it).</source>
        <extracomment>%1 is the entry&apos;s number, %2 the server&apos;s reason, %3 the account.</extracomment>
        <translation>Сервер отклонил удаление записи %1: %2 (оно остаётся в исходящих как отклонённое; его покажет &apos;inkwell-cli outbox %3&apos;).</translation>
    </message>
    <message>
        <source>The server refused the entry: %1 (it stays in the outbox as refused; &apos;inkwell-cli outbox %2&apos; shows it).</source>
        <extracomment>%1 is the server&apos;s reason, %2 the account.</extracomment>
        <translation>Сервер отклонил запись: %1 (она остаётся в исходящих как отклонённая; её покажет &apos;inkwell-cli outbox %2&apos;).</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::PasswordSource</name>
    <message>
        <source>Password (on Dreamwidth: API key): </source>
        <translation>Пароль (для Dreamwidth — API-ключ): </translation>
    </message>
    <message>
        <source>--password-stdin was given, but standard input held no password.</source>
        <translation>Указан --password-stdin, но в стандартном вводе нет пароля.</translation>
    </message>
    <message>
        <source>No password for account &apos;%1&apos;: none is stored in the keychain. Give it with --password-stdin, or store it with &apos;inkwell-cli account edit %1 --password-stdin&apos;.</source>
        <translation>Нет пароля для учётной записи &apos;%1&apos;: в хранилище паролей его нет. Передайте его через --password-stdin или сохраните командой &apos;inkwell-cli account edit %1 --password-stdin&apos;.</translation>
    </message>
    <message>
        <source>No password for account &apos;%1&apos;: none was given with --password-stdin, and no keychain is available to ask.</source>
        <translation>Нет пароля для учётной записи &apos;%1&apos;: он не передан через --password-stdin, а хранилища паролей, где его можно было бы взять, нет.</translation>
    </message>
    <message>
        <source>Could not read the password of account &apos;%1&apos; from the keychain: %2</source>
        <translation>Не удалось прочитать пароль учётной записи &apos;%1&apos; из хранилища паролей: %2</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::ProtocolCommands</name>
    <message>
        <source>unknown</source>
        <extracomment>The flavour of a server that is neither Dreamwidth nor LiveJournal, as far as Inkwell can tell.</extracomment>
        <translation>неизвестен</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <extracomment>%1 is the protocol mode that was asked for (e.g. getevents), %2 why it failed.</extracomment>
        <translation>Запрос %1 не выполнен: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a mode; write: inkwell-cli call NAME MODE [FIELD...]</source>
        <translation>&apos;%1&apos; — не режим протокола; формат: inkwell-cli call NAME MODE [FIELD...]</translation>
    </message>
    <message>
        <source>Logged in to %1 as %2 (account &apos;%3&apos;).</source>
        <extracomment>%1 is the server&apos;s address, %2 the user name, %3 the account&apos;s name.</extracomment>
        <translation>Выполнен вход на %1 как %2 (учётная запись &apos;%3&apos;).</translation>
    </message>
    <message>
        <source>Full name:    %1</source>
        <extracomment>This line and the five after it are a table: spaces after each label make the values start in one column (the 15th here), after the longest label.</extracomment>
        <translation>Полное имя:           %1</translation>
    </message>
    <message>
        <source>Message:      %1</source>
        <extracomment>The server&apos;s message to the user.</extracomment>
        <translation>Сообщение:            %1</translation>
    </message>
    <message>
        <source>May post to:  %1</source>
        <extracomment>%1 lists the journals.</extracomment>
        <translation>Можно публиковать в:  %1</translation>
    </message>
    <message>
        <source>Moods:        %1</source>
        <extracomment>%1 is how many moods the server knows.</extracomment>
        <translation>Настроения:           %1</translation>
    </message>
    <message numerus="yes">
        <source>Userpics:     %1 (%n keywords)</source>
        <extracomment>%1 is how many pictures there are, %n how many keywords name them.</extracomment>
        <translation>
            <numerusform>Юзерпики:             %1 (%n ключевое слово)</numerusform>
            <numerusform>Юзерпики:             %1 (%n ключевых слова)</numerusform>
            <numerusform>Юзерпики:             %1 (%n ключевых слов)</numerusform>
        </translation>
    </message>
    <message>
        <source>Flavour:      %1</source>
        <extracomment>%1 is Dreamwidth, LiveJournal or unknown.</extracomment>
        <translation>Тип сервера:          %1</translation>
    </message>
    <message>
        <source>The server&apos;s flavour could not be saved with the account: %1</source>
        <translation>Не удалось сохранить тип сервера в учётной записи: %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::RepairCommand</name>
    <message>
        <source>There is no journal database at %1: nothing to repair.</source>
        <translation>По пути %1 нет базы данных журнала: восстанавливать нечего.</translation>
    </message>
    <message>
        <source>The journal database %1 is sound: nothing to repair.</source>
        <translation>База данных журнала %1 в порядке: восстанавливать нечего.</translation>
    </message>
    <message>
        <source>The damaged journal database is kept at %1.
A new one starts with what could be read from it: accounts %2, drafts %3, outbox items %4, queued friends changes %5.</source>
        <extracomment>Two lines. %1 is the file the damaged database was moved to; %2 to %5 are how many accounts, drafts, outbox items and queued friends changes the new database holds.</extracomment>
        <translation>Повреждённая база данных журнала сохранена как %1.
Новая начата с того, что удалось из неё прочитать: учётные записи — %2, черновики — %3, элементы исходящих — %4, ждущие отправки изменения списка друзей — %5.</translation>
    </message>
    <message>
        <source>Some of these could not be read to the end: what was lost is only in the kept file.</source>
        <translation>Часть данных не удалось прочитать до конца: утраченное осталось только в сохранённом файле.</translation>
    </message>
    <message>
        <source>Run &apos;inkwell-cli sync NAME&apos; for each account to mirror its journals again (the outbox goes out first).</source>
        <translation>Выполните &apos;inkwell-cli sync NAME&apos; для каждой учётной записи, чтобы заново создать локальные копии её журналов (сначала будут отправлены исходящие).</translation>
    </message>
    <message>
        <source>Run &apos;inkwell-cli %1repair&apos; to move it aside (it is kept) and start a new one with your accounts, drafts and outbox; &apos;sync&apos; then fetches your journals again.</source>
        <extracomment>%1 is empty or &quot;--profile &apos;FOLDER&apos; &quot;, as typed.</extracomment>
        <translation>Выполните &apos;inkwell-cli %1repair&apos;, чтобы отложить её в сторону (она сохранится) и начать новую с вашими учётными записями, черновиками и исходящими; затем &apos;sync&apos; заново загрузит ваши журналы.</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::RequestArguments</name>
    <message>
        <source>one JSON value expected</source>
        <translation>ожидается одно значение JSON</translation>
    </message>
    <message>
        <source>&apos;%1&apos; sets &apos;%2&apos; again</source>
        <extracomment>%1 is a field as typed (props.mood=happy), %2 the key it sets again.</extracomment>
        <translation>&apos;%1&apos; повторно задаёт &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; puts a member into &apos;%2&apos;, which is not a struct</source>
        <extracomment>%1 is a field as typed (props.mood=happy), %2 a key; &quot;struct&quot; is the protocol&apos;s word.</extracomment>
        <translation>&apos;%1&apos; добавляет элемент в &apos;%2&apos;, а это не struct</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a field: write key=value or key:=JSON</source>
        <translation>&apos;%1&apos; — не поле: пишите key=value или key:=JSON</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty key</source>
        <translation>в &apos;%1&apos; пустой ключ</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not valid JSON after &apos;:=&apos; (%2); for text write %3=...</source>
        <extracomment>%1 is the field as typed, %2 what is wrong with its JSON, %3 its key.</extracomment>
        <translation>в &apos;%1&apos; после &apos;:=&apos; недопустимый JSON (%2); для текста пишите %3=...</translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::SyncCommand</name>
    <message>
        <source>listing changes</source>
        <translation>получение списка изменений</translation>
    </message>
    <message numerus="yes">
        <source>listing changes %1/%n entries</source>
        <extracomment>Progress: %1 entries of %n listed so far.</extracomment>
        <translation>
            <numerusform>получение списка изменений: %1 из %n записи</numerusform>
            <numerusform>получение списка изменений: %1 из %n записей</numerusform>
            <numerusform>получение списка изменений: %1 из %n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>fetching %1/%n entries</source>
        <extracomment>Progress: %1 entries of %n fetched so far.</extracomment>
        <translation>
            <numerusform>загрузка: %1 из %n записи</numerusform>
            <numerusform>загрузка: %1 из %n записей</numerusform>
            <numerusform>загрузка: %1 из %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>checking for deleted entries</source>
        <translation>проверка удалённых записей</translation>
    </message>
    <message>
        <source>--journal needs a journal&apos;s name.</source>
        <translation>для --journal нужно указать имя журнала.</translation>
    </message>
    <message>
        <source>outbox sent %1, %2 waiting (%3), %4 refused, %5 in conflict (&apos;inkwell-cli outbox %6&apos; shows them)</source>
        <extracomment>%1 items sent, %2 waiting because of %3 (the reason), %4 refused, %5 in conflict; %6 is the account.</extracomment>
        <translation>исходящие: отправлено %1, ждут %2 (%3), отклонено %4, в конфликте %5 (их покажет &apos;inkwell-cli outbox %6&apos;)</translation>
    </message>
    <message>
        <source>outbox sent %1, %2 waiting (%3)</source>
        <extracomment>%1 items sent, %2 waiting because of %3 (the reason).</extracomment>
        <translation>исходящие: отправлено %1, ждут %2 (%3)</translation>
    </message>
    <message>
        <source>outbox sent %1, %2 refused, %3 in conflict (&apos;inkwell-cli outbox %4&apos; shows them)</source>
        <extracomment>%1 items sent, %2 refused, %3 in conflict; %4 is the account.</extracomment>
        <translation>исходящие: отправлено %1, отклонено %2, в конфликте %3 (их покажет &apos;inkwell-cli outbox %4&apos;)</translation>
    </message>
    <message>
        <source>outbox sent %1</source>
        <extracomment>%1 items sent.</extracomment>
        <translation>исходящие: отправлено %1</translation>
    </message>
    <message>
        <source>cancelled; run sync again to continue</source>
        <translation>прервано; чтобы продолжить, снова запустите sync</translation>
    </message>
    <message numerus="yes">
        <source>%n of your queued changes did not go: refused by the server or in conflict with a change made elsewhere. &apos;inkwell-cli outbox %1&apos; shows them and why.</source>
        <extracomment>%1 is the account.</extracomment>
        <translation>
            <numerusform>%n ваше изменение из исходящих не отправлено: его отклонил сервер или оно конфликтует с изменением, сделанным в другом месте. Какие и почему, покажет &apos;inkwell-cli outbox %1&apos;.</numerusform>
            <numerusform>%n ваших изменения из исходящих не отправлены: их отклонил сервер или они конфликтуют с изменениями, сделанными в другом месте. Какие и почему, покажет &apos;inkwell-cli outbox %1&apos;.</numerusform>
            <numerusform>%n ваших изменений из исходящих не отправлено: их отклонил сервер или они конфликтуют с изменениями, сделанными в другом месте. Какие и почему, покажет &apos;inkwell-cli outbox %1&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <source>What was fetched is kept (%1); run sync again to continue.</source>
        <translation>Загруженное сохранено (%1); чтобы продолжить, снова запустите sync.</translation>
    </message>
</context>
<context>
    <name>Inkwell::ConflictDialog</name>
    <message>
        <source>Entry changed in two places</source>
        <translation>Запись изменена в двух местах</translation>
    </message>
    <message>
        <source>This entry was edited here while offline and also changed on the server. Choose the version to keep.</source>
        <translation>Эту запись изменили здесь без сети, а также на сервере. Выберите, какую версию оставить.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Оставить мою</translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation>Оставить с сервера</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Решить позже</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mine&lt;/b&gt; (edited here)</source>
        <translation>&lt;b&gt;Моя версия&lt;/b&gt; (изменена здесь)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The server&apos;s&lt;/b&gt; (now)</source>
        <translation>&lt;b&gt;Версия с сервера&lt;/b&gt; (сейчас)</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Тема: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Дата: %1</translation>
    </message>
    <message>
        <source>Security: %1</source>
        <translation>Доступ: %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::DemoServer</name>
    <message>
        <source>The demo needs Python 3 (python3), which could not be started: %1</source>
        <translation>Для демо-журнала нужен Python 3 (python3), но его не удалось запустить: %1</translation>
    </message>
    <message>
        <source>The demo journal&apos;s server stopped at once (exit %1): %2</source>
        <translation>Сервер демо-журнала сразу остановился (код выхода %1): %2</translation>
    </message>
    <message>
        <source>The demo journal&apos;s server is not installed (ljserver.py).</source>
        <translation>Сервер демо-журнала не установлен (ljserver.py).</translation>
    </message>
</context>
<context>
    <name>Inkwell::DraftAutosaver</name>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Не удалось сохранить черновик: %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::DraftsView</name>
    <message>
        <source>Drafts</source>
        <translation>Черновики</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Новая запись</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>Правка: %1</translation>
    </message>
    <message>
        <source>no account</source>
        <translation>без учётной записи</translation>
    </message>
    <message>
        <source>No drafts. Everything you write is kept here until it is posted.</source>
        <translation>Черновиков нет. Всё, что вы пишете, хранится здесь до публикации.</translation>
    </message>
</context>
<context>
    <name>Inkwell::EditorWindow</name>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Опубликовать</translation>
    </message>
    <message>
        <source>Post (Ctrl+Enter). Without a connection it waits in the outbox.</source>
        <translation>Опубликовать (Ctrl+Enter). Без подключения запись подождёт в исходящих.</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Сохранить черновик</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Удалить черновик</translation>
    </message>
    <message>
        <source>Account </source>
        <translation>Учётная запись </translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Черновик сохранён в %1</translation>
    </message>
    <message>
        <source> Your text is still here; Inkwell keeps trying.</source>
        <translation> Ваш текст на месте; Inkwell продолжает попытки.</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>Правка записи</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Новая запись</translation>
    </message>
    <message>
        <source>Add an account first (Accounts menu); the draft is kept.</source>
        <translation>Сначала добавьте учётную запись (Файл → Учётные записи…); черновик сохранён.</translation>
    </message>
    <message>
        <source>Write something before posting.</source>
        <translation>Напишите что-нибудь перед публикацией.</translation>
    </message>
    <message>
        <source>Tick at least one group to show this entry to, or choose Private.</source>
        <translation>Отметьте хотя бы одну группу, которой будет видна запись, или выберите «Только для себя».</translation>
    </message>
    <message>
        <source>This account uses the Blogger API, which cannot carry %1.</source>
        <translation>Эта учётная запись использует Blogger API, который не может передать %1.</translation>
    </message>
    <message>
        <source>Clear them from the entry and post the rest?</source>
        <translation>Убрать это из записи и опубликовать остальное?</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
    <message>
        <source>Could not queue the entry: %1. The draft is kept.</source>
        <translation>Не удалось поставить запись в очередь: %1. Черновик сохранён.</translation>
    </message>
    <message>
        <source>Throw away this draft? This cannot be undone.</source>
        <translation>Удалить этот черновик? Это действие нельзя отменить.</translation>
    </message>
</context>
<context>
    <name>Inkwell::EmptyJournalPage</name>
    <message>
        <source>Your journal is empty</source>
        <translation>Ваш журнал пуст</translation>
    </message>
    <message>
        <source>Entries you write or sync from your journal appear here.
Inkwell keeps everything on this computer and works without a network.</source>
        <translation>Здесь появятся записи, которые вы напишете или синхронизируете из своего журнала.
Inkwell хранит всё на этом компьютере и работает без сети.</translation>
    </message>
    <message>
        <source>Add an Account…</source>
        <translation>Добавить учётную запись…</translation>
    </message>
    <message>
        <source>Write an Entry</source>
        <translation>Написать запись</translation>
    </message>
    <message>
        <source>Try the Demo Journal</source>
        <translation>Попробовать демо-журнал</translation>
    </message>
    <message>
        <source>Opens a second window on a sample journal served from this computer: browse, search, write and post there without an account. Your own journal is not touched.</source>
        <translation>Открывает второе окно с примером журнала, который работает на этом компьютере: просматривайте, ищите, пишите и публикуйте записи без учётной записи. Ваш собственный журнал при этом не затрагивается.</translation>
    </message>
    <message>
        <source>Add your account: Inkwell mirrors your journal here by itself, and keeps it current. Or from a terminal:</source>
        <translation>Добавьте свою учётную запись: Inkwell сам создаст здесь локальную копию вашего журнала и будет поддерживать её в актуальном состоянии. Или из терминала:</translation>
    </message>
</context>
<context>
    <name>Inkwell::EntryBrowser</name>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
</context>
<context>
    <name>Inkwell::EntryForm</name>
    <message>
        <source>Your journal, or a community you may post to</source>
        <translation>Ваш журнал или сообщество, в котором вы можете публиковать записи</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Текст записи</translation>
    </message>
    <message>
        <source>Write here. HTML is welcome.</source>
        <translation>Пишите здесь. Можно использовать HTML.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Post to</source>
        <translation>Опубликовать в</translation>
    </message>
    <message>
        <source>This account uses the Blogger API: only the subject, the text, the mood and the music are sent. The blog&apos;s own settings decide the rest.</source>
        <translation>Эта учётная запись использует Blogger API: отправляются только тема, текст, настроение и музыка. Остальное определяют настройки самого блога.</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Для всех</translation>
    </message>
    <message>
        <source>Friends (access list)</source>
        <translation>Только для друзей (список доступа)</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Только для себя</translation>
    </message>
    <message>
        <source>Custom groups</source>
        <translation>Выбранные группы</translation>
    </message>
    <message>
        <source>Groups that may read the entry</source>
        <translation>Группы, которым видна запись</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <source>Use the time of posting</source>
        <translation>Использовать время публикации</translation>
    </message>
    <message>
        <source>Date and time of the entry</source>
        <translation>Дата и время записи</translation>
    </message>
    <message>
        <source>Backdate (keep off friends pages)</source>
        <translation>Задним числом (не показывать в лентах друзей)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>comma, separated</source>
        <translation>через запятую</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Настроение</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Музыка</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Местоположение</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Userpic</source>
        <translation>Юзерпик</translation>
    </message>
    <message>
        <source>Comments allowed</source>
        <translation>Комментарии разрешены</translation>
    </message>
    <message>
        <source>Comments disabled</source>
        <translation>Комментарии отключены</translation>
    </message>
    <message>
        <source>Journal default</source>
        <translation>Как в настройках журнала</translation>
    </message>
    <message>
        <source>Screen all comments</source>
        <translation>Скрывать все комментарии</translation>
    </message>
    <message>
        <source>Screen anonymous comments</source>
        <translation>Скрывать анонимные комментарии</translation>
    </message>
    <message>
        <source>Screen non-friends&apos; comments</source>
        <translation>Скрывать комментарии не от друзей</translation>
    </message>
    <message>
        <source>Screen no comments</source>
        <translation>Не скрывать комментарии</translation>
    </message>
    <message>
        <source>Don&apos;t email me comments</source>
        <translation>Не присылать мне комментарии по почте</translation>
    </message>
    <message>
        <source>Raw HTML (no automatic line breaks)</source>
        <translation>Чистый HTML (без автоматических переносов строк)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Комментарии</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Скрытие</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Не проверять</translation>
    </message>
    <message>
        <source>Spell checking as you type</source>
        <translation>Проверка орфографии при вводе</translation>
    </message>
    <message>
        <source>No dictionaries are installed (Debian: hunspell-en-us, hunspell-de-de, ...)</source>
        <translation>Словари не установлены (Debian: hunspell-ru, hunspell-en-us, hunspell-de-de, ...)</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Орфография</translation>
    </message>
    <message>
        <source>(no suggestions)</source>
        <translation>(нет вариантов)</translation>
    </message>
    <message>
        <source>Ignore &quot;%1&quot;</source>
        <translation>Пропустить &quot;%1&quot;</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(по умолчанию)</translation>
    </message>
    <message>
        <source>The Blogger API cannot carry this.</source>
        <translation>Blogger API не может это передать.</translation>
    </message>
    <message>
        <source>The blog dates the post when it arrives.</source>
        <translation>Дату записи блог ставит сам, когда получает её.</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Группа %1</translation>
    </message>
    <message>
        <source>No groups known yet: they come with the next sync, or make some in the Friends window.</source>
        <translation>Групп пока нет: они появятся после следующей синхронизации, или создайте их в окне «Друзья».</translation>
    </message>
</context>
<context>
    <name>Inkwell::EntryView</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Изменить</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Загрузить</translation>
    </message>
    <message>
        <source>Load the images and styles of this entry from the sites that host them</source>
        <translation>Загрузить изображения и стили этой записи с сайтов, на которых они размещены</translation>
    </message>
    <message>
        <source>Select an entry to read it.</source>
        <translation>Выберите запись, чтобы прочитать её.</translation>
    </message>
    <message>
        <source>This entry is no longer in the local journal.</source>
        <translation>Этой записи больше нет в локальной копии журнала.</translation>
    </message>
    <message>
        <source>Remote content blocked: images or styles from other sites (%1) were not loaded, so no one learns that you read this entry.</source>
        <translation>Внешнее содержимое заблокировано: изображения и стили с других сайтов (%1) не загружены, чтобы никто не узнал, что вы читаете эту запись.</translation>
    </message>
    <message>
        <source>Edit this entry</source>
        <translation>Изменить эту запись</translation>
    </message>
    <message>
        <source>Delete this entry from the journal</source>
        <translation>Удалить эту запись из журнала</translation>
    </message>
    <message>
        <source>Not available yet: editing and deleting come with the entry editor.</source>
        <translation>Пока недоступно: правка и удаление появятся вместе с редактором записей.</translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendDialog</name>
    <message>
        <source>Give access to locked entries</source>
        <translation>Открыть доступ к подзамочным записям</translation>
    </message>
    <message>
        <source>Read their journal</source>
        <translation>Читать этот журнал</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Изменить %1</translation>
    </message>
    <message>
        <source>Add friend</source>
        <translation>Добавить друга</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <source>Text colour:</source>
        <translation>Цвет текста:</translation>
    </message>
    <message>
        <source>Background:</source>
        <translation>Фон:</translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendsModel</name>
    <message>
        <source>access both ways</source>
        <translation>взаимный доступ</translation>
    </message>
    <message>
        <source>you give access</source>
        <translation>вы даёте доступ</translation>
    </message>
    <message>
        <source>gives you access</source>
        <translation>даёт вам доступ</translation>
    </message>
    <message>
        <source>read each other</source>
        <translation>читаете друг друга</translation>
    </message>
    <message>
        <source>you read them</source>
        <translation>вы читаете</translation>
    </message>
    <message>
        <source>reads you</source>
        <translation>читает вас</translation>
    </message>
    <message>
        <source>Mutual</source>
        <translation>Взаимно</translation>
    </message>
    <message>
        <source>You list them</source>
        <translation>Вы добавили в друзья</translation>
    </message>
    <message>
        <source>Lists you</source>
        <translation>Добавил(а) вас в друзья</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Сообщество</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Лента</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Ожидает отправки</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Отношение</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendsService</name>
    <message>
        <source>the friends list will be updated</source>
        <translation>список друзей обновится</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>У группы должно быть название.</translation>
    </message>
    <message>
        <source>Every group slot is in use (%1 at most).</source>
        <translation>Все места для групп заняты (не более %1).</translation>
    </message>
    <message>
        <source>There is no such group.</source>
        <translation>Такой группы нет.</translation>
    </message>
    <message>
        <source>Only people you have given access can be in groups.</source>
        <translation>В группах могут быть только те, кому вы дали доступ.</translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendsSync</name>
    <message>
        <source>The friends list could not be saved: %1</source>
        <translation>Не удалось сохранить список друзей: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n changes.</source>
        <translation>
            <numerusform>Сервер отклонил %n изменение.</numerusform>
            <numerusform>Сервер отклонил %n изменения.</numerusform>
            <numerusform>Сервер отклонил %n изменений.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendsView</name>
    <message>
        <source>Filter friends</source>
        <translation>Фильтр друзей</translation>
    </message>
    <message>
        <source>Filter by name, group or relation</source>
        <translation>Фильтр по имени, группе или отношению</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Учётная запись:</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Друзья</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <source>Drag friends here to put them in a group.</source>
        <translation>Перетащите сюда друзей, чтобы добавить их в группу.</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Public (others can see this group)</source>
        <translation>Публичная (другие видят эту группу)</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Участие в группах</translation>
    </message>
    <message>
        <source>Groups of the selected friend</source>
        <translation>Группы выбранного друга</translation>
    </message>
    <message>
        <source>Your accounts use the Blogger API, which has no friends or groups.</source>
        <translation>Ваши учётные записи используют Blogger API, в котором нет друзей и групп.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Обновление…</translation>
    </message>
    <message>
        <source> (public)</source>
        <translation> (публичная)</translation>
    </message>
    <message>
        <source> — waiting to be sent</source>
        <translation> — ожидает отправки</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Группа %1</translation>
    </message>
    <message>
        <source>Select a friend to choose their groups.</source>
        <translation>Выберите друга, чтобы указать его группы.</translation>
    </message>
    <message>
        <source>Give %1 access to put them in groups.</source>
        <translation>Чтобы добавить %1 в группы, откройте этому пользователю доступ.</translation>
    </message>
    <message>
        <source>Add %1 as a friend to put them in groups.</source>
        <translation>Чтобы добавить %1 в группы, сначала добавьте этого пользователя в друзья.</translation>
    </message>
    <message>
        <source>Groups of %1:</source>
        <translation>Группы пользователя %1:</translation>
    </message>
    <message>
        <source>Offline: changes will be sent later (%1).</source>
        <translation>Без сети: изменения будут отправлены позже (%1).</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Remove %1 from your friends? They are also taken out of every group.</source>
        <translation>Удалить %1 из друзей? Этот пользователь будет также убран из всех групп.</translation>
    </message>
    <message>
        <source>Name of the new group:</source>
        <translation>Название новой группы:</translation>
    </message>
    <message>
        <source>New name of the group:</source>
        <translation>Новое название группы:</translation>
    </message>
    <message>
        <source>Delete the group &quot;%1&quot;? Entries shown only to it become private.</source>
        <translation>Удалить группу &quot;%1&quot;? Записи, открытые только для неё, станут доступны только вам.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes waiting to be sent.</source>
        <translation>
            <numerusform>%n изменение ждёт отправки.</numerusform>
            <numerusform>%n изменения ждут отправки.</numerusform>
            <numerusform>%n изменений ждут отправки.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes refused by the server: %1</source>
        <translation>
            <numerusform>Сервер отклонил %n изменение: %1</numerusform>
            <numerusform>Сервер отклонил %n изменения: %1</numerusform>
            <numerusform>Сервер отклонил %n изменений: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::HistoryModel</name>
    <message>
        <source>(empty entry)</source>
        <translation>(пустая запись)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Доступ</translation>
    </message>
</context>
<context>
    <name>Inkwell::HistoryView</name>
    <message>
        <source>Entries</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>No entries in this journal yet.</source>
        <translation>В этом журнале пока нет записей.</translation>
    </message>
</context>
<context>
    <name>Inkwell::JournalSelector</name>
    <message>
        <source>The journal to browse</source>
        <translation>Журнал для просмотра</translation>
    </message>
    <message>
        <source>%1 (community, via %2)</source>
        <translation>%1 (сообщество, через %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (community, via %2): mirror it</source>
        <translation>%1 (сообщество, через %2): создать локальную копию</translation>
    </message>
</context>
<context>
    <name>Inkwell::LjClient</name>
    <message>
        <source>No password is known for %1; enter it (or, on Dreamwidth, an API key) to connect.</source>
        <translation>Пароль для %1 неизвестен; чтобы подключиться, введите его (или, для Dreamwidth, API-ключ).</translation>
    </message>
    <message>
        <source>The server sent no usable challenge.</source>
        <translation>Сервер не прислал пригодный запрос (challenge) для входа.</translation>
    </message>
    <message>
        <source>The server sent an empty session.</source>
        <translation>Сервер прислал пустой сеанс.</translation>
    </message>
</context>
<context>
    <name>Inkwell::LoginRunner</name>
    <message>
        <source>There is no keychain on this system, and no password was entered for this account since Inkwell started. Enter it in the account&apos;s settings.</source>
        <translation>В этой системе нет хранилища паролей, а пароль для этой учётной записи не вводился с момента запуска Inkwell. Введите его в настройках учётной записи.</translation>
    </message>
    <message>
        <source>No password is kept for this account. Enter it in the account&apos;s settings.</source>
        <translation>Для этой учётной записи не сохранён пароль. Введите его в настройках учётной записи.</translation>
    </message>
    <message>
        <source>The password could not be read: %1</source>
        <translation>Не удалось прочитать пароль: %1</translation>
    </message>
    <message>
        <source>Logged in as %1.</source>
        <translation>Вход выполнен как %1.</translation>
    </message>
    <message>
        <source>The server refused the login (&quot;%1&quot;). %2</source>
        <translation>Сервер отклонил вход (&quot;%1&quot;). %2</translation>
    </message>
    <message>
        <source>The server has no user by that name.</source>
        <translation>На сервере нет пользователя с таким именем.</translation>
    </message>
    <message>
        <source>The server refused the login: %1%2</source>
        <translation>Сервер отклонил вход: %1%2</translation>
    </message>
    <message>
        <source>Could not reach the server: %1%2</source>
        <translation>Не удалось связаться с сервером: %1%2</translation>
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
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Календарь</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Поиск</translation>
    </message>
    <message>
        <source>&amp;Drafts</source>
        <translation>&amp;Черновики</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>Исх&amp;одящие</translation>
    </message>
    <message>
        <source>&amp;Journal:</source>
        <translation>&amp;Журнал:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo journal.&lt;/b&gt; A sample journal on a server on this computer: try anything, nothing leaves it and your own journal is not touched. Close this window to leave the demo; it starts afresh next time.</source>
        <translation>&lt;b&gt;Демо-журнал.&lt;/b&gt; Пробный журнал на сервере, работающем на этом компьютере: пробуйте что угодно — ничего никуда не отправляется, а ваш собственный журнал не затрагивается. Чтобы выйти из демо-режима, закройте это окно; в следующий раз всё начнётся заново.</translation>
    </message>
    <message>
        <source>Delete Entry</source>
        <translation>Удаление записи</translation>
    </message>
    <message>
        <source>Delete this entry from %1?</source>
        <translation>Удалить эту запись из журнала %1?</translation>
    </message>
    <message>
        <source>It is deleted on the server too, now or as soon as the server can be reached.</source>
        <translation>Она будет удалена и на сервере — сразу или как только сервер станет доступен.</translation>
    </message>
    <message>
        <source>%1: ping sent (%2)</source>
        <translation>%1: уведомление (ping) отправлено (%2)</translation>
    </message>
    <message>
        <source>%1: ping failed: %2</source>
        <translation>%1: не удалось отправить уведомление (ping): %2</translation>
    </message>
    <message>
        <source>%1: your friends page has new posts.</source>
        <translation>%1: в вашей ленте друзей есть новые записи.</translation>
    </message>
    <message>
        <source> Log in again (Accounts) to see it in the editor.</source>
        <translation> Войдите снова (Учётные записи), чтобы он появился в редакторе.</translation>
    </message>
    <message>
        <source>&amp;Outbox (%1)</source>
        <translation>Исх&amp;одящие (%1)</translation>
    </message>
    <message>
        <source>Friends — Inkwell</source>
        <translation>Друзья — Inkwell</translation>
    </message>
    <message>
        <source>None of your accounts takes userpics from Inkwell: Dreamwidth takes them on its web site only (Account → Upload Icons), and the Blogger API has none.</source>
        <translation>Ни одна из ваших учётных записей не принимает юзерпики из Inkwell: Dreamwidth принимает их только на своём сайте (Account → Upload Icons), а в Blogger API юзерпиков нет.</translation>
    </message>
    <message>
        <source>Add an account first (File → Accounts…).</source>
        <translation>Сначала добавьте учётную запись (Файл → Учётные записи…).</translation>
    </message>
    <message>
        <source>Upload Userpic</source>
        <translation>Загрузка юзерпика</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Учётная запись:</translation>
    </message>
    <message>
        <source>Userpic (at most 40 KB and 100x100)</source>
        <translation>Юзерпик (не больше 40 КБ и 100x100)</translation>
    </message>
    <message>
        <source>Images (*.png *.gif *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.gif *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Keywords (comma-separated, optional):</source>
        <translation>Ключевые слова (через запятую, необязательно):</translation>
    </message>
    <message>
        <source>Ping Server</source>
        <translation>Сервер уведомлений (ping)</translation>
    </message>
    <message>
        <source>After each public post, tell this Weblogs.com-style XML-RPC server (weblogUpdates.ping).
Leave empty for none. Example: http://rpc.weblogs.com/RPC2</source>
        <translation>После каждой записи для всех уведомлять этот XML-RPC-сервер в стиле Weblogs.com (weblogUpdates.ping).
Оставьте пустым, чтобы не уведомлять. Пример: http://rpc.weblogs.com/RPC2</translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>Только по моей команде</translation>
    </message>
    <message>
        <source>Every %1 minutes</source>
        <translation>Каждые %1 мин</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Каждый час</translation>
    </message>
    <message>
        <source>Every %1 hours</source>
        <translation>Каждые %1 ч</translation>
    </message>
    <message>
        <source>Sync Automatically</source>
        <translation>Автоматическая синхронизация</translation>
    </message>
    <message>
        <source>Sync every journal at start-up, after posting, and:</source>
        <translation>Синхронизировать все журналы при запуске, после публикации, а также:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New Entry</source>
        <translation>&amp;Новая запись</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>&amp;Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>Sync Au&amp;tomatically…</source>
        <translation>Синхронизировать &amp;автоматически…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Учётные записи…</translation>
    </message>
    <message>
        <source>&amp;Friends…</source>
        <translation>&amp;Друзья…</translation>
    </message>
    <message>
        <source>Upload &amp;Userpic…</source>
        <translation>Загрузить &amp;юзерпик…</translation>
    </message>
    <message>
        <source>&amp;Ping Server after Posting…</source>
        <translation>Сервер уведомлений после &amp;публикации…</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Настрой&amp;ки…</translation>
    </message>
    <message>
        <source>&amp;Reload the Local Journal</source>
        <translation>Пере&amp;читать локальную копию</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Find in Journal…</source>
        <translation>&amp;Найти в журнале…</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>&amp;Запись</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About Inkwell</source>
        <translation>&amp;О программе Inkwell</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>About Inkwell</source>
        <translation>О программе Inkwell</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Inkwell %1&lt;/h3&gt;&lt;p&gt;An offline-first desktop client for Dreamwidth, LiveJournal and other sites that speak the LiveJournal protocol.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Inkwell %1&lt;/h3&gt;&lt;p&gt;Настольный клиент для Dreamwidth, LiveJournal и других сайтов, работающих по протоколу LiveJournal, — рассчитанный прежде всего на работу без сети.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 could not be added: %2</source>
        <translation>Не удалось добавить %1: %2</translation>
    </message>
    <message>
        <source>Inkwell — Demo Journal</source>
        <translation>Inkwell — демо-журнал</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 в журнале %2</translation>
    </message>
    <message>
        <source> (the Blogger API shows the newest %1 posts; older ones are kept as they were last seen)</source>
        <translation> (Blogger API показывает только %1 последних записей; более старые хранятся в том виде, в каком были получены в последний раз)</translation>
    </message>
    <message>
        <source>Kept on this computer in %1</source>
        <translation>Хранится на этом компьютере в %1</translation>
    </message>
    <message>
        <source>Interface Language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>Inkwell speaks %1 from its next start. Restart Inkwell now?</source>
        <translation>После перезапуска Inkwell заговорит на новом языке (%1). Перезапустить сейчас?</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>язык системы</translation>
    </message>
    <message>
        <source>Open editors are closed and their text kept under Drafts; the outbox goes out after the restart.</source>
        <translation>Открытые редакторы закроются, их текст сохранится в черновиках; исходящие будут отправлены после перезапуска.</translation>
    </message>
</context>
<context>
    <name>Inkwell::OutboxModel</name>
    <message>
        <source>Waiting</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Отправляется</translation>
    </message>
    <message>
        <source>Checking whether it arrived</source>
        <translation>Проверка доставки</translation>
    </message>
    <message>
        <source>Conflict: choose a version</source>
        <translation>Конфликт: выберите версию</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Отклонено сервером</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Новая: %1</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>Правка: %1</translation>
    </message>
    <message>
        <source>Delete: %1</source>
        <translation>Удаление: %1</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>Inkwell::OutboxSender</name>
    <message>
        <source>The connection was lost after sending. Inkwell will ask the server whether it arrived before sending it again.</source>
        <translation>Соединение прервалось после отправки. Прежде чем отправлять снова, Inkwell спросит у сервера, дошла ли запись.</translation>
    </message>
    <message>
        <source>Sent, but the reply did not say whether the server took it (%1). Inkwell will ask the server whether it arrived before sending it again.</source>
        <translation>Отправлено, но из ответа непонятно, принял ли сервер запись (%1). Прежде чем отправлять снова, Inkwell спросит у сервера, дошла ли запись.</translation>
    </message>
    <message>
        <source>The entry was deleted on the server; the edit was not sent.</source>
        <translation>Запись удалена на сервере; правка не отправлена.</translation>
    </message>
    <message>
        <source>The server said it took it, but not which entry it made. Inkwell will ask the server whether it arrived before sending it again.</source>
        <translation>Сервер сообщил, что принял запись, но не сказал, какую запись создал. Прежде чем отправлять снова, Inkwell спросит у сервера, дошла ли запись.</translation>
    </message>
</context>
<context>
    <name>Inkwell::OutboxService</name>
    <message>
        <source>the outbox will be sent</source>
        <translation>исходящие будут отправлены</translation>
    </message>
</context>
<context>
    <name>Inkwell::OutboxView</name>
    <message>
        <source>Items waiting to be sent</source>
        <translation>Элементы, ожидающие отправки</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Отправить сейчас</translation>
    </message>
    <message>
        <source>Resolve conflict…</source>
        <translation>Разрешить конфликт…</translation>
    </message>
    <message>
        <source>Back to drafts</source>
        <translation>Вернуть в черновики</translation>
    </message>
    <message>
        <source>Take the entry out of the outbox to change it</source>
        <translation>Убрать запись из исходящих, чтобы изменить её</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отменить отправку</translation>
    </message>
    <message>
        <source>Nothing waits to be sent.</source>
        <translation>Нет ничего, ожидающего отправки.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <source>Remove this item from the outbox? It will not be sent.</source>
        <translation>Убрать этот элемент из исходящих? Он не будет отправлен.</translation>
    </message>
    <message>
        <source>Its draft, if it has one, stays in the drafts.</source>
        <translation>Его черновик, если он есть, останется в черновиках.</translation>
    </message>
    <message numerus="yes">
        <source>%n items wait to be sent, oldest first.</source>
        <translation>
            <numerusform>%n элемент ждёт отправки; сначала самые старые.</numerusform>
            <numerusform>%n элемента ждут отправки; сначала самые старые.</numerusform>
            <numerusform>%n элементов ждут отправки; сначала самые старые.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::PreferencesDialog</name>
    <message>
        <source>Only when I ask</source>
        <translation>Только по моей команде</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Sync &amp;automatically:</source>
        <translation>&amp;Автоматическая синхронизация:</translation>
    </message>
    <message>
        <source>Every journal is also synced when Inkwell starts and after each post.</source>
        <translation>Кроме того, все журналы синхронизируются при запуске Inkwell и после каждой публикации.</translation>
    </message>
    <message>
        <source>&amp;Tell me when friends post (checks friends pages as often as the server allows)</source>
        <translation>&amp;Сообщать о новых записях друзей (лента друзей проверяется так часто, как позволяет сервер)</translation>
    </message>
    <message>
        <source>&amp;Keep Inkwell in the tray when its window is closed</source>
        <translation>&amp;Оставлять Inkwell в области уведомлений после закрытия окна</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>A Weblogs.com-style server (weblogUpdates.ping) told about each public post, e.g. http://rpc.pingomatic.com/</source>
        <translation>Сервер в стиле Weblogs.com (weblogUpdates.ping), которому сообщается о каждой записи для всех, например http://rpc.pingomatic.com/</translation>
    </message>
    <message>
        <source>&amp;Ping after public posts:</source>
        <translation>&amp;Уведомлять (ping) о записях для всех:</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons.</source>
        <translation>Эта среда рабочего стола не показывает значки в области уведомлений.</translation>
    </message>
    <message>
        <source>The ping server must be an http:// or https:// address, or empty for none.</source>
        <translation>Адрес сервера уведомлений должен начинаться с http:// или https://; оставьте поле пустым, чтобы не уведомлять.</translation>
    </message>
    <message numerus="yes">
        <source>Every %n hours</source>
        <translation>
            <numerusform>Каждый %n час</numerusform>
            <numerusform>Каждые %n часа</numerusform>
            <numerusform>Каждые %n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Каждую %n минуту</numerusform>
            <numerusform>Каждые %n минуты</numerusform>
            <numerusform>Каждые %n минут</numerusform>
        </translation>
    </message>
    <message>
        <source>Start &amp;minimised (in the tray, where the desktop has one)</source>
        <translation>&amp;Запускать свёрнутым (в области уведомлений, если она есть)</translation>
    </message>
    <message>
        <source>A picture from another site tells that site that the entry is read, and when. Without this, each entry asks first.</source>
        <translation>Картинка с другого сайта сообщает этому сайту, что запись читают, и когда. Без этой настройки каждая запись сначала спрашивает.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Чтение</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Не проверять</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Письмо</translation>
    </message>
    <message>
        <source>&amp;Spelling:</source>
        <translation>Орфо&amp;графия:</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>Как в системе (%1)</translation>
    </message>
    <message>
        <source>Inkwell speaks the new language from its next start.</source>
        <translation>Inkwell заговорит на новом языке после перезапуска.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Интерфейс:</translation>
    </message>
    <message>
        <source>Show pictures and styles from &amp;other sites in entries without asking</source>
        <translation>&amp;Показывать в записях картинки и стили с других сайтов без вопроса</translation>
    </message>
    <message>
        <source>the system&apos;s settings</source>
        <translation>как в системе</translation>
    </message>
    <message>
        <source>http://host:port or socks5://host:port (with user:password@ when the proxy asks). An account that names a proxy of its own (Accounts) keeps it.</source>
        <translation>http://хост:порт или socks5://хост:порт (с пользователь:пароль@, если прокси этого требует). Учётная запись, у которой указан свой прокси (Учётные записи), использует его.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>П&amp;рокси:</translation>
    </message>
    <message>
        <source>The proxy must look like http://host:port or socks5://host:port, or be empty for the system&apos;s settings.</source>
        <translation>Прокси указывается как http://хост:порт или socks5://хост:порт; оставьте поле пустым, чтобы использовать настройки системы.</translation>
    </message>
</context>
<context>
    <name>Inkwell::SearchResultsModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
</context>
<context>
    <name>Inkwell::SearchView</name>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Search subjects, text and tags</source>
        <translation>Искать в темах, тексте и метках</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Любая метка</translation>
    </message>
    <message>
        <source>Any security</source>
        <translation>Любой доступ</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Для всех</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Только для себя</translation>
    </message>
    <message>
        <source>Friends or groups</source>
        <translation>Друзья или группы</translation>
    </message>
    <message>
        <source>Any year</source>
        <translation>Любой год</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>Type a word or a &quot;phrase&quot;; the last word may be a beginning.</source>
        <translation>Введите слово или &quot;фразу&quot;; последнее слово можно ввести не полностью.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Ошибка поиска: %1</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Подходящих записей нет.</translation>
    </message>
    <message numerus="yes">
        <source>Too many matches to rank: the %n most recent, newest first. Add words or filters to narrow them down.</source>
        <translation>
            <numerusform>Слишком много совпадений, чтобы упорядочить по релевантности: показана %n самая свежая запись, сначала новые. Добавьте слова или фильтры, чтобы сузить поиск.</numerusform>
            <numerusform>Слишком много совпадений, чтобы упорядочить по релевантности: показаны %n самые свежие записи, сначала новые. Добавьте слова или фильтры, чтобы сузить поиск.</numerusform>
            <numerusform>Слишком много совпадений, чтобы упорядочить по релевантности: показаны %n самых свежих записей, сначала новые. Добавьте слова или фильтры, чтобы сузить поиск.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The best %n matches; add words or filters to narrow them down.</source>
        <translation>
            <numerusform>Показано %n лучшее совпадение; добавьте слова или фильтры, чтобы сузить поиск.</numerusform>
            <numerusform>Показаны %n лучших совпадения; добавьте слова или фильтры, чтобы сузить поиск.</numerusform>
            <numerusform>Показаны %n лучших совпадений; добавьте слова или фильтры, чтобы сузить поиск.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 matching entry</source>
        <translation>Найдена 1 запись</translation>
    </message>
    <message numerus="yes">
        <source>%n matching entries, best first</source>
        <translation>
            <numerusform>Найдена %n запись, сначала самые подходящие</numerusform>
            <numerusform>Найдено %n записи, сначала самые подходящие</numerusform>
            <numerusform>Найдено %n записей, сначала самые подходящие</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::SyncEngine</name>
    <message>
        <source>The local journal could not be written: %1</source>
        <translation>Не удалось записать локальную копию журнала: %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::SyncStatusWidget</name>
    <message>
        <source>the local journal could not be written</source>
        <translation>не удалось записать локальную копию журнала</translation>
    </message>
    <message>
        <source>the server answered with an error (HTTP %1)</source>
        <translation>сервер ответил ошибкой (HTTP %1)</translation>
    </message>
    <message>
        <source>the server could not be reached</source>
        <translation>сервер недоступен</translation>
    </message>
    <message>
        <source>the server is busy or having trouble</source>
        <translation>сервер перегружен или работает со сбоями</translation>
    </message>
    <message>
        <source>the server did not accept the login</source>
        <translation>сервер не принял данные для входа</translation>
    </message>
    <message>
        <source>the server&apos;s answer could not be read</source>
        <translation>не удалось прочитать ответ сервера</translation>
    </message>
    <message>
        <source>the server refused it</source>
        <translation>сервер отклонил запрос</translation>
    </message>
    <message>
        <source>Inkwell tries again by itself in a little while.</source>
        <translation>Вскоре Inkwell сам попробует ещё раз.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop this sync; what was mirrored so far is kept.</source>
        <translation>Остановить синхронизацию; уже полученное сохранится в локальной копии.</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Подробнее…</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Syncing %1: %2 of %3 entries</source>
        <translation>Синхронизация %1: %2 из %3 записей</translation>
    </message>
    <message>
        <source>Syncing %1: looking for deleted entries…</source>
        <translation>Синхронизация %1: поиск удалённых записей…</translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation>Синхронизация %1…</translation>
    </message>
    <message>
        <source>The sync of %1 was cancelled; what came so far is kept.</source>
        <translation>Синхронизация %1 отменена; уже полученное сохранено.</translation>
    </message>
    <message>
        <source>%1 could not be synced: %2.</source>
        <translation>Не удалось синхронизировать %1: %2.</translation>
    </message>
    <message>
        <source>%1 could not be synced.</source>
        <translation>Не удалось синхронизировать %1.</translation>
    </message>
    <message>
        <source>Offline: waiting for the network</source>
        <translation>Без сети: ожидание подключения</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Синхронизировано в %1</translation>
    </message>
    <message numerus="yes">
        <source>%n changes not sent yet</source>
        <translation>
            <numerusform>%n изменение ещё не отправлено</numerusform>
            <numerusform>%n изменения ещё не отправлены</numerusform>
            <numerusform>%n изменений ещё не отправлено</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::TransportCall</name>
    <message>
        <source>The server&apos;s reply was larger than %1 MB and was abandoned.</source>
        <translation>Ответ сервера оказался больше %1 МБ, и его приём прерван.</translation>
    </message>
    <message>
        <source>The server had not finished its answer after %1 s (%2), so it was given up.</source>
        <translation>Сервер не закончил ответ за %1 с (%2), поэтому ожидание прекращено.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 %2 for %3.</source>
        <translation>Сервер ответил HTTP %1 %2 на запрос %3.</translation>
    </message>
    <message>
        <source>The server did not answer in time (%1).</source>
        <translation>Сервер не ответил вовремя (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s reply was cut short (%1).</source>
        <translation>Ответ сервера оборвался (%1).</translation>
    </message>
    <message>
        <source>The server closed the connection before it answered (%1).</source>
        <translation>Сервер закрыл соединение, не ответив (%1).</translation>
    </message>
    <message>
        <source>Could not reach the server (%1): %2</source>
        <translation>Не удалось связаться с сервером (%1): %2</translation>
    </message>
    <message>
        <source>The server&apos;s reply could not be read (%1): %2</source>
        <translation>Не удалось прочитать ответ сервера (%1): %2</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified (%1): %2</source>
        <translation>Не удалось проверить сертификат сервера (%1): %2</translation>
    </message>
</context>
<context>
    <name>Inkwell::TrayIcon</name>
    <message>
        <source>New posts</source>
        <translation>Новые записи</translation>
    </message>
    <message>
        <source>Your friends page on %1 has new posts.</source>
        <translation>В вашей ленте друзей на %1 есть новые записи.</translation>
    </message>
    <message>
        <source>New posts on %1&apos;s friends page</source>
        <translation>Новые записи в ленте друзей %1</translation>
    </message>
</context>
<context>
    <name>Inkwell::UserpicUpload</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>Userpic uploaded (%1x%2).</source>
        <translation>Юзерпик загружен (%1x%2).</translation>
    </message>
</context>
<context>
    <name>Inkwell::WritingDesk</name>
    <message numerus="yes">
        <source>%1: %n entries posted.</source>
        <translation>
            <numerusform>%1: опубликована %n запись.</numerusform>
            <numerusform>%1: опубликованы %n записи.</numerusform>
            <numerusform>%1: опубликовано %n записей.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n changes wait in the outbox (%2).</source>
        <translation>
            <numerusform>%1: в исходящих ждёт %n изменение (%2).</numerusform>
            <numerusform>%1: в исходящих ждут %n изменения (%2).</numerusform>
            <numerusform>%1: в исходящих ждут %n изменений (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>That draft is gone (it was posted or discarded).</source>
        <translation>Этого черновика больше нет (он опубликован или удалён).</translation>
    </message>
    <message>
        <source>That entry is not in the local journal.</source>
        <translation>Этой записи нет в локальной копии журнала.</translation>
    </message>
    <message>
        <source>Could not queue the deletion: %1</source>
        <translation>Не удалось поставить удаление в очередь: %1</translation>
    </message>
</context>
<context>
    <name>JournalStore</name>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>Учётной записи &quot;%1&quot; нет.</translation>
    </message>
</context>
<context>
    <name>KeychainPasswordStore</name>
    <message>
        <source>No password is stored for this account.</source>
        <translation>Для этой учётной записи не сохранён пароль.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied: %1</source>
        <translation>Доступ к хранилищу паролей запрещён: %1</translation>
    </message>
    <message>
        <source>No keychain is available (%1). The password can be kept for this session only.</source>
        <translation>Хранилище паролей недоступно (%1). Пароль можно сохранить только на время этого сеанса.</translation>
    </message>
</context>
<context>
    <name>LoginInfoStore</name>
    <message>
        <source>Could not keep what the server said at login: %1</source>
        <translation>Не удалось сохранить данные, полученные от сервера при входе: %1</translation>
    </message>
</context>
<context>
    <name>LoginRunner</name>
    <message>
        <source>The server refused the API key (&quot;%1&quot;). Dreamwidth accepts an API key here, not your account password.</source>
        <translation>Сервер отклонил API-ключ (&quot;%1&quot;). Здесь Dreamwidth принимает API-ключ, а не пароль от вашей учётной записи.</translation>
    </message>
    <message>
        <source>The server refused the user name or password (&quot;%1&quot;). If it is a Dreamwidth server, it wants an API key, not your account password.</source>
        <translation>Сервер отклонил имя пользователя или пароль (&quot;%1&quot;). Если это сервер Dreamwidth, ему нужен API-ключ, а не пароль от вашей учётной записи.</translation>
    </message>
    <message>
        <source>The server refused the user name or password (&quot;%1&quot;).</source>
        <translation>Сервер отклонил имя пользователя или пароль (&quot;%1&quot;).</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood (is the address right?): %1%2</source>
        <translation>Ответ сервера не удалось разобрать (верен ли адрес?): %1%2</translation>
    </message>
</context>
<context>
    <name>MemoryPasswordStore</name>
    <message>
        <source>No password is stored for this account.</source>
        <translation>Для этой учётной записи не сохранён пароль.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The entry was also changed on the server. Choose which version to keep.</source>
        <translation>Запись была изменена и на сервере. Выберите, какую версию сохранить.</translation>
    </message>
    <message>
        <source>This item is being sent and can no longer be changed.</source>
        <translation>Этот элемент уже отправляется, и изменить его нельзя.</translation>
    </message>
    <message>
        <source>Inkwell stopped while sending; the server will be asked whether it arrived.</source>
        <translation>Работа Inkwell прервалась во время отправки; у сервера будет запрошено, дошла ли запись.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>No folder for local data could be determined.</source>
        <translation>Не удалось определить папку для локальных данных.</translation>
    </message>
    <message>
        <source>The profile path %1 exists but is not a folder.</source>
        <translation>Путь к профилю %1 существует, но это не папка.</translation>
    </message>
    <message>
        <source>Could not create the profile folder %1.</source>
        <translation>Не удалось создать папку профиля %1.</translation>
    </message>
</context>
<context>
    <name>ProtocolError</name>
    <message>
        <source>this account</source>
        <translation>этой учётной записи</translation>
    </message>
    <message>
        <source>The server accepted the password but not the session it had just granted, so the password is not the problem. Try again; if it keeps happening, something between Inkwell and the server (a proxy?) drops the session cookie.</source>
        <translation>Сервер принял пароль, но не принял только что выданный им же сеанс, так что дело не в пароле. Попробуйте ещё раз; если это повторяется, что-то между Inkwell и сервером (прокси?) теряет cookie сеанса.</translation>
    </message>
    <message>
        <source>The server has no user of that name: check the user name of %1.</source>
        <translation>На сервере нет пользователя с таким именем: проверьте имя пользователя для %1.</translation>
    </message>
    <message>
        <source>The server did not accept the password of %1. On Dreamwidth the password is an API key (made under Account Settings on the site), not the password of the web site.</source>
        <translation>Сервер не принял пароль для %1. На Dreamwidth вместо пароля нужен API-ключ (создаётся на сайте в Account Settings), а не пароль от сайта.</translation>
    </message>
    <message>
        <source>The login took longer than the server allows (60 seconds); try again.</source>
        <translation>Вход занял больше времени, чем позволяет сервер (60 секунд); попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>After too many failed logins the server refuses every login of %1 from this address for about 5 minutes, without checking the password: try again after %2, and check the password first.</source>
        <translation>После слишком многих неудачных попыток входа сервер примерно на 5 минут отклоняет любой вход для %1 с этого адреса, даже не проверяя пароль: попробуйте снова после %2, но сначала проверьте пароль.</translation>
    </message>
    <message>
        <source>The server refuses this request for up to an hour; sync again later.</source>
        <translation>Сервер отклоняет этот запрос в течение часа; синхронизируйте позже.</translation>
    </message>
</context>
<context>
    <name>SecurityBadge</name>
    <message>
        <source>Public</source>
        <translation>Для всех</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Только для себя</translation>
    </message>
    <message>
        <source>Friends only</source>
        <translation>Только для друзей</translation>
    </message>
    <message>
        <source>Custom groups</source>
        <translation>Выбранные группы</translation>
    </message>
    <message>
        <source>Public: anyone can read it</source>
        <translation>Для всех: прочитать может любой</translation>
    </message>
    <message>
        <source>Private: custom security without any group, only you can read it</source>
        <translation>Только для себя: выборочный доступ без единой группы, прочитать можете только вы</translation>
    </message>
    <message>
        <source>Private: only you can read it</source>
        <translation>Только для себя: прочитать можете только вы</translation>
    </message>
    <message>
        <source>Friends only: everyone on your friends or access list</source>
        <translation>Только для друзей: все в вашем списке друзей или доступа</translation>
    </message>
    <message>
        <source>Custom: friend groups %1</source>
        <translation>Выбранные группы: группы друзей %1</translation>
    </message>
</context>
<context>
    <name>SessionFallbackPasswordStore</name>
    <message>
        <source>No keychain is available on this system, so Inkwell keeps the password in memory only, until it quits. You will be asked for it again next time.</source>
        <translation>В этой системе нет хранилища паролей, поэтому Inkwell хранит пароль только в памяти, до своего закрытия. В следующий раз пароль будет запрошен снова.</translation>
    </message>
</context>
<context>
    <name>Userpics</name>
    <message>
        <source>The file is empty.</source>
        <translation>Файл пуст.</translation>
    </message>
    <message>
        <source>The picture is %1 KB; the server accepts at most %2 KB. Make it smaller first.</source>
        <translation>Размер картинки — %1 КБ; сервер принимает не больше %2 КБ. Сначала уменьшите её.</translation>
    </message>
    <message>
        <source>Userpics must be GIF, PNG or JPEG images.</source>
        <translation>Юзерпик должен быть изображением GIF, PNG или JPEG.</translation>
    </message>
    <message>
        <source>The picture is %1x%2 pixels; userpics are at most %3x%3.</source>
        <translation>Картинка размером %1x%2 пикселей; юзерпик может быть не больше %3x%3.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot clear the demo&apos;s folder %1.</source>
        <translation>Не удаётся очистить папку демо-журнала %1.</translation>
    </message>
    <message>
        <source>The demo journal&apos;s server did not start within 30 seconds.</source>
        <translation>Сервер демо-журнала не запустился за 30 секунд.</translation>
    </message>
    <message>
        <source>Inkwell, an offline-first desktop journal client.</source>
        <translation>Inkwell — настольный клиент для ведения журнала, рассчитанный на работу без сети.</translation>
    </message>
    <message>
        <source>Keep local data in DIR instead of the default folder.</source>
        <translation>Хранить локальные данные в DIR вместо папки по умолчанию.</translation>
    </message>
    <message>
        <source>Open an editor for a new entry.</source>
        <translation>Открыть редактор новой записи.</translation>
    </message>
    <message>
        <source>Try Inkwell on a demo journal served from this computer, in a profile of its own (the user&apos;s is not touched).</source>
        <translation>Попробовать Inkwell на демо-журнале, который работает на этом компьютере, в отдельном профиле (профиль пользователя не затрагивается).</translation>
    </message>
    <message>
        <source>The demo journal is open already, in another window.</source>
        <translation>Демо-журнал уже открыт в другом окне.</translation>
    </message>
    <message>
        <source>To start a new one with your accounts, drafts and outbox (the damaged file is kept), run: inkwell-cli --profile &apos;%1&apos; repair</source>
        <translation>Чтобы создать новый файл данных с вашими учётными записями, черновиками и исходящими (повреждённый файл сохранится), выполните: inkwell-cli --profile &apos;%1&apos; repair</translation>
    </message>
    <message>
        <source>The demo journal could not be opened: %1 did not start.</source>
        <translation>Не удалось открыть демо-журнал: %1 не запустился.</translation>
    </message>
</context>
</TS>
