#pragma once

#include "journal/Account.h"
#include "sync/SyncEngine.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace Inkwell {

class AccountClients;
class Database;
class OutboxService;
class SyncRunner;

// "Sync" for the GUI: for one account, AccountSync (its outbox first, then its journal, then
// each community of the account the mirror holds) on a worker thread (SyncRunner). One sync per account at a
// time; the account and its password come from AccountClients. While the sync sends the outbox, OutboxService
// holds the account, and an outbox run of its own that is under way is waited for first: the outbox never
// goes out twice.
class SyncCoordinator : public QObject
{
    Q_OBJECT
public:
    SyncCoordinator(Database& database, AccountClients& clients, OutboxService& outbox,
                    QObject* parent = nullptr);
    ~SyncCoordinator() override;

    void sync(const QString& account);
    void syncAll();
    bool isSyncing(const QString& account) const { return m_syncing.contains(account); }
    // Stops the account's sync at its next step boundary; finished() follows with a cancelled
    // report. What was mirrored so far is kept, and the next sync goes on from there.
    void cancel(const QString& account);

signals:
    void progress(const QString& account, Inkwell::SyncEngine::Phase phase, int done, int total);
    void finished(const QString& account, const Inkwell::SyncReport& report);
    void failed(const QString& account, const QString& message);

private:
    void begin(const QString& account);
    void run(const Account& account, const QString& password);
    void stop(const QString& account);

    Database& m_database;
    AccountClients& m_clients;
    OutboxService& m_outbox;
    QSet<QString> m_syncing;
    QSet<QString> m_waitingForOutbox; // its outbox run started before the sync: waited for
    struct Runner
    {
        SyncRunner* runner = nullptr; // a child of this
        Account account;              // what it was made with
        QString password;
        QStringList communities; // still to sync in this run, after the account's own journal
        QString journal;         // the one syncing now (empty: the account's own)
        SyncReport total;        // of this run so far
    };
    void onJournalSynced(const QString& account, const SyncReport& report);
    QHash<QString, Runner> m_runners;
};

} // namespace Inkwell
