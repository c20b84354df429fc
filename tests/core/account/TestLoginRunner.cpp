#include "StubLoginServer.h"
#include "TestProfile.h"
#include "TestServer.h"
#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "account/LoginRunner.h"
#include "account/MemoryPasswordStore.h"
#include "protocol/LjClient.h"
#include "store/Database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

namespace {

// A 1x1 GIF, for an icon with a keyword.
const char* const tinyGif = "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

Account accountFor(const QUrl& server, Interface interface, AuthMethod auth)
{
    Account account;
    account.name = QStringLiteral("mine");
    account.serverUrl = server;
    account.username = QStringLiteral("alice");
    account.interface = interface;
    account.authMethod = auth;
    return account;
}

// Gives alice on an lj server a friend group and an icon, so that login has them to return.
void decorate(const TestServer& server)
{
    // editfriendgroups speaks XML-RPC's nested structs; uploadpic exists on flat only.
    LjClient groupsClient(accountFor(server.baseUrl(), Interface::XmlRpc, AuthMethod::Clear));
    LjClient picsClient(accountFor(server.baseUrl(), Interface::Flat, AuthMethod::Clear));
    groupsClient.setPassword(QStringLiteral("secret"));
    picsClient.setPassword(QStringLiteral("secret"));
    ProtocolValue group = ProtocolValue::emptyMap();
    group.insert(QStringLiteral("name"), QStringLiteral("Family"));
    group.insert(QStringLiteral("sort"), 10);
    ProtocolValue set = ProtocolValue::emptyMap();
    set.insert(QStringLiteral("3"), group);
    ProtocolValue groups = ProtocolValue::emptyMap();
    groups.insert(QStringLiteral("set"), set);
    ProtocolValue pic = ProtocolValue::emptyMap();
    pic.insert(QStringLiteral("data"), QString::fromLatin1(tinyGif));
    pic.insert(QStringLiteral("keywords"), QStringLiteral("cat"));
    pic.insert(QStringLiteral("default"), 1);
    int done = 0;
    QObject context;
    auto check = [&done](ProtocolCall& call) {
        QVERIFY2(call.succeeded(), qPrintable(call.error().toString()));
        ++done;
    };
    groupsClient.call(QStringLiteral("editfriendgroups"), groups, &context, check);
    picsClient.call(QStringLiteral("uploadpic"), pic, &context, check);
    QTRY_COMPARE_WITH_TIMEOUT(done, 2, 30000);
}

} // namespace

class TestLoginRunner : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_temp;
    std::unique_ptr<Database> m_db;
    int m_n = 0;

    // Runs one login to its end; returns (ok, text).
    std::pair<bool, QString> finish(LoginRunner& runner)
    {
        QSignalSpy spy(&runner, &LoginRunner::finished);
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 60000);
        }();
        if (spy.count() != 1)
            return {false, QStringLiteral("no answer")};
        return {spy.first().at(0).toBool(), spy.first().at(1).toString()};
    }

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(m_temp.filePath(QStringLiteral("p%1.sqlite").arg(++m_n)));
        QVERIFY2(m_db->open(), qPrintable(m_db->error()));
    }
    void cleanup() { m_db.reset(); }

    void logsInAndKeepsWhatTheServerReturned_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<Interface>("interface");
        QTest::addColumn<QString>("secret"); // what the user gives Inkwell
        QTest::newRow("lj flat") << "lj" << Interface::Flat << "secret";
        QTest::newRow("lj xmlrpc") << "lj" << Interface::XmlRpc << "secret";
        QTest::newRow("dw flat, API key") << "dw" << Interface::Flat << "APIKEY123";
        QTest::newRow("dw xmlrpc, API key") << "dw" << Interface::XmlRpc << "APIKEY123";
    }

    void logsInAndKeepsWhatTheServerReturned()
    {
        QFETCH(QString, flavor);
        QFETCH(Interface, interface);
        QFETCH(QString, secret);
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), flavor, QStringLiteral("--user"),
                               QStringLiteral("alice:secret:APIKEY123"), QStringLiteral("--community"),
                               QStringLiteral("club:alice")}),
                 qPrintable(server.errorString()));
        const bool dw = flavor == QLatin1String("dw");
        if (!dw)
            decorate(server);

        const Account account = accountFor(server.baseUrl(), interface, AuthMethod::Challenge);
        QString error;
        QVERIFY2(AccountStore(*m_db).add(account, &error), qPrintable(error));
        MemoryPasswordStore passwords;
        QVERIFY(TestProfile::storePassword(passwords, account, secret));

        AccountClients clients(*m_db, passwords);
        LoginRunner runner(*m_db, clients);
        runner.start(account);
        QVERIFY(runner.isRunning());
        const auto [ok, text] = finish(runner);
        QVERIFY2(ok, qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("Logged in as ")), qPrintable(text));
        QVERIFY(!runner.isRunning());
        QVERIFY(runner.wasSaved());
        QCOMPARE(toString(runner.flavor()), toString(dw ? Flavor::Dreamwidth : Flavor::LiveJournal));

        // Kept in the profile, for the editor offline.
        const std::optional<StoredLogin> kept = LoginInfoStore(*m_db).load(account.name);
        QVERIFY(kept);
        QVERIFY(kept->fetchedAt.secsTo(QDateTime::currentDateTimeUtc()) < 3600);
        QCOMPARE(kept->info.usejournals, QStringList{QStringLiteral("club")});
        QVERIFY(kept->info.moods.size() > 50);
        const int moods = int(kept->info.moods.size());
        if (dw) {
            QVERIFY(kept->info.hasCaps);
            QVERIFY(kept->info.friendGroups.isEmpty()); // DW: always empty (REFERENCE.md 3.2)
        } else {
            QCOMPARE(kept->info.friendGroups.size(), 1);
            QCOMPARE(kept->info.friendGroups.first().id, 3);
            QCOMPARE(kept->info.friendGroups.first().name, QStringLiteral("Family"));
            QCOMPARE(kept->info.pictureKeywords, QStringList{QStringLiteral("cat")});
            QCOMPARE(kept->info.pictureUrls.size(), 1);
            QVERIFY(kept->info.pictureUrls.first().startsWith(server.baseUrl().toString()));
        }
        // The flavour learnt is kept in the account.
        QCOMPARE(toString(AccountStore(*m_db).find(account.name)->flavor), toString(runner.flavor()));

        // A second login asks only for newer moods and still keeps all of them.
        runner.start(account);
        QVERIFY2(finish(runner).first, "second login");
        QCOMPARE(int(LoginInfoStore(*m_db).load(account.name)->info.moods.size()), moods);
    }

    void wrongSecretSaysSoInWords_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("expected");
        QTest::newRow("lj") << "lj"
                            << "wrong"
                            << "refused the user name or password (\"Invalid password\").";
        // A server not known yet may be a Dreamwidth one: the hint is given too.
        QTest::newRow("unknown server") << ""
                                        << "wrong"
                                        << "If it is a Dreamwidth server, it wants an API key";
        // Dreamwidth's challenge/response checks API keys only: the account password fails.
        QTest::newRow("dw password instead of API key") << "dw"
                                                        << "secret"
                                                        << "not your account password";
    }

    void wrongSecretSaysSoInWords()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, secret);
        QFETCH(QString, expected);
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), flavor.isEmpty() ? QStringLiteral("lj") : flavor,
                               QStringLiteral("--user"), QStringLiteral("alice:secret:APIKEY123")}),
                 qPrintable(server.errorString()));
        Account account = accountFor(server.baseUrl(), Interface::Flat, AuthMethod::Challenge);
        if (flavor == QLatin1String("dw"))
            account.flavor = Flavor::Dreamwidth; // as the account dialog's Dreamwidth preset sets it
        else if (flavor == QLatin1String("lj"))
            account.flavor = Flavor::LiveJournal;
        MemoryPasswordStore passwords;
        AccountClients clients(*m_db, passwords);
        LoginRunner runner(*m_db, clients);
        runner.start(account, secret);
        const auto [ok, text] = finish(runner);
        QVERIFY(!ok);
        QVERIFY2(text.contains(expected), qPrintable(text));
        QVERIFY(!LoginInfoStore(*m_db).load(account.name));
    }

    void aTypedPasswordIsNotSavedForAnAccountNotInTheProfile()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--user"), QStringLiteral("alice:secret")}),
                 qPrintable(server.errorString()));
        MemoryPasswordStore passwords;
        AccountClients clients(*m_db, passwords);
        LoginRunner runner(*m_db, clients);
        runner.start(accountFor(server.baseUrl(), Interface::XmlRpc, AuthMethod::Challenge),
                     QStringLiteral("secret"));
        const auto [ok, text] = finish(runner);
        QVERIFY2(ok, qPrintable(text));
        QVERIFY(!runner.wasSaved());
        QCOMPARE(runner.info().fullName.isEmpty(), false);
    }

    void noStoredPasswordIsAClearError()
    {
        MemoryPasswordStore passwords;
        AccountClients clients(*m_db, passwords);
        LoginRunner runner(*m_db, clients);
        runner.start(
            accountFor(QUrl(QStringLiteral("http://127.0.0.1:9")), Interface::Flat, AuthMethod::Challenge));
        const auto [ok, text] = finish(runner);
        QVERIFY(!ok);
        QVERIFY2(text.contains(QStringLiteral("No password is kept")), qPrintable(text));
    }

    void unreachableServerIsAClearError()
    {
        MemoryPasswordStore passwords;
        AccountClients clients(*m_db, passwords);
        LoginRunner runner(*m_db, clients);
        runner.setRetryPolicy(RetryPolicy::none());
        runner.start(
            accountFor(QUrl(QStringLiteral("http://127.0.0.1:9")), Interface::Flat, AuthMethod::Challenge),
            QStringLiteral("x"));
        const auto [ok, text] = finish(runner);
        QVERIFY(!ok);
        QVERIFY2(text.startsWith(QStringLiteral("Could not reach the server")), qPrintable(text));
    }

    void theServersMessageIsShown()
    {
        StubLoginServer stub({{"name", "Alice"}, {"message", "Your email address is not validated yet."}});
        MemoryPasswordStore passwords;
        AccountClients clients(*m_db, passwords);
        LoginRunner runner(*m_db, clients);
        runner.start(accountFor(stub.baseUrl(), Interface::Flat, AuthMethod::Challenge), QStringLiteral("x"));
        const auto [ok, text] = finish(runner);
        QVERIFY2(ok, qPrintable(text));
        QCOMPARE(text,
                 QStringLiteral("Logged in as Alice (alice).\nThe server says: Your email address is not "
                                "validated yet."));
        QCOMPARE(runner.info().message, QStringLiteral("Your email address is not validated yet."));
    }

    void cancelledLoginSaysNothing()
    {
        StubLoginServer stub({{"name", "Alice"}});
        MemoryPasswordStore passwords;
        AccountClients clients(*m_db, passwords);
        LoginRunner runner(*m_db, clients);
        QSignalSpy spy(&runner, &LoginRunner::finished);
        runner.start(accountFor(stub.baseUrl(), Interface::Flat, AuthMethod::Challenge), QStringLiteral("x"));
        runner.cancel();
        QVERIFY(!runner.isRunning());
        // A fresh start after a cancel finishes once.
        runner.start(accountFor(stub.baseUrl(), Interface::Flat, AuthMethod::Challenge), QStringLiteral("x"));
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QVERIFY(spy.first().at(0).toBool());
    }
};

QTEST_GUILESS_MAIN(TestLoginRunner)
#include "TestLoginRunner.moc"
