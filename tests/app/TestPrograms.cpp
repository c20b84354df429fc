#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// Runs inkwell and inkwell-cli as separate processes with --profile, as a user or a script would.
class TestPrograms : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run runCli(const QStringList& args)
    {
        QProcess process;
        process.start(QStringLiteral(INKWELL_CLI_PATH), args);
        [&] {
            QVERIFY(process.waitForFinished(30000));
        }();
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

private slots:
    void cliInfoCreatesTheProfileDatabase()
    {
        QTemporaryDir temp;
        const QString profile = temp.filePath(QStringLiteral("profile"));
        const Run run = runCli({QStringLiteral("--profile"), profile, QStringLiteral("info")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(
                     (QStringLiteral("database ") + profile + QStringLiteral("/journal.sqlite")).toUtf8()),
                 run.out.constData());
        QVERIFY2(QRegularExpression(QStringLiteral("\\nschema [1-9][0-9]*\\n"))
                     .match(QString::fromUtf8(run.out))
                     .hasMatch(),
                 run.out.constData());
        QVERIFY(QFile::exists(profile + QStringLiteral("/journal.sqlite")));
    }

    void cliUsageErrorsExitWithTwo()
    {
        QTemporaryDir temp;
        const QStringList profile{QStringLiteral("--profile"), temp.path()};
        Run run = runCli(profile);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("no command"));
        run = runCli(profile + QStringList{QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("unknown command 'frobnicate'"));
        run = runCli({QStringLiteral("--no-such-option")});
        QCOMPARE(run.exitCode, 2);
    }

    void cliRefusesADatabaseFromTheFuture()
    {
        QTemporaryDir temp;
        // SQLite keeps user_version in the header at offset 60; a file made by sqlite with version
        // 999 is simplest to fake by letting the CLI create one, then patching the header.
        const QStringList args{QStringLiteral("--profile"), temp.path(), QStringLiteral("info")};
        QCOMPARE(runCli(args).exitCode, 0);
        QFile db(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(db.open(QIODevice::ReadWrite));
        QVERIFY(db.seek(60));
        db.write(QByteArray::fromHex("000003e7"));
        db.close();
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("newer version of Inkwell"), run.err.constData());
    }

    void guiStartsWithAProfileAndNoNetwork()
    {
        QTemporaryDir temp;
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("http_proxy"), QStringLiteral("http://127.0.0.1:9")); // no network
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(INKWELL_GUI_PATH), {QStringLiteral("--profile"), temp.path()});
        QVERIFY(gui.waitForStarted());
        // The database appears once main() has opened it; the window is up right after.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(temp.filePath(QStringLiteral("journal.sqlite"))), 20000);
        QTest::qWait(300);
        QCOMPARE(gui.state(), QProcess::Running);
        gui.terminate();
        QVERIFY(gui.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestPrograms)
#include "TestPrograms.moc"
