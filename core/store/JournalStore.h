#pragma once

#include "journal/JournalEntry.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <map>
#include <optional>

namespace Inkwell {

// Where an interrupted or finished sync of one journal stands (REFERENCE.md 8.2).
struct SyncState
{
    QString cursor; // every change up to this server time is mirrored
    bool scanning = false;
    QString scanCursor;  // next syncitems cursor of the enumeration in progress
    QString scanMaxTime; // newest item time the enumeration has seen
    QString scanCrowded; // seconds its pages could not list whole, as JSON (sync/CrowdedSeconds.h)
};

struct PendingItem
{
    qint64 itemid = 0;
    QString time;
};

// Pending items as a JSON array of [itemid, "time"] pairs (the form json_each() reads in SQL and
// FetchSpool keeps on disk), written directly: QJsonDocument takes ~0.3 ms for a 500-item page,
// on the sync's critical path.
QByteArray pendingItemsJson(const QList<PendingItem>& items);

struct SearchHit
{
    qint64 itemid = 0;
    QString eventtime;
    QString subject;
    QString snippet; // with the matches between U+0002 and U+0003 (see search())
};

// One row of a journal's history: enough for a list, without whole bodies (see entryPage()).
struct EntrySummary
{
    qint64 itemid = 0;
    QString eventtime;
    QString subject;
    QString bodyStart; // the body's first characters when the subject is blank, else empty
    Security security = Security::Public;
    quint64 allowmask = 0;
};

// A page of a journal's entries in (eventtime, itemid) order, by keyset: only rows strictly past
// (afterEventtime, afterItemid) in the chosen direction, so every page is one bounded range read of
// the (journal_id, eventtime, itemid) index however deep into the journal it is.
struct EntryPageRequest
{
    bool newestFirst = true;
    QString afterEventtime; // empty: from the first row
    qint64 afterItemid = 0;
    QString from; // only eventtime >= from (empty: unbounded)
    QString to;   // only eventtime < to (empty: unbounded)
    int limit = 200;
    int offset = 0;       // rows skipped first: a page reached without reading the ones before it
    int bodyChars = 1000; // how much of a subject-less body to read
};

// A journal the profile mirrors (or has begun to), with its account.
struct MirroredJournal
{
    qint64 id = 0;
    QString accountName;
    QString journal;
    bool isAccountsOwn = false; // the account's own journal, not a community
    bool operator==(const MirroredJournal&) const = default;
};

// How search() ordered its hits.
enum class SearchOrder {
    Relevance, // best match first (FTS5 rank, bm25)
    Recent,    // most recently mirrored first: too many matches to rank them all in time
};

struct SearchFilter
{
    QString tag;                      // empty: any
    std::optional<Security> security; // none: any
    int year = 0;                     // 0: any

    bool isEmpty() const { return tag.isEmpty() && !security && year <= 0; }
};

// The local mirror of the journals of one profile: entries with their props and tags, full-text
// search, per-day counts, and the sync state. All writes of one sync step go through one
// Transaction, so a crash leaves the database at a step boundary, never in between.
//
// Works on whatever connection it is given, on that connection's thread: the sync engine gives it
// its writer connection, views give it a reader connection.
class JournalStore
{
public:
    explicit JournalStore(QSqlDatabase connection);

    QSqlDatabase connection() const { return m_db; }
    QString lastError() const { return m_error; }

    // RAII transaction: rolls back unless commit() succeeded.
    class Transaction
    {
    public:
        explicit Transaction(JournalStore& store);
        ~Transaction();
        bool commit();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;

    private:
        JournalStore& m_store;
        bool m_open = false;
    };

    // The id of `journal` of account `accountName`, created if needed (the account must exist).
    // 0 on failure.
    qint64 journalId(const QString& accountName, const QString& journal);
    // 0 if not mirrored yet.
    qint64 findJournalId(const QString& accountName, const QString& journal) const;
    // Every journal of every account, by account name, the account's own journal first.
    QList<MirroredJournal> journals() const;

    // Entries.
    bool upsertEntries(qint64 journalId, const QList<JournalEntry>& entries);
    bool deleteEntries(qint64 journalId, const QList<qint64>& itemids);
    std::optional<JournalEntry> entry(qint64 journalId, qint64 itemid) const;
    // Every entry, by itemid (exports, tests). Streams through `visit` to bound memory.
    bool forEachEntry(qint64 journalId, const std::function<void(const JournalEntry&)>& visit) const;
    int entryCount(qint64 journalId) const;
    // Entries with from <= eventtime < to (empty: unbounded), as EntryPageRequest bounds them.
    int entryCount(qint64 journalId, const QString& from, const QString& to) const;
    // Which of `itemids` the mirror already holds.
    QSet<qint64> existingItemids(qint64 journalId, const QList<qint64>& itemids) const;
    // The mirrored itemids from `first` to `last`, ascending.
    QList<qint64> itemidsBetween(qint64 journalId, qint64 first, qint64 last) const;
    QList<qint64> itemidsOnDay(qint64 journalId, const QDate& day) const;
    // One page of the history (see EntryPageRequest).
    QList<EntrySummary> entryPage(qint64 journalId, const EntryPageRequest& request) const;
    // The journal's distinct tags (lower case, as stored), sorted.
    QStringList tags(qint64 journalId) const;

    // Per-day entry counts by eventtime date, like getdaycounts.
    QMap<QDate, int> dayCounts(qint64 journalId) const;
    QMap<QDate, int> dayCounts(qint64 journalId, const QDate& from, const QDate& to) const;

    // Full-text search (FTS5 over subject, body and tags), best match first. `query` is what a user
    // types: words (all must match, prefixes allowed on the last one) and "quoted phrases". When
    // more than rankedMatches entries match (a short prefix, a common word), ranking them all
    // would take a large fraction of a second: the most recently mirrored matches come instead,
    // and `order` says so. A query without words lists what the filter lets through, newest first
    // (nothing when the filter is empty too).
    static constexpr int rankedMatches = 1500;
    QList<SearchHit> search(qint64 journalId, const QString& query, const SearchFilter& filter = {},
                            int limit = 100, SearchOrder* order = nullptr) const;

    // Sync state.
    SyncState syncState(qint64 journalId) const;
    bool saveSyncState(qint64 journalId, const SyncState& state);
    bool addPending(qint64 journalId, const QList<PendingItem>& items);
    QList<PendingItem> pending(qint64 journalId, int limit) const;
    int pendingCount(qint64 journalId) const;
    // Takes these items off the pending list, unless listed again with a newer time since.
    bool removePending(qint64 journalId, const QList<PendingItem>& items);
    // The number of the last spooled getevents reply whose entries were committed (FetchSpool);
    // 0 if none.
    qint64 lastStoredFetch(qint64 journalId) const;
    bool setLastStoredFetch(qint64 journalId, qint64 sequence);
    // Fetched getevents replies kept in the database by schema versions 6 to 8 (since 9 they are
    // kept in files, FetchSpool), oldest first: a sync stopped by an older Inkwell stores them
    // when it resumes. The store does not read them: `format` says how ("flat", "xmlrpc": the
    // reply's body as received; "json": a JSON array of toJson(entry), as kept by versions 6 and
    // 7). `requested`: the pending items the request asked for, on the pending list until the
    // batch's entries are stored.
    struct FetchedBatch
    {
        qint64 id = 0;
        QString format;
        QByteArray data;
        QList<PendingItem> requested;
    };
    QList<FetchedBatch> keptFetched(qint64 journalId) const;
    bool dropFetched(qint64 id);

private:
    // search() without words: the filter's entries, newest first, the start of each text as snippet.
    QList<SearchHit> filtered(qint64 journalId, const SearchFilter& filter, int limit,
                              SearchOrder* order) const;
    bool fail(const QSqlQuery& query);
    // The statement for `sql`, prepared once per store: the sync runs the same few statements
    // thousands of times, and SQLite parses and plans on every prepare. nullptr if it does not
    // prepare (m_error says why). The caller binds, executes, and finish()es a SELECT.
    QSqlQuery* statement(const QString& sql) const;

    QSqlDatabase m_db;
    mutable QString m_error;
    // A std::map: callers hold several of these pointers at once, and a QHash may move its values
    // when it grows.
    mutable std::map<QString, QSqlQuery> m_statements;
};

// Builds an FTS5 MATCH expression from what a user typed, quoting every term so that no input can
// be a syntax error: `cat "rainy day" wea` -> `"cat" "rainy day" "wea"*`.
QString ftsQueryFromUserText(const QString& text);

} // namespace Inkwell
