// A sync killed (SIGKILL) at many points, alone and together with server faults, then run again
// until it completes: afterwards the mirror equals the server, nothing was skipped, and nothing
// was fetched twice except the one getevents batch that was in flight (or being committed) when a
// run died or a fault struck.
//
// The sync runs in sync_driver, a real process. Kill points are made deterministic with `delay`
// faults: the server holds request j of a run, the test sees it in the request log and kills the
// driver while it waits. Random-time kills cover the moments between requests (parsing, SQLite
// commits). What was fetched comes from the driver's request log, written before each request
// leaves; the pure kill test checks it against the server's own request counts.

#include "MirrorCheck.h"
#include "SyncFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>

using namespace Inkwell;

namespace {

struct Run
{
    bool killed = false;
    QString heldMode; // the mode of the request the run was killed in (killAtRequest)
    int exitCode = -1;
    QJsonObject report; // the driver's JSON line, when it got that far
};

// Runs sync_driver against one server with one profile, and reads back what it logged.
class DriverRuns
{
public:
    explicit DriverRuns(SyncFixture& fixture)
        : f(fixture)
    {}

    // The fixture opens the same profile (its journal.sqlite) to check the mirror afterwards.
    QString profileDir() const { return f.temp.path(); }
    QString logPath() const { return f.temp.filePath(QStringLiteral("requests.log")); }

    void start(QProcess& process)
    {
        const QString driver = qEnvironmentVariable("INKWELL_SYNC_DRIVER");
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(driver, {QStringLiteral("--profile"), profileDir(), QStringLiteral("--server"),
                               f.server.baseUrl().toString(), QStringLiteral("--user"),
                               QStringLiteral("alice"), QStringLiteral("--log"), logPath(),
                               QStringLiteral("--retry-ms"), QStringLiteral("20,20")});
        process.write("pw\n");
        process.closeWriteChannel();
    }

    Run finish(QProcess& process, bool killed)
    {
        Run run;
        run.killed = killed;
        if (killed)
            process.kill();
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 120000))
            qWarning() << "sync_driver does not end";
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        const QByteArray out = process.readAllStandardOutput().trimmed();
        run.report = QJsonDocument::fromJson(out.split('\n').last()).object();
        if (killed && !run.report.isEmpty()) {
            // The sync had ended (its report is out) and only the process was still exiting.
            run.killed = killed = false;
            run.exitCode = run.report.value(QStringLiteral("error")).toString().isEmpty() ? 0 : 1;
        }
        f.server.control("DELETE", QStringLiteral("faults"));
        if (killed)
            ++kills;
        else if (run.exitCode != 0)
            ++failedRuns;
        ++runs;
        return run;
    }

    // One run, killed while the server holds its request number `j` (counted from 1), unless it
    // ends before sending that many. Faults queued before keep their place in the queue.
    Run killAtRequest(int j)
    {
        const int after = f.lastRequestSeq();
        f.fault(QStringLiteral("delay"), QStringLiteral("*"), j - 1, 1, 5000);
        QProcess process;
        start(process);
        QString heldMode;
        const bool settled = QTest::qWaitFor(
            [&] {
                for (const QJsonObject& entry : f.requestsAfter(after)) {
                    if (entry.value(QStringLiteral("fault")).toString() == QLatin1String("delay"))
                        heldMode = entry.value(QStringLiteral("mode")).toString();
                }
                return !heldMode.isEmpty() || process.state() == QProcess::NotRunning;
            },
            120000);
        if (!settled)
            qWarning() << "sync_driver neither ended nor reached request" << j;
        Run run = finish(process, !heldMode.isEmpty());
        run.heldMode = heldMode;
        return run;
    }

    // One run, killed `ms` milliseconds after the server has received `requests` of its requests
    // (or when it ends before). Counting requests puts the kill amid the sync however fast the
    // build is; the milliseconds put it at any moment between two requests (parsing, SQLite
    // commits) or while one is on the wire.
    Run killAfter(int requests, int ms)
    {
        const int before = f.server.totalRequests();
        QProcess process;
        start(process);
        if (!QTest::qWaitFor(
                [&] {
                    return process.state() == QProcess::NotRunning ||
                           f.server.totalRequests() - before >= requests;
                },
                120000))
            qWarning() << "sync_driver does not get that far";
        const bool ended = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, ms);
        return finish(process, !ended);
    }

    Run runToEnd()
    {
        QProcess process;
        start(process);
        return finish(process, false);
    }

    QStringList logLines() const
    {
        QFile file(logPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    SyncFixture& f;
    int runs = 0;
    int kills = 0;
    int failedRuns = 0;
};

// Checks the getevents the driver sent over all runs: consecutive identical batches are one batch
// sent again (the one in flight at a kill, a fault or a failed run: at most `interruptions` of
// them); after collapsing those, every itemid was asked for exactly once and all of them were.
void verifyFetchedOnce(const QStringList& log, const QSet<qint64>& serverItemids, int interruptions)
{
    QStringList batches;
    int resent = 0;
    for (const QString& line : log) {
        if (!line.startsWith(QLatin1String("getevents multiple ")))
            continue;
        const QString ids = line.mid(int(qstrlen("getevents multiple ")));
        if (!batches.isEmpty() && batches.last() == ids)
            ++resent;
        else
            batches.append(ids);
    }
    QVERIFY2(
        resent <= interruptions,
        qPrintable(QStringLiteral("%1 batches sent again, %2 interruptions").arg(resent).arg(interruptions)));
    QHash<qint64, int> fetched;
    for (const QString& batch : batches) {
        for (const QString& id : batch.split(QLatin1Char(',')))
            ++fetched[id.toLongLong()];
    }
    for (auto it = fetched.cbegin(); it != fetched.cend(); ++it)
        QVERIFY2(it.value() == 1,
                 qPrintable(QStringLiteral("itemid %1 fetched in %2 batches").arg(it.key()).arg(it.value())));
    QCOMPARE(fetched.size(), serverItemids.size());
    for (qint64 itemid : serverItemids)
        QVERIFY2(fetched.contains(itemid), qPrintable(QStringLiteral("itemid %1 never fetched").arg(itemid)));
}

QSet<qint64> serverItemids(TestServer& server)
{
    QSet<qint64> ids;
    const QJsonArray entries = server.control("GET", QStringLiteral("entries?journal=alice"))
                                   .value(QStringLiteral("entries"))
                                   .toArray();
    for (const QJsonValue& entry : entries)
        ids.insert(entry.toObject().value(QStringLiteral("itemid")).toInteger());
    return ids;
}

// After the runs: the mirror equals the server, nothing is pending, and one more run finds nothing
// to do within the incremental budget.
void verifyFinalState(SyncFixture& f, DriverRuns& runs)
{
    QVERIFY(f.openProfile());
    verifyMirrorMatchesServer(f.server, *f.store, f.journalId(), QStringLiteral("alice"));
    QCOMPARE(f.syncState->pendingCount(f.journalId()), 0);
    f.closeProfile();
    const Run quiet = runs.runToEnd();
    QCOMPARE(quiet.exitCode, 0);
    QCOMPARE(quiet.report.value(QStringLiteral("added")).toInt() +
                 quiet.report.value(QStringLiteral("updated")).toInt() +
                 quiet.report.value(QStringLiteral("deleted")).toInt(),
             0);
    // A new process: authentication (2), then the incremental budget of 3 (syncitems, getevents of
    // the cursor's second, which the engine lists again, getdaycounts).
    QVERIFY2(quiet.report.value(QStringLiteral("requests")).toInt() <= 2 + 3,
             qPrintable(QString::number(quiet.report.value(QStringLiteral("requests")).toInt())));
}

} // namespace

class TestSyncKillResume : public QObject
{
    Q_OBJECT
private slots:
    void killedWhileEachRequestIsInFlight()
    {
        // 1234 entries: 3 syncitems pages, 13 getevents batches, getdaycounts.
        const int total = 1234;
        SyncFixture f;
        QVERIFY(
            f.server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                            QStringLiteral("alice:pw"), QStringLiteral("--seed"), QString::number(total)}));
        DriverRuns runs(f);
        // Runs 1-3 die in getchallenge, sessiongenerate and the first syncitems. After that each
        // run dies in request j, first the fourth: two for authentication, the step the previous
        // run died in, then the next step. When a run dies in the same request as the one before
        // (a resumed fetch first asks syncitems whether the enumeration is complete), j grows. So
        // every step of the sync is killed in flight, up to getdaycounts; then a run completes.
        const QList<int> schedule{1, 2, 3};
        QStringList held; // the driver's log line of each request a run died in
        int j = 4;
        bool completed = false;
        for (int run = 0; run < 60 && !completed; ++run) {
            const Run result = runs.killAtRequest(run < schedule.size() ? schedule.at(run) : j);
            if (!result.killed) {
                QCOMPARE(result.exitCode, 0);
                completed = true;
                break;
            }
            const QString line = runs.logLines().value(runs.logLines().size() - 1);
            if (run >= schedule.size() && !held.isEmpty() && held.last() == line)
                ++j;
            held.append(line);
        }
        QVERIFY(completed);
        const QStringList distinct(QSet<QString>(held.cbegin(), held.cend()).values());
        qInfo("%d runs, %d killed, in %lld distinct requests", runs.runs, runs.kills,
              qsizetype(distinct.size()));
        // Every request of the sync, once at least: 2 authentication, 3 pages, 13 batches, day counts.
        QCOMPARE(distinct.filter(QRegularExpression(QStringLiteral("^syncitems"))).size(), 3);
        QCOMPARE(distinct.filter(QRegularExpression(QStringLiteral("^getevents multiple"))).size(), 13);
        QCOMPARE(
            distinct
                .filter(QRegularExpression(QStringLiteral("^(getchallenge|sessiongenerate|getdaycounts)$")))
                .size(),
            3);
        QCOMPARE(runs.failedRuns, 0);

        const QStringList log = runs.logLines();
        // The log is written before each request leaves: it holds everything the server received,
        // plus at most the one request a kill stopped on its way.
        const QJsonObject stats = f.server.control("GET", QStringLiteral("stats"));
        const int serverTotal = stats.value(QStringLiteral("total")).toInt();
        QVERIFY2(log.size() >= serverTotal && log.size() <= serverTotal + runs.kills,
                 qPrintable(QStringLiteral("log %1, server %2").arg(log.size()).arg(serverTotal)));
        const int serverGetEvents =
            stats.value(QStringLiteral("modes")).toObject().value(QStringLiteral("getevents")).toInt();
        QCOMPARE(log.filter(QRegularExpression(QStringLiteral("^getevents"))).size(), serverGetEvents);

        verifyFetchedOnce(log, serverItemids(f.server), runs.kills);
        verifyFinalState(f, runs);
    }

    void killedAtRandomMoments()
    {
        const int total = 6000; // enough requests for several kills however fast a run goes
        SyncFixture f;
        QVERIFY(
            f.server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                            QStringLiteral("alice:pw"), QStringLiteral("--seed"), QString::number(total)}));
        DriverRuns runs(f);
        QRandomGenerator random(20261123);
        bool done = false;
        for (int run = 0; run < 80 && !done; ++run) {
            const Run result = runs.killAfter(int(random.bounded(3, 10)), int(random.bounded(0, 40)));
            done = !result.killed && result.exitCode == 0;
            QVERIFY(result.killed || result.exitCode == 0);
        }
        if (!done)
            QCOMPARE(runs.runToEnd().exitCode, 0);
        qInfo("%d runs, %d killed", runs.runs, runs.kills);
        QVERIFY(runs.kills >= 5);
        verifyFetchedOnce(runs.logLines(), serverItemids(f.server), runs.kills);
        verifyFinalState(f, runs);
    }

    void killedAmidServerFaults_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("dropped connections") << "drop_before";
        QTest::newRow("dropped after commit") << "drop_after_commit";
        QTest::newRow("500s") << "http500";
        QTest::newRow("truncated bodies") << "truncate";
        QTest::newRow("malformed bodies") << "malformed";
        QTest::newRow("rate limits") << "ratelimit";
    }

    void killedAmidServerFaults()
    {
        // Each run meets a burst of faults (one: retried; three: more than the client retries, so
        // the run fails) somewhere after authentication, then is killed a request or two later,
        // and the next run picks up. Ends when a run gets through.
        QFETCH(QString, kind);
        const int total = 1234;
        SyncFixture f;
        QVERIFY(
            f.server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                            QStringLiteral("alice:pw"), QStringLiteral("--seed"), QString::number(total)}));
        DriverRuns runs(f);
        bool done = false;
        for (int run = 0; run < 80 && !done; ++run) {
            f.fault(kind, QStringLiteral("*"), 2 + run % 3, 1 + 2 * (run % 2));
            const Run result = runs.killAtRequest(2 + run % 2);
            done = !result.killed && result.exitCode == 0;
        }
        QVERIFY(done);
        const int fired =
            f.server.control("GET", QStringLiteral("faults")).value(QStringLiteral("fired")).toInt();
        qInfo("%d runs, %d killed, %d failed, %d faults", runs.runs, runs.kills, runs.failedRuns, fired);
        // The client does not retry a rate limit (it would make it worse), so there every run
        // that meets the fault fails before the kill; the next run resumes all the same.
        if (kind == QLatin1String("ratelimit"))
            QVERIFY(runs.failedRuns >= 3);
        else
            QVERIFY(runs.kills >= 3);
        // `fired` counts the delays that held the killed runs' requests as well as the faults.
        verifyFetchedOnce(runs.logLines(), serverItemids(f.server), fired + runs.failedRuns);
        verifyFinalState(f, runs);
    }
};

QTEST_GUILESS_MAIN(TestSyncKillResume)
#include "TestSyncKillResume.moc"
