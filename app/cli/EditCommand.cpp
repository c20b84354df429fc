#include "EditCommand.h"

#include "CliArguments.h"
#include "EntryOptions.h"

namespace Inkwell::Cli {

void EditCommand::start()
{
    const std::optional<qint64> itemid = itemidArgument();
    if (!itemid || !openAccount())
        return;
    m_itemid = *itemid;
    EntryOptions options(m_context.arguments, m_context.services.database(), m_account.name);
    if (!options.changesAnything()) {
        fail(ExitUsage,
             tr("Nothing to change: give --subject, --body-file, --security, --prop, --date or --backdate."));
        return;
    }
    const std::optional<JournalEntry> mirrored = mirroredEntry(m_itemid);
    if (!mirrored)
        return;
    OutboxItem item;
    if (const std::optional<OutboxItem> waiting = waitingItem(OutboxOperation::Edit, m_itemid)) {
        item = *waiting; // still unsent: this edit goes on from it, against the same base
    } else {
        item.account = m_account.name;
        item.journal = m_journal;
        item.operation = OutboxOperation::Edit;
        item.itemid = m_itemid;
        item.entry = *mirrored;
        item.base = *mirrored; // the server's version the edit starts from (conflict check)
    }
    const JournalEntry before = item.entry;
    if (!options.applyTo(item.entry)) {
        fail(ExitUsage, options.error());
        return;
    }
    if (hasSameContent(before, item.entry)) {
        printError(tr("Entry %1 already says that: nothing to send.").arg(m_itemid));
        finish(ExitOk);
        return;
    }
    queueAndSend(item);
}

QString EditCommand::doneLine(qint64, const OutboxReport&) const
{
    return QStringLiteral("edited %1\n").arg(m_itemid);
}

} // namespace Inkwell::Cli
