#pragma once

#include <QDate>
#include <QWidget>

class QLabel;
class QToolButton;

namespace Inkwell {

class HistoryView;
class JournalCalendar;
class JournalStore;

// The Calendar tab: a month of the journal with the days that have entries marked, buttons to
// jump to the nearest month with entries, and the entries of the selected day below it.
class CalendarView : public QWidget
{
    Q_OBJECT
public:
    explicit CalendarView(QWidget* parent = nullptr);

    JournalCalendar* calendar() const { return m_calendar; }
    HistoryView* dayList() const { return m_dayList; }

    // Opens on the month and day of the newest entry.
    void setJournal(const JournalStore* store, qint64 journalId);
    void showDay(const QDate& day);
    void reload();

signals:
    void entrySelected(qint64 journalId, qint64 itemid);

private:
    void onDaySelected();
    void updateMonthSummary();
    void jumpToEntryMonth(bool earlier);
    // The eventtime date of the entry nearest to the month on screen, before or after it.
    QDate neighbourEntryDate(bool earlier) const;

    const JournalStore* m_store = nullptr;
    qint64 m_journalId = 0;
    JournalCalendar* m_calendar = nullptr;
    QToolButton* m_earlier = nullptr;
    QToolButton* m_later = nullptr;
    QLabel* m_monthSummary = nullptr;
    QLabel* m_dayTitle = nullptr;
    HistoryView* m_dayList = nullptr;
};

} // namespace Inkwell
