#include "SyncCommand.h"

#include "CliArguments.h"
#include "InterruptWatcher.h"
#include "PasswordSource.h"
#include "account/AccountClients.h"
#include "protocol/LjClient.h"
#include "sync/AccountSync.h"

#include <QCoreApplication>

#include <cstdio>

namespace Inkwell::Cli {

namespace {

constexpr qint64 progressInterval = 500; // ms between two lines of the same phase

} // namespace

QString syncSummary(const SyncReport& report)
{
    return QStringLiteral("added %1 updated %2 deleted %3 requests %4 seconds %5")
        .arg(report.added)
        .arg(report.updated)
        .arg(report.deleted)
        .arg(report.requests)
        .arg(double(report.milliseconds) / 1000.0, 0, 'f', 1);
}

QString progressLine(SyncEngine::Phase phase, int done, int total)
{
    switch (phase) {
    case SyncEngine::Phase::Enumerating:
        // total is 0 until the server's first syncitems page says how much there is.
        if (total <= 0)
            return QCoreApplication::translate("Inkwell::Cli::SyncCommand", "listing changes");
        //: Progress: %1 entries of %n listed so far.
        return QCoreApplication::translate("Inkwell::Cli::SyncCommand", "listing changes %1/%n entries",
                                           nullptr, total)
            .arg(done);
    case SyncEngine::Phase::Fetching:
        //: Progress: %1 entries of %n fetched so far.
        return QCoreApplication::translate("Inkwell::Cli::SyncCommand", "fetching %1/%n entries", nullptr,
                                           total)
            .arg(done);
    case SyncEngine::Phase::CheckingDeletions:
        return QCoreApplication::translate("Inkwell::Cli::SyncCommand", "checking for deleted entries");
    case SyncEngine::Phase::Idle:
    case SyncEngine::Phase::Finished:
        break;
    }
    return {};
}

SyncCommand::SyncCommand(CliContext& context, QObject* parent)
    : CliCommand(context, parent)
{}

SyncCommand::~SyncCommand() = default;

void SyncCommand::start()
{
    const CliArguments& arguments = m_context.arguments;
    const QString name = arguments.positional().first();
    const std::optional<Account> account = namedAccount(name);
    if (!account)
        return;
    m_account = *account;
    m_journal = chosenJournal(m_account);
    if (m_journal.isEmpty()) {
        fail(ExitUsage, tr("--journal needs a journal's name."));
        return;
    }
    PasswordSource::obtain(m_context.services.clients(), m_account,
                           arguments.isSet(QStringLiteral("password-stdin")), this,
                           [this](const PasswordSource::Outcome& outcome) {
                               if (!outcome.password) {
                                   fail(outcome.exitCode, outcome.error);
                                   return;
                               }
                               run(*outcome.password);
                           });
}

void SyncCommand::run(const QString& password)
{
    // Only now: until the password is read, Ctrl-C must stop a prompt waiting on the terminal.
    m_interrupts = new InterruptWatcher(this);
    connect(m_interrupts, &InterruptWatcher::interrupted, this, &SyncCommand::onInterrupt);
    m_client = m_context.services.clients().clientFor(m_account, password);
    m_client->setPreferSession(true); // two requests buy a session for the whole sync
    m_sync = std::make_unique<AccountSync>(*m_client, m_context.services.outbox(),
                                           m_context.services.mirror(), m_account.name, m_journal);
    connect(m_sync.get(), &AccountSync::outboxSent, this, &SyncCommand::onOutboxSent);
    connect(m_sync.get(), &AccountSync::progress, this, &SyncCommand::onProgress);
    connect(m_sync.get(), &AccountSync::finished, this, &SyncCommand::onFinished);
    m_sinceLine.start();
    m_sync->start();
}

void SyncCommand::onOutboxSent(const OutboxReport& report)
{
    m_needYou = report.failed + report.conflicts;
    const QString sent = QString::number(report.sent.size());
    const QString waiting = QString::number(report.waiting);
    const QString refused = QString::number(report.failed);
    const QString conflicts = QString::number(report.conflicts);
    const bool someWait = report.waiting > 0;
    const bool someNeedYou = report.failed > 0 || report.conflicts > 0;
    QString line;
    if (someWait && someNeedYou)
        //: %1 items sent, %2 waiting because of %3 (the reason), %4 refused, %5 in conflict; %6 is the
        //: account.
        line = tr("outbox sent %1, %2 waiting (%3), %4 refused, %5 in conflict ('inkwell-cli outbox %6' "
                  "shows them)")
                   .arg(sent, waiting, report.stopReason, refused, conflicts, m_account.name);
    else if (someWait)
        //: %1 items sent, %2 waiting because of %3 (the reason).
        line = tr("outbox sent %1, %2 waiting (%3)").arg(sent, waiting, report.stopReason);
    else if (someNeedYou)
        //: %1 items sent, %2 refused, %3 in conflict; %4 is the account.
        line = tr("outbox sent %1, %2 refused, %3 in conflict ('inkwell-cli outbox %4' shows them)")
                   .arg(sent, refused, conflicts, m_account.name);
    else
        //: %1 items sent.
        line = tr("outbox sent %1").arg(sent);
    showLine(line);
}

void SyncCommand::onProgress(SyncEngine::Phase phase, int done, int total)
{
    const QString line = progressLine(phase, done, total);
    if (phase != m_shownPhase)
        showProgress(m_heldLine); // where the phase before ended ("fetching 700/700 entries")
    m_heldLine.clear();
    if (line.isEmpty() || line == m_shownLine)
        return;
    if (phase == m_shownPhase && m_sinceLine.elapsed() < progressInterval) {
        m_heldLine = line;
        return;
    }
    m_shownPhase = phase;
    showProgress(line);
}

void SyncCommand::showProgress(const QString& line)
{
    if (line.isEmpty() || line == m_shownLine)
        return;
    m_shownLine = line;
    m_sinceLine.restart();
    showLine(line);
}

void SyncCommand::showLine(const QString& line)
{
    // "sync JOURNAL: " names the command, like the "inkwell-cli: " of printError().
    const QByteArray bytes = QStringLiteral("sync %1: %2\n").arg(m_journal, line).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

QString SyncCommand::cancelledText()
{
    return tr("cancelled; run sync again to continue");
}

void SyncCommand::onFinished(const SyncReport& report)
{
    if (m_stopping)
        return; // interrupted while the outbox was sent: already on its way out
    m_report = report;
    if (report.cancelled) {
        printError(cancelledText());
        stop(ExitFailure);
        return;
    }
    if (!report.succeeded()) {
        printError(report.errorText);
        stop(ExitFailure);
        return;
    }
    // The mirror is up to date, but something the user queued did not go: say so, and in the exit
    // status, so that a script notices too.
    if (m_needYou > 0) {
        //: %1 is the account.
        printError(
            tr("%n of your queued changes did not go: refused by the server or in conflict with a change "
               "made elsewhere. 'inkwell-cli outbox %1' shows them and why.",
               nullptr, m_needYou)
                .arg(m_account.name));
        stop(ExitFailure);
        return;
    }
    stop(ExitOk);
}

void SyncCommand::onInterrupt(int count)
{
    if (count > 1 || m_stopping) {
        // Asked twice: leave now. Every step of the engine commits in one transaction, so the
        // mirror is at a step boundary whatever is in flight.
        printError(cancelledText());
        finish(ExitFailure);
        return;
    }
    const bool mirroring = m_sync && m_sync->isMirroring();
    if (m_sync)
        m_sync->cancel(); // the mirror does not start, or stops at the engine's next step boundary
    if (mirroring)
        return; // onFinished() follows with report.cancelled
    printError(cancelledText());
    stop(ExitFailure);
}

void SyncCommand::stop(int exitCode)
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (!m_client) {
        finish(exitCode);
        return;
    }
    m_client->endSession(this, [this, exitCode] {
        // Every request of the run counts: the outbox's and the session's end too.
        if (m_report) {
            SyncReport report = *m_report;
            report.requests = m_client->requestsSent();
            if (report.succeeded())
                printOut(syncSummary(report) + u'\n'); // the mirror is done, even if the outbox is not
            else if (!report.cancelled && report.added + report.updated + report.deleted > 0)
                //: %1 is the summary line for scripts, which stays in English: "added A updated U
                //: deleted D requests R seconds S".
                printError(tr("What was fetched is kept (%1); run sync again to continue.")
                               .arg(syncSummary(report)));
        }
        finish(exitCode);
    });
}

} // namespace Inkwell::Cli
