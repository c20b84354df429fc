#include "sync/SyncEngine.h"

#include "protocol/LjClient.h"
#include "store/JournalStore.h"
#include "sync/MirrorWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>
#include <tuple>

namespace Inkwell {

namespace {

constexpr int FetchBatch = 100; // getevents multiple / syncitems return at most 100 (REFERENCE.md 4.2)
constexpr int DayLimit = 200;   // getevents day returns at most 200 (REFERENCE.md 4.3)
// Replies handed to the writer and not stored yet before the engine waits for it: the writer
// keeps up unless the machine is busy, and this bounds the memory the replies take meanwhile.
constexpr int WriterBacklog = 8;

const QString timeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

} // namespace

QString oneSecondBefore(const QString& serverTime)
{
    // UTC is only a way to do the arithmetic without daylight-saving gaps; the string is naive.
    QDateTime time = QDateTime::fromString(serverTime.left(19), timeFormat);
    if (!time.isValid())
        return serverTime;
    time.setTimeSpec(Qt::UTC);
    return time.addSecs(-1).toString(timeFormat);
}

SyncEngine::SyncEngine(LjClient& client, JournalStore& store, QString accountName, QString journal,
                       QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_accountName(std::move(accountName))
    , m_journal(canonicalUsername(journal.isEmpty() ? client.account().username : journal))
    , m_isCommunity(m_journal != canonicalUsername(client.account().username))
    , m_spool(store.connection().databaseName())
{}

void SyncEngine::start()
{
    if (isRunning())
        return;
    m_report = {};
    m_cancelRequested = false;
    m_useMultiple = true;
    m_syncItemsCursorUses.clear();
    m_fetchQueue.clear();
    m_queued.clear();
    m_fetchPosition = 0;
    m_writer.reset();
    m_listingComplete = false;
    m_pageRequested = false;
    m_eventsCall = nullptr;
    m_asked.clear();
    m_requestsAtStart = m_client.requestsSent();
    m_timer.start();
    // The writer's checkpointer serves the database while the sync runs; the engine's own commits
    // (leftovers, the cursor) do not checkpoint on this thread meanwhile.
    m_autocheckpointPause.emplace(m_store.connection());
    m_journalId = m_store.journalId(m_accountName, m_journal);
    if (m_journalId == 0) {
        failStore();
        return;
    }
    m_lastSpooled = std::max(m_store.lastStoredFetch(m_journalId), m_spool.lastSequence(m_journalId));
    // What a stopped sync had spooled (listed pages, fetched replies) goes in first.
    if (!storeLeftovers()) {
        failStore();
        return;
    }
    enumerate();
}

void SyncEngine::cancel()
{
    if (isRunning())
        m_cancelRequested = true;
}

bool SyncEngine::stopIfCancelled()
{
    if (!m_cancelRequested)
        return false;
    m_report.cancelled = true;
    finish();
    return true;
}

ProtocolValue SyncEngine::journalRequest() const
{
    ProtocolValue request = ProtocolValue::emptyMap();
    if (m_isCommunity)
        request.insert(QStringLiteral("usejournal"), m_journal);
    return request;
}

void SyncEngine::setPhase(Phase phase, int done, int total)
{
    m_phase = phase;
    emit progress(phase, done, total);
}

void SyncEngine::enumerate()
{
    SyncState state = m_store.syncState(m_journalId);
    if (!state.scanning) {
        state.scanning = true;
        state.scanCursor = state.cursor;
        state.scanMaxTime = state.cursor;
        if (!m_store.saveSyncState(m_journalId, state)) {
            failStore();
            return;
        }
    }
    m_scanState = state;
    m_crowded = CrowdedSeconds::fromJson(state.scanCrowded);
    // What a stopped sync had listed and not fetched yet; the pages listed now are added as they
    // come, so the fetch starts as soon as the last page is in, without reading the list back.
    m_fetchQueue = m_store.pending(m_journalId, std::numeric_limits<int>::max());
    m_fetchPosition = 0;
    m_queued.clear();
    for (qsizetype i = 0; i < m_fetchQueue.size(); ++i)
        m_queued.insert(m_fetchQueue.at(i).itemid, i);
    m_listed = int(m_fetchQueue.size());
    setPhase(Phase::Enumerating, m_listed, 0);
    requestSyncItems();
}

void SyncEngine::requestSyncItems()
{
    ProtocolValue request = journalRequest();
    if (!m_scanState.scanCursor.isEmpty())
        request.insert(QStringLiteral("lastsync"), m_scanState.scanCursor);
    m_pageRequested = true;
    ProtocolCall* call = m_client.call(QStringLiteral("syncitems"), request, this,
                                       [this](ProtocolCall& reply) { onSyncItems(reply); });
    // Read by listedPage(), between this page and the next request.
    call->setDecodeLater(true);
    handOverOnceSent(call);
}

ProtocolResult<SyncItemsPage> SyncEngine::listedPage(const ProtocolCall& call)
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

void SyncEngine::onSyncItems(ProtocolCall& call)
{
    m_pageRequested = false;
    if (stopIfCancelled())
        return;
    if (!call.succeeded()) {
        fail(call.error());
        return;
    }
    const ProtocolResult<SyncItemsPage> page = listedPage(call);
    if (!page) {
        fail(page.error());
        return;
    }
    SyncState& state = m_scanState;
    QList<PendingItem> entries;
    QString pageMax;
    bool allSameTime = true;
    for (const SyncItem& item : page->items) {
        if (item.kind == QLatin1Char('L'))
            entries.append({item.itemid, item.time});
        if (!pageMax.isEmpty() && item.time != pageMax)
            allSameTime = false;
        pageMax = std::max(pageMax, item.time);
    }
    state.scanMaxTime = std::max(state.scanMaxTime, pageMax);
    const bool complete = page->items.isEmpty() || page->count >= page->total;
    if (complete) {
        // Resuming from here asks only for what is newer than everything seen.
        state.scanCursor = state.scanMaxTime;
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
    if (!spool(pageFormat, pageBody(state), entries))
        return;
    m_listed += int(entries.size());
    setPhase(Phase::Enumerating, m_listed, m_listed + page->total - page->count);
    m_listingComplete = complete;
    listMore();
}

void SyncEngine::queue(const QList<PendingItem>& listed)
{
    // As the store keeps them (JournalStore::addPending): an item listed twice (pages overlap by
    // design) keeps its newest time.
    for (const PendingItem& item : listed) {
        if (const auto it = m_queued.constFind(item.itemid); it != m_queued.cend()) {
            PendingItem& known = m_fetchQueue[*it];
            known.time = std::max(known.time, item.time);
        } else {
            m_queued.insert(item.itemid, m_fetchQueue.size());
            m_fetchQueue.append(item);
        }
    }
}

void SyncEngine::noteCrowdedSecond(const SyncItemsPage& page)
{
    int entriesListed = 0;
    bool editsListed = false;
    if (const std::optional<QString> second = CrowdedSeconds::crowdedSecond(page)) {
        for (const PendingItem& item : std::as_const(m_fetchQueue))
            entriesListed += item.time == *second ? 1 : 0;
        QList<qint64> edited;
        for (const SyncItem& item : page.items) {
            if (item.kind == QLatin1Char('L') && item.action == QLatin1String("update"))
                edited.append(item.itemid);
        }
        editsListed = !m_store.existingItemids(m_journalId, edited).isEmpty();
    }
    m_crowded.pageListed(page, entriesListed, editsListed);
}

CrowdedSeconds::Mirrored SyncEngine::mirroredIds() const
{
    return [this](qint64 first, qint64 last) {
        const QList<qint64> ids = m_store.itemidsBetween(m_journalId, first, last);
        return QSet<qint64>(ids.cbegin(), ids.cend());
    };
}

bool SyncEngine::planCrowdedSeconds()
{
    const QList<PendingItem> probes = m_crowded.plan(m_fetchQueue, mirroredIds(), FetchBatch);
    const QString planned = m_crowded.toJson();
    if (planned == m_scanState.scanCrowded)
        return true;
    m_scanState.scanCrowded = planned;
    // Kept like a listed page, with the plan: a stopped sync fetches them, and plans no second twice.
    if (!spool(pageFormat, pageBody(m_scanState), probes))
        return false;
    queue(probes);
    return true;
}

bool SyncEngine::followUpCrowdedSeconds()
{
    const QList<PendingItem> next = m_crowded.followUp(mirroredIds(), m_asked, FetchBatch);
    const QString followed = m_crowded.toJson();
    if (followed == m_scanState.scanCrowded)
        return true;
    m_scanState.scanCrowded = followed;
    // The writer has stored everything: the engine commits the ids and the state itself.
    SyncState state = m_store.syncState(m_journalId);
    state.scanCrowded = followed;
    JournalStore::Transaction transaction(m_store);
    if (!m_store.addPending(m_journalId, next) || !m_store.saveSyncState(m_journalId, state) ||
        !transaction.commit()) {
        failStore();
        return false;
    }
    m_fetchQueue = next;
    m_fetchTotal += int(next.size());
    return true;
}

void SyncEngine::listMore()
{
    if (m_pageRequested || m_phase != Phase::Enumerating)
        return; // a reply on its way, or the fetch has begun, brings the engine back
    if (!m_listingComplete) {
        if (!waitingForWriter(WriterBacklog))
            requestSyncItems();
        return;
    }
    // The list in memory is complete: the fetch need not wait for the writer to store the last
    // pages. It commits in order, so a fetched reply is stored after the pages that listed its
    // items, and a sync stopped in between resumes with both spooled. With nothing to fetch, the
    // stored list is read back at once (fetchNext), so the writer must be done first.
    if (!planCrowdedSeconds())
        return;
    if (m_fetchQueue.isEmpty() && waitingForWriter(1))
        return;
    m_queued.clear();
    std::sort(m_fetchQueue.begin(), m_fetchQueue.end(), [](const PendingItem& a, const PendingItem& b) {
        return std::tie(a.time, a.itemid) < std::tie(b.time, b.itemid);
    });
    m_fetchPosition = 0;
    m_fetchDone = 0;
    m_fetchTotal = int(m_fetchQueue.size());
    fetchNext();
}

bool SyncEngine::spool(const QString& format, const QByteArray& body, const QList<PendingItem>& items)
{
    FetchSpool::Batch batch{{}, m_lastSpooled + 1, spoolOwner(), format, body, items};
    batch.file = m_spool.keep(m_journalId, batch.sequence, spoolOwner(), batch.format, batch.body, items);
    if (batch.file.isEmpty()) {
        failSpool();
        return false;
    }
    m_lastSpooled = batch.sequence;
    if (!m_writer) {
        m_writer = std::make_unique<MirrorWriter>(m_store.connection().databaseName(), m_journalId);
        connect(m_writer.get(), &MirrorWriter::stored, this, [this](int added, int updated) {
            m_report.added += added;
            m_report.updated += updated;
            // It stores in order, so everything but its backlog is stored: spool files filled with
            // such batches go.
            m_spool.dropStored(m_lastSpooled - m_writer->backlog());
            if (m_phase == Phase::Enumerating)
                listMore();
            else if (m_phase == Phase::Fetching)
                fetchMore();
        });
        connect(m_writer.get(), &MirrorWriter::failed, this,
                [this](const ProtocolError& readError, const QString& storeError) {
                    if (!isRunning())
                        return;
                    if (readError.isNull())
                        failWrite(storeError);
                    else
                        fail(readError);
                });
    }
    m_writer->hold(batch);
    return true;
}

void SyncEngine::handOverOnceSent(ProtocolCall* call)
{
    connect(call, &ProtocolCall::requestSent, this, [this] {
        if (m_writer)
            m_writer->release();
    });
}

bool SyncEngine::waitingForWriter(int batches)
{
    if (!m_writer || m_writer->backlog() < batches)
        return false;
    m_writer->release();
    return true;
}

bool SyncEngine::storeEntries(const QList<JournalEntry>& entries, const QList<PendingItem>& donePending,
                              qint64 legacyBatch, qint64 spooled)
{
    return storeFetchedEntries(m_store, m_journalId, entries, donePending, legacyBatch, spooled,
                               &m_report.added, &m_report.updated);
}

bool SyncEngine::storeLeftovers()
{
    // Batches a stopped sync had kept but not stored yet. A kept reply that no longer reads
    // (damaged on disk) is dropped; its ids are still pending, and fetched again.
    for (const JournalStore::FetchedBatch& batch : m_store.keptFetched(m_journalId)) {
        const auto entries = keptEntries(batch.format, batch.data);
        if (!entries ? !m_store.dropFetched(batch.id)
                     : !storeEntries(entries.value(), batch.requested, batch.id))
            return false;
    }
    // What this engine spooled before is read back like the rest; a new file is begun after.
    m_spool.closeFile();
    const qint64 stored = m_store.lastStoredFetch(m_journalId);
    const QStringList files = m_spool.files(m_journalId);
    for (const FetchSpool::Batch& batch : m_spool.kept(m_journalId, stored)) {
        // A file of a deleted journal whose id was given again is not ours.
        if (!batch.format.isEmpty() && batch.owner == spoolOwner()) {
            if (batch.format == pageFormat) {
                bool unreadable = false;
                if (!storeListedPage(m_store, m_journalId, batch, &unreadable) && !unreadable)
                    return false;
            } else if (const auto entries = keptEntries(batch.format, batch.body);
                       entries && !storeEntries(entries.value(), batch.requested, 0, batch.sequence)) {
                return false;
            }
        }
    }
    // Everything in them is stored now, or does not read, or is not this journal's.
    for (const QString& file : files)
        m_spool.drop(file);
    return true;
}

QString SyncEngine::spoolOwner() const
{
    return m_accountName + u'/' + m_journal;
}

void SyncEngine::fetchNext()
{
    if (!m_useMultiple) {
        fetchBySyncItems();
        return;
    }
    // The pending list is worked off in memory (made while listing): reading it per batch sorts
    // what is left each time (quadratic on a large first sync). Each batch still leaves the stored
    // list in the transaction that keeps its entries, so a stopped sync resumes with what is left.
    // Once it is worked off and everything is stored, the stored list is read again: it is empty
    // unless something was left behind, which is fetched then.
    if (m_fetchPosition >= m_fetchQueue.size()) {
        if (!storeLeftovers()) {
            failStore();
            return;
        }
        m_fetchQueue = m_store.pending(m_journalId, std::numeric_limits<int>::max());
        m_fetchPosition = 0;
        // Then what crowded seconds may still hide.
        if (m_fetchQueue.isEmpty() && !followUpCrowdedSeconds())
            return;
    }
    const QList<PendingItem> batch = m_fetchQueue.mid(m_fetchPosition, FetchBatch);
    m_fetchPosition += batch.size();
    if (batch.isEmpty()) {
        m_fetchQueue.clear();
        fetchDone();
        return;
    }
    setPhase(Phase::Fetching, m_fetchDone, m_fetchTotal);
    sendEvents(batch);
}

void SyncEngine::sendEvents(const QList<PendingItem>& batch)
{
    QStringList idTexts;
    idTexts.reserve(batch.size());
    for (const PendingItem& item : batch) {
        idTexts.append(QString::number(item.itemid));
        m_asked.insert(item.itemid);
    }
    ProtocolValue request = journalRequest();
    request.insert(QStringLiteral("selecttype"), QStringLiteral("multiple"));
    request.insert(QStringLiteral("itemids"), idTexts.join(QLatin1Char(',')));
    request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
    m_eventsCall = m_client.call(QStringLiteral("getevents"), request, this,
                                 [this, batch](ProtocolCall& call) { onEvents(call, batch); });
    // The writer decodes it, on its own thread.
    m_eventsCall->setDecodeLater(true);
    handOverOnceSent(m_eventsCall);
}

void SyncEngine::onEvents(ProtocolCall& call, const QList<PendingItem>& requested)
{
    m_eventsCall = nullptr;
    if (stopIfCancelled())
        return;
    if (!call.succeeded()) {
        // A server without the undocumented `multiple` answers "Invalid selecttype" (200). Batches
        // not stored yet stay spooled; their ids, still pending, come through syncitems.
        if (call.error().code() == 200 && m_useMultiple) {
            stopWriter();
            m_useMultiple = false;
            fetchBySyncItems();
            return;
        }
        fail(call.error());
        return;
    }
    // The reply is kept as it came, with the ids it answers: from here on, a stopped sync stores
    // it when it resumes and never asks for these ids again. They leave the pending list when its
    // entries are stored, all of them: ids not returned were deleted since they were listed, or
    // are not visible to this account, so the loop always ends.
    if (!spool(call.replyFormat(), call.replyBody(), requested))
        return;
    m_fetchDone += int(requested.size());
    setPhase(Phase::Fetching, m_fetchDone, m_fetchTotal);
    fetchMore();
}

void SyncEngine::fetchMore()
{
    if (m_eventsCall)
        return; // its reply brings the engine back here
    if (m_fetchPosition < m_fetchQueue.size()) {
        // The next request goes out while the writer stores what came before, unless it is too
        // far behind: then its next stored batch brings the engine back here.
        if (waitingForWriter(WriterBacklog))
            return;
        const QList<PendingItem> next = m_fetchQueue.mid(m_fetchPosition, FetchBatch);
        m_fetchPosition += next.size();
        sendEvents(next);
        return;
    }
    // All asked for: what is left of the pending list is read once the writer has stored it all.
    if (!waitingForWriter(1))
        fetchNext();
}

void SyncEngine::fetchBySyncItems()
{
    const QList<PendingItem> batch = m_store.pending(m_journalId, FetchBatch);
    if (batch.isEmpty()) {
        fetchDone();
        return;
    }
    setPhase(Phase::Fetching, m_fetchDone, m_fetchTotal);
    // The server refuses the third identical lastsync within an hour (406, REFERENCE.md 4.2): use
    // each cursor at most twice, and step forward when it would repeat.
    QString cursor = oneSecondBefore(batch.first().time);
    if (m_syncItemsCursorUses.value(cursor) >= 2)
        cursor = batch.first().time;
    if (m_syncItemsCursorUses.value(cursor) >= 2) {
        // Nothing more comes for these ids: they are gone or invisible.
        QList<PendingItem> gone;
        for (const PendingItem& item : batch) {
            if (item.time <= batch.first().time)
                gone.append(item);
        }
        if (!m_store.removePending(m_journalId, gone)) {
            failStore();
            return;
        }
        fetchBySyncItems();
        return;
    }
    ++m_syncItemsCursorUses[cursor];
    ProtocolValue request = journalRequest();
    request.insert(QStringLiteral("selecttype"), QStringLiteral("syncitems"));
    request.insert(QStringLiteral("lastsync"), cursor);
    request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
    m_client.call(QStringLiteral("getevents"), request, this,
                  [this](ProtocolCall& call) { onSyncItemsEvents(call); });
}

std::optional<QList<JournalEntry>> SyncEngine::entriesOrStop(ProtocolCall& call)
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

void SyncEngine::onSyncItemsEvents(ProtocolCall& call)
{
    const std::optional<QList<JournalEntry>> entries = entriesOrStop(call);
    if (!entries)
        return;
    QHash<qint64, PendingItem> pending;
    for (const PendingItem& item : m_store.pending(m_journalId, std::numeric_limits<int>::max()))
        pending.insert(item.itemid, item);
    QList<PendingItem> done;
    for (const JournalEntry& entry : entries.value()) {
        if (const auto it = pending.constFind(entry.itemid); it != pending.cend())
            done.append(*it);
    }
    if (done.isEmpty()) {
        // The reply brought none of the oldest pending ids although it covered their time: they
        // were deleted or are not visible to us. Dropping them keeps the loop moving.
        const QList<PendingItem> oldest = m_store.pending(m_journalId, FetchBatch);
        for (const PendingItem& item : oldest) {
            if (item.time == oldest.first().time)
                done.append(item);
        }
    }
    if (!storeEntries(entries.value(), done)) {
        failStore();
        return;
    }
    m_fetchDone += int(done.size());
    setPhase(Phase::Fetching, m_fetchDone, m_fetchTotal);
    fetchBySyncItems();
}

void SyncEngine::commitCursor()
{
    SyncState state = m_store.syncState(m_journalId);
    // The newest second enumerated may not have been over when the server listed it: another
    // change in that same second comes after the listing, and a cursor of that second would hide
    // it for good (the server lists only times strictly after the cursor). So the cursor stays one
    // second back; the next sync lists that second again and fetches its few entries once more.
    if (!state.scanMaxTime.isEmpty())
        state.cursor = std::max(state.cursor, oneSecondBefore(state.scanMaxTime));
    state.scanning = false;
    state.scanCursor.clear();
    state.scanCrowded.clear();
    if (!m_store.saveSyncState(m_journalId, state)) {
        failStore();
        return;
    }
    finish();
}

void SyncEngine::fetchDone()
{
    // The deletion check belongs to the sync it ends: the cursor moves after it, so a sync stopped
    // there resumes there, instead of starting a new one that lists the cursor's second again.
    if (m_checkDeletions)
        checkDeletions();
    else
        commitCursor();
}

void SyncEngine::checkDeletions()
{
    setPhase(Phase::CheckingDeletions, 0, 0);
    m_localDayCounts.reset();
    ProtocolCall* dayCounts = m_client.call(QStringLiteral("getdaycounts"), journalRequest(), this,
                                            [this](ProtocolCall& call) { onDayCounts(call); });
    // The mirror is complete here (the writer has stored everything), so its own counts are read
    // while the server counts: a full table scan that would otherwise follow the reply.
    connect(dayCounts, &ProtocolCall::requestSent, this, [this] {
        if (!m_localDayCounts)
            m_localDayCounts = m_store.dayCounts(m_journalId);
    });
}

void SyncEngine::onDayCounts(ProtocolCall& call)
{
    if (stopIfCancelled())
        return;
    if (!call.succeeded()) {
        fail(call.error());
        return;
    }
    const auto serverCounts = dayCountsFromReply(call.reply());
    if (!serverCounts) {
        fail(serverCounts.error());
        return;
    }
    QMap<QDate, int> server;
    for (const DayCount& day : serverCounts.value())
        server.insert(day.date, day.count);
    if (!m_localDayCounts)
        m_localDayCounts = m_store.dayCounts(m_journalId);
    const QMap<QDate, int>& local = *m_localDayCounts;
    QSet<QDate> differing;
    for (auto it = server.cbegin(); it != server.cend(); ++it) {
        if (local.value(it.key()) != it.value())
            differing.insert(it.key());
    }
    for (auto it = local.cbegin(); it != local.cend(); ++it) {
        if (!server.contains(it.key()))
            differing.insert(it.key());
    }
    m_daysToRead = differing.values();
    std::sort(m_daysToRead.begin(), m_daysToRead.end());
    fetchNextDay();
}

void SyncEngine::fetchNextDay()
{
    if (m_daysToRead.isEmpty()) {
        commitCursor();
        return;
    }
    const QDate day = m_daysToRead.takeFirst();
    ProtocolValue request = journalRequest();
    request.insert(QStringLiteral("selecttype"), QStringLiteral("day"));
    request.insert(QStringLiteral("year"), day.year());
    request.insert(QStringLiteral("month"), day.month());
    request.insert(QStringLiteral("day"), day.day());
    request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
    m_client.call(QStringLiteral("getevents"), request, this,
                  [this, day](ProtocolCall& call) { onDay(call, day); });
}

void SyncEngine::onDay(ProtocolCall& call, const QDate& day)
{
    const std::optional<QList<JournalEntry>> entries = entriesOrStop(call);
    if (!entries)
        return;
    QSet<qint64> onServer;
    for (const JournalEntry& entry : entries.value())
        onServer.insert(entry.itemid);
    QList<qint64> gone;
    // A full day (200) may have been cut by the server: then absence proves nothing.
    if (entries->size() < DayLimit) {
        for (qint64 itemid : m_store.itemidsOnDay(m_journalId, day)) {
            if (!onServer.contains(itemid))
                gone.append(itemid);
        }
    }
    {
        JournalStore::Transaction transaction(m_store);
        if (!m_store.deleteEntries(m_journalId, gone) || !transaction.commit()) {
            failStore();
            return;
        }
    }
    // Entries the day brings are stored like fetched ones (a backdated entry, an edited date).
    if (!storeEntries(entries.value(), {})) {
        failStore();
        return;
    }
    m_report.deleted += int(gone.size());
    fetchNextDay();
}

void SyncEngine::fail(const ProtocolError& error, const QString& text)
{
    m_report.error = error;
    QString message = text.isEmpty() ? error.toString() : text;
    if (const QString advice = error.advice(m_accountName); !advice.isEmpty())
        message += u' ' + advice;
    m_report.errorText = message;
    finish();
}

void SyncEngine::failStore()
{
    failWrite(m_store.lastError());
}

void SyncEngine::failSpool()
{
    failWrite(m_spool.error());
}

void SyncEngine::failWrite(const QString& why)
{
    m_report.errorText = QStringLiteral("The local journal could not be written: %1").arg(why);
    finish();
}

void SyncEngine::stopWriter()
{
    // What it was given is stored first (unless it failed: then that stays spooled).
    if (m_writer) {
        m_writer->finish(&m_report.added, &m_report.updated);
        m_writer.reset();
        // Files whose batches are all stored go; any with a batch not stored stay for the next sync.
        m_spool.closeFile();
        m_spool.dropStored(m_store.lastStoredFetch(m_journalId));
    }
}

void SyncEngine::finish()
{
    // A request still on its way is not waited for: its ids are still pending.
    if (m_eventsCall) {
        disconnect(m_eventsCall, nullptr, this, nullptr);
        m_eventsCall->cancel();
        m_eventsCall = nullptr;
    }
    stopWriter();
    m_autocheckpointPause.reset();
    m_report.requests = m_client.requestsSent() - m_requestsAtStart;
    m_report.milliseconds = m_timer.isValid() ? m_timer.elapsed() : 0;
    m_phase = Phase::Finished;
    emit progress(Phase::Finished, 0, 0);
    emit finished(m_report);
}

} // namespace Inkwell
