#include "AccountDialogDriver.h"
#include "StubLoginServer.h"
#include "TestProfile.h"
#include "TestServer.h"
#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "account/LoginService.h"
#include "account/MemoryPasswordStore.h"
#include "store/Database.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Inkwell;
using namespace AccountDialogDriver;
using Preset = AccountDialog::Preset;

namespace {

QString storedPassword(PasswordStore& store, const QString& key)
{
    const PasswordResult result = readPassword(store, key);
    return result.status == PasswordStatus::Ok ? result.password : QStringLiteral("<none>");
}

} // namespace

class TestAccountDialog : public QObject
{
    Q_OBJECT
private:
    // A profile as the program opens it; the dialogs get its database, passwords and logins.
    std::unique_ptr<TestProfile> m_profile;
    Database* m_db = nullptr;
    MemoryPasswordStore* m_passwords = nullptr;
    LoginService* m_logins = nullptr;

private slots:
    void init()
    {
        m_profile = std::make_unique<TestProfile>();
        QVERIFY(m_profile->open());
        m_db = &m_profile->services->database();
        m_passwords = &m_profile->passwords;
        m_logins = &m_profile->services->logins();
    }
    void cleanup() { m_profile.reset(); }

    void presetsFillTheServerAddress()
    {
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        auto* url = child<QLineEdit>(dialog, "serverUrl");
        QCOMPARE(url->text(), QStringLiteral("https://www.dreamwidth.org")); // the first preset
        QVERIFY(url->isReadOnly());
        choosePreset(dialog, Preset::LiveJournal);
        QCOMPARE(url->text(), QStringLiteral("https://www.livejournal.com"));
        QVERIFY(url->isReadOnly());
        choosePreset(dialog, Preset::Custom);
        QVERIFY(url->text().isEmpty());
        QVERIFY(!url->isReadOnly());
        type(dialog, "serverUrl", QStringLiteral("https://journal.example.org/"));
        QCOMPARE(dialog.account().serverUrl, QUrl(QStringLiteral("https://journal.example.org")));
    }

    void dreamwidthAsksForAnApiKey()
    {
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        choosePreset(dialog, Preset::Dreamwidth);
        QVERIFY(labelText(dialog, "passwordHelp").contains(QStringLiteral("API key")));
        QVERIFY(labelText(dialog, "passwordHelp").contains(QStringLiteral("not your account password")));
        QVERIFY(
            labelText(dialog, "passwordHelp").contains(QStringLiteral("https://www.dreamwidth.org/manage/")));
        QVERIFY(!labelText(dialog, "passwordHelp").contains(QStringLiteral("emailpost")));
        QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("password"))->isVisibleTo(&dialog));

        choosePreset(dialog, Preset::LiveJournal);
        QVERIFY(!labelText(dialog, "passwordHelp").contains(QStringLiteral("API key")));

        // A Dreamwidth address typed by hand counts too.
        choosePreset(dialog, Preset::Custom);
        type(dialog, "serverUrl", QStringLiteral("https://www.dreamwidth.org"));
        QVERIFY(labelText(dialog, "passwordHelp").contains(QStringLiteral("API key")));
    }

    void challengeIsTheDefault()
    {
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        QCOMPARE(toString(dialog.account().authMethod), toString(AuthMethod::Challenge));
    }

    // The Blogger API sends the password itself: the authentication is clear and cannot be changed,
    // and the dialog says what the API cannot do.
    void theBloggerApiTakesTheClearPassword()
    {
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        dialog.show();
        auto* auth = child<QComboBox>(dialog, "authMethod");
        auto* note = child<QLabel>(dialog, "interfaceNote");
        QVERIFY(!note->isVisible());
        chooseData(dialog, "interface", toString(Interface::Blogger));
        QCOMPARE(toString(dialog.account().authMethod), toString(AuthMethod::Clear));
        QVERIFY(!auth->isEnabled());
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("xmlrpc.php")), qPrintable(note->text()));
        choosePreset(dialog, Preset::Custom);
        type(dialog, "serverUrl", QStringLiteral("https://blog.example.org/xmlrpc.php"));
        type(dialog, "username", QStringLiteral("alice"));
        QCOMPARE(dialog.account().validationError(), QString());
        chooseData(dialog, "interface", toString(Interface::Flat));
        QCOMPARE(toString(dialog.account().authMethod), toString(AuthMethod::Challenge));
        QVERIFY(auth->isEnabled());
        QVERIFY(!note->isVisible());
    }

    // Clear or hpassword over plain http:// would let anyone on the way log in as the user: the
    // dialog says so while the choice is made (saving stays possible).
    void plainHttpWithAPasswordOnEveryRequestIsWarnedAbout()
    {
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        dialog.show();
        auto* warning = child<QLabel>(dialog, "exposureWarning");
        choosePreset(dialog, Preset::Custom);
        type(dialog, "serverUrl", QStringLiteral("http://journal.example.org"));
        QVERIFY(!warning->isVisible()); // challenge: a one-time answer crosses the wire
        chooseData(dialog, "authMethod", toString(AuthMethod::Clear));
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("http")), qPrintable(warning->text()));
        chooseData(dialog, "authMethod", toString(AuthMethod::HPassword));
        QVERIFY(warning->isVisible());
        type(dialog, "serverUrl", QStringLiteral("https://journal.example.org"));
        QVERIFY(!warning->isVisible());
        type(dialog, "serverUrl", QStringLiteral("http://127.0.0.1:8080")); // never leaves the machine
        QVERIFY(!warning->isVisible());
    }

    void invalidInputIsRefusedInWords_data()
    {
        QTest::addColumn<QString>("url"); // empty: the Dreamwidth preset
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty user") << ""
                                    << ""
                                    << "user name";
        QTest::newRow("bad user") << ""
                                  << "no spaces"
                                  << "user name";
        QTest::newRow("not a URL")
            << "journal example"
            << "alice"
            << "\"journal example\" is not a web address Inkwell can use. Write the "
               "server's address as in the browser, for example https://www.dreamwidth.org.";
        QTest::newRow("no address") << " "
                                    << "alice"
                                    << "Enter the server's address";
        QTest::newRow("not http") << "ftp://journal.example.org"
                                  << "alice"
                                  << "https://";
    }

    void invalidInputIsRefusedInWords()
    {
        QFETCH(QString, url);
        QFETCH(QString, user);
        QFETCH(QString, expected);
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        dialog.show();
        if (!url.isEmpty()) {
            choosePreset(dialog, Preset::Custom);
            type(dialog, "serverUrl", url);
        }
        type(dialog, "username", user);
        clickOk(dialog);
        auto* error = child<QLabel>(dialog, "error");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(expected), qPrintable(error->text()));
        QVERIFY(dialog.isVisible());
        QVERIFY(AccountStore(*m_db).accounts().isEmpty());
    }

    void addingSavesTheAccountAndThePassword()
    {
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        QSignalSpy saved(&dialog, &AccountDialog::saved);
        dialog.open();
        choosePreset(dialog, Preset::LiveJournal);
        type(dialog, "name", QStringLiteral("lj"));
        type(dialog, "username", QStringLiteral("Alice-B"));
        type(dialog, "password", QStringLiteral("hunter2"));
        chooseData(dialog, "interface", QStringLiteral("xmlrpc"));
        clickOk(dialog);
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.first().first().toString(), QStringLiteral("lj"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const std::optional<Account> account = AccountStore(*m_db).find(QStringLiteral("lj"));
        QVERIFY(account);
        QCOMPARE(account->username, QStringLiteral("alice_b"));
        QCOMPARE(account->serverUrl, QUrl(QStringLiteral("https://www.livejournal.com")));
        QCOMPARE(toString(account->interface), toString(Interface::XmlRpc));
        QCOMPARE(toString(account->authMethod), toString(AuthMethod::Challenge));
        QCOMPARE(toString(account->flavor), toString(Flavor::LiveJournal));
        QCOMPARE(storedPassword(*m_passwords, account->passwordKey()), QStringLiteral("hunter2"));
    }

    void aNameDefaultsToTheUserName()
    {
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        type(dialog, "username", QStringLiteral("alice"));
        QCOMPARE(dialog.account().name, QStringLiteral("alice"));
    }

    void aDuplicateNameIsRefused()
    {
        Account existing;
        existing.name = QStringLiteral("dw");
        existing.serverUrl = AccountDialog::presetUrl(Preset::Dreamwidth);
        existing.username = QStringLiteral("bob");
        QString error;
        QVERIFY(AccountStore(*m_db).add(existing, &error));
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        dialog.show();
        type(dialog, "name", QStringLiteral("dw"));
        type(dialog, "username", QStringLiteral("alice"));
        clickOk(dialog);
        QVERIFY(labelText(dialog, "error").contains(QStringLiteral("already exists")));
        QVERIFY(dialog.isVisible());
    }

    void editingKeepsOrMovesThePassword()
    {
        Account account;
        account.name = QStringLiteral("dw");
        account.serverUrl = AccountDialog::presetUrl(Preset::Dreamwidth);
        account.username = QStringLiteral("alice");
        account.flavor = Flavor::Dreamwidth;
        QString error;
        QVERIFY(AccountStore(*m_db).add(account, &error));
        QObject context;
        bool written = false;
        m_passwords->writePassword(account.passwordKey(), QStringLiteral("KEY1"), &context,
                                   [&](const PasswordResult&) { written = true; });
        QTRY_VERIFY(written);
        QVERIFY(LoginInfoStore(*m_db).save(QStringLiteral("dw"), LoginInfo{}, QDateTime::currentDateTimeUtc(),
                                           &error));

        {
            // Only the interface changes: the password stays where it was.
            AccountDialog dialog(*m_db, *m_passwords, *m_logins);
            dialog.setAccount(account);
            QCOMPARE(child<QLineEdit>(dialog, "username")->text(), QStringLiteral("alice"));
            QVERIFY(child<QLineEdit>(dialog, "password")->text().isEmpty());
            QVERIFY(child<QLineEdit>(dialog, "password")->placeholderText().contains(QStringLiteral("keep")));
            chooseData(dialog, "interface", QStringLiteral("xmlrpc"));
            QSignalSpy saved(&dialog, &AccountDialog::saved);
            clickOk(dialog);
            QTRY_COMPARE(saved.count(), 1);
            QCOMPARE(toString(AccountStore(*m_db).find(QStringLiteral("dw"))->interface),
                     toString(Interface::XmlRpc));
            QCOMPARE(storedPassword(*m_passwords, account.passwordKey()), QStringLiteral("KEY1"));
            QVERIFY(LoginInfoStore(*m_db).load(QStringLiteral("dw")));
        }
        {
            // Another user: the key follows the login, the old login's data goes.
            AccountDialog dialog(*m_db, *m_passwords, *m_logins);
            dialog.setAccount(*AccountStore(*m_db).find(QStringLiteral("dw")));
            type(dialog, "username", QStringLiteral("alice2"));
            QSignalSpy saved(&dialog, &AccountDialog::saved);
            clickOk(dialog);
            QTRY_COMPARE(saved.count(), 1);
            const Account moved = *AccountStore(*m_db).find(QStringLiteral("dw"));
            QCOMPARE(moved.username, QStringLiteral("alice2"));
            QCOMPARE(storedPassword(*m_passwords, moved.passwordKey()), QStringLiteral("KEY1"));
            QTRY_COMPARE(storedPassword(*m_passwords, account.passwordKey()), QStringLiteral("<none>"));
            QVERIFY(!LoginInfoStore(*m_db).load(QStringLiteral("dw")));
        }
    }

    void testLoginShowsTheServersMessage()
    {
        StubLoginServer stub(
            {{"name", "Alice"}, {"message", "Your account is read-only until you validate your email."}});
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        dialog.show();
        choosePreset(dialog, Preset::Custom);
        type(dialog, "serverUrl", stub.baseUrl().toString());
        type(dialog, "username", QStringLiteral("alice"));
        type(dialog, "password", QStringLiteral("pw"));
        auto* button = child<QPushButton>(dialog, "testLogin");
        button->click();
        QVERIFY(!button->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 30000);
        QVERIFY2(labelText(dialog, "loginResult").contains(QStringLiteral("Your account is read-only")),
                 qPrintable(labelText(dialog, "loginResult")));
        QVERIFY(labelText(dialog, "loginResult").contains(QStringLiteral("Logged in as Alice")));
    }

    void testLoginWithoutAPasswordSaysSo()
    {
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        type(dialog, "username", QStringLiteral("alice"));
        child<QPushButton>(dialog, "testLogin")->click();
        QVERIFY(labelText(dialog, "loginResult").contains(QStringLiteral("API key")));
    }

    void testLoginAgainstTheLocalServer_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("interface");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expected");
        QTest::newRow("lj flat") << "lj"
                                 << "flat"
                                 << "secret" << true << "Logged in as";
        QTest::newRow("dw xmlrpc, API key") << "dw"
                                            << "xmlrpc"
                                            << "APIKEY123" << true << "Logged in as";
        QTest::newRow("dw flat, account password") << "dw"
                                                   << "flat"
                                                   << "secret" << false << "not your account password";
    }

    void testLoginAgainstTheLocalServer()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, interface);
        QFETCH(QString, secret);
        QFETCH(bool, ok);
        QFETCH(QString, expected);
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), flavor, QStringLiteral("--user"),
                               QStringLiteral("alice:secret:APIKEY123"), QStringLiteral("--community"),
                               QStringLiteral("club:alice")}),
                 qPrintable(server.errorString()));
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        dialog.show();
        choosePreset(dialog, Preset::Custom);
        type(dialog, "serverUrl", server.baseUrl().toString());
        type(dialog, "name", QStringLiteral("local"));
        type(dialog, "username", QStringLiteral("alice"));
        type(dialog, "password", secret);
        chooseData(dialog, "interface", interface);
        auto* button = child<QPushButton>(dialog, "testLogin");
        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 60000);
        const QString result = labelText(dialog, "loginResult");
        QVERIFY2(result.contains(expected), qPrintable(result));
        if (!ok)
            return;
        // A Dreamwidth server found at login gets the API key wording, and saving keeps the login.
        QCOMPARE(labelText(dialog, "passwordHelp").contains(QStringLiteral("API key")),
                 flavor == QLatin1String("dw"));
        QSignalSpy saved(&dialog, &AccountDialog::saved);
        clickOk(dialog);
        QTRY_COMPARE(saved.count(), 1);
        const std::optional<StoredLogin> kept = LoginInfoStore(*m_db).load(QStringLiteral("local"));
        QVERIFY(kept);
        QCOMPARE(kept->info.usejournals, QStringList{QStringLiteral("club")});
        QCOMPARE(toString(AccountStore(*m_db).find(QStringLiteral("local"))->flavor),
                 toString(flavor == QLatin1String("dw") ? Flavor::Dreamwidth : Flavor::LiveJournal));
    }

    // OK tries a typed key before keeping it: a refused one is not saved silently (it would only
    // show as a failed sync later); the user corrects it, or keeps it with Save Anyway.
    void aRefusedKeyIsNotSavedWithoutAsking()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                               QStringLiteral("alice:secret:APIKEY123")}),
                 qPrintable(server.errorString()));
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        dialog.show();
        choosePreset(dialog, Preset::Custom);
        type(dialog, "serverUrl", server.baseUrl().toString());
        type(dialog, "username", QStringLiteral("alice"));
        type(dialog, "password", QStringLiteral("APIKEY12")); // one character short
        QSignalSpy saved(&dialog, &AccountDialog::saved);
        auto* ok = child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Ok);
        clickOk(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(dialog, "error").contains(QStringLiteral("did not accept")),
                                 60000);
        QCOMPARE(saved.count(), 0);
        QVERIFY(AccountStore(*m_db).accounts().isEmpty());
        QVERIFY(dialog.isVisible());
        QCOMPARE(ok->text(), QStringLiteral("Save Anyway"));

        // Corrected: checked again, then kept with what the login brought.
        type(dialog, "password", QStringLiteral("APIKEY123"));
        QVERIFY(ok->text() != QStringLiteral("Save Anyway"));
        clickOk(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 60000);
        QVERIFY(!child<QLabel>(dialog, "error")->isVisible());
        const std::optional<Account> account = AccountStore(*m_db).find(QStringLiteral("alice"));
        QVERIFY(account);
        QCOMPARE(storedPassword(*m_passwords, account->passwordKey()), QStringLiteral("APIKEY123"));
        QVERIFY(LoginInfoStore(*m_db).load(QStringLiteral("alice")));
        QCOMPARE(server.requestCount(QStringLiteral("login")), 2);
    }

    void aRefusedKeyCanBeKeptAnyway()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:secret")}));
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        dialog.show();
        choosePreset(dialog, Preset::Custom);
        type(dialog, "serverUrl", server.baseUrl().toString());
        type(dialog, "username", QStringLiteral("alice"));
        type(dialog, "password", QStringLiteral("changed-on-the-site-later"));
        QSignalSpy saved(&dialog, &AccountDialog::saved);
        clickOk(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(dialog, "error").contains(QStringLiteral("Save Anyway")), 60000);
        clickOk(dialog); // Save Anyway: not asked again
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(server.requestCount(QStringLiteral("login")), 1);
    }

    void anAddressWithoutSchemeMeansHttps()
    {
        AccountDialog dialog(*m_db, *m_passwords, *m_logins);
        choosePreset(dialog, Preset::Custom);
        type(dialog, "serverUrl", QStringLiteral("journal.example.org"));
        type(dialog, "username", QStringLiteral("alice"));
        QCOMPARE(dialog.account().serverUrl, QUrl(QStringLiteral("https://journal.example.org")));
    }
};

QTEST_MAIN(TestAccountDialog)
#include "TestAccountDialog.moc"
