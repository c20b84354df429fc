// SyncRunner: the engine on a worker thread with its own database connection and client. Reports
// arrive on the thread that owns the runner; the mirror it writes is the one the profile's other
// connections read; a session outlives one sync; cancelling and destroying mid-sync leave a
// mirror that the next sync completes.

#include "MirrorCheck.h"
#include "SyncFixture.h"
#include "sync/SyncRunner.h"

#include <QSignalSpy>
#include <QThread>

using namespace Inkwell;

namespace {

std::unique_ptr<SyncRunner> newRunner(SyncFixture& f)
{
    const std::optional<Account> account = AccountStore(*f.database).find(QStringLiteral("test"));
    if (!account)
        return {};
    auto runner = std::make_unique<SyncRunner>(f.databasePath(), *account, QStringLiteral("pw"));
    runner->setClientSetup([](LjClient& client) {
        client.setRetryPolicy(RetryPolicy{{std::chrono::milliseconds(10), std::chrono::milliseconds(10)}});
    });
    return runner;
}

SyncReport waitForReport(QSignalSpy& finished)
{
    if (finished.isEmpty() && !finished.wait(SyncFixture::WaitMs))
        return {};
    return finished.takeFirst().at(0).value<SyncReport>();
}

QStringList serverArgs(int entries)
{
    return {QStringLiteral("--flavor"), QStringLiteral("dw"),     QStringLiteral("--user"),
            QStringLiteral("alice:pw"), QStringLiteral("--seed"), QString::number(entries)};
}

} // namespace

class TestSyncRunner : public QObject
{
    Q_OBJECT
private slots:
    void syncsOnAWorkerThreadAndReportsOnThisOne()
    {
        const int total = 700;
        SyncFixture f;
        QVERIFY(f.start(serverArgs(total)));
        auto runner = newRunner(f);
        QVERIFY(runner);
        QSignalSpy finished(runner.get(), &SyncRunner::finished);
        int progressSignals = 0;
        bool allOnThisThread = true;
        QList<SyncEngine::Phase> phases;
        connect(runner.get(), &SyncRunner::progress, this, [&](SyncEngine::Phase phase, int, int) {
            ++progressSignals;
            allOnThisThread = allOnThisThread && QThread::currentThread() == thread();
            if (phases.isEmpty() || phases.last() != phase)
                phases << phase;
        });

        runner->start();
        QVERIFY(runner->isRunning());
        const SyncReport report = waitForReport(finished);
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QVERIFY(!runner->isRunning());
        QCOMPARE(report.added, total);
        QVERIFY2(report.requests <= fullSyncBudget(total), qPrintable(QString::number(report.requests)));
        QVERIFY(progressSignals > 0);
        QVERIFY(allOnThisThread);
        QCOMPARE(phases, (QList<SyncEngine::Phase>{
                             SyncEngine::Phase::Enumerating, SyncEngine::Phase::Fetching,
                             SyncEngine::Phase::CheckingDeletions, SyncEngine::Phase::Finished}));
        // What the worker's connection wrote, read through the profile's own.
        verifyMirrorMatchesServer(f.server, *f.store, f.journalId(), QStringLiteral("alice"));

        // The worker keeps its client, so the session serves the next sync: the incremental budget.
        runner->start();
        const SyncReport again = waitForReport(finished);
        QVERIFY2(again.succeeded(), qPrintable(again.errorText));
        QCOMPARE(again.added + again.updated + again.deleted, 0);
        QVERIFY2(again.requests <= 3, qPrintable(QString::number(again.requests)));
        QCOMPARE(f.server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 1);

        // The session ends with the runner (the app quits), on the server too.
        runner.reset();
        QCOMPARE(f.server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 0);
        QCOMPARE(f.server.requestCount(QStringLiteral("sessionexpire")), 1);
    }

    void cancelledOrDestroyedMidSyncThenCompleted()
    {
        const int total = 1234;
        SyncFixture f;
        QVERIFY(f.start(serverArgs(total)));
        {
            // Cancelled while a getevents batch is held on the server.
            auto runner = newRunner(f);
            QSignalSpy finished(runner.get(), &SyncRunner::finished);
            const int after = f.lastRequestSeq();
            f.fault(QStringLiteral("delay"), QStringLiteral("getevents"), 2, 1, 1000);
            runner->start();
            QVERIFY(f.waitForDelayedRequest(after, QStringLiteral("getevents")));
            runner->cancel();
            const SyncReport report = waitForReport(finished);
            QVERIFY(report.cancelled);
            QVERIFY(!report.succeeded());
        }
        {
            // Destroyed while a request is held: the destructor waits for the worker to end.
            auto runner = newRunner(f);
            const int after = f.lastRequestSeq();
            f.fault(QStringLiteral("delay"), QStringLiteral("getevents"), 2, 1, 1000);
            runner->start();
            QVERIFY(f.waitForDelayedRequest(after, QStringLiteral("getevents")));
            runner.reset();
        }
        QVERIFY(f.syncState->pendingCount(f.journalId()) > 0);
        auto runner = newRunner(f);
        QSignalSpy finished(runner.get(), &SyncRunner::finished);
        runner->start();
        const SyncReport report = waitForReport(finished);
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        verifyMirrorMatchesServer(f.server, *f.store, f.journalId(), QStringLiteral("alice"));
        QCOMPARE(f.syncState->pendingCount(f.journalId()), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncRunner)
#include "TestSyncRunner.moc"
