#include "sync/SyncCoordinator.h"

#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "sync/OutboxService.h"
#include "sync/SyncRunner.h"

namespace Inkwell {

SyncCoordinator::SyncCoordinator(Database& database, AccountClients& clients, OutboxService& outbox,
                                 QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clients(clients)
    , m_outbox(outbox)
{
    connect(&m_outbox, &OutboxService::finished, this, [this](const QString& account, const OutboxReport&) {
        if (m_waitingForOutbox.remove(account))
            begin(account);
    });
    connect(&m_outbox, &OutboxService::problem, this, [this](const QString& account, const QString& message) {
        if (m_waitingForOutbox.remove(account)) {
            m_syncing.remove(account);
            emit failed(account, message);
        }
    });
}

SyncCoordinator::~SyncCoordinator() = default; // runners are children: they cancel and join

void SyncCoordinator::syncAll()
{
    for (const Account& account : AccountStore(m_database).accounts())
        sync(account.name);
}

void SyncCoordinator::sync(const QString& account)
{
    if (m_syncing.contains(account))
        return;
    m_syncing.insert(account);
    if (m_outbox.isSending(account)) {
        m_waitingForOutbox.insert(account); // begin() follows its finished() (or problem())
        return;
    }
    begin(account);
}

void SyncCoordinator::cancel(const QString& account)
{
    const Runner kept = m_runners.value(account);
    if (kept.runner && kept.runner->isRunning())
        kept.runner->cancel();
}

void SyncCoordinator::begin(const QString& account)
{
    m_outbox.hold(account);
    m_clients.readCredentials(
        account, {}, this, [this](const Account& found, const QString& password) { run(found, password); },
        [this, account](const QString& message) {
            stop(account);
            emit failed(account, message);
        });
}

void SyncCoordinator::run(const Account& account, const QString& password)
{
    const QString name = account.name;
    // A runner per account, kept between syncs: its session serves the next one. A changed account
    // (server, interface, proxy, ...) or password needs a new one; the old one is idle here.
    Runner& kept = m_runners[name];
    if (kept.runner && (kept.account != account || kept.password != password)) {
        delete kept.runner; // cancels and joins its (idle) thread
        kept.runner = nullptr;
    }
    SyncRunner*& runner = kept.runner;
    if (!runner) {
        kept.account = account;
        kept.password = password;
        runner = new SyncRunner(m_database.path(), account, password, this);
        connect(runner, &SyncRunner::outboxChanged, &m_outbox, &OutboxService::outboxChanged);
        connect(runner, &SyncRunner::outboxSent, this,
                [this, name](const OutboxReport& report) { m_outbox.sentBySync(name, report); });
        connect(runner, &SyncRunner::progress, this,
                [this, name](SyncEngine::Phase phase, int done, int total) {
                    emit progress(name, phase, done, total);
                });
        connect(runner, &SyncRunner::finished, this,
                [this, name](const SyncReport& report) { onJournalSynced(name, report); });
    }
    // The communities the user chose to mirror (their journals are in the mirror) follow the
    // account's own journal, in the same run and session.
    kept.communities.clear();
    for (const MirroredJournal& journal : JournalStore(m_database.connection()).journals()) {
        if (journal.accountName == name && !journal.isAccountsOwn)
            kept.communities.append(journal.journal);
    }
    kept.journal.clear();
    kept.total = SyncReport{};
    runner->start();
}

void SyncCoordinator::onJournalSynced(const QString& account, const SyncReport& report)
{
    Runner& kept = m_runners[account];
    SyncReport& total = kept.total;
    total.added += report.added;
    total.updated += report.updated;
    total.deleted += report.deleted;
    total.requests += report.requests;
    total.milliseconds += report.milliseconds;
    if (!report.succeeded()) {
        total.cancelled = report.cancelled;
        total.error = report.error;
        total.errorText = kept.journal.isEmpty() || report.errorText.isEmpty()
                              ? report.errorText
                              : QStringLiteral("%1: %2").arg(kept.journal, report.errorText);
    } else if (!kept.communities.isEmpty()) {
        kept.journal = kept.communities.takeFirst();
        kept.runner->start(kept.journal);
        return;
    }
    stop(account);
    emit finished(account, total);
}

void SyncCoordinator::stop(const QString& account)
{
    m_syncing.remove(account);
    m_outbox.release(account);
}

} // namespace Inkwell
