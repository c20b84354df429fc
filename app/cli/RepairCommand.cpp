#include "RepairCommand.h"

#include "CliArguments.h"
#include "CliOutput.h"
#include "store/Database.h"
#include "store/DatabaseRecovery.h"
#include "util/Profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Inkwell::Cli {

int runRepair(const Profile& profile)
{
    const QString path = profile.databasePath();
    if (!QFileInfo::exists(path)) {
        printOut(QCoreApplication::translate("Inkwell::Cli::RepairCommand",
                                             "There is no journal database at %1: nothing to repair.")
                     .arg(QDir::toNativeSeparators(path)) +
                 u'\n');
        return ExitOk;
    }
    {
        Database probe(path);
        if (probe.open()) {
            printOut(QCoreApplication::translate("Inkwell::Cli::RepairCommand",
                                                 "The journal database %1 is sound: nothing to repair.")
                         .arg(QDir::toNativeSeparators(path)) +
                     u'\n');
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
    //: Two lines. %1 is the file the damaged database was moved to; %2 to %5 are how many accounts,
    //: drafts, outbox items and queued friends changes the new database holds.
    QString text = QCoreApplication::translate("Inkwell::Cli::RepairCommand",
                                               "The damaged journal database is kept at %1.\n"
                                               "A new one starts with what could be read from it: accounts "
                                               "%2, drafts %3, outbox items %4, queued friends changes %5.")
                       .arg(QDir::toNativeSeparators(report.keptAt))
                       .arg(report.accounts)
                       .arg(report.drafts)
                       .arg(report.outboxItems)
                       .arg(report.friendChanges) +
                   u'\n';
    if (report.unreadableTables > 0)
        text += QCoreApplication::translate("Inkwell::Cli::RepairCommand",
                                            "Some of these could not be read to the end: what was lost is "
                                            "only in the kept file.") +
                u'\n';
    text += QCoreApplication::translate("Inkwell::Cli::RepairCommand",
                                        "Run 'inkwell-cli sync NAME' for each account to mirror its journals "
                                        "again (the outbox goes out first).") +
            u'\n';
    printOut(text);
    return ExitOk;
}

QString repairHint(const CliArguments& arguments, const Profile& profile)
{
    const QString profileOption =
        arguments.isSet(QStringLiteral("profile"))
            ? QStringLiteral("--profile '%1' ").arg(QDir::toNativeSeparators(profile.directory()))
            : QString();
    //: %1 is empty or "--profile 'FOLDER' ", as typed.
    return QCoreApplication::translate("Inkwell::Cli::RepairCommand",
                                       "Run 'inkwell-cli %1repair' to move it aside (it is kept) and start a "
                                       "new one with your accounts, drafts and outbox; 'sync' then fetches "
                                       "your journals again.")
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
