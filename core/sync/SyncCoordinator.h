#pragma once

#include "journal/Account.h"
#include "sync/SyncEngine.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Inkwell {

class Database;
class OutboxService;
class PasswordStore;
class SyncRunner;
struct OutboxReport;

// "Sync" for the GUI: for one account, first send its outbox (so what was written offline goes
// out before anything else, exactly once), then mirror its journal on a worker thread
// (SyncRunner). One sync per account at a time; the password comes from the PasswordStore.
class SyncCoordinator : public QObject
{
    Q_OBJECT
public:
    SyncCoordinator(Database& database, PasswordStore& passwords, OutboxService& outbox,
                    QObject* parent = nullptr);
    ~SyncCoordinator() override;

    void sync(const QString& account);
    void syncAll();
    bool isSyncing(const QString& account) const { return m_syncing.contains(account); }

signals:
    void progress(const QString& account, Inkwell::SyncEngine::Phase phase, int done, int total);
    void finished(const QString& account, const Inkwell::SyncReport& report);
    void failed(const QString& account, const QString& message);

private:
    void outboxDone(const QString& account);
    void mirror(const QString& account, const QString& password);

    Database& m_database;
    PasswordStore& m_passwords;
    OutboxService& m_outbox;
    QHash<QString, bool> m_syncing; // account -> waiting for its outbox run
    struct Runner
    {
        SyncRunner* runner = nullptr; // a child of this
        Account account;              // what it was made with
        QString password;
    };
    QHash<QString, Runner> m_runners;
};

} // namespace Inkwell
