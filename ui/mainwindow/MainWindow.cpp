#include "mainwindow/MainWindow.h"

#include "mainwindow/EmptyJournalPage.h"
#include "store/Database.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStatusBar>

namespace Inkwell {

MainWindow::MainWindow(Database& database, QWidget* parent)
    : QMainWindow(parent)
    , m_database(database)
{
    setWindowTitle(tr("Inkwell"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1000, 680);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(new EmptyJournalPage(m_pages));
    setCentralWidget(m_pages);

    createMenus();

    m_entryCount = countEntries();
    m_storageLabel = new QLabel(this);
    m_storageLabel->setObjectName(QStringLiteral("storageLabel"));
    m_storageLabel->setText(tr("Offline · %n entries in %1", nullptr, m_entryCount).arg(m_database.path()));
    m_storageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_storageLabel, 1);
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

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

int MainWindow::countEntries() const
{
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT count(*) FROM entries")) && query.next())
        return query.value(0).toInt();
    return 0;
}

} // namespace Inkwell
