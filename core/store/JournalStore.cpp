#include "store/JournalStore.h"

#include "store/SqlText.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace Inkwell {

namespace {

const QString entryColumns = QStringLiteral("itemid, anum, url, eventtime, logtime, subject, body, security, "
                                            "allowmask, poster");

JournalEntry entryFromRow(const QSqlQuery& query)
{
    JournalEntry entry;
    entry.itemid = query.value(0).toLongLong();
    entry.anum = query.value(1).toInt();
    entry.url = query.value(2).toString();
    entry.eventtime = query.value(3).toString();
    entry.logtime = query.value(4).toString();
    entry.subject = query.value(5).toString();
    entry.body = query.value(6).toString();
    entry.security = securityFromString(query.value(7).toString());
    entry.allowmask = quint64(query.value(8).toLongLong());
    entry.poster = query.value(9).toString();
    return entry;
}

// A list of ids as one JSON array parameter, read in SQL with json_each(): one statement per batch
// instead of one per id.
QString jsonIdArray(const QList<qint64>& ids)
{
    QString text;
    text.reserve(ids.size() * 8 + 2);
    text += u'[';
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            text += u',';
        text += QString::number(ids.at(i));
    }
    text += u']';
    return text;
}

} // namespace

JournalStore::JournalStore(QSqlDatabase connection)
    : m_sql(std::move(connection))
{}

qint64 JournalStore::findJournalId(const QString& accountName, const QString& journal) const
{
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT j.id FROM journals j JOIN accounts a ON a.id = j.account_id "
                                 "WHERE a.name = :account AND j.name = :journal"));
    query.bindValue(QStringLiteral(":account"), accountName);
    query.bindValue(QStringLiteral(":journal"), journal);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return 0;
}

QList<MirroredJournal> JournalStore::journals() const
{
    QList<MirroredJournal> result;
    QSqlQuery query(m_sql.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT j.id, a.name, j.name, j.name = a.username FROM journals j "
                                   "JOIN accounts a ON a.id = j.account_id "
                                   "ORDER BY a.name COLLATE NOCASE, j.name = a.username DESC, j.name"))) {
        m_sql.fail(query);
        return result;
    }
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toBool()});
    return result;
}

qint64 JournalStore::journalId(const QString& accountName, const QString& journal)
{
    if (const qint64 id = findJournalId(accountName, journal))
        return id;
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("INSERT INTO journals (account_id, name) "
                                 "SELECT id, :journal FROM accounts WHERE name = :account"));
    query.bindValue(QStringLiteral(":account"), accountName);
    query.bindValue(QStringLiteral(":journal"), journal);
    if (!query.exec()) {
        m_sql.fail(query);
        return 0;
    }
    if (query.numRowsAffected() != 1) {
        m_sql.fail(tr("There is no account named \"%1\".").arg(accountName));
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

bool JournalStore::upsertEntries(qint64 journalId, const QList<JournalEntry>& entries)
{
    if (entries.isEmpty())
        return true;
    // The batch is staged in a temporary table and goes into `entries` with one statement. Each
    // statement that writes `entries` makes FTS5 flush its pending terms (its savepoint hook) into a
    // new index segment, which later merges have to read again: a statement per entry made a large
    // sync spend most of its time in FTS5 merges; a statement per batch flushes once.
    QSqlQuery* createStaging =
        m_sql.statement(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS upsert_batch ("
                                       " seq INTEGER PRIMARY KEY, itemid INTEGER NOT NULL, anum INTEGER,"
                                       " url TEXT, eventtime TEXT, logtime TEXT, subject TEXT, body TEXT,"
                                       " security TEXT, allowmask INTEGER, poster TEXT, tags TEXT)"));
    if (!createStaging)
        return false;
    if (!createStaging->exec())
        return m_sql.fail(*createStaging);
    QSqlQuery* clearStaging = m_sql.statement(QStringLiteral("DELETE FROM temp.upsert_batch"));
    QSqlQuery* stage = m_sql.statement(
        QStringLiteral("INSERT INTO temp.upsert_batch (itemid, anum, url, eventtime, logtime, "
                       "subject, body, security, allowmask, poster, tags) VALUES (:itemid, :anum, "
                       ":url, :eventtime, :logtime, %1, %2, :security, :allowmask, :poster, :tags)")
            .arg(sqlUtf8Text(":subject"), sqlUtf8Text(":body")));
    QSqlQuery* clearProps =
        m_sql.statement(QStringLiteral("DELETE FROM entry_props WHERE journal_id = :j AND itemid IN "
                                       "(SELECT itemid FROM temp.upsert_batch)"));
    QSqlQuery* insertProp =
        m_sql.statement(QStringLiteral("INSERT INTO entry_props (journal_id, itemid, name, value) "
                                       "VALUES (:j, :itemid, :name, ") +
                        sqlUtf8Text(":value") + u')');
    QSqlQuery* clearTags =
        m_sql.statement(QStringLiteral("DELETE FROM entry_tags WHERE journal_id = :j AND itemid IN "
                                       "(SELECT itemid FROM temp.upsert_batch)"));
    QSqlQuery* insertTag =
        m_sql.statement(QStringLiteral("INSERT OR IGNORE INTO entry_tags (journal_id, itemid, tag) "
                                       "VALUES (:j, :itemid, :tag)"));
    // In staging order, so an itemid given twice ends as its last version, as one upsert each did.
    QSqlQuery* upsert = m_sql.statement(QStringLiteral(
        "INSERT INTO entries (journal_id, itemid, anum, url, eventtime, logtime, subject, body, security, "
        "allowmask, poster, tags) SELECT :j, itemid, anum, url, eventtime, logtime, subject, body, security, "
        "allowmask, poster, tags FROM temp.upsert_batch WHERE true ORDER BY seq "
        "ON CONFLICT (journal_id, itemid) DO UPDATE SET anum = excluded.anum, url = excluded.url, "
        "eventtime = excluded.eventtime, logtime = excluded.logtime, subject = excluded.subject, "
        "body = excluded.body, security = excluded.security, allowmask = excluded.allowmask, "
        "poster = excluded.poster, tags = excluded.tags"));
    if (!clearStaging || !stage || !clearProps || !insertProp || !clearTags || !insertTag || !upsert)
        return false;
    if (!clearStaging->exec())
        return m_sql.fail(*clearStaging);

    QList<QStringList> tagLists;
    tagLists.reserve(entries.size());
    for (const JournalEntry& entry : entries) {
        tagLists.append(entry.tags());
        stage->bindValue(QStringLiteral(":itemid"), entry.itemid);
        stage->bindValue(QStringLiteral(":anum"), entry.anum);
        stage->bindValue(QStringLiteral(":url"), textValue(entry.url));
        stage->bindValue(QStringLiteral(":eventtime"), textValue(entry.eventtime));
        stage->bindValue(QStringLiteral(":logtime"), textValue(entry.logtime));
        stage->bindValue(QStringLiteral(":subject"), utf8Value(entry.subject));
        stage->bindValue(QStringLiteral(":body"), utf8Value(entry.body));
        stage->bindValue(QStringLiteral(":security"), toString(entry.security));
        stage->bindValue(QStringLiteral(":allowmask"), qint64(entry.allowmask));
        stage->bindValue(QStringLiteral(":poster"), textValue(entry.poster));
        stage->bindValue(QStringLiteral(":tags"), textValue(tagLists.last().join(QLatin1Char(' '))));
        if (!stage->exec())
            return m_sql.fail(*stage);
    }
    upsert->bindValue(QStringLiteral(":j"), journalId);
    if (!upsert->exec())
        return m_sql.fail(*upsert);
    for (QSqlQuery* clear : {clearProps, clearTags}) {
        clear->bindValue(QStringLiteral(":j"), journalId);
        if (!clear->exec())
            return m_sql.fail(*clear);
    }
    // Props and tags of an itemid given twice: the last version's replace the earlier ones.
    QHash<qint64, qsizetype> last;
    for (qsizetype i = 0; i < entries.size(); ++i)
        last.insert(entries.at(i).itemid, i);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (last.value(entries.at(i).itemid) != i)
            continue;
        const JournalEntry& entry = entries.at(i);
        for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
            insertProp->bindValue(QStringLiteral(":j"), journalId);
            insertProp->bindValue(QStringLiteral(":itemid"), entry.itemid);
            insertProp->bindValue(QStringLiteral(":name"), it.key());
            insertProp->bindValue(QStringLiteral(":value"), utf8Value(it.value()));
            if (!insertProp->exec())
                return m_sql.fail(*insertProp);
        }
        for (const QString& tag : tagLists.at(i)) {
            insertTag->bindValue(QStringLiteral(":j"), journalId);
            insertTag->bindValue(QStringLiteral(":itemid"), entry.itemid);
            insertTag->bindValue(QStringLiteral(":tag"), tag.toLower());
            if (!insertTag->exec())
                return m_sql.fail(*insertTag);
        }
    }
    return clearStaging->exec() || m_sql.fail(*clearStaging);
}

bool JournalStore::deleteEntries(qint64 journalId, const QList<qint64>& itemids)
{
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("DELETE FROM entries WHERE journal_id = :j AND itemid = :itemid"));
    for (qint64 itemid : itemids) {
        query.bindValue(QStringLiteral(":j"), journalId);
        query.bindValue(QStringLiteral(":itemid"), itemid);
        if (!query.exec())
            return m_sql.fail(query);
    }
    return true;
}

std::optional<JournalEntry> JournalStore::entry(qint64 journalId, qint64 itemid) const
{
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM entries WHERE journal_id = :j AND itemid = :itemid")
                      .arg(entryColumns));
    query.bindValue(QStringLiteral(":j"), journalId);
    query.bindValue(QStringLiteral(":itemid"), itemid);
    if (!query.exec() || !query.next())
        return std::nullopt;
    JournalEntry result = entryFromRow(query);
    QSqlQuery props(m_sql.connection());
    props.prepare(
        QStringLiteral("SELECT name, value FROM entry_props WHERE journal_id = :j AND itemid = :itemid"));
    props.bindValue(QStringLiteral(":j"), journalId);
    props.bindValue(QStringLiteral(":itemid"), itemid);
    if (props.exec()) {
        while (props.next())
            result.props.insert(props.value(0).toString(), props.value(1).toString());
    }
    return result;
}

bool JournalStore::forEachEntry(qint64 journalId, const std::function<void(const JournalEntry&)>& visit) const
{
    // Entries and their props are read in two ordered passes merged as they go, so memory holds
    // one entry at a time whatever the size of the journal.
    QSqlQuery entries(m_sql.connection());
    entries.setForwardOnly(true);
    entries.prepare(
        QStringLiteral("SELECT %1 FROM entries WHERE journal_id = :j ORDER BY itemid").arg(entryColumns));
    entries.bindValue(QStringLiteral(":j"), journalId);
    QSqlQuery props(m_sql.connection());
    props.setForwardOnly(true);
    props.prepare(QStringLiteral("SELECT itemid, name, value FROM entry_props WHERE journal_id = :j "
                                 "ORDER BY itemid, name"));
    props.bindValue(QStringLiteral(":j"), journalId);
    if (!entries.exec() || !props.exec()) {
        m_sql.fail(entries.lastError().text() + props.lastError().text());
        return false;
    }
    bool propsLeft = props.next();
    while (entries.next()) {
        JournalEntry entry = entryFromRow(entries);
        while (propsLeft && props.value(0).toLongLong() < entry.itemid)
            propsLeft = props.next();
        while (propsLeft && props.value(0).toLongLong() == entry.itemid) {
            entry.props.insert(props.value(1).toString(), props.value(2).toString());
            propsLeft = props.next();
        }
        visit(entry);
    }
    // next() is false at the end and on an error alike (a damaged page): only the latter says why.
    if (entries.lastError().isValid() || props.lastError().isValid())
        return m_sql.fail(entries.lastError().text() + props.lastError().text());
    return true;
}

int JournalStore::entryCount(qint64 journalId) const
{
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM entries WHERE journal_id = :j"));
    query.bindValue(QStringLiteral(":j"), journalId);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

int JournalStore::entryCount(qint64 journalId, const QString& from, const QString& to) const
{
    QString sql = QStringLiteral("SELECT count(*) FROM entries WHERE journal_id = :j");
    if (!from.isEmpty())
        sql += QStringLiteral(" AND eventtime >= :from");
    if (!to.isEmpty())
        sql += QStringLiteral(" AND eventtime < :to");
    QSqlQuery query(m_sql.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    query.bindValue(QStringLiteral(":j"), journalId);
    if (!from.isEmpty())
        query.bindValue(QStringLiteral(":from"), from);
    if (!to.isEmpty())
        query.bindValue(QStringLiteral(":to"), to);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

QSet<qint64> JournalStore::existingItemids(qint64 journalId, const QList<qint64>& itemids) const
{
    QSet<qint64> result;
    if (itemids.isEmpty())
        return result;
    QSqlQuery* query =
        m_sql.statement(QStringLiteral("SELECT itemid FROM entries WHERE journal_id = :j AND itemid IN "
                                       "(SELECT value FROM json_each(:ids))"));
    if (!query)
        return result;
    query->bindValue(QStringLiteral(":j"), journalId);
    query->bindValue(QStringLiteral(":ids"), jsonIdArray(itemids));
    if (query->exec()) {
        while (query->next())
            result.insert(query->value(0).toLongLong());
    } else {
        m_sql.fail(*query);
    }
    query->finish();
    return result;
}

QList<qint64> JournalStore::itemidsBetween(qint64 journalId, qint64 first, qint64 last) const
{
    QList<qint64> result;
    QSqlQuery query(m_sql.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT itemid FROM entries WHERE journal_id = :j AND itemid BETWEEN :first AND "
                       ":last ORDER BY itemid"));
    query.bindValue(QStringLiteral(":j"), journalId);
    query.bindValue(QStringLiteral(":first"), first);
    query.bindValue(QStringLiteral(":last"), last);
    if (!query.exec()) {
        m_sql.fail(query);
        return result;
    }
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

QList<qint64> JournalStore::itemidsOnDay(qint64 journalId, const QDate& day) const
{
    QList<qint64> result;
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT itemid FROM entries WHERE journal_id = :j AND eventtime >= :from "
                                 "AND eventtime < :to ORDER BY itemid"));
    query.bindValue(QStringLiteral(":j"), journalId);
    query.bindValue(QStringLiteral(":from"), day.toString(Qt::ISODate));
    query.bindValue(QStringLiteral(":to"), day.addDays(1).toString(Qt::ISODate));
    if (query.exec()) {
        while (query.next())
            result.append(query.value(0).toLongLong());
    }
    return result;
}

QList<EntrySummary> JournalStore::entryPage(qint64 journalId, const EntryPageRequest& request) const
{
    QList<EntrySummary> result;
    const bool newest = request.newestFirst;
    // The row-value comparison and the ORDER BY both follow the index, so SQLite seeks to the
    // keyset position and reads `limit` rows: no sort, no scan of what came before.
    QString sql = QStringLiteral("SELECT itemid, eventtime, subject, "
                                 "CASE WHEN trim(subject) = '' THEN substr(body, 1, :chars) ELSE '' END, "
                                 "security, allowmask FROM entries WHERE journal_id = :j");
    if (!request.afterEventtime.isEmpty())
        sql += newest ? QStringLiteral(" AND (eventtime, itemid) < (:t, :i)")
                      : QStringLiteral(" AND (eventtime, itemid) > (:t, :i)");
    if (!request.from.isEmpty())
        sql += QStringLiteral(" AND eventtime >= :from");
    if (!request.to.isEmpty())
        sql += QStringLiteral(" AND eventtime < :to");
    sql += newest ? QStringLiteral(" ORDER BY eventtime DESC, itemid DESC")
                  : QStringLiteral(" ORDER BY eventtime, itemid");
    sql += QStringLiteral(" LIMIT :limit OFFSET :offset");

    QSqlQuery query(m_sql.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    query.bindValue(QStringLiteral(":chars"), request.bodyChars);
    query.bindValue(QStringLiteral(":j"), journalId);
    if (!request.afterEventtime.isEmpty()) {
        query.bindValue(QStringLiteral(":t"), request.afterEventtime);
        query.bindValue(QStringLiteral(":i"), request.afterItemid);
    }
    if (!request.from.isEmpty())
        query.bindValue(QStringLiteral(":from"), request.from);
    if (!request.to.isEmpty())
        query.bindValue(QStringLiteral(":to"), request.to);
    query.bindValue(QStringLiteral(":limit"), request.limit);
    query.bindValue(QStringLiteral(":offset"), request.offset);
    if (!query.exec()) {
        m_sql.fail(query);
        return result;
    }
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toString(), securityFromString(query.value(4).toString()),
                       quint64(query.value(5).toLongLong())});
    return result;
}

QStringList JournalStore::tags(qint64 journalId) const
{
    QStringList result;
    QSqlQuery query(m_sql.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT DISTINCT tag FROM entry_tags WHERE journal_id = :j ORDER BY tag"));
    query.bindValue(QStringLiteral(":j"), journalId);
    if (!query.exec()) {
        m_sql.fail(query);
        return result;
    }
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}

QMap<QDate, int> JournalStore::dayCounts(qint64 journalId) const
{
    return dayCounts(journalId, QDate(1, 1, 1), QDate(9998, 12, 31)); // the day after must print as ISO
}

QMap<QDate, int> JournalStore::dayCounts(qint64 journalId, const QDate& from, const QDate& to) const
{
    QMap<QDate, int> result;
    QSqlQuery query(m_sql.connection());
    query.setForwardOnly(true);
    // eventtime is "YYYY-MM-DD HH:MM:SS", so its first ten characters are the day, and a range on
    // the string uses the (journal_id, eventtime) index.
    query.prepare(QStringLiteral("SELECT substr(eventtime, 1, 10) AS day, count(*) FROM entries "
                                 "WHERE journal_id = :j AND eventtime >= :from AND eventtime < :to "
                                 "GROUP BY day"));
    query.bindValue(QStringLiteral(":j"), journalId);
    query.bindValue(QStringLiteral(":from"), from.toString(Qt::ISODate));
    query.bindValue(QStringLiteral(":to"), to.addDays(1).toString(Qt::ISODate));
    if (query.exec()) {
        while (query.next())
            result.insert(QDate::fromString(query.value(0).toString(), Qt::ISODate), query.value(1).toInt());
    }
    return result;
}

} // namespace Inkwell
