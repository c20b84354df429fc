#include "SampleJournal.h"
#include "common/EntryText.h"
#include "history/HistoryModel.h"
#include "history/HistoryView.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Inkwell;

class TestHistoryModel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_temp;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<JournalStore> m_store;
    qint64 m_journal = 0;
    int m_counter = 0;

    void put(const QList<JournalEntry>& entries)
    {
        QVERIFY2(m_store->upsertEntries(m_journal, entries), qPrintable(m_store->lastError()));
    }
    static QList<qint64> itemids(const HistoryModel& model)
    {
        QList<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.append(model.itemidAt(row));
        return ids;
    }
    static QString line(const HistoryModel& model, int row)
    {
        return model.index(row, HistoryModel::EntryColumn).data().toString();
    }

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(m_temp.filePath(QStringLiteral("h%1.sqlite").arg(++m_counter)));
        QString error;
        m_journal = Sample::prepare(*m_db, &error);
        QVERIFY2(m_journal > 0, qPrintable(error));
        m_store = std::make_unique<JournalStore>(m_db->connection());
    }
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    // getevents' truncate: longer than N characters -> N-3 characters + "...", code points counted.
    void truncateFollowsGetevents_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("max");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short stays") << QStringLiteral("hello") << 10 << QStringLiteral("hello");
        QTest::newRow("exactly max stays")
            << QStringLiteral("0123456789") << 10 << QStringLiteral("0123456789");
        QTest::newRow("one over is cut")
            << QStringLiteral("0123456789A") << 10 << QStringLiteral("0123456...");
        QTest::newRow("emoji count as one") << QStringLiteral("😀😀😀😀😀") << 5 << QStringLiteral("😀😀😀😀😀");
        QTest::newRow("emoji never split") << QStringLiteral("😀😀😀😀😀😀") << 5 << QStringLiteral("😀😀...");
        QTest::newRow("below 4 leaves alone") << QStringLiteral("abcdef") << 3 << QStringLiteral("abcdef");
        QTest::newRow("blank before cut dropped")
            << QStringLiteral("abc   defghij") << 8 << QStringLiteral("abc...");
    }
    void truncateFollowsGetevents()
    {
        QFETCH(QString, text);
        QFETCH(int, max);
        QFETCH(QString, expected);
        QCOMPARE(truncateText(text, max), expected);
    }

    // prefersubject: the subject when there is one, else the body; markup stripped for display.
    void entryLinePrefersTheSubject_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("subject") << QStringLiteral("Hello") << QStringLiteral("Body")
                                 << QStringLiteral("Hello");
        QTest::newRow("blank subject")
            << QStringLiteral("  ") << QStringLiteral("Body text") << QStringLiteral("Body text");
        QTest::newRow("html body") << QString() << QStringLiteral("<p>One&amp;<b>two</b></p>\n<p>three</p>")
                                   << QStringLiteral("One&two three");
        QTest::newRow("lj user kept")
            << QString() << QStringLiteral("Met <lj user=\"bob\"> today") << QStringLiteral("Met bob today");
        QTest::newRow("script dropped")
            << QString() << QStringLiteral("<script>x()</script>Text") << QStringLiteral("Text");
        QTest::newRow("unfinished tag of a cut body")
            << QString() << QStringLiteral("Start <a href=\"https://exa") << QStringLiteral("Start");
        QTest::newRow("html subject")
            << QStringLiteral("<b>Bold</b> news") << QString() << QStringLiteral("Bold news");
        QTest::newRow("empty") << QString() << QString() << QString();
    }
    void entryLinePrefersTheSubject()
    {
        QFETCH(QString, subject);
        QFETCH(QString, body);
        QFETCH(QString, expected);
        QCOMPARE(entryLine(subject, body, 120), expected);
    }

    void newestFirstWithTiesByItemid()
    {
        put({Sample::entry(1, QStringLiteral("2020-01-01 10:00:00"), QStringLiteral("oldest"), QString()),
             Sample::entry(2, QStringLiteral("2024-05-05 12:00:00"), QStringLiteral("same second, lower"),
                           QString()),
             Sample::entry(3, QStringLiteral("2024-05-05 12:00:00"), QStringLiteral("same second, higher"),
                           QString()),
             // Backdated: a higher itemid does not make it newer; eventtime decides.
             Sample::entry(4, QStringLiteral("2019-06-01 08:00:00"), QStringLiteral("backdated"), QString()),
             Sample::entry(5, QStringLiteral("2025-02-01 09:30:00"), QStringLiteral("newest"), QString())});
        HistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJournal(m_store.get(), m_journal);
        QCOMPARE(itemids(model), (QList<qint64>{5, 3, 2, 1, 4}));
        QCOMPARE(line(model, 0), QStringLiteral("newest"));
        QCOMPARE(model.index(0, 0).data(HistoryModel::EventTimeRole), QStringLiteral("2025-02-01 09:30:00"));
    }

    void linesAreTruncatedFromSubjectOrBody()
    {
        const QString longSubject = QString(200, QLatin1Char('s'));
        const QString longBody =
            QStringLiteral("<p>") + QString(100000, QLatin1Char('b')) + QStringLiteral("</p>");
        put({Sample::entry(1, QStringLiteral("2024-01-01 00:00:01"), longSubject, QStringLiteral("ignored")),
             Sample::entry(2, QStringLiteral("2024-01-01 00:00:02"), QString(), longBody),
             Sample::entry(3, QStringLiteral("2024-01-01 00:00:03"), QStringLiteral("Первый снег ❄"),
                           QStringLiteral("body")),
             Sample::entry(4, QStringLiteral("2024-01-01 00:00:04"), QString(), QString())});
        HistoryModel model;
        model.setJournal(m_store.get(), m_journal);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(line(model, 0), HistoryModel::tr("(empty entry)"));
        QVERIFY(model.index(0, HistoryModel::EntryColumn).data(Qt::FontRole).value<QFont>().italic());
        QCOMPARE(line(model, 1), QStringLiteral("Первый снег ❄"));
        // 120 characters, as getevents truncate=120 gives: 117 kept and "...".
        QCOMPARE(line(model, 2), QString(117, QLatin1Char('b')) + QStringLiteral("..."));
        QCOMPARE(line(model, 3), QString(117, QLatin1Char('s')) + QStringLiteral("..."));
    }

    void securityColumnShowsTheKind()
    {
        put({Sample::entry(1, QStringLiteral("2024-01-01 00:00:01"), QStringLiteral("pub"), QString()),
             Sample::entry(2, QStringLiteral("2024-01-01 00:00:02"), QStringLiteral("priv"), QString(),
                           Security::Private),
             Sample::entry(3, QStringLiteral("2024-01-01 00:00:03"), QStringLiteral("friends"), QString(),
                           Security::UseMask, 1),
             Sample::entry(4, QStringLiteral("2024-01-01 00:00:04"), QStringLiteral("groups"), QString(),
                           Security::UseMask, 0b1100)});
        HistoryModel model;
        model.setJournal(m_store.get(), m_journal);
        const auto kind = [&model](int row) {
            return SecurityKind(
                model.index(row, HistoryModel::SecurityColumn).data(HistoryModel::SecurityKindRole).toInt());
        };
        QCOMPARE(kind(0), SecurityKind::Custom);
        QCOMPARE(kind(1), SecurityKind::Friends);
        QCOMPARE(kind(2), SecurityKind::Private);
        QCOMPARE(kind(3), SecurityKind::Public);
        QVERIFY(
            !model.index(0, HistoryModel::SecurityColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(0, HistoryModel::SecurityColumn).data(Qt::ToolTipRole).toString(),
                 SecurityBadge::description(Security::UseMask, 0b1100));
        QVERIFY(model.index(0, HistoryModel::SecurityColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("2, 3")));
    }

    void readsPageByPageAcrossTies()
    {
        // 25 entries, five per second: every page boundary of 7 falls inside a run of equal times.
        QList<JournalEntry> entries;
        for (int i = 1; i <= 25; ++i)
            entries.append(Sample::entry(
                i, QStringLiteral("2024-03-01 10:00:%1").arg((i - 1) / 5, 2, 10, QLatin1Char('0')),
                QStringLiteral("entry %1").arg(i), QString()));
        put(entries);
        HistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(7);
        model.setJournal(m_store.get(), m_journal);
        // The whole journal is counted at once; nothing is read until asked for.
        QCOMPARE(model.rowCount(), 25);
        QList<qint64> expected;
        for (int i = 25; i >= 1; --i)
            expected.append(i);
        QCOMPARE(itemids(model), expected); // pages 1-3 by keyset after the page before
        QCOMPARE(model.pagesRead(), 4);     // each page once
        QCOMPARE(model.rowOf(3), 22);
        QCOMPARE(model.rowOf(99), -1);
        QCOMPARE(model.itemidAt(25), 0);
    }

    void jumpsStraightToAnyPage()
    {
        QList<JournalEntry> entries;
        for (int i = 1; i <= 50; ++i)
            entries.append(Sample::entry(
                i, QStringLiteral("2024-03-01 10:00:%1").arg((i - 1) / 4, 2, 10, QLatin1Char('0')),
                QStringLiteral("entry %1").arg(i), QString()));
        put(entries);
        HistoryModel model;
        model.setPageSize(6);
        model.setJournal(m_store.get(), m_journal);
        // The end first (by offset), then back up, then the middle: always the right rows.
        QCOMPARE(model.itemidAt(49), 1);
        QCOMPARE(model.itemidAt(44), 6);
        QCOMPARE(model.itemidAt(23), 27);
        QCOMPARE(model.itemidAt(24), 26); // the page after 23's, by keyset
        QList<qint64> expected;
        for (int i = 50; i >= 1; --i)
            expected.append(i);
        QCOMPARE(itemids(model), expected);
    }

    void scrollingToTheEndKeepsMemoryBounded()
    {
        QDateTime newest(QDate(2024, 6, 1), QTime(12, 0));
        QVERIFY(Sample::fill(*m_db, m_journal, 3000, newest, 60));
        HistoryView view;
        view.resize(600, 400);
        view.setJournal(m_store.get(), m_journal);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.model()->rowCount(), 3000);
        // A 400-pixel list needs the first page only.
        QCOMPARE(view.model()->cachedPageCount(), 1);
        // Page down through the whole journal: pages come and go, a few at a time in memory.
        view.list()->setFocus();
        view.list()->setCurrentIndex(view.model()->index(0, HistoryModel::EntryColumn));
        int maxCached = 0;
        for (int i = 0; i < 400 && view.list()->currentIndex().row() < 2999; ++i) {
            QTest::keyClick(view.list(), Qt::Key_PageDown);
            QCoreApplication::processEvents();
            maxCached = qMax(maxCached, view.model()->cachedPageCount());
        }
        QCOMPARE(view.list()->currentIndex().row(), 2999);
        QCOMPARE(view.model()->itemidAt(2999), 1);
        QVERIFY2(maxCached <= HistoryModel::maxCachedPages, qPrintable(QString::number(maxCached)));
        QCOMPARE(view.model()->pagesRead(), 3000 / HistoryModel::defaultPageSize);
        // And straight back to the top.
        QTest::keyClick(view.list(), Qt::Key_Home);
        QCOMPARE(view.model()->itemidAt(view.list()->currentIndex().row()), 3000);
        QVERIFY(view.model()->cachedPageCount() <= HistoryModel::maxCachedPages);
    }

    void rangeAndAscendingOrderMakeADay()
    {
        put({Sample::entry(1, QStringLiteral("2024-03-01 23:59:59"), QStringLiteral("day before"), QString()),
             Sample::entry(2, QStringLiteral("2024-03-02 18:00:00"), QStringLiteral("evening"), QString()),
             Sample::entry(3, QStringLiteral("2024-03-02 00:00:00"), QStringLiteral("midnight"), QString()),
             Sample::entry(4, QStringLiteral("2024-03-03 00:00:00"), QStringLiteral("day after"),
                           QString())});
        HistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrder(Qt::AscendingOrder);
        model.setDateStyle(HistoryModel::DateStyle::TimeOnly);
        model.setJournal(m_store.get(), m_journal);
        model.setRange(QDate(2024, 3, 2), QDate(2024, 3, 3));
        QCOMPARE(itemids(model), (QList<qint64>{3, 2}));
        QCOMPARE(model.index(1, HistoryModel::DateColumn).data().toString(),
                 HistoryModel::formatDate(QStringLiteral("2024-03-02 18:00:00"),
                                          HistoryModel::DateStyle::TimeOnly));
        QVERIFY(
            !model.index(1, HistoryModel::DateColumn).data().toString().contains(QStringLiteral(":00:00")));
        QCOMPARE(model.headerData(HistoryModel::DateColumn, Qt::Horizontal).toString(),
                 HistoryModel::tr("Time"));
    }

    void datesFollowTheLocale()
    {
        put({Sample::entry(1, QStringLiteral("2024-03-02 18:05:00"), QStringLiteral("x"), QString())});
        const QLocale saved;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        HistoryModel model;
        model.setJournal(m_store.get(), m_journal);
        const QString text = model.index(0, HistoryModel::DateColumn).data().toString();
        QLocale::setDefault(saved);
        const QLocale german(QLocale::German, QLocale::Germany);
        QCOMPARE(text, QStringLiteral("Sa. ") + german.toString(QDate(2024, 3, 2), QLocale::ShortFormat) +
                           QStringLiteral("  18:05"));
    }

    void reloadShowsWhatASyncWrote()
    {
        put({Sample::entry(1, QStringLiteral("2024-03-01 10:00:00"), QStringLiteral("one"), QString())});
        HistoryModel model;
        model.setJournal(m_store.get(), m_journal);
        QCOMPARE(model.rowCount(), 1);
        put({Sample::entry(2, QStringLiteral("2024-03-02 10:00:00"), QStringLiteral("two"), QString())});
        QVERIFY(m_store->deleteEntries(m_journal, {1}));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.reload();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(itemids(model), QList<qint64>{2});
    }

    void noJournalShowsNothingAndTheViewSaysSo()
    {
        HistoryView view;
        view.setJournal(nullptr, 0);
        QCOMPARE(view.model()->rowCount(), 0);
        auto* stack = view.findChild<QStackedWidget*>();
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("historyEmptyLabel"));
        view.setJournal(m_store.get(), m_journal); // a journal with no entries yet
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("historyEmptyLabel"));
        put({Sample::entry(1, QStringLiteral("2024-03-01 10:00:00"), QStringLiteral("one"), QString())});
        view.reload();
        QCOMPARE(stack->currentWidget(), view.list());
    }

    void reloadKeepsTheEntryBeingReadWithoutSelectingItAgain()
    {
        QList<JournalEntry> entries;
        for (int i = 1; i <= 500; ++i)
            entries.append(Sample::entry(i, QStringLiteral("%1-01-01 10:00:00").arg(1500 + i),
                                         QStringLiteral("entry %1").arg(i), QString()));
        put(entries);
        HistoryView view;
        view.setJournal(m_store.get(), m_journal);
        view.list()->setCurrentIndex(view.model()->index(250, HistoryModel::EntryColumn));
        const qint64 reading = view.model()->itemidAt(250);
        put({Sample::entry(1000, QStringLiteral("2100-01-01 00:00:00"), QStringLiteral("new"), QString()),
             Sample::entry(1001, QStringLiteral("2100-01-02 00:00:00"), QStringLiteral("newer"), QString())});
        QSignalSpy selected(&view, &HistoryView::entrySelected);
        view.reload();
        QCOMPARE(view.model()->rowCount(), 502);
        QCOMPARE(view.list()->currentIndex().row(), 252);
        QCOMPARE(view.model()->itemidAt(252), reading);
        QCOMPARE(selected.count(), 0);
    }

    // A sync or a post adds entries above: a reader at the top sees them, one further down keeps
    // the rows in view where they were.
    void newEntriesShowAtTheTopUnlessTheReaderScrolledDown()
    {
        QList<JournalEntry> entries;
        for (int i = 1; i <= 300; ++i)
            entries.append(Sample::entry(i, QStringLiteral("%1-01-01 10:00:00").arg(1500 + i),
                                         QStringLiteral("entry %1").arg(i), QString()));
        put(entries);
        HistoryView view;
        view.resize(500, 300);
        view.setJournal(m_store.get(), m_journal);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.list()->setCurrentIndex(view.model()->index(0, HistoryModel::EntryColumn));
        QCOMPARE(view.list()->verticalScrollBar()->value(), 0);
        put({Sample::entry(1000, QStringLiteral("2100-01-01 00:00:00"), QStringLiteral("posted"),
                           QString())});
        view.reload();
        QCOMPARE(view.list()->verticalScrollBar()->value(), 0);
        QCOMPARE(view.list()->indexAt(QPoint(5, 5)).row(), 0); // the fresh post is in view
        QCOMPARE(view.model()->itemidAt(0), 1000);
        QCOMPARE(view.model()->itemidAt(view.list()->currentIndex().row()), 300); // still the one being read

        view.list()->scrollTo(view.model()->index(150, HistoryModel::EntryColumn),
                              QAbstractItemView::PositionAtTop);
        view.list()->setCurrentIndex(view.model()->index(150, HistoryModel::EntryColumn));
        const qint64 top = view.model()->itemidAt(view.list()->indexAt(QPoint(5, 5)).row());
        put({Sample::entry(1001, QStringLiteral("2100-01-02 00:00:00"), QStringLiteral("another"),
                           QString())});
        view.reload();
        QCOMPARE(view.model()->itemidAt(view.list()->indexAt(QPoint(5, 5)).row()), top);
    }

    void movingTheCurrentRowSelectsTheEntry()
    {
        put({Sample::entry(1, QStringLiteral("2024-03-01 10:00:00"), QStringLiteral("one"), QString()),
             Sample::entry(2, QStringLiteral("2024-03-02 10:00:00"), QStringLiteral("two"), QString())});
        HistoryView view;
        view.setJournal(m_store.get(), m_journal);
        QSignalSpy selected(&view, &HistoryView::entrySelected);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.list()->setCurrentIndex(view.model()->index(1, HistoryModel::EntryColumn));
        QCOMPARE(selected.last().at(0).toLongLong(), m_journal);
        QCOMPARE(selected.last().at(1).toLongLong(), 1);
        const int before = int(selected.count());
        view.list()->setFocus();
        QTest::keyClick(view.list(), Qt::Key_Up);
        QCOMPARE(selected.count(), before + 1);
        QCOMPARE(selected.last().at(1).toLongLong(), 2);
        QVERIFY(view.selectEntry(1));
        QCOMPARE(selected.last().at(1).toLongLong(), 1);
    }
};

QTEST_MAIN(TestHistoryModel)
#include "TestHistoryModel.moc"
