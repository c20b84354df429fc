#pragma once

#include "mainwindow/JournalSelector.h"
#include "preferences/DesktopSettings.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace Inkwell {

class CalendarView;
class Dialogs;
class DraftsView;
class FriendsView;
class OutboxView;
class ProfileServices;
class SyncCoordinator;
class SyncStatusWidget;
class TrayIcon;
class WritingDesk;
class EntryView;
class HistoryView;
class JournalReader;
class JournalSelector;
class MirrorWatcher;
class SearchView;

// The application window. It only assembles the views — the journal selector, the History,
// Calendar and Search tabs, the entry view beside them and the status bar — and passes the
// selected journal and entry between them; each view owns its behaviour, and the services they
// use come from the profile (ProfileServices), built by the program. The views read the mirror
// through one read-only connection on the GUI thread (bounded, indexed queries only); searches run
// on their own thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `dialogs`: how the window and its views ask the user (the program's WindowDialogs).
    MainWindow(ProfileServices& services, Dialogs& dialogs, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Entries in the journal shown (0 when there is none).
    int entryCount() const { return m_entryCount; }

    JournalSelector* journalSelector() const { return m_journals; }
    QTabWidget* browseTabs() const { return m_tabs; }
    HistoryView* historyView() const { return m_history; }
    CalendarView* calendarView() const { return m_calendar; }
    SearchView* searchView() const { return m_search; }
    EntryView* entryView() const { return m_entry; }
    DraftsView* draftsView() const { return m_drafts; }
    OutboxView* outboxView() const { return m_outbox; }
    WritingDesk* writingDesk() const { return m_desk; }
    SyncCoordinator* syncCoordinator() const;

    // An editor for a new entry in the journal being browsed (File → New Entry).
    void newEntry();
    // This window shows the demo journal (`inkwell --demo`): its title and a banner say so.
    void setDemo(bool demo);

    // The Accounts dialog (File → Accounts…).
    void showAccounts();
    // Sends every account's outbox, then mirrors its journals.
    void syncNow();
    // Asks how often to sync by itself.
    void chooseSyncInterval();
    // Edit the profile's settings (File → Preferences…).
    void showPreferences();
    // The desktop program's preferences (closing to the tray, remote images, ...).
    DesktopSettings& settings() { return m_settings; }
    // Shows the window as the user wants it at start: minimised (or only in the tray) by choice.
    void showAtStart();
    TrayIcon* trayIcon() const { return m_tray; }
    // Help → Keyboard Shortcuts: every menu action with a shortcut, one a line.
    void showShortcuts();
    QString shortcutsText() const;
    // Asks for an account, a picture file and keywords, and uploads the picture (uploadpic).
    void uploadUserpic();
    void uploadUserpicFor(const QString& account);
    // Asks for the Weblogs.com-style server to ping after public posts (empty: none).
    void choosePingServer();
    // The friends manager (its own window).
    void showFriends();

    // Reads the mirror again (after a sync); done by itself when another connection commits.
    void reloadMirror();

protected:
    void closeEvent(QCloseEvent* event) override;

signals:
    // The user asked to try the demo journal (the empty window's button); the program opens it.
    void demoRequested();
    // The user asked to restart Inkwell (to speak a newly chosen language); the window closes as
    // File → Quit closes it, and the program starts anew once it has quit.
    void restartRequested();

private:
    // Size, splitter, tab and journal, kept in the profile's settings between runs.
    void saveWindowState() const;
    void restoreWindowState();
    void createMenus();
    void offerRestartFor(const QString& language);
    void showAbout();
    void showJournal(qint64 journalId);
    void updateStatus();
    void updateMoodNames();
    QList<OfferedJournal> offeredCommunities() const;
    void mirrorCommunity(const OfferedJournal& community);
    bool profileHasEntries() const;
    void wireWriting();
    void wireServices();
    std::optional<struct MirroredJournal> mirroredJournal(qint64 journalId) const;
    void updateOutboxTab();

    ProfileServices& m_services;
    DesktopSettings m_settings;
    Dialogs& m_dialogs;
    WritingDesk* m_desk = nullptr;
    DraftsView* m_drafts = nullptr;
    QPointer<FriendsView> m_friends;
    OutboxView* m_outbox = nullptr;
    std::unique_ptr<JournalReader> m_reader;
    MirrorWatcher* m_watcher = nullptr;
    QStackedWidget* m_pages = nullptr;
    QSplitter* m_browser = nullptr;
    JournalSelector* m_journals = nullptr;
    QTabWidget* m_tabs = nullptr;
    HistoryView* m_history = nullptr;
    CalendarView* m_calendar = nullptr;
    SearchView* m_search = nullptr;
    EntryView* m_entry = nullptr;
    QLabel* m_storageLabel = nullptr;
    QLabel* m_demoBanner = nullptr;
    bool m_demo = false;
    TrayIcon* m_tray = nullptr;
    bool m_quitting = false; // File → Quit: closing quits even when the window would go to the tray
    SyncStatusWidget* m_syncStatus = nullptr;
    qint64 m_journalId = 0;
    int m_entryCount = 0;
};

} // namespace Inkwell
