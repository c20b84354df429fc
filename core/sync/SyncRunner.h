#pragma once

#include "journal/Account.h"
#include "sync/OutboxSender.h"
#include "sync/SyncEngine.h"

#include <QObject>
#include <QThread>

#include <functional>

namespace Inkwell {

class LjClient;
class SyncRunnerWorker;

// Runs a sync (AccountSync: the outbox, then the mirror) on a worker thread of its own, so that
// parsing replies and writing the mirror never hold up the thread that owns the runner (the GUI
// thread). The worker opens its own writer connection to the profile database (WAL and a busy
// timeout let it share the file with the GUI's connections) and its own LjClient (a client lives on
// one thread: the GUI's shared ones cannot serve here), and keeps both between syncs, so a session
// bought by one sync serves the next; destroying the runner ends that session on the server. The
// signals arrive queued on the runner's thread.
class SyncRunner : public QObject
{
    Q_OBJECT
public:
    SyncRunner(QString databasePath, Account account, QString password, QObject* parent = nullptr);
    // Cancels a sync in flight and waits for the worker thread to end (the mirror stays at a step
    // boundary: every step commits in one transaction).
    ~SyncRunner() override;

    // Runs on the worker thread once, right after the client is made (retry policy, flavor, ...).
    // Call before the first start().
    void setClientSetup(std::function<void(LjClient&)> setup) { m_clientSetup = std::move(setup); }

    // `journal`: as for SyncEngine (empty: the account's own). Ignored while a sync runs.
    void start(const QString& journal = {}, bool checkDeletions = true);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void outboxChanged();
    void outboxSent(const Inkwell::OutboxReport& report);
    void progress(Inkwell::SyncEngine::Phase phase, int done, int total);
    void finished(const Inkwell::SyncReport& report);

private:
    QThread m_thread;
    SyncRunnerWorker* m_worker = nullptr;
    std::function<void(LjClient&)> m_clientSetup;
    bool m_running = false;
};

} // namespace Inkwell
