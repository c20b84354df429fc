#include "sync/SyncEngine.h"

#include "protocol/LjClient.h"
#include "sync/DeletionCheck.h"
#include "sync/Fetcher.h"
#include "sync/Lister.h"
#include "sync/RecentPosts.h"
#include "sync/SyncItemsFallback.h"
#include "sync/SyncPhase.h"

namespace Inkwell {

// One run of the engine: what its phases share, and the phases, made afresh by each start().
struct SyncEngine::Run
{
    Run(LjClient& client, JournalStore& store, SyncedJournal journal, SyncReport& report)
        : shared(client, store, std::move(journal), report)
        , lister(shared)
        , fetcher(shared)
        , fallback(shared)
        , deletions(shared)
        , recent(shared)
    {}

    SyncRun shared;
    Lister lister;
    Fetcher fetcher;
    SyncItemsFallback fallback;
    DeletionCheck deletions;
    RecentPosts recent; // instead of all the others, on the Blogger API
};

SyncEngine::SyncEngine(LjClient& client, JournalStore& store, QString accountName, QString journal,
                       QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_accountName(std::move(accountName))
    , m_journal(canonicalUsername(journal.isEmpty() ? client.account().username : journal))
    , m_isCommunity(m_journal != canonicalUsername(client.account().username))
{}

SyncEngine::~SyncEngine() = default;

void SyncEngine::start()
{
    if (isRunning())
        return;
    m_report = {};
    m_run.reset();
    m_requestsAtStart = m_client.requestsSent();
    m_timer.start();
    // The writer's checkpointer serves the database while the sync runs; the engine's own commits
    // (leftovers, the cursor) do not checkpoint on this thread meanwhile.
    m_autocheckpointPause.emplace(m_store.connection());
    const qint64 journalId = m_store.journalId(m_accountName, m_journal);
    if (journalId == 0) {
        stop({SyncStop::Reason::WriteFailure, {}, m_store.lastError()});
        return;
    }
    m_run = std::make_unique<Run>(
        m_client, m_store, SyncedJournal{m_accountName, m_journal, m_isCommunity, journalId}, m_report);
    connectPhases();
    // What a stopped sync had spooled (listed pages, fetched replies) goes in first.
    const std::optional<StoredCounts> leftovers = m_run->shared.pipeline.storeLeftovers();
    if (!leftovers) {
        stop({SyncStop::Reason::WriteFailure, {}, m_run->shared.committer.lastError()});
        return;
    }
    m_report.count(*leftovers);
    if (m_client.account().interface == Interface::Blogger)
        m_run->recent.start();
    else
        m_run->lister.start();
}

void SyncEngine::cancel()
{
    if (isRunning())
        m_run->shared.cancelRequested = true;
}

void SyncEngine::connectPhases()
{
    Run& run = *m_run;
    for (SyncPhase* phase : std::initializer_list<SyncPhase*>{&run.lister, &run.fetcher, &run.fallback,
                                                              &run.deletions, &run.recent})
        connect(phase, &SyncPhase::stopped, this, &SyncEngine::stop);
    connect(&run.lister, &SyncPhase::progress, this,
            [this](int done, int total) { setPhase(Phase::Enumerating, done, total); });
    for (SyncPhase* phase : std::initializer_list<SyncPhase*>{&run.fetcher, &run.fallback, &run.recent})
        connect(phase, &SyncPhase::progress, this,
                [this](int done, int total) { setPhase(Phase::Fetching, done, total); });
    connect(&run.deletions, &SyncPhase::progress, this,
            [this](int done, int total) { setPhase(Phase::CheckingDeletions, done, total); });

    connect(&run.lister, &Lister::listed, this, &SyncEngine::onListed);
    connect(&run.fetcher, &Fetcher::fetched, this, &SyncEngine::fetchDone);
    connect(&run.fetcher, &Fetcher::multipleRefused, this, &SyncEngine::onMultipleRefused);
    connect(&run.fallback, &SyncItemsFallback::fetched, this, &SyncEngine::fetchDone);
    connect(&run.deletions, &DeletionCheck::checked, this, &SyncEngine::commitCursor);
    connect(&run.recent, &RecentPosts::mirrored, this, &SyncEngine::finish);

    connect(&run.shared.pipeline, &MirrorPipeline::stored, this, &SyncEngine::onStored);
    connect(&run.shared.pipeline, &MirrorPipeline::failed, this,
            [this](const ProtocolError& readError, const QString& storeError) {
                if (!isRunning())
                    return;
                if (readError.isNull())
                    stop({SyncStop::Reason::WriteFailure, {}, storeError});
                else
                    stop({SyncStop::Reason::ProtocolFailure, readError, {}});
            });
}

void SyncEngine::setPhase(Phase phase, int done, int total)
{
    m_phase = phase;
    emit progress(phase, done, total);
}

void SyncEngine::onListed()
{
    m_run->fetcher.start(m_run->lister.takeListing());
}

void SyncEngine::onStored(int added, int updated)
{
    m_report.count({added, updated});
    // The phase that waited for the writer goes on.
    if (m_phase == Phase::Enumerating)
        m_run->lister.resume();
    else if (m_phase == Phase::Fetching)
        m_run->fetcher.resume();
}

void SyncEngine::onMultipleRefused()
{
    // What the writer was given is stored first; batches it could not store stay spooled, and
    // their ids, still pending, come through syncitems.
    stopWriter();
    m_run->fallback.start(m_run->fetcher.done(), m_run->fetcher.total());
}

void SyncEngine::fetchDone()
{
    // The deletion check belongs to the sync it ends: the cursor moves after it, so a sync stopped
    // there resumes there, instead of starting a new one that lists the cursor's second again.
    if (m_checkDeletions)
        m_run->deletions.start();
    else
        commitCursor();
}

void SyncEngine::commitCursor()
{
    SyncStateStore& store = m_run->shared.state;
    const qint64 journalId = m_run->shared.journal.id;
    SyncState state = store.syncState(journalId);
    // The newest second enumerated may not have been over when the server listed it: another
    // change in that same second comes after the listing, and a cursor of that second would hide
    // it for good (the server lists only times strictly after the cursor). So the cursor stays one
    // second back; the next sync lists that second again and fetches its few entries once more.
    if (!state.scanMaxTime.isEmpty())
        state.cursor = std::max(state.cursor, oneSecondBefore(state.scanMaxTime));
    state.scanning = false;
    state.scanCursor.clear();
    state.scanCrowded.clear();
    state.scanNewest.clear();
    if (!store.saveSyncState(journalId, state)) {
        stop({SyncStop::Reason::WriteFailure, {}, store.lastError()});
        return;
    }
    finish();
}

void SyncEngine::stop(const SyncStop& why)
{
    switch (why.reason) {
    case SyncStop::Reason::Cancelled:
        m_report.cancelled = true;
        break;
    case SyncStop::Reason::ProtocolFailure:
        m_report.error = why.error;
        m_report.errorText = why.error.toString();
        if (const QString advice = why.error.advice(m_accountName); !advice.isEmpty())
            m_report.errorText += u' ' + advice;
        break;
    case SyncStop::Reason::WriteFailure:
        m_report.errorText = tr("The local journal could not be written: %1").arg(why.writeError);
        break;
    }
    finish();
}

void SyncEngine::stopWriter()
{
    if (m_run)
        m_report.count(m_run->shared.pipeline.stopWriter());
}

void SyncEngine::finish()
{
    // A request still on its way is not waited for: its ids are still pending.
    if (m_run)
        m_run->fetcher.abandonRequest();
    stopWriter();
    m_autocheckpointPause.reset();
    m_report.requests = m_client.requestsSent() - m_requestsAtStart;
    m_report.milliseconds = m_timer.isValid() ? m_timer.elapsed() : 0;
    m_phase = Phase::Finished;
    emit progress(Phase::Finished, 0, 0);
    emit finished(m_report);
}

} // namespace Inkwell
