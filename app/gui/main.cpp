#include "account/AccountStore.h"
#include "account/KeychainPasswordStore.h"
#include "account/MemoryPasswordStore.h"
#include "account/SessionFallbackPasswordStore.h"
#include "app/DemoServer.h"
#include "app/InterfaceLanguage.h"
#include "app/ProfileServices.h"
#include "common/Dialogs.h"
#include "mainwindow/MainWindow.h"
#include "preferences/DesktopSettings.h"
#include "store/Database.h"
#include "util/Profile.h"
#include "writing/WritingDesk.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QIcon>
#include <QLockFile>
#include <QMessageBox>
#include <QProcess>
#include <QTimer>

#include <cstdio>

using namespace Inkwell;

namespace {

// The demo's profile: beside the user's own, started afresh each time, so the demo always begins
// the same and leaves the user's folder as it was.
std::optional<Profile> freshDemoProfile(const Profile& own, QString* error)
{
    const QString directory = QDir::cleanPath(own.directory()) + QStringLiteral("-demo");
    if (QDir(directory).exists() && !QDir(directory).removeRecursively()) {
        *error = QCoreApplication::translate("main", "Cannot clear the demo's folder %1.")
                     .arg(QDir::toNativeSeparators(directory));
        return std::nullopt;
    }
    const Profile demo = Profile::atDirectory(directory);
    if (!demo.ensureExists(error))
        return std::nullopt;
    return demo;
}

// Starts the demo journal's server and waits (a second or so) until it listens. Before any window:
// there is nothing to show until the journal exists.
std::optional<QUrl> startDemoServer(DemoServer& server, QString* error)
{
    std::optional<QUrl> url;
    QEventLoop loop;
    QObject::connect(&server, &DemoServer::ready, &loop, [&](const QUrl& at) {
        url = at;
        loop.quit();
    });
    QObject::connect(&server, &DemoServer::failed, &loop, [&](const QString& why) {
        *error = why;
        loop.quit();
    });
    QTimer::singleShot(std::chrono::seconds(30), &loop, [&] {
        *error =
            QCoreApplication::translate("main", "The demo journal's server did not start within 30 seconds.");
        loop.quit();
    });
    server.start();
    loop.exec();
    return url;
}

} // namespace

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

    // The system's language until the profile (which may choose another) is known.
    InterfaceLanguage language;
    language.apply({});

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Inkwell, an offline-first desktop journal client."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QCoreApplication::translate("main", "Keep local data in DIR instead of the default folder."),
        QStringLiteral("DIR"));
    parser.addOption(profileOption);
    QCommandLineOption newEntryOption(QStringLiteral("new-entry"),
                                      QCoreApplication::translate("main", "Open an editor for a new entry."));
    parser.addOption(newEntryOption);
    QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Try Inkwell on a demo journal served from this computer, in a "
                                            "profile of its own (the user's is not touched)."));
    parser.addOption(demoOption);
    parser.process(app);
    const bool demo = parser.isSet(demoOption);

    const Profile own =
        parser.isSet(profileOption) ? Profile::atDirectory(parser.value(profileOption)) : Profile::standard();
    QString error;
    // One demo at a time: a second would clear the folder the first one works in.
    QLockFile demoLock(QDir::cleanPath(own.directory()) + QStringLiteral("-demo.lock"));
    if (demo && !demoLock.tryLock()) {
        QMessageBox::information(
            nullptr, QStringLiteral("Inkwell"),
            QCoreApplication::translate("main", "The demo journal is open already, in another window."));
        return 0;
    }
    std::optional<Profile> demoProfile;
    if (demo && !(demoProfile = freshDemoProfile(own, &error))) {
        QMessageBox::critical(nullptr, QStringLiteral("Inkwell"), error);
        return 1;
    }
    const Profile profile = demoProfile.value_or(own);
    if (!profile.ensureExists(&error)) {
        QMessageBox::critical(nullptr, QStringLiteral("Inkwell"), error);
        return 1;
    }
    language.apply(DesktopSettings(profile.settingsPath()).interfaceLanguage());
    std::unique_ptr<DemoServer> demoServer;
    std::optional<QUrl> demoUrl;
    if (demo) {
        demoServer = std::make_unique<DemoServer>(DemoServer::locateScript(), profile.directory());
        if (!(demoUrl = startDemoServer(*demoServer, &error))) {
            QMessageBox::critical(nullptr, QStringLiteral("Inkwell"), error);
            return 1;
        }
    }
    // Passwords live in the keychain; without one, in memory until Inkwell quits (never on disk).
    // The demo's never go to the keychain.
    KeychainPasswordStore keychain;
    SessionFallbackPasswordStore keychainOrMemory(keychain);
    MemoryPasswordStore demoPasswords;
    PasswordStore& passwords = demo ? static_cast<PasswordStore&>(demoPasswords) : keychainOrMemory;
    // The composition root: everything the window and its views work with.
    Database::Problem problem = Database::Problem::None;
    const std::unique_ptr<ProfileServices> services =
        ProfileServices::open(profile, passwords, &error, &problem);
    if (!services) {
        // The repair lives in the command-line program for now; the GUI names it.
        const QString repair =
            problem == Database::Problem::Damaged
                ? QStringLiteral("\n\n") +
                      QCoreApplication::translate("main",
                                                  "To start a new one with your accounts, drafts and outbox "
                                                  "(the damaged file is kept), run: inkwell-cli --profile "
                                                  "'%1' repair")
                          .arg(QDir::toNativeSeparators(profile.directory()))
                : QString();
        QMessageBox::critical(nullptr, QStringLiteral("Inkwell"), error + repair);
        return 1;
    }
    // Quitting ends the sessions still open on the servers first (bounded: LjClient::sessionEndTimeout).
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&app, &QGuiApplication::lastWindowClosed, services.get(),
                     [&services] { services->close(services.get(), [] { QCoreApplication::quit(); }); });

    if (demoUrl) {
        const Account account = DemoServer::account(*demoUrl);
        if (!services->accounts().add(account, &error)) {
            QMessageBox::critical(nullptr, QStringLiteral("Inkwell"), error);
            return 1;
        }
        passwords.writePassword(account.passwordKey(), DemoServer::demoPassword, services.get(),
                                [](const PasswordResult&) {});
    }

    WindowDialogs dialogs;
    MainWindow window(*services, dialogs);
    window.setDemo(demo);
    // The demo opens in a program of its own, as `inkwell --demo` would.
    QObject::connect(
        &window, &MainWindow::demoRequested, &window, [&parser, &profileOption, &dialogs, &window] {
            QStringList arguments{QStringLiteral("--demo")};
            if (parser.isSet(profileOption))
                arguments << QStringLiteral("--profile") << parser.value(profileOption);
            if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments))
                dialogs.warn(&window, QStringLiteral("Inkwell"),
                             QCoreApplication::translate(
                                 "main", "The demo journal could not be opened: %1 did not start.")
                                 .arg(QCoreApplication::applicationFilePath()));
        });
    // A restart (a new language) starts the program anew once this one has quit: its sessions are
    // ended and its editors' text is in the drafts by then.
    bool restart = false;
    QObject::connect(&window, &MainWindow::restartRequested, &window, [&restart] { restart = true; });
    window.showAtStart();
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
    const int status = app.exec();
    if (restart && !QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                            QCoreApplication::arguments().mid(1)))
        std::fputs("inkwell: could not start again; start it by hand\n", stderr);
    return status;
}
