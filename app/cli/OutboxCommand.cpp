#include "OutboxCommand.h"

#include "CliArguments.h"
#include "store/Outbox.h"

namespace Inkwell::Cli {

void OutboxCommand::start()
{
    const QString name = m_context.arguments.positional().first();
    if (!namedAccount(name))
        return;
    const QList<OutboxItem> items = m_context.services.outbox().items(name);
    if (items.isEmpty()) {
        printOut(tr("The outbox of '%1' is empty.").arg(name) + u'\n');
        finish(ExitOk);
        return;
    }
    for (const OutboxItem& item : items) {
        QString subject = item.entry.subject.simplified();
        if (subject.isEmpty())
            subject = item.entry.body.simplified().left(40);
        printOut(
            QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                .arg(item.id)
                .arg(toString(item.state), toString(item.operation), item.journal, subject, item.reason));
    }
    finish(ExitOk);
}

} // namespace Inkwell::Cli
