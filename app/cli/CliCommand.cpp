#include "CliCommand.h"

#include "CliArguments.h"
#include "InterruptWatcher.h"
#include "account/AccountStore.h"
#include "protocol/LjClient.h"

namespace Inkwell::Cli {

CliCommand::CliCommand(CliContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{}

void CliCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(exitCode);
}

void CliCommand::fail(int exitCode, const QString& message)
{
    printError(message);
    finish(exitCode);
}

void CliCommand::finishAfterSession(LjClient* client, int exitCode)
{
    if (!client || !client->hasSession()) {
        finish(exitCode);
        return;
    }
    client->endSession(this, [this, exitCode] { finish(exitCode); });
}

void CliCommand::cancelOnInterrupt(LjClient* client)
{
    auto* interrupts = new InterruptWatcher(this);
    connect(interrupts, &InterruptWatcher::interrupted, this,
            [this, client = QPointer<LjClient>(client)](int count) {
                if (count > 1 || !client) {
                    printError(tr("interrupted"));
                    finish(ExitFailure);
                    return;
                }
                client->cancelAll();
            });
}

std::optional<Account> CliCommand::namedAccount(const QString& name)
{
    std::optional<Account> account = m_context.services.accounts().find(name);
    if (!account)
        fail(ExitUsage,
             tr("There is no account named '%1' ('inkwell-cli account list' shows them).").arg(name));
    return account;
}

QString CliCommand::chosenJournal(const Account& account) const
{
    const CliArguments& arguments = m_context.arguments;
    return canonicalUsername(arguments.isSet(QStringLiteral("journal"))
                                 ? arguments.value(QStringLiteral("journal"))
                                 : account.username);
}

} // namespace Inkwell::Cli
