#include "mainwindow/MainWindow.h"

#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "account/LoginRunner.h"
#include "account/UserpicUpload.h"
#include "accounts/AccountDialog.h"
#include "accounts/AccountListDialog.h"
#include "app/InterfaceLanguage.h"
#include "app/ProfileServices.h"
#include "calendar/CalendarView.h"
#include "common/Dialogs.h"
#include "common/JournalReader.h"
#include "entryview/EntryView.h"
#include "friends/FriendsView.h"
#include "friends/NewPostsWatcher.h"
#include "history/HistoryView.h"
#include "journal/BloggerContent.h"
#include "mainwindow/EmptyJournalPage.h"
#include "mainwindow/JournalSelector.h"
#include "mainwindow/SyncStatusWidget.h"
#include "mainwindow/TrayIcon.h"
#include "outbox/OutboxView.h"
#include "preferences/PreferencesDialog.h"
#include "search/SearchView.h"
#include "store/Database.h"
#include "store/DraftStore.h"
#include "store/Outbox.h"
#include "sync/OutboxService.h"
#include "sync/SyncCoordinator.h"
#include "sync/SyncScheduler.h"
#include "writing/DraftsView.h"
#include "writing/WritingDesk.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Inkwell {

namespace {

constexpr int mirrorPollMs = 2000;

bool isDreamwidth(const Account& account)
{
    return account.flavor == Flavor::Dreamwidth || looksLikeDreamwidth(account);
}

// Dreamwidth has no uploadpic mode (its userpics are uploaded on the web site), the Blogger API no
// userpics at all.
bool takesUserpics(const Account& account)
{
    return !isDreamwidth(account) && account.hasFullProtocol();
}

} // namespace

MainWindow::MainWindow(ProfileServices& services, Dialogs& dialogs, QWidget* parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_settings(services.profile().settingsPath())
    , m_dialogs(dialogs)
    , m_reader(std::make_unique<JournalReader>(services.database()))
{
    m_desk = new WritingDesk(services, dialogs, this);
    setWindowTitle(tr("Inkwell"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1180, 760);

    m_journals = new JournalSelector(this);
    m_history = new HistoryView(this);
    m_calendar = new CalendarView(this);
    m_search = new SearchView(services.database(), this);
    m_entry = new EntryView(services.remoteFetcher(), this);
    m_entry->setLoadsRemoteContent(m_settings.loadsRemoteImages());
    m_drafts = new DraftsView(services.drafts(), this);
    m_outbox = new OutboxView(services.outboxService(), services.drafts(), dialogs, this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("browseTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_history, tr("&History"));
    m_tabs->addTab(m_calendar, tr("&Calendar"));
    m_tabs->addTab(m_search, tr("&Search"));
    m_tabs->addTab(m_drafts, tr("&Drafts"));
    m_tabs->addTab(m_outbox, tr("&Outbox"));

    auto* journalLabel = new QLabel(tr("&Journal:"), this);
    journalLabel->setBuddy(m_journals);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 0);
    auto* journalRow = new QHBoxLayout;
    journalRow->addWidget(journalLabel);
    journalRow->addWidget(m_journals, 1);
    leftLayout->addLayout(journalRow);
    leftLayout->addWidget(m_tabs, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_entry);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({500, 680});
    splitter->setChildrenCollapsible(false);
    m_browser = splitter;

    m_pages = new QStackedWidget(this);
    auto* emptyPage = new EmptyJournalPage(m_pages);
    connect(emptyPage, &EmptyJournalPage::addAccountRequested, this, &MainWindow::showAccounts);
    connect(emptyPage, &EmptyJournalPage::newEntryRequested, this, &MainWindow::newEntry);
    connect(emptyPage, &EmptyJournalPage::demoRequested, this, &MainWindow::demoRequested);
    m_pages->addWidget(emptyPage);
    m_pages->addWidget(m_browser);
    m_demoBanner = new QLabel(
        tr("<b>Demo journal.</b> A sample journal on a server on this computer: try anything, nothing "
           "leaves it and your own journal is not touched. Close this window to leave the demo; it "
           "starts afresh next time."),
        this);
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setWordWrap(true);
    m_demoBanner->setMargin(6);
    m_demoBanner->setAutoFillBackground(true);
    m_demoBanner->setBackgroundRole(QPalette::ToolTipBase);
    m_demoBanner->setForegroundRole(QPalette::ToolTipText);
    m_demoBanner->hide();
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_demoBanner);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_storageLabel = new QLabel(this);
    m_storageLabel->setObjectName(QStringLiteral("storageLabel"));
    m_storageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_storageLabel, 1);
    // A passing message takes the label's place instead of being drawn over it.
    connect(statusBar(), &QStatusBar::messageChanged, m_storageLabel,
            [this](const QString& message) { m_storageLabel->setVisible(message.isEmpty()); });
    m_syncStatus =
        new SyncStatusWidget(services.sync(), services.scheduler(), services.outboxService(), dialogs, this);
    statusBar()->addPermanentWidget(m_syncStatus);

    createMenus();

    connect(m_journals, &JournalSelector::journalChanged, this, &MainWindow::showJournal);
    connect(m_journals, &JournalSelector::mirrorRequested, this, &MainWindow::mirrorCommunity);
    connect(m_history, &HistoryView::entrySelected, m_entry, &EntryView::showEntry);
    connect(m_calendar, &CalendarView::entrySelected, m_entry, &EntryView::showEntry);
    connect(m_search, &SearchView::entrySelected, m_entry, &EntryView::showEntry);
    connect(m_entry, &EntryView::linkHovered, this, [this](const QString& url) {
        if (url.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(url);
    });
    wireWriting();
    wireServices();

    m_watcher = new MirrorWatcher(*m_reader, mirrorPollMs, this);
    connect(m_watcher, &MirrorWatcher::mirrorChanged, this, &MainWindow::reloadMirror);

    m_journals->reload(m_reader->store(), offeredCommunities());
    if (m_journals->journalCount() == 0)
        showJournal(0);
    restoreWindowState();
}

MainWindow::~MainWindow()
{
    delete m_friends.data(); // a window of its own, but it goes with this one
    // The views and the watcher use the reader: they go first.
    delete m_watcher;
    delete takeCentralWidget();
}

void MainWindow::newEntry()
{
    // For the journal being browsed: a community's entry goes to the community.
    if (const auto journal = mirroredJournal(m_journalId))
        m_desk->newEntry(journal->accountName, journal->journal);
    else
        m_desk->newEntry();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    // Kept in the tray when the user wants it there: syncing and notices go on; File → Quit quits.
    if (!m_quitting && m_settings.closesToTray() && TrayIcon::isAvailable()) {
        hide();
        event->ignore();
        return;
    }
    // Quitting closes every window of the profile; the editors keep what they hold as drafts.
    m_desk->closeEditors();
    if (m_friends)
        m_friends->close();
    event->accept();
}

void MainWindow::saveWindowState() const
{
    QSettings settings(m_services.profile().settingsPath(), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("splitter"), m_browser->saveState());
    settings.setValue(QStringLiteral("tab"), m_tabs->currentIndex());
    const auto journal = mirroredJournal(m_journalId);
    settings.setValue(QStringLiteral("account"), journal ? journal->accountName : QString());
    settings.setValue(QStringLiteral("journal"), journal ? journal->journal : QString());
}

void MainWindow::restoreWindowState()
{
    QSettings settings(m_services.profile().settingsPath(), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("window"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    m_browser->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    const int tab = settings.value(QStringLiteral("tab"), 0).toInt();
    if (tab >= 0 && tab < m_tabs->count())
        m_tabs->setCurrentIndex(tab);
    const QString account = settings.value(QStringLiteral("account")).toString();
    const QString journal = settings.value(QStringLiteral("journal")).toString();
    for (const MirroredJournal& each : m_reader->store().journals()) {
        if (each.accountName == account && each.journal == journal)
            m_journals->selectJournal(each.id);
    }
}

void MainWindow::wireWriting()
{
    m_entry->setEntryActionsAvailable(true);
    connect(m_entry, &EntryView::editRequested, this, [this](qint64 journalId, qint64 itemid) {
        if (const auto journal = mirroredJournal(journalId))
            m_desk->editEntry(journal->accountName, journal->journal, itemid);
    });
    connect(m_entry, &EntryView::deleteRequested, this, [this](qint64 journalId, qint64 itemid) {
        const auto journal = mirroredJournal(journalId);
        if (!journal)
            return;
        const Question question{tr("Delete Entry"), tr("Delete this entry from %1?").arg(journal->journal),
                                tr("It is deleted on the server too, now or as soon as the server can be "
                                   "reached."),
                                true};
        m_dialogs.confirm(this, question, [this, journal, itemid](bool yes) {
            if (yes)
                m_desk->deleteEntry(journal->accountName, journal->journal, itemid);
        });
    });
    connect(m_drafts, &DraftsView::openRequested, m_desk, &WritingDesk::openDraft);
    connect(m_drafts, &DraftsView::newEntryRequested, this, &MainWindow::newEntry);
    connect(m_outbox, &OutboxView::openDraftRequested, m_desk, &WritingDesk::openDraft);
    connect(m_desk, &WritingDesk::draftsChanged, m_drafts, &DraftsView::refresh);
    connect(m_desk, &WritingDesk::draftsChanged, this, &MainWindow::updateStatus);
    connect(m_desk, &WritingDesk::outboxChanged, m_outbox, &OutboxView::refresh);
    connect(m_desk, &WritingDesk::outboxChanged, this, &MainWindow::updateOutboxTab);
    connect(m_desk, &WritingDesk::outboxChanged, m_syncStatus, &SyncStatusWidget::refresh);
    connect(m_desk, &WritingDesk::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    updateOutboxTab();
}

// What the profile's services report goes to the status bar.
void MainWindow::wireServices()
{
    // The status bar's SyncStatusWidget tells how syncing goes; the window shows what it brought.
    SyncCoordinator& sync = m_services.sync();
    connect(&sync, &SyncCoordinator::finished, this, &MainWindow::reloadMirror);
    connect(&sync, &SyncCoordinator::failed, this, &MainWindow::updateStatus);
    connect(&m_services.outboxService(), &OutboxService::pinged, this,
            [this](const QString& account, bool ok, const QString& text) {
                statusBar()->showMessage(ok ? tr("%1: ping sent (%2)").arg(account, text)
                                            : tr("%1: ping failed: %2").arg(account, text),
                                         10000);
            });
    m_tray = new TrayIcon(m_services.newPosts(), this);
    m_tray->setSyncText(m_syncStatus->text());
    connect(m_syncStatus, &SyncStatusWidget::textChanged, m_tray, &TrayIcon::setSyncText);
    connect(m_tray, &TrayIcon::windowRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_tray, &TrayIcon::newPostsOpened, this, [this] {
        showNormal();
        raise();
        activateWindow();
        showFriends();
    });
    connect(&m_services.newPosts(), &NewPostsWatcher::newPosts, this, [this](const QString& account) {
        statusBar()->showMessage(tr("%1: your friends page has new posts.").arg(account), 30000);
    });
    connect(
        &m_services.userpics(), &UserpicUpload::finished, this, [this](bool done, const QString& message) {
            statusBar()->showMessage(
                done ? message + tr(" Log in again (Accounts) to see it in the editor.") : message, 15000);
        });
}

SyncCoordinator* MainWindow::syncCoordinator() const
{
    return &m_services.sync();
}

std::optional<MirroredJournal> MainWindow::mirroredJournal(qint64 journalId) const
{
    for (const MirroredJournal& journal : m_reader->store().journals()) {
        if (journal.id == journalId)
            return journal;
    }
    return std::nullopt;
}

void MainWindow::updateOutboxTab()
{
    const int waiting = m_desk->outbox().outbox().count();
    m_tabs->setTabText(m_tabs->indexOf(m_outbox),
                       waiting == 0 ? tr("&Outbox") : tr("&Outbox (%1)").arg(waiting));
}

void MainWindow::showAccounts()
{
    auto* dialog = new AccountListDialog(m_services.database(), m_services.passwords(), m_services.logins(),
                                         m_dialogs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountListDialog::accountsChanged, this, &MainWindow::reloadMirror);
    connect(dialog, &AccountListDialog::accountsChanged, &m_services.scheduler(),
            &SyncScheduler::accountsChanged);
    connect(dialog, &AccountListDialog::accountsChanged, &m_services.newPosts(), &NewPostsWatcher::restart);
    dialog->open();
}

void MainWindow::showFriends()
{
    if (!m_friends) {
        m_friends = new FriendsView(m_services.friends(), m_services.database(), m_dialogs);
        m_friends->setAttribute(Qt::WA_DeleteOnClose);
        m_friends->setWindowTitle(tr("Friends — Inkwell"));
        m_friends->resize(900, 600);
    }
    m_friends->show();
    m_friends->raise();
    m_friends->activateWindow();
    for (const Account& account : m_services.accounts().accounts())
        m_services.newPosts().acknowledge(account.name); // seen: poll again when the server allows
}

void MainWindow::uploadUserpic()
{
    QStringList names;
    bool anyAccount = false;
    for (const Account& account : m_services.accounts().accounts()) {
        anyAccount = true;
        if (takesUserpics(account))
            names.append(account.name);
    }
    if (names.isEmpty()) {
        statusBar()->showMessage(anyAccount
                                     ? tr("None of your accounts takes userpics from Inkwell: Dreamwidth "
                                          "takes them on its web site only (Account → Upload Icons), "
                                          "and the Blogger API has none.")
                                     : tr("Add an account first (File → Accounts…)."),
                                 10000);
        return;
    }
    if (names.size() == 1)
        uploadUserpicFor(names.first());
    else
        m_dialogs.chooseItem(this, tr("Upload Userpic"), tr("Account:"), names,
                             [this](const QString& account) { uploadUserpicFor(account); });
}

void MainWindow::uploadUserpicFor(const QString& account)
{
    m_dialogs.chooseFileToOpen(
        this, tr("Userpic (at most 40 KB and 100x100)"), tr("Images (*.png *.gif *.jpg *.jpeg)"),
        [this, account](const QString& file) {
            m_dialogs.askText(this, tr("Upload Userpic"), tr("Keywords (comma-separated, optional):"),
                              QString(), [this, account, file](const QString& keywords) {
                                  m_services.userpics().upload(
                                      account, file, keywords.split(u',', Qt::SkipEmptyParts), false);
                              });
        });
}

void MainWindow::choosePingServer()
{
    m_dialogs.askText(
        this, tr("Ping Server"),
        tr("After each public post, tell this Weblogs.com-style XML-RPC server (weblogUpdates.ping).\n"
           "Leave empty for none. Example: http://rpc.weblogs.com/RPC2"),
        m_services.pingServer().toString(),
        [this](const QString& url) { m_services.setPingServer(QUrl(url.trimmed())); });
}

void MainWindow::syncNow()
{
    m_services.scheduler().syncNow();
}

void MainWindow::chooseSyncInterval()
{
    const QList<int> minutes{0, 5, 15, 30, 60, 180};
    // No translation gives English its plural forms yet: each wording is written out.
    const auto label = [](int each) {
        if (each == 0)
            return tr("Only when I ask");
        return each < 60 ? tr("Every %1 minutes").arg(each)
                         : (each == 60 ? tr("Every hour") : tr("Every %1 hours").arg(each / 60));
    };
    QStringList choices;
    for (int each : minutes)
        choices.append(label(each));
    const int current = int(m_services.syncInterval().count());
    const qsizetype at = minutes.indexOf(current);
    if (at > 0)
        choices.move(at, 0); // the current choice first: the dialog preselects it
    m_dialogs.chooseItem(this, tr("Sync Automatically"),
                         tr("Sync every journal at start-up, after posting, and:"), choices,
                         [this, minutes, label](const QString& chosen) {
                             for (int each : minutes) {
                                 if (chosen == label(each))
                                     m_services.setSyncInterval(std::chrono::minutes(each));
                             }
                         });
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* newEntry = fileMenu->addAction(tr("&New Entry"), this, &MainWindow::newEntry);
    newEntry->setShortcut(QKeySequence::New);
    newEntry->setObjectName(QStringLiteral("actionNewEntry"));
    QAction* sync = fileMenu->addAction(tr("S&ync Now"), this, &MainWindow::syncNow);
    sync->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    sync->setObjectName(QStringLiteral("actionSync"));
    QAction* interval =
        fileMenu->addAction(tr("Sync Au&tomatically…"), this, &MainWindow::chooseSyncInterval);
    interval->setObjectName(QStringLiteral("actionSyncInterval"));
    QAction* accounts = fileMenu->addAction(tr("&Accounts…"), this, &MainWindow::showAccounts);
    accounts->setObjectName(QStringLiteral("actionAccounts"));
    QAction* friends = fileMenu->addAction(tr("&Friends…"), this, &MainWindow::showFriends);
    friends->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    friends->setObjectName(QStringLiteral("actionFriends"));
    QAction* userpic = fileMenu->addAction(tr("Upload &Userpic…"), this, &MainWindow::uploadUserpic);
    userpic->setObjectName(QStringLiteral("actionUploadUserpic"));
    // Offered where the server has the mode: not when no account takes userpics.
    connect(fileMenu, &QMenu::aboutToShow, userpic, [this, userpic] {
        const QList<Account> known = m_services.accounts().accounts();
        userpic->setEnabled(known.isEmpty() || std::any_of(known.cbegin(), known.cend(), takesUserpics));
    });
    fileMenu->addAction(tr("&Ping Server after Posting…"), this, &MainWindow::choosePingServer);
    QAction* preferences = fileMenu->addAction(tr("Pr&eferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    fileMenu->addSeparator();
    QAction* reload = fileMenu->addAction(tr("&Reload the Local Journal"), this, &MainWindow::reloadMirror);
    reload->setShortcut(QKeySequence::Refresh);
    reload->setObjectName(QStringLiteral("actionReload"));
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, [this] {
        m_quitting = true;
        close();
    });
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    const QList<QPair<QString, QWidget*>> tabs{{tr("&History"), m_history},
                                               {tr("&Calendar"), m_calendar},
                                               {tr("&Search"), m_search},
                                               {tr("&Drafts"), m_drafts},
                                               {tr("&Outbox"), m_outbox}};
    for (int i = 0; i < tabs.size(); ++i) {
        QWidget* tab = tabs.at(i).second;
        QAction* action =
            viewMenu->addAction(tabs.at(i).first, this, [this, tab] { m_tabs->setCurrentWidget(tab); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    viewMenu->addSeparator();
    QAction* find = viewMenu->addAction(tr("&Find in Journal…"), this, [this] {
        m_tabs->setCurrentWidget(m_search);
        m_search->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(QStringLiteral("actionFind"));

    QMenu* entryMenu = menuBar()->addMenu(tr("&Entry"));
    entryMenu->addAction(m_entry->editAction());
    entryMenu->addAction(m_entry->deleteAction());

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = helpMenu->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    helpMenu->addAction(tr("&About Inkwell"), this, &MainWindow::showAbout);
}

QString MainWindow::shortcutsText() const
{
    // Read off the menus, so the list cannot fall behind them.
    QStringList lines;
    for (QAction* menuAction : menuBar()->actions()) {
        const QMenu* menu = menuAction->menu();
        if (!menu)
            continue;
        for (QAction* action : menu->actions()) {
            if (action->shortcut().isEmpty())
                continue;
            lines << QStringLiteral("%1\t%2 → %3")
                         .arg(action->shortcut().toString(QKeySequence::NativeText),
                              QString(menuAction->text()).remove(u'&'), QString(action->text()).remove(u'&'));
        }
    }
    return lines.join(u'\n');
}

void MainWindow::showShortcuts()
{
    m_dialogs.inform(this, tr("Keyboard Shortcuts"), shortcutsText());
}

void MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(m_services, m_settings, this);
    dialog->setTrayAvailable(TrayIcon::isAvailable());
    m_dialogs.run(dialog, [this, language = m_settings.interfaceLanguage()](int result) {
        if (result != QDialog::Accepted)
            return;
        m_entry->setLoadsRemoteContent(m_settings.loadsRemoteImages());
        if (m_settings.interfaceLanguage() != language)
            offerRestartFor(m_settings.interfaceLanguage());
    });
}

// The windows are built in the language Inkwell started with; a restart speaks the new one. The
// demo starts afresh each time, its choices with it: there the question would only mislead.
void MainWindow::offerRestartFor(const QString& language)
{
    if (m_demo)
        return;
    Question question;
    question.title = tr("Interface Language");
    question.text =
        tr("Inkwell speaks %1 from its next start. Restart Inkwell now?")
            .arg(language.isEmpty() ? tr("the system's language") : InterfaceLanguage::displayName(language));
    question.detail = tr("Open editors are closed and their text kept under Drafts; the outbox goes out "
                         "after the restart.");
    m_dialogs.confirm(this, question, [this](bool restart) {
        if (!restart)
            return;
        emit restartRequested();
        m_quitting = true;
        close();
    });
}

void MainWindow::showAtStart()
{
    if (!m_settings.startsMinimised())
        show();
    else if (!TrayIcon::isAvailable())
        showMinimized();
    // else only the tray icon shows; clicking it brings the window.
}

void MainWindow::showAbout()
{
    m_dialogs.inform(this, tr("About Inkwell"),
                     tr("<h3>Inkwell %1</h3><p>An offline-first desktop client for Dreamwidth, LiveJournal "
                        "and other sites that speak the LiveJournal protocol.</p>")
                         .arg(QStringLiteral(INKWELL_VERSION)));
}

void MainWindow::showJournal(qint64 journalId)
{
    m_journalId = journalId;
    const JournalStore* store = journalId ? &m_reader->store() : nullptr;
    updateMoodNames();
    m_entry->setJournal(store, journalId, m_journals->currentJournalName());
    m_history->setJournal(store, journalId);
    m_calendar->setJournal(store, journalId);
    m_search->setJournal(journalId);
    updateStatus();
    // The newest entry opens at once: the journal reads like a journal, not an empty form.
    if (m_history->model()->rowCount() > 0)
        m_history->list()->setCurrentIndex(m_history->model()->index(0, HistoryModel::EntryColumn));
}

QList<OfferedJournal> MainWindow::offeredCommunities() const
{
    // What each account's login says it may read, less what is mirrored already.
    QSet<QPair<QString, QString>> mirrored;
    for (const MirroredJournal& journal : m_reader->store().journals())
        mirrored.insert({journal.accountName, journal.journal});
    QList<OfferedJournal> offered;
    LoginInfoStore logins(m_services.database());
    for (const Account& account : m_services.accounts().accounts()) {
        const std::optional<StoredLogin> login = logins.load(account.name);
        if (!login)
            continue;
        for (const QString& community : login->info.usejournals) {
            if (!mirrored.contains({account.name, community}))
                offered.append({account.name, community});
        }
    }
    return offered;
}

void MainWindow::mirrorCommunity(const OfferedJournal& community)
{
    // Its row makes the sync mirror it, now and with every sync of the account from here on.
    const qint64 id = m_services.mirror().journalId(community.accountName, community.journal);
    if (id == 0) {
        statusBar()->showMessage(
            tr("%1 could not be added: %2").arg(community.journal, m_services.mirror().lastError()), 15000);
        return;
    }
    reloadMirror();
    m_journals->selectJournal(id);
    m_services.sync().sync(community.accountName);
}

void MainWindow::updateMoodNames()
{
    // The account's login brings the server's moods; it may come after the journal is shown.
    QHash<int, QString> moods;
    if (const auto journal = mirroredJournal(m_journalId)) {
        if (const auto login = LoginInfoStore(m_services.database()).load(journal->accountName)) {
            for (const Mood& mood : login->info.moods)
                moods.insert(mood.id, mood.name);
        }
    }
    m_entry->setMoodNames(moods);
}

void MainWindow::setDemo(bool demo)
{
    setWindowTitle(demo ? tr("Inkwell — Demo Journal") : tr("Inkwell"));
    m_demoBanner->setVisible(demo);
    m_demo = demo;
}

void MainWindow::reloadMirror()
{
    updateMoodNames();
    m_journals->reload(m_reader->store(), offeredCommunities()); // shows a journal that is new or gone
    m_history->reload();
    m_calendar->reload();
    m_search->reload();
    m_entry->reload();
    updateStatus();
}

void MainWindow::updateStatus()
{
    m_entryCount = m_journalId ? m_reader->store().entryCount(m_journalId) : 0;
    const bool anyEntries = m_entryCount > 0 || profileHasEntries();
    // The browser shows as soon as there is anything to browse: entries, drafts or queued posts.
    const bool anyWriting = !m_desk->drafts().drafts().isEmpty() || m_desk->outbox().outbox().count() > 0;
    m_pages->setCurrentWidget(
        anyEntries || anyWriting || m_journals->journalCount() > 1 ? m_browser : m_pages->widget(0));
    const QString journal = m_journals->currentJournalName();
    // No translation gives English its plural forms yet: the singular is said by hand.
    const QString entries = tr("%n entries", nullptr, m_entryCount);
    m_storageLabel->setText(journal.isEmpty() ? entries : tr("%1 in %2").arg(entries, journal));
    // The Blogger API lists only the newest posts: what is older is kept as it was last seen.
    if (const auto account = m_services.accounts().find(m_journals->currentAccountName());
        account && !account->hasFullProtocol())
        m_storageLabel->setText(m_storageLabel->text() +
                                tr(" (the Blogger API shows the newest %1 posts; older ones are kept as they "
                                   "were last seen)")
                                    .arg(bloggerRecentPosts));
    m_storageLabel->setToolTip(tr("Kept on this computer in %1").arg(m_services.database().path()));
}

bool MainWindow::profileHasEntries() const
{
    QSqlQuery query(m_reader->store().connection());
    return query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM entries)")) && query.next() &&
           query.value(0).toBool();
}

} // namespace Inkwell
