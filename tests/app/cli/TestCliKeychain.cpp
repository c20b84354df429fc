#include "CliRunner.h"
#include "TestServer.h"
#include "account/KeychainPasswordStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// inkwell-cli with a real Secret Service: runs inside tests/keyring-session.sh (a private D-Bus
// session with an unlocked gnome-keyring in a throw-away HOME), which the CLI processes inherit.
class TestCliKeychain : public QObject
{
    Q_OBJECT
private:
    static QStringList words(const QString& line) { return line.split(u' '); }

    // What the keychain holds under `key`, read by this process, as the GUI would.
    static PasswordResult stored(const QString& key)
    {
        KeychainPasswordStore keychain;
        QObject context;
        std::optional<PasswordResult> result;
        keychain.readPassword(key, &context, [&](const PasswordResult& r) { result = r; });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        }();
        return result.value_or(PasswordResult{});
    }

private slots:
    void initTestCase()
    {
        // Never touch the keychain of whoever runs the tests: keyring-session.sh sets a fresh HOME.
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS") &&
                     qEnvironmentVariable("XDG_RUNTIME_DIR").startsWith(QDir::tempPath()),
                 "run through tests/keyring-session.sh (ctest does)");
    }

    void passwordsLiveInTheKeychain()
    {
        TestServer server;
        // alice and alice2 share an API key, so a password can follow an account to another login.
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                               QStringLiteral("alice:pw:KEY-one-7f3a"), QStringLiteral("--user"),
                               QStringLiteral("alice2:pw2:KEY-one-7f3a")}),
                 qPrintable(server.errorString()));
        const QString url = server.baseUrl().toString();
        const QString aliceKey = QStringLiteral("alice@") + url;
        QTemporaryDir temp;
        const CliRunner cli(temp.path(), CliRunner::Keychain::Inherited);

        QVERIFY(stored(aliceKey).status == PasswordStatus::NotFound);
        CliRunner::Run run = cli.run(
            words(QStringLiteral("account add dw --server %1 --user alice --password-stdin").arg(url)),
            "KEY-one-7f3a\n");
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.out.contains("The password is stored in the keychain."), run.describe());
        PasswordResult secret = stored(aliceKey);
        QVERIFY2(secret.status == PasswordStatus::Ok, qPrintable(secret.message));
        QCOMPARE(secret.password, QStringLiteral("KEY-one-7f3a"));
        QVERIFY(!cli.profileContains("KEY-one-7f3a"));

        // Later runs find it without --password-stdin.
        run = cli.run(words(QStringLiteral("login dw")));
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.out.contains("Flavour:      Dreamwidth"), run.describe());
        run = cli.run(words(QStringLiteral("call dw syncitems")));
        QVERIFY2(run.exitCode == 0 && run.json()[u"total"].toInt() == 0, run.describe());

        // edit --password-stdin replaces it.
        run = cli.run(words(QStringLiteral("account edit dw --password-stdin")), "wrong-key\n");
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(stored(aliceKey).password, QStringLiteral("wrong-key"));
        run = cli.run(words(QStringLiteral("login dw")));
        QVERIFY2(run.exitCode == 1 && run.err.contains("Invalid password"), run.describe());
        QVERIFY(!run.err.contains("wrong-key"));
        QCOMPARE(
            cli.run(words(QStringLiteral("account edit dw --password-stdin")), "KEY-one-7f3a\n").exitCode, 0);

        // A second account for the same login shares the secret; removing it leaves the secret.
        QCOMPARE(
            cli.run(words(QStringLiteral("account add same --server %1/ --user Alice").arg(url))).exitCode,
            0);
        run = cli.run(words(QStringLiteral("account remove same")));
        QVERIFY2(run.exitCode == 0 && run.out.contains("another account uses the same login"),
                 run.describe());
        QCOMPARE(stored(aliceKey).password, QStringLiteral("KEY-one-7f3a"));

        // A new user name takes the stored password along.
        run = cli.run(words(QStringLiteral("account edit dw --user alice2")));
        QVERIFY2(run.exitCode == 0 && run.out.contains("now belongs to the new login"), run.describe());
        QVERIFY(stored(aliceKey).status == PasswordStatus::NotFound);
        const QString alice2Key = QStringLiteral("alice2@") + url;
        QCOMPARE(stored(alice2Key).password, QStringLiteral("KEY-one-7f3a"));
        run = cli.run(words(QStringLiteral("login dw")));
        QVERIFY2(run.exitCode == 0 && run.out.contains(" as alice2 "), run.describe());

        // Removing the account deletes its password.
        run = cli.run(words(QStringLiteral("account remove dw")));
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.out.contains("Its password was deleted from the keychain."), run.describe());
        QVERIFY(stored(alice2Key).status == PasswordStatus::NotFound);
    }

    void anAccountWithoutAStoredPasswordSaysHowToGiveIt()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--user"), QStringLiteral("bob:pw")}),
                 qPrintable(server.errorString()));
        QTemporaryDir temp;
        const CliRunner cli(temp.path(), CliRunner::Keychain::Inherited);
        QCOMPARE(cli.run(words(QStringLiteral("account add lj --server %1 --user bob")
                                   .arg(server.baseUrl().toString())))
                     .exitCode,
                 0);
        const CliRunner::Run run = cli.run(words(QStringLiteral("login lj")));
        QVERIFY2(run.exitCode == 1, run.describe());
        QVERIFY2(
            run.err.contains("No password for account 'lj': none is stored in the keychain. Give it with "
                             "--password-stdin"),
            run.describe());
        QCOMPARE(server.totalRequests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliKeychain)
#include "TestCliKeychain.moc"
