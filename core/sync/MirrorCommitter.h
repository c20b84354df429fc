#pragma once

#include "journal/JournalEntry.h"
#include "protocol/ProtocolResult.h"
#include "store/SyncStateStore.h"
#include "sync/FetchSpool.h"
#include "sync/SyncReport.h"

#include <QList>
#include <QString>

#include <optional>

namespace Inkwell {

class JournalStore;
class Transaction;
struct ListedPage;

// Commits what a sync brings in, each piece in one transaction with the sync state that goes with
// it: a listed page with the enumeration's state after it, fetched entries with the pending items
// they answer and the number of the spooled batch they came in. The MirrorWriter has one on its
// own connection; the engine one on its connection, for what it stores itself (batches a stopped
// sync left spooled, the syncitems fallback's replies, the days it reads again).
class MirrorCommitter
{
public:
    MirrorCommitter(JournalStore& entries, SyncStateStore& state, qint64 journalId);

    // Commits `entries` and takes `answered` off the pending list; records `spooled` (a FetchSpool
    // number; 0: none) as stored. Counts the entries that are new and those that changed (an
    // entry can come again unchanged: listed by two pages, or by the sync after a first one).
    // nullopt if the database could not be written (lastError()).
    std::optional<StoredCounts> storeEntries(const QList<JournalEntry>& entries,
                                             const QList<PendingItem>& answered, qint64 spooled = 0);
    // Adds a listed page's items to the pending list and saves the state after it; records
    // `spooled` as stored.
    bool storePage(const ListedPage& page, qint64 spooled);
    // Adds items to the pending list and saves `state` (what the sync asks for next, once all it
    // asked for is stored).
    bool addPending(const QList<PendingItem>& items, const SyncState& state);
    bool deleteEntries(const QList<qint64>& itemids);

    // Why the last commit failed.
    QString lastError() const { return m_error; }

private:
    // Each false after recording why.
    bool begin(const Transaction& transaction);
    bool commit(Transaction& transaction);
    bool fail(const QString& error);

    JournalStore& m_entries;
    SyncStateStore& m_state;
    qint64 m_journalId;
    QString m_error;
};

// The entries of a spooled getevents reply, decoded as it came ("flat", "xmlrpc").
ProtocolResult<QList<JournalEntry>> spooledEntries(const FetchSpool::Batch& reply);

} // namespace Inkwell
