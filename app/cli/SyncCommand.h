#pragma once

#include "CliCommand.h"
#include "journal/Account.h"
#include "sync/SyncEngine.h"

#include <QElapsedTimer>

#include <memory>

namespace Inkwell {
class AccountSync;
class LjClient;
struct OutboxReport;
} // namespace Inkwell

namespace Inkwell::Cli {

class InterruptWatcher;

// `sync NAME [--journal J]`: runs AccountSync for one journal of the account, with progress on
// standard error and one summary line on standard output. The outbox goes first, then the mirror,
// through one client and one short session, ended before the command leaves, on every path.
// Ctrl-C cancels at the engine's next step boundary (everything committed so far stays; a second
// Ctrl-C leaves at once, which is safe too: each step commits in one transaction, and the session
// then expires by itself).
class SyncCommand : public CliCommand
{
    Q_OBJECT
public:
    explicit SyncCommand(CliContext& context, QObject* parent = nullptr);
    ~SyncCommand() override;

    void start() override;

private:
    void run(const QString& password);
    void onOutboxSent(const OutboxReport& report);
    void onProgress(SyncEngine::Phase phase, int done, int total);
    void showProgress(const QString& line);
    // "sync JOURNAL: line" on standard error.
    void showLine(const QString& line);
    static QString cancelledText();
    void onFinished(const SyncReport& report);
    void onInterrupt(int count);
    void stop(int exitCode);

    Account m_account;
    QString m_journal;
    std::shared_ptr<LjClient> m_client; // the account's (AccountClients)
    std::unique_ptr<AccountSync> m_sync;
    std::optional<SyncReport> m_report; // the engine's, once it finished
    InterruptWatcher* m_interrupts = nullptr;
    bool m_stopping = false;
    int m_needYou = 0; // outbox items this run left refused or in conflict: the user must act

    // Progress lines: at most two a second, except that a new phase is always shown, after the
    // last line held back of the phase before it (so the counts end where they ended).
    QElapsedTimer m_sinceLine;
    SyncEngine::Phase m_shownPhase = SyncEngine::Phase::Idle;
    QString m_shownLine;
    QString m_heldLine;
};

// The summary line of a finished sync: "added A updated U deleted D requests R seconds S".
QString syncSummary(const SyncReport& report);
// One progress line ("fetching 300/1234 entries"); empty for phases not worth a line.
QString progressLine(SyncEngine::Phase phase, int done, int total);

} // namespace Inkwell::Cli
