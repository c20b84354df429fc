#include "sync/FetchSpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <optional>

namespace Inkwell {

namespace {

const QByteArray recordMagic = QByteArrayLiteral("inkwell-fetched 2 ");
constexpr qsizetype longestRecordHeader = 64;

QByteArray ownerLine(const QString& owner)
{
    QByteArray line = owner.toUtf8();
    line.replace('\n', ' ');
    return line;
}

// "<journal>-<first sequence>.spool", the sequence zero-padded so that names sort by it.
QString spoolFileName(qint64 journalId, qint64 sequence)
{
    return QStringLiteral("%1-%2.spool").arg(journalId).arg(sequence, 16, 10, QLatin1Char('0'));
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

// A record's content: the owner, format and items lines, then the body. A batch without its file
// and number; nullopt if it does not read.
std::optional<FetchSpool::Batch> parseRecord(const QByteArray& content)
{
    qsizetype at = 0;
    const auto line = [&]() -> std::optional<QByteArray> {
        const qsizetype lineEnd = content.indexOf('\n', at);
        if (lineEnd < 0)
            return std::nullopt;
        const QByteArray text = content.mid(at, lineEnd - at);
        at = lineEnd + 1;
        return text;
    };
    const std::optional<QByteArray> owner = line();
    const std::optional<QByteArray> format = owner ? line() : std::nullopt;
    const std::optional<QByteArray> requested = format ? line() : std::nullopt;
    if (!requested)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument items = QJsonDocument::fromJson(*requested, &error);
    if (error.error != QJsonParseError::NoError || !items.isArray())
        return std::nullopt;
    FetchSpool::Batch batch;
    for (const QJsonValue& item : items.array()) {
        const QJsonArray pair = item.toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
            return std::nullopt;
        batch.requested.append({qint64(pair.at(0).toDouble()), pair.at(1).toString()});
    }
    batch.body = content.mid(at);
    batch.owner = QString::fromUtf8(*owner);
    batch.format = QString::fromLatin1(*format);
    return batch;
}

// A record's header at data[at]: its sequence and length, and where its content begins; nullopt
// if there is no whole header there.
struct RecordHeader
{
    qint64 sequence = 0;
    qint64 length = 0;
    qsizetype content = 0;
};

std::optional<RecordHeader> recordHeader(const QByteArray& data, qsizetype at)
{
    const qsizetype lineEnd = data.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd - at > longestRecordHeader ||
        !QByteArrayView(data).sliced(at).startsWith(recordMagic))
        return std::nullopt;
    const QList<QByteArray> fields =
        data.mid(at + recordMagic.size(), lineEnd - at - recordMagic.size()).split(' ');
    if (fields.size() != 2)
        return std::nullopt;
    bool sequenceOk = false;
    bool lengthOk = false;
    RecordHeader header{fields.at(0).toLongLong(&sequenceOk), fields.at(1).toLongLong(&lengthOk),
                        lineEnd + 1};
    if (!sequenceOk || !lengthOk || header.length < 0)
        return std::nullopt;
    return header;
}

// Reads an appended spool file record by record: `wanted(sequence)` sees each header and says
// whether to read the record; `take(sequence, content, whole)` gets what was read, not whole
// when the file ends inside the record (nothing is read then). Nothing after a damaged header can
// be read.
template <typename Wanted, typename Take>
void scanSpoolFile(QFile& file, Wanted wanted, Take take)
{
    const qint64 size = file.size();
    for (;;) {
        const std::optional<RecordHeader> header = recordHeader(file.readLine(longestRecordHeader + 1), 0);
        if (!header)
            return;
        const qint64 start = file.pos();
        const bool whole = header->length <= size - start;
        if (wanted(header->sequence))
            take(header->sequence, whole ? file.read(header->length) : QByteArray(), whole);
        if (!whole || !file.seek(start + header->length))
            return;
    }
}

QStringList journalFiles(const QDir& directory, qint64 journalId)
{
    return directory.entryList({QStringLiteral("%1-*.spool").arg(journalId)}, QDir::Files, QDir::Name);
}

} // namespace

FetchSpool::FetchSpool(const QString& databasePath, qint64 fileLimit)
    : m_fileLimit(fileLimit)
{
    if (databasePath.isEmpty() || databasePath == QLatin1String(":memory:")) {
        m_directory = QDir::temp().filePath(
            QStringLiteral("inkwell-fetched-%1").arg(QCoreApplication::applicationPid()));
    } else {
        const QFileInfo database(databasePath);
        m_directory = database.absoluteDir().filePath(database.fileName() + QStringLiteral("-fetched"));
    }
}

FetchSpool::~FetchSpool() = default;

bool FetchSpool::beginFile(qint64 journalId, qint64 sequence)
{
    if (!m_directoryMade && !(m_directoryMade = QDir().mkpath(m_directory))) {
        m_error = tr("Could not create the folder %1.").arg(m_directory);
        return false;
    }
    // Unbuffered: each batch goes to the file in one write(), so a killed process leaves whole
    // batches (the kernel has them) and nothing of the one it was writing.
    auto file = std::make_unique<QFile>(QDir(m_directory).filePath(spoolFileName(journalId, sequence)));
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        m_error = tr("Could not write %1: %2").arg(file->fileName(), file->errorString());
        return false;
    }
    m_current = std::move(file);
    m_currentJournal = journalId;
    m_currentLast = 0;
    m_currentBytes = 0;
    return true;
}

QString FetchSpool::keep(qint64 journalId, qint64 sequence, const QString& owner, const QString& format,
                         const QByteArray& body, const QList<PendingItem>& requested)
{
    if (m_current && (m_currentJournal != journalId || m_currentBytes >= m_fileLimit))
        closeFile();
    if (!m_current && !beginFile(journalId, sequence))
        return {};
    const QByteArray items = pendingItemsJson(requested);
    const QByteArray whose = ownerLine(owner);
    const QByteArray kind = format.toLatin1();
    const qsizetype length = whose.size() + kind.size() + items.size() + 3 + body.size();
    QByteArray record = recordMagic + QByteArray::number(sequence) + ' ' + QByteArray::number(length) + '\n';
    record.reserve(record.size() + length);
    for (const QByteArray& line : {whose, kind, items})
        record.append(line).append('\n');
    record.append(body);
    if (m_current->write(record) != record.size()) {
        m_error = tr("Could not write %1: %2").arg(m_current->fileName(), m_current->errorString());
        // A part written (a full disk) would make what comes after it unreadable: take it back,
        // and begin a new file next time.
        m_current->resize(m_currentBytes);
        closeFile();
        return {};
    }
    m_currentLast = sequence;
    m_currentBytes += record.size();
    return m_current->fileName();
}

void FetchSpool::closeFile()
{
    if (!m_current)
        return;
    m_current->close();
    if (m_currentLast > 0)
        m_filled.append({m_current->fileName(), m_currentLast});
    else
        QFile::remove(m_current->fileName()); // nothing in it
    m_current.reset();
}

bool FetchSpool::dropStored(qint64 storedSequence)
{
    bool allDropped = true;
    for (auto it = m_filled.begin(); it != m_filled.end();) {
        if (it->lastSequence > storedSequence) {
            ++it;
        } else if (drop(it->path)) {
            it = m_filled.erase(it);
        } else {
            allDropped = false; // tried again next time
            ++it;
        }
    }
    return allDropped;
}

qint64 FetchSpool::lastSequence(qint64 journalId) const
{
    qint64 last = 0;
    const QDir directory(m_directory);
    for (const QString& name : journalFiles(directory, journalId)) {
        last = std::max(last, sequenceOf(name)); // its first batch's, should none read
        QFile file(directory.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            scanSpoolFile(
                file,
                [&](qint64 sequence) {
                    last = std::max(last, sequence);
                    return false;
                },
                [](qint64, const QByteArray&, bool) {});
        }
    }
    return last;
}

QStringList FetchSpool::files(qint64 journalId) const
{
    const QDir directory(m_directory);
    QStringList paths;
    for (const QString& name : journalFiles(directory, journalId))
        paths.append(directory.filePath(name));
    return paths;
}

QList<FetchSpool::Batch> FetchSpool::kept(qint64 journalId, qint64 after) const
{
    QList<Batch> batches;
    for (const QString& path : files(journalId)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        scanSpoolFile(
            file, [after](qint64 sequence) { return sequence > after; },
            [&](qint64 sequence, const QByteArray& content, bool whole) {
                // Cut short, or not readable: it comes back without a format.
                Batch batch = (whole ? parseRecord(content) : std::nullopt).value_or(Batch{});
                batch.file = path;
                batch.sequence = sequence;
                batches.append(std::move(batch));
            });
    }
    std::stable_sort(batches.begin(), batches.end(),
                     [](const Batch& a, const Batch& b) { return a.sequence < b.sequence; });
    return batches;
}

bool FetchSpool::drop(const QString& file)
{
    if (m_current && m_current->fileName() == file) {
        m_current->close();
        m_current.reset();
    }
    if (QFile::remove(file) || !QFile::exists(file))
        return true;
    m_error = tr("Could not remove %1.").arg(file);
    return false;
}

} // namespace Inkwell
