#pragma once

#include "sync/OutboxSender.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <memory>

namespace Inkwell {

class AccountRetries;

class Database;
class JournalStore;
class LjClient;
class Outbox;
class PasswordStore;
class WeblogPinger;

// Sends each account's outbox when asked (after a post, at start-up, from the Outbox view) and,
// while items wait because the network or the server is down, tries again later with a growing
// delay (15 s doubling up to 5 min). One OutboxSender runs per account at a time; the password
// comes from the PasswordStore each run and is never kept here.
class OutboxService : public QObject
{
    Q_OBJECT
public:
    OutboxService(Database& database, PasswordStore& passwords, QObject* parent = nullptr);
    ~OutboxService() override;

    Outbox& outbox() { return *m_outbox; }

    // Sends `account`'s outbox now (a no-op while a run for it is under way).
    void send(const QString& account);
    // Sends every account's outbox that has items waiting.
    void sendAll();
    bool isSending(const QString& account) const { return m_runs.contains(account); }

    // After public, non-backdated posts, tell this Weblogs.com-style server (empty: never).
    void setPingServer(const QUrl& endpoint) { m_pingServer = endpoint; }

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
    void start(const QString& account, const QString& password);
    void runFinished(const QString& account, const OutboxReport& report);
    void ping(const QString& account, const QStringList& postUrls);

    Database& m_database;
    PasswordStore& m_passwords;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<JournalStore> m_mirror;
    QHash<QString, std::shared_ptr<Run>> m_runs;
    QUrl m_pingServer;
    WeblogPinger* m_pinger = nullptr;
    AccountRetries* m_retries;
};

} // namespace Inkwell
