#pragma once

#include "store/StatementCache.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Inkwell {

// Where an interrupted or finished sync of one journal stands (REFERENCE.md 8.2).
struct SyncState
{
    QString cursor; // every change up to this server time is mirrored
    bool scanning = false;
    QString scanCursor;  // next syncitems cursor of the enumeration in progress
    QString scanMaxTime; // newest item time the enumeration has seen
    QString scanCrowded; // seconds its pages could not list whole, as JSON (sync/CrowdedSeconds.h)
    QString scanNewest;  // the entries it listed at scanMaxTime, itemids joined by commas
};

// An entry listed by syncitems and not mirrored yet, at the time the listing gave it.
struct PendingItem
{
    qint64 itemid = 0;
    QString time;
};

// Pending items as a JSON array of [itemid, "time"] pairs (the form json_each() reads in SQL and
// FetchSpool keeps on disk), written directly: QJsonDocument takes ~0.3 ms for a 500-item page,
// on the sync's critical path.
QByteArray pendingItemsJson(const QList<PendingItem>& items);

// What the sync engine keeps of each journal between and during syncs: the state above, the
// pending list (listed, not fetched yet), and the number of the last spooled batch it stored. Only
// the sync reads it (and the main window, for the cursor); it commits with the mirrored entries,
// through a Transaction on the same connection.
//
// Works on whatever connection it is given, on that connection's thread.
class SyncStateStore
{
public:
    explicit SyncStateStore(QSqlDatabase connection);

    QSqlDatabase connection() const { return m_sql.connection(); }
    QString lastError() const { return m_sql.error(); }

    SyncState syncState(qint64 journalId) const;
    bool saveSyncState(qint64 journalId, const SyncState& state);

    // An item listed twice (pages overlap by design) keeps its newest time.
    bool addPending(qint64 journalId, const QList<PendingItem>& items);
    // Oldest first.
    QList<PendingItem> pending(qint64 journalId, int limit) const;
    int pendingCount(qint64 journalId) const;
    // Takes these items off the pending list, unless listed again with a newer time since.
    bool removePending(qint64 journalId, const QList<PendingItem>& items);

    // The number of the last spooled batch whose entries (or listed items) were committed
    // (sync/FetchSpool.h); 0 if none.
    qint64 lastStoredFetch(qint64 journalId) const;
    bool setLastStoredFetch(qint64 journalId, qint64 sequence);

private:
    mutable StatementCache m_sql;
};

} // namespace Inkwell
