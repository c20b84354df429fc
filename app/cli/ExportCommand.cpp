#include "ExportCommand.h"

#include "CliArguments.h"
#include "ExportFormats.h"
#include "RepairCommand.h"
#include "store/Database.h"
#include "store/JournalStore.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>

namespace Inkwell::Cli {

namespace {

// QSaveFile::commit() (Qt 6.4) renames the file into place even when writing its buffer out
// failed (a full disk): the rename would replace a good file with an empty or cut one. The buffer
// is flushed here first, and a failure leaves the old file as it was. Empty when the file is in
// place, else why not.
QString commitError(QSaveFile& file)
{
    if (!file.flush() || file.error() != QFileDevice::NoError) {
        const QString why = file.errorString();
        file.cancelWriting();
        file.commit(); // ends the cancelled writing: the temporary file goes, the old one stays
        return why;
    }
    return file.commit() ? QString() : file.errorString();
}

} // namespace

void ExportCommand::start()
{
    const CliArguments& arguments = m_context.arguments;
    const QString format = arguments.value(QStringLiteral("format"));
    const QString output = arguments.value(QStringLiteral("output"));
    static const QStringList formats{QStringLiteral("jsonl"), QStringLiteral("ljxml"),
                                     QStringLiteral("html")};
    if (!formats.contains(format)) {
        fail(ExitUsage, tr("Unknown export format '%1': use jsonl, ljxml or html.").arg(format));
        return;
    }
    if (format != QLatin1String("jsonl") && output.isEmpty()) {
        fail(ExitUsage, tr("--format %1 writes many files: name a folder with --output DIR.").arg(format));
        return;
    }
    if (!openMirror())
        return;

    bool ok = false;
    if (format == QLatin1String("jsonl"))
        ok = exportJsonl(output);
    else if (format == QLatin1String("ljxml"))
        ok = exportLjdump(output);
    else
        ok = exportSite(output);
    if (!ok) {
        fail(ExitFailure, m_error);
        return;
    }
    if (!output.isEmpty() && output != QLatin1String("-"))
        //: %1 is the journal, %2 the file or folder written.
        printOut(tr("%n entries of %1 written to %2", nullptr, m_written)
                     .arg(m_journal, QDir::toNativeSeparators(output)) +
                 u'\n');
    finish(ExitOk);
}

bool ExportCommand::exportJsonl(const QString& path)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        bool written = true;
        const bool read = m_store->forEachEntry(m_journalId, [&](const JournalEntry& entry) {
            const QByteArray line = jsonlLine(entry, m_journal);
            written = written &&
                      std::fwrite(line.constData(), 1, size_t(line.size()), stdout) == size_t(line.size());
            ++m_written;
        });
        written = std::fflush(stdout) == 0 && written;
        if (!read)
            m_error = tr("The local journal could not be read: %1").arg(m_store->lastError());
        else if (!written)
            m_error = tr("Standard output could not be written.");
        return read && written;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const bool read = m_store->forEachEntry(m_journalId, [&](const JournalEntry& entry) {
        file.write(jsonlLine(entry, m_journal)); // a failed write makes commit() fail
        ++m_written;
    });
    if (!read) {
        file.cancelWriting();
        m_error = tr("The local journal could not be read: %1").arg(m_store->lastError());
        return false;
    }
    //: Follows "The journal database ... is damaged ...:"; %1 is the file that was not replaced.
    if (!stillSound(tr("%1 was left as it was.").arg(path))) {
        file.cancelWriting();
        return false;
    }
    if (const QString why = commitError(file); !why.isEmpty()) {
        m_error = tr("Cannot write %1: %2").arg(path, why);
        return false;
    }
    return true;
}

bool ExportCommand::prepareDirectory(const QString& directory)
{
    const QFileInfo info(directory);
    if (info.exists() && !info.isDir()) {
        m_error = tr("%1 is a file; --output needs a folder for this format.").arg(directory);
        return false;
    }
    if (!QDir().mkpath(directory)) {
        m_error = tr("Cannot create the folder %1.").arg(directory);
        return false;
    }
    return true;
}

bool ExportCommand::writeFile(const QString& path, const QByteArray& content)
{
    QSaveFile file(path);
    QString why;
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        why = file.errorString();
    else
        why = commitError(file);
    if (!why.isEmpty()) {
        m_error = tr("Cannot write %1: %2").arg(path, why);
        return false;
    }
    return true;
}

bool ExportCommand::stillSound(const QString& kept)
{
    const QString damage = m_context.services.database().integrityProblem();
    if (damage.isEmpty())
        return true;
    //: %1 is the database file, %2 SQLite's words, %3 what was left as it was, %4 the sentence that
    //: tells how to repair the database.
    m_error = tr("The journal database %1 is damaged (SQLite's check says: %2): %3 %4")
                  .arg(m_context.services.database().path(), damage, kept,
                       repairHint(m_context.arguments, m_context.services.profile()));
    return false;
}

void ExportCommand::removeStale(const QString& directory, const QString& pattern,
                                const QSet<QString>& written)
{
    const QRegularExpression ours(QRegularExpression::anchoredPattern(pattern));
    QDir dir(directory);
    const QStringList files = dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& name : files) {
        if (ours.match(name).hasMatch() && !written.contains(name))
            dir.remove(name);
    }
}

bool ExportCommand::exportLjdump(const QString& directory)
{
    if (!prepareDirectory(directory))
        return false;
    const QDir dir(directory);
    QSet<QString> written;
    bool ok = true;
    const bool read = m_store->forEachEntry(m_journalId, [&](const JournalEntry& entry) {
        if (!ok)
            return;
        const QString name = ljdumpFileName(entry.itemid);
        ok = writeFile(dir.filePath(name), ljdumpXml(entry, m_journal));
        written.insert(name);
        ++m_written;
    });
    if (!read)
        m_error = tr("The local journal could not be read: %1").arg(m_store->lastError());
    //: Follows "The journal database ... is damaged ...:"; %1 is the export's folder.
    const QString kept = tr("no file of the previous export in %1 was removed.").arg(directory);
    if (!read || !ok || !stillSound(kept))
        return false;
    removeStale(directory, QStringLiteral("L-[0-9]+"), written);
    return true;
}

bool ExportCommand::exportSite(const QString& directory)
{
    if (!prepareDirectory(directory))
        return false;
    const QDir dir(directory);
    QSet<QString> written;
    QList<SiteIndexItem> index; // small: no bodies
    bool ok = true;
    const bool read = m_store->forEachEntry(m_journalId, [&](const JournalEntry& entry) {
        if (!ok)
            return;
        const QString name = htmlPageName(entry.itemid);
        ok = writeFile(dir.filePath(name), htmlEntryPage(entry, m_journal));
        written.insert(name);
        index.append({entry.itemid, entry.eventtime, entry.subject, toString(entry.security)});
        ++m_written;
    });
    if (!read)
        m_error = tr("The local journal could not be read: %1").arg(m_store->lastError());
    //: Follows "The journal database ... is damaged ...:"; %1 is the export's folder.
    const QString kept =
        tr("the index and the pages no longer mirrored in %1 were left as they were.").arg(directory);
    if (!read || !ok || !stillSound(kept))
        return false;
    std::sort(index.begin(), index.end(), [](const SiteIndexItem& a, const SiteIndexItem& b) {
        return a.eventtime != b.eventtime ? a.eventtime > b.eventtime : a.itemid > b.itemid;
    });
    if (!writeFile(dir.filePath(QStringLiteral("index.html")), htmlIndexPage(index, m_journal)))
        return false;
    removeStale(directory, QStringLiteral("[0-9]+\\.html"), written);
    return true;
}

} // namespace Inkwell::Cli
