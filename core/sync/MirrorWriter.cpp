#include "sync/MirrorWriter.h"

#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "store/WalCheckpointer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <atomic>
#include <memory>

namespace Inkwell {

const QString pageFormat = QStringLiteral("syncitems");

QByteArray pageBody(const SyncState& state)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("cursor"), state.cursor},
                                     {QStringLiteral("scanCursor"), state.scanCursor},
                                     {QStringLiteral("scanMaxTime"), state.scanMaxTime}})
        .toJson(QJsonDocument::Compact);
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

    void store(const FetchSpool::Batch& batch)
    {
        if (stopping || m_failed)
            return;
        if (!m_store && !open())
            return;
        if (batch.format == pageFormat) {
            bool unreadable = false;
            if (!storeListedPage(*m_store, m_journalId, batch, &unreadable)) {
                m_failed = true;
                emit failed(
                    {}, unreadable
                            ? QStringLiteral("a listed page could not be read back from %1").arg(batch.file)
                            : m_store->lastError());
                return;
            }
            QFile::remove(batch.file);
            emit stored(0, 0);
            return;
        }
        const auto entries = keptEntries(batch.format, batch.body);
        if (!entries) {
            // Its status said success, its content does not read: dropped, its ids stay pending.
            m_failed = true;
            QFile::remove(batch.file);
            emit failed(entries.error(), {});
            return;
        }
        int added = 0;
        int updated = 0;
        if (!storeFetchedEntries(*m_store, m_journalId, entries.value(), batch.requested, 0, batch.sequence,
                                 &added, &updated)) {
            // The file stays, and the next sync stores it.
            m_failed = true;
            emit failed({}, m_store->lastError());
            return;
        }
        // Once its number is committed a file left behind is only removed, never stored again.
        QFile::remove(batch.file);
        totalAdded += added;
        totalUpdated += updated;
        emit stored(added, updated);
    }

    // Before the thread ends.
    void close()
    {
        m_checkpointer.reset();
        m_store.reset();
        m_database.reset();
    }

signals:
    void stored(int added, int updated);
    void failed(const Inkwell::ProtocolError& readError, const QString& storeError);

private:
    bool open()
    {
        m_database = std::make_unique<Database>(m_databasePath);
        if (!m_database->open()) {
            m_failed = true;
            emit failed({}, m_database->error());
            return false;
        }
        m_store = std::make_unique<JournalStore>(m_database->connection());
        // This connection now does most of the sync's writing.
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
    connect(m_worker, &MirrorWriterWorker::stored, this, [this](int added, int updated) {
        --m_backlog;
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
    ++m_backlog;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, batch] { worker->store(batch); });
}

} // namespace Inkwell

#include "MirrorWriter.moc"
