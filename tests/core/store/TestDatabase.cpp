#include "store/Database.h"
#include "store/Migrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Inkwell;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// The permission bits of `path` as stat gives them (0777 for a missing file).
mode_t modeOf(const QString& path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_mode & 07777 : 0777;
}

// Writes a database with the given user_version through a plain connection, as another program
// (or a newer Inkwell) would.
void writeForeignDatabase(const QString& path, int userVersion)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE future_things (x)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version=%1").arg(userVersion)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void newDatabaseIsCreatedAtTheLatestSchema()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY2(db.open(), qPrintable(db.error()));
        QCOMPARE(db.schemaVersion(), latestJournalSchemaVersion());
        QVERIFY(latestJournalSchemaVersion() >= 1);

        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM entries")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }

    void reopeningKeepsData()
    {
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("journal.sqlite"));
        {
            Database db(path);
            QVERIFY(db.open());
            QSqlQuery query(db.connection());
            QVERIFY(query.exec(QStringLiteral("INSERT INTO accounts (name, server_url, username) "
                                              "VALUES ('dw', 'https://www.dreamwidth.org', 'alice')")));
        }
        Database again(path);
        QVERIFY2(again.open(), qPrintable(again.error()));
        QSqlQuery query(again.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT username FROM accounts WHERE name = 'dw'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("alice"));
    }

    // For commands that only read a profile that cannot be written: the data is there, nothing is
    // written, created or changed (not even the -wal and -shm that a WAL database makes at open).
    void readOnlyAccessReadsAndChangesNothing()
    {
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("journal.sqlite"));
        {
            Database db(path);
            QVERIFY(db.open());
            QSqlQuery query(db.connection());
            QVERIFY(query.exec(QStringLiteral("INSERT INTO accounts (name, server_url, username) "
                                              "VALUES ('dw', 'https://www.dreamwidth.org', 'alice')")));
        }
        const QStringList before = QDir(temp.path()).entryList(QDir::Files);
        const QByteArray digest = fileHash(path);
        {
            Database db(path);
            QVERIFY2(db.open(Database::Access::ReadOnly), qPrintable(db.error()));
            QVERIFY(db.isReadOnly());
            QSqlQuery query(db.connection());
            QVERIFY(query.exec(QStringLiteral("SELECT username FROM accounts WHERE name = 'dw'")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("alice"));
            QVERIFY(!query.exec(QStringLiteral("DELETE FROM accounts")));
            QCOMPARE(QDir(temp.path()).entryList(QDir::Files), before);
            const QString readerName = QStringLiteral("readOnlyAccessReader");
            {
                QSqlDatabase reader = db.openReaderConnection(readerName);
                QVERIFY(reader.isOpen());
                QSqlQuery read(reader);
                QVERIFY(read.exec(QStringLiteral("SELECT count(*) FROM accounts")) && read.next());
                QCOMPARE(read.value(0).toInt(), 1);
                reader.close();
            }
            QSqlDatabase::removeDatabase(readerName);
        }
        QCOMPARE(QDir(temp.path()).entryList(QDir::Files), before);
        QCOMPARE(fileHash(path), digest);
        Database missing(temp.filePath(QStringLiteral("none.sqlite")));
        QVERIFY(!missing.open(Database::Access::ReadOnly));
        QVERIFY(!QFile::exists(temp.filePath(QStringLiteral("none.sqlite"))));
    }

    void olderSchemaIsMigrated()
    {
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("journal.sqlite"));
        writeForeignDatabase(path, 0); // an empty, never-migrated file
        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.error()));
        QCOMPARE(db.schemaVersion(), latestJournalSchemaVersion());
    }

    // A profile written by the Inkwell before account logins were kept (schema 3) opens in this
    // one: its accounts stay and each can now keep its login (v4).
    void version3ProfileGainsTheLoginTable()
    {
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("journal.sqlite"));
        {
            QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
            old.setDatabaseName(path);
            QVERIFY(old.open());
            QSqlQuery query(old);
            for (const Migration& step : journalMigrations()) {
                if (step.version > 3)
                    break;
                for (const QString& statement : step.statements)
                    QVERIFY2(query.exec(statement), qPrintable(statement));
            }
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version=3")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO accounts (name, server_url, username) "
                                              "VALUES ('dw', 'https://www.dreamwidth.org', 'alice')")));
            old.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));

        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.error()));
        QCOMPARE(db.schemaVersion(), latestJournalSchemaVersion());
        QVERIFY(db.schemaVersion() >= 4);
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO account_login (account, fetched_at, info) "
                                          "VALUES ('dw', '2026-11-23T12:00:00Z', '{}')")));
        QVERIFY(query.exec(QStringLiteral("SELECT username FROM accounts WHERE name = 'dw'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("alice"));
        // The login goes with its account.
        QVERIFY(query.exec(QStringLiteral("DELETE FROM accounts WHERE name = 'dw'")));
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM account_login")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }

    void newerSchemaIsRefusedAndLeftUntouched()
    {
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("journal.sqlite"));
        const int future = latestJournalSchemaVersion() + 7;
        writeForeignDatabase(path, future);
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        Database db(path);
        QVERIFY(!db.open());
        QVERIFY(!db.isOpen());
        QVERIFY2(db.error().contains(QStringLiteral("newer version of Inkwell")), qPrintable(db.error()));
        QVERIFY2(db.error().contains(QString::number(future)), qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void garbageFileIsRefusedWithAClearMessage()
    {
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("journal.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        const QByteArray before = fileHash(path);

        Database db(path);
        QVERIFY(!db.open());
        QVERIFY2(db.error().contains(QStringLiteral("not an Inkwell journal database")),
                 qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);
    }

    // Private entries, drafts and the outbox: the database and its -wal and -shm files are the
    // owner's alone under the usual umask, new or left readable by an older version.
    void filesAreForTheOwnerOnly()
    {
        const mode_t umaskBefore = ::umask(022);
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("journal.sqlite"));
        {
            Database db(path);
            QVERIFY2(db.open(), qPrintable(db.error()));
            QSqlQuery insert(db.connection());
            QVERIFY(insert.exec(
                QStringLiteral("INSERT INTO accounts (name, server_url, username) VALUES ('x','u','v')")));
            for (const char* suffix : {"", "-wal", "-shm"})
                QCOMPARE(modeOf(path + QLatin1String(suffix)), mode_t(0600));
        }
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        for (const char* suffix : {"-wal", "-shm"}) {
            QFile file(path + QLatin1String(suffix));
            QVERIFY(file.open(QIODevice::WriteOnly)); // empty: SQLite starts them afresh
            file.close();
            QVERIFY(::chmod(QFile::encodeName(file.fileName()).constData(), 0644) == 0);
        }
        Database again(path);
        QVERIFY2(again.open(), qPrintable(again.error()));
        for (const char* suffix : {"", "-wal", "-shm"})
            QCOMPARE(modeOf(path + QLatin1String(suffix)), mode_t(0600));
        ::umask(umaskBefore);
    }

    void twoDatabasesDoNotShareAConnection()
    {
        QTemporaryDir temp;
        Database first(temp.filePath(QStringLiteral("one.sqlite")));
        Database second(temp.filePath(QStringLiteral("two.sqlite")));
        QVERIFY(first.open());
        QVERIFY(second.open());
        QVERIFY(first.connection().connectionName() != second.connection().connectionName());
        QSqlQuery insert(first.connection());
        QVERIFY(insert.exec(
            QStringLiteral("INSERT INTO accounts (name, server_url, username) VALUES ('x','u','v')")));
        QSqlQuery count(second.connection());
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM accounts")));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 0);
    }

    void readerSeesCommittedWritesWhileWriterIsOpen()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(db.open());
        QSqlQuery insert(db.connection());
        QVERIFY(insert.exec(
            QStringLiteral("INSERT INTO accounts (name, server_url, username) VALUES ('x','u','v')")));
        {
            QSqlDatabase reader = db.openReaderConnection(QStringLiteral("reader-test"));
            QVERIFY(reader.isOpen());
            QSqlQuery count(reader);
            QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM accounts")));
            QVERIFY(count.next());
            QCOMPARE(count.value(0).toInt(), 1);
            QSqlQuery write(reader);
            QVERIFY2(!write.exec(QStringLiteral("DELETE FROM accounts")), "reader connections are read-only");
            reader.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("reader-test"));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
