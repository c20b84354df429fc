// AccountClients: finds the account, reads its password and hands out the account's one client,
// made again when the account or its password changes; under cookie authentication every user of
// the client shares one session, and endSessions() ends what is left open.

#include "TestAccounts.h"
#include "TestProfile.h"
#include "TestServer.h"
#include "account/AccountClients.h"
#include "account/MemoryPasswordStore.h"
#include "protocol/LjClient.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Inkwell;

class TestAccountClients : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    MemoryPasswordStore m_passwords;
    int m_n = 0;

    void setPassword(const QString& name, const QString& password)
    {
        const std::optional<Account> account = AccountStore(*m_db).find(name);
        QVERIFY(account);
        QVERIFY(TestProfile::storePassword(m_passwords, *account, password));
    }

    // What clientFor(name, ...) answers: the client, or the message for the user.
    struct Answer
    {
        std::shared_ptr<LjClient> client;
        QString problem;
    };
    Answer ask(AccountClients& clients, const QString& name)
    {
        std::optional<Answer> answer;
        clients.clientFor(
            name, QStringLiteral("it will be tried again"), this,
            [&](std::shared_ptr<LjClient> client) {
                answer = Answer{std::move(client), {}};
            },
            [&](const QString& message) {
                answer = Answer{nullptr, message};
            });
        [&] {
            QTRY_VERIFY(answer.has_value());
        }();
        return answer.value_or(Answer{});
    }

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("p%1.sqlite").arg(++m_n)));
        QVERIFY(m_db->open());
        QVERIFY(addTestAccount(*m_db, QStringLiteral("dw"), QStringLiteral("alice")));
    }
    void cleanup() { m_db.reset(); }

    void oneClientPerAccountWithItsPassword()
    {
        setPassword(QStringLiteral("dw"), QStringLiteral("pw"));
        AccountClients clients(*m_db, m_passwords);
        const Answer first = ask(clients, QStringLiteral("dw"));
        QVERIFY2(first.client, qPrintable(first.problem));
        QVERIFY(first.client->hasPassword());
        QCOMPARE(first.client->account().username, QStringLiteral("alice"));
        // Every service gets the same one, the CLI's path (a password read elsewhere) too.
        QCOMPARE(ask(clients, QStringLiteral("dw")).client.get(), first.client.get());
        QCOMPARE(clients.clientFor(first.client->account(), QStringLiteral("pw")).get(), first.client.get());
    }

    void whatTheUserMustDoIsSaid()
    {
        MemoryPasswordStore empty;
        AccountClients clients(*m_db, empty);
        const Answer noPassword = ask(clients, QStringLiteral("dw"));
        QVERIFY(!noPassword.client);
        QCOMPARE(noPassword.problem,
                 QStringLiteral("No password is saved for \"dw\": enter it in Accounts, and "
                                "it will be tried again."));
        const Answer gone = ask(clients, QStringLiteral("nobody"));
        QVERIFY(!gone.client);
        QVERIFY2(gone.problem.contains(QStringLiteral("no account named \"nobody\"")),
                 qPrintable(gone.problem));
    }

    void aChangedPasswordOrServerMakesANewClientAndTheOldOneLivesOnWhileHeld()
    {
        setPassword(QStringLiteral("dw"), QStringLiteral("typo"));
        AccountClients clients(*m_db, m_passwords);
        const std::shared_ptr<LjClient> old = ask(clients, QStringLiteral("dw")).client;
        QVERIFY(old);

        setPassword(QStringLiteral("dw"), QStringLiteral("pw"));
        const std::shared_ptr<LjClient> corrected = ask(clients, QStringLiteral("dw")).client;
        QVERIFY(corrected);
        QVERIFY(corrected.get() != old.get());
        QCOMPARE(old->account().name, QStringLiteral("dw")); // still usable by the run that holds it

        // The flavour a login learns is not a new connection; another server is.
        Account account = AccountStore(*m_db).find(QStringLiteral("dw")).value();
        account.flavor = Flavor::Dreamwidth;
        QString error;
        QVERIFY2(AccountStore(*m_db).update(account.name, account, &error), qPrintable(error));
        const std::shared_ptr<LjClient> learnt = ask(clients, QStringLiteral("dw")).client;
        QCOMPARE(learnt.get(), corrected.get());
        QCOMPARE(toString(learnt->flavor()), toString(Flavor::Dreamwidth));

        account.serverUrl = QUrl(QStringLiteral("https://other.example.org"));
        QVERIFY2(AccountStore(*m_db).update(account.name, account, &error), qPrintable(error));
        setPassword(QStringLiteral("dw"), QStringLiteral("pw")); // the key names the server
        const std::shared_ptr<LjClient> moved = ask(clients, QStringLiteral("dw")).client;
        QVERIFY(moved);
        QVERIFY(moved.get() != corrected.get());
        QCOMPARE(moved->account().serverUrl.host(), QStringLiteral("other.example.org"));
    }

    void usersShareOneSessionThatEndsWithTheProfile()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}),
                 qPrintable(server.errorString()));
        Account account = AccountStore(*m_db).find(QStringLiteral("dw")).value();
        account.serverUrl = server.baseUrl();
        account.authMethod = AuthMethod::Cookie;
        QString error;
        QVERIFY2(AccountStore(*m_db).update(account.name, account, &error), qPrintable(error));
        setPassword(QStringLiteral("dw"), QStringLiteral("pw"));
        AccountClients clients(*m_db, m_passwords);
        clients.setRetryPolicy(RetryPolicy::none());

        // Two services' calls at once, through the one client: one session serves both.
        const std::shared_ptr<LjClient> outbox = ask(clients, QStringLiteral("dw")).client;
        const std::shared_ptr<LjClient> friends = ask(clients, QStringLiteral("dw")).client;
        QVERIFY(outbox && friends);
        int answered = 0;
        for (LjClient* client : {outbox.get(), friends.get()}) {
            client->call(QStringLiteral("getfriendgroups"), ProtocolValue::emptyMap(), this,
                         [&](ProtocolCall& call) {
                             QVERIFY2(call.succeeded(), qPrintable(call.error().toString()));
                             ++answered;
                         });
        }
        QTRY_COMPARE(answered, 2);
        QCOMPARE(server.requestCount(QStringLiteral("sessiongenerate")), 1);
        QCOMPARE(server.liveSessions(), 1);

        bool ended = false;
        clients.endSessions(this, [&] { ended = true; });
        QTRY_VERIFY(ended);
        QCOMPARE(server.liveSessions(), 0);
        QCOMPARE(server.requestCount(QStringLiteral("sessionexpire")), 1);

        // Nothing open: it answers at once, from the event loop.
        ended = false;
        clients.endSessions(this, [&] { ended = true; });
        QVERIFY(!ended);
        QTRY_VERIFY(ended);
        QCOMPARE(server.requestCount(QStringLiteral("sessionexpire")), 1);
    }
};

QTEST_GUILESS_MAIN(TestAccountClients)
#include "TestAccountClients.moc"
