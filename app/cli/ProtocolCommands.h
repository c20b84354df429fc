#pragma once

#include "CliCommand.h"
#include "journal/Account.h"
#include "protocol/ProtocolValue.h"

#include <memory>

namespace Inkwell {
class LjClient;
class ProtocolError;
} // namespace Inkwell

namespace Inkwell::Cli {

// `login NAME` and `call NAME MODE [FIELD...]`: one protocol call through LjClient, with the
// password from standard input or the keychain. The flavour the server reveals at login is saved
// with the account. No retries: what the server answered the first time is what is shown.
class ProtocolCommands : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;

private:
    void send(const QString& password);
    void printLogin(const ProtocolValue& reply);
    void rememberFlavor(Flavor flavor);

    Account m_account;
    QString m_mode;
    ProtocolValue m_request;
    std::shared_ptr<LjClient> m_client; // the account's (AccountClients)
};

// The one line the CLI prints for a failed call: the error (ProtocolError::toString, which holds
// the server's own words) and what to do about it (ProtocolError::advice).
QString describeFailure(const ProtocolError& error, const QString& requestedMode, const QString& account);

} // namespace Inkwell::Cli
