#include "mainwindow/MainWindow.h"
#include "store/Database.h"
#include "util/Profile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

using namespace Inkwell;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("inkwell"));
    QApplication::setApplicationDisplayName(QStringLiteral("Inkwell"));
    QApplication::setApplicationVersion(QStringLiteral(INKWELL_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Inkwell"));
    QApplication::setDesktopFileName(QStringLiteral("org.inkwell.Inkwell"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Inkwell, an offline-first desktop journal client."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption profileOption(QStringLiteral("profile"),
                                     QStringLiteral("Keep local data in DIR instead of the default folder."),
                                     QStringLiteral("DIR"));
    parser.addOption(profileOption);
    parser.process(app);

    const Profile profile =
        parser.isSet(profileOption) ? Profile::atDirectory(parser.value(profileOption)) : Profile::standard();
    QString error;
    if (!profile.ensureExists(&error)) {
        QMessageBox::critical(nullptr, QStringLiteral("Inkwell"), error);
        return 1;
    }
    Database database(profile.databasePath());
    if (!database.open()) {
        QMessageBox::critical(nullptr, QStringLiteral("Inkwell"), database.error());
        return 1;
    }

    MainWindow window(database);
    window.show();
    if (qEnvironmentVariableIsSet("INKWELL_REPORT_SHOWN")) {
        // For tests/bench/BrowseBench: say when the window is shown (queued behind its first paint).
        QTimer::singleShot(0, &window, [] {
            std::fputs("shown\n", stdout);
            std::fflush(stdout);
        });
    }
    return app.exec();
}
