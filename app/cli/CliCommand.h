#pragma once

#include "CliOutput.h"
#include "app/ProfileServices.h"
#include "journal/Account.h"

#include <QObject>

#include <optional>

namespace Inkwell {
class LjClient;
} // namespace Inkwell

namespace Inkwell::Cli {

class CliArguments;

// What every command works with: the parsed command line and the opened profile, whose password
// store is the keychain (never a file).
struct CliContext
{
    const CliArguments& arguments;
    ProfileServices& services;
};

// One run of one command. main() calls start() from the event loop; the command answers with
// finished(exitCode) exactly once, after printing what it has to say, and main() then leaves.
class CliCommand : public QObject
{
    Q_OBJECT
public:
    explicit CliCommand(CliContext& context, QObject* parent = nullptr);

    virtual void start() = 0;

signals:
    void finished(int exitCode);

protected:
    void finish(int exitCode);
    // printError(message), then finish(exitCode).
    void fail(int exitCode, const QString& message);
    // Ends the session `client` opened on the server, if any, then finish(exitCode): every command
    // that talks to the server leaves by this door, on every path, so no session outlives its run.
    void finishAfterSession(LjClient* client, int exitCode);
    // From now on Ctrl-C cancels what `client` has in flight, so the command leaves by its usual
    // path (and finishAfterSession); a second Ctrl-C leaves at once. Call it once the password has
    // been read: until then Ctrl-C must stop a prompt waiting on the terminal.
    void cancelOnInterrupt(LjClient* client);
    // The profile's account `name`; without one, fail(ExitUsage, ...) saying so and nullopt.
    std::optional<Account> namedAccount(const QString& name);
    // The journal --journal names, or the account's own, in the site's canonical form.
    QString chosenJournal(const Account& account) const;

    CliContext& m_context;

private:
    bool m_finished = false;
};

} // namespace Inkwell::Cli
