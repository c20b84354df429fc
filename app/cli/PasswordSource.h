#pragma once

#include "CliOutput.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace Inkwell {
struct Account;
class AccountClients;
} // namespace Inkwell

namespace Inkwell::Cli {

// Where a command finds an account's password (on Dreamwidth: its API key): the first line of
// standard input when --password-stdin is given, otherwise the keychain. The secret is handed to
// the caller only: never printed, logged or written anywhere.
class PasswordSource
{
    Q_DECLARE_TR_FUNCTIONS(Inkwell::Cli::PasswordSource)

public:
    struct Outcome
    {
        std::optional<QString> password;
        int exitCode = ExitOk; // when there is no password: ExitUsage or ExitFailure
        QString error;         // when there is no password: a sentence for the user
    };

    // One line of standard input without its line ending. On a terminal it asks for it on
    // standard error and does not echo what is typed.
    static Outcome readStandardInput();

    // readStandardInput() at once, or the keychain's entry for `account` (AccountClients reads it)
    // from the event loop.
    static void obtain(AccountClients& clients, const Account& account, bool fromStandardInput,
                       QObject* context, std::function<void(const Outcome&)> done);
};

} // namespace Inkwell::Cli
