#include "sync/OutboxService.h"

#include "account/AccountClients.h"
#include "account/AccountRetries.h"
#include "protocol/LjClient.h"
#include "protocol/WeblogPinger.h"
#include "store/Outbox.h"

#include <QSet>

namespace Inkwell {

struct OutboxService::Run
{
    std::shared_ptr<LjClient> client; // the account's, shared
    std::unique_ptr<OutboxSender> sender;
    bool held = false;  // a sync sends the outbox meanwhile
    bool again = false; // send() was asked for while held
};

OutboxService::OutboxService(Outbox& outbox, JournalStore& mirror, AccountClients& clients, QObject* parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_mirror(mirror)
    , m_clients(clients)
    , m_retries(new AccountRetries([this](const QString& account) { send(account); }, this))
{}

OutboxService::~OutboxService() = default;

void OutboxService::setRetryDelays(int firstMs, int maxMs)
{
    m_retries->setDelays(firstMs, maxMs);
}

void OutboxService::sendAll()
{
    QSet<QString> accounts;
    for (const OutboxItem& item : m_outbox.items()) {
        if (item.state == OutboxState::Waiting || item.state == OutboxState::Unknown ||
            item.state == OutboxState::Sending)
            accounts.insert(item.account);
    }
    for (const QString& account : accounts)
        send(account);
}

void OutboxService::send(const QString& account)
{
    if (const auto run = m_runs.value(account)) {
        if (run->held)
            run->again = true; // once the sync is done with it
        return;
    }
    m_retries->cancel(account);
    m_runs.insert(account, std::make_shared<Run>()); // a placeholder while the keychain answers
    m_clients.clientFor(
        account, tr("the outbox will be sent"), this,
        [this, account](std::shared_ptr<LjClient> client) { start(account, std::move(client)); },
        [this, account](const QString& message) {
            m_runs.remove(account);
            emit problem(account, message);
        });
}

void OutboxService::hold(const QString& account)
{
    if (m_runs.contains(account))
        return;
    auto run = std::make_shared<Run>();
    run->held = true;
    m_runs.insert(account, run);
    m_retries->cancel(account); // the sync sends it now
}

void OutboxService::sentBySync(const QString& account, const OutboxReport& report)
{
    reportRun(account, report); // still held until release()
}

void OutboxService::release(const QString& account)
{
    const std::shared_ptr<Run> run = m_runs.value(account);
    if (!run || !run->held)
        return;
    m_runs.remove(account);
    if (run->again)
        send(account);
}

void OutboxService::start(const QString& account, std::shared_ptr<LjClient> client)
{
    const std::shared_ptr<Run> run = m_runs.value(account);
    if (!run) {
        m_runs.remove(account);
        return;
    }
    run->client = std::move(client);
    run->sender = std::make_unique<OutboxSender>(*run->client, m_outbox, m_mirror, account);
    connect(run->sender.get(), &OutboxSender::itemChanged, this, &OutboxService::outboxChanged);
    // The run is in m_runs until runFinished(), which outlives this connection (the sender's).
    connect(run->sender.get(), &OutboxSender::finished, this,
            [this, account, client = run->client.get()](const OutboxReport& report) {
                // A session (cookie authentication) ends with the run. endSession() answers from the event
                // loop, so the sender, which emits from inside its own call chain, returns before it is
                // deleted.
                client->endSession(this, [this, account, report] { runFinished(account, report); });
            });
    run->sender->start();
}

void OutboxService::runFinished(const QString& account, const OutboxReport& report)
{
    m_runs.remove(account);
    reportRun(account, report);
}

void OutboxService::reportRun(const QString& account, const OutboxReport& report)
{
    if (!m_pingServer.isEmpty() && !report.publicPostUrls.isEmpty())
        ping(account, report.publicPostUrls);
    if (report.waiting > 0 && !report.stopReason.isEmpty())
        m_retries->failed(account);
    else
        m_retries->succeeded(account);
    emit outboxChanged();
    emit finished(account, report);
}

void OutboxService::ping(const QString& account, const QStringList& postUrls)
{
    if (!m_pinger)
        m_pinger = new WeblogPinger(this);
    // One ping per journal: the service looks at the journal's front page, not at each entry.
    QSet<QString> journals;
    for (const QString& postUrl : postUrls) {
        const QUrl url(postUrl);
        QUrl journal = url.adjusted(QUrl::RemoveFilename | QUrl::RemoveQuery | QUrl::RemoveFragment);
        if (!journal.isValid() || journals.contains(journal.toString()))
            continue;
        journals.insert(journal.toString());
        // The journal's name: the path's last folder (/users/alice/, /~alice/) or the first label of
        // a per-journal host (alice.dreamwidth.org).
        QString journalName = journal.path().section(QLatin1Char('/'), -2, -2);
        if (journalName.startsWith(QLatin1Char('~')))
            journalName.remove(0, 1);
        if (journalName.isEmpty())
            journalName = journal.host().section(QLatin1Char('.'), 0, 0);
        const QString name = QStringLiteral("%1 @ %2").arg(journalName, journal.host());
        m_pinger->ping(m_pingServer, name, journal, this, [this, account](const PingResult& result) {
            emit pinged(account, result.ok, result.message);
        });
    }
}

} // namespace Inkwell
