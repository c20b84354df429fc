#pragma once

#include "journal/Security.h"
#include "store/StatementCache.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Inkwell {

struct SearchHit
{
    qint64 itemid = 0;
    QString eventtime;
    QString subject;
    QString snippet; // with the matches between U+0002 and U+0003 (see JournalSearch::search())
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

// Full-text search of the mirror (FTS5 over subject, body and tags, kept current by the triggers
// of schema 2) with the Search tab's filters. Read only: the views and inkwell-cli use it on a
// reader connection, on that connection's thread.
class JournalSearch
{
public:
    explicit JournalSearch(QSqlDatabase connection);

    // Empty after a search that worked.
    QString lastError() const { return m_sql.error(); }

    // Best match first. `query` is what a user types: words (all must match, prefixes allowed on
    // the last one) and "quoted phrases". When more than rankedMatches entries match (a short
    // prefix, a common word), ranking them all would take a large fraction of a second: the most
    // recently mirrored matches come instead, and `order` says so. A query without words lists
    // what the filter lets through, newest first (nothing when the filter is empty too).
    static constexpr int rankedMatches = 1500;
    QList<SearchHit> search(qint64 journalId, const QString& query, const SearchFilter& filter = {},
                            int limit = 100, SearchOrder* order = nullptr) const;

private:
    enum class Snippet { AsMarked, OnOneLine };

    // search() without words: the filter's entries, newest first, the start of each text as snippet.
    QList<SearchHit> filtered(qint64 journalId, const SearchFilter& filter, int limit,
                              SearchOrder* order) const;
    // Runs a query whose rows are (itemid, eventtime, subject, snippet).
    QList<SearchHit> hitsOf(QSqlQuery& query, Snippet snippet) const;

    mutable StatementCache m_sql;
};

// Builds an FTS5 MATCH expression from what a user typed, quoting every term so that no input can
// be a syntax error: `cat "rainy day" wea` -> `"cat" "rainy day" "wea"*`.
QString ftsQueryFromUserText(const QString& text);

} // namespace Inkwell
