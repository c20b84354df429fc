#include "store/JournalStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

// Qt binds a null QString as SQL NULL; text columns are NOT NULL, and an empty subject is
// still a subject.
QVariant textValue(const QString& text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

// Qt hands QStrings to SQLite as UTF-16, and SQLite drops a leading byte-order mark from UTF-16
// input, so a body that starts with U+FEFF would lose it. Texts the user wrote are therefore bound
// as UTF-8 bytes and turned into TEXT by SQL: sqlUtf8Text(":name") wraps the parameter.
QVariant utf8Value(const QString& text)
{
    return QVariant(text.toUtf8());
}

QString sqlUtf8Text(const char* parameter)
{
    return QStringLiteral("COALESCE(CAST(%1 AS TEXT), '')").arg(QLatin1String(parameter));
}

} // namespace

JournalStore::JournalStore(QSqlDatabase connection)
    : m_db(std::move(connection))
{}

bool JournalStore::fail(const QSqlQuery& query)
{
    m_error = query.lastError().text();
    return false;
}

QSqlQuery* JournalStore::statement(const QString& sql) const
{
    if (const auto it = m_statements.find(sql); it != m_statements.end())
        return &it->second;
    QSqlQuery query(m_db);
    if (!query.prepare(sql)) {
        m_error = query.lastError().text();
        return nullptr;
    }
    return &m_statements.emplace(sql, query).first->second;
}

namespace {

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

JournalStore::Transaction::Transaction(JournalStore& store)
    : m_store(store)
    , m_open(store.m_db.transaction())
{
    if (!m_open)
        store.m_error = store.m_db.lastError().text();
}

JournalStore::Transaction::~Transaction()
{
    if (m_open)
        m_store.m_db.rollback();
}

bool JournalStore::Transaction::commit()
{
    if (!m_open)
        return false;
    m_open = false;
    if (m_store.m_db.commit())
        return true;
    m_store.m_error = m_store.m_db.lastError().text();
    m_store.m_db.rollback();
    return false;
}

qint64 JournalStore::findJournalId(const QString& accountName, const QString& journal) const
{
    QSqlQuery query(m_db);
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
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT j.id, a.name, j.name, j.name = a.username FROM journals j "
                                   "JOIN accounts a ON a.id = j.account_id "
                                   "ORDER BY a.name COLLATE NOCASE, j.name = a.username DESC, j.name"))) {
        m_error = query.lastError().text();
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
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO journals (account_id, name) "
                                 "SELECT id, :journal FROM accounts WHERE name = :account"));
    query.bindValue(QStringLiteral(":account"), accountName);
    query.bindValue(QStringLiteral(":journal"), journal);
    if (!query.exec()) {
        fail(query);
        return 0;
    }
    if (query.numRowsAffected() != 1) {
        m_error = QStringLiteral("There is no account named \"%1\".").arg(accountName);
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
        statement(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS upsert_batch ("
                                 " seq INTEGER PRIMARY KEY, itemid INTEGER NOT NULL, anum INTEGER,"
                                 " url TEXT, eventtime TEXT, logtime TEXT, subject TEXT, body TEXT,"
                                 " security TEXT, allowmask INTEGER, poster TEXT, tags TEXT)"));
    if (!createStaging)
        return false;
    if (!createStaging->exec())
        return fail(*createStaging);
    QSqlQuery* clearStaging = statement(QStringLiteral("DELETE FROM temp.upsert_batch"));
    QSqlQuery* stage =
        statement(QStringLiteral("INSERT INTO temp.upsert_batch (itemid, anum, url, eventtime, logtime, "
                                 "subject, body, security, allowmask, poster, tags) VALUES (:itemid, :anum, "
                                 ":url, :eventtime, :logtime, %1, %2, :security, :allowmask, :poster, :tags)")
                      .arg(sqlUtf8Text(":subject"), sqlUtf8Text(":body")));
    QSqlQuery* clearProps =
        statement(QStringLiteral("DELETE FROM entry_props WHERE journal_id = :j AND itemid IN "
                                 "(SELECT itemid FROM temp.upsert_batch)"));
    QSqlQuery* insertProp =
        statement(QStringLiteral("INSERT INTO entry_props (journal_id, itemid, name, value) "
                                 "VALUES (:j, :itemid, :name, ") +
                  sqlUtf8Text(":value") + u')');
    QSqlQuery* clearTags =
        statement(QStringLiteral("DELETE FROM entry_tags WHERE journal_id = :j AND itemid IN "
                                 "(SELECT itemid FROM temp.upsert_batch)"));
    QSqlQuery* insertTag =
        statement(QStringLiteral("INSERT OR IGNORE INTO entry_tags (journal_id, itemid, tag) "
                                 "VALUES (:j, :itemid, :tag)"));
    // In staging order, so an itemid given twice ends as its last version, as one upsert each did.
    QSqlQuery* upsert = statement(QStringLiteral(
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
        return fail(*clearStaging);

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
            return fail(*stage);
    }
    upsert->bindValue(QStringLiteral(":j"), journalId);
    if (!upsert->exec())
        return fail(*upsert);
    for (QSqlQuery* clear : {clearProps, clearTags}) {
        clear->bindValue(QStringLiteral(":j"), journalId);
        if (!clear->exec())
            return fail(*clear);
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
                return fail(*insertProp);
        }
        for (const QString& tag : tagLists.at(i)) {
            insertTag->bindValue(QStringLiteral(":j"), journalId);
            insertTag->bindValue(QStringLiteral(":itemid"), entry.itemid);
            insertTag->bindValue(QStringLiteral(":tag"), tag.toLower());
            if (!insertTag->exec())
                return fail(*insertTag);
        }
    }
    return clearStaging->exec() || fail(*clearStaging);
}

bool JournalStore::deleteEntries(qint64 journalId, const QList<qint64>& itemids)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM entries WHERE journal_id = :j AND itemid = :itemid"));
    for (qint64 itemid : itemids) {
        query.bindValue(QStringLiteral(":j"), journalId);
        query.bindValue(QStringLiteral(":itemid"), itemid);
        if (!query.exec())
            return fail(query);
    }
    return true;
}

std::optional<JournalEntry> JournalStore::entry(qint64 journalId, qint64 itemid) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM entries WHERE journal_id = :j AND itemid = :itemid")
                      .arg(entryColumns));
    query.bindValue(QStringLiteral(":j"), journalId);
    query.bindValue(QStringLiteral(":itemid"), itemid);
    if (!query.exec() || !query.next())
        return std::nullopt;
    JournalEntry result = entryFromRow(query);
    QSqlQuery props(m_db);
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
    QSqlQuery entries(m_db);
    entries.setForwardOnly(true);
    entries.prepare(
        QStringLiteral("SELECT %1 FROM entries WHERE journal_id = :j ORDER BY itemid").arg(entryColumns));
    entries.bindValue(QStringLiteral(":j"), journalId);
    QSqlQuery props(m_db);
    props.setForwardOnly(true);
    props.prepare(QStringLiteral("SELECT itemid, name, value FROM entry_props WHERE journal_id = :j "
                                 "ORDER BY itemid, name"));
    props.bindValue(QStringLiteral(":j"), journalId);
    if (!entries.exec() || !props.exec()) {
        m_error = entries.lastError().text() + props.lastError().text();
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
    return true;
}

int JournalStore::entryCount(qint64 journalId) const
{
    QSqlQuery query(m_db);
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
    QSqlQuery query(m_db);
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
        statement(QStringLiteral("SELECT itemid FROM entries WHERE journal_id = :j AND itemid IN "
                                 "(SELECT value FROM json_each(:ids))"));
    if (!query)
        return result;
    query->bindValue(QStringLiteral(":j"), journalId);
    query->bindValue(QStringLiteral(":ids"), jsonIdArray(itemids));
    if (query->exec()) {
        while (query->next())
            result.insert(query->value(0).toLongLong());
    } else {
        m_error = query->lastError().text();
    }
    query->finish();
    return result;
}

QList<qint64> JournalStore::itemidsBetween(qint64 journalId, qint64 first, qint64 last) const
{
    QList<qint64> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT itemid FROM entries WHERE journal_id = :j AND itemid BETWEEN :first AND "
                       ":last ORDER BY itemid"));
    query.bindValue(QStringLiteral(":j"), journalId);
    query.bindValue(QStringLiteral(":first"), first);
    query.bindValue(QStringLiteral(":last"), last);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return result;
    }
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

QList<qint64> JournalStore::itemidsOnDay(qint64 journalId, const QDate& day) const
{
    QList<qint64> result;
    QSqlQuery query(m_db);
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

    QSqlQuery query(m_db);
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
        m_error = query.lastError().text();
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
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT DISTINCT tag FROM entry_tags WHERE journal_id = :j ORDER BY tag"));
    query.bindValue(QStringLiteral(":j"), journalId);
    if (!query.exec()) {
        m_error = query.lastError().text();
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
    QSqlQuery query(m_db);
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

QString ftsQueryFromUserText(const QString& text)
{
    QStringList terms;
    bool lastIsWord = false;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        QString term;
        if (text.at(i) == QLatin1Char('"')) {
            const qsizetype end = text.indexOf(QLatin1Char('"'), i + 1);
            term = text.mid(i + 1, end < 0 ? -1 : end - i - 1).simplified();
            i = end < 0 ? text.size() : end + 1;
            lastIsWord = false;
        } else {
            qsizetype end = i;
            while (end < text.size() && !text.at(end).isSpace() && text.at(end) != QLatin1Char('"'))
                ++end;
            term = text.mid(i, end - i);
            i = end;
            lastIsWord = true;
        }
        if (!term.isEmpty())
            terms.append(QLatin1Char('"') + term + QLatin1Char('"'));
    }
    if (terms.isEmpty())
        return {};
    if (lastIsWord)
        terms.last() += QLatin1Char('*'); // results as you type: the word being typed is a prefix
    return terms.join(QLatin1Char(' '));
}

namespace {

// The conditions a SearchFilter puts on the entries `e` (each starting with " AND"), and their values.
QString filterConditions(const SearchFilter& filter)
{
    QString conditions;
    if (filter.security)
        conditions += QStringLiteral(" AND e.security = :security");
    if (filter.year > 0)
        conditions += QStringLiteral(" AND e.eventtime >= :yearFrom AND e.eventtime < :yearTo");
    if (!filter.tag.isEmpty())
        conditions +=
            QStringLiteral(" AND EXISTS (SELECT 1 FROM entry_tags t WHERE t.journal_id = e.journal_id "
                           "AND t.itemid = e.itemid AND t.tag = :tag)");
    return conditions;
}

void bindFilter(QSqlQuery& query, const SearchFilter& filter)
{
    if (filter.security)
        query.bindValue(QStringLiteral(":security"), toString(*filter.security));
    if (filter.year > 0) {
        query.bindValue(QStringLiteral(":yearFrom"), QString::number(filter.year));
        query.bindValue(QStringLiteral(":yearTo"), QString::number(filter.year + 1));
    }
    if (!filter.tag.isEmpty())
        query.bindValue(QStringLiteral(":tag"), filter.tag.simplified().toLower());
}

} // namespace

QList<SearchHit> JournalStore::search(qint64 journalId, const QString& text, const SearchFilter& filter,
                                      int limit, SearchOrder* order) const
{
    QList<SearchHit> hits;
    m_error.clear();
    const QString match = ftsQueryFromUserText(text);
    if (match.isEmpty())
        return filter.isEmpty() ? hits : filtered(journalId, filter, limit, order);
    // The matches in this journal that pass the filters: counted (to decide whether ranking them
    // all is affordable) and then ranked or listed. CROSS JOIN keeps the full-text match as the
    // outer loop: probing the index once per entry of the journal instead takes seconds.
    const QString matches =
        QStringLiteral("FROM entries_fts CROSS JOIN entries e ON e.rowid = entries_fts.rowid "
                       "WHERE entries_fts MATCH :match AND e.journal_id = :j") +
        filterConditions(filter);
    const auto bindMatches = [&](QSqlQuery& query) {
        query.bindValue(QStringLiteral(":match"), match);
        query.bindValue(QStringLiteral(":j"), journalId);
        bindFilter(query, filter);
    };
    // Stopping past the cap keeps the count cheap for common words.
    bool ranked = true;
    {
        QSqlQuery count(m_db);
        count.setForwardOnly(true);
        count.prepare(
            QStringLiteral("SELECT count(*) FROM (SELECT entries_fts.rowid %1 LIMIT :cap)").arg(matches));
        bindMatches(count);
        count.bindValue(QStringLiteral(":cap"), rankedMatches + 1);
        if (count.exec() && count.next())
            ranked = count.value(0).toInt() <= rankedMatches;
    }
    if (order)
        *order = ranked ? SearchOrder::Relevance : SearchOrder::Recent;
    // The best `limit` matches are chosen first and only they get a snippet: SQLite computes a
    // query's result columns before sorting. Newest rowids first is the index's own order: no
    // sort, it stops after `limit` matches.
    const QString sql =
        QStringLiteral("WITH best AS (SELECT entries_fts.rowid AS id, %1 AS score %2 %3 LIMIT :limit) "
                       "SELECT e.itemid, e.eventtime, e.subject, "
                       "snippet(entries_fts, -1, char(2), char(3), '…', 16) "
                       "FROM best JOIN entries_fts ON entries_fts.rowid = best.id "
                       "JOIN entries e ON e.rowid = best.id "
                       "WHERE entries_fts MATCH :match2 %4")
            .arg(ranked ? QStringLiteral("rank") : QStringLiteral("entries_fts.rowid"), matches,
                 ranked ? QStringLiteral("ORDER BY rank") : QStringLiteral("ORDER BY entries_fts.rowid DESC"),
                 ranked ? QStringLiteral("ORDER BY best.score")
                        : QStringLiteral("ORDER BY e.eventtime DESC, e.itemid DESC"));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    bindMatches(query);
    query.bindValue(QStringLiteral(":match2"), match);
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return hits;
    }
    while (query.next())
        hits.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toString()});
    return hits;
}

QList<SearchHit> JournalStore::filtered(qint64 journalId, const SearchFilter& filter, int limit,
                                        SearchOrder* order) const
{
    QList<SearchHit> hits;
    if (order)
        *order = SearchOrder::Recent;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT e.itemid, e.eventtime, e.subject, substr(e.body, 1, 160) FROM entries e "
                       "WHERE e.journal_id = :j%1 ORDER BY e.eventtime DESC, e.itemid DESC LIMIT :limit")
            .arg(filterConditions(filter)));
    query.bindValue(QStringLiteral(":j"), journalId);
    bindFilter(query, filter);
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return hits;
    }
    // No words, so no matches to mark: the snippet is the start of the text.
    while (query.next())
        hits.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toString().simplified()});
    return hits;
}

SyncState JournalStore::syncState(qint64 journalId) const
{
    SyncState state;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT cursor, scan_cursor, scan_max_time, scan_crowded FROM sync_state WHERE journal_id = :j"));
    query.bindValue(QStringLiteral(":j"), journalId);
    if (query.exec() && query.next()) {
        state.cursor = query.value(0).toString();
        state.scanning = !query.value(1).isNull();
        state.scanCursor = query.value(1).toString();
        state.scanMaxTime = query.value(2).toString();
        state.scanCrowded = query.value(3).toString();
    }
    return state;
}

bool JournalStore::saveSyncState(qint64 journalId, const SyncState& state)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO sync_state (journal_id, cursor, scan_cursor, scan_max_time, scan_crowded) "
        "VALUES (:j, :cursor, :scan, :max, :crowded) ON CONFLICT (journal_id) DO UPDATE SET "
        "cursor = excluded.cursor, scan_cursor = excluded.scan_cursor, "
        "scan_max_time = excluded.scan_max_time, scan_crowded = excluded.scan_crowded"));
    query.bindValue(QStringLiteral(":j"), journalId);
    query.bindValue(QStringLiteral(":cursor"), textValue(state.cursor));
    query.bindValue(QStringLiteral(":scan"), state.scanning ? textValue(state.scanCursor) : QVariant());
    query.bindValue(QStringLiteral(":max"), textValue(state.scanMaxTime));
    query.bindValue(QStringLiteral(":crowded"), textValue(state.scanning ? state.scanCrowded : QString()));
    return query.exec() || fail(query);
}

bool JournalStore::addPending(qint64 journalId, const QList<PendingItem>& items)
{
    if (items.isEmpty())
        return true;
    // One statement per page: the items as a JSON array of [itemid, time]. An item listed twice
    // (pages overlap by design) keeps its newest time.
    QSqlQuery* query = statement(
        QStringLiteral("INSERT INTO sync_pending (journal_id, itemid, time) "
                       "SELECT :j, value ->> 0, value ->> 1 FROM json_each(:items) WHERE true "
                       "ON CONFLICT (journal_id, itemid) DO UPDATE SET time = max(time, excluded.time)"));
    if (!query)
        return false;
    query->bindValue(QStringLiteral(":j"), journalId);
    query->bindValue(QStringLiteral(":items"), jsonPendingArray(items));
    return query->exec() || fail(*query);
}

QList<PendingItem> JournalStore::pending(qint64 journalId, int limit) const
{
    QList<PendingItem> result;
    QSqlQuery query(m_db);
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

int JournalStore::pendingCount(qint64 journalId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT count(*) FROM sync_pending WHERE journal_id = :j"));
    query.bindValue(QStringLiteral(":j"), journalId);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

bool JournalStore::removePending(qint64 journalId, const QList<PendingItem>& items)
{
    if (items.isEmpty())
        return true;
    // An item listed again since (a newer time: changed on the server meanwhile) stays pending.
    // CROSS JOIN keeps the list the outer loop, so each item is one primary-key lookup (with a
    // plain JOIN the planner may scan the whole pending list for every item).
    QSqlQuery* query = statement(
        QStringLiteral("DELETE FROM sync_pending WHERE rowid IN (SELECT p.rowid FROM json_each(:items) AS i "
                       "CROSS JOIN sync_pending AS p ON p.journal_id = :j AND p.itemid = i.value ->> 0 "
                       "AND p.time <= i.value ->> 1)"));
    if (!query)
        return false;
    query->bindValue(QStringLiteral(":j"), journalId);
    query->bindValue(QStringLiteral(":items"), jsonPendingArray(items));
    return query->exec() || fail(*query);
}

qint64 JournalStore::lastStoredFetch(qint64 journalId) const
{
    QSqlQuery* query =
        statement(QStringLiteral("SELECT fetched_stored FROM sync_state WHERE journal_id = :j"));
    if (!query)
        return 0;
    query->bindValue(QStringLiteral(":j"), journalId);
    const qint64 sequence = query->exec() && query->next() ? query->value(0).toLongLong() : 0;
    query->finish();
    return sequence;
}

bool JournalStore::setLastStoredFetch(qint64 journalId, qint64 sequence)
{
    QSqlQuery* query = statement(
        QStringLiteral("INSERT INTO sync_state (journal_id, fetched_stored) VALUES (:j, :sequence) "
                       "ON CONFLICT (journal_id) DO UPDATE SET fetched_stored = excluded.fetched_stored"));
    if (!query)
        return false;
    query->bindValue(QStringLiteral(":j"), journalId);
    query->bindValue(QStringLiteral(":sequence"), sequence);
    return query->exec() || fail(*query);
}

QList<JournalStore::FetchedBatch> JournalStore::keptFetched(qint64 journalId) const
{
    QList<FetchedBatch> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, format, entries, itemids FROM sync_fetched WHERE journal_id = :j ORDER BY id"));
    query.bindValue(QStringLiteral(":j"), journalId);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return result;
    }
    while (query.next()) {
        FetchedBatch batch{
            query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toByteArray(), {}};
        for (const QJsonValue& item : QJsonDocument::fromJson(query.value(3).toByteArray()).array())
            batch.requested.append({item[0].toInteger(), item[1].toString()});
        result.append(std::move(batch));
    }
    return result;
}

bool JournalStore::dropFetched(qint64 id)
{
    QSqlQuery* query = statement(QStringLiteral("DELETE FROM sync_fetched WHERE id = :id"));
    if (!query)
        return false;
    query->bindValue(QStringLiteral(":id"), id);
    return query->exec() || fail(*query);
}

} // namespace Inkwell
