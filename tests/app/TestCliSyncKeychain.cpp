#include "CliRunner.h"
#include "ExportCheck.h"
#include "TestServer.h"
#include "account/KeychainPasswordStore.h"

#include <QEventLoop>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Inkwell;

// `inkwell-cli sync` with a real Secret Service (tests/keyring-session.sh): the session the server
// grants is kept in the keychain between runs, never in the profile, and renewed when the server no
// longer takes it.
class TestCliSyncKeychain : public QObject
{
    Q_OBJECT
private:
    static QStringList words(const QString& line) { return line.split(u' '); }

    static PasswordResult keychain(const QString& key, const std::optional<QString>& write = {})
    {
        KeychainPasswordStore store;
        QObject context;
        std::optional<PasswordResult> result;
        // An event loop, not QTRY_*: those stop waiting once the test has failed, and every later
        // look into the keychain would then fail too, hiding the first failure among false ones.
        QEventLoop loop;
        auto done = [&](const PasswordResult& r) {
            result = r;
            loop.quit();
        };
        if (write)
            store.writePassword(key, *write, &context, done);
        else
            store.readPassword(key, &context, done);
        if (!result) {
            QTimer::singleShot(20000, &loop, &QEventLoop::quit); // a keychain that never answers
            loop.exec();
        }
        if (!result)
            qWarning("the keychain did not answer for %s", qPrintable(key));
        return result.value_or(PasswordResult{});
    }

    static int requestsOf(TestServer& server, const QString& mode)
    {
        return server.control("GET", QStringLiteral("stats"))
            .value(QStringLiteral("modes"))
            .toObject()
            .value(mode)
            .toInt();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS") &&
                     qEnvironmentVariable("XDG_RUNTIME_DIR").startsWith(QDir::tempPath()),
                 "run through tests/keyring-session.sh (ctest does)");
    }

    void theSessionIsKeptInTheKeychainBetweenRuns()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                               QStringLiteral("alice:pw"), QStringLiteral("--seed"), QStringLiteral("700")}),
                 qPrintable(server.errorString()));
        QTemporaryDir temp;
        const CliRunner cli(temp.path(), CliRunner::Keychain::Inherited);
        const QString url = server.baseUrl().toString();
        QCOMPARE(cli.run(words(QStringLiteral("account add acct --server %1 --user alice --password-stdin")
                                   .arg(url)),
                         "pw\n")
                     .exitCode,
                 0);
        const QString sessionKey = QStringLiteral("session:alice@") + url;
        QVERIFY(keychain(sessionKey).status == PasswordStatus::NotFound);

        // First run: logs in (getchallenge, sessiongenerate) and keeps the session.
        CliRunner::Run run = cli.run(words(QStringLiteral("sync acct")));
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("added 700 updated 0 deleted 0 "), run.describe());
        QCOMPARE(requestsOf(server, QStringLiteral("sessiongenerate")), 1);
        QCOMPARE(requestsOf(server, QStringLiteral("sessionexpire")), 0);
        const PasswordResult kept = keychain(sessionKey);
        QVERIFY2(kept.status == PasswordStatus::Ok && !kept.password.isEmpty(), qPrintable(kept.message));
        QVERIFY(!cli.profileContains(kept.password.toUtf8()));

        // Nothing new, and no login: syncitems and getdaycounts with the kept session.
        server.control("POST", QStringLiteral("stats/reset"));
        run = cli.run(words(QStringLiteral("sync acct")));
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("added 0 updated 0 deleted 0 requests "),
                 run.describe());
        const int requests = run.out.split(' ').at(7).toInt();
        QVERIFY2(requests <= 3, run.describe());
        QVERIFY2(server.totalRequests() <= 3, qPrintable(QString::number(server.totalRequests())));
        QCOMPARE(requestsOf(server, QStringLiteral("getchallenge")), 0);
        QCOMPARE(requestsOf(server, QStringLiteral("sessiongenerate")), 0);
        QCOMPARE(keychain(sessionKey).password, kept.password);

        // The server no longer takes the kept session: the client logs in again, and the new session
        // replaces the old one in the keychain.
        QString forged = kept.password;
        forged.replace(QRegularExpression(QStringLiteral(":a[A-Za-z0-9]+")), QStringLiteral(":aForged0"));
        QVERIFY(forged != kept.password);
        QCOMPARE(keychain(sessionKey, forged).status, PasswordStatus::Ok);
        server.control("POST", QStringLiteral("stats/reset"));
        run = cli.run(words(QStringLiteral("sync acct")));
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("added 0 updated 0 deleted 0 "), run.describe());
        QCOMPARE(requestsOf(server, QStringLiteral("sessiongenerate")), 1);
        const PasswordResult renewed = keychain(sessionKey);
        QVERIFY(renewed.status == PasswordStatus::Ok);
        QVERIFY(!renewed.password.isEmpty() && renewed.password != forged &&
                renewed.password != kept.password);
        server.control("POST", QStringLiteral("stats/reset"));
        run = cli.run(words(QStringLiteral("sync acct")));
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(requestsOf(server, QStringLiteral("sessiongenerate")), 0);

        verifyJsonlMatchesServer(cli.run(words(QStringLiteral("export acct --format jsonl"))).out, server,
                                 QStringLiteral("alice"));
        if (QTest::currentTestFailed())
            return;

        // Removing the account forgets its session too.
        QCOMPARE(cli.run(words(QStringLiteral("account remove acct"))).exitCode, 0);
        QVERIFY(keychain(sessionKey).status == PasswordStatus::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCliSyncKeychain)
#include "TestCliSyncKeychain.moc"
