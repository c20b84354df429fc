#include "store/JournalSearch.h"

#include <QSqlQuery>

namespace Inkwell {

JournalSearch::JournalSearch(QSqlDatabase connection)
    : m_sql(std::move(connection))
{}

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

QList<SearchHit> JournalSearch::search(qint64 journalId, const QString& text, const SearchFilter& filter,
                                       int limit, SearchOrder* order) const
{
    m_sql.clearError();
    const QString match = ftsQueryFromUserText(text);
    if (match.isEmpty())
        return filter.isEmpty() ? QList<SearchHit>() : filtered(journalId, filter, limit, order);
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
        QSqlQuery count(m_sql.connection());
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
    QSqlQuery query(m_sql.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    bindMatches(query);
    query.bindValue(QStringLiteral(":match2"), match);
    query.bindValue(QStringLiteral(":limit"), limit);
    return hitsOf(query, Snippet::AsMarked);
}

QList<SearchHit> JournalSearch::filtered(qint64 journalId, const SearchFilter& filter, int limit,
                                         SearchOrder* order) const
{
    if (order)
        *order = SearchOrder::Recent;
    QSqlQuery query(m_sql.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT e.itemid, e.eventtime, e.subject, substr(e.body, 1, 160) FROM entries e "
                       "WHERE e.journal_id = :j%1 ORDER BY e.eventtime DESC, e.itemid DESC LIMIT :limit")
            .arg(filterConditions(filter)));
    query.bindValue(QStringLiteral(":j"), journalId);
    bindFilter(query, filter);
    query.bindValue(QStringLiteral(":limit"), limit);
    // No words, so no matches to mark: the snippet is the start of the text.
    return hitsOf(query, Snippet::OnOneLine);
}

QList<SearchHit> JournalSearch::hitsOf(QSqlQuery& query, Snippet snippet) const
{
    QList<SearchHit> hits;
    if (!query.exec()) {
        m_sql.fail(query);
        return hits;
    }
    while (query.next()) {
        const QString text = query.value(3).toString();
        hits.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                     snippet == Snippet::OnOneLine ? text.simplified() : text});
    }
    return hits;
}

} // namespace Inkwell
