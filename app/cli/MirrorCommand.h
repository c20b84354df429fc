#pragma once

#include "CliCommand.h"
#include "journal/Account.h"

#include <memory>

namespace Inkwell {
class JournalStore;
}

namespace Inkwell::Cli {

// Base of the commands that read the local mirror and never go online (export, search,
// daycounts): finds the account (NAME) and the journal (--journal, or the account's own) in the
// profile's journal database.
class MirrorCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit MirrorCommand(CliContext& context, QObject* parent = nullptr);
    ~MirrorCommand() override;

protected:
    // Fills m_account, m_journal, m_store and m_journalId; false after reporting why not (no such
    // account, or the journal was never synced).
    bool openMirror();

    Account m_account;
    QString m_journal;
    std::unique_ptr<JournalStore> m_store;
    qint64 m_journalId = 0;
};

} // namespace Inkwell::Cli
