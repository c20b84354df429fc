#include "sync/SyncItemsFallback.h"

#include "protocol/LjClient.h"
#include "sync/ServerTime.h"

#include <limits>

namespace Inkwell {

void SyncItemsFallback::start(int done, int total)
{
    m_done = done;
    m_total = total;
    fetchNext();
}

void SyncItemsFallback::fetchNext()
{
    const QList<PendingItem> batch = m_run.state.pending(m_run.journal.id, FetchBatch);
    if (batch.isEmpty()) {
        emit fetched();
        return;
    }
    emit progress(m_done, m_total);
    QString cursor = oneSecondBefore(batch.first().time);
    if (m_cursorUses.value(cursor) >= 2)
        cursor = batch.first().time;
    if (m_cursorUses.value(cursor) >= 2) {
        // Nothing more comes for these ids: they are gone or invisible.
        QList<PendingItem> gone;
        for (const PendingItem& item : batch) {
            if (item.time <= batch.first().time)
                gone.append(item);
        }
        if (!m_run.state.removePending(m_run.journal.id, gone)) {
            failWrite(m_run.state.lastError());
            return;
        }
        fetchNext();
        return;
    }
    ++m_cursorUses[cursor];
    ProtocolValue request = m_run.journal.request();
    request.insert(QStringLiteral("selecttype"), QStringLiteral("syncitems"));
    request.insert(QStringLiteral("lastsync"), cursor);
    request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
    m_run.client.call(QStringLiteral("getevents"), request, this,
                      [this](ProtocolCall& call) { onEvents(call); });
}

void SyncItemsFallback::onEvents(ProtocolCall& call)
{
    const std::optional<QList<JournalEntry>> entries = entriesOrStop(call);
    if (!entries)
        return;
    QHash<qint64, PendingItem> pending;
    for (const PendingItem& item : m_run.state.pending(m_run.journal.id, std::numeric_limits<int>::max()))
        pending.insert(item.itemid, item);
    QList<PendingItem> done;
    for (const JournalEntry& entry : entries.value()) {
        if (const auto it = pending.constFind(entry.itemid); it != pending.cend())
            done.append(*it);
    }
    if (done.isEmpty()) {
        // The reply brought none of the oldest pending ids although it covered their time: they
        // were deleted or are not visible to us. Dropping them keeps the loop moving.
        const QList<PendingItem> oldest = m_run.state.pending(m_run.journal.id, FetchBatch);
        for (const PendingItem& item : oldest) {
            if (item.time == oldest.first().time)
                done.append(item);
        }
    }
    const std::optional<StoredCounts> stored = m_run.committer.storeEntries(entries.value(), done);
    if (!stored) {
        failWrite(m_run.committer.lastError());
        return;
    }
    m_run.report.count(*stored);
    m_done += int(done.size());
    emit progress(m_done, m_total);
    fetchNext();
}

} // namespace Inkwell
