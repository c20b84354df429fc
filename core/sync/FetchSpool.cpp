#include "sync/FetchSpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Inkwell {

namespace {

const QByteArray magic = QByteArrayLiteral("inkwell-fetched 1");

QByteArray ownerLine(const QString& owner)
{
    QByteArray line = owner.toUtf8();
    line.replace('\n', ' ');
    return line;
}

// "<journal>-<sequence>.reply", the sequence zero-padded so that names sort in the order kept.
QString fileName(qint64 journalId, qint64 sequence)
{
    return QStringLiteral("%1-%2.reply").arg(journalId).arg(sequence, 16, 10, QLatin1Char('0'));
}

qint64 sequenceOf(const QString& name)
{
    const qsizetype dash = name.indexOf(QLatin1Char('-'));
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dash < 0 || dot < dash)
        return -1;
    bool ok = false;
    const qint64 sequence = name.mid(dash + 1, dot - dash - 1).toLongLong(&ok);
    return ok ? sequence : -1;
}

// Header lines: magic, owner, format, requested items (JSON); then the body.
FetchSpool::Batch parse(const QString& file, const QByteArray& data)
{
    FetchSpool::Batch batch;
    batch.file = file;
    qsizetype at = 0;
    const auto line = [&](QByteArray* out) {
        const qsizetype end = data.indexOf('\n', at);
        if (end < 0)
            return false;
        *out = data.mid(at, end - at);
        at = end + 1;
        return true;
    };
    QByteArray header, owner, format, requested;
    if (!line(&header) || header != magic || !line(&owner) || !line(&format) || !line(&requested))
        return batch;
    QJsonParseError error;
    const QJsonDocument items = QJsonDocument::fromJson(requested, &error);
    if (error.error != QJsonParseError::NoError || !items.isArray())
        return batch;
    for (const QJsonValue& item : items.array()) {
        const QJsonArray pair = item.toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
            return batch;
        batch.requested.append({qint64(pair.at(0).toDouble()), pair.at(1).toString()});
    }
    batch.body = data.mid(at);
    batch.owner = QString::fromUtf8(owner);
    batch.format = QString::fromLatin1(format);
    return batch;
}

} // namespace

FetchSpool::FetchSpool(const QString& databasePath)
{
    if (databasePath.isEmpty() || databasePath == QLatin1String(":memory:")) {
        m_directory = QDir::temp().filePath(
            QStringLiteral("inkwell-fetched-%1").arg(QCoreApplication::applicationPid()));
    } else {
        const QFileInfo database(databasePath);
        m_directory = database.absoluteDir().filePath(database.fileName() + QStringLiteral("-fetched"));
    }
}

QString FetchSpool::keep(qint64 journalId, qint64 sequence, const QString& owner, const QString& format,
                         const QByteArray& body, const QList<PendingItem>& requested)
{
    if (!m_directoryMade && !(m_directoryMade = QDir().mkpath(m_directory))) {
        m_error = QStringLiteral("Could not create the folder %1.").arg(m_directory);
        return {};
    }
    const QString path = QDir(m_directory).filePath(fileName(journalId, sequence));
    const QByteArray items = pendingItemsJson(requested);
    const QByteArray whose = ownerLine(owner);
    QByteArray data;
    data.reserve(magic.size() + whose.size() + format.size() + items.size() + body.size() + 4);
    for (const QByteArray& line : {magic, whose, format.toLatin1(), items})
        data.append(line).append('\n');
    data.append(body);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size() ||
        !file.flush()) {
        m_error = QStringLiteral("Could not write %1: %2").arg(path, file.errorString());
        file.close();
        file.remove();
        return {};
    }
    file.close();
    return path;
}

qint64 FetchSpool::lastSequence(qint64 journalId) const
{
    qint64 last = 0;
    for (const QString& name :
         QDir(m_directory).entryList({QStringLiteral("%1-*.reply").arg(journalId)}, QDir::Files))
        last = std::max(last, sequenceOf(name));
    return last;
}

QList<FetchSpool::Batch> FetchSpool::kept(qint64 journalId) const
{
    QList<Batch> batches;
    const QDir directory(m_directory);
    const QStringList names =
        directory.entryList({QStringLiteral("%1-*.reply").arg(journalId)}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        QFile file(directory.filePath(name));
        Batch batch;
        batch.file = file.fileName();
        if (file.open(QIODevice::ReadOnly))
            batch = parse(file.fileName(), file.readAll());
        batch.sequence = sequenceOf(name);
        batches.append(std::move(batch));
    }
    return batches;
}

bool FetchSpool::drop(const QString& file)
{
    if (QFile::remove(file) || !QFile::exists(file))
        return true;
    m_error = QStringLiteral("Could not remove %1.").arg(file);
    return false;
}

} // namespace Inkwell
