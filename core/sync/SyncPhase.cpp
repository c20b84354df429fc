#include "sync/SyncPhase.h"

#include "protocol/JournalMessages.h"
#include "protocol/ProtocolCall.h"
#include "store/JournalStore.h"

namespace Inkwell {

SyncRun::SyncRun(LjClient& lj, JournalStore& store, SyncedJournal synced, SyncReport& out)
    : client(lj)
    , journal(std::move(synced))
    , mirror(store)
    , state(store.connection())
    , committer(store, state, journal.id)
    , pipeline(store.connection().databaseName(), journal, committer, state)
    , report(out)
{}

SyncPhase::SyncPhase(SyncRun& run)
    : m_run(run)
{}

bool SyncPhase::stopIfCancelled()
{
    if (!m_run.cancelRequested)
        return false;
    emit stopped({SyncStop::Reason::Cancelled, {}, {}});
    return true;
}

void SyncPhase::fail(const ProtocolError& error)
{
    emit stopped({SyncStop::Reason::ProtocolFailure, error, {}});
}

void SyncPhase::failWrite(const QString& why)
{
    emit stopped({SyncStop::Reason::WriteFailure, {}, why});
}

std::optional<QList<JournalEntry>> SyncPhase::entriesOrStop(ProtocolCall& call)
{
    if (stopIfCancelled())
        return std::nullopt;
    if (!call.succeeded()) {
        fail(call.error());
        return std::nullopt;
    }
    auto entries = entriesFromReply(call.reply());
    if (!entries) {
        fail(entries.error());
        return std::nullopt;
    }
    return std::move(entries).value();
}

CrowdedSeconds::Mirrored SyncPhase::mirroredIds() const
{
    return [this](qint64 first, qint64 last) {
        const QList<qint64> ids = m_run.mirror.itemidsBetween(m_run.journal.id, first, last);
        return QSet<qint64>(ids.cbegin(), ids.cend());
    };
}

} // namespace Inkwell
