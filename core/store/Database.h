#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class QSqlError;

namespace Inkwell {

struct Migration;

// Owns the writer connection to one profile's journal database (SQLite through QSQLITE, WAL).
// Opening brings an older schema up to date; a database written by a newer Inkwell is refused and
// left untouched. Other threads read through their own connections (readerConnection()), which WAL
// lets run while the writer writes.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    explicit Database(QString path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Why open() failed, for a program that offers a way out.
    enum class Problem {
        None,
        Damaged,  // SQLite finds the file damaged: DatabaseRecovery starts afresh from it
        ReadOnly, // the file or its folder cannot be written (read-only media, another user's)
        Other,    // a newer schema, a missing driver, ...: error() says
    };

    // ReadOnly is for commands that only read, on a profile that cannot be written (read-only media,
    // a folder its owner locked): nothing is created, migrated or changed, not even -wal or -shm.
    enum class Access { ReadWrite, ReadOnly };

    // Opens (creating the file if needed, unless ReadOnly), checks the file's integrity
    // (integrityProblem()) and migrates. On failure returns false, sets error() to a sentence for
    // the user and problem(), and leaves the file as it was.
    bool open(Access access = Access::ReadWrite);
    bool isOpen() const { return m_connection.isOpen(); }
    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    QString error() const { return m_error; }
    Problem problem() const { return m_problem; }
    QString path() const { return m_path; }

    // SQLite's quick_check of the whole file: empty when it is sound, else the first fault found.
    // Reads every page (for 5,000 entries of 3 kB, 34 MB: 27 ms cached, 0.1 s from disk): open()
    // runs it, and so does whatever is about to destroy something on the strength of what it read
    // (an export that removes files).
    QString integrityProblem() const;

    // The writer connection; use it only on the thread that called open().
    QSqlDatabase connection() const { return m_connection; }
    int schemaVersion() const;

    // A new connection for reading on the calling thread. The caller owns it: close it and call
    // QSqlDatabase::removeDatabase(name) when done (ReaderConnection does both).
    QSqlDatabase openReaderConnection(const QString& name) const;

private:
    bool fail(const QString& message, Problem problem = Problem::Other);
    bool connect(Access access);
    bool prepare(int version);
    // PRAGMA user_version, or nullopt and why not.
    std::optional<int> userVersion(QSqlError* error) const;
    bool migrate(int fromVersion);
    // One migration step in one transaction; why it failed, or empty.
    QString apply(const Migration& step);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_connection;
    QString m_error;
    Problem m_problem = Problem::None;
    Access m_access = Access::ReadWrite;
};

} // namespace Inkwell
