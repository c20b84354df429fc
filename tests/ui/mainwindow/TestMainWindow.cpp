#include "ModelTesting.h"
#include "SampleJournal.h"
#include "ScriptedDialogs.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "calendar/CalendarView.h"
#include "calendar/JournalCalendar.h"
#include "editor/EditorWindow.h"
#include "editor/EntryForm.h"
#include "entryview/EntryBrowser.h"
#include "entryview/EntryView.h"
#include "friends/FriendsView.h"
#include "history/HistoryView.h"
#include "mainwindow/JournalSelector.h"
#include "mainwindow/MainWindow.h"
#include "search/SearchResultsModel.h"
#include "search/SearchView.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "writing/DraftsView.h"
#include "writing/WritingDesk.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Inkwell;

class TestMainWindow : public QObject
{
    Q_OBJECT
    MemoryPasswordStore m_passwords; // no keychain in these tests; nothing is sent
    ScriptedDialogs m_dialogs;

    // The profile in `temp`, as the program builds it for the window.
    std::unique_ptr<ProfileServices> openProfile(const QTemporaryDir& temp)
    {
        return ProfileServices::open(Profile::atDirectory(temp.path()), m_passwords, nullptr);
    }

private slots:
    void opensOnAnEmptyJournalWithoutAccountOrNetwork()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(db.open());

        const auto services = openProfile(temp);
        QVERIFY(services);
        MainWindow window(*services, m_dialogs);
        testModelsUnder(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Inkwell"));
        QCOMPARE(window.entryCount(), 0);

        auto* title = window.findChild<QLabel*>(QStringLiteral("emptyJournalTitle"));
        QVERIFY(title);
        QVERIFY(title->isVisible());
        QCOMPARE(title->text(), QStringLiteral("Your journal is empty"));

        auto* storage = window.findChild<QLabel*>(QStringLiteral("storageLabel"));
        QVERIFY(storage);
        QVERIFY2(storage->toolTip().contains(db.path()), qPrintable(storage->toolTip()));
        QVERIFY2(storage->text().contains(QStringLiteral("0 entries")), qPrintable(storage->text()));

        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() >= 600);
    }

    void quitActionClosesTheWindow()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(db.open());
        const auto services = openProfile(temp);
        QVERIFY(services);
        MainWindow window(*services, m_dialogs);
        testModelsUnder(window);
        window.show();
        auto* quit = window.findChild<QAction*>(QStringLiteral("actionQuit"));
        QVERIFY(quit);
        quit->trigger();
        QVERIFY(!window.isVisible());
    }

    void browsesAJournalFromTheMirror()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("journal.sqlite")));
        QString error;
        const qint64 journal = Sample::prepare(db, &error);
        QVERIFY2(journal, qPrintable(error));
        JournalStore store(db.connection());
        QVERIFY(store.upsertEntries(
            journal, {Sample::entry(1, QStringLiteral("2023-05-01 10:00:00"), QStringLiteral("First post"),
                                    QStringLiteral("Hello from May")),
                      Sample::entry(2, QStringLiteral("2024-02-10 21:15:00"), QStringLiteral("Winter notes"),
                                    QStringLiteral("Snow and tea"), Security::Private)}));

        const auto services = openProfile(temp);
        QVERIFY(services);
        MainWindow window(*services, m_dialogs);
        testModelsUnder(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.findChild<QLabel*>(QStringLiteral("emptyJournalTitle"))->isVisible());
        QCOMPARE(window.entryCount(), 2);
        QCOMPARE(window.journalSelector()->currentJournalId(), journal);
        auto* storage = window.findChild<QLabel*>(QStringLiteral("storageLabel"));
        QVERIFY2(storage->text().contains(QStringLiteral("2 entries in alice")), qPrintable(storage->text()));

        // The newest entry is open at once.
        QCOMPARE(window.historyView()->model()->rowCount(), 2);
        QCOMPARE(window.entryView()->itemid(), 2);
        QVERIFY(window.entryView()->browser()->toPlainText().contains(QStringLiteral("Snow and tea")));

        // History -> entry view.
        window.historyView()->list()->setCurrentIndex(window.historyView()->model()->index(1, 2));
        QCOMPARE(window.entryView()->itemid(), 1);

        // Calendar -> entry view.
        window.browseTabs()->setCurrentWidget(window.calendarView());
        window.calendarView()->showDay(QDate(2024, 2, 10));
        QCOMPARE(window.calendarView()->dayList()->model()->rowCount(), 1);
        window.calendarView()->dayList()->list()->setCurrentIndex(
            window.calendarView()->dayList()->model()->index(0, 2));
        QCOMPARE(window.entryView()->itemid(), 2);

        // Find -> Search tab with the field focused; a result -> entry view.
        window.findChild<QAction*>(QStringLiteral("actionFind"))->trigger();
        QCOMPARE(window.browseTabs()->currentWidget(), window.searchView());
        QTRY_VERIFY(window.searchView()->searchField()->hasFocus());
        QSignalSpy finished(window.searchView(), &SearchView::searchFinished);
        QTest::keyClicks(window.searchView()->searchField(), QStringLiteral("may"));
        QTRY_COMPARE_WITH_TIMEOUT(window.searchView()->results()->rowCount(), 1, 5000);
        window.searchView()->resultList()->setCurrentIndex(window.searchView()->results()->index(0));
        QCOMPARE(window.entryView()->itemid(), 1);

        // Edit opens the editor on the entry shown; Delete is there too (it asks first).
        QVERIFY(window.entryView()->deleteAction()->isEnabled());
        QVERIFY(window.entryView()->editAction()->isEnabled());
        window.entryView()->editAction()->trigger();
        QCOMPARE(window.writingDesk()->openEditors().size(), 1);
        EditorWindow* editor = window.writingDesk()->openEditors().first();
        QVERIFY(editor->windowTitle().contains(QStringLiteral("Edit")));
        QCOMPARE(editor->currentDraft().itemid, 1);
        editor->close();

        // Delete asks first: no leaves the entry alone, yes queues its deletion.
        m_dialogs.asked.clear();
        m_dialogs.confirmAnswer = [](const Question&) {
            return false;
        };
        window.entryView()->deleteAction()->trigger();
        QCOMPARE(m_dialogs.asked.size(), 1);
        QVERIFY(m_dialogs.asked.last().contains(QStringLiteral("Delete this entry")));
        QCOMPARE(services->outbox().count(), 0);
        m_dialogs.confirmAnswer = [](const Question&) {
            return true;
        };
        window.entryView()->deleteAction()->trigger();
        QTRY_COMPARE(services->outbox().count(), 1);
        const QList<OutboxItem> queued = services->outbox().items();
        QCOMPARE(toString(queued.first().operation), toString(OutboxOperation::Delete));
        QCOMPARE(queued.first().itemid, 1);
    }

    void switchesJournalsAndFollowsTheMirror()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("journal.sqlite")));
        QString error;
        const qint64 alice = Sample::prepare(db, &error);
        QVERIFY2(alice, qPrintable(error));
        JournalStore store(db.connection());
        const qint64 community = store.journalId(QStringLiteral("dw"), QStringLiteral("bookclub"));
        QVERIFY(community);
        QVERIFY(store.upsertEntries(alice, {Sample::entry(1, QStringLiteral("2024-01-01 10:00:00"),
                                                          QStringLiteral("mine"), QString())}));
        QVERIFY(store.upsertEntries(
            community,
            {Sample::entry(7, QStringLiteral("2024-01-02 10:00:00"), QStringLiteral("club"), QString()),
             Sample::entry(8, QStringLiteral("2024-01-03 10:00:00"), QStringLiteral("club 2"), QString())}));
        const auto services = openProfile(temp);
        QVERIFY(services);
        MainWindow window(*services, m_dialogs);
        testModelsUnder(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.journalSelector()->count(), 2);
        QCOMPARE(window.journalSelector()->currentJournalId(), alice);
        QVERIFY(window.journalSelector()->selectJournal(community));
        QCOMPARE(window.entryCount(), 2);
        QCOMPARE(window.historyView()->model()->itemidAt(0), 8);
        QCOMPARE(window.entryView()->itemid(), 8);
        QVERIFY(window.journalSelector()->currentText().contains(QStringLiteral("community")));

        // A sync (here: the writer connection) commits; the window notices by itself.
        QVERIFY(store.upsertEntries(community, {Sample::entry(9, QStringLiteral("2024-01-04 10:00:00"),
                                                              QStringLiteral("club 3"), QString())}));
        QTRY_COMPARE_WITH_TIMEOUT(window.historyView()->model()->rowCount(), 3, 6000);
        QCOMPARE(window.entryCount(), 3);
        QCOMPARE(window.entryView()->itemid(), 8); // the entry being read stays open
    }

    void anAccountWithoutEntriesKeepsTheEmptyPage()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("journal.sqlite")));
        QString error;
        QVERIFY2(Sample::prepare(db, &error), qPrintable(error));
        const auto services = openProfile(temp);
        QVERIFY(services);
        MainWindow window(*services, m_dialogs);
        testModelsUnder(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("emptyJournalTitle"))->isVisible());
        window.reloadMirror();
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("emptyJournalTitle"))->isVisible());
    }

    void writingFromTheEmptyPageShowsTheDraftsAndFriendsOpen()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("journal.sqlite")));
        QString error;
        QVERIFY2(Sample::prepare(db, &error), qPrintable(error));
        const auto services = openProfile(temp);
        QVERIFY(services);
        MainWindow window(*services, m_dialogs);
        testModelsUnder(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // "Write an Entry" on the empty page opens an editor; once a draft exists the tabs show.
        window.findChild<QPushButton*>(QStringLiteral("emptyJournalWrite"))->click();
        QCOMPARE(window.writingDesk()->openEditors().size(), 1);
        EditorWindow* editor = window.writingDesk()->openEditors().first();
        QTest::keyClicks(editor->form()->subjectEdit(), QStringLiteral("first words"));
        editor->close();
        QTRY_VERIFY(window.draftsView()->isVisibleTo(&window) || window.browseTabs()->isVisibleTo(&window));
        QTRY_VERIFY(!window.findChild<QLabel*>(QStringLiteral("emptyJournalTitle"))->isVisible());
        window.browseTabs()->setCurrentWidget(window.draftsView());
        QVERIFY(window.draftsView()->list()->item(0)->text().startsWith(QStringLiteral("first words")));

        window.findChild<QAction*>(QStringLiteral("actionFriends"))->trigger();
        QTRY_VERIFY(window.findChild<FriendsView*>() == nullptr); // its own window, not a child
        bool shown = false;
        for (QWidget* top : QApplication::topLevelWidgets())
            shown = shown || (qobject_cast<FriendsView*>(top) && top->isVisible());
        QVERIFY(shown);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
