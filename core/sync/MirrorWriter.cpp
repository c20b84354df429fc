#include "sync/MirrorWriter.h"

#include "journal/EntryJson.h"
#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "store/WalCheckpointer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSet>

#include <atomic>
#include <memory>

namespace Inkwell {

const QString pageFormat = QStringLiteral("syncitems");

QByteArray pageBody(const SyncState& state)
{
    QJsonObject body{{QStringLiteral("cursor"), state.cursor},
                     {QStringLiteral("scanCursor"), state.scanCursor},
                     {QStringLiteral("scanMaxTime"), state.scanMaxTime}};
    if (!state.scanCrowded.isEmpty())
        body.insert(QStringLiteral("scanCrowded"), state.scanCrowded);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

bool storeListedPage(JournalStore& store, qint64 journalId, const FetchSpool::Batch& page, bool* unreadable)
{
    QJsonParseError error;
    const QJsonDocument body = QJsonDocument::fromJson(page.body, &error);
    *unreadable = error.error != QJsonParseError::NoError || !body.isObject();
    if (*unreadable)
        return false;
    SyncState state;
    state.scanning = true;
    state.cursor = body[QStringLiteral("cursor")].toString();
    state.scanCursor = body[QStringLiteral("scanCursor")].toString();
    state.scanMaxTime = body[QStringLiteral("scanMaxTime")].toString();
    state.scanCrowded = body[QStringLiteral("scanCrowded")].toString();
    JournalStore::Transaction transaction(store);
    return store.addPending(journalId, page.requested) && store.saveSyncState(journalId, state) &&
           store.setLastStoredFetch(journalId, page.sequence) && transaction.commit();
}

ProtocolResult<QList<JournalEntry>> keptEntries(const QString& format, const QByteArray& body)
{
    if (format == QLatin1String("json")) { // kept by schema versions 6 and 7
        QList<JournalEntry> entries;
        for (const QJsonValue& entry : QJsonDocument::fromJson(body).array())
            entries.append(entryFromJson(entry.toObject()));
        return entries;
    }
    const auto reply = decodeReplyBody(format, body, QStringLiteral("getevents"));
    if (!reply)
        return reply.error();
    return entriesFromReply(reply.value());
}

bool storeFetchedEntries(JournalStore& store, qint64 journalId, const QList<JournalEntry>& entries,
                         const QList<PendingItem>& donePending, qint64 legacyBatch, qint64 spooled,
                         int* added, int* updated)
{
    QList<qint64> ids;
    ids.reserve(entries.size());
    for (const JournalEntry& entry : entries)
        ids.append(entry.itemid);
    const QSet<qint64> existing = store.existingItemids(journalId, ids);
    int changed = 0;
    for (const JournalEntry& entry : entries) {
        if (existing.contains(entry.itemid) && store.entry(journalId, entry.itemid) != entry)
            ++changed;
    }
    JournalStore::Transaction transaction(store);
    if (!store.upsertEntries(journalId, entries) || !store.removePending(journalId, donePending) ||
        (legacyBatch != 0 && !store.dropFetched(legacyBatch)) ||
        (spooled != 0 && !store.setLastStoredFetch(journalId, spooled)) || !transaction.commit())
        return false;
    *updated += changed;
    *added += int(entries.size() - existing.size());
    return true;
}

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
    int totalAdded = 0;
    int totalUpdated = 0;

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
        if (!m_store && !open())
            return;
        qsizetype at = 0;
        while (at < batches.size() && !m_failed) {
            if (batches.at(at).format == pageFormat) {
                storePage(batches.at(at++));
                continue;
            }
            qsizetype end = at;
            while (end < batches.size() && batches.at(end).format != pageFormat)
                ++end;
            storeReplies(batches.mid(at, end - at));
            at = end;
        }
    }

    // Before the thread ends.
    void close()
    {
        m_checkpointer.reset();
        m_store.reset();
        m_database.reset();
    }

signals:
    void stored(int added, int updated, int batches);
    void failed(const Inkwell::ProtocolError& readError, const QString& storeError);

private:
    void storePage(const FetchSpool::Batch& page)
    {
        bool unreadable = false;
        if (!storeListedPage(*m_store, m_journalId, page, &unreadable)) {
            m_failed = true;
            emit failed(
                {}, unreadable ? QStringLiteral("a listed page could not be read back from %1").arg(page.file)
                               : m_store->lastError());
            return;
        }
        emit stored(0, 0, 1);
    }

    void storeReplies(const QList<FetchSpool::Batch>& replies)
    {
        QList<JournalEntry> entries;
        QList<PendingItem> requested;
        for (qsizetype i = 0; i < replies.size(); ++i) {
            const auto read = keptEntries(replies.at(i).format, replies.at(i).body);
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
        int added = 0;
        int updated = 0;
        if (!storeFetchedEntries(*m_store, m_journalId, entries, requested, 0, replies.last().sequence,
                                 &added, &updated)) {
            // The files stay, and the next sync stores them.
            m_failed = true;
            emit failed({}, m_store->lastError());
            return;
        }
        // Their numbers are committed: the engine's FetchSpool removes their file once all of it is
        // stored (dropStored()), and a sync that resumes before that never stores them again.
        totalAdded += added;
        totalUpdated += updated;
        emit stored(added, updated, int(replies.size()));
    }

    bool open()
    {
        m_database = std::make_unique<Database>(m_databasePath);
        if (!m_database->open()) {
            m_failed = true;
            emit failed({}, m_database->error());
            return false;
        }
        m_store = std::make_unique<JournalStore>(m_database->connection());
        // This connection does nearly all of the sync's writing; its checkpointer serves the whole
        // database (one WAL), the engine's few commits included.
        m_checkpointer = std::make_unique<WalCheckpointer>(m_database->connection());
        return true;
    }

    QString m_databasePath;
    qint64 m_journalId;
    bool m_failed = false;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<JournalStore> m_store;
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
        m_reportedAdded += added;
        m_reportedUpdated += updated;
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

void MirrorWriter::finish(int* added, int* updated)
{
    release();
    disconnect(m_worker, nullptr, this, nullptr);
    int totalAdded = 0;
    int totalUpdated = 0;
    // Queued behind every batch given: runs once they are all stored.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, &totalAdded, &totalUpdated] {
            totalAdded = worker->totalAdded;
            totalUpdated = worker->totalUpdated;
        },
        Qt::BlockingQueuedConnection);
    *added += totalAdded - m_reportedAdded;
    *updated += totalUpdated - m_reportedUpdated;
    m_reportedAdded = totalAdded;
    m_reportedUpdated = totalUpdated;
    m_backlog = 0;
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
