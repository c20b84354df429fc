#pragma once

#include "journal/JournalEntry.h"

#include <QCoreApplication>
#include <QString>

namespace Inkwell {
class Database;
}

namespace Inkwell::Cli {

class CliArguments;

// The options of `post` and `edit` that describe an entry: --subject, --body-file, --security,
// --prop, --date and --backdate. They are applied to an entry, a new one for post or the mirrored
// one for edit, and change only what they name: `--prop K=` removes the prop K.
class EntryOptions
{
    Q_DECLARE_TR_FUNCTIONS(Inkwell::Cli::EntryOptions)

public:
    EntryOptions(const CliArguments& arguments, Database& database, QString accountName);

    // Whether any option that changes an entry was given.
    bool changesAnything() const;

    // Applies the options to `entry`. False, with error() saying why (a usage error), when an
    // option is wrong, the body file cannot be read, or the entry would be left empty.
    bool applyTo(JournalEntry& entry);
    QString error() const { return m_error; }

private:
    bool fail(const QString& message);
    bool readBody(JournalEntry& entry);
    bool applyProps(JournalEntry& entry);
    bool applyDate(JournalEntry& entry);
    bool applySecurity(JournalEntry& entry);
    bool resolveGroups(JournalEntry& entry, const QStringList& groups);
    // On the Blogger API: nothing the entry holds would be lost on the way.
    bool fitsInterface(const JournalEntry& entry);

    const CliArguments& m_arguments;
    Database& m_database;
    QString m_account;
    QString m_error;
};

} // namespace Inkwell::Cli
