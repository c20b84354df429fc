#include "CliRunner.h"
#include "DamagedDatabase.h"
#include "TestServer.h"
#include "store/Database.h"
#include "store/DraftStore.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Inkwell;

// The profile's files under trouble, through the real program: a damaged database (one page of
// garbage in the middle of the file, as a failing disk leaves it) is named as such by every command
// and touched by none until `repair` moves it aside; the database is its owner's alone.
class TestCliProfileSafety : public QObject
{
    Q_OBJECT
private:
    static constexpr int seeded = 1000;

    TestServer m_server;
    QTemporaryDir m_temp;
    QString m_synced; // a profile folder with the whole journal mirrored, copied by each test

    static QStringList words(const QString& line) { return line.split(u' '); }

    // A new profile holding a copy of the synced one.
    QString copyOfSyncedProfile(const QString& name)
    {
        const QString folder = m_temp.filePath(name);
        if (!QDir().mkpath(folder))
            return {};
        for (const QString& file : QDir(m_synced).entryList(QDir::Files))
            QFile::copy(QDir(m_synced).filePath(file), QDir(folder).filePath(file));
        return folder;
    }

    // name -> digest of every file under `folder`.
    static QMap<QString, QByteArray> digests(const QString& folder)
    {
        QMap<QString, QByteArray> result;
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            result.insert(QDir(folder).relativeFilePath(path), fileDigest(path));
        }
        return result;
    }

    static mode_t modeOf(const QString& path)
    {
        struct stat info = {};
        return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_mode & 07777 : 0777;
    }

    static int lineCount(const QByteArray& text) { return int(text.count('\n')); }

    // Permissions do not hold root back: run as root, the program runs as `nobody`, who then owns
    // the profile as its user would.
    static constexpr uid_t nobody = 65534;

    void handOver(const QString& folder) const
    {
        if (::geteuid() != 0)
            return;
        ::chmod(QFile::encodeName(m_temp.path()).constData(), 0711); // nobody passes through
        QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        ::chown(QFile::encodeName(folder).constData(), nobody, nobody);
        while (it.hasNext())
            ::chown(QFile::encodeName(it.next()).constData(), nobody, nobody);
    }

    static CliRunner::Run runAsOwner(const CliRunner& cli, const QStringList& args, const QByteArray& input)
    {
        QProcess process;
        if (::geteuid() == 0)
            process.setChildProcessModifier([] {
                if (::setgroups(0, nullptr) != 0 || ::setgid(nobody) != 0 || ::setuid(nobody) != 0)
                    ::_exit(127);
            });
        cli.start(process, args, input);
        return CliRunner::wait(process);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(
            m_server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                            QStringLiteral("alice:pw"), QStringLiteral("--seed"), QString::number(seeded)}),
            qPrintable(m_server.errorString()));
        m_synced = m_temp.filePath(QStringLiteral("synced"));
        const CliRunner cli(m_synced);
        const CliRunner::Run added = cli.run(words(
            QStringLiteral("account add acct --server %1 --user alice").arg(m_server.baseUrl().toString())));
        QVERIFY2(added.exitCode == 0, added.describe());
        const CliRunner::Run sync = cli.run(words(QStringLiteral("sync acct --password-stdin")), "pw\n");
        QVERIFY2(sync.exitCode == 0, sync.describe());
        QVERIFY(!QFile::exists(m_synced + QStringLiteral("/journal.sqlite-wal"))); // checkpointed
    }

    void aDamagedDatabaseIsNamedTouchedByNoneAndRepaired()
    {
        const QString profile = copyOfSyncedProfile(QStringLiteral("damaged"));
        const CliRunner cli(profile);
        // Work of the user's that only the profile holds: an entry queued for a server that cannot
        // be reached, and a draft (as the GUI's editor saves it).
        QVERIFY(cli.run(words(QStringLiteral("account add away --server http://127.0.0.1:1 --user alice")))
                    .exitCode == 0);
        const CliRunner::Run queued =
            cli.run(words(QStringLiteral("post away --subject Queued --body-file -")), "Written offline ✓");
        QVERIFY2(queued.exitCode == 0 && queued.out.startsWith("queued "), queued.describe());
        {
            Database db(profile + QStringLiteral("/journal.sqlite"));
            QVERIFY2(db.open(), qPrintable(db.error()));
            Draft draft;
            draft.account = QStringLiteral("acct");
            draft.journal = QStringLiteral("alice");
            draft.entry.subject = QStringLiteral("Half a thought");
            draft.entry.body = QStringLiteral("Typed in the GUI");
            QVERIFY(DraftStore(db.connection()).save(draft));
        }
        const QString archive = m_temp.filePath(QStringLiteral("archive"));
        const QString site = m_temp.filePath(QStringLiteral("site"));
        const QString jsonl = m_temp.filePath(QStringLiteral("journal.jsonl"));
        for (const QString& line : {QStringLiteral("export acct --format ljxml --output ") + archive,
                                    QStringLiteral("export acct --format html --output ") + site,
                                    QStringLiteral("export acct --format jsonl --output ") + jsonl}) {
            const CliRunner::Run run = cli.run(words(line));
            QVERIFY2(run.exitCode == 0, run.describe());
        }
        QCOMPARE(QDir(archive).entryList(QDir::Files).size(), seeded);

        const QString database = profile + QStringLiteral("/journal.sqlite");
        QVERIFY(damageMiddlePage(database, QStringLiteral("entries")) > 1);
        const QByteArray damaged = fileDigest(database);
        const QMap<QString, QByteArray> archiveBefore = digests(archive);
        const QMap<QString, QByteArray> siteBefore = digests(site);
        const QByteArray jsonlBefore = fileDigest(jsonl);

        const QStringList refused{
            QStringLiteral("info"),
            QStringLiteral("account list"),
            QStringLiteral("export acct --format ljxml --output ") + archive,
            QStringLiteral("export acct --format html --output ") + site,
            QStringLiteral("export acct --format jsonl --output ") + jsonl,
            QStringLiteral("search acct garden"),
            QStringLiteral("sync acct --password-stdin"),
            QStringLiteral("post acct --subject More --body-file -"),
            QStringLiteral("account add other --server https://example.org --user bob"),
        };
        for (const QString& line : refused) {
            const CliRunner::Run run = cli.run(words(line), line.startsWith(u's') ? "pw\n" : "Text");
            QVERIFY2(run.exitCode == 1, qPrintable(line + u'\n' + QString::fromUtf8(run.describe())));
            QVERIFY2(run.err.contains("is damaged") && run.err.contains(database.toUtf8()),
                     qPrintable(line + u'\n' + QString::fromUtf8(run.describe())));
            QVERIFY2(
                run.err.contains(QStringLiteral("'inkwell-cli --profile '%1' repair'").arg(profile).toUtf8()),
                run.describe());
            QVERIFY2(run.out.isEmpty(), run.describe());
            QCOMPARE(fileDigest(database), damaged);
        }
        QCOMPARE(digests(archive), archiveBefore);
        QCOMPARE(digests(site), siteBefore);
        QCOMPARE(fileDigest(jsonl), jsonlBefore);

        const CliRunner::Run repaired = cli.run({QStringLiteral("repair")});
        QVERIFY2(repaired.exitCode == 0, repaired.describe());
        QVERIFY2(repaired.out.contains("accounts 2, drafts 1, outbox items 1"), repaired.describe());
        QVERIFY2(repaired.out.contains("inkwell-cli sync NAME"), repaired.describe());
        const QStringList kept = QDir(profile).entryList({QStringLiteral("journal.sqlite.damaged-*")});
        QCOMPARE(kept.size(), 1);
        QVERIFY2(repaired.out.contains(kept.first().toUtf8()), repaired.describe());
        QCOMPARE(fileDigest(profile + u'/' + kept.first()), damaged); // kept as it was

        const CliRunner::Run outbox = cli.run(words(QStringLiteral("outbox away")));
        QVERIFY2(outbox.exitCode == 0 && outbox.out.contains("\twaiting\tpost\talice\tQueued\t"),
                 outbox.describe());
        {
            Database db(database);
            QVERIFY2(db.open(), qPrintable(db.error()));
            const QList<Draft> drafts = DraftStore(db.connection()).drafts();
            QCOMPARE(drafts.size(), 1);
            QCOMPARE(drafts.first().entry.body, QStringLiteral("Typed in the GUI"));
        }
        // The next sync mirrors the journal again, whole.
        const CliRunner::Run sync = cli.run(words(QStringLiteral("sync acct --password-stdin")), "pw\n");
        QVERIFY2(sync.exitCode == 0, sync.describe());
        const CliRunner::Run exported = cli.run(words(QStringLiteral("export acct --format jsonl")));
        QVERIFY2(exported.exitCode == 0, exported.describe());
        QCOMPARE(lineCount(exported.out), seeded);

        const CliRunner::Run again = cli.run({QStringLiteral("repair")});
        QVERIFY2(again.exitCode == 0 && again.out.contains("is sound: nothing to repair"), again.describe());
        QCOMPARE(QDir(profile).entryList({QStringLiteral("journal.sqlite.damaged-*")}).size(), 1);
    }

    // A profile on read-only media, or made read-only by its owner: what only reads works, what
    // would write names what is read-only, and nothing changes, not even a -wal or -shm beside the
    // database (before, even `info` called it "not an Inkwell journal database", SQLite's error for
    // a log file it could not make).
    void aReadOnlyProfileIsNamedAsSuch()
    {
        const QString profile = copyOfSyncedProfile(QStringLiteral("read-only"));
        const QString database = profile + QStringLiteral("/journal.sqlite");
        handOver(profile);
        const CliRunner cli(profile);
        const QByteArray digest = fileDigest(database);
        const QStringList files =
            QDir(profile).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        const QByteArray folder = QFile::encodeName(profile);
        const QByteArray file = QFile::encodeName(database);
        struct Case
        {
            mode_t folderMode;
            mode_t databaseMode;
            QString named;
        };
        for (const Case& c : {Case{0500, 0600, profile}, Case{0700, 0400, database}}) {
            QVERIFY(::chmod(folder.constData(), c.folderMode) == 0 &&
                    ::chmod(file.constData(), c.databaseMode) == 0);
            // What only reads still works, from the database as it is...
            for (const QString& line :
                 {QStringLiteral("info"), QStringLiteral("account list"),
                  QStringLiteral("search acct garden"), QStringLiteral("export acct --format jsonl"),
                  QStringLiteral("daycounts acct"), QStringLiteral("outbox acct")}) {
                const CliRunner::Run run = runAsOwner(cli, words(line), "pw\n");
                const QString context = line + u'\n' + QString::fromUtf8(run.describe());
                QVERIFY2(run.exitCode == 0, qPrintable(context));
                QVERIFY2(!run.out.isEmpty(), qPrintable(context));
            }
            // ...and what would write is refused, naming what is read-only.
            for (const QString& line :
                 {QStringLiteral("sync acct --password-stdin"), QStringLiteral("account remove acct"),
                  QStringLiteral("post acct --body-file - --subject S")}) {
                const CliRunner::Run run = runAsOwner(cli, words(line), "pw\n");
                const QString context = line + u'\n' + QString::fromUtf8(run.describe());
                QVERIFY2(run.exitCode == 1, qPrintable(context));
                QVERIFY2(run.err.contains((c.named + QStringLiteral(" is read-only")).toUtf8()),
                         qPrintable(context));
                QVERIFY2(!run.err.contains("not an Inkwell journal database"), qPrintable(context));
                QVERIFY2(run.out.isEmpty(), qPrintable(context));
            }
            QCOMPARE(modeOf(profile), c.folderMode);
            QCOMPARE(modeOf(database), c.databaseMode);
            QCOMPARE(fileDigest(database), digest);
            QCOMPARE(QDir(profile).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), files);
        }
        QVERIFY(::chmod(folder.constData(), 0700) == 0); // for the temporary folder's removal
    }

    // Private entries, drafts and the outbox: the database is its owner's alone (0600) under the
    // usual umask, whether the program creates it or finds it readable to others.
    void theDatabaseIsForItsOwnerOnly()
    {
        const mode_t umaskBefore = ::umask(022);
        const QString profile = m_temp.filePath(QStringLiteral("private"));
        const CliRunner cli(profile);
        QCOMPARE(cli.run(words(QStringLiteral("info"))).exitCode, 0);
        const QString database = profile + QStringLiteral("/journal.sqlite");
        QCOMPARE(modeOf(database), mode_t(0600));
        QCOMPARE(modeOf(profile), mode_t(0700));
        QVERIFY(::chmod(QFile::encodeName(database).constData(), 0644) == 0);
        QCOMPARE(cli.run(words(QStringLiteral("account list"))).exitCode, 0);
        QCOMPARE(modeOf(database), mode_t(0600));
        ::umask(umaskBefore);
    }
};

QTEST_GUILESS_MAIN(TestCliProfileSafety)
#include "TestCliProfileSafety.moc"
