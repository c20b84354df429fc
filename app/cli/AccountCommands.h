#pragma once

#include "CliCommand.h"
#include "journal/Account.h"

#include <functional>
#include <optional>

namespace Inkwell {
struct PasswordResult;
}

namespace Inkwell::Cli {

// `account list|add|edit|remove`: the profile's accounts (AccountStore) and their passwords in the
// keychain. Changes that involve the keychain touch it first, so that a keychain failure leaves
// the account as it was.
class AccountCommands : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;

private:
    void list();
    void add();
    void edit();
    void remove();

    // `base` with --rename, --server, --user, --interface and --auth applied and validated; after
    // a usage error (already reported) nullopt.
    std::optional<Account> withOptions(Account base);
    // Whether an account other than `name` keeps its password under `key`.
    bool keyShared(const QString& key, const QString& name) const;

    void addRecord(const Account& account, bool withPassword);
    void updateRecord(const QString& name, const Account& account, const QString& note);
    // A warning on standard error (not fatal) when the account would send its password readably.
    void warnIfPasswordExposed(const Account& account);
    void removeRecord(const Account& account, const QString& note);
    // Moves (or, if shared, copies) the password from the old login's key to the new one, then
    // runs `done` with a note for the user (empty if there is nothing to say).
    void carryPassword(const Account& from, const Account& to, std::function<void(const QString&)> done);
    // Deletes `key` if no other account than `name` uses it, ignoring the outcome, then runs `done`.
    void forget(const QString& key, const QString& name, std::function<void()> done);
};

// Why the keychain did not take a password, for the user.
QString storeFailure(const PasswordResult& result);

} // namespace Inkwell::Cli
