#include "store/Database.h"
#include "util/Profile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Inkwell;

namespace {

// Exit codes documented in --help and the README.
constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;

const char* const commandSummary =
    "Commands:\n"
    "  info    where the profile and its journal database are, and what they hold\n";

int runInfo(Database& database, const Profile& profile)
{
    QTextStream out(stdout);
    out << "profile " << profile.directory() << '\n'
        << "database " << database.path() << '\n'
        << "schema " << database.schemaVersion() << '\n';
    return ExitOk;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("inkwell"));
    QCoreApplication::setOrganizationName(QStringLiteral("Inkwell"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INKWELL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Inkwell's headless client.\n\n") + QString::fromLatin1(commandSummary) +
        QStringLiteral("\nExit codes: 0 ok, 1 server or protocol error, 2 usage error."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption profileOption(QStringLiteral("profile"),
                                     QStringLiteral("Keep local data in DIR instead of the default folder."),
                                     QStringLiteral("DIR"));
    parser.addOption(profileOption);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands)."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "inkwell-cli: %s\n", qPrintable(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("inkwell-cli %s\n", INKWELL_VERSION);
        return ExitOk;
    }

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        std::fprintf(stderr, "inkwell-cli: no command given.\n%s", commandSummary);
        return ExitUsage;
    }
    const QString command = args.first();
    if (command != QLatin1String("info")) {
        std::fprintf(stderr, "inkwell-cli: unknown command '%s'.\n%s", qPrintable(command), commandSummary);
        return ExitUsage;
    }

    const Profile profile =
        parser.isSet(profileOption) ? Profile::atDirectory(parser.value(profileOption)) : Profile::standard();
    QString error;
    if (!profile.ensureExists(&error)) {
        std::fprintf(stderr, "inkwell-cli: %s\n", qPrintable(error));
        return ExitFailure;
    }
    Database database(profile.databasePath());
    if (!database.open()) {
        std::fprintf(stderr, "inkwell-cli: %s\n", qPrintable(database.error()));
        return ExitFailure;
    }
    return runInfo(database, profile);
}
