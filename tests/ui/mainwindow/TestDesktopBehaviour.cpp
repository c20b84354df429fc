// What a desktop program owes its user beyond its views: Quit quits (every window, the drafts
// kept), the window comes back as it was left, New Entry writes to the journal being read, the
// menu offers only what the server can do, and the editor says why it will not post an entry
// nobody could read. The real window over a profile, offscreen.

#include "SampleJournal.h"
#include "ScriptedDialogs.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "editor/EditorWindow.h"
#include "editor/EntryForm.h"
#include "friends/FriendRequests.h"
#include "friends/FriendsStore.h"
#include "friends/FriendsView.h"
#include "mainwindow/JournalSelector.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/SyncStatusWidget.h"
#include "mainwindow/TrayIcon.h"
#include "preferences/PreferencesDialog.h"
#include "store/Database.h"
#include "store/DraftStore.h"
#include "store/JournalStore.h"
#include "store/Outbox.h"
#include "sync/SyncScheduler.h"
#include "writing/WritingDesk.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

class TestDesktopBehaviour : public QObject
{
    Q_OBJECT
    MemoryPasswordStore m_passwords;
    ScriptedDialogs m_dialogs;

    // A profile with alice's journal (one entry) and the community bookclub (two), on Dreamwidth.
    struct Profile
    {
        QTemporaryDir temp;
        qint64 alice = 0;
        qint64 bookclub = 0;
        std::unique_ptr<ProfileServices> services;
    };

    std::unique_ptr<Profile> openProfile()
    {
        auto profile = std::make_unique<Profile>();
        Database db(profile->temp.filePath(QStringLiteral("journal.sqlite")));
        QString error;
        profile->alice = Sample::prepare(db, &error);
        if (!profile->alice)
            return nullptr;
        JournalStore store(db.connection());
        profile->bookclub = store.journalId(QStringLiteral("dw"), QStringLiteral("bookclub"));
        if (!store.upsertEntries(profile->alice, {Sample::entry(1, QStringLiteral("2024-01-01 10:00:00"),
                                                                QStringLiteral("mine"), QString())}) ||
            !store.upsertEntries(profile->bookclub, {Sample::entry(7, QStringLiteral("2024-01-02 10:00:00"),
                                                                   QStringLiteral("club"), QString()),
                                                     Sample::entry(8, QStringLiteral("2024-01-03 10:00:00"),
                                                                   QStringLiteral("club 2"), QString())}))
            return nullptr;
        profile->services =
            ProfileServices::open(Inkwell::Profile::atDirectory(profile->temp.path()), m_passwords, nullptr);
        return profile->services ? std::move(profile) : nullptr;
    }

    static QAction* action(const MainWindow& window, const char* name)
    {
        return window.findChild<QAction*>(QLatin1String(name));
    }

private slots:
    void quitClosesEveryWindowAndKeepsWhatWasTyped()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        MainWindow window(*profile->services, m_dialogs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        action(window, "actionNewEntry")->trigger();
        QCOMPARE(window.writingDesk()->openEditors().size(), 1);
        QPointer<EditorWindow> editor = window.writingDesk()->openEditors().first();
        QTest::keyClicks(editor->form()->subjectEdit(), QStringLiteral("half a thought"));
        action(window, "actionFriends")->trigger();
        QPointer<FriendsView> friends;
        for (QWidget* top : QApplication::topLevelWidgets()) {
            if (auto* view = qobject_cast<FriendsView*>(top))
                friends = view;
        }
        QVERIFY(friends && friends->isVisible());

        action(window, "actionQuit")->trigger();
        QVERIFY(!window.isVisible());
        QTRY_VERIFY(!editor || !editor->isVisible());
        QTRY_VERIFY(!friends || !friends->isVisible());
        const QList<Draft> drafts = profile->services->drafts().drafts();
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.first().entry.subject, QStringLiteral("half a thought"));
    }

    void newEntryIsForTheJournalBeingRead()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        MainWindow window(*profile->services, m_dialogs);
        window.show();
        QVERIFY(window.journalSelector()->selectJournal(profile->bookclub));
        action(window, "actionNewEntry")->trigger();
        EditorWindow* editor = window.writingDesk()->openEditors().last();
        QCOMPARE(editor->currentDraft().account, QStringLiteral("dw"));
        QCOMPARE(editor->currentDraft().journal, QStringLiteral("bookclub"));
        QCOMPARE(editor->form()->journalBox()->currentText(), QStringLiteral("bookclub"));
        editor->close();
    }

    void theWindowComesBackAsItWasLeft()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        QList<int> sizes;
        {
            MainWindow window(*profile->services, m_dialogs);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(900, 640);
            QVERIFY(window.journalSelector()->selectJournal(profile->bookclub));
            window.browseTabs()->setCurrentIndex(1); // Calendar
            auto* splitter = window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
            splitter->setSizes({300, 600});
            sizes = splitter->sizes();
            window.close();
        }
        MainWindow again(*profile->services, m_dialogs);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(900, 640));
        QCOMPARE(again.journalSelector()->currentJournalId(), profile->bookclub);
        QCOMPARE(again.browseTabs()->currentIndex(), 1);
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes(), sizes);
    }

    void uploadUserpicIsNotOfferedWhereTheServerHasNoSuchMode()
    {
        const auto profile = openProfile(); // its one account is on dreamwidth.org
        QVERIFY(profile);
        MainWindow window(*profile->services, m_dialogs);
        QAction* upload = action(window, "actionUploadUserpic");
        QVERIFY(upload);
        auto* fileMenu = window.menuBar()->actions().first()->menu();
        emit fileMenu->aboutToShow();
        QVERIFY(!upload->isEnabled());
    }

    // The demo opens in a program of its own (main.cpp starts `inkwell --demo`); the window only
    // asks for it, and a demo window says what it is.
    void theDemoIsAskedForAndSaysWhatItIs()
    {
        QTemporaryDir empty;
        const auto services =
            ProfileServices::open(Inkwell::Profile::atDirectory(empty.path()), m_passwords, nullptr);
        QVERIFY(services);
        MainWindow window(*services, m_dialogs);
        window.show();
        auto* button = window.findChild<QPushButton*>(QStringLiteral("emptyJournalDemo"));
        QVERIFY(button && button->isVisible());
        QSignalSpy asked(&window, &MainWindow::demoRequested);
        button->click();
        QCOMPARE(asked.count(), 1);

        auto* banner = window.findChild<QLabel*>(QStringLiteral("demoBanner"));
        QVERIFY(banner && !banner->isVisible());
        window.setDemo(true);
        QVERIFY(banner->isVisible());
        QVERIFY(window.windowTitle().contains(QStringLiteral("Demo")));
        window.setDemo(false);
        QVERIFY(!banner->isVisible());
    }

    // The tray icon's tooltip says what the status bar says of syncing (and of unsent changes).
    void theTraySaysHowSyncingGoes()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        MainWindow window(*profile->services, m_dialogs);
        QVERIFY(window.trayIcon());
        QVERIFY(window.trayIcon()->toolTip().startsWith(QStringLiteral("Inkwell")));
        OutboxItem item;
        item.account = QStringLiteral("dw");
        item.journal = QStringLiteral("alice");
        item.entry.body = QStringLiteral("not sent yet");
        QVERIFY(profile->services->outbox().enqueue(item) > 0);
        window.findChild<SyncStatusWidget*>()->refresh();
        QVERIFY2(window.trayIcon()->toolTip().contains(QStringLiteral("1 change not sent yet")),
                 qPrintable(window.trayIcon()->toolTip()));
    }

    // Closing to the tray is a preference, offered and obeyed only where the desktop has a tray:
    // without one, closing the window still closes it.
    void closingToTheTrayIsAPreference()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        MainWindow window(*profile->services, m_dialogs);
        QVERIFY(!window.settings().closesToTray());
        std::optional<bool> offered;
        m_dialogs.dialogAnswer = [&offered](QDialog& dialog) {
            offered = static_cast<PreferencesDialog&>(dialog).closeToTrayBox()->isEnabled();
            return int(QDialog::Accepted);
        };
        window.showPreferences();
        QCOMPARE(offered, std::optional<bool>(false)); // offscreen: no tray, nothing to offer
        QVERIFY(!window.settings().closesToTray());
        m_dialogs.dialogAnswer = {};
        m_dialogs.asked.clear();

        window.settings().setClosesToTray(true);
        PreferencesDialog dialog(*profile->services, window.settings());
        dialog.setTrayAvailable(true);
        QVERIFY(dialog.closeToTrayBox()->isEnabled() && dialog.closeToTrayBox()->isChecked());
        dialog.setTrayAvailable(false);
        QVERIFY(!dialog.closeToTrayBox()->isEnabled() && !dialog.closeToTrayBox()->isChecked());
        QVERIFY(dialog.apply());
        QVERIFY(window.settings().closesToTray()); // not offered: the choice made elsewhere stands
        window.show();
        QVERIFY(window.close()); // no tray here: the window closes
        QVERIFY(!window.isVisible());
    }

    // Starting minimised is a preference: without a tray (offscreen) the window starts minimised
    // rather than hidden, so there is always a way back to it.
    void startingMinimisedIsAPreference()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        {
            MainWindow window(*profile->services, m_dialogs);
            window.showAtStart();
            QVERIFY(window.isVisible() && !window.isMinimized());
            window.settings().setStartsMinimised(true);
        }
        MainWindow window(*profile->services, m_dialogs);
        window.showAtStart();
        QVERIFY(window.isMinimized());
    }

    // A new interface language shows from the next start: Inkwell offers to restart, and a restart
    // closes the window as File → Quit does before the program starts anew. Declined, or with the
    // language unchanged, nothing closes.
    void aNewLanguageOffersARestart()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        MainWindow window(*profile->services, m_dialogs);
        window.show();
        QSignalSpy restarts(&window, &MainWindow::restartRequested);
        const auto choose = [this](const QString& language) {
            m_dialogs.dialogAnswer = [language](QDialog& dialog) {
                auto& preferences = static_cast<PreferencesDialog&>(dialog);
                preferences.languageBox()->setCurrentIndex(preferences.languageBox()->findData(language));
                return preferences.apply() ? int(QDialog::Accepted) : int(QDialog::Rejected);
            };
        };
        window.setDemo(true); // the demo starts afresh, its language too: no question
        choose(QStringLiteral("en"));
        window.showPreferences();
        QCOMPARE(m_dialogs.asked.size(), 1);
        window.setDemo(false);
        m_dialogs.asked.clear();

        choose(QStringLiteral("en")); // unchanged: no question
        window.showPreferences();
        QCOMPARE(m_dialogs.asked.size(), 1);

        choose(QStringLiteral("de"));
        m_dialogs.confirmAnswer = [](const Question&) {
            return false;
        };
        window.showPreferences();
        QCOMPARE(m_dialogs.asked.size(), 3);
        QVERIFY2(m_dialogs.asked.last().contains(QStringLiteral("Deutsch")),
                 qPrintable(m_dialogs.asked.last()));
        QVERIFY(restarts.isEmpty() && window.isVisible());
        QCOMPARE(window.settings().interfaceLanguage(), QStringLiteral("de")); // kept either way

        choose(QStringLiteral("ru"));
        m_dialogs.confirmAnswer = [](const Question&) {
            return true;
        };
        window.showPreferences();
        QCOMPARE(restarts.size(), 1);
        QVERIFY(!window.isVisible());

        m_dialogs.dialogAnswer = {};
        m_dialogs.confirmAnswer = {};
        m_dialogs.asked.clear();
    }

    // Help lists the shortcuts the menus have, read off the menus themselves.
    void theShortcutsAreListedInHelp()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        MainWindow window(*profile->services, m_dialogs);
        const QString listed = window.shortcutsText();
        for (const char* name : {"actionNewEntry", "actionSync", "actionPreferences", "actionFriends"}) {
            QAction* item = action(window, name);
            QVERIFY2(item && !item->shortcut().isEmpty(), name);
            QVERIFY2(listed.contains(item->shortcut().toString(QKeySequence::NativeText) + u'\t'),
                     qPrintable(listed));
            QVERIFY2(listed.contains(QString(item->text()).remove(u'&')), qPrintable(listed));
        }
        m_dialogs.asked.clear();
        action(window, "actionShortcuts")->trigger();
        QCOMPARE(m_dialogs.asked, QStringList{listed});
        m_dialogs.asked.clear();
    }

    void customSecurityWithNoGroupTickedIsNotPostedAsPrivate()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        // The trust groups the friends sync fetched (on Dreamwidth the login brings none).
        FriendsSnapshot snapshot;
        snapshot.groups = {{1, QStringLiteral("Close friends"), 10, false},
                           {2, QStringLiteral("Book people"), 20, false}};
        QVERIFY(profile->services->friendsStore().replaceFromServer(QStringLiteral("dw"), snapshot,
                                                                    Flavor::Dreamwidth));
        MainWindow window(*profile->services, m_dialogs);
        window.show();
        action(window, "actionNewEntry")->trigger();
        EditorWindow* editor = window.writingDesk()->openEditors().last();
        QTest::keyClicks(editor->form()->subjectEdit(), QStringLiteral("for some"));
        editor->form()->securityBox()->setCurrentIndex(3); // Custom groups
        QListWidget* groups = editor->form()->groupList();
        QCOMPARE(groups->count(), 2);
        QCOMPARE(groups->item(0)->text(), QStringLiteral("Close friends"));

        QVERIFY(!editor->post());
        QVERIFY2(editor->findChild<QLabel*>(QStringLiteral("editorStatus"))
                     ->text()
                     .contains(QStringLiteral("Tick at least one group")),
                 "the editor says why");
        QCOMPARE(profile->services->outbox().count(), 0);

        groups->item(1)->setCheckState(Qt::Checked);
        QVERIFY(editor->post());
        const QList<OutboxItem> queued = profile->services->outbox().items();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().entry.allowmask, quint64(1) << 2);
        // The status bar counts it until the server has it (here: no password, it waits).
        QTRY_VERIFY(
            window.findChild<SyncStatusWidget*>()->text().contains(QStringLiteral("1 change not sent yet")));
    }

    void theSyncIntervalIsChosenAndKept()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        MainWindow window(*profile->services, m_dialogs);
        QStringList offered;
        m_dialogs.itemAnswer = [&](const QStringList& items) {
            offered = items;
            return std::optional(QStringLiteral("Every hour"));
        };
        action(window, "actionSyncInterval")->trigger();
        m_dialogs.itemAnswer = nullptr;
        QCOMPARE(offered.first(), QStringLiteral("Every 15 minutes")); // the current one first
        QVERIFY(offered.contains(QStringLiteral("Only when I ask")));
        QCOMPARE(profile->services->syncInterval(), std::chrono::minutes(60));
        QCOMPARE(profile->services->scheduler().interval(), std::chrono::minutes(60));
    }

    void aPassingMessageTakesTheStorageLabelsPlace()
    {
        const auto profile = openProfile();
        QVERIFY(profile);
        MainWindow window(*profile->services, m_dialogs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* storage = window.findChild<QLabel*>(QStringLiteral("storageLabel"));
        QVERIFY(storage->isVisible());
        window.statusBar()->showMessage(QStringLiteral("dw: 1 entry posted."));
        QVERIFY(!storage->isVisible());
        window.statusBar()->clearMessage();
        QVERIFY(storage->isVisible());
    }
};

QTEST_MAIN(TestDesktopBehaviour)
#include "TestDesktopBehaviour.moc"
