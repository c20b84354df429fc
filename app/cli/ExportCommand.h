#pragma once

#include "MirrorCommand.h"

#include <QSet>

namespace Inkwell::Cli {

// `export NAME --format jsonl|ljxml|html [--journal J] [--output PATH]`: the local mirror as JSON
// lines (standard output or a file), as ljdump's per-entry XML files, or as a small static site.
// Offline. Entries stream from the database one at a time; every file is written through QSaveFile,
// so a reader never sees half a file and an interrupted export leaves the previous one whole.
class ExportCommand : public MirrorCommand
{
    Q_OBJECT
public:
    using MirrorCommand::MirrorCommand;
    void start() override;

private:
    bool exportJsonl(const QString& path);
    bool exportLjdump(const QString& directory);
    bool exportSite(const QString& directory);
    bool prepareDirectory(const QString& directory);
    bool writeFile(const QString& path, const QByteArray& content);
    // Files are replaced or removed only on the word of a whole read of a sound database: one damaged
    // since it was opened could have read as a short journal. False (m_error says what was `kept`)
    // when SQLite's check now finds damage.
    bool stillSound(const QString& kept);
    // Removes the files a previous export wrote for entries no longer mirrored.
    void removeStale(const QString& directory, const QString& pattern, const QSet<QString>& written);

    int m_written = 0;
    QString m_error;
};

} // namespace Inkwell::Cli
