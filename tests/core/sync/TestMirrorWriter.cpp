#include "TestAccounts.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "store/SyncStateStore.h"
#include "sync/ListedPage.h"
#include "sync/MirrorWriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Inkwell;

// MirrorWriter on its own, with listed syncitems pages (the batches that need no server): what
// it is given is committed in order, and a held batch only once it is released.
class TestMirrorWriter : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_temp;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<JournalStore> m_store;
    std::unique_ptr<SyncStateStore> m_syncState;
    qint64 m_journalId = 0;

    QString databasePath() const { return m_temp.filePath(QStringLiteral("journal.sqlite")); }

    // A listed page of one item whose enumeration state after it has `cursor` as its scan cursor.
    FetchSpool::Batch page(qint64 sequence, qint64 itemid, const QString& cursor) const
    {
        SyncState state;
        state.scanCursor = cursor;
        FetchSpool::Batch batch = ListedPage{{{itemid, cursor}}, state}.toBatch();
        batch.file = m_temp.filePath(QStringLiteral("page-%1").arg(sequence)); // never written
        batch.sequence = sequence;
        batch.owner = QStringLiteral("test/alice");
        return batch;
    }

    QList<qint64> pendingIds() const
    {
        QList<qint64> ids;
        for (const PendingItem& item : m_syncState->pending(m_journalId, 100))
            ids.append(item.itemid);
        return ids;
    }

private slots:
    void init()
    {
        QVERIFY(m_temp.isValid());
        QFile::remove(databasePath());
        m_database = std::make_unique<Database>(databasePath());
        QVERIFY(m_database->open());
        QVERIFY(addTestAccount(*m_database, QStringLiteral("test"), QStringLiteral("alice")));
        m_store = std::make_unique<JournalStore>(m_database->connection());
        m_syncState = std::make_unique<SyncStateStore>(m_database->connection());
        m_journalId = m_store->journalId(QStringLiteral("test"), QStringLiteral("alice"));
        QVERIFY(m_journalId != 0);
    }

    void cleanup()
    {
        m_syncState.reset();
        m_store.reset();
        m_database.reset();
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(databasePath() + suffix);
    }

    void heldBatchIsStoredOnlyOnceReleased()
    {
        MirrorWriter writer(databasePath(), m_journalId);
        QSignalSpy stored(&writer, &MirrorWriter::stored);
        writer.hold(page(1, 11, QStringLiteral("2026-01-01 00:00:01")));
        QCOMPARE(writer.backlog(), 1);
        // Given a quarter of a second, a writer that had the batch would have committed it.
        QVERIFY(!stored.wait(250));
        QCOMPARE(pendingIds(), QList<qint64>{});
        QCOMPARE(m_syncState->lastStoredFetch(m_journalId), qint64(0));

        writer.release();
        QVERIFY(stored.wait());
        QCOMPARE(writer.backlog(), 0);
        QCOMPARE(pendingIds(), QList<qint64>{11});
        QCOMPARE(m_syncState->lastStoredFetch(m_journalId), qint64(1));

        writer.release(); // nothing held: nothing to do
        QVERIFY(!stored.wait(100));
    }

    void storeAfterHoldKeepsTheOrderGiven()
    {
        MirrorWriter writer(databasePath(), m_journalId);
        writer.hold(page(1, 11, QStringLiteral("2026-01-01 00:00:01")));
        writer.hold(page(2, 12, QStringLiteral("2026-01-01 00:00:02")));
        writer.store(page(3, 13, QStringLiteral("2026-01-01 00:00:03")));
        QCOMPARE(writer.backlog(), 3);
        writer.finish();
        QCOMPARE(writer.backlog(), 0);
        QCOMPARE(pendingIds(), (QList<qint64>{11, 12, 13}));
        // The state after the last page given is the one committed last.
        QCOMPARE(m_syncState->syncState(m_journalId).scanCursor, QStringLiteral("2026-01-01 00:00:03"));
        QCOMPARE(m_syncState->lastStoredFetch(m_journalId), qint64(3));
    }

    void finishStoresWhatIsHeld()
    {
        MirrorWriter writer(databasePath(), m_journalId);
        writer.hold(page(1, 11, QStringLiteral("2026-01-01 00:00:01")));
        writer.finish();
        QCOMPARE(pendingIds(), QList<qint64>{11});
        QCOMPARE(m_syncState->lastStoredFetch(m_journalId), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestMirrorWriter)
#include "TestMirrorWriter.moc"
