// Screenshots of the main window's views for checking by eye: ui_shots PROFILE_DIR OUT_DIR [dark]
// Writes empty.png (a fresh profile), history.png, entry-remote.png, calendar.png, search.png.
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "calendar/CalendarView.h"
#include "common/Dialogs.h"
#include "entryview/EntryView.h"
#include "history/HistoryView.h"
#include "mainwindow/MainWindow.h"
#include "search/SearchResultsModel.h"
#include "search/SearchView.h"
#include "store/Database.h"
#include "util/Profile.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Inkwell;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

void save(QWidget& window, const QString& path)
{
    QTest::qWait(150);
    window.grab().save(path);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    const QString out = args.at(2);
    const bool dark = args.size() > 3 && args.at(3) == QLatin1String("dark");
    if (dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }
    const QString prefix = dark ? QStringLiteral("dark-") : QString();
    WindowDialogs dialogs;
    {
        QTemporaryDir temp;
        MemoryPasswordStore passwords;
        const auto empty = ProfileServices::open(Profile::atDirectory(temp.path()), passwords, nullptr);
        if (!empty)
            return 1;
        MainWindow window(*empty, dialogs);
        window.show();
        save(window, out + QLatin1Char('/') + prefix + QStringLiteral("empty.png"));
    }
    MemoryPasswordStore passwords;
    const auto services = ProfileServices::open(Profile::atDirectory(args.at(1)), passwords, nullptr);
    if (!services)
        return 1;
    MainWindow window(*services, dialogs);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    save(window, out + QLatin1Char('/') + prefix + QStringLiteral("history.png"));
    // An entry with an image: the remote-content bar.
    HistoryModel* history = window.historyView()->model();
    for (int row = 0; row < history->rowCount(); ++row) {
        window.historyView()->list()->setCurrentIndex(history->index(row, HistoryModel::EntryColumn));
        if (window.entryView()->remoteContentBar()->isVisibleTo(&window))
            break;
        QCoreApplication::processEvents();
        if (window.entryView()->remoteContentBar()->isVisibleTo(&window))
            break;
    }
    save(window, out + QLatin1Char('/') + prefix + QStringLiteral("entry-remote.png"));
    window.browseTabs()->setCurrentWidget(window.calendarView());
    window.calendarView()->dayList()->list()->setCurrentIndex(
        window.calendarView()->dayList()->model()->index(0, HistoryModel::EntryColumn));
    save(window, out + QLatin1Char('/') + prefix + QStringLiteral("calendar.png"));
    window.browseTabs()->setCurrentWidget(window.searchView());
    QSignalSpy finished(window.searchView(), &SearchView::searchFinished);
    window.searchView()->searchField()->setText(QStringLiteral("river wal"));
    if (!finished.wait(5000))
        return 1;
    save(window, out + QLatin1Char('/') + prefix + QStringLiteral("search.png"));
    return 0;
}
