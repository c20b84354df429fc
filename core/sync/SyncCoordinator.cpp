#include "sync/SyncCoordinator.h"

#include "account/AccountPassword.h"
#include "account/AccountStore.h"
#include "store/Database.h"
#include "sync/OutboxService.h"
#include "sync/SyncRunner.h"

namespace Inkwell {

SyncCoordinator::SyncCoordinator(Database& database, PasswordStore& passwords, OutboxService& outbox,
                                 QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_passwords(passwords)
    , m_outbox(outbox)
{
    connect(&m_outbox, &OutboxService::finished, this, [this](const QString& account, const OutboxReport&) {
        if (m_syncing.value(account))
            outboxDone(account);
    });
    connect(&m_outbox, &OutboxService::problem, this, [this](const QString& account, const QString& message) {
        if (m_syncing.contains(account)) {
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
    m_syncing.insert(account, true);
    if (m_outbox.outbox().count(account) > 0 && !m_outbox.isSending(account)) {
        m_outbox.send(account); // outboxDone() follows its finished() (or problem())
        return;
    }
    if (m_outbox.isSending(account))
        return; // its finished() continues
    outboxDone(account);
}

void SyncCoordinator::outboxDone(const QString& account)
{
    m_syncing.insert(account, false);
    readAccountPassword(
        m_database, m_passwords, account, {}, this,
        [this, account](const QString& password) { mirror(account, password); },
        [this, account](const QString& message) {
            m_syncing.remove(account);
            emit failed(account, message);
        });
}

void SyncCoordinator::mirror(const QString& account, const QString& password)
{
    const std::optional<Account> found = AccountStore(m_database).find(account);
    if (!found) {
        m_syncing.remove(account);
        return;
    }
    // A runner per account, kept between syncs: its session serves the next one. A changed account
    // (server, interface, proxy, ...) or password needs a new one; the old one is idle here.
    Runner& kept = m_runners[account];
    if (kept.runner && (kept.account != *found || kept.password != password)) {
        delete kept.runner; // cancels and joins its (idle) thread
        kept.runner = nullptr;
    }
    SyncRunner*& runner = kept.runner;
    if (!runner) {
        kept.account = *found;
        kept.password = password;
        runner = new SyncRunner(m_database.path(), *found, password, this);
        connect(runner, &SyncRunner::progress, this,
                [this, account](SyncEngine::Phase phase, int done, int total) {
                    emit progress(account, phase, done, total);
                });
        connect(runner, &SyncRunner::finished, this, [this, account](const SyncReport& report) {
            m_syncing.remove(account);
            emit finished(account, report);
        });
    }
    runner->start();
}

} // namespace Inkwell
