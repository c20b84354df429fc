#pragma once

#include "CliCommand.h"
#include "account/Account.h"
#include "protocol/JournalMessages.h"

#include <QPointer>

#include <memory>

namespace Inkwell {
class JournalStore;
class LjClient;
class Outbox;
class OutboxSender;
} // namespace Inkwell

namespace Inkwell::Cli {

// `post NAME --body-file FILE|- [...]`: the entry goes into the profile's outbox (the GUI's too)
// and the account's outbox is sent at once, oldest first and exactly once (OutboxSender). Prints
// `posted ITEMID URL`, or `queued ID: REASON` when it has to wait for the network or the server;
// a refusal of the entry or of the login exits 1 (the entry stays in the outbox).
class PostCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit PostCommand(CliContext& context, QObject* parent = nullptr);
    ~PostCommand() override;

    void start() override;

private:
    // The entry the options describe; empty optional (and a usage error sent) when they are wrong.
    std::optional<JournalEntry> entryFromOptions(const QByteArray& body);
    bool resolveGroups(JournalEntry& entry, const QStringList& groups);
    void send(const std::optional<QString>& password, const QString& whyNot);
    void report(const QString& waitReason, const ProtocolError& error);

    Account m_account;
    QString m_journal;
    qint64 m_outboxId = 0;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<JournalStore> m_mirror;
    QPointer<LjClient> m_client;
    QPointer<OutboxSender> m_sender;
};

// `outbox NAME`: what waits to be sent, and why.
class OutboxCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;
};

} // namespace Inkwell::Cli
