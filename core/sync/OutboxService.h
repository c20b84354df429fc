#pragma once

#include "sync/OutboxSender.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <memory>

namespace Inkwell {

class AccountClients;
class AccountRetries;
class JournalStore;
class LjClient;
class Outbox;
class WeblogPinger;

// Sends each account's outbox when asked (after a post, at start-up, from the Outbox view) and,
// while items wait because the network or the server is down, tries again later with a growing
// delay (15 s doubling up to 5 min). One OutboxSender runs per account at a time, on the account's
// client from AccountClients (which reads the password each run; nothing is kept here).
//
// A sync sends the outbox itself, first (AccountSync, on the sync's thread): while it does, the
// account is held here, so the outbox never goes out twice at once, and what it sent is reported
// here as if this service had sent it (sentBySync()).
class OutboxService : public QObject
{
    Q_OBJECT
public:
    OutboxService(Outbox& outbox, JournalStore& mirror, AccountClients& clients, QObject* parent = nullptr);
    ~OutboxService() override;

    Outbox& outbox() { return m_outbox; }

    // Sends `account`'s outbox now (while a run for it is under way, or it is held: once that ends).
    void send(const QString& account);
    // Sends every account's outbox that has items waiting.
    void sendAll();
    // A run is under way for `account`, or a sync holds it.
    bool isSending(const QString& account) const { return m_runs.contains(account); }

    // A sync sends `account`'s outbox from now until release(); call only when !isSending().
    void hold(const QString& account);
    // What the sync's outbox run did: pings, retries, signals, as for a run of this service.
    void sentBySync(const QString& account, const OutboxReport& report);
    // The sync is done with the outbox; a send() asked for meanwhile goes out now.
    void release(const QString& account);

    // After public, non-backdated posts, tell this Weblogs.com-style server (empty: never).
    void setPingServer(const QUrl& endpoint) { m_pingServer = endpoint; }
    QUrl pingServer() const { return m_pingServer; }

    // Retry delays: the first, doubled after each failed try, up to the last.
    void setRetryDelays(int firstMs, int maxMs);

signals:
    // An item changed state or left the outbox (views refresh).
    void outboxChanged();
    void finished(const QString& account, const Inkwell::OutboxReport& report);
    // Something the user must act on: no password, unknown account.
    void problem(const QString& account, const QString& message);
    void pinged(const QString& account, bool ok, const QString& message);

private:
    struct Run;
    void start(const QString& account, std::shared_ptr<LjClient> client);
    void runFinished(const QString& account, const OutboxReport& report);
    // Pings, retries and signals after a run, this service's or a sync's.
    void reportRun(const QString& account, const OutboxReport& report);
    void ping(const QString& account, const QStringList& postUrls);

    Outbox& m_outbox;
    JournalStore& m_mirror;
    AccountClients& m_clients;
    QHash<QString, std::shared_ptr<Run>> m_runs;
    QUrl m_pingServer;
    WeblogPinger* m_pinger = nullptr;
    AccountRetries* m_retries;
};

} // namespace Inkwell
