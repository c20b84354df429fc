#pragma once

#include <QSqlDatabase>
#include <QThread>

#include <atomic>
#include <chrono>

namespace Inkwell {

class WalCheckpointWorker;

// Checkpoints a WAL database from a thread of its own while a writer is busy (a sync), so that
// the writer never waits for a checkpoint's fsyncs: SQLite's automatic checkpoint runs them in
// the thread that commits, about 15 ms for every 4 MB of WAL here, a tenth of a large sync.
//
// While it exists, the writer connection does no automatic checkpoints. Every `interval` the
// checkpointer's own connection copies what the WAL gained into the database (PASSIVE: never
// blocks the writer). A writer that never pauses keeps those from ever finishing the WAL, so it
// would only grow; past `restartFrames` frames a RESTART checkpoint waits for the writer's current
// transaction, holds its next one back while it finishes, and lets the WAL start over.
// Destroying it stops the thread and gives the writer back its automatic checkpoints.
//
// Does nothing for a database that is not in WAL mode (an in-memory one, say).
class WalCheckpointer
{
public:
    explicit WalCheckpointer(QSqlDatabase writer,
                             std::chrono::milliseconds interval = std::chrono::milliseconds(100),
                             int restartFrames = 16384);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    bool isActive() const { return m_worker != nullptr; }
    // Checkpoints that copied frames, and RESTART checkpoints, so far (for tests and benchmarks).
    int checkpoints() const { return m_checkpoints.load(); }
    int restarts() const { return m_restarts.load(); }

private:
    QSqlDatabase m_writer;
    int m_writerAutocheckpoint = 0;
    QThread m_thread;
    WalCheckpointWorker* m_worker = nullptr;
    std::atomic<int> m_checkpoints{0};
    std::atomic<int> m_restarts{0};
};

} // namespace Inkwell
