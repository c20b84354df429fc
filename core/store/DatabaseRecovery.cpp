#include "store/DatabaseRecovery.h"

#include "store/Database.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Inkwell {

namespace {

// What the database keeps beside its own file: SQLite's write-ahead log and its index, and the
// replies a sync received and has not stored yet (sync/FetchSpool.h), which belong to the old
// database's journals and cursors.
const QStringList companions{QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                             QStringLiteral("-fetched")};

// The user's own work and what cannot be fetched again, in an order that puts each row's account
// before it. The mirror (journals, entries, sync state) and the friends lists come from the server.
const QStringList carriedTables{QStringLiteral("accounts"), QStringLiteral("account_login"),
                                QStringLiteral("drafts"), QStringLiteral("outbox"),
                                QStringLiteral("friend_changes")};

QStringList columnsOf(const QSqlDatabase& db, const QString& table, bool* readable)
{
    QSqlQuery query(db);
    QStringList columns;
    *readable = query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (*readable && query.next())
        columns.append(query.value(1).toString());
    *readable = *readable && !query.lastError().isValid();
    return columns;
}

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

int countOf(const QSqlDatabase& db, const QString& table)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) && query.next()
               ? query.value(0).toInt()
               : 0;
}

// Copies the rows of `table` that can be read from `from` into `to`, the columns both have. A
// damaged page stops a scan where it lies: the rows before it are read in rowid order, those
// after it from the other end. False when some rows could not be read.
bool copyRows(const QSqlDatabase& from, QSqlDatabase& to, const QString& table, const QStringList& columns)
{
    const QString list = columns.join(QStringLiteral(", "));
    QSqlQuery insert(to);
    QStringList marks;
    marks.fill(QStringLiteral("?"), columns.size());
    insert.prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (%2) VALUES (%3)")
                       .arg(table, list, marks.join(QStringLiteral(", "))));
    const auto scan = [&](const QString& order, std::optional<qint64> after, std::optional<qint64>* last) {
        QSqlQuery select(from);
        select.setForwardOnly(true);
        select.prepare(QStringLiteral("SELECT rowid, %1 FROM %2 %3 ORDER BY rowid %4")
                           .arg(list, table, after ? QStringLiteral("WHERE rowid > ?") : QString(), order));
        if (after)
            select.addBindValue(*after);
        if (!select.exec())
            return false;
        while (select.next()) {
            *last = select.value(0).toLongLong();
            for (int i = 0; i < columns.size(); ++i)
                insert.addBindValue(select.value(i + 1));
            insert.exec();
        }
        return !select.lastError().isValid();
    };
    std::optional<qint64> lastRead;
    if (scan(QStringLiteral("ASC"), std::nullopt, &lastRead))
        return true;
    std::optional<qint64> unused;
    scan(QStringLiteral("DESC"), lastRead, &unused);
    return false;
}

} // namespace

DatabaseRecovery::DatabaseRecovery(QString databasePath)
    : m_path(std::move(databasePath))
{}

bool DatabaseRecovery::run()
{
    m_report = {};
    m_error.clear();
    if (!QFileInfo(m_path).isFile()) {
        m_error = tr("There is no journal database at %1.").arg(m_path);
        return false;
    }
    if (!moveAside())
        return false;
    if (carryOver(m_report.keptAt))
        return true;
    // Nothing is lost by going back: the new files hold only copies. The damaged ones return.
    for (const QString& suffix : companions) {
        if (suffix != QLatin1String("-fetched"))
            QFile::remove(m_path + suffix);
    }
    for (const QString& suffix : companions) {
        if (QFileInfo::exists(m_report.keptAt + suffix) &&
            !QDir().rename(m_report.keptAt + suffix, m_path + suffix))
            m_error += QStringLiteral(" The damaged database stays at %1.").arg(m_report.keptAt);
    }
    return false;
}

bool DatabaseRecovery::moveAside()
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString kept = m_path + QStringLiteral(".damaged-") + stamp;
    for (int n = 2; QFileInfo::exists(kept); ++n)
        kept = m_path + QStringLiteral(".damaged-%1-%2").arg(stamp).arg(n);
    QStringList moved;
    for (const QString& suffix : companions) {
        if (!QFileInfo::exists(m_path + suffix))
            continue;
        if (!QDir().rename(m_path + suffix, kept + suffix)) {
            for (const QString& back : moved)
                QDir().rename(kept + back, m_path + back);
            m_error =
                tr("Could not move %1 aside to %2; nothing was changed.").arg(m_path + suffix, kept + suffix);
            return false;
        }
        moved.append(suffix);
    }
    m_report.keptAt = kept;
    return true;
}

bool DatabaseRecovery::carryOver(const QString& damagedPath)
{
    Database fresh(m_path);
    if (!fresh.open()) {
        m_error = tr("Could not make a new journal database: %1").arg(fresh.error());
        return false;
    }
    QSqlDatabase to = fresh.connection();
    const QString oldName = QStringLiteral("inkwell-recovery-%1").arg(quintptr(this));
    QString error;
    bool filled = false;
    {
        QSqlDatabase from = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), oldName);
        // Read as it lies: without a log to replay, as immutable, so SQLite adds no -wal or -shm
        // file beside the kept one.
        if (QFileInfo(damagedPath + QStringLiteral("-wal")).size() == 0) {
            from.setDatabaseName(QUrl::fromLocalFile(damagedPath).toString(QUrl::FullyEncoded) +
                                 QStringLiteral("?immutable=1"));
            from.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        } else {
            from.setDatabaseName(damagedPath);
            from.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        }
        from.open(); // a file SQLite cannot open at all leaves every table unreadable below
        // Rows whose account could not be read are mended before the keys are checked again.
        if (exec(to, QStringLiteral("PRAGMA foreign_keys=OFF"), &error)) {
            Transaction transaction(to);
            if (transaction.isOpen())
                copyTables(from, to);
            filled = transaction.isOpen() && mendOrphans(to, &error) && transaction.commit();
            if (!filled && error.isEmpty())
                error = transaction.error();
        }
        from.close();
    }
    QSqlDatabase::removeDatabase(oldName);
    if (!filled) {
        m_error = tr("Could not fill the new journal database: %1").arg(error);
        return false;
    }
    QSqlQuery check(to);
    if (!exec(to, QStringLiteral("PRAGMA foreign_keys=ON"), &error) ||
        !check.exec(QStringLiteral("PRAGMA foreign_key_check")) || check.next()) {
        m_error = tr("The new journal database is inconsistent: %1").arg(error);
        return false;
    }
    m_report.accounts = countOf(to, QStringLiteral("accounts"));
    m_report.drafts = countOf(to, QStringLiteral("drafts"));
    m_report.outboxItems = countOf(to, QStringLiteral("outbox"));
    m_report.friendChanges = countOf(to, QStringLiteral("friend_changes"));
    return true;
}

void DatabaseRecovery::copyTables(const QSqlDatabase& from, QSqlDatabase& to)
{
    for (const QString& table : carriedTables) {
        bool ignored = false;
        bool readable = false;
        const QStringList ours = columnsOf(to, table, &ignored);
        const QStringList theirs = columnsOf(from, table, &readable); // none: an older schema
        QStringList shared;
        for (const QString& column : ours) {
            if (theirs.contains(column))
                shared.append(column);
        }
        if (!readable || (!shared.isEmpty() && !copyRows(from, to, table, shared)))
            ++m_report.unreadableTables;
    }
}

bool DatabaseRecovery::mendOrphans(QSqlDatabase& to, QString* error)
{
    // An outbox item needs its account; one whose account is lost keeps its text as a draft.
    const QString orphan = QStringLiteral("account NOT IN (SELECT name FROM accounts)");
    return exec(to,
                QStringLiteral("INSERT INTO drafts (account, journal, itemid, entry, base, created_at, "
                               "updated_at) SELECT NULL, journal, CASE operation WHEN 'post' THEN 0 ELSE "
                               "itemid END, entry, base, created_at, updated_at FROM outbox WHERE "
                               "operation != 'delete' AND ") +
                    orphan,
                error) &&
           exec(to, QStringLiteral("DELETE FROM outbox WHERE ") + orphan, error) &&
           exec(to, QStringLiteral("UPDATE drafts SET account = NULL WHERE ") + orphan, error) &&
           exec(to, QStringLiteral("DELETE FROM account_login WHERE ") + orphan, error) &&
           exec(to, QStringLiteral("DELETE FROM friend_changes WHERE ") + orphan, error);
}

} // namespace Inkwell
