#pragma once

#include "CliCommand.h"
#include "journal/Account.h"
#include "protocol/ProtocolError.h"
#include "store/Outbox.h"

#include <QPointer>

#include <memory>

namespace Inkwell {
class JournalStore;
class LjClient;
class OutboxSender;
struct OutboxReport;
} // namespace Inkwell

namespace Inkwell::Cli {

// Base of post, edit and delete: one item goes into the profile's outbox (the GUI's too), then the
// account's outbox is sent at once, oldest first and exactly once (OutboxSender). What became of
// the item decides the output and the exit code:
//   the server took it          doneLine() on standard output, exit 0
//   it has to wait              `queued ID: REASON` (no network, server trouble, no password), exit 0
//   refused, in conflict, or    a message on standard error, exit 1; the item stays in the outbox
//   the login was refused       for `outbox` to show and the next `sync` (or the GUI) to send
// Every path leaves through finishAfterSession, so no session outlives the run.
class OutboxItemCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit OutboxItemCommand(CliContext& context, QObject* parent = nullptr);
    ~OutboxItemCommand() override;

protected:
    // The account NAME names, with the journal (--journal or its own) in m_journal; false after a
    // usage error.
    bool openAccount();
    // ITEMID, the second argument of edit and delete: a positive number, or a usage error and
    // nullopt.
    std::optional<qint64> itemidArgument();
    // The outbox and the mirror of the profile.
    Outbox& outbox();
    JournalStore& mirror();
    // The entry `itemid` of m_journal as the mirror has it; without one, a usage error saying to
    // sync first, and nullopt.
    std::optional<JournalEntry> mirroredEntry(qint64 itemid);
    // The item of this account's outbox that waits (not sent yet) to do `operation` to `itemid`
    // of m_journal, if there is one.
    std::optional<OutboxItem> waitingItem(OutboxOperation operation, qint64 itemid);

    // Puts `item` in the outbox (or, when it has an id, replaces what that waiting item will
    // send), then sends the outbox. From then on the item is safe whatever happens.
    void queueAndSend(const OutboxItem& item);

    // The line printed when the server took the item `outboxId` ("posted 12 URL\n").
    virtual QString doneLine(qint64 outboxId, const OutboxReport& report) const = 0;

    Account m_account;
    QString m_journal;

private:
    void send(const std::optional<QString>& password, const QString& whyNot);
    void report(const QString& waitReason, const ProtocolError& error);
    // Why `item` did not go into the outbox (the database's `error`), and that the server refused
    // it (item.reason says why), in one sentence for each kind of item.
    static QString notQueued(const OutboxItem& item, const QString& error);
    static QString refused(const OutboxItem& item, const QString& account);

    qint64 m_outboxId = 0;
    std::shared_ptr<LjClient> m_client; // the account's (AccountClients)
    QPointer<OutboxSender> m_sender;
};

} // namespace Inkwell::Cli
