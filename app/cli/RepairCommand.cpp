#include "RepairCommand.h"

#include "CliArguments.h"
#include "CliOutput.h"
#include "store/Database.h"
#include "store/DatabaseRecovery.h"
#include "util/Profile.h"

#include <QDir>
#include <QFileInfo>

namespace Inkwell::Cli {

int runRepair(const Profile& profile)
{
    const QString path = profile.databasePath();
    if (!QFileInfo::exists(path)) {
        printOut(QStringLiteral("There is no journal database at %1: nothing to repair.\n")
                     .arg(QDir::toNativeSeparators(path)));
        return ExitOk;
    }
    {
        Database probe(path);
        if (probe.open()) {
            printOut(QStringLiteral("The journal database %1 is sound: nothing to repair.\n")
                         .arg(QDir::toNativeSeparators(path)));
            return ExitOk;
        }
        if (probe.problem() != Database::Problem::Damaged) {
            printError(probe.error());
            return ExitFailure;
        }
    }
    DatabaseRecovery recovery(path);
    if (!recovery.run()) {
        printError(recovery.error());
        return ExitFailure;
    }
    const DatabaseRecovery::Report& report = recovery.report();
    QString text = QStringLiteral("The damaged journal database is kept at %1.\n"
                                  "A new one starts with what could be read from it: accounts %2, drafts %3, "
                                  "outbox items %4, queued friends changes %5.\n")
                       .arg(QDir::toNativeSeparators(report.keptAt))
                       .arg(report.accounts)
                       .arg(report.drafts)
                       .arg(report.outboxItems)
                       .arg(report.friendChanges);
    if (report.unreadableTables > 0)
        text +=
            QStringLiteral("Some of these could not be read to the end: what was lost is only in the kept "
                           "file.\n");
    text += QStringLiteral("Run 'inkwell-cli sync NAME' for each account to mirror its journals again (the "
                           "outbox goes out first).\n");
    printOut(text);
    return ExitOk;
}

QString repairHint(const CliArguments& arguments, const Profile& profile)
{
    const QString profileOption =
        arguments.isSet(QStringLiteral("profile"))
            ? QStringLiteral("--profile '%1' ").arg(QDir::toNativeSeparators(profile.directory()))
            : QString();
    return QStringLiteral("Run 'inkwell-cli %1repair' to move it aside (it is kept) and start a new one "
                          "with your accounts, drafts and outbox; 'sync' then fetches your journals "
                          "again.")
        .arg(profileOption);
}

QString wayOut(Database::Problem problem, const CliArguments& arguments, const Profile& profile)
{
    switch (problem) {
    case Database::Problem::Damaged:
        return repairHint(arguments, profile);
    case Database::Problem::None:
    case Database::Problem::ReadOnly:
    case Database::Problem::Other:
        break;
    }
    return {};
}

} // namespace Inkwell::Cli
