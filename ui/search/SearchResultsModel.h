#pragma once

#include "store/JournalSearch.h"

#include <QAbstractListModel>

namespace Inkwell {

// An FTS5 snippet (matches between U+0002 and U+0003, JournalSearch::search) as HTML for a result
// list: the entry's own markup stripped (a snippet can begin or end inside a tag), everything
// escaped, whitespace collapsed, and the matches highlighted with <b class="match">.
QString snippetToHtml(const QString& snippet);

// The results of one search, best match first (at most the search's limit, so a plain list).
class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        EventTimeRole,
        SubjectRole,
        SnippetHtmlRole,
    };

    explicit SearchResultsModel(QObject* parent = nullptr);

    void setResults(qint64 journalId, const QList<SearchHit>& hits);
    void clear();
    qint64 journalId() const { return m_journalId; }
    qint64 itemidAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    struct Result
    {
        SearchHit hit;
        QString subject;     // plain text, or "(no subject)"
        QString snippetHtml; // built once, painted many times
    };
    qint64 m_journalId = 0;
    QList<Result> m_results;
};

} // namespace Inkwell
