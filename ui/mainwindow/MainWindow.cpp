#include "mainwindow/MainWindow.h"

#include "calendar/CalendarView.h"
#include "common/JournalReader.h"
#include "entryview/EntryView.h"
#include "history/HistoryView.h"
#include "mainwindow/EmptyJournalPage.h"
#include "mainwindow/JournalSelector.h"
#include "search/SearchView.h"
#include "store/Database.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Inkwell {

namespace {

constexpr int mirrorPollMs = 2000;

} // namespace

MainWindow::MainWindow(Database& database, QWidget* parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_reader(std::make_unique<JournalReader>(database))
{
    setWindowTitle(tr("Inkwell"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1180, 760);

    m_journals = new JournalSelector(this);
    m_history = new HistoryView(this);
    m_calendar = new CalendarView(this);
    m_search = new SearchView(database, this);
    m_entry = new EntryView(this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("browseTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_history, tr("&History"));
    m_tabs->addTab(m_calendar, tr("&Calendar"));
    m_tabs->addTab(m_search, tr("&Search"));

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
    m_pages->addWidget(new EmptyJournalPage(m_pages));
    m_pages->addWidget(m_browser);
    setCentralWidget(m_pages);

    m_storageLabel = new QLabel(this);
    m_storageLabel->setObjectName(QStringLiteral("storageLabel"));
    m_storageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_storageLabel, 1);
    m_syncLabel = new QLabel(this);
    m_syncLabel->setObjectName(QStringLiteral("syncLabel"));
    statusBar()->addPermanentWidget(m_syncLabel);

    createMenus();

    connect(m_journals, &JournalSelector::journalChanged, this, &MainWindow::showJournal);
    connect(m_history, &HistoryView::entrySelected, m_entry, &EntryView::showEntry);
    connect(m_calendar, &CalendarView::entrySelected, m_entry, &EntryView::showEntry);
    connect(m_search, &SearchView::entrySelected, m_entry, &EntryView::showEntry);
    connect(m_entry, &EntryView::linkHovered, this, [this](const QString& url) {
        if (url.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(url);
    });
    // editRequested / deleteRequested stay unconnected until the editor exists (ui/editor).

    m_watcher = new MirrorWatcher(*m_reader, mirrorPollMs, this);
    connect(m_watcher, &MirrorWatcher::mirrorChanged, this, &MainWindow::reloadMirror);

    m_journals->reload(m_reader->store());
    if (m_journals->count() == 0)
        showJournal(0);
}

MainWindow::~MainWindow()
{
    // The views and the watcher use the reader: they go first.
    delete m_watcher;
    delete takeCentralWidget();
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* reload = fileMenu->addAction(tr("&Reload the Local Journal"), this, &MainWindow::reloadMirror);
    reload->setShortcut(QKeySequence::Refresh);
    reload->setObjectName(QStringLiteral("actionReload"));
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    const QList<QPair<QString, QWidget*>> tabs{
        {tr("&History"), m_history}, {tr("&Calendar"), m_calendar}, {tr("&Search"), m_search}};
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
    helpMenu->addAction(tr("&About Inkwell"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Inkwell"),
                       tr("<h3>Inkwell %1</h3><p>An offline-first desktop client for Dreamwidth, LiveJournal "
                          "and other sites that speak the LiveJournal protocol.</p>")
                           .arg(QStringLiteral(INKWELL_VERSION)));
}

void MainWindow::showJournal(qint64 journalId)
{
    m_journalId = journalId;
    const JournalStore* store = journalId ? &m_reader->store() : nullptr;
    m_entry->setJournal(store, journalId, m_journals->currentJournalName());
    m_history->setJournal(store, journalId);
    m_calendar->setJournal(store, journalId);
    m_search->setJournal(journalId);
    updateStatus();
    // The newest entry opens at once: the journal reads like a journal, not an empty form.
    if (m_history->model()->rowCount() > 0)
        m_history->list()->setCurrentIndex(m_history->model()->index(0, HistoryModel::EntryColumn));
}

void MainWindow::reloadMirror()
{
    m_journals->reload(m_reader->store()); // shows a journal that is new or gone
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
    m_pages->setCurrentWidget(anyEntries || m_journals->count() > 1 ? m_browser : m_pages->widget(0));
    const QString journal = m_journals->currentJournalName();
    // No translation gives English its plural forms yet: the singular is said by hand.
    const QString entries = m_entryCount == 1 ? tr("1 entry") : tr("%n entries", nullptr, m_entryCount);
    m_storageLabel->setText(journal.isEmpty()
                                ? tr("Offline · %1 · %2").arg(entries, m_database.path())
                                : tr("Offline · %1 in %2 · %3").arg(entries, journal, m_database.path()));
    const QString cursor = m_journalId ? m_reader->store().syncState(m_journalId).cursor : QString();
    m_syncLabel->setText(cursor.isEmpty() ? QString() : tr("Mirrored up to %1").arg(cursor.left(16)));
}

bool MainWindow::profileHasEntries() const
{
    QSqlQuery query(m_reader->store().connection());
    return query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM entries)")) && query.next() &&
           query.value(0).toBool();
}

} // namespace Inkwell
