#include "store/SyncStateStore.h"

#include "store/SqlText.h"

#include <QSqlQuery>

namespace Inkwell {

namespace {

// Pending items as a JSON array of [itemid, time] for json_each().
QString jsonPendingArray(const QList<PendingItem>& items)
{
    return QString::fromUtf8(pendingItemsJson(items));
}

} // namespace

QByteArray pendingItemsJson(const QList<PendingItem>& items)
{
    QByteArray json;
    json.reserve(items.size() * 32 + 2);
    json.append('[');
    for (const PendingItem& item : items) {
        if (json.size() > 1)
            json.append(',');
        json.append('[').append(QByteArray::number(item.itemid)).append(",\"");
        for (const char c : item.time.toUtf8()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (uchar(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                json.append("\\u00").append(hex[uchar(c) >> 4]).append(hex[uchar(c) & 15]);
            } else {
                json.append(c);
            }
        }
        json.append("\"]");
    }
    json.append(']');
    return json;
}

SyncStateStore::SyncStateStore(QSqlDatabase connection)
    : m_sql(std::move(connection))
{}

SyncState SyncStateStore::syncState(qint64 journalId) const
{
    SyncState state;
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT cursor, scan_cursor, scan_max_time, scan_crowded, scan_newest FROM "
                                 "sync_state WHERE journal_id = :j"));
    query.bindValue(QStringLiteral(":j"), journalId);
    if (query.exec() && query.next()) {
        state.cursor = query.value(0).toString();
        state.scanning = !query.value(1).isNull();
        state.scanCursor = query.value(1).toString();
        state.scanMaxTime = query.value(2).toString();
        state.scanCrowded = query.value(3).toString();
        state.scanNewest = query.value(4).toString();
    }
    return state;
}

bool SyncStateStore::saveSyncState(qint64 journalId, const SyncState& state)
{
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO sync_state (journal_id, cursor, scan_cursor, scan_max_time, scan_crowded, scan_newest) "
        "VALUES (:j, :cursor, :scan, :max, :crowded, :newest) ON CONFLICT (journal_id) DO UPDATE SET "
        "cursor = excluded.cursor, scan_cursor = excluded.scan_cursor, "
        "scan_max_time = excluded.scan_max_time, scan_crowded = excluded.scan_crowded, "
        "scan_newest = excluded.scan_newest"));
    query.bindValue(QStringLiteral(":j"), journalId);
    query.bindValue(QStringLiteral(":cursor"), textValue(state.cursor));
    query.bindValue(QStringLiteral(":scan"), state.scanning ? textValue(state.scanCursor) : QVariant());
    query.bindValue(QStringLiteral(":max"), textValue(state.scanMaxTime));
    query.bindValue(QStringLiteral(":crowded"), textValue(state.scanning ? state.scanCrowded : QString()));
    query.bindValue(QStringLiteral(":newest"), textValue(state.scanning ? state.scanNewest : QString()));
    return query.exec() || m_sql.fail(query);
}

bool SyncStateStore::addPending(qint64 journalId, const QList<PendingItem>& items)
{
    if (items.isEmpty())
        return true;
    // One statement per page: the items as a JSON array of [itemid, time].
    QSqlQuery* query = m_sql.statement(
        QStringLiteral("INSERT INTO sync_pending (journal_id, itemid, time) "
                       "SELECT :j, value ->> 0, value ->> 1 FROM json_each(:items) WHERE true "
                       "ON CONFLICT (journal_id, itemid) DO UPDATE SET time = max(time, excluded.time)"));
    if (!query)
        return false;
    query->bindValue(QStringLiteral(":j"), journalId);
    query->bindValue(QStringLiteral(":items"), jsonPendingArray(items));
    return query->exec() || m_sql.fail(*query);
}

QList<PendingItem> SyncStateStore::pending(qint64 journalId, int limit) const
{
    QList<PendingItem> result;
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT itemid, time FROM sync_pending WHERE journal_id = :j "
                                 "ORDER BY time, itemid LIMIT :limit"));
    query.bindValue(QStringLiteral(":j"), journalId);
    query.bindValue(QStringLiteral(":limit"), limit);
    if (query.exec()) {
        while (query.next())
            result.append({query.value(0).toLongLong(), query.value(1).toString()});
    }
    return result;
}

int SyncStateStore::pendingCount(qint64 journalId) const
{
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM sync_pending WHERE journal_id = :j"));
    query.bindValue(QStringLiteral(":j"), journalId);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

bool SyncStateStore::removePending(qint64 journalId, const QList<PendingItem>& items)
{
    if (items.isEmpty())
        return true;
    // An item listed again since (a newer time: changed on the server meanwhile) stays pending.
    // CROSS JOIN keeps the list the outer loop, so each item is one primary-key lookup (with a
    // plain JOIN the planner may scan the whole pending list for every item).
    QSqlQuery* query = m_sql.statement(
        QStringLiteral("DELETE FROM sync_pending WHERE rowid IN (SELECT p.rowid FROM json_each(:items) AS i "
                       "CROSS JOIN sync_pending AS p ON p.journal_id = :j AND p.itemid = i.value ->> 0 "
                       "AND p.time <= i.value ->> 1)"));
    if (!query)
        return false;
    query->bindValue(QStringLiteral(":j"), journalId);
    query->bindValue(QStringLiteral(":items"), jsonPendingArray(items));
    return query->exec() || m_sql.fail(*query);
}

qint64 SyncStateStore::lastStoredFetch(qint64 journalId) const
{
    QSqlQuery* query =
        m_sql.statement(QStringLiteral("SELECT fetched_stored FROM sync_state WHERE journal_id = :j"));
    if (!query)
        return 0;
    query->bindValue(QStringLiteral(":j"), journalId);
    const qint64 sequence = query->exec() && query->next() ? query->value(0).toLongLong() : 0;
    query->finish();
    return sequence;
}

bool SyncStateStore::setLastStoredFetch(qint64 journalId, qint64 sequence)
{
    QSqlQuery* query = m_sql.statement(
        QStringLiteral("INSERT INTO sync_state (journal_id, fetched_stored) VALUES (:j, :sequence) "
                       "ON CONFLICT (journal_id) DO UPDATE SET fetched_stored = excluded.fetched_stored"));
    if (!query)
        return false;
    query->bindValue(QStringLiteral(":j"), journalId);
    query->bindValue(QStringLiteral(":sequence"), sequence);
    return query->exec() || m_sql.fail(*query);
}

} // namespace Inkwell
