#include "DamagedDatabase.h"
#include "TestAccounts.h"
#include "store/Database.h"
#include "store/DatabaseRecovery.h"
#include "store/DraftStore.h"
#include "store/JournalStore.h"
#include "store/Outbox.h"

#include <QDir>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// A journal database with one damaged page, as a failing disk leaves it: opening it says so and
// changes nothing, a read that meets the page fails instead of ending early, and the recovery keeps
// the damaged file and starts a new one with the accounts, drafts and outbox.
class TestDamagedDatabase : public QObject
{
    Q_OBJECT
private:
    static constexpr int entryCount = 600;

    QTemporaryDir m_temp;
    QString m_path;
    QByteArray m_damagedDigest;
    QList<Draft> m_drafts;
    QList<OutboxItem> m_outbox;

    static JournalEntry entry(qint64 itemid)
    {
        JournalEntry entry;
        entry.itemid = itemid;
        entry.eventtime = QStringLiteral("2024-01-01 10:%1:00").arg(itemid % 60, 2, 10, QLatin1Char('0'));
        entry.subject = QStringLiteral("Entry %1").arg(itemid);
        entry.body = QStringLiteral("A day in the garden, number %1. ").arg(itemid).repeated(20);
        return entry;
    }

    // The database as a profile has it after a sync and some writing, closed.
    void makeProfileDatabase()
    {
        Database db(m_path);
        QVERIFY2(db.open(), qPrintable(db.error()));
        QVERIFY(addTestAccount(db, QStringLiteral("dw"), QStringLiteral("alice")));
        QVERIFY(addTestAccount(db, QStringLiteral("lj"), QStringLiteral("bob")));
        JournalStore store(db.connection());
        const qint64 journal = store.journalId(QStringLiteral("dw"), QStringLiteral("alice"));
        QList<JournalEntry> entries;
        for (qint64 itemid = 1; itemid <= entryCount; ++itemid)
            entries.append(entry(itemid));
        QVERIFY2(store.upsertEntries(journal, entries), qPrintable(store.lastError()));

        DraftStore drafts(db.connection());
        Draft draft;
        draft.account = QStringLiteral("dw");
        draft.journal = QStringLiteral("alice");
        draft.entry.subject = QStringLiteral("Half written");
        draft.entry.body = QStringLiteral("Words I typed offline ✓");
        QVERIFY(drafts.save(draft));
        Draft loose;
        loose.entry.body = QStringLiteral("No account picked yet");
        QVERIFY(drafts.save(loose));
        m_drafts = drafts.drafts();

        Outbox outbox(db.connection());
        OutboxItem post;
        post.account = QStringLiteral("dw");
        post.journal = QStringLiteral("alice");
        post.entry.subject = QStringLiteral("Queued post");
        post.entry.body = QStringLiteral("Waits for the network");
        QVERIFY(outbox.enqueue(post) > 0);
        OutboxItem edit;
        edit.account = QStringLiteral("lj");
        edit.journal = QStringLiteral("bob");
        edit.operation = OutboxOperation::Edit;
        edit.itemid = 7;
        edit.entry = entry(7);
        edit.entry.subject = QStringLiteral("Edited offline");
        edit.base = entry(7);
        const qint64 editId = outbox.enqueue(edit);
        QVERIFY(editId > 0);
        QVERIFY(outbox.setState(editId, OutboxState::Unknown, QStringLiteral("no reply")));
        m_outbox = outbox.items();
        QCOMPARE(m_outbox.size(), 2);
    }

    static QStringList filesIn(const QString& directory)
    {
        return QDir(directory).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    }

private slots:
    void init()
    {
        QVERIFY(m_temp.isValid());
        QDir(m_temp.path()).removeRecursively();
        QDir().mkpath(m_temp.path());
        m_path = m_temp.filePath(QStringLiteral("journal.sqlite"));
        makeProfileDatabase();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!QFile::exists(m_path + QStringLiteral("-wal"))); // checkpointed on close
        QVERIFY(damageMiddlePage(m_path, QStringLiteral("entries")) > 1);
        m_damagedDigest = fileDigest(m_path);
    }

    void openingSaysTheDatabaseIsDamagedAndChangesNothing()
    {
        Database db(m_path);
        QVERIFY(!db.open());
        QVERIFY(db.problem() == Database::Problem::Damaged);
        QVERIFY2(db.error().contains(QStringLiteral("is damaged")), qPrintable(db.error()));
        QVERIFY2(db.error().contains(m_path), qPrintable(db.error()));
        QVERIFY(!db.isOpen());
        QCOMPARE(fileDigest(m_path), m_damagedDigest);
    }

    // What an export did with the damaged page: 319 of 2,000 entries "written", exit 0, and the rest
    // of the archive deleted. A read that stops on the page is a failed read, not a short journal.
    void aReadThatMeetsTheDamagedPageFails()
    {
        const QString name = QStringLiteral("raw");
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            raw.setDatabaseName(m_path);
            raw.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QVERIFY(raw.open());
            JournalStore store(raw);
            const qint64 journal = store.findJournalId(QStringLiteral("dw"), QStringLiteral("alice"));
            QVERIFY(journal > 0);
            int visited = 0;
            const bool read = store.forEachEntry(journal, [&](const JournalEntry&) { ++visited; });
            QVERIFY2(!read, qPrintable(QStringLiteral("read %1 of %2 entries and called it the whole journal")
                                           .arg(visited)
                                           .arg(entryCount)));
            QVERIFY(visited < entryCount);
            QVERIFY2(!store.lastError().isEmpty(), "says why");
            raw.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    void recoveryKeepsTheDamagedFileAndCarriesTheUsersWorkOver()
    {
        DatabaseRecovery recovery(m_path);
        QVERIFY2(recovery.run(), qPrintable(recovery.error()));
        const DatabaseRecovery::Report& report = recovery.report();
        QVERIFY(report.keptAt.startsWith(m_path + QStringLiteral(".damaged-")));
        QCOMPARE(fileDigest(report.keptAt), m_damagedDigest); // moved, byte for byte
        QCOMPARE(report.accounts, 2);
        QCOMPARE(report.drafts, 2);
        QCOMPARE(report.outboxItems, 2);
        QCOMPARE(report.unreadableTables, 0);

        Database fresh(m_path);
        QVERIFY2(fresh.open(), qPrintable(fresh.error()));
        QVERIFY(fresh.integrityProblem().isEmpty());
        QVERIFY(AccountStore(fresh).find(QStringLiteral("dw")));
        QVERIFY(AccountStore(fresh).find(QStringLiteral("lj")));
        const QList<Draft> drafts = DraftStore(fresh.connection()).drafts();
        QCOMPARE(drafts.size(), m_drafts.size());
        for (int i = 0; i < drafts.size(); ++i) {
            QCOMPARE(drafts[i].id, m_drafts[i].id);
            QCOMPARE(drafts[i].account, m_drafts[i].account);
            QVERIFY(drafts[i].entry == m_drafts[i].entry);
        }
        const QList<OutboxItem> outbox = Outbox(fresh.connection()).items();
        QCOMPARE(outbox.size(), m_outbox.size());
        for (int i = 0; i < outbox.size(); ++i) {
            QCOMPARE(outbox[i].id, m_outbox[i].id);
            QCOMPARE(toString(outbox[i].state), toString(m_outbox[i].state));
            QCOMPARE(toString(outbox[i].operation), toString(m_outbox[i].operation));
            QVERIFY(outbox[i].entry == m_outbox[i].entry);
            QVERIFY(outbox[i].base == m_outbox[i].base);
        }
        // The mirror comes from the server again: no journal, no cursor that would skip entries.
        JournalStore store(fresh.connection());
        QVERIFY(store.journals().isEmpty());
    }

    // A damaged page in the user's own work loses only the rows on it: those before it and those
    // after it are carried over, and the report says that something could not be read.
    void recoveryCarriesOverTheRowsAroundADamagedPage()
    {
        const QString path = m_temp.filePath(QStringLiteral("drafts.sqlite"));
        constexpr int draftCount = 80;
        {
            Database db(path);
            QVERIFY2(db.open(), qPrintable(db.error()));
            QVERIFY(addTestAccount(db, QStringLiteral("dw"), QStringLiteral("alice")));
            DraftStore drafts(db.connection());
            for (int i = 1; i <= draftCount; ++i) {
                Draft draft;
                draft.account = QStringLiteral("dw");
                draft.journal = QStringLiteral("alice");
                draft.entry.subject = QStringLiteral("Draft %1").arg(i);
                draft.entry.body = QStringLiteral("Some thoughts on the garden. ").repeated(40);
                QVERIFY(drafts.save(draft));
            }
        }
        QVERIFY(damageMiddlePage(path, QStringLiteral("drafts")) > 1);

        DatabaseRecovery recovery(path);
        QVERIFY2(recovery.run(), qPrintable(recovery.error()));
        QCOMPARE(recovery.report().accounts, 1);
        QCOMPARE(recovery.report().unreadableTables, 1);
        QVERIFY2(recovery.report().drafts > draftCount / 2 && recovery.report().drafts < draftCount,
                 qPrintable(QString::number(recovery.report().drafts)));

        Database fresh(path);
        QVERIFY2(fresh.open(), qPrintable(fresh.error()));
        QStringList subjects;
        for (const Draft& draft : DraftStore(fresh.connection()).drafts())
            subjects.append(draft.entry.subject);
        QCOMPARE(subjects.size(), recovery.report().drafts);
        QVERIFY(subjects.contains(QStringLiteral("Draft 1")));
        QVERIFY(subjects.contains(QStringLiteral("Draft %1").arg(draftCount))); // read from the other end
    }

    // The sync's spool goes with the database it belongs to; nothing but the new database is left
    // under the old name.
    void theSpoolMovesAsideWithTheDatabase()
    {
        const QString spool = m_path + QStringLiteral("-fetched");
        QVERIFY(QDir().mkpath(spool));
        QFile reply(spool + QStringLiteral("/1-1"));
        QVERIFY(reply.open(QIODevice::WriteOnly));
        reply.write("inkwell-fetched 2 ");
        reply.close();

        DatabaseRecovery recovery(m_path);
        QVERIFY2(recovery.run(), qPrintable(recovery.error()));
        QVERIFY(!QFileInfo::exists(spool));
        QVERIFY(QFileInfo::exists(recovery.report().keptAt + QStringLiteral("-fetched/1-1")));
        const QString kept = QFileInfo(recovery.report().keptAt).fileName();
        QCOMPARE(filesIn(m_temp.path()),
                 (QStringList{QStringLiteral("journal.sqlite"), kept, kept + QStringLiteral("-fetched")}));
    }
};

QTEST_GUILESS_MAIN(TestDamagedDatabase)
#include "TestDamagedDatabase.moc"
