#include "CliRunner.h"
#include "ExportCheck.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

// `inkwell-cli sync` as a user runs it, against the local journal server, with no keychain
// reachable (so the session lasts for one run). The mirror is checked from outside, through
// `export --format jsonl`, against the server's own dump.
class TestCliSync : public QObject
{
    Q_OBJECT
private:
    struct Summary
    {
        int added = -1, updated = -1, deleted = -1, requests = -1;
        double seconds = -1;
    };

    static QStringList words(const QString& line) { return line.split(u' '); }

    // The one line sync prints on standard output, exactly in its documented form.
    static std::optional<Summary> summaryOf(const CliRunner::Run& run)
    {
        static const QRegularExpression format(QStringLiteral(
            "^added (\\d+) updated (\\d+) deleted (\\d+) requests (\\d+) seconds (\\d+\\.\\d)\\n$"));
        const QRegularExpressionMatch match = format.match(QString::fromUtf8(run.out));
        if (!match.hasMatch())
            return std::nullopt;
        return Summary{match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt(),
                       match.captured(4).toInt(), match.captured(5).toDouble()};
    }

    static bool addAccount(const CliRunner& cli, const TestServer& server,
                           const QString& user = QStringLiteral("alice"))
    {
        return cli.run(words(QStringLiteral("account add acct --server %1 --user %2")
                                 .arg(server.baseUrl().toString(), user)))
                   .exitCode == 0;
    }

    static CliRunner::Run sync(const CliRunner& cli, const QString& extra = {},
                               const QByteArray& password = "pw\n")
    {
        QStringList args = words(QStringLiteral("sync acct --password-stdin"));
        if (!extra.isEmpty())
            args += words(extra);
        return cli.run(args, password);
    }

    static QByteArray exportJsonl(const CliRunner& cli, const QString& extra = {})
    {
        QStringList args = words(QStringLiteral("export acct --format jsonl"));
        if (!extra.isEmpty())
            args += words(extra);
        const CliRunner::Run run = cli.run(args);
        if (run.exitCode != 0)
            qWarning() << run.describe();
        return run.out;
    }

    // Another client (the web, another device): a protocol call through `inkwell-cli call`.
    static QJsonDocument other(const CliRunner& cli, const QStringList& fields)
    {
        const CliRunner::Run run =
            cli.run(QStringList{QStringLiteral("call"), QStringLiteral("acct")} + fields +
                        QStringList{QStringLiteral("--password-stdin"), QStringLiteral("--compact")},
                    "pw\n");
        if (run.exitCode != 0)
            qWarning() << run.describe();
        return run.json();
    }

    static int requestsOf(TestServer& server, const QString& mode)
    {
        return server.control("GET", QStringLiteral("stats"))
            .value(QStringLiteral("modes"))
            .toObject()
            .value(mode)
            .toInt();
    }

    static void resetStats(TestServer& server) { server.control("POST", QStringLiteral("stats/reset")); }

private slots:
    void firstSyncMirrorsTheJournalAndASecondFindsNothing()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                               QStringLiteral("alice:pw"), QStringLiteral("--seed"), QStringLiteral("700")}),
                 qPrintable(server.errorString()));
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        QVERIFY(addAccount(cli, server));

        CliRunner::Run run = sync(cli);
        QVERIFY2(run.exitCode == 0, run.describe());
        std::optional<Summary> summary = summaryOf(run);
        QVERIFY2(summary, run.describe());
        QCOMPARE(summary->added, 700);
        QCOMPARE(summary->updated, 0);
        QCOMPARE(summary->deleted, 0);
        // getchallenge + sessiongenerate, 2 syncitems pages, 7 getevents, getdaycounts, sessionexpire.
        QVERIFY2(summary->requests >= 12 && summary->requests <= 14, run.describe());
        // The summary counts every request of the run, the session's end included, and no session
        // is left on the server.
        QCOMPARE(server.totalRequests(), summary->requests);
        QCOMPARE(requestsOf(server, QStringLiteral("sessionexpire")), 1);
        QCOMPARE(server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 0);

        // Progress on standard error: phases and counts, without flooding.
        const QList<QByteArray> progress = run.err.trimmed().split('\n');
        QVERIFY2(run.err.contains("sync alice: fetching ") && run.err.contains("/700 entries"),
                 run.describe());
        QVERIFY2(run.err.contains("sync alice: checking for deleted entries"), run.describe());
        QVERIFY2(progress.size() <= 4 + 2 * int(summary->seconds + 1), run.describe());

        verifyJsonlMatchesServer(exportJsonl(cli), server, QStringLiteral("alice"));
        if (QTest::currentTestFailed())
            return;

        // Nothing new: a fresh session (no keychain: getchallenge, sessiongenerate), syncitems,
        // getdaycounts, and the session's end. The engine may fetch the entries of the newest second
        // it listed once more (one getevents, SyncEngine::commitCursor), but nothing else.
        resetStats(server);
        run = sync(cli);
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.out.startsWith("added 0 updated 0 deleted 0 requests "), run.describe());
        summary = summaryOf(run);
        QVERIFY2(summary && summary->requests <= 6, run.describe());
        QCOMPARE(server.totalRequests(), summary->requests);
        QCOMPARE(requestsOf(server, QStringLiteral("sessionexpire")), 1);
        QCOMPARE(server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 0);
        QVERIFY(requestsOf(server, QStringLiteral("getevents")) <= 1);
    }

    void changesMadeElsewhereShowUpInTheNextSync()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                               QStringLiteral("alice:pw"), QStringLiteral("--seed"), QStringLiteral("120")}),
                 qPrintable(server.errorString()));
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        QVERIFY(addAccount(cli, server));
        QVERIFY(summaryOf(sync(cli)));
        QVERIFY(summaryOf(sync(cli))); // a first sync lists entries at creation time; let edits settle

        server.control("POST", QStringLiteral("clock"), {{QStringLiteral("advance"), 60}});
        QVERIFY(other(cli, {QStringLiteral("postevent"), QStringLiteral("event=new from the web ✓"),
                            QStringLiteral("subject=fresh"), QStringLiteral("year:=2026"),
                            QStringLiteral("mon:=2"), QStringLiteral("day:=3"), QStringLiteral("hour:=4"),
                            QStringLiteral("min:=5")})[u"itemid"]
                    .toInt() > 120);
        QVERIFY(other(cli, {QStringLiteral("postevent"), QStringLiteral("event=written long ago"),
                            QStringLiteral("subject=backdated"), QStringLiteral("year:=2003"),
                            QStringLiteral("mon:=5"), QStringLiteral("day:=6"), QStringLiteral("hour:=7"),
                            QStringLiteral("min:=8"), QStringLiteral("props.opt_backdated:=1")})[u"itemid"]
                    .toInt() > 120);
        QVERIFY(other(cli, {QStringLiteral("editevent"), QStringLiteral("itemid:=10"),
                            QStringLiteral("event=edited elsewhere"), QStringLiteral("subject=edited"),
                            QStringLiteral("year:=2010"), QStringLiteral("mon:=1"), QStringLiteral("day:=2"),
                            QStringLiteral("hour:=3"), QStringLiteral("min:=0")})[u"itemid"]
                    .toInt() == 10);
        for (const char* gone : {"20", "77"})
            QVERIFY(other(cli, {QStringLiteral("editevent"), QStringLiteral("itemid:=") + QLatin1String(gone),
                                QStringLiteral("event=")})
                        .isObject());

        const CliRunner::Run run = sync(cli);
        const std::optional<Summary> summary = summaryOf(run);
        QVERIFY2(summary, run.describe());
        QCOMPARE(summary->added, 2);
        QCOMPARE(summary->updated, 1);
        QCOMPARE(summary->deleted, 2);
        const QByteArray jsonl = exportJsonl(cli);
        QVERIFY(jsonl.contains("\"subject\":\"edited\""));
        QVERIFY(!jsonl.contains("{\"itemid\":20,"));
        verifyJsonlMatchesServer(jsonl, server, QStringLiteral("alice"));
    }

    void aCommunityIsMirroredWithJournal()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                               QStringLiteral("alice:pw"), QStringLiteral("--user"), QStringLiteral("bob:pw"),
                               QStringLiteral("--community"), QStringLiteral("club:alice")}),
                 qPrintable(server.errorString()));
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        QVERIFY(addAccount(cli, server));
        for (int i = 1; i <= 3; ++i)
            QVERIFY(other(cli, {QStringLiteral("postevent"), QStringLiteral("usejournal=club"),
                                QStringLiteral("event=hello club %1").arg(i),
                                QStringLiteral("subject=club post %1").arg(i), QStringLiteral("year:=2026"),
                                QStringLiteral("mon:=1"), QStringLiteral("day:=%1").arg(i),
                                QStringLiteral("hour:=10"), QStringLiteral("min:=0")})[u"itemid"]
                        .toInt() == i);

        const CliRunner::Run run = sync(cli, QStringLiteral("--journal club"));
        const std::optional<Summary> summary = summaryOf(run);
        QVERIFY2(summary && summary->added == 3, run.describe());
        QVERIFY2(run.err.contains("sync club: "), run.describe());
        const QByteArray jsonl = exportJsonl(cli, QStringLiteral("--journal club"));
        QVERIFY(jsonl.contains("\"poster\":\"alice\""));
        verifyJsonlMatchesServer(jsonl, server, QStringLiteral("club"));
        if (QTest::currentTestFailed())
            return;

        // The account's own journal was not touched, so there is nothing to export for it.
        const CliRunner::Run own = cli.run(words(QStringLiteral("export acct --format jsonl")));
        QVERIFY2(own.exitCode == 1 && own.err.contains("not mirrored yet") &&
                     own.err.contains("inkwell-cli sync acct"),
                 own.describe());
    }

    void failuresExitOneAndTheNextRunResumes()
    {
        QTemporaryDir temp;
        const QString serverDb = temp.filePath(QStringLiteral("server.sqlite"));
        const QStringList serverArgs{QStringLiteral("--flavor"), QStringLiteral("dw"),
                                     QStringLiteral("--db"),     serverDb,
                                     QStringLiteral("--user"),   QStringLiteral("alice:pw"),
                                     QStringLiteral("--seed"),   QStringLiteral("1600")};
        auto server = std::make_unique<TestServer>();
        QVERIFY2(server->start(serverArgs), qPrintable(server->errorString()));
        const CliRunner cli(temp.filePath(QStringLiteral("profile")));
        QVERIFY(addAccount(cli, *server));

        // A wrong password: nothing fetched, the server's answer on standard error.
        CliRunner::Run run = sync(cli, {}, "not-the-password\n");
        QVERIFY2(run.exitCode == 1 && run.out.isEmpty(), run.describe());
        QVERIFY2(run.err.contains("Invalid password") && !run.err.contains("not-the-password"),
                 run.describe());
        QVERIFY(exportJsonl(cli).isEmpty());

        // The server refuses in the middle of the fetch (406 is not retried).
        server->control("POST", QStringLiteral("faults"),
                        {{QStringLiteral("kind"), QStringLiteral("error")},
                         {QStringLiteral("mode"), QStringLiteral("getevents")},
                         {QStringLiteral("skip"), 4},
                         {QStringLiteral("count"), 1},
                         {QStringLiteral("code"), 406}});
        run = sync(cli);
        QVERIFY2(run.exitCode == 1 && run.out.isEmpty(), run.describe());
        QVERIFY2(run.err.contains("sync again later"), run.describe());
        QVERIFY2(run.err.contains("What was fetched is kept (added 400 "), run.describe());
        QCOMPARE(exportJsonl(cli).count('\n'), 400);
        // A failed run ends its session too.
        QCOMPARE(server->control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 0);

        // The server is gone.
        server.reset();
        run = sync(cli);
        QVERIFY2(run.exitCode == 1 && run.out.isEmpty() && !run.err.isEmpty(), run.describe());
        QCOMPARE(exportJsonl(cli).count('\n'), 400);

        // Back (on another port: the account follows it), the next run fetches only the rest.
        server = std::make_unique<TestServer>();
        QVERIFY2(server->start(serverArgs), qPrintable(server->errorString()));
        QCOMPARE(
            cli.run(words(QStringLiteral("account edit acct --server %1").arg(server->baseUrl().toString())))
                .exitCode,
            0);
        run = sync(cli);
        const std::optional<Summary> summary = summaryOf(run);
        QVERIFY2(summary, run.describe());
        QCOMPARE(summary->added, 1200);
        QCOMPARE(summary->updated, 0); // nothing fetched twice
        verifyJsonlMatchesServer(exportJsonl(cli), *server, QStringLiteral("alice"));
    }

    // A change the server refuses is named and fails the run (exit 1), while the mirror is still
    // brought up to date; the item stays in the outbox, marked failed, for the user to see.
    void anEntryTheServerRefusesFailsTheSync()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                              QStringLiteral("5")}));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server));
        // Without a password the post waits in the outbox.
        const CliRunner::Run queued = cli.run(
            words(QStringLiteral("post acct --subject Refused --body-file -")), "Not for this server");
        QVERIFY2(queued.exitCode == 0 && queued.out.startsWith("queued "), queued.describe());
        server.control("POST", QStringLiteral("faults"),
                       QJsonObject{{QStringLiteral("kind"), QStringLiteral("error")},
                                   {QStringLiteral("code"), 150},
                                   {QStringLiteral("mode"), QStringLiteral("postevent")}});
        const CliRunner::Run run = sync(cli);
        QVERIFY2(run.exitCode == 1, run.describe());
        const std::optional<Summary> summary = summaryOf(run);
        QVERIFY2(summary && summary->added == 5, run.describe()); // the mirror is done all the same
        QVERIFY2(run.err.contains("1 refused") && run.err.contains("did not go") &&
                     run.err.contains("'inkwell-cli outbox acct'"),
                 run.describe());
        QVERIFY2(cli.run(words(QStringLiteral("outbox acct"))).out.contains("\tfailed\tpost\t"),
                 run.describe());
        // Nothing new to refuse: the next sync exits 0.
        const CliRunner::Run again = sync(cli);
        QVERIFY2(again.exitCode == 0, again.describe());
    }

    void ctrlCCancelsCleanlyAndTheNextRunCompletes()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                               QStringLiteral("900")}),
                 qPrintable(server.errorString()));
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        QVERIFY(addAccount(cli, server));
        // Slow fetches, so that the interrupt comes in the middle.
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("delay")},
                        {QStringLiteral("mode"), QStringLiteral("getevents")},
                        {QStringLiteral("count"), 20},
                        {QStringLiteral("ms"), 400}});
        QProcess process;
        cli.start(process, words(QStringLiteral("sync acct --password-stdin")), "pw\n");
        QByteArray err;
        static const QRegularExpression midway(QStringLiteral("fetching [2-8]00/900"));
        QTRY_VERIFY_WITH_TIMEOUT(QString::fromUtf8(err += process.readAllStandardError()).contains(midway),
                                 30000);
        QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
        QElapsedTimer timer;
        timer.start();
        const CliRunner::Run cancelled = CliRunner::wait(process, {}, err);
        QVERIFY2(cancelled.exitCode == 1, cancelled.describe());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(cancelled.out.isEmpty(), cancelled.describe());
        QVERIFY2(cancelled.err.endsWith("inkwell-cli: cancelled; run sync again to continue\n"),
                 cancelled.describe());
        const int partial = int(exportJsonl(cli).count('\n'));
        QVERIFY2(partial >= 200 && partial < 900, qPrintable(QString::number(partial)));
        // The interrupted run still ended its session on the server.
        QCOMPARE(requestsOf(server, QStringLiteral("sessionexpire")), 1);
        QCOMPARE(server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 0);

        server.control("DELETE", QStringLiteral("faults"));
        const CliRunner::Run rest = sync(cli);
        const std::optional<Summary> summary = summaryOf(rest);
        QVERIFY2(summary, rest.describe());
        QCOMPARE(summary->added, 900 - partial);
        QCOMPARE(summary->updated, 0);
        verifyJsonlMatchesServer(exportJsonl(cli), server, QStringLiteral("alice"));
    }

    void usageErrors()
    {
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        CliRunner::Run run = cli.run(words(QStringLiteral("sync nobody --password-stdin")), "pw\n");
        QVERIFY2(run.exitCode == 2 && run.err.contains("no account named 'nobody'"), run.describe());
        run = cli.run(words(QStringLiteral("sync")));
        QVERIFY2(run.exitCode == 2 && run.err.contains("'sync' needs NAME"), run.describe());
        run = cli.run(words(QStringLiteral("sync acct --format jsonl")));
        QVERIFY2(run.exitCode == 2 && run.err.contains("'sync' has no option --format"), run.describe());
    }
};

QTEST_GUILESS_MAIN(TestCliSync)
#include "TestCliSync.moc"
