#include "account/KeychainPasswordStore.h"
#include "account/SessionFallbackPasswordStore.h"
#include "app/ProfileServices.h"
#include "common/Dialogs.h"
#include "mainwindow/MainWindow.h"
#include "store/Database.h"
#include "util/Profile.h"
#include "writing/WritingDesk.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
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
    // The installed theme's icon when there is one (packaging/), else the one built in.
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.inkwell.Inkwell"),
                                                 QIcon(QStringLiteral(":/icons/inkwell.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Inkwell, an offline-first desktop journal client."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption profileOption(QStringLiteral("profile"),
                                     QStringLiteral("Keep local data in DIR instead of the default folder."),
                                     QStringLiteral("DIR"));
    parser.addOption(profileOption);
    QCommandLineOption newEntryOption(QStringLiteral("new-entry"),
                                      QStringLiteral("Open an editor for a new entry."));
    parser.addOption(newEntryOption);
    parser.process(app);

    const Profile profile =
        parser.isSet(profileOption) ? Profile::atDirectory(parser.value(profileOption)) : Profile::standard();
    QString error;
    if (!profile.ensureExists(&error)) {
        QMessageBox::critical(nullptr, QStringLiteral("Inkwell"), error);
        return 1;
    }
    // Passwords live in the keychain; without one, in memory until Inkwell quits (never on disk).
    KeychainPasswordStore keychain;
    SessionFallbackPasswordStore passwords(keychain);
    // The composition root: everything the window and its views work with.
    Database::Problem problem = Database::Problem::None;
    const std::unique_ptr<ProfileServices> services =
        ProfileServices::open(profile, passwords, &error, &problem);
    if (!services) {
        // The repair lives in the command-line program for now; the GUI names it.
        const QString repair =
            problem == Database::Problem::Damaged
                ? QStringLiteral(
                      "\n\nTo start a new one with your accounts, drafts and outbox (the damaged file "
                      "is kept), run: inkwell-cli --profile '%1' repair")
                      .arg(QDir::toNativeSeparators(profile.directory()))
                : QString();
        QMessageBox::critical(nullptr, QStringLiteral("Inkwell"), error + repair);
        return 1;
    }
    // Quitting ends the sessions still open on the servers first (bounded: LjClient::sessionEndTimeout).
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&app, &QGuiApplication::lastWindowClosed, services.get(),
                     [&services] { services->close(services.get(), [] { QCoreApplication::quit(); }); });

    WindowDialogs dialogs;
    MainWindow window(*services, dialogs);
    window.show();
    services->startBackgroundWork();
    if (parser.isSet(newEntryOption))
        window.writingDesk()->newEntry();
    if (qEnvironmentVariableIsSet("INKWELL_REPORT_SHOWN")) {
        // For tests/bench/BrowseBench: say when the window is shown (queued behind its first paint).
        QTimer::singleShot(0, &window, [] {
            std::fputs("shown\n", stdout);
            std::fflush(stdout);
        });
    }
    return app.exec();
}
