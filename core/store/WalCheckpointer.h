#pragma once

#include <QSqlDatabase>
#include <QThread>

#include <atomic>
#include <chrono>
#include <optional>

namespace Inkwell {

class WalCheckpointWorker;

// Turns SQLite's automatic checkpoint off on one connection while it exists, and back to what it
// was after. A connection that commits while a WalCheckpointer serves the database then never
// runs a checkpoint's fsyncs in its own thread: the sync engine's commits at the end of a sync
// took up to 33 ms that way, on whatever thread runs the engine (the GUI's, possibly). Make and
// destroy it on the connection's thread.
class AutocheckpointPause
{
public:
    explicit AutocheckpointPause(QSqlDatabase connection);
    ~AutocheckpointPause();
    AutocheckpointPause(const AutocheckpointPause&) = delete;
    AutocheckpointPause& operator=(const AutocheckpointPause&) = delete;

    bool isActive() const { return m_previous.has_value(); }

private:
    QSqlDatabase m_connection;
    std::optional<int> m_previous; // the setting to give back; none if it could not be changed
};

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
    std::optional<AutocheckpointPause> m_writerPause;
    QThread m_thread;
    WalCheckpointWorker* m_worker = nullptr;
    std::atomic<int> m_checkpoints{0};
    std::atomic<int> m_restarts{0};
};

} // namespace Inkwell
