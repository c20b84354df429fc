#pragma once

#include <QCalendarWidget>
#include <QMap>

namespace Inkwell {

class JournalStore;

// A month calendar that marks the days with entries and their count, from the mirror's day counts
// (what getdaycounts answers, JournalStore::dayCounts). Only the page on screen is read: one
// bounded range of the eventtime index per month shown.
class JournalCalendar : public QCalendarWidget
{
    Q_OBJECT
public:
    explicit JournalCalendar(QWidget* parent = nullptr);

    void setJournal(const JournalStore* store, qint64 journalId);
    // Reads the counts of the page on screen again.
    void reloadCounts();

    int entryCount(const QDate& day) const { return m_counts.value(day); }
    // Entries and days with entries in the month on screen.
    int monthEntryCount() const;
    int monthDayCount() const;

signals:
    void countsChanged();

protected:
    void paintCell(QPainter* painter, const QRect& rect, QDate date) const override;

private:
    const JournalStore* m_store = nullptr;
    qint64 m_journalId = 0;
    QMap<QDate, int> m_counts; // the visible grid: the month and the days around it
    int m_busiestDay = 1;
};

} // namespace Inkwell
