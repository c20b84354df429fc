#include "AccountCommands.h"
#include "CliArguments.h"
#include "DeleteCommand.h"
#include "EditCommand.h"
#include "ExportCommand.h"
#include "InfoCommand.h"
#include "MirrorQueryCommands.h"
#include "OutboxCommand.h"
#include "PostCommand.h"
#include "ProtocolCommands.h"
#include "RepairCommand.h"
#include "SyncCommand.h"
#include "account/KeychainPasswordStore.h"
#include "app/InterfaceLanguage.h"
#include "app/ProfileServices.h"
#include "store/Database.h"
#include "util/Profile.h"

#include <QCoreApplication>

#include <memory>

using namespace Inkwell;
using namespace Inkwell::Cli;

namespace {

std::unique_ptr<CliCommand> commandFor(CliContext& context)
{
    const QString name = context.arguments.command();
    if (name == QLatin1String("info"))
        return std::make_unique<InfoCommand>(context);
    if (name.startsWith(QLatin1String("account ")))
        return std::make_unique<AccountCommands>(context);
    if (name == QLatin1String("sync"))
        return std::make_unique<SyncCommand>(context);
    if (name == QLatin1String("export"))
        return std::make_unique<ExportCommand>(context);
    if (name == QLatin1String("post"))
        return std::make_unique<PostCommand>(context);
    if (name == QLatin1String("edit"))
        return std::make_unique<EditCommand>(context);
    if (name == QLatin1String("delete"))
        return std::make_unique<DeleteCommand>(context);
    if (name == QLatin1String("outbox"))
        return std::make_unique<OutboxCommand>(context);
    if (name == QLatin1String("search") || name == QLatin1String("daycounts"))
        return std::make_unique<MirrorQueryCommands>(context);
    return std::make_unique<ProtocolCommands>(context); // login, call
}

// The commands that only read the profile: on one that cannot be written they still work, reading
// the database as it is (Database::Access::ReadOnly).
bool onlyReadsProfile(const QString& command)
{
    static const QStringList readers{QStringLiteral("info"),   QStringLiteral("account list"),
                                     QStringLiteral("search"), QStringLiteral("daycounts"),
                                     QStringLiteral("export"), QStringLiteral("outbox")};
    return readers.contains(command);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("inkwell"));
    QCoreApplication::setOrganizationName(QStringLiteral("Inkwell"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INKWELL_VERSION));
    // The terminal's language (LANGUAGE, LC_ALL, LANG). What scripts read stays the same in every
    // language (see README, "The command line"); its messages are translated.
    InterfaceLanguage language;
    language.apply({});

    const CliArguments arguments = CliArguments::parse(QCoreApplication::arguments());
    switch (arguments.action()) {
    case CliArguments::Action::ShowHelp:
        printOut(CliArguments::helpText(arguments.command()));
        return ExitOk;
    case CliArguments::Action::ShowVersion:
        printOut(QStringLiteral("inkwell-cli " INKWELL_VERSION "\n"));
        return ExitOk;
    case CliArguments::Action::UsageError:
        printError(arguments.error());
        return ExitUsage;
    case CliArguments::Action::Run:
        break;
    }

    const Profile profile = arguments.isSet(QStringLiteral("profile"))
                                ? Profile::atDirectory(arguments.value(QStringLiteral("profile")))
                                : Profile::standard();
    QString error;
    if (!profile.ensureExists(&error)) {
        printError(error);
        return ExitFailure;
    }
    if (arguments.command() == QLatin1String("repair"))
        return runRepair(profile);
    KeychainPasswordStore keychain;
    // The composition root, as the GUI builds it: the commands use its stores and clients.
    Database::Problem problem = Database::Problem::None;
    std::unique_ptr<ProfileServices> services = ProfileServices::open(profile, keychain, &error, &problem);
    if (!services && problem == Database::Problem::ReadOnly && onlyReadsProfile(arguments.command()))
        services = ProfileServices::open(profile, keychain, &error, &problem, Database::Access::ReadOnly);
    if (!services) {
        const QString next = wayOut(problem, arguments, profile);
        printError(error + (next.isEmpty() ? QString() : u' ' + next));
        return ExitFailure;
    }
    CliContext context{arguments, *services};

    // Commands are asynchronous (network, keychain): run one inside the event loop until it is done.
    const std::unique_ptr<CliCommand> command = commandFor(context);
    QObject::connect(command.get(), &CliCommand::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    QMetaObject::invokeMethod(command.get(), &CliCommand::start, Qt::QueuedConnection);
    return QCoreApplication::exec();
}
