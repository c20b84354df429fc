#include "store/Database.h"

#include "store/Migrations.h"
#include "store/Transaction.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace Inkwell {

namespace {

QString uniqueConnectionName(const QString& prefix)
{
    // Qt keys connections by name process-wide; a counter keeps two Database objects (tests, two
    // profiles) from sharing one.
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("inkwell-%1-%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1));
}

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;

// The database holds private entries, drafts and the outbox: for its owner's eyes only (0600),
// whatever the umask. A new file is created so before SQLite opens it, and SQLite gives the -wal
// and -shm files it creates the database file's permissions; files an older Inkwell left readable
// to others lose those bits. Files that are not ours to change are left as they are.
void keepPrivate(const QString& path)
{
    if (!QFileInfo::exists(path)) {
        QFile created(path);
        if (created.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly))
            created.close();
    }
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(path + suffix);
        const QFileDevice::Permissions permissions = file.permissions();
        if (file.exists() && (permissions & others))
            file.setPermissions(permissions & ownerOnly);
    }
}

// Why the database cannot be written, before SQLite is asked: it would only say "unable to open
// database file" or "attempt to write a readonly database" at the first write. The folder must be
// writable too, for the -wal and -shm files SQLite makes beside the database at every open.
QString readOnlyPart(const QFileInfo& file)
{
    const QString folder = file.absolutePath();
    if (!QFileInfo(folder).isWritable())
        return QCoreApplication::translate(
                   "Database", "The profile folder %1 is read-only: Inkwell cannot use its journal database "
                               "there. Nothing has been changed.")
            .arg(folder);
    if (file.exists() && !file.isWritable())
        return QCoreApplication::translate(
                   "Database",
                   "The journal database %1 is read-only: Inkwell cannot use it. Nothing has been "
                   "changed.")
            .arg(file.filePath());
    return {};
}

// SQLite's primary result codes for a file that is damaged or is no database at all.
constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADatabase = 26;

} // namespace

Database::Database(QString path)
    : m_path(std::move(path))
    , m_connectionName(uniqueConnectionName(QStringLiteral("writer")))
{}

Database::~Database()
{
    if (m_connection.isValid()) {
        m_connection.close();
        m_connection = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::fail(const QString& message, Problem problem)
{
    m_error = message;
    m_problem = problem;
    if (m_connection.isValid()) {
        m_connection.close();
        m_connection = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    return false;
}

bool Database::open(Access access)
{
    m_error.clear();
    m_problem = Problem::None;
    m_access = access;
    QFileInfo file(m_path);
    if (file.exists() && !file.isFile())
        return fail(tr("The journal database %1 is not a file.").arg(m_path));
    if (access == Access::ReadOnly) {
        if (!file.exists())
            return fail(tr("There is no journal database at %1.").arg(m_path));
    } else {
        if (const QString readOnly = readOnlyPart(file); !readOnly.isEmpty())
            return fail(readOnly, Problem::ReadOnly);
        keepPrivate(m_path);
    }
    if (!connect(access))
        return false;

    // Read the version before changing anything (even the journal mode), so that a database we must
    // refuse is left byte for byte as it was.
    QSqlError error;
    const std::optional<int> version = userVersion(&error);
    if (!version) {
        const int code = error.nativeErrorCode().toInt() & 0xff; // the primary result code
        if (code == SqliteCorrupt || code == SqliteNotADatabase)
            return fail(tr("The journal database %1 is damaged or is not an Inkwell journal database "
                           "(%2). It has not been changed.")
                            .arg(m_path, error.text()),
                        Problem::Damaged);
        return fail(tr("Could not read the journal database %1: %2").arg(m_path, error.text()));
    }
    const int latest = latestJournalSchemaVersion();
    if (*version > latest)
        return fail(tr("The journal database %1 was written by a newer version of Inkwell "
                       "(schema %2; this version knows up to %3). It has not been changed; "
                       "please use the newer Inkwell.")
                        .arg(m_path)
                        .arg(*version)
                        .arg(latest));
    // A damaged page is found here, before anything reads half a journal or writes into it.
    if (const QString damage = integrityProblem(); !damage.isEmpty())
        return fail(tr("The journal database %1 is damaged (SQLite's check says: %2). It has not "
                       "been changed.")
                        .arg(m_path, damage),
                    Problem::Damaged);
    return prepare(*version);
}

bool Database::connect(Access access)
{
    m_connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_connection.isValid())
        return fail(tr("Qt's SQLite driver (QSQLITE) is not installed."));
    m_connection.setDatabaseName(m_path);
    if (access == Access::ReadOnly) {
        // A WAL database wants its -shm beside it even to be read. Closed cleanly (no -wal), nothing
        // can change under a profile that cannot be written: read it as immutable, creating nothing.
        // With a -wal left over, SQLite reads through the files that are there.
        QString options = QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000");
        if (!QFileInfo::exists(m_path + QStringLiteral("-wal"))) {
            options += QStringLiteral(";QSQLITE_OPEN_URI");
            QUrl uri = QUrl::fromLocalFile(m_path);
            uri.setQuery(QStringLiteral("immutable=1"));
            m_connection.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        }
        m_connection.setConnectOptions(options);
    }
    if (!m_connection.open())
        return fail(
            tr("Could not open the journal database %1: %2").arg(m_path, m_connection.lastError().text()));
    return true;
}

bool Database::prepare(int version)
{
    if (m_access == Access::ReadOnly) {
        if (version < latestJournalSchemaVersion())
            return fail(tr("The journal database %1 was written by an older version of Inkwell and "
                           "must be updated, which cannot happen while it is read-only.")
                            .arg(m_path),
                        Problem::ReadOnly);
        return true;
    }
    QString sqlError;
    // WAL lets readers on other threads work while the writer writes; NORMAL sync is durable at
    // every checkpoint and never corrupts on a crash in WAL mode.
    if (!exec(m_connection, QStringLiteral("PRAGMA journal_mode=WAL"), &sqlError) ||
        !exec(m_connection, QStringLiteral("PRAGMA synchronous=NORMAL"), &sqlError) ||
        !exec(m_connection, QStringLiteral("PRAGMA foreign_keys=ON"), &sqlError) ||
        !exec(m_connection, QStringLiteral("PRAGMA busy_timeout=5000"), &sqlError))
        return fail(tr("Could not prepare the journal database %1: %2").arg(m_path, sqlError));

    return migrate(version);
}

std::optional<int> Database::userVersion(QSqlError* error) const
{
    QSqlQuery query(m_connection);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    *error = query.lastError();
    return std::nullopt;
}

QString Database::integrityProblem() const
{
    QSqlQuery query(m_connection);
    // At most one fault: the first says enough, and a badly damaged file would list thousands.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next())
        return query.lastError().isValid() ? query.lastError().text() : QStringLiteral("no answer");
    const QString result = query.value(0).toString();
    return result == QLatin1String("ok") ? QString() : result;
}

bool Database::migrate(int fromVersion)
{
    for (const Migration& step : journalMigrations()) {
        if (step.version <= fromVersion)
            continue;
        if (const QString error = apply(step); !error.isEmpty())
            return fail(
                tr("Could not update the journal database to schema %1: %2").arg(step.version).arg(error));
    }
    return true;
}

QString Database::apply(const Migration& step)
{
    // Ends before fail() closes the connection.
    Transaction transaction(m_connection);
    if (!transaction.isOpen())
        return transaction.error();
    QString sqlError;
    for (const QString& statement : step.statements) {
        if (!exec(m_connection, statement, &sqlError))
            return sqlError;
    }
    if (!exec(m_connection, QStringLiteral("PRAGMA user_version=%1").arg(step.version), &sqlError))
        return sqlError;
    return transaction.commit() ? QString() : transaction.error();
}

int Database::schemaVersion() const
{
    QSqlQuery query(m_connection);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

QSqlDatabase Database::openReaderConnection(const QString& name) const
{
    QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    // A read-only profile is read the way the writer connection reads it (see connect()).
    reader.setDatabaseName(m_connection.databaseName());
    reader.setConnectOptions(isReadOnly()
                                 ? m_connection.connectOptions()
                                 : QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    reader.open();
    return reader;
}

} // namespace Inkwell
