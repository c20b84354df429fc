#include "sync/Fetcher.h"

#include "protocol/LjClient.h"

#include <limits>

namespace Inkwell {

void Fetcher::start(Lister::Listing listing)
{
    m_pending = std::move(listing.pending);
    m_crowded = std::move(listing.crowded);
    m_keptCrowded = std::move(listing.keptCrowded);
    m_position = 0;
    m_done = 0;
    m_total = int(m_pending.size());
    fetchNext();
}

void Fetcher::fetchNext()
{
    // The pending list is worked off in memory (made while listing): reading it per batch sorts
    // what is left each time (quadratic on a large first sync). Each batch still leaves the stored
    // list in the transaction that keeps its entries, so a stopped sync resumes with what is left.
    if (m_position >= m_pending.size()) {
        const std::optional<StoredCounts> leftovers = m_run.pipeline.storeLeftovers();
        if (!leftovers) {
            failWrite(m_run.committer.lastError());
            return;
        }
        m_run.report.count(*leftovers);
        m_pending = m_run.state.pending(m_run.journal.id, std::numeric_limits<int>::max());
        m_position = 0;
        // Then what crowded seconds may still hide.
        if (m_pending.isEmpty() && !followUpCrowdedSeconds())
            return;
    }
    const QList<PendingItem> batch = m_pending.mid(m_position, FetchBatch);
    m_position += batch.size();
    if (batch.isEmpty()) {
        m_pending.clear();
        emit fetched();
        return;
    }
    emit progress(m_done, m_total);
    send(batch);
}

void Fetcher::send(const QList<PendingItem>& batch)
{
    QStringList idTexts;
    idTexts.reserve(batch.size());
    for (const PendingItem& item : batch) {
        idTexts.append(QString::number(item.itemid));
        m_asked.insert(item.itemid);
    }
    ProtocolValue request = m_run.journal.request();
    request.insert(QStringLiteral("selecttype"), QStringLiteral("multiple"));
    request.insert(QStringLiteral("itemids"), idTexts.join(QLatin1Char(',')));
    request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
    m_eventsCall = m_run.client.call(QStringLiteral("getevents"), request, this,
                                     [this, batch](ProtocolCall& call) { onEvents(call, batch); });
    // The writer decodes it, on its own thread.
    m_eventsCall->setDecodeLater(true);
    m_run.pipeline.releaseOnceSent(m_eventsCall);
}

void Fetcher::onEvents(ProtocolCall& call, const QList<PendingItem>& requested)
{
    m_eventsCall = nullptr;
    if (stopIfCancelled())
        return;
    if (!call.succeeded()) {
        // A server without the undocumented `multiple` answers "Invalid selecttype" (200). Batches
        // not stored yet stay spooled; their ids, still pending, come through syncitems.
        if (call.error().code() == 200)
            emit multipleRefused();
        else
            fail(call.error());
        return;
    }
    // The reply is kept as it came, with the ids it answers: from here on, a stopped sync stores
    // it when it resumes and never asks for these ids again. They leave the pending list when its
    // entries are stored, all of them: ids not returned were deleted since they were listed, or
    // are not visible to this account, so the loop always ends.
    if (!m_run.pipeline.keepReply(call, requested)) {
        failWrite(m_run.pipeline.error());
        return;
    }
    m_done += int(requested.size());
    emit progress(m_done, m_total);
    fetchMore();
}

void Fetcher::resume()
{
    fetchMore();
}

void Fetcher::fetchMore()
{
    if (m_eventsCall)
        return; // its reply brings the fetcher back here
    if (m_position < m_pending.size()) {
        // The next request goes out while the writer stores what came before, unless it is too
        // far behind: then its next stored batch brings the fetcher back here.
        if (m_run.pipeline.waitingForWriter(WriterBacklog))
            return;
        const QList<PendingItem> next = m_pending.mid(m_position, FetchBatch);
        m_position += next.size();
        send(next);
        return;
    }
    // All asked for: what is left of the pending list is read once the writer has stored it all.
    if (!m_run.pipeline.waitingForWriter(1))
        fetchNext();
}

bool Fetcher::followUpCrowdedSeconds()
{
    const QList<PendingItem> next = m_crowded.followUp(mirroredIds(), m_asked, FetchBatch);
    const QString followed = m_crowded.toJson();
    if (followed == m_keptCrowded)
        return true;
    m_keptCrowded = followed;
    // The writer has stored everything: the ids and the state are committed here.
    SyncState state = m_run.state.syncState(m_run.journal.id);
    state.scanCrowded = followed;
    if (!m_run.committer.addPending(next, state)) {
        failWrite(m_run.committer.lastError());
        return false;
    }
    m_pending = next;
    m_total += int(next.size());
    return true;
}

void Fetcher::abandonRequest()
{
    if (m_eventsCall) {
        disconnect(m_eventsCall, nullptr, this, nullptr);
        m_eventsCall->cancel();
        m_eventsCall = nullptr;
    }
}

} // namespace Inkwell
