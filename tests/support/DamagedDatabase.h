#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QUrl>

// Damages a real SQLite file as a failing disk or a bad copy would: one whole page of the table
// `table` (the middle one of its pages, hence somewhere in the middle of the file) is overwritten
// with random bytes, at its page boundary. The file must be closed (no -wal left: a program that
// closed it has checkpointed). Returns the page number, 0 if the table has fewer than 3 pages.
// dbstat (SQLITE_ENABLE_DBSTAT_VTAB, as Debian builds SQLite) names the table's pages.
inline qint64 damageMiddlePage(const QString& path, const QString& table)
{
    qint64 page = 0;
    qint64 pageSize = 0;
    const QString name = QStringLiteral("damage-probe");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        // Immutable: read as it lies, without leaving -wal and -shm files beside it.
        db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) +
                           QStringLiteral("?immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA page_size")) && query.next())
                pageSize = query.value(0).toLongLong();
            QList<qint64> pages;
            query.prepare(QStringLiteral("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                                         "ORDER BY pageno"));
            query.addBindValue(table);
            if (query.exec()) {
                while (query.next())
                    pages.append(query.value(0).toLongLong());
            }
            if (pages.size() >= 3)
                page = pages.at(pages.size() / 2);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (page == 0 || pageSize == 0)
        return 0;
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek((page - 1) * pageSize))
        return 0;
    QByteArray garbage(pageSize, '\0');
    QRandomGenerator generator(20261207);
    for (char& byte : garbage)
        byte = char(generator.bounded(256));
    return file.write(garbage) == pageSize ? page : 0;
}

// SHA-256 of a file, empty if it cannot be read: "left untouched" is "hashes equal".
inline QByteArray fileDigest(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}
