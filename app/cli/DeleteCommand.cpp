#include "DeleteCommand.h"

namespace Inkwell::Cli {

void DeleteCommand::start()
{
    const std::optional<qint64> itemid = itemidArgument();
    if (!itemid || !openAccount())
        return;
    m_itemid = *itemid;
    const std::optional<JournalEntry> mirrored = mirroredEntry(m_itemid);
    if (!mirrored)
        return;
    if (const std::optional<OutboxItem> waiting = waitingItem(OutboxOperation::Delete, m_itemid)) {
        queueAndSend(*waiting); // already queued: sent once, not twice
        return;
    }
    OutboxItem item;
    item.account = m_account.name;
    item.journal = m_journal;
    item.operation = OutboxOperation::Delete;
    item.itemid = m_itemid;
    item.entry = *mirrored; // for the outbox's list: what is being deleted
    queueAndSend(item);
}

QString DeleteCommand::doneLine(qint64, const OutboxReport&) const
{
    return QStringLiteral("deleted %1\n").arg(m_itemid);
}

} // namespace Inkwell::Cli
