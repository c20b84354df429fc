#include "history/HistoryModel.h"

#include "common/EntryText.h"
#include "store/JournalStore.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace Inkwell {

HistoryModel::HistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void HistoryModel::setJournal(const JournalStore* store, qint64 journalId)
{
    m_store = store;
    m_journalId = journalId;
    reload();
}

void HistoryModel::setRange(const QDate& from, const QDate& to)
{
    m_from = from;
    m_to = to;
    reload();
}

void HistoryModel::setOrder(Qt::SortOrder order)
{
    m_order = order;
    reload();
}

void HistoryModel::setDateStyle(DateStyle style)
{
    m_dateStyle = style;
    if (m_count > 0)
        emit dataChanged(index(0, DateColumn), index(m_count - 1, DateColumn), {Qt::DisplayRole});
    emit headerDataChanged(Qt::Horizontal, DateColumn, DateColumn);
}

void HistoryModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
    reload();
}

void HistoryModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_recent.clear();
    m_pageAfter.clear();
    m_count = 0;
    if (m_store && m_journalId) {
        m_count =
            m_store->entryCount(m_journalId, m_from.isValid() ? m_from.toString(Qt::ISODate) : QString(),
                                m_to.isValid() ? m_to.toString(Qt::ISODate) : QString());
    }
    endResetModel();
}

QList<HistoryModel::Row> HistoryModel::page(int number) const
{
    if (const auto it = m_pages.constFind(number); it != m_pages.cend()) {
        if (m_recent.first() != number) {
            m_recent.removeOne(number);
            m_recent.prepend(number);
        }
        return *it;
    }
    if (!m_store || m_journalId == 0 || number < 0 || qint64(number) * m_pageSize >= m_count)
        return {};

    EntryPageRequest request;
    request.newestFirst = m_order == Qt::DescendingOrder;
    request.limit = m_pageSize;
    // Enough of a subject-less body for one line even when it opens with markup.
    request.bodyChars = lineLength * 8;
    if (const auto after = m_pageAfter.constFind(number); after != m_pageAfter.cend()) {
        request.afterEventtime = after->eventtime;
        request.afterItemid = after->itemid;
    } else {
        request.offset = number * m_pageSize; // a jump: the index is walked, the table is not
    }
    if (m_from.isValid())
        request.from = m_from.toString(Qt::ISODate);
    if (m_to.isValid())
        request.to = m_to.toString(Qt::ISODate);

    QList<Row> rows;
    const QList<EntrySummary> summaries = m_store->entryPage(m_journalId, request);
    ++m_pagesRead;
    rows.reserve(summaries.size());
    for (const EntrySummary& summary : summaries) {
        rows.append({summary.itemid, summary.eventtime,
                     entryLine(summary.subject, summary.bodyStart, lineLength), summary.security,
                     summary.allowmask, securityKind(summary.security, summary.allowmask)});
    }
    if (!rows.isEmpty())
        m_pageAfter.insert(number + 1, {rows.constLast().eventtime, rows.constLast().itemid});
    m_pages.insert(number, rows);
    m_recent.prepend(number);
    while (m_recent.size() > maxCachedPages)
        m_pages.remove(m_recent.takeLast());
    return rows;
}

std::optional<HistoryModel::Row> HistoryModel::row(int number) const
{
    if (number < 0 || number >= m_count)
        return std::nullopt;
    const QList<Row> rows = page(number / m_pageSize);
    const int offset = number % m_pageSize;
    if (offset >= rows.size())
        return std::nullopt; // the mirror shrank since it was counted; a reload follows
    return rows.at(offset);
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 HistoryModel::itemidAt(int number) const
{
    const std::optional<Row> found = row(number);
    return found ? found->itemid : 0;
}

int HistoryModel::rowOf(qint64 itemid, int nearRow) const
{
    const auto findIn = [this, itemid](int number) {
        const QList<Row> rows = m_pages.value(number);
        for (int i = 0; i < rows.size(); ++i) {
            if (rows.at(i).itemid == itemid)
                return number * m_pageSize + i;
        }
        return -1;
    };
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        if (const int found = findIn(it.key()); found >= 0)
            return found;
    }
    if (nearRow < 0)
        return -1;
    const int nearPage = nearRow / m_pageSize;
    for (int number : {nearPage, nearPage - 1, nearPage + 1}) {
        if (page(number).isEmpty())
            continue;
        if (const int found = findIn(number); found >= 0)
            return found;
    }
    return -1;
}

QString HistoryModel::formatDate(const QString& eventtime, DateStyle style)
{
    const QDateTime when = QDateTime::fromString(eventtime, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!when.isValid())
        return eventtime;
    // The user's locale, its short forms.
    const QLocale locale;
    const QString time = timeToTheMinute(when.time());
    if (style == DateStyle::TimeOnly)
        return time;
    return locale.toString(when.date(), QStringLiteral("ddd")) + QLatin1Char(' ') +
           locale.toString(when.date(), QLocale::ShortFormat) + QStringLiteral("  ") + time;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::optional<Row> found = row(index.row());
    if (!found)
        return {};
    const Row& row = *found;
    switch (role) {
    case ItemIdRole:
        return row.itemid;
    case EventTimeRole:
        return row.eventtime;
    case SecurityKindRole:
        return int(row.kind);
    default:
        break;
    }
    switch (index.column()) {
    case DateColumn:
        if (role == Qt::DisplayRole)
            return formatDate(row.eventtime, m_dateStyle);
        if (role == Qt::ToolTipRole)
            return row.eventtime;
        break;
    case SecurityColumn:
        if (role == Qt::DecorationRole)
            return SecurityBadge::icon(row.kind);
        if (role == Qt::ToolTipRole)
            return SecurityBadge::description(row.security, row.allowmask);
        if (role == Qt::AccessibleTextRole)
            return SecurityBadge::label(row.kind);
        break;
    case EntryColumn:
        if (role == Qt::DisplayRole)
            return row.line.isEmpty() ? tr("(empty entry)") : row.line;
        if (role == Qt::FontRole && row.line.isEmpty()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case DateColumn:
            return m_dateStyle == DateStyle::TimeOnly ? tr("Time") : tr("Date");
        case SecurityColumn:
            return QString();
        case EntryColumn:
            return tr("Entry");
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole && section == SecurityColumn)
        return tr("Security");
    return {};
}

} // namespace Inkwell
