#include "sync/MirrorCommitter.h"

#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"
#include "store/JournalStore.h"
#include "store/Transaction.h"
#include "sync/ListedPage.h"

#include <QSet>

namespace Inkwell {

MirrorCommitter::MirrorCommitter(JournalStore& entries, SyncStateStore& state, qint64 journalId)
    : m_entries(entries)
    , m_state(state)
    , m_journalId(journalId)
{}

bool MirrorCommitter::fail(const QString& error)
{
    m_error = error;
    return false;
}

bool MirrorCommitter::begin(const Transaction& transaction)
{
    return transaction.isOpen() || fail(transaction.error());
}

bool MirrorCommitter::commit(Transaction& transaction)
{
    return transaction.commit() || fail(transaction.error());
}

std::optional<StoredCounts> MirrorCommitter::storeEntries(const QList<JournalEntry>& entries,
                                                          const QList<PendingItem>& answered, qint64 spooled)
{
    QList<qint64> ids;
    ids.reserve(entries.size());
    for (const JournalEntry& entry : entries)
        ids.append(entry.itemid);
    const QSet<qint64> existing = m_entries.existingItemids(m_journalId, ids);
    StoredCounts counts;
    counts.added = int(entries.size() - existing.size());
    for (const JournalEntry& entry : entries) {
        if (existing.contains(entry.itemid) && m_entries.entry(m_journalId, entry.itemid) != entry)
            ++counts.updated;
    }
    Transaction transaction(m_entries.connection());
    const bool stored = begin(transaction) &&
                        (m_entries.upsertEntries(m_journalId, entries) || fail(m_entries.lastError())) &&
                        ((m_state.removePending(m_journalId, answered) &&
                          (spooled == 0 || m_state.setLastStoredFetch(m_journalId, spooled))) ||
                         fail(m_state.lastError())) &&
                        commit(transaction);
    return stored ? std::optional(counts) : std::nullopt;
}

bool MirrorCommitter::storePage(const ListedPage& page, qint64 spooled)
{
    Transaction transaction(m_state.connection());
    return begin(transaction) &&
           ((m_state.addPending(m_journalId, page.items) &&
             m_state.saveSyncState(m_journalId, page.stateAfter) &&
             m_state.setLastStoredFetch(m_journalId, spooled)) ||
            fail(m_state.lastError())) &&
           commit(transaction);
}

bool MirrorCommitter::addPending(const QList<PendingItem>& items, const SyncState& state)
{
    Transaction transaction(m_state.connection());
    return begin(transaction) &&
           ((m_state.addPending(m_journalId, items) && m_state.saveSyncState(m_journalId, state)) ||
            fail(m_state.lastError())) &&
           commit(transaction);
}

bool MirrorCommitter::deleteEntries(const QList<qint64>& itemids)
{
    Transaction transaction(m_entries.connection());
    return begin(transaction) &&
           (m_entries.deleteEntries(m_journalId, itemids) || fail(m_entries.lastError())) &&
           commit(transaction);
}

ProtocolResult<QList<JournalEntry>> spooledEntries(const FetchSpool::Batch& reply)
{
    const auto decoded = decodeReplyBody(reply.format, reply.body, QStringLiteral("getevents"));
    if (!decoded)
        return decoded.error();
    auto entries = entriesFromReply(decoded.value());
    if (!entries || reply.requested.isEmpty())
        return entries;
    // A server answers `multiple` with the ids it was asked for and no others. An entry nobody
    // asked for means the reply answers another question (a confused proxy, a wrong journal):
    // none of it is kept, and the asked ids stay pending. Ids missing from it count as deleted.
    QSet<qint64> asked;
    asked.reserve(reply.requested.size());
    for (const PendingItem& item : reply.requested)
        asked.insert(item.itemid);
    for (const JournalEntry& entry : entries.value()) {
        if (!asked.contains(entry.itemid))
            return ProtocolError::malformed(
                QStringLiteral("getevents: entry %1 was not asked for").arg(entry.itemid),
                QStringLiteral("getevents"));
    }
    return entries;
}

} // namespace Inkwell
