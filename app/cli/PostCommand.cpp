#include "PostCommand.h"

#include "EntryOptions.h"
#include "sync/OutboxSender.h"

namespace Inkwell::Cli {

void PostCommand::start()
{
    if (!openAccount())
        return;
    JournalEntry entry;
    entry.security = Security::Public;
    entry.setEventDateTime(QDateTime::currentDateTime());
    EntryOptions options(m_context.arguments, m_context.services.database(), m_account.name);
    if (!options.applyTo(entry)) {
        fail(ExitUsage, options.error());
        return;
    }
    OutboxItem item;
    item.account = m_account.name;
    item.journal = m_journal;
    item.entry = entry;
    queueAndSend(item);
}

QString PostCommand::doneLine(qint64 outboxId, const OutboxReport& report) const
{
    const PostResult result = report.postsByOutboxId.value(outboxId);
    // The Blogger API names no URL.
    if (result.url.isEmpty())
        return QStringLiteral("posted %1\n").arg(result.itemid);
    return QStringLiteral("posted %1 %2\n").arg(result.itemid).arg(result.url);
}

} // namespace Inkwell::Cli
