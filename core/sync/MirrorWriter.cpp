#include "sync/MirrorWriter.h"

#include "store/Database.h"
#include "store/JournalStore.h"
#include "store/SyncStateStore.h"
#include "store/WalCheckpointer.h"
#include "sync/ListedPage.h"
#include "sync/MirrorCommitter.h"

#include <QMutex>

#include <atomic>
#include <memory>

namespace Inkwell {

// Lives on the writer's thread; its database connection is made and closed there.
class MirrorWriterWorker : public QObject
{
    Q_OBJECT
public:
    MirrorWriterWorker(QString databasePath, qint64 journalId)
        : m_databasePath(std::move(databasePath))
        , m_journalId(journalId)
    {}

    std::atomic<bool> stopping{false};
    // Everything stored so far (read on this thread only).
    StoredCounts total;

    // Filled by MirrorWriter::store(), emptied by drain().
    QMutex queueMutex;
    QList<FetchSpool::Batch> queue;

    // Stores what is queued. Replies that have queued up while the previous ones were stored go in
    // together, in one transaction: one FTS5 flush and one commit for several batches, so that a
    // writer that has fallen behind catches up instead of holding the engine back.
    void drain()
    {
        QList<FetchSpool::Batch> batches;
        {
            QMutexLocker locker(&queueMutex);
            batches.swap(queue);
        }
        if (batches.isEmpty() || stopping || m_failed)
            return; // left in the spool
        if (!m_committer && !open())
            return;
        qsizetype at = 0;
        while (at < batches.size() && !m_failed) {
            if (ListedPage::isPage(batches.at(at))) {
                storePage(batches.at(at++));
                continue;
            }
            qsizetype end = at;
            while (end < batches.size() && !ListedPage::isPage(batches.at(end)))
                ++end;
            storeReplies(batches.mid(at, end - at));
            at = end;
        }
    }

    // Before the thread ends.
    void close()
    {
        m_checkpointer.reset();
        m_committer.reset();
        m_state.reset();
        m_entries.reset();
        m_database.reset();
    }

signals:
    void stored(int added, int updated, int batches);
    void failed(const Inkwell::ProtocolError& readError, const QString& storeError);

private:
    void storePage(const FetchSpool::Batch& batch)
    {
        const std::optional<ListedPage> page = ListedPage::fromBatch(batch);
        if (!page || !m_committer->storePage(*page, batch.sequence)) {
            m_failed = true;
            emit failed({},
                        !page ? QStringLiteral("a listed page could not be read back from %1").arg(batch.file)
                              : m_committer->lastError());
            return;
        }
        emit stored(0, 0, 1);
    }

    void storeReplies(const QList<FetchSpool::Batch>& replies)
    {
        QList<JournalEntry> entries;
        QList<PendingItem> requested;
        for (qsizetype i = 0; i < replies.size(); ++i) {
            const auto read = spooledEntries(replies.at(i));
            if (!read) {
                // Its status said success, its content does not read: the replies before it are
                // stored, it is dropped (its ids stay pending), and the writer stops.
                if (i > 0)
                    storeReplies(replies.first(i));
                if (m_failed)
                    return;
                m_failed = true;
                emit failed(read.error(), {});
                return;
            }
            entries.append(read.value());
            requested.append(replies.at(i).requested);
        }
        const std::optional<StoredCounts> counts =
            m_committer->storeEntries(entries, requested, replies.last().sequence);
        if (!counts) {
            // The files stay, and the next sync stores them.
            m_failed = true;
            emit failed({}, m_committer->lastError());
            return;
        }
        // Their numbers are committed: the engine's FetchSpool removes their file once all of it is
        // stored (dropStored()), and a sync that resumes before that never stores them again.
        total.added += counts->added;
        total.updated += counts->updated;
        emit stored(counts->added, counts->updated, int(replies.size()));
    }

    bool open()
    {
        m_database = std::make_unique<Database>(m_databasePath);
        if (!m_database->open()) {
            m_failed = true;
            emit failed({}, m_database->error());
            return false;
        }
        m_entries = std::make_unique<JournalStore>(m_database->connection());
        m_state = std::make_unique<SyncStateStore>(m_database->connection());
        m_committer = std::make_unique<MirrorCommitter>(*m_entries, *m_state, m_journalId);
        // This connection does nearly all of the sync's writing; its checkpointer serves the whole
        // database (one WAL), the engine's few commits included.
        m_checkpointer = std::make_unique<WalCheckpointer>(m_database->connection());
        return true;
    }

    QString m_databasePath;
    qint64 m_journalId;
    bool m_failed = false;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<JournalStore> m_entries;
    std::unique_ptr<SyncStateStore> m_state;
    std::unique_ptr<MirrorCommitter> m_committer;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

MirrorWriter::MirrorWriter(const QString& databasePath, qint64 journalId, QObject* parent)
    : QObject(parent)
    , m_worker(new MirrorWriterWorker(databasePath, journalId))
{
    m_thread.setObjectName(QStringLiteral("mirror writer"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &MirrorWriterWorker::stored, this, [this](int added, int updated, int batches) {
        m_backlog -= batches;
        m_reported.added += added;
        m_reported.updated += updated;
        emit stored(added, updated);
    });
    connect(m_worker, &MirrorWriterWorker::failed, this,
            [this](const ProtocolError& readError, const QString& storeError) {
                --m_backlog;
                emit failed(readError, storeError);
            });
    m_thread.start();
}

MirrorWriter::~MirrorWriter()
{
    m_worker->stopping = true;
    // Runs after the batch being stored (the others are skipped, and stay spooled).
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

StoredCounts MirrorWriter::finish()
{
    release();
    disconnect(m_worker, nullptr, this, nullptr);
    StoredCounts total;
    // Queued behind every batch given: runs once they are all stored.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, &total] { total = worker->total; }, Qt::BlockingQueuedConnection);
    const StoredCounts unreported{total.added - m_reported.added, total.updated - m_reported.updated};
    m_reported = total;
    m_backlog = 0;
    return unreported;
}

void MirrorWriter::store(const FetchSpool::Batch& batch)
{
    hold(batch);
    release();
}

void MirrorWriter::hold(const FetchSpool::Batch& batch)
{
    ++m_backlog;
    m_held.append(batch);
}

void MirrorWriter::release()
{
    if (m_held.isEmpty())
        return;
    {
        QMutexLocker locker(&m_worker->queueMutex);
        m_worker->queue.append(m_held);
    }
    m_held.clear();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->drain(); });
}

} // namespace Inkwell

#include "MirrorWriter.moc"
