#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Inkwell {

struct Migration;

// Owns the writer connection to one profile's journal database (SQLite through QSQLITE, WAL).
// Opening brings an older schema up to date; a database written by a newer Inkwell is refused and
// left untouched. Other threads read through their own connections (readerConnection()), which WAL
// lets run while the writer writes.
class Database
{
public:
    explicit Database(QString path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating the file if needed) and migrates. On failure returns false, sets error() to a
    // sentence for the user, and leaves the file as it was.
    bool open();
    bool isOpen() const { return m_connection.isOpen(); }
    QString error() const { return m_error; }
    QString path() const { return m_path; }

    // The writer connection; use it only on the thread that called open().
    QSqlDatabase connection() const { return m_connection; }
    int schemaVersion() const;

    // A new connection for reading on the calling thread. The caller owns it: close it and call
    // QSqlDatabase::removeDatabase(name) when done (ReaderConnection does both).
    QSqlDatabase openReaderConnection(const QString& name) const;

private:
    bool fail(const QString& message);
    bool migrate(int fromVersion);
    // One migration step in one transaction; why it failed, or empty.
    QString apply(const Migration& step);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_connection;
    QString m_error;
};

} // namespace Inkwell
