#pragma once

#include "store/JournalStore.h"
#include "store/WalCheckpointer.h"
#include "sync/ServerTime.h"
#include "sync/SyncReport.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <optional>

namespace Inkwell {

class LjClient;
struct SyncStop;

// Mirrors one journal (the user's own or a community) into the local store, with as few requests
// as the protocol allows (REFERENCE.md 8), in four steps, each a class of its own:
//
//   enumerate  (Lister) syncitems from the stored cursor, 500 items a page, each page spooled
//              with the enumeration's state after it before the next is asked for, so a stopped
//              sync resumes from the page it was on; seconds too crowded for a page are looked for
//              by itemid (CrowdedSeconds).
//   fetch      (Fetcher) getevents selecttype=multiple, 100 pending ids a call, from the pending
//              list kept in memory, so the fetch starts with the last page, not once the writer has
//              stored it. Each reply is spooled undecoded and stored by the MirrorWriter on its own
//              thread while the next request is out (MirrorPipeline): nothing is fetched twice but
//              the one request in flight. A server without `multiple` gets selecttype=syncitems
//              with a cursor that always moves (SyncItemsFallback).
//   deletions  (DeletionCheck) getdaycounts against the mirror's own counts; days that differ are
//              read again with selecttype=day.
//   commit     the cursor becomes one second before the newest time enumerated (commitCursor()).
//              Until then the sync is in progress, and a stopped one resumes where it stopped.
//
// An account on the Blogger API has none of these calls: its sync is one list of the newest posts
// (RecentPosts).
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
    ~SyncEngine() override;

    void start();
    void cancel();
    bool isRunning() const { return m_phase != Phase::Idle && m_phase != Phase::Finished; }
    // Skip the day-count comparison (a quick incremental sync); on by default.
    void setCheckDeletions(bool check) { m_checkDeletions = check; }

signals:
    void progress(Inkwell::SyncEngine::Phase phase, int done, int total);
    void finished(const Inkwell::SyncReport& report);

private:
    struct Run;

    // Wires one run's phases to each other and to the engine.
    void connectPhases();
    void onListed();
    void onMultipleRefused();
    void onStored(int added, int updated);
    void fetchDone();
    void commitCursor();
    void stop(const SyncStop& why);
    void stopWriter();
    void finish();
    void setPhase(Phase phase, int done, int total);

    LjClient& m_client;
    JournalStore& m_store;
    QString m_accountName;
    QString m_journal;
    bool m_isCommunity;
    Phase m_phase = Phase::Idle;
    bool m_checkDeletions = true;
    int m_requestsAtStart = 0;
    QElapsedTimer m_timer;
    // While a sync runs: the engine's own commits leave checkpoints to the writer's checkpointer.
    std::optional<AutocheckpointPause> m_autocheckpointPause;
    SyncReport m_report;
    std::unique_ptr<Run> m_run; // made by start(), kept until the next start()
};

} // namespace Inkwell
