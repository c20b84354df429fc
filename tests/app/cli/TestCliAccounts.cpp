#include "CliRunner.h"

#include <QTemporaryDir>
#include <QTest>

// `inkwell-cli account ...` and the command line as a whole, run as separate processes with a
// private --profile. No keychain is reachable here (CliRunner's default); TestCliKeychain covers it.
class TestCliAccounts : public QObject
{
    Q_OBJECT
private:
    static QStringList words(const char* line) { return QString::fromUtf8(line).split(u' '); }

private slots:
    void accountsAreAddedListedEditedAndRemoved()
    {
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        CliRunner::Run run = cli.run(words("account list"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("No accounts"), run.describe());

        run = cli.run(words("account add dw --server https://www.dreamwidth.org/ --user Alice-B"));
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(
            run.out.contains("Added account 'dw': alice_b on https://www.dreamwidth.org (flat, challenge)"),
            run.describe());
        run = cli.run(words("account add lj --server https://lj.example --user bob --interface xmlrpc --auth "
                            "hpassword"));
        QVERIFY2(run.exitCode == 0, run.describe());

        run = cli.run(words("account list"));
        QCOMPARE(run.exitCode, 0);
        QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].simplified() == "NAME SERVER USER INTERFACE AUTH FLAVOUR");
        QCOMPARE(lines[1].simplified(), QByteArray("dw https://www.dreamwidth.org alice_b flat challenge -"));
        QCOMPARE(lines[2].simplified(), QByteArray("lj https://lj.example bob xmlrpc hpassword -"));

        run = cli.run(words("account edit lj --interface flat --auth cookie --rename work"));
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.out.contains("Changed account 'work': bob on https://lj.example (flat, cookie)"),
                 run.describe());
        run = cli.run(words("account edit work --server https://other.example --user carol"));
        QVERIFY2(run.exitCode == 0, run.describe());

        run = cli.run(words("account list"));
        lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[2].simplified(), QByteArray("work https://other.example carol flat cookie -"));

        run = cli.run(words("account remove dw"));
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY(run.out.contains("Removed account 'dw'"));
        run = cli.run(words("account list"));
        lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[1].startsWith("work "));
    }

    // clear and hpassword put the password (or its MD5, as good as the password) in every request:
    // over plain http:// to another machine that is worth a warning, not a refusal; challenge,
    // cookie, https:// and a server on this machine are not.
    void passwordsOverPlainHttpAreWarnedAbout_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("warned");
        QTest::newRow("clear over http")
            << "account add a --server http://lj.example --user bob --auth clear" << true;
        QTest::newRow("hpassword over http")
            << "account add a --server http://lj.example --user bob --auth hpassword" << true;
        QTest::newRow("edit to clear") << "account edit plain --auth clear" << true;
        QTest::newRow("edit to http") << "account edit secure --server http://lj.example" << true;
        QTest::newRow("challenge over http")
            << "account add a --server http://lj.example --user bob" << false;
        QTest::newRow("cookie over http")
            << "account add a --server http://lj.example --user bob --auth cookie" << false;
        QTest::newRow("clear over https")
            << "account add a --server https://lj.example --user bob --auth clear" << false;
        QTest::newRow("clear on localhost")
            << "account add a --server http://localhost:8080 --user bob --auth clear" << false;
        QTest::newRow("hpassword on 127.0.0.1")
            << "account add a --server http://127.0.0.1:8080 --user bob --auth hpassword" << false;
        QTest::newRow("clear on ::1")
            << "account add a --server http://[::1]:8080 --user bob --auth clear" << false;
    }

    void passwordsOverPlainHttpAreWarnedAbout()
    {
        QFETCH(QString, command);
        QFETCH(bool, warned);
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        QCOMPARE(cli.run(words("account add plain --server http://lj.example --user bob")).exitCode, 0);
        QCOMPARE(
            cli.run(words("account add secure --server https://lj.example --user bob --auth clear")).exitCode,
            0);
        const CliRunner::Run run = cli.run(command.split(u' '));
        QVERIFY2(run.exitCode == 0, run.describe()); // a warning, not a refusal
        QCOMPARE(run.err.contains("warning: "), warned);
        if (warned) {
            QVERIFY2(run.err.contains("without encryption (http://)") &&
                         run.err.contains("http://lj.example"),
                     run.describe());
            QVERIFY2(run.err.contains("https://") && run.err.contains("challenge"), run.describe());
        }
    }

    void accountMistakesAreUsageErrors_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("expected");
        QTest::newRow("duplicate") << "account add dw --server https://x.org --user bob"
                                   << "An account named 'dw' already exists";
        QTest::newRow("bad url") << "account add new --server x.org --user bob"
                                 << "not a valid URL";
        QTest::newRow("ftp url") << "account add new --server ftp://x.org --user bob"
                                 << "must start with https://";
        QTest::newRow("bad user") << "account add new --server https://x.org --user b!b"
                                  << "user name may only";
        QTest::newRow("bad interface") << "account add new --server https://x.org --user bob --interface soap"
                                       << "--interface is flat, xmlrpc or blogger, not 'soap'";
        QTest::newRow("blogger with challenge")
            << "account add new --server https://x.org --user bob --interface blogger --auth challenge"
            << "The Blogger API sends the password itself with every request: choose clear authentication";
        QTest::newRow("bad auth") << "account edit dw --auth digest"
                                  << "--auth is challenge, cookie, hpassword or clear, not 'digest'";
        QTest::newRow("missing user") << "account add new --server https://x.org"
                                      << "needs --user USER";
        QTest::newRow("unknown account") << "account remove nobody"
                                         << "There is no account named 'nobody'";
        QTest::newRow("edit unknown") << "account edit nobody --user x"
                                      << "There is no account named 'nobody'";
        QTest::newRow("edit nothing") << "account edit dw"
                                      << "needs something to change";
        QTest::newRow("rename onto another") << "account edit dw --rename lj"
                                             << "An account named 'lj' already exists";
        QTest::newRow("login unknown") << "login nobody --password-stdin"
                                       << "There is no account named 'nobody'";
        QTest::newRow("call unknown") << "call nobody getchallenge"
                                      << "There is no account named 'nobody'";
        QTest::newRow("call bad field") << "call dw getevents selecttype"
                                        << "'selecttype' is not a field";
        QTest::newRow("call bad json") << "call dw getevents itemid:=x"
                                       << "not valid JSON";
        QTest::newRow("call without mode") << "call dw itemid=1"
                                           << "'itemid=1' is not a mode";
    }

    void accountMistakesAreUsageErrors()
    {
        QFETCH(QString, command);
        QFETCH(QString, expected);
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        QCOMPARE(cli.run(words("account add dw --server https://dw.example --user alice")).exitCode, 0);
        QCOMPARE(cli.run(words("account add lj --server https://lj.example --user alice")).exitCode, 0);
        const CliRunner::Run run = cli.run(command.split(u' '), "secret\n");
        QVERIFY2(run.exitCode == 2, run.describe());
        QVERIFY2(run.err.startsWith("inkwell-cli: ") && run.err.count('\n') == 1, run.describe());
        QVERIFY2(run.err.contains(expected.toUtf8()), run.describe());
        QVERIFY(run.out.isEmpty());
        // Nothing changed.
        const CliRunner::Run list = cli.run(words("account list"));
        QVERIFY(list.out.contains("\ndw ") && list.out.contains("\nlj "));
        QCOMPARE(list.out.count('\n'), 3);
    }

    void withoutAKeychainThePasswordIsNotStoredAnywhere()
    {
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        const QByteArray secret = "hunter2-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        CliRunner::Run run = cli.run(
            words("account add dw --server https://dw.example --user alice --password-stdin"), secret + "\n");
        QVERIFY2(run.exitCode == 1, run.describe());
        QVERIFY2(run.err.contains("No keychain is available, so the password was not stored"),
                 run.describe());
        QVERIFY2(run.err.contains("The account was not added"), run.describe());
        QVERIFY(cli.run(words("account list")).out.contains("No accounts"));

        QCOMPARE(cli.run(words("account add dw --server https://dw.example --user alice")).exitCode, 0);
        run = cli.run(words("account edit dw --password-stdin"), secret + "\n");
        QVERIFY2(run.exitCode == 1, run.describe());
        QVERIFY2(run.err.contains("The account was not changed"), run.describe());

        // Asking for a password that is neither given nor kept anywhere.
        run = cli.run(words("login dw"));
        QVERIFY2(run.exitCode == 1, run.describe());
        QVERIFY2(
            run.err.contains("No password for account 'dw': none was given with --password-stdin, and no "
                             "keychain is available"),
            run.describe());

        QVERIFY(!cli.profileContains(secret));
    }

    void passwordStdinNeedsALine()
    {
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        QCOMPARE(cli.run(words("account add dw --server https://dw.example --user alice")).exitCode, 0);
        for (const QByteArray& input : {QByteArray(""), QByteArray("\n"), QByteArray("\r\n")}) {
            const CliRunner::Run run = cli.run(words("login dw --password-stdin"), input);
            QVERIFY2(run.exitCode == 2, run.describe());
            QVERIFY2(run.err.contains("standard input held no password"), run.describe());
        }
    }

    void helpListsEveryCommand()
    {
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        CliRunner::Run run = cli.run({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char* command :
             {"info", "account list", "account add NAME", "account edit NAME", "account remove NAME",
              "login NAME", "call NAME MODE", "--password-stdin"})
            QVERIFY2(run.out.contains(command), command);
        run = cli.run(words("help call"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("key:=JSON"));
        const CliRunner::Run viaOption = cli.run(words("call --help"));
        QCOMPARE(viaOption.exitCode, 0);
        QCOMPARE(viaOption.out, run.out);
        run = cli.run(words("help nothing"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("unknown command 'nothing'"));
    }
};

QTEST_GUILESS_MAIN(TestCliAccounts)
#include "TestCliAccounts.moc"
