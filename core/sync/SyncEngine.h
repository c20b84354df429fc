#pragma once

#include "protocol/JournalMessages.h"
#include "protocol/ProtocolError.h"
#include "store/JournalStore.h"
#include "store/WalCheckpointer.h"
#include "sync/CrowdedSeconds.h"
#include "sync/FetchSpool.h"
#include "sync/MirrorWriter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

namespace Inkwell {

class JournalStore;
class LjClient;
class ProtocolCall;

struct SyncReport
{
    int added = 0;
    int updated = 0;
    int deleted = 0;
    int requests = 0; // HTTP requests, authentication included
    qint64 milliseconds = 0;
    bool cancelled = false;
    ProtocolError error; // null when the sync completed
    QString errorText;   // for the user; empty when the sync completed

    bool succeeded() const { return !cancelled && errorText.isEmpty(); }
};

// Mirrors one journal (the user's own or a community) into the local store, with as few requests
// as the protocol allows (REFERENCE.md 8):
//
//   enumerate  syncitems from the stored cursor, 500 items a page; each page's items and the next
//              cursor are spooled before the next page is asked for and committed together by the
//              writer meanwhile, so a stopped sync resumes from the page it was on.
//              The next page starts one second before the page's last time, because the server
//              compares strictly after the cursor and a page can end in the middle of a second.
//              A second with more items than a page lists is passed with part of it unlisted:
//              the totals say how many, and ids that may be its entries are fetched with the
//              others (CrowdedSeconds), so that a journal written in a burst needs no more
//              requests than one written slowly.
//   fetch      getevents selecttype=multiple, 100 pending ids a call, from a pending list kept in
//              memory (what a stopped sync left, plus what the pages list), so the fetch starts
//              with the last page, not once the writer has stored it. A reply that reports
//              success is kept as it came, undecoded (FetchSpool: the body and the ids it
//              answers, appended to a spool file), handed to the MirrorWriter, which decodes and
//              stores it on a thread of its own, and the next request goes out at once (while the
//              writer is at most a few replies behind); the ids leave the pending list with the
//              stored entries.
//              A sync stopped in between stores the spooled replies when it resumes: nothing is
//              fetched twice but the one request in flight. Ids the server does not return were
//              deleted (or are not visible to us) and are dropped. A server without `multiple`
//              gets selecttype=syncitems with a cursor that always moves (the 406 rule), one
//              request at a time.
//   deletions  syncitems never reports deletions, so getdaycounts is compared with the mirror's own
//              counts, and only days that differ are read again with selecttype=day.
//   commit     the cursor becomes one second before the newest time enumerated: that second may
//              still have been running when it was listed, so the next sync lists it again. Until
//              then the sync is in progress, and a stopped one resumes where it stopped.
//
// Runs on the thread of its client and store (the GUI gives it a worker thread); every step is
// asynchronous. Progress is reported through signals; cancel() stops at the next step boundary.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Idle, Enumerating, Fetching, CheckingDeletions, Finished };
    Q_ENUM(Phase)

    // `journal` is the journal's user name; `usejournal` is sent when it is not the account's own.
    SyncEngine(LjClient& client, JournalStore& store, QString accountName, QString journal,
               QObject* parent = nullptr);

    void start();
    void cancel();
    bool isRunning() const { return m_phase != Phase::Idle && m_phase != Phase::Finished; }
    // Skip the day-count comparison (a quick incremental sync); on by default.
    void setCheckDeletions(bool check) { m_checkDeletions = check; }

signals:
    void progress(Inkwell::SyncEngine::Phase phase, int done, int total);
    void finished(const Inkwell::SyncReport& report);

private:
    void enumerate();
    void requestSyncItems();
    void onSyncItems(ProtocolCall& call);
    // The page a syncitems reply lists: read straight from a flat reply's lines where it has the
    // plain shape servers send (syncItemsFromPlainFlatReply), the generic way otherwise.
    static ProtocolResult<SyncItemsPage> listedPage(const ProtocolCall& call);
    // Asks for the next page, or starts fetching once the last page is in.
    void listMore();
    // Adds listed items to the fetch queue.
    void queue(const QList<PendingItem>& listed);
    // Tells m_crowded about a listed page (after its entries are queued).
    void noteCrowdedSecond(const SyncItemsPage& page);
    CrowdedSeconds::Mirrored mirroredIds() const;
    // Once the listing ends: queues (and spools, with the plan) the ids that may be crowded
    // seconds' unlisted entries. False when the sync stops here.
    bool planCrowdedSeconds();
    // Once all that was queued is stored: commits and queues what crowded seconds still call for.
    // False when the sync stops here.
    bool followUpCrowdedSeconds();
    // Keeps a listed page or a fetched reply in the spool and hands it to the writer; false when
    // the sync stops here (the spool could not be written).
    bool spool(const QString& format, const QByteArray& body, const QList<PendingItem>& items);
    void fetchNext();
    void onEvents(ProtocolCall& call, const QList<PendingItem>& requested);
    // Sends the next getevents, or moves on once everything asked for is stored.
    void fetchMore();
    void fetchBySyncItems();
    void onSyncItemsEvents(ProtocolCall& call);
    // The entries of a getevents reply; nullopt when the sync stops here (cancelled, or failed).
    std::optional<QList<JournalEntry>> entriesOrStop(ProtocolCall& call);
    void fetchDone();
    void checkDeletions();
    void onDayCounts(ProtocolCall& call);
    void fetchNextDay();
    void onDay(ProtocolCall& call, const QDate& day);
    void commitCursor();
    // Commits the entries and takes `donePending` off the pending list, with the kept batch they
    // came from: `legacyBatch` (sync_fetched, an older Inkwell's) is deleted, `spooled` (FetchSpool)
    // recorded as stored.
    bool storeEntries(const QList<JournalEntry>& entries, const QList<PendingItem>& donePending,
                      qint64 legacyBatch = 0, qint64 spooled = 0);
    void sendEvents(const QList<PendingItem>& batch);
    // What spool() gave the writer is held until the next request is on the wire (see
    // MirrorWriter::hold): `call`'s requestSent() hands it over.
    void handOverOnceSent(ProtocolCall* call);
    // True when the writer has `batches` or more to store: the engine then waits for its stored()
    // and, as no request of its own is going out to do it, hands over what the writer holds.
    bool waitingForWriter(int batches);
    bool storeLeftovers();
    QString spoolOwner() const;
    void fail(const ProtocolError& error, const QString& text = {});
    void failStore();
    void failSpool();
    void failWrite(const QString& why);
    void stopWriter();
    void finish();
    bool stopIfCancelled();
    ProtocolValue journalRequest() const;
    void setPhase(Phase phase, int done, int total);

    LjClient& m_client;
    JournalStore& m_store;
    QString m_accountName;
    QString m_journal;
    bool m_isCommunity;
    qint64 m_journalId = 0;
    Phase m_phase = Phase::Idle;
    bool m_cancelRequested = false;
    bool m_checkDeletions = true;
    bool m_useMultiple = true;
    QHash<QString, int> m_syncItemsCursorUses; // getevents syncitems cursors sent (406 guard)
    QList<QDate> m_daysToRead;
    std::optional<QMap<QDate, int>> m_localDayCounts; // the mirror's, read while getdaycounts is out
    QList<PendingItem> m_fetchQueue;   // the pending list: what was stored, and what is listed now
    QHash<qint64, qsizetype> m_queued; // itemid -> position in m_fetchQueue, while listing
    qsizetype m_fetchPosition = 0;
    int m_fetchTotal = 0;
    int m_fetchDone = 0;
    int m_requestsAtStart = 0;
    QPointer<ProtocolCall> m_eventsCall; // the getevents multiple in flight
    FetchSpool m_spool;
    qint64 m_lastSpooled = 0; // the number of the newest page or reply spooled for this journal
    // Stores what is spooled, on a thread of its own (made with the first page spooled).
    std::unique_ptr<MirrorWriter> m_writer;
    SyncState m_scanState;          // the enumeration in progress
    CrowdedSeconds m_crowded;       // its seconds with items no page listed
    QSet<qint64> m_asked;           // itemids asked for with getevents multiple in this run
    int m_listed = 0;               // items listed (progress)
    bool m_listingComplete = false; // the last page is in (maybe not stored yet)
    bool m_pageRequested = false;   // a syncitems request is on its way
    QElapsedTimer m_timer;
    // While a sync runs: the engine's own commits leave checkpoints to the writer's checkpointer.
    std::optional<AutocheckpointPause> m_autocheckpointPause;
    SyncReport m_report;
};

// One second before a server time "YYYY-MM-DD HH:MM:SS", on the naive string (no time zone).
QString oneSecondBefore(const QString& serverTime);

} // namespace Inkwell
