#include "MirrorCommand.h"

#include "CliArguments.h"
#include "account/AccountStore.h"
#include "store/Database.h"
#include "store/JournalStore.h"

namespace Inkwell::Cli {

MirrorCommand::MirrorCommand(CliContext& context, QObject* parent)
    : CliCommand(context, parent)
{}

MirrorCommand::~MirrorCommand() = default;

bool MirrorCommand::openMirror()
{
    const CliArguments& arguments = m_context.arguments;
    const QString name = arguments.positional().first();
    const std::optional<Account> account = namedAccount(name);
    if (!account)
        return false;
    m_account = *account;
    const bool other = arguments.isSet(QStringLiteral("journal"));
    m_journal = chosenJournal(m_account);
    m_store = std::make_unique<JournalStore>(m_context.services.database().connection());
    m_journalId = m_store->findJournalId(m_account.name, m_journal);
    if (m_journalId == 0) {
        //: %1 is the journal, %2 the account; %3 is empty or " --journal JOURNAL", as typed.
        fail(ExitFailure,
             tr("The journal '%1' of account '%2' is not mirrored yet: run 'inkwell-cli sync %2%3' first.")
                 .arg(m_journal, m_account.name,
                      other ? QStringLiteral(" --journal ") + m_journal : QString()));
        return false;
    }
    return true;
}

} // namespace Inkwell::Cli
