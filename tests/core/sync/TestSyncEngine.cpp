#include "MirrorCheck.h"
#include "TestServer.h"
#include "account/AccountStore.h"
#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "store/SyncStateStore.h"
#include "sync/CrowdedSeconds.h"
#include "sync/FetchSpool.h"
#include "sync/ListedPage.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Inkwell;

namespace {

int ceilDiv(int n, int d)
{
    return (n + d - 1) / d;
}

// A profile with one account on a fresh local server, and the objects a sync needs.
class Harness
{
public:
    bool start(const QStringList& serverArgs, Interface interface = Interface::Flat)
    {
        if (!server.start(serverArgs)) {
            qWarning() << server.errorString();
            return false;
        }
        database = std::make_unique<Database>(temp.filePath(QStringLiteral("journal.sqlite")));
        if (!database->open())
            return false;
        Account account;
        account.name = QStringLiteral("test");
        account.serverUrl = server.baseUrl();
        account.username = QStringLiteral("alice");
        account.interface = interface;
        QString error;
        if (!AccountStore(*database).add(account, &error))
            return false;
        store = std::make_unique<JournalStore>(database->connection());
        syncState = std::make_unique<SyncStateStore>(database->connection());
        client = newClient();
        return true;
    }

    std::unique_ptr<LjClient> newClient(const QString& user = QStringLiteral("alice"),
                                        Interface interface = Interface::Flat)
    {
        Account account;
        account.name = QStringLiteral("test");
        account.serverUrl = server.baseUrl();
        account.username = user;
        account.interface = interface;
        auto c = std::make_unique<LjClient>(account);
        c->setPassword(QStringLiteral("pw"));
        c->setPreferSession(true);
        c->setRetryPolicy(RetryPolicy{{std::chrono::milliseconds(10), std::chrono::milliseconds(10)}});
        return c;
    }

    SyncReport sync(const QString& journal = QStringLiteral("alice"),
                    std::function<void(SyncEngine&)> tweak = {})
    {
        SyncEngine engine(*client, *store, QStringLiteral("test"), journal);
        if (tweak)
            tweak(engine);
        std::optional<SyncReport> report;
        QObject::connect(&engine, &SyncEngine::finished, [&](const SyncReport& r) { report = r; });
        engine.start();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 300000);
        }();
        return report.value_or(SyncReport{});
    }

    qint64 journalId(const QString& journal = QStringLiteral("alice"))
    {
        return store->findJournalId(QStringLiteral("test"), journal);
    }

    // The body of getevents selecttype=one for `itemid` as it came, and its format: what a sync
    // keeps of a reply.
    std::pair<QString, QByteArray> rawEvent(qint64 itemid, Interface interface = Interface::Flat)
    {
        auto reader = newClient(QStringLiteral("alice"), interface);
        ProtocolValue request = ProtocolValue::emptyMap();
        request.insert(QStringLiteral("selecttype"), QStringLiteral("one"));
        request.insert(QStringLiteral("itemid"), itemid);
        request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
        std::optional<std::pair<QString, QByteArray>> raw;
        QObject context;
        reader->call(QStringLiteral("getevents"), request, &context,
                     [&](ProtocolCall& call) { raw = std::pair(call.replyFormat(), call.replyBody()); });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(raw.has_value(), 30000);
        }();
        return raw.value_or(std::pair<QString, QByteArray>{});
    }

    // Takes a mirrored entry out of the mirror, as if its fetch had been stopped; with `pending`,
    // back on the pending list too. Returns the entry as it was.
    std::optional<JournalEntry> forget(qint64 itemid, bool pending)
    {
        const std::optional<JournalEntry> entry = store->entry(journalId(), itemid);
        if (!entry || !store->deleteEntries(journalId(), {itemid}) ||
            (pending && !syncState->addPending(journalId(), {{itemid, entry->logtime}})))
            return std::nullopt;
        return entry;
    }

    // Where the cases about kept replies and pages start: a journal of 120 entries mirrored, then
    // entry 77 forgotten (forget()). Returns it as it was; nullopt if any step failed.
    std::optional<JournalEntry> mirrorAllBut77(bool pending)
    {
        if (!start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                    QStringLiteral("120")}) ||
            !sync().succeeded())
            return std::nullopt;
        return forget(77, pending);
    }

    // A sync without the deletion check, which would find a forgotten entry by itself.
    SyncReport syncWithoutDeletionCheck()
    {
        return sync(QStringLiteral("alice"), [](SyncEngine& engine) { engine.setCheckDeletions(false); });
    }

    // Another client (the web, another device) changes the journal.
    ProtocolValue other(const QString& mode, const ProtocolValue& request)
    {
        if (!otherClient)
            otherClient = newClient();
        std::optional<ProtocolValue> reply;
        QObject context;
        otherClient->call(mode, request, &context, [&](ProtocolCall& call) {
            if (!call.succeeded())
                qWarning() << call.error().toString();
            reply = call.reply();
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 30000);
        }();
        return reply.value_or(ProtocolValue{});
    }

    qint64 post(const QString& subject, const QString& eventtime, bool backdated = false)
    {
        JournalEntry entry;
        entry.subject = subject;
        entry.body = QStringLiteral("Body of %1 ✓").arg(subject);
        entry.eventtime = eventtime;
        if (backdated)
            entry.props.insert(QStringLiteral("opt_backdated"), QStringLiteral("1"));
        return postResultFromReply(other(QStringLiteral("postevent"), postEventRequest(entry))).itemid;
    }

    QTemporaryDir temp;
    TestServer server;
    std::unique_ptr<Database> database;
    std::unique_ptr<JournalStore> store;
    std::unique_ptr<SyncStateStore> syncState;
    std::unique_ptr<LjClient> client;
    std::unique_ptr<LjClient> otherClient;
};

// Listing decisions (CrowdedSeconds), without a server: pages as the server would list them.
const QString earlier = QStringLiteral("2026-11-23 10:00:00");
const QString crowded = QStringLiteral("2026-11-23 11:41:40");
const QString later = QStringLiteral("2026-11-23 11:50:00");

SyncItem created(qint64 itemid, const QString& time)
{
    return {QLatin1Char('L'), itemid, QStringLiteral("create"), time};
}

SyncItem edited(qint64 itemid, const QString& time)
{
    return {QLatin1Char('L'), itemid, QStringLiteral("update"), time};
}

SyncItem comments(qint64 itemid, const QString& time)
{
    return {QLatin1Char('C'), itemid, QStringLiteral("update"), time};
}

SyncItemsPage listedPage(int total, const QList<SyncItem>& items)
{
    return {items, total, int(items.size())};
}

QList<PendingItem> pending(const QList<qint64>& itemids, const QString& time)
{
    QList<PendingItem> items;
    for (qint64 itemid : itemids)
        items.append({itemid, time});
    return items;
}

QList<qint64> itemids(const QList<PendingItem>& items)
{
    QList<qint64> ids;
    for (const PendingItem& item : items)
        ids.append(item.itemid);
    return ids;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> ids;
    for (qint64 id = first; id <= last; ++id)
        ids.append(id);
    return ids;
}

QSet<qint64> idSet(const QList<qint64>& ids)
{
    return QSet<qint64>(ids.cbegin(), ids.cend());
}

// The mirror as CrowdedSeconds asks it, over a set the test changes as "fetches" store entries.
CrowdedSeconds::Mirrored mirrorOf(const QSet<qint64>& mirror)
{
    return [&mirror](qint64 first, qint64 last) {
        QSet<qint64> found;
        for (qint64 id : mirror) {
            if (id >= first && id <= last)
                found.insert(id);
        }
        return found;
    };
}

// Two entries written earlier, then a crowded second with entries 3 to `last` (5 and 7 deleted)
// and new comments on entry 2, listed 5 items a page: page one lists 1, 2, 3, 4 and 6, the crowded
// second's page 4, 6, 8, 9 and the comments, the page after it nothing. Returns what was listed.
QList<PendingItem> listBurst(CrowdedSeconds& seconds, qint64 last)
{
    const int inSecond = int(last - 2 - 2) + 1; // entries 3..last without 5 and 7, and C-2
    seconds.pageListed(
        listedPage(2 + inSecond, {created(1, earlier), created(2, earlier), created(3, crowded),
                                  created(4, crowded), created(6, crowded)}));
    const SyncItemsPage crowdedPage =
        listedPage(inSecond, {created(4, crowded), created(6, crowded), comments(2, crowded),
                              created(8, crowded), created(9, crowded)});
    // Entries of the second listed so far: 3, 4, 6, 8, 9.
    seconds.pageListed(crowdedPage, 5);
    seconds.pageListed(listedPage(0, {}));
    return pending({1, 2}, earlier) + pending({3, 4, 6, 8, 9}, crowded);
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT
private slots:
    void fullSyncMirrorsEverythingWithFewRequests_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<Interface>("interface");
        QTest::addColumn<int>("entries");
        QTest::newRow("dw flat 1234") << "dw" << Interface::Flat << 1234;
        QTest::newRow("dw xmlrpc 1234") << "dw" << Interface::XmlRpc << 1234;
        QTest::newRow("lj flat 777") << "lj" << Interface::Flat << 777;
        QTest::newRow("lj xmlrpc 501") << "lj" << Interface::XmlRpc << 501;
    }

    void fullSyncMirrorsEverythingWithFewRequests()
    {
        QFETCH(QString, flavor);
        QFETCH(Interface, interface);
        QFETCH(int, entries);
        Harness h;
        QVERIFY(h.start({QStringLiteral("--flavor"), flavor, QStringLiteral("--user"),
                         QStringLiteral("alice:pw"), QStringLiteral("--seed"), QString::number(entries)},
                        interface));
        QList<SyncEngine::Phase> phases;
        const SyncReport report = h.sync(QStringLiteral("alice"), [&](SyncEngine& engine) {
            connect(&engine, &SyncEngine::progress, [&](SyncEngine::Phase phase, int, int) {
                if (phases.isEmpty() || phases.last() != phase)
                    phases << phase;
            });
        });
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, entries);
        QCOMPARE(report.updated, 0);
        QCOMPARE(report.deleted, 0);
        const int budget = ceilDiv(entries, 500) + ceilDiv(entries, 100) + 4;
        QVERIFY2(report.requests <= budget,
                 qPrintable(QStringLiteral("%1 requests, budget %2").arg(report.requests).arg(budget)));
        QCOMPARE(phases, (QList<SyncEngine::Phase>{
                             SyncEngine::Phase::Enumerating, SyncEngine::Phase::Fetching,
                             SyncEngine::Phase::CheckingDeletions, SyncEngine::Phase::Finished}));
        verifyMirrorMatchesServer(h.server, *h.store, h.journalId(), QStringLiteral("alice"));
        QCOMPARE(h.syncState->pendingCount(h.journalId()), 0);

        // Nothing new: the session is still good, so only syncitems and getdaycounts.
        const SyncReport again = h.sync();
        QVERIFY2(again.succeeded(), qPrintable(again.errorText));
        QCOMPARE(again.added + again.updated + again.deleted, 0);
        QVERIFY2(again.requests <= 3, qPrintable(QString::number(again.requests)));
    }

    void incrementalSyncFollowsCreatesEditsDeletesAndBackdates()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                         QStringLiteral("alice:pw"), QStringLiteral("--seed"), QStringLiteral("120")}));
        QVERIFY(h.sync().succeeded());
        // A first sync lists entries at their creation time (the server does so without a cursor),
        // so entries edited after the newest post come once more as updates; let that settle.
        QVERIFY(h.sync().succeeded());

        // Another client: two new entries (one backdated years back), an edit, two deletions on
        // different days.
        h.server.control("POST", QStringLiteral("clock"), {{QStringLiteral("advance"), 60}});
        const qint64 fresh = h.post(QStringLiteral("fresh"), QStringLiteral("2026-11-20 10:00:00"));
        const qint64 old = h.post(QStringLiteral("backdated"), QStringLiteral("2003-05-06 07:08:00"), true);
        JournalEntry edited = h.store->entry(h.journalId(), 10).value();
        edited.subject = QStringLiteral("edited elsewhere");
        h.other(QStringLiteral("editevent"), editEventRequest(edited, edited.props));
        h.other(QStringLiteral("editevent"), deleteEventRequest(20));
        h.other(QStringLiteral("editevent"), deleteEventRequest(77));

        const SyncReport report = h.sync();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 2);
        QCOMPARE(report.updated, 1);
        QCOMPARE(report.deleted, 2);
        // syncitems, getevents, getdaycounts, and one day read per deletion.
        QVERIFY2(report.requests <= 3 + 2, qPrintable(QString::number(report.requests)));
        QVERIFY(h.store->entry(h.journalId(), fresh));
        QVERIFY(h.store->entry(h.journalId(), old)->isBackdated());
        QCOMPARE(h.store->entry(h.journalId(), 10)->subject, QStringLiteral("edited elsewhere"));
        QVERIFY(!h.store->entry(h.journalId(), 20));
        QVERIFY(!h.store->entry(h.journalId(), 77));
        verifyMirrorMatchesServer(h.server, *h.store, h.journalId(), QStringLiteral("alice"));
    }

    void entriesSharingASecondAcrossPagesAreNotLost()
    {
        // 620 entries posted in two seconds (the transcripts' bulk case, where paging with the raw
        // last time found 617 of 620).
        Harness h;
        QVERIFY(h.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                         QStringLiteral("alice:pw"), QStringLiteral("--clock"),
                         QStringLiteral("2026-11-23 11:41:39")}));
        for (int i = 1; i <= 620; ++i) {
            if (i == 300)
                h.server.control("POST", QStringLiteral("clock"), {{QStringLiteral("advance"), 1}});
            JournalEntry entry;
            entry.subject = QStringLiteral("bulk %1").arg(i);
            entry.body = QStringLiteral("bulk body %1").arg(i);
            entry.eventtime = QStringLiteral("2026-11-23 11:41:00");
            h.other(QStringLiteral("postevent"), postEventRequest(entry));
        }
        const SyncReport report = h.sync();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 620);
        verifyMirrorMatchesServer(h.server, *h.store, h.journalId(), QStringLiteral("alice"));
    }

    void resumesAfterFailuresWithoutFetchingTwice_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("skip");
        QTest::newRow("drop during enumeration") << "drop_before"
                                                 << "syncitems" << 1;
        QTest::newRow("500s during fetch") << "http500"
                                           << "getevents" << 3;
        QTest::newRow("truncated fetch") << "truncate"
                                         << "getevents" << 5;
        QTest::newRow("rate limited fetch") << "ratelimit"
                                            << "getevents" << 2;
        QTest::newRow("repeated-request guard") << "error"
                                                << "getevents" << 4;
        QTest::newRow("malformed day counts") << "malformed"
                                              << "getdaycounts" << 0;
    }

    void resumesAfterFailuresWithoutFetchingTwice()
    {
        QFETCH(QString, kind);
        QFETCH(QString, mode);
        QFETCH(int, skip);
        const int total = 1600;
        Harness h;
        QVERIFY(h.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                         QStringLiteral("alice:pw"), QStringLiteral("--seed"), QString::number(total)}));
        // More failures in a row than the client retries: the sync stops and must be resumed.
        h.server.control("POST", QStringLiteral("faults"),
                         {{QStringLiteral("kind"), kind},
                          {QStringLiteral("mode"), mode},
                          {QStringLiteral("skip"), skip},
                          {QStringLiteral("count"), 10},
                          {QStringLiteral("code"), 406}});
        const SyncReport first = h.sync();
        QVERIFY(!first.succeeded());
        QVERIFY(!first.errorText.isEmpty());
        h.server.control("DELETE", QStringLiteral("faults")); // the network is back
        const int mirroredBefore = h.store->entryCount(h.journalId());

        const SyncReport second = h.sync();
        QVERIFY2(second.succeeded(), qPrintable(second.errorText));
        QCOMPARE(first.added + second.added, total);
        QCOMPARE(second.added, total - mirroredBefore);
        QCOMPARE(second.updated, 0); // nothing was fetched twice
        verifyMirrorMatchesServer(h.server, *h.store, h.journalId(), QStringLiteral("alice"));
    }

    void cancelStopsAndASecondRunCompletes()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                         QStringLiteral("900")}));
        const SyncReport cancelled = h.sync(QStringLiteral("alice"), [](SyncEngine& engine) {
            connect(&engine, &SyncEngine::progress, &engine,
                    [&engine](SyncEngine::Phase phase, int done, int) {
                        if (phase == SyncEngine::Phase::Fetching && done >= 300)
                            engine.cancel();
                    });
        });
        QVERIFY(cancelled.cancelled);
        QVERIFY(!cancelled.succeeded());
        const int partial = h.store->entryCount(h.journalId());
        QVERIFY(partial >= 300 && partial < 900);
        const SyncReport rest = h.sync();
        QVERIFY2(rest.succeeded(), qPrintable(rest.errorText));
        QCOMPARE(rest.added, 900 - partial);
        verifyMirrorMatchesServer(h.server, *h.store, h.journalId(), QStringLiteral("alice"));
    }

    void serverWithoutMultipleIsSyncedWithMovingCursor()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                         QStringLiteral("450")}));
        // The first getevents answers "Invalid selecttype" as a server without `multiple` would.
        h.server.control("POST", QStringLiteral("faults"),
                         {{QStringLiteral("kind"), QStringLiteral("error")},
                          {QStringLiteral("mode"), QStringLiteral("getevents")},
                          {QStringLiteral("code"), 200}});
        const SyncReport report = h.sync();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 450);
        verifyMirrorMatchesServer(h.server, *h.store, h.journalId(), QStringLiteral("alice"));
    }

    void communityJournalIsMirroredThroughUsejournal()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                         QStringLiteral("alice:pw"), QStringLiteral("--user"), QStringLiteral("bob:pw"),
                         QStringLiteral("--community"), QStringLiteral("club:alice")}));
        auto bob = h.newClient(QStringLiteral("bob"));
        for (int i = 0; i < 3; ++i) {
            JournalEntry entry;
            entry.subject = QStringLiteral("club post %1").arg(i);
            entry.body = QStringLiteral("hello club");
            entry.eventtime = QStringLiteral("2026-01-0%1 10:00:00").arg(i + 1);
            h.other(QStringLiteral("postevent"), postEventRequest(entry, QStringLiteral("club")));
        }
        const SyncReport report = h.sync(QStringLiteral("club"));
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 3);
        verifyMirrorMatchesServer(h.server, *h.store, h.journalId(QStringLiteral("club")),
                                  QStringLiteral("club"));
        QCOMPARE(h.store->entryCount(h.journalId(QStringLiteral("alice"))), 0);
    }

    // A stopped sync may leave fetched replies kept but not stored (SyncEngine.h, "fetch"), in a
    // spool file as the body came in either interface. The next sync stores them before it reads
    // anything else, and without any other request: here the deletion check, which would find the
    // missing entry by itself, is off.
    void keptRepliesAreStoredWhenTheSyncResumes_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("flat reply, spooled") << "flat";
        QTest::newRow("xmlrpc reply, spooled") << "xmlrpc";
    }

    void keptRepliesAreStoredWhenTheSyncResumes()
    {
        QFETCH(QString, format);
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                         QStringLiteral("250")}));
        QVERIFY(h.sync().succeeded());
        const qint64 journal = h.journalId();
        const qint64 itemid = 123;
        const std::optional<JournalEntry> entry = h.forget(itemid, false);
        QVERIFY(entry.has_value());

        const auto [kept, body] =
            h.rawEvent(itemid, format == QLatin1String("flat") ? Interface::Flat : Interface::XmlRpc);
        QCOMPARE(kept, format);
        FetchSpool spool(h.database->path());
        QVERIFY(!spool
                     .keep(journal, h.syncState->lastStoredFetch(journal) + 1, QStringLiteral("test/alice"),
                           kept, body, {})
                     .isEmpty());

        const int requestsBefore = h.server.totalRequests();
        const SyncReport report = h.syncWithoutDeletionCheck();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 1);
        QCOMPARE(h.store->entry(journal, itemid), entry);
        QVERIFY(FetchSpool(h.database->path()).kept(journal).isEmpty());
        // syncitems, and getevents of the cursor's second: nothing was fetched for the kept entry.
        QCOMPARE(h.server.totalRequests() - requestsBefore, 2);
        verifyMirrorMatchesServer(h.server, *h.store, journal, QStringLiteral("alice"));
    }

    // A spooled reply whose body does not read (damaged on disk) is dropped; the ids it answered are still
    // pending and are fetched again (the deletion check, which would also find them, is off).
    void aKeptReplyThatNoLongerReadsIsDroppedAndItsIdsFetchedAgain()
    {
        Harness h;
        const std::optional<JournalEntry> entry = h.mirrorAllBut77(true);
        QVERIFY(entry.has_value());
        const qint64 journal = h.journalId();
        const PendingItem item{77, entry->logtime};
        FetchSpool spool(h.database->path());
        const qint64 next = h.syncState->lastStoredFetch(journal) + 1;
        QVERIFY(!spool
                     .keep(journal, next, QStringLiteral("test/alice"), QStringLiteral("flat"),
                           "<html>Service unavailable</html>", {item})
                     .isEmpty());
        QVERIFY(!spool
                     .keep(journal, next + 1, QStringLiteral("test/alice"), QStringLiteral("xmlrpc"),
                           "<methodResponse><params>", {item})
                     .isEmpty());

        const SyncReport report = h.syncWithoutDeletionCheck();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 1);
        QCOMPARE(h.store->entry(journal, 77), entry);
        QCOMPARE(h.syncState->pendingCount(journal), 0);
        verifyMirrorMatchesServer(h.server, *h.store, journal, QStringLiteral("alice"));
    }

    // A reply that answers entries nobody asked for (a proxy's cached reply, another journal's)
    // is not stored: here the reply kept for entry 77 carries entry 78, which the mirror lacks.
    // The ids asked for stay pending and are fetched again.
    void aKeptReplyWithAnEntryNotAskedForIsNotStored()
    {
        Harness h;
        const std::optional<JournalEntry> entry = h.mirrorAllBut77(true);
        QVERIFY(entry.has_value());
        const qint64 journal = h.journalId();
        QVERIFY(h.forget(78, false));
        const auto [format, body] = h.rawEvent(78);
        FetchSpool spool(h.database->path());
        QVERIFY(!spool
                     .keep(journal, h.syncState->lastStoredFetch(journal) + 1, QStringLiteral("test/alice"),
                           format, body, {{77, entry->logtime}})
                     .isEmpty());

        const SyncReport report = h.syncWithoutDeletionCheck();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 1);
        QCOMPARE(h.store->entry(journal, 77), entry);
        QVERIFY(!h.store->entry(journal, 78));
        QCOMPARE(h.syncState->pendingCount(journal), 0);
    }

    // The deletion check reads a day whose counts differ and deletes what the day's reply lacks:
    // a reply whose entries are of another day answers another question, and stops the sync
    // before anything is deleted or rewritten.
    void aDayReadAnsweredWithAnotherDayDeletesNothing()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                         QStringLiteral("120")}));
        QVERIFY(h.sync().succeeded());
        QVERIFY(h.sync().succeeded()); // the first sync's entries listed once more (see above)
        const qint64 journal = h.journalId();
        // Two entries of one day: one is deleted elsewhere, the other must stay as it is.
        qint64 deleted = 1;
        while (deleted < 120 && h.store->entry(journal, deleted)->eventtime.left(10) !=
                                    h.store->entry(journal, deleted + 1)->eventtime.left(10))
            ++deleted;
        QVERIFY(deleted < 120);
        const std::optional<JournalEntry> kept = h.store->entry(journal, deleted + 1);
        h.other(QStringLiteral("editevent"), deleteEventRequest(deleted));
        h.server.control("POST", QStringLiteral("faults"),
                         {{QStringLiteral("kind"), QStringLiteral("bad_time")},
                          {QStringLiteral("mode"), QStringLiteral("getevents")},
                          {QStringLiteral("skip"), 1},
                          {QStringLiteral("value"), QStringLiteral("2001-02-03 04:05:06")}});

        const SyncReport failed = h.sync();
        // The fault hit a day read: the getevents after getdaycounts (the sync fetches the newest
        // second's entries once more before it).
        QStringList modes;
        for (const QJsonValue& request : h.server.control("GET", QStringLiteral("requests"))
                                             .value(QStringLiteral("requests"))
                                             .toArray()) {
            const QJsonObject logged = request.toObject();
            modes.append(
                logged.value(QStringLiteral("mode")).toString() +
                (logged.value(QStringLiteral("fault")).isString() ? QStringLiteral("!") : QString()));
        }
        QVERIFY2(modes.join(u' ').contains(QStringLiteral("getdaycounts getevents!")),
                 qPrintable(modes.join(u' ')));
        QVERIFY(!failed.succeeded());
        QCOMPARE(failed.error.category(), ProtocolError::Category::Malformed);
        QCOMPARE(failed.deleted, 0);
        QVERIFY(h.store->entry(journal, deleted));
        QCOMPARE(h.store->entry(journal, deleted + 1), kept);

        const SyncReport report = h.sync();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.deleted, 1);
        verifyMirrorMatchesServer(h.server, *h.store, journal, QStringLiteral("alice"));
    }

    // A spool file whose number the store has committed was stored already (the sync stopped
    // between the commit and removing the file): it is removed, never stored again, which would
    // put back what changed since (here an entry edited in the mirror). So is a file another
    // journal left under the same id (ids are given again after a journal is deleted).
    void aSpooledReplyAlreadyStoredIsRemovedNotStoredAgain_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<int>("after"); // its number, after the last one stored
        QTest::newRow("stored already") << QStringLiteral("test/alice") << 0;
        QTest::newRow("another journal's") << QStringLiteral("bob/bob") << 1;
    }

    void aSpooledReplyAlreadyStoredIsRemovedNotStoredAgain()
    {
        QFETCH(QString, owner);
        QFETCH(int, after);
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                         QStringLiteral("150")}));
        QVERIFY(h.sync().succeeded());
        const qint64 journal = h.journalId();
        const qint64 stored = h.syncState->lastStoredFetch(journal);
        QCOMPARE(stored, 3); // one listed page and two getevents batches, numbered 1 to 3
        const QByteArray body = h.rawEvent(42).second;
        QVERIFY(!body.isEmpty());
        FetchSpool spool(h.database->path());
        const QString file = spool.keep(journal, stored + after, owner, QStringLiteral("flat"), body, {});
        QVERIFY(!file.isEmpty());
        JournalEntry edited = *h.store->entry(journal, 42);
        edited.subject = QStringLiteral("edited here since");
        QVERIFY(h.store->upsertEntries(journal, {edited}));

        const SyncReport report = h.syncWithoutDeletionCheck();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(h.store->entry(journal, 42)->subject, edited.subject);
        QVERIFY(!QFile::exists(file));
        QCOMPARE(report.added + report.updated, 0);
    }

    // A listed syncitems page is spooled before the next page is asked for and committed by the
    // writer: a sync stopped in between commits it when it resumes, so its items are fetched
    // without being listed again (the deletion check, which would find the entry too, is off).
    void aSpooledListedPageIsCommittedWhenTheSyncResumes()
    {
        Harness h;
        const std::optional<JournalEntry> entry = h.mirrorAllBut77(false);
        QVERIFY(entry.has_value());
        const qint64 journal = h.journalId();
        SyncState state = h.syncState->syncState(journal);
        QVERIFY(!state.scanning);
        state.scanCursor = state.cursor;
        state.scanMaxTime = state.cursor;
        FetchSpool spool(h.database->path());
        const FetchSpool::Batch page = ListedPage{{{77, entry->logtime}}, state}.toBatch();
        QVERIFY(!spool
                     .keep(journal, h.syncState->lastStoredFetch(journal) + 1, QStringLiteral("test/alice"),
                           page.format, page.body, page.requested)
                     .isEmpty());

        const int requestsBefore = h.server.totalRequests();
        const SyncReport report = h.syncWithoutDeletionCheck();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 1);
        QCOMPARE(h.store->entry(journal, 77), entry);
        QVERIFY(spool.kept(journal).isEmpty());
        // syncitems from the page's cursor, getevents for the listed item and for the cursor's second.
        QVERIFY(h.server.totalRequests() - requestsBefore <= 3);
        verifyMirrorMatchesServer(h.server, *h.store, journal, QStringLiteral("alice"));
    }

    // A spooled reply that does not read (cut short by a system crash), and a spool file that
    // holds nothing that reads, are dropped; the ids they answered are still pending and are
    // fetched again.
    void aDamagedSpoolFileIsDroppedAndItsIdsFetchedAgain()
    {
        Harness h;
        const std::optional<JournalEntry> entry = h.mirrorAllBut77(true);
        QVERIFY(entry.has_value());
        const qint64 journal = h.journalId();
        const PendingItem item{77, entry->logtime};
        FetchSpool spool(h.database->path());
        const qint64 next = h.syncState->lastStoredFetch(journal) + 1;
        const QString cut = spool.keep(journal, next, QStringLiteral("test/alice"), QStringLiteral("flat"),
                                       "events_count\n1\nevents_1_", {item});
        spool.closeFile();
        const QString garbage =
            spool.keep(journal, next + 1, QStringLiteral("test/alice"), QStringLiteral("flat"), {}, {item});
        QVERIFY(!cut.isEmpty() && !garbage.isEmpty() && cut != garbage);
        QFile damaged(garbage);
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write("\0\0\0\0");
        damaged.close();

        const SyncReport report = h.syncWithoutDeletionCheck();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 1);
        QCOMPARE(h.store->entry(journal, 77), entry);
        QVERIFY(spool.kept(journal).isEmpty());
        QCOMPARE(h.syncState->pendingCount(journal), 0);
        verifyMirrorMatchesServer(h.server, *h.store, journal, QStringLiteral("alice"));
    }

    void aReplyThatSaysSuccessButDoesNotReadStopsTheSyncAndIsFetchedAgain_data()
    {
        QTest::addColumn<Interface>("interface");
        QTest::newRow("flat") << Interface::Flat;
        QTest::newRow("xmlrpc") << Interface::XmlRpc;
    }

    void aReplyThatSaysSuccessButDoesNotReadStopsTheSyncAndIsFetchedAgain()
    {
        // A getevents reply is kept on the strength of its status and read after the next request
        // has gone out: one that does not read must still stop the sync, with nothing lost.
        QFETCH(Interface, interface);
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                         QStringLiteral("450")},
                        interface));
        h.server.control("POST", QStringLiteral("faults"),
                         {{QStringLiteral("kind"), QStringLiteral("damaged")},
                          {QStringLiteral("mode"), QStringLiteral("getevents")},
                          {QStringLiteral("skip"), 2}});
        const SyncReport failed = h.sync();
        QVERIFY(!failed.succeeded());
        QCOMPARE(failed.error.category(), ProtocolError::Category::Malformed);
        QVERIFY2(failed.errorText.contains(QStringLiteral("getevents")), qPrintable(failed.errorText));
        const qint64 journal = h.journalId();
        QCOMPARE(h.store->entryCount(journal), 200); // the two batches before it
        QCOMPARE(h.syncState->pendingCount(journal), 250);

        const SyncReport rest = h.sync();
        QVERIFY2(rest.succeeded(), qPrintable(rest.errorText));
        QCOMPARE(rest.added, 250);
        verifyMirrorMatchesServer(h.server, *h.store, journal, QStringLiteral("alice"));
    }

    void aPageIsCrowdedWhenOneSecondFillsItAndMoreFollow()
    {
        QCOMPARE(CrowdedSeconds::crowdedSecond(listedPage(9, {created(1, crowded), comments(1, crowded)})),
                 crowded);
        // Everything after the cursor is listed: whatever the second held, none is kept back.
        QCOMPARE(CrowdedSeconds::crowdedSecond(listedPage(2, {created(1, crowded), created(2, crowded)})),
                 std::nullopt);
        // A page that ends inside a second: the next page, a second earlier, lists it whole.
        QCOMPARE(CrowdedSeconds::crowdedSecond(listedPage(9, {created(1, earlier), created(2, crowded)})),
                 std::nullopt);
        QCOMPARE(CrowdedSeconds::crowdedSecond(listedPage(0, {})), std::nullopt);
    }

    void theTotalsCountWhatACrowdedSecondKeptBack()
    {
        CrowdedSeconds seconds;
        listBurst(seconds, 18);
        QCOMPARE(seconds.seconds().size(), 1);
        const CrowdedSeconds::Second second = seconds.seconds().first();
        QCOMPARE(second.time, crowded);
        // Entries 3..18 without 5 and 7 and the comments: 15 items; listed: 3, 4, 6, 8, 9, C-2.
        QCOMPARE(second.listedFrom, 15);
        QCOMPARE(second.seen, 6);
        QCOMPARE(second.unlisted, 9);
        QCOMPARE(second.firstAfter, 0);

        // An entry created after the second closes its range of itemids; an edit does not (the
        // edited entry may be one of the second's).
        CrowdedSeconds closed;
        closed.pageListed(listedPage(30, {created(1, crowded), created(2, crowded)}), 2);
        closed.pageListed(listedPage(20, {edited(5, later), created(12, later), created(11, later)}));
        QCOMPARE(closed.seconds().first().unlisted, 30 - 20 - 2);
        QCOMPARE(closed.seconds().first().firstAfter, 11);
    }

    void theUnlistedEntriesAreLookedForByItemidWithTheFetch()
    {
        // The burst ends at entry 18: 9 kept back, entries 10 to 18.
        CrowdedSeconds seconds;
        const QList<PendingItem> listed = listBurst(seconds, 18);
        const QSet<qint64> mirror;
        const QList<PendingItem> probes = seconds.plan(listed, mirrorOf(mirror), 10);
        // The unlisted ids among the listed ones (5 and 7, deleted, as it turns out), as many above
        // the highest listed as can still be missing (7), and what fills the last batch of 10.
        QCOMPARE(itemids(probes), (QList<qint64>{5, 7} + range(10, 20)));
        QCOMPARE(probes.first().time, crowded);
        QCOMPARE((listed.size() + probes.size()) % 10, 0);
        // Planned once: a sync that resumes does not ask again.
        QVERIFY(seconds.plan(listed, mirrorOf(mirror), 10).isEmpty());

        // The fetch stored entries 10 to 18: all 9 found, nothing more to ask for.
        QSet<qint64> stored{1, 2, 3, 4, 6, 8, 9};
        stored.unite(idSet(range(10, 18)));
        QSet<qint64> asked;
        for (const PendingItem& item : listed + probes)
            asked.insert(item.itemid);
        QVERIFY(seconds.followUp(mirrorOf(stored), asked, 10).isEmpty());
        QVERIFY(seconds.seconds().first().done);
    }

    void probesGoOnAboveWhileTheyFindEntries()
    {
        // The burst ends at entry 22: 13 kept back, but the ids below the highest listed are
        // deleted ones, so the first probes above stop short.
        CrowdedSeconds seconds;
        const QList<PendingItem> listed = listBurst(seconds, 22);
        QSet<qint64> mirror;
        const QList<PendingItem> probes = seconds.plan(listed, mirrorOf(mirror), 10);
        QCOMPARE(itemids(probes), (QList<qint64>{5, 7} + range(10, 20)));
        QSet<qint64> asked;
        for (const PendingItem& item : listed + probes)
            asked.insert(item.itemid);
        mirror = {1, 2, 3, 4, 6, 8, 9};
        mirror.unite(idSet(range(10, 20)));
        // 11 of 13 found, all by the probes above: the next batch of ids above.
        const QList<PendingItem> next = seconds.followUp(mirrorOf(mirror), asked, 10);
        QCOMPARE(itemids(next), range(21, 30));
        for (const PendingItem& item : next)
            asked.insert(item.itemid);
        mirror.insert(21);
        mirror.insert(22);
        QVERIFY(seconds.followUp(mirrorOf(mirror), asked, 10).isEmpty());
    }

    void probesStopWhenTheyFindNothingMore()
    {
        // What a second keeps back may be comments (or entries we may not read): once a round of
        // probes above finds nothing, the sync stops looking, and always ends.
        CrowdedSeconds seconds;
        seconds.pageListed(listedPage(12, {created(1, crowded), created(2, crowded)}), 2);
        seconds.pageListed(listedPage(0, {}));
        QSet<qint64> mirror;
        QList<PendingItem> asked =
            pending({1, 2}, crowded) + seconds.plan(pending({1, 2}, crowded), mirrorOf(mirror), 5);
        QCOMPARE(itemids(asked), range(1, 15));
        mirror = {1, 2, 3, 4}; // only two more entries; the other 8 items are comments
        int rounds = 0;
        for (QList<PendingItem> next = asked; !next.isEmpty(); ++rounds) {
            const QSet<qint64> askedIds = idSet(itemids(asked));
            next = seconds.followUp(mirrorOf(mirror), askedIds, 5);
            asked += next;
            QVERIFY(rounds < 3);
        }
        QVERIFY(seconds.seconds().first().done);
        // The first probes above found entries 3 and 4, so one more batch above was asked for.
        QCOMPARE(itemids(asked), range(1, 25));
        QCOMPARE(rounds, 2);
    }

    void editsOfOlderEntriesKeptBackMakeTheSyncReadTheMirrorAgain()
    {
        // Edits of mirrored entries 1 to 8 in one second, 5 of them listed: their ids say nothing,
        // so the other mirrored entries are read again, once.
        const QSet<qint64> mirror = idSet(range(1, 12));
        CrowdedSeconds seconds;
        seconds.pageListed(listedPage(8, {edited(1, crowded), edited(3, crowded), edited(4, crowded),
                                          edited(6, crowded), edited(8, crowded)}),
                           5, true);
        seconds.pageListed(listedPage(0, {}));
        const QList<PendingItem> listed = pending({1, 3, 4, 6, 8}, crowded);
        QVERIFY(seconds.plan(listed, mirrorOf(mirror), 100).isEmpty());
        const QSet<qint64> asked{1, 3, 4, 6, 8};
        const QList<PendingItem> again = seconds.followUp(mirrorOf(mirror), asked, 100);
        QCOMPARE(itemids(again), (QList<qint64>{2, 5, 7, 9, 10, 11, 12}));
        QVERIFY(
            seconds.followUp(mirrorOf(mirror), asked + QSet<qint64>{2, 5, 7, 9, 10, 11, 12}, 100).isEmpty());

        // Without an edit among those listed, what is kept back is taken for comments.
        CrowdedSeconds comments;
        comments.pageListed(listedPage(8, {edited(1, crowded), edited(3, crowded)}), 2, false);
        comments.pageListed(listedPage(0, {}));
        QVERIFY(comments.plan(pending({1, 3}, crowded), mirrorOf(mirror), 100).isEmpty());
        QVERIFY(comments.followUp(mirrorOf(mirror), {1, 3}, 100).isEmpty());
    }

    void crowdedSecondsAreKeptWithTheEnumeration()
    {
        CrowdedSeconds seconds;
        const QList<PendingItem> listed = listBurst(seconds, 22);
        const QSet<qint64> mirror;
        seconds.plan(listed, mirrorOf(mirror), 10);
        const CrowdedSeconds kept = CrowdedSeconds::fromJson(seconds.toJson());
        QCOMPARE(kept.seconds(), seconds.seconds());
        QCOMPARE(CrowdedSeconds().toJson(), QString());
        QVERIFY(CrowdedSeconds::fromJson({}).seconds().isEmpty());
    }

    void oneSecondBeforeWorksOnTheNaiveString()
    {
        QCOMPARE(oneSecondBefore(QStringLiteral("2026-11-23 11:41:40")),
                 QStringLiteral("2026-11-23 11:41:39"));
        QCOMPARE(oneSecondBefore(QStringLiteral("2026-01-01 00:00:00")),
                 QStringLiteral("2025-12-31 23:59:59"));
        // A time inside a European daylight-saving gap is still just a string to step back from.
        QCOMPARE(oneSecondBefore(QStringLiteral("2026-03-29 02:30:00")),
                 QStringLiteral("2026-03-29 02:29:59"));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
