#include "sync/Lister.h"

#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"
#include "store/JournalStore.h"
#include "sync/ListedPage.h"
#include "sync/ServerTime.h"

#include <limits>
#include <tuple>

namespace Inkwell {

void Lister::start()
{
    SyncState state = m_run.state.syncState(m_run.journal.id);
    if (!state.scanning) {
        state.scanning = true;
        state.scanCursor = state.cursor;
        state.scanMaxTime = state.cursor;
        state.scanNewest.clear();
        if (!m_run.state.saveSyncState(m_run.journal.id, state)) {
            failWrite(m_run.state.lastError());
            return;
        }
    }
    m_scanState = state;
    m_crowded = CrowdedSeconds::fromJson(state.scanCrowded);
    // A stopped sync's listing ended with these (see onPage()); a new one's lists none yet.
    m_listedSecond = state.scanMaxTime;
    m_listedThen.clear();
    for (const QString& id : state.scanNewest.split(QLatin1Char(','), Qt::SkipEmptyParts))
        m_listedThen.insert(id.toLongLong());
    m_setAside.clear();
    // What a stopped sync had listed and not fetched yet; the pages listed now are added as they
    // come, so the fetch starts as soon as the last page is in, without reading the list back.
    m_pending = m_run.state.pending(m_run.journal.id, std::numeric_limits<int>::max());
    m_queued.clear();
    for (qsizetype i = 0; i < m_pending.size(); ++i)
        m_queued.insert(m_pending.at(i).itemid, i);
    m_listed = int(m_pending.size());
    emit progress(m_listed, 0);
    requestPage();
}

void Lister::requestPage()
{
    ProtocolValue request = m_run.journal.request();
    if (!m_scanState.scanCursor.isEmpty())
        request.insert(QStringLiteral("lastsync"), m_scanState.scanCursor);
    m_pageRequested = true;
    ProtocolCall* call = m_run.client.call(QStringLiteral("syncitems"), request, this,
                                           [this](ProtocolCall& reply) { onPage(reply); });
    // Read by pageOf(), between this page and the next request.
    call->setDecodeLater(true);
    m_run.pipeline.releaseOnceSent(call);
}

ProtocolResult<SyncItemsPage> Lister::pageOf(const ProtocolCall& call)
{
    if (call.replyFormat() == QLatin1String("flat")) {
        if (std::optional<SyncItemsPage> page = syncItemsFromPlainFlatReply(call.replyBody()))
            return std::move(*page);
    }
    const auto reply = decodeReplyBody(call.replyFormat(), call.replyBody(), call.mode());
    if (!reply)
        return reply.error();
    return syncItemsFromReply(reply.value());
}

void Lister::onPage(ProtocolCall& call)
{
    m_pageRequested = false;
    if (stopIfCancelled())
        return;
    if (!call.succeeded()) {
        fail(call.error());
        return;
    }
    const ProtocolResult<SyncItemsPage> page = pageOf(call);
    if (!page) {
        fail(page.error());
        return;
    }
    SyncState& state = m_scanState;
    QList<PendingItem> entries;
    QString pageMax;
    bool allSameTime = true;
    for (const SyncItem& item : page->items) {
        if (item.kind == QLatin1Char('L')) {
            // Listed again in the second a stopped sync's listing ended with, as the stopped sync
            // listed it: that sync may have fetched it already (see setAside()).
            if (item.time == m_listedSecond && m_listedThen.contains(item.itemid) &&
                !m_queued.contains(item.itemid))
                m_setAside.append({item.itemid, item.time});
            else
                entries.append({item.itemid, item.time});
        }
        if (!pageMax.isEmpty() && item.time != pageMax)
            allSameTime = false;
        pageMax = std::max(pageMax, item.time);
    }
    noteNewest(page.value(), pageMax);
    state.scanMaxTime = std::max(state.scanMaxTime, pageMax);
    // Once the listing goes past that second, the cursor will too: what was set aside is fetched,
    // as the sync that moves past a second must have every change of it.
    if (state.scanMaxTime > m_listedSecond) {
        entries.append(std::exchange(m_setAside, {}));
        m_listedThen.clear();
    }
    const bool complete = page->items.isEmpty() || page->count >= page->total;
    if (complete) {
        // A sync stopped after this (killed, or a request failed) resumes from here. The newest
        // second listed may not have been over when the server listed it, and the server lists
        // only times strictly after the cursor: a change later in that second would be missed by
        // the resumed sync, and for good if it lists something newer. So, as for the committed
        // cursor (SyncEngine::commitCursor()), the listing resumes one second back.
        state.scanCursor = std::max(state.scanCursor, oneSecondBefore(state.scanMaxTime));
    } else {
        // Step back one second: items sharing the last second may continue on the next page, and
        // the server only lists times strictly after the cursor. If that would not move the cursor
        // (a whole page in one second), the raw time is the only way forward: what no page listed
        // of that second is looked for once the listing ends (CrowdedSeconds).
        QString next = allSameTime ? pageMax : oneSecondBefore(pageMax);
        if (next <= state.scanCursor)
            next = pageMax;
        state.scanCursor = next;
    }
    queue(entries);
    noteCrowdedSecond(page.value());
    state.scanCrowded = m_crowded.toJson();
    // The page's items and the state after it are spooled before the next page is asked for, and
    // committed together by the writer meanwhile: a sync stopped before asks for this page again,
    // one stopped after goes on from the next (the spool file is committed when it resumes).
    if (!keepPage(entries))
        return;
    m_listed += int(entries.size());
    emit progress(m_listed, m_listed + page->total - page->count);
    m_complete = complete;
    listMore();
}

void Lister::noteNewest(const SyncItemsPage& page, const QString& pageMax)
{
    SyncState& state = m_scanState;
    if (pageMax.isEmpty() || pageMax < state.scanMaxTime)
        return;
    QStringList newest;
    if (pageMax == state.scanMaxTime && !state.scanNewest.isEmpty())
        newest = state.scanNewest.split(QLatin1Char(','));
    for (const SyncItem& item : page.items) {
        const QString id = QString::number(item.itemid);
        if (item.kind == QLatin1Char('L') && item.time == pageMax && !newest.contains(id))
            newest.append(id);
    }
    state.scanNewest = newest.join(QLatin1Char(','));
}

void Lister::queue(const QList<PendingItem>& listed)
{
    // As the store keeps them (SyncStateStore::addPending): an item listed twice (pages overlap by
    // design) keeps its newest time.
    for (const PendingItem& item : listed) {
        if (const auto it = m_queued.constFind(item.itemid); it != m_queued.cend()) {
            PendingItem& known = m_pending[*it];
            known.time = std::max(known.time, item.time);
        } else {
            m_queued.insert(item.itemid, m_pending.size());
            m_pending.append(item);
        }
    }
}

void Lister::noteCrowdedSecond(const SyncItemsPage& page)
{
    int entriesListed = 0;
    bool editsListed = false;
    if (const std::optional<QString> second = CrowdedSeconds::crowdedSecond(page)) {
        for (const PendingItem& item : std::as_const(m_pending))
            entriesListed += item.time == *second ? 1 : 0;
        QList<qint64> edited;
        for (const SyncItem& item : page.items) {
            if (item.kind == QLatin1Char('L') && item.action == QLatin1String("update"))
                edited.append(item.itemid);
        }
        editsListed = !m_run.mirror.existingItemids(m_run.journal.id, edited).isEmpty();
    }
    m_crowded.pageListed(page, entriesListed, editsListed);
}

bool Lister::planCrowdedSeconds()
{
    const QList<PendingItem> probes = m_crowded.plan(m_pending, mirroredIds(), FetchBatch);
    const QString planned = m_crowded.toJson();
    if (planned == m_scanState.scanCrowded)
        return true;
    m_scanState.scanCrowded = planned;
    // Kept like a listed page, with the plan: a stopped sync fetches them, and plans no second twice.
    if (!keepPage(probes))
        return false;
    queue(probes);
    return true;
}

bool Lister::keepPage(const QList<PendingItem>& items)
{
    if (m_run.pipeline.keepPage({items, m_scanState}))
        return true;
    failWrite(m_run.pipeline.error());
    return false;
}

void Lister::resume()
{
    listMore();
}

void Lister::listMore()
{
    if (m_pageRequested)
        return; // its reply brings the lister back
    if (!m_complete) {
        if (!m_run.pipeline.waitingForWriter(WriterBacklog))
            requestPage();
        return;
    }
    // The list in memory is complete: the fetch need not wait for the writer to store the last
    // pages. It commits in order, so a fetched reply is stored after the pages that listed its
    // items, and a sync stopped in between resumes with both spooled. With nothing to fetch, the
    // stored list is read back at once (Fetcher), so the writer must be done first.
    if (!planCrowdedSeconds())
        return;
    if (m_pending.isEmpty() && m_run.pipeline.waitingForWriter(1))
        return;
    m_queued.clear();
    std::sort(m_pending.begin(), m_pending.end(), [](const PendingItem& a, const PendingItem& b) {
        return std::tie(a.time, a.itemid) < std::tie(b.time, b.itemid);
    });
    emit listed();
}

Lister::Listing Lister::takeListing()
{
    return {std::exchange(m_pending, {}), m_crowded, m_scanState.scanCrowded};
}

} // namespace Inkwell
