#include "SampleJournal.h"
#include "calendar/CalendarView.h"
#include "calendar/JournalCalendar.h"
#include "history/HistoryView.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Inkwell;

class TestCalendarView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_temp;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<JournalStore> m_store;
    qint64 m_journal = 0;
    int m_counter = 0;

    static JournalEntry at(qint64 itemid, const char* time)
    {
        return Sample::entry(itemid, QString::fromLatin1(time), QStringLiteral("entry %1").arg(itemid),
                             QString());
    }
    // The cell of `day` in the calendar's grid (the page on screen).
    static QModelIndex cellOf(JournalCalendar* calendar, const QDate& day)
    {
        auto* table = calendar->findChild<QTableView*>();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            for (int column = 0; column < table->model()->columnCount(); ++column) {
                const QModelIndex index = table->model()->index(row, column);
                if (index.data().toInt() == day.day() && (day.day() > 20 ? row > 2 : row < 4))
                    return index;
            }
        }
        return {};
    }

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(m_temp.filePath(QStringLiteral("c%1.sqlite").arg(++m_counter)));
        QString error;
        m_journal = Sample::prepare(*m_db, &error);
        QVERIFY2(m_journal > 0, qPrintable(error));
        m_store = std::make_unique<JournalStore>(m_db->connection());
        QVERIFY(m_store->upsertEntries(m_journal, {at(1, "2021-11-30 23:59:59"), at(2, "2022-01-03 08:00:00"),
                                                   at(3, "2022-01-03 20:00:00"), at(4, "2022-01-03 12:00:00"),
                                                   at(5, "2022-01-31 00:00:00"), at(6, "2022-02-01 00:00:00"),
                                                   at(7, "2023-07-14 09:00:00")}));
    }
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    void opensOnTheNewestEntrysDay()
    {
        CalendarView view;
        view.setJournal(m_store.get(), m_journal);
        QCOMPARE(view.calendar()->yearShown(), 2023);
        QCOMPARE(view.calendar()->monthShown(), 7);
        QCOMPARE(view.calendar()->selectedDate(), QDate(2023, 7, 14));
        QCOMPARE(view.dayList()->model()->rowCount(), 1);
        QCOMPARE(view.dayList()->model()->itemidAt(0), 7);
    }

    void countsComeFromTheMirror()
    {
        CalendarView view;
        view.setJournal(m_store.get(), m_journal);
        view.showDay(QDate(2022, 1, 3));
        JournalCalendar* calendar = view.calendar();
        QCOMPARE(calendar->entryCount(QDate(2022, 1, 3)), 3);
        QCOMPARE(calendar->entryCount(QDate(2022, 1, 31)), 1);
        QCOMPARE(calendar->entryCount(QDate(2022, 1, 4)), 0);
        // The days of the next month that fill the grid are counted too, not the month's total.
        QCOMPARE(calendar->entryCount(QDate(2022, 2, 1)), 1);
        QCOMPARE(calendar->monthEntryCount(), 4);
        QCOMPARE(calendar->monthDayCount(), 2);
        // Same numbers as getdaycounts would give, read from the store.
        QCOMPARE(m_store->dayCounts(m_journal).value(QDate(2022, 1, 3)), 3);
        auto* summary = view.findChild<QLabel*>(QStringLiteral("monthSummary"));
        QVERIFY(summary->text().contains(QStringLiteral("4 entries")));
        QVERIFY(summary->text().contains(QStringLiteral("2 days")));
    }

    void theDayListsItsEntriesOldestFirst()
    {
        CalendarView view;
        view.setJournal(m_store.get(), m_journal);
        view.showDay(QDate(2022, 1, 3));
        HistoryModel* day = view.dayList()->model();
        QCOMPARE(day->rowCount(), 3);
        QCOMPARE(day->itemidAt(0), 2);
        QCOMPARE(day->itemidAt(1), 4);
        QCOMPARE(day->itemidAt(2), 3);
        auto* title = view.findChild<QLabel*>(QStringLiteral("dayTitle"));
        QVERIFY2(title->text().contains(QStringLiteral("3 entries")), qPrintable(title->text()));
        view.showDay(QDate(2022, 1, 4));
        QCOMPARE(day->rowCount(), 0);
    }

    void clickingADayListsItsEntries()
    {
        CalendarView view;
        view.resize(500, 600);
        view.setJournal(m_store.get(), m_journal);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showDay(QDate(2022, 1, 20));
        QCOMPARE(view.dayList()->model()->rowCount(), 0);
        auto* table = view.calendar()->findChild<QTableView*>();
        const QModelIndex cell = cellOf(view.calendar(), QDate(2022, 1, 3));
        QVERIFY(cell.isValid());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
        QCOMPARE(view.calendar()->selectedDate(), QDate(2022, 1, 3));
        QCOMPARE(view.dayList()->model()->rowCount(), 3);

        QSignalSpy selected(&view, &CalendarView::entrySelected);
        view.dayList()->list()->setCurrentIndex(view.dayList()->model()->index(2, HistoryModel::EntryColumn));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.last().at(0).toLongLong(), m_journal);
        QCOMPARE(selected.last().at(1).toLongLong(), 3);
    }

    void monthAndYearNavigation()
    {
        CalendarView view;
        view.setJournal(m_store.get(), m_journal);
        JournalCalendar* calendar = view.calendar();
        calendar->setCurrentPage(2022, 1);
        calendar->showNextMonth();
        QCOMPARE(calendar->monthShown(), 2);
        QCOMPARE(calendar->monthEntryCount(), 1);
        calendar->showNextYear();
        QCOMPARE(calendar->yearShown(), 2023);
        QCOMPARE(calendar->monthEntryCount(), 0);

        // The jump buttons go to the nearest month with entries, skipping empty ones.
        auto* earlier = view.findChild<QToolButton*>(QStringLiteral("earlierEntriesButton"));
        auto* later = view.findChild<QToolButton*>(QStringLiteral("laterEntriesButton"));
        QVERIFY(earlier->isEnabled());
        QVERIFY(later->isEnabled());
        later->click();
        QCOMPARE(calendar->yearShown(), 2023);
        QCOMPARE(calendar->monthShown(), 7);
        QCOMPARE(calendar->selectedDate(), QDate(2023, 7, 14));
        QVERIFY(!later->isEnabled());
        earlier->click();
        QCOMPARE(calendar->monthShown(), 2);
        QCOMPARE(calendar->yearShown(), 2022);
        earlier->click();
        QCOMPARE(calendar->monthShown(), 1);
        earlier->click();
        QCOMPARE(calendar->monthShown(), 11);
        QCOMPARE(calendar->yearShown(), 2021);
        QCOMPARE(calendar->selectedDate(), QDate(2021, 11, 30));
        QVERIFY(!earlier->isEnabled());
    }

    void reloadReadsNewCounts()
    {
        CalendarView view;
        view.setJournal(m_store.get(), m_journal);
        view.showDay(QDate(2022, 1, 3));
        QVERIFY(m_store->upsertEntries(m_journal, {at(8, "2022-01-03 22:00:00")}));
        view.reload();
        QCOMPARE(view.calendar()->entryCount(QDate(2022, 1, 3)), 4);
        QCOMPARE(view.dayList()->model()->rowCount(), 4);
    }

    void noJournalIsAnEmptyCalendar()
    {
        CalendarView view;
        view.setJournal(nullptr, 0);
        QCOMPARE(view.calendar()->monthEntryCount(), 0);
        QCOMPARE(view.dayList()->model()->rowCount(), 0);
        QVERIFY(!view.findChild<QToolButton*>(QStringLiteral("earlierEntriesButton"))->isEnabled());
    }
};

QTEST_MAIN(TestCalendarView)
#include "TestCalendarView.moc"
