#include "CliRunner.h"
#include "ExportCheck.h"
#include "TestServer.h"
#include "account/KeychainPasswordStore.h"

#include <QEventLoop>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Inkwell;

// `inkwell-cli sync` with a real Secret Service (tests/keyring-session.sh): the password comes from
// the keychain; the session the server grants lasts the run only and is kept nowhere, neither in
// the keychain nor in the profile, and none is left open on the server.
class TestCliSyncKeychain : public QObject
{
    Q_OBJECT
private:
    static QStringList words(const QString& line) { return line.split(u' '); }

    static PasswordResult keychain(const QString& key)
    {
        KeychainPasswordStore store;
        QObject context;
        std::optional<PasswordResult> result;
        // An event loop, not QTRY_*: those stop waiting once the test has failed, and every later
        // look into the keychain would then fail too, hiding the first failure among false ones.
        QEventLoop loop;
        store.readPassword(key, &context, [&](const PasswordResult& r) {
            result = r;
            loop.quit();
        });
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

    void eachRunEndsItsSessionAndKeepsOnlyThePassword()
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

        // The password from the keychain; one session for the whole sync, ended with it.
        CliRunner::Run run = cli.run(words(QStringLiteral("sync acct")));
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("added 700 updated 0 deleted 0 "), run.describe());
        QCOMPARE(requestsOf(server, QStringLiteral("sessiongenerate")), 1);
        QCOMPARE(requestsOf(server, QStringLiteral("sessionexpire")), 1);
        QCOMPARE(server.liveSessions(), 0);
        // Nothing but the password went to the keychain (earlier versions kept the session there).
        QVERIFY(keychain(QStringLiteral("session:alice@") + url).status == PasswordStatus::NotFound);
        QCOMPARE(keychain(QStringLiteral("alice@") + url).password, QStringLiteral("pw"));

        // The next run opens a session of its own and ends it too.
        server.control("POST", QStringLiteral("stats/reset"));
        run = cli.run(words(QStringLiteral("sync acct")));
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("added 0 updated 0 deleted 0 "), run.describe());
        QCOMPARE(requestsOf(server, QStringLiteral("sessiongenerate")), 1);
        QCOMPARE(requestsOf(server, QStringLiteral("sessionexpire")), 1);
        QCOMPARE(server.liveSessions(), 0);
        QCOMPARE(server.totalRequests(), run.out.split(' ').at(7).toInt()); // requests R is every request

        verifyJsonlMatchesServer(cli.run(words(QStringLiteral("export acct --format jsonl"))).out, server,
                                 QStringLiteral("alice"));
    }
};

QTEST_GUILESS_MAIN(TestCliSyncKeychain)
#include "TestCliSyncKeychain.moc"
