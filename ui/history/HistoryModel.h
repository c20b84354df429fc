#pragma once

#include "common/SecurityBadge.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>

#include <optional>

namespace Inkwell {

class JournalStore;

// The history of one mirrored journal, newest first (eventtime, then itemid, as getevents' lastn
// orders): date, security and one line per entry. Lazy and windowed: the row count comes from one
// count of the eventtime index, rows are read a page at a time when a view asks for them (each page
// one bounded read, JournalStore::entryPage: by keyset after the page before it when that is
// known, else by offset over the index), and only the last few pages asked for are kept. So a
// journal of 50,000 entries opens as fast as one of 50, the scroll bar spans the whole journal,
// and memory stays the same however far one scrolls; rows are summaries, never bodies.
//
// A range (setRange) makes it the list of one day or month, and Qt::AscendingOrder reads a day
// as getevents' selecttype=day does, oldest first.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DateColumn, SecurityColumn, EntryColumn, ColumnCount };
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        EventTimeRole, // "YYYY-MM-DD HH:MM:SS"
        SecurityKindRole,
    };
    enum class DateStyle { DateAndTime, TimeOnly };

    static constexpr int lineLength = 120; // characters of the truncated line (getevents' truncate)
    static constexpr int defaultPageSize = 200;
    static constexpr int maxCachedPages = 6;

    explicit HistoryModel(QObject* parent = nullptr);

    // How the Date column shows an eventtime ("YYYY-MM-DD HH:MM:SS") in the user's locale.
    static QString formatDate(const QString& eventtime, DateStyle style);

    // Shows `journalId` from `store`, which must outlive the model or be replaced first (the model
    // keeps the pointer, not a copy). A null store or journal 0 shows nothing.
    void setJournal(const JournalStore* store, qint64 journalId);
    // Only entries with from <= eventtime date < to; null dates: unbounded.
    void setRange(const QDate& from, const QDate& to);
    void setOrder(Qt::SortOrder order);
    void setDateStyle(DateStyle style);
    void setPageSize(int rows);
    // Counts again and forgets the pages read (after a sync changed the mirror).
    void reload();

    qint64 journalId() const { return m_journalId; }
    qint64 itemidAt(int row) const;
    // The row of `itemid` among the pages in memory, or in the pages around `nearRow` (read if
    // needed); -1 if not there.
    int rowOf(qint64 itemid, int nearRow = -1) const;

    // What is in memory and what was read (tests, the benchmark).
    int cachedPageCount() const { return int(m_pages.size()); }
    int pagesRead() const { return m_pagesRead; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        qint64 itemid = 0;
        QString eventtime;
        QString line;
        Security security = Security::Public;
        quint64 allowmask = 0;
        SecurityKind kind = SecurityKind::Public;
    };
    struct Key
    {
        QString eventtime;
        qint64 itemid = 0;
    };
    // The page, read if it is not in memory. Empty past the end.
    QList<Row> page(int number) const;
    // The row; none past what the mirror holds now.
    std::optional<Row> row(int number) const;

    const JournalStore* m_store = nullptr;
    qint64 m_journalId = 0;
    QDate m_from;
    QDate m_to;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    DateStyle m_dateStyle = DateStyle::DateAndTime;
    int m_pageSize = defaultPageSize;
    int m_count = 0;
    // Read on demand from const data(): a cache, not the model's state.
    mutable QHash<int, QList<Row>> m_pages;
    mutable QList<int> m_recent;         // page numbers, most recently used first
    mutable QHash<int, Key> m_pageAfter; // page n starts right after this key (a page's last row)
    mutable int m_pagesRead = 0;
};

} // namespace Inkwell
