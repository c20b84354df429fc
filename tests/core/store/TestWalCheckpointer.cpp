#include "store/Database.h"
#include "store/WalCheckpointer.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;
using namespace std::chrono_literals;

namespace {

int pragma(const QSqlDatabase& db, const QString& name)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return -1;
    return query.value(0).toInt();
}

// Commits `count` transactions of about 16 kB (four pages) each.
bool writeBatches(const QSqlDatabase& db, int count, int firstId = 0)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, data BLOB)")))
        return false;
    query.prepare(QStringLiteral("INSERT INTO blobs (id, data) VALUES (?, ?)"));
    for (int i = 0; i < count; ++i) {
        query.addBindValue(firstId + i);
        query.addBindValue(QByteArray(16000, char('a' + i % 26)));
        if (!query.exec())
            return false;
    }
    return true;
}

qint64 walBytes(const QString& databasePath)
{
    return QFileInfo(databasePath + QStringLiteral("-wal")).size();
}

} // namespace

class TestWalCheckpointer : public QObject
{
    Q_OBJECT
private slots:
    void checkpointsOnItsOwnThreadWhileItLives()
    {
        QTemporaryDir temp;
        Database database(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY2(database.open(), qPrintable(database.error()));
        const QSqlDatabase writer = database.connection();
        const int automatic = pragma(writer, QStringLiteral("wal_autocheckpoint"));
        QVERIFY(automatic > 0);
        const qint64 sizeBefore = QFileInfo(database.path()).size();
        {
            WalCheckpointer checkpointer(writer, 10ms);
            QVERIFY(checkpointer.isActive());
            // The writer checkpoints no more: every frame of 2,000 pages stays in the WAL...
            QCOMPARE(pragma(writer, QStringLiteral("wal_autocheckpoint")), 0);
            QVERIFY(writeBatches(writer, 500));
            // ...until the checkpointer copies them into the database file.
            QTRY_VERIFY(checkpointer.checkpoints() > 0);
            QTRY_VERIFY(QFileInfo(database.path()).size() > sizeBefore + 500 * 16000);
            QCOMPARE(checkpointer.restarts(), 0);
        }
        QCOMPARE(pragma(writer, QStringLiteral("wal_autocheckpoint")), automatic);
        QSqlQuery count(writer);
        QVERIFY(count.exec(QStringLiteral("SELECT count(*), sum(length(data)) FROM blobs")) && count.next());
        QCOMPARE(count.value(0).toInt(), 500);
        QCOMPARE(count.value(1).toLongLong(), 500LL * 16000);
    }

    void aWriterThatNeverPausesStillGetsItsWalStartedOver()
    {
        QTemporaryDir temp;
        Database database(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY2(database.open(), qPrintable(database.error()));
        WalCheckpointer checkpointer(database.connection(), 5ms, 200);
        // Without the restart, 3,000 commits of four pages would leave a WAL of 12,000 pages.
        for (int round = 0; round < 30; ++round) {
            QVERIFY(writeBatches(database.connection(), 100, round * 100));
            QTest::qWait(2);
        }
        QTRY_VERIFY(checkpointer.restarts() > 0);
        // The file keeps its largest size, which without a restart is every one of the 12,000 pages
        // (and their frame headers). How much less it is depends on how often the checkpointer's
        // thread got the CPU: with two busy cores 6,700 pages were seen, idle 2,000 or so.
        QVERIFY2(walBytes(database.path()) < 12000LL * 4096,
                 qPrintable(QString::number(walBytes(database.path()))));
    }

    void aPauseTurnsAutomaticCheckpointsOffAndGivesTheSettingBack()
    {
        QTemporaryDir temp;
        Database database(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY2(database.open(), qPrintable(database.error()));
        const QSqlDatabase connection = database.connection();
        QVERIFY(QSqlQuery(connection).exec(QStringLiteral("PRAGMA wal_autocheckpoint=321")));
        {
            AutocheckpointPause pause(connection);
            QVERIFY(pause.isActive());
            QCOMPARE(pragma(connection, QStringLiteral("wal_autocheckpoint")), 0);
            // 400 commits of four pages: nothing is copied into the database file meanwhile.
            const qint64 sizeBefore = QFileInfo(database.path()).size();
            QVERIFY(writeBatches(connection, 400));
            QCOMPARE(QFileInfo(database.path()).size(), sizeBefore);
        }
        QCOMPARE(pragma(connection, QStringLiteral("wal_autocheckpoint")), 321);
        // The next commit checkpoints again, in the committing thread.
        const qint64 sizeBefore = QFileInfo(database.path()).size();
        QVERIFY(writeBatches(connection, 1, 400));
        QVERIFY(QFileInfo(database.path()).size() > sizeBefore);
    }

    void leavesADatabaseThatIsNotInWalModeAlone()
    {
        const QString name = QStringLiteral("memory");
        {
            QSqlDatabase memory = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            memory.setDatabaseName(QStringLiteral(":memory:"));
            QVERIFY(memory.open());
            const int automatic = pragma(memory, QStringLiteral("wal_autocheckpoint"));
            {
                WalCheckpointer checkpointer(memory);
                QVERIFY(!checkpointer.isActive());
                QCOMPARE(pragma(memory, QStringLiteral("wal_autocheckpoint")), automatic);
                QVERIFY(writeBatches(memory, 10));
            }
            QCOMPARE(pragma(memory, QStringLiteral("wal_autocheckpoint")), automatic);
            memory.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "TestWalCheckpointer.moc"
