#include "OutboxItemCommand.h"

#include "CliArguments.h"
#include "PasswordSource.h"
#include "account/AccountClients.h"
#include "protocol/LjClient.h"
#include "store/JournalStore.h"
#include "sync/OutboxSender.h"

namespace Inkwell::Cli {

OutboxItemCommand::OutboxItemCommand(CliContext& context, QObject* parent)
    : CliCommand(context, parent)
{}

OutboxItemCommand::~OutboxItemCommand() = default;

bool OutboxItemCommand::openAccount()
{
    const std::optional<Account> account = namedAccount(m_context.arguments.positional().first());
    if (!account)
        return false;
    m_account = *account;
    m_journal = chosenJournal(m_account);
    if (m_journal.isEmpty()) {
        fail(ExitUsage, tr("--journal needs a journal's name."));
        return false;
    }
    return true;
}

std::optional<qint64> OutboxItemCommand::itemidArgument()
{
    const QString text = m_context.arguments.positional().value(1);
    bool ok = false;
    const qint64 itemid = text.toLongLong(&ok);
    if (!ok || itemid <= 0) {
        fail(ExitUsage,
             tr("ITEMID is the entry's number (as export and search show it), not '%1'.").arg(text));
        return std::nullopt;
    }
    return itemid;
}

Outbox& OutboxItemCommand::outbox()
{
    return m_context.services.outbox();
}

JournalStore& OutboxItemCommand::mirror()
{
    return m_context.services.mirror();
}

std::optional<JournalEntry> OutboxItemCommand::mirroredEntry(qint64 itemid)
{
    const qint64 journalId = mirror().findJournalId(m_account.name, m_journal);
    std::optional<JournalEntry> entry = journalId ? mirror().entry(journalId, itemid) : std::nullopt;
    if (!entry) {
        // Edits and deletions start from what the mirror shows: never from an entry unseen.
        const bool other = m_context.arguments.isSet(QStringLiteral("journal"));
        //: %1 is the entry's number, %2 the journal, %3 the account; %4 is empty or
        //: " --journal JOURNAL", as typed.
        fail(ExitUsage, tr("Entry %1 of '%2' is not in the local mirror: run 'inkwell-cli sync %3%4' first "
                           "(edit and delete start from the entry as the mirror has it).")
                            .arg(QString::number(itemid), m_journal, m_account.name,
                                 other ? QStringLiteral(" --journal ") + m_journal : QString()));
    }
    return entry;
}

std::optional<OutboxItem> OutboxItemCommand::waitingItem(OutboxOperation operation, qint64 itemid)
{
    for (const OutboxItem& item : outbox().items(m_account.name)) {
        if (item.operation == operation && item.itemid == itemid && item.state == OutboxState::Waiting &&
            canonicalUsername(item.journal) == m_journal)
            return item;
    }
    return std::nullopt;
}

void OutboxItemCommand::queueAndSend(const OutboxItem& item)
{
    if (item.id != 0) {
        if (!outbox().updateEntry(item.id, item.entry)) {
            fail(ExitFailure,
                 tr("Could not change outbox item %1: %2").arg(item.id).arg(outbox().lastError()));
            return;
        }
        m_outboxId = item.id;
    } else {
        m_outboxId = outbox().enqueue(item);
        if (m_outboxId == 0) {
            fail(ExitFailure, notQueued(item, outbox().lastError()));
            return;
        }
    }
    // From here on the item is safe in the outbox; whatever happens next, it is not lost.
    PasswordSource::obtain(
        m_context.services.clients(), m_account, m_context.arguments.isSet(QStringLiteral("password-stdin")),
        this, [this](const PasswordSource::Outcome& outcome) { send(outcome.password, outcome.error); });
}

void OutboxItemCommand::send(const std::optional<QString>& password, const QString& whyNot)
{
    if (!password) {
        outbox().setState(m_outboxId, OutboxState::Waiting, whyNot);
        report(whyNot, {});
        return;
    }
    m_client = m_context.services.clients().clientFor(m_account, *password);
    cancelOnInterrupt(m_client.get());
    m_sender = new OutboxSender(*m_client, outbox(), mirror(), m_account.name, this);
    connect(m_sender, &OutboxSender::finished, this, [this](const OutboxReport& sent) {
        if (sent.sent.contains(m_outboxId)) {
            printOut(doneLine(m_outboxId, sent));
            finishAfterSession(m_client.get(), ExitOk);
            return;
        }
        report(sent.stopReason, sent.stopError);
    });
    m_sender->start();
}

void OutboxItemCommand::report(const QString& waitReason, const ProtocolError& error)
{
    const std::optional<OutboxItem> item = outbox().item(m_outboxId);
    if (item && item->state == OutboxState::Failed) {
        printError(refused(*item, m_account.name));
        finishAfterSession(m_client.get(), ExitFailure);
        return;
    }
    if (item && item->state == OutboxState::Conflict) {
        printError(tr("Not sent: entry %1 was changed on the server (on the web or by another client) since "
                      "the version in the local mirror, which the edit started from. The edit stays in the "
                      "outbox as a conflict (id %2; 'inkwell-cli outbox %3' shows it): the GUI's Outbox lets "
                      "you keep either version, or run 'inkwell-cli sync %3' and edit the server's version.")
                       .arg(item->itemid)
                       .arg(m_outboxId)
                       .arg(m_account.name));
        finishAfterSession(m_client.get(), ExitFailure);
        return;
    }
    const QString reason = item && !item->reason.isEmpty() ? item->reason : waitReason;
    // Waiting does not help when the server refused the login: the user has to act.
    if (error.category() == ProtocolError::Category::Authentication) {
        //: %1 is why the server refused the login (a sentence), %2 the outbox item's number, %3 the
        //: account.
        printError(tr("Not sent: %1 It waits in the outbox (id %2) and goes out with the next 'inkwell-cli "
                      "sync %3' once the login works.")
                       .arg(reason)
                       .arg(m_outboxId)
                       .arg(m_account.name));
        finishAfterSession(m_client.get(), ExitFailure);
        return;
    }
    printOut(QStringLiteral("queued %1: %2\n")
                 .arg(m_outboxId)
                 .arg(reason.isEmpty() ? QStringLiteral("waiting") : reason));
    finishAfterSession(m_client.get(), ExitOk);
}

QString OutboxItemCommand::notQueued(const OutboxItem& item, const QString& error)
{
    switch (item.operation) {
    case OutboxOperation::Post:
        break;
    case OutboxOperation::Edit:
        //: %1 is the entry's number, %2 the database's error.
        return tr("Could not put the edit of entry %1 in the outbox: %2")
            .arg(QString::number(item.itemid), error);
    case OutboxOperation::Delete:
        //: %1 is the entry's number, %2 the database's error.
        return tr("Could not put the deletion of entry %1 in the outbox: %2")
            .arg(QString::number(item.itemid), error);
    }
    //: %1 is the database's error.
    return tr("Could not put the entry in the outbox: %1").arg(error);
}

QString OutboxItemCommand::refused(const OutboxItem& item, const QString& account)
{
    switch (item.operation) {
    case OutboxOperation::Post:
        break;
    case OutboxOperation::Edit:
        //: %1 is the entry's number, %2 the server's reason, %3 the account.
        return tr("The server refused the edit of entry %1: %2 (it stays in the outbox as refused; "
                  "'inkwell-cli outbox %3' shows it).")
            .arg(QString::number(item.itemid), item.reason, account);
    case OutboxOperation::Delete:
        //: %1 is the entry's number, %2 the server's reason, %3 the account.
        return tr("The server refused the deletion of entry %1: %2 (it stays in the outbox as refused; "
                  "'inkwell-cli outbox %3' shows it).")
            .arg(QString::number(item.itemid), item.reason, account);
    }
    //: %1 is the server's reason, %2 the account.
    return tr("The server refused the entry: %1 (it stays in the outbox as refused; 'inkwell-cli outbox %2' "
              "shows it).")
        .arg(item.reason, account);
}

} // namespace Inkwell::Cli
