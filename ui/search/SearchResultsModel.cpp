#include "search/SearchResultsModel.h"

#include "common/EntryText.h"

#include <QDateTime>
#include <QLocale>

namespace Inkwell {

namespace {

const QChar matchStart(0x02);
const QChar matchEnd(0x03);

// A snippet that starts inside a tag (`ef="https://x/">link`) begins with the tag's tail: drop it
// when a '>' comes before any '<' and what precedes it looks like attributes.
QString withoutLeadingTagTail(const QString& snippet)
{
    const qsizetype close = snippet.indexOf(QLatin1Char('>'));
    if (close < 0)
        return snippet;
    const qsizetype open = snippet.indexOf(QLatin1Char('<'));
    if (open >= 0 && open < close)
        return snippet;
    const QString head = snippet.left(close);
    if (head.contains(QLatin1Char('=')) || head.contains(QLatin1Char('"')) || head.endsWith(QLatin1Char('/')))
        return snippet.mid(close + 1);
    return snippet;
}

} // namespace

QString snippetToHtml(const QString& snippet)
{
    const QString text = plainTextFromHtml(withoutLeadingTagTail(snippet)).simplified();
    QString html;
    html.reserve(text.size() + 64);
    bool inMatch = false;
    for (const QChar c : text) {
        if (c == matchStart) {
            if (!inMatch)
                html += QStringLiteral("<b class=\"match\">");
            inMatch = true;
        } else if (c == matchEnd) {
            if (inMatch)
                html += QStringLiteral("</b>");
            inMatch = false;
        } else if (c == QLatin1Char('<')) {
            html += QStringLiteral("&lt;");
        } else if (c == QLatin1Char('>')) {
            html += QStringLiteral("&gt;");
        } else if (c == QLatin1Char('&')) {
            html += QStringLiteral("&amp;");
        } else if (c == QLatin1Char('"')) {
            html += QStringLiteral("&quot;");
        } else {
            html += c;
        }
    }
    if (inMatch)
        html += QStringLiteral("</b>");
    return html;
}

SearchResultsModel::SearchResultsModel(QObject* parent)
    : QAbstractListModel(parent)
{}

void SearchResultsModel::setResults(qint64 journalId, const QList<SearchHit>& hits)
{
    beginResetModel();
    m_journalId = journalId;
    m_results.clear();
    m_results.reserve(hits.size());
    for (const SearchHit& hit : hits) {
        const QString subject = plainTextFromHtml(hit.subject).simplified();
        m_results.append({hit, subject.isEmpty() ? tr("(no subject)") : subject, snippetToHtml(hit.snippet)});
    }
    endResetModel();
}

void SearchResultsModel::clear()
{
    setResults(m_journalId, {});
}

qint64 SearchResultsModel::itemidAt(int row) const
{
    return row >= 0 && row < m_results.size() ? m_results.at(row).hit.itemid : 0;
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Result& result = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SubjectRole:
        return result.subject;
    case Qt::ToolTipRole:
        return result.hit.eventtime;
    case ItemIdRole:
        return result.hit.itemid;
    case EventTimeRole:
        return result.hit.eventtime;
    case SnippetHtmlRole:
        return result.snippetHtml;
    default:
        return {};
    }
}

} // namespace Inkwell
