// A journal written faster than syncitems can list it: an import, a script or a busy community puts
// more than 500 items into one second, a page lists 500 of them, and which ones is up to the server
// (its ties come in random order, REFERENCE.md 4.1; the local server draws them from its RNG). The
// sync must still mirror every entry, with about the requests the protocol needs: the pages, one
// getevents per 100 entries, the authentication and getdaycounts, and no day read afterwards. The
// journals are written straight into the server's database (POST /__control/seed with "burst"):
// posting could not put 1,200 entries into one second.

#include "MirrorCheck.h"
#include "SyncFixture.h"
#include "protocol/JournalMessages.h"

#include <QJsonArray>

using namespace Inkwell;

namespace {

const QString burstSecond = QStringLiteral("2026-11-23 11:41:40");

// `count` entries of `journal` written within `seconds` seconds from `at`.
void seedBurst(TestServer& server, const QString& journal, int count, int seconds,
               const QString& at = burstSecond)
{
    server.control("POST", QStringLiteral("seed"),
                   {{QStringLiteral("user"), journal},
                    {QStringLiteral("count"), count},
                    {QStringLiteral("burst"), at},
                    {QStringLiteral("seconds"), seconds}});
}

// What reached the server since the statistics and the request log were cleared.
struct Requests
{
    int total = 0;
    int syncitems = 0;
    int getevents = 0;
    int getdaycounts = 0;
    int authentication = 0; // everything else: getchallenge, login, sessiongenerate
    int dayReads = 0;       // getevents after getdaycounts: the deletion check reading days again

    QString describe() const
    {
        return QStringLiteral("%1 requests: syncitems %2, getevents %3 (%4 day reads), getdaycounts %5, "
                              "authentication %6")
            .arg(total)
            .arg(syncitems)
            .arg(getevents)
            .arg(dayReads)
            .arg(getdaycounts)
            .arg(authentication);
    }
};

void clearRequests(TestServer& server)
{
    server.control("POST", QStringLiteral("stats/reset"));
    server.control("DELETE", QStringLiteral("requests"));
}

Requests requestsSinceCleared(TestServer& server)
{
    Requests counted;
    const QJsonObject stats = server.control("GET", QStringLiteral("stats"));
    counted.total = stats.value(QStringLiteral("total")).toInt();
    const QJsonObject modes = stats.value(QStringLiteral("modes")).toObject();
    counted.syncitems = modes.value(QStringLiteral("syncitems")).toInt();
    counted.getevents = modes.value(QStringLiteral("getevents")).toInt();
    counted.getdaycounts = modes.value(QStringLiteral("getdaycounts")).toInt();
    counted.authentication = counted.total - counted.syncitems - counted.getevents - counted.getdaycounts;
    bool afterDayCounts = false;
    const QJsonArray log =
        server.control("GET", QStringLiteral("requests")).value(QStringLiteral("requests")).toArray();
    for (const QJsonValue& request : log) {
        const QString mode = request.toObject().value(QStringLiteral("mode")).toString();
        if (mode == QLatin1String("getdaycounts"))
            afterDayCounts = true;
        else if (mode == QLatin1String("getevents") && afterDayCounts)
            ++counted.dayReads;
    }
    return counted;
}

// Deletes entries through the protocol, as their author would.
void deleteEntries(SyncFixture& f, const QList<qint64>& itemids, const QString& usejournal)
{
    for (qint64 itemid : itemids)
        f.other(QStringLiteral("editevent"), deleteEventRequest(itemid, usejournal));
}

} // namespace

class TestSyncBurstJournal : public QObject
{
    Q_OBJECT
private slots:
    void burstJournalIsMirroredWithTheRequestsItNeeds_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<Interface>("interface");
        QTest::addColumn<int>("seconds"); // the burst's 1,200 entries are written within
        QTest::addColumn<bool>("community");
        QTest::addColumn<int>("pages"); // the syncitems pages the protocol needs
        // One second: 43 earlier entries and 457 of the second's; the second again (500 of 1,200);
        // after it (nothing). Two seconds of 600: the first second's page, then the second's.
        QTest::newRow("lj flat, one second") << "lj" << Interface::Flat << 1 << false << 3;
        QTest::newRow("lj xmlrpc, two seconds") << "lj" << Interface::XmlRpc << 2 << false << 4;
        QTest::newRow("dw flat, two seconds") << "dw" << Interface::Flat << 2 << false << 4;
        QTest::newRow("dw xmlrpc, one second") << "dw" << Interface::XmlRpc << 1 << false << 3;
        QTest::newRow("dw community, flat, one second") << "dw" << Interface::Flat << 1 << true << 3;
    }

    void burstJournalIsMirroredWithTheRequestsItNeeds()
    {
        QFETCH(QString, flavor);
        QFETCH(Interface, interface);
        QFETCH(int, seconds);
        QFETCH(bool, community);
        QFETCH(int, pages);
        SyncFixture f;
        QStringList args{QStringLiteral("--flavor"), flavor,
                         QStringLiteral("--user"),   QStringLiteral("alice:pw"),
                         QStringLiteral("--clock"),  QStringLiteral("2026-11-23 11:42:00")};
        if (community)
            args << QStringLiteral("--community") << QStringLiteral("club:alice");
        QVERIFY(f.start(args, interface));
        const QString journal = community ? QStringLiteral("club") : QStringLiteral("alice");
        // Earlier entries (logtimes in 2020), the burst, and deletions at its edges and inside.
        f.server.control("POST", QStringLiteral("seed"),
                         {{QStringLiteral("user"), journal}, {QStringLiteral("count"), 43}});
        seedBurst(f.server, journal, 1200, seconds);
        const QString usejournal = community ? journal : QString();
        deleteEntries(f, {5, 44, 45, 300, 301, 302, 643, 644, 1243}, usejournal);
        const int entries = 1243 - 9;
        clearRequests(f.server);

        const SyncReport report = f.sync(journal);
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        const Requests requests = requestsSinceCleared(f.server);
        qInfo("%s", qPrintable(requests.describe()));
        verifyMirrorMatchesServer(f.server, *f.store, f.journalId(journal), journal);
        QCOMPARE(report.added, entries);
        QCOMPARE(report.requests, requests.total);
        QCOMPARE(requests.dayReads, 0);
        QCOMPARE(requests.getdaycounts, 1);
        QCOMPARE(requests.syncitems, pages);
        // Deleted ids the sync asks for in case they were entries may fill one batch more.
        const int batches = ceilDiv(entries, 100);
        QVERIFY2(requests.getevents <= batches + 1, qPrintable(requests.describe()));
        QVERIFY2(requests.authentication <= 2, qPrintable(requests.describe()));
        const int least = pages + batches + requests.authentication + 1;
        QVERIFY2(requests.total <= least + 1, qPrintable(requests.describe()));
        QCOMPARE(f.syncState->pendingCount(f.journalId(journal)), 0);

        // Nothing new. The newest second is listed again (the cursor stays one second back,
        // SyncEngine::commitCursor), here 500 of its entries, which are fetched once more: two
        // pages, five getevents and getdaycounts (the session is still good).
        const SyncReport again = f.sync(journal);
        QVERIFY2(again.succeeded(), qPrintable(again.errorText));
        QCOMPARE(again.added + again.updated + again.deleted, 0);
        QVERIFY2(again.requests <= 2 + 5 + 1, qPrintable(QString::number(again.requests)));
    }

    // A sync stopped while it lists the crowded second or fetches what it holds resumes where it
    // stopped and still finds every entry without reading days again.
    void aStoppedBurstSyncResumesWithoutDayReads_data()
    {
        QTest::addColumn<SyncEngine::Phase>("phase");
        QTest::addColumn<int>("done"); // stop once this many are listed, or fetched
        QTest::newRow("listing the crowded second") << SyncEngine::Phase::Enumerating << 700;
        QTest::newRow("fetching") << SyncEngine::Phase::Fetching << 600;
    }

    void aStoppedBurstSyncResumesWithoutDayReads()
    {
        QFETCH(SyncEngine::Phase, phase);
        QFETCH(int, done);
        SyncFixture f;
        QVERIFY(f.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                         QStringLiteral("alice:pw"), QStringLiteral("--seed"), QStringLiteral("43"),
                         QStringLiteral("--clock"), QStringLiteral("2026-11-23 11:42:00")}));
        seedBurst(f.server, QStringLiteral("alice"), 1200, 1);
        deleteEntries(f, {60, 61, 1243}, {});
        clearRequests(f.server);

        f.startSync();
        QObject::connect(f.engine.get(), &SyncEngine::progress, f.engine.get(),
                         [&f, phase, done](SyncEngine::Phase now, int count, int) {
                             if (now == phase && count >= done)
                                 f.engine->cancel();
                         });
        const SyncReport stopped = f.waitForSync();
        QVERIFY(stopped.cancelled);
        const SyncReport rest = f.sync();
        QVERIFY2(rest.succeeded(), qPrintable(rest.errorText));
        const Requests requests = requestsSinceCleared(f.server);
        qInfo("both runs: %s", qPrintable(requests.describe()));
        verifyMirrorMatchesServer(f.server, *f.store, f.journalId(), QStringLiteral("alice"));
        QCOMPARE(stopped.added + rest.added, 1243 - 3);
        QCOMPARE(requests.dayReads, 0);
        // The stopped run's request in flight is asked again, and the resumed run lists from where
        // the first stopped.
        QVERIFY2(requests.getevents <= ceilDiv(1240, 100) + 2, qPrintable(requests.describe()));
        QVERIFY2(requests.syncitems <= 3 + 2, qPrintable(requests.describe()));
    }

    // Edits of older entries in one crowded second: the page lists 500 of them and nothing lists
    // the others, whose itemids say nothing (they are old). Seeing such edits among those listed,
    // the sync reads the mirror's other entries again rather than miss an edit.
    void editsOfOldEntriesInACrowdedSecondAreAllFetched()
    {
        SyncFixture f;
        QVERIFY(f.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                         QStringLiteral("alice:pw"), QStringLiteral("--seed"), QStringLiteral("900")}));
        QVERIFY(f.sync().succeeded());
        // The clock stops, so that 600 edits by another client all happen in one second.
        f.server.control("POST", QStringLiteral("clock"),
                         {{QStringLiteral("set"), QStringLiteral("2026-11-23 12:00:00")},
                          {QStringLiteral("frozen"), true}});
        for (qint64 itemid = 101; itemid <= 700; ++itemid) {
            JournalEntry entry = f.store->entry(f.journalId(), itemid).value();
            entry.subject = QStringLiteral("edited ✓ %1").arg(itemid);
            f.other(QStringLiteral("editevent"), editEventRequest(entry, entry.props));
        }
        clearRequests(f.server);

        const SyncReport report = f.sync();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        const Requests requests = requestsSinceCleared(f.server);
        qInfo("%s", qPrintable(requests.describe()));
        verifyMirrorMatchesServer(f.server, *f.store, f.journalId(), QStringLiteral("alice"));
        QCOMPARE(report.updated, 600);
        QCOMPARE(requests.dayReads, 0);
        // Two pages; the 500 listed; the other 400 entries again (the 100 edits among them).
        QVERIFY2(requests.getevents <= 5 + 4 + 1, qPrintable(requests.describe()));
    }
};

QTEST_GUILESS_MAIN(TestSyncBurstJournal)
#include "TestSyncBurstJournal.moc"
