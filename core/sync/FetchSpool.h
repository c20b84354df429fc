#pragma once

#include "store/SyncStateStore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QString>

#include <memory>

namespace Inkwell {

// getevents replies (and listed syncitems pages) the sync engine has received but not stored yet,
// in files beside the journal database: per batch, the reply's format, the pending items it
// answers, and its body as it came. Keeping one is a single write() appending it to the sync's
// current spool file, with no fsync: a fraction of a database commit, and no file made or removed
// per reply (which cost more than the write, tests/bench/RESULTS.md). It has to happen before the
// next request goes out, so it is on the sync's critical path.
//
// The engine numbers a journal's batches (`sequence`, increasing) and commits the number of the
// last one stored with its entries (SyncStateStore::lastStoredFetch). So at any instant: a batch
// numbered above that is kept and not stored yet (the next sync stores it); one at or below it is
// stored already and is only dropped with its file. A file is removed once every batch in it is
// stored (dropStored()); the current one is closed and a new one begun when it passes the size
// limit, so a long sync does not keep the whole journal twice on disk. A batch cut short by a
// system crash does not read: it comes back without a format, its items (still pending) are
// fetched again, and so are those of any batch after it in the same file.
//
// Files "<journal>-<first sequence>.spool" hold records "inkwell-fetched 2 <sequence> <length>\n"
// followed by `length` bytes: owner, format and items (JSON) lines, then the body.
class FetchSpool
{
    Q_DECLARE_TR_FUNCTIONS(FetchSpool)

public:
    struct Batch
    {
        QString file; // the file it is in
        qint64 sequence = 0;
        QString owner;  // whose journal: journal ids are reused after one is deleted
        QString format; // a reply's, "flat" or "xmlrpc" (decodeReplyBody() in LjClient.h), or a
                        // ListedPage's; empty when the batch does not read
        QByteArray body;
        QList<PendingItem> requested;
    };

    static constexpr qint64 defaultFileLimit = 16 << 20;

    // The spool beside the database at `databasePath`; an in-memory database (no path) gets one
    // in the temporary folder, for this process only. A new file is begun once the current one
    // holds `fileLimit` bytes.
    explicit FetchSpool(const QString& databasePath, qint64 fileLimit = defaultFileLimit);
    ~FetchSpool();
    FetchSpool(const FetchSpool&) = delete;
    FetchSpool& operator=(const FetchSpool&) = delete;

    // Appends a batch to the current file (beginning one if needed). Returns the file it went to,
    // or an empty string (error() says why). Sequences must increase.
    QString keep(qint64 journalId, qint64 sequence, const QString& owner, const QString& format,
                 const QByteArray& body, const QList<PendingItem>& requested);
    // Ends the current file: the next keep() begins another, and dropStored() may remove it.
    void closeFile();
    // Removes the files this spool filled and closed whose batches are all numbered at or below
    // `storedSequence`. False (and error()) if one could not be removed.
    bool dropStored(qint64 storedSequence);

    // The journal's kept batches numbered above `after` (the last one stored), by sequence; the
    // others are skipped unread. A batch that does not read comes back with an empty format (drop
    // it: its items are still pending).
    QList<Batch> kept(qint64 journalId, qint64 after = 0) const;
    // The journal's spool files.
    QStringList files(qint64 journalId) const;
    // The highest sequence in the journal's files, 0 if none.
    qint64 lastSequence(qint64 journalId) const;
    // Removes a file (closing it first if it is the current one).
    bool drop(const QString& file);

    QString directory() const { return m_directory; }
    QString error() const { return m_error; }

private:
    struct FilledFile
    {
        QString path;
        qint64 lastSequence = 0;
    };

    bool beginFile(qint64 journalId, qint64 sequence);

    QString m_directory;
    qint64 m_fileLimit;
    bool m_directoryMade = false;
    std::unique_ptr<QFile> m_current;
    qint64 m_currentJournal = 0;
    qint64 m_currentLast = 0;   // the sequence of its newest batch
    qint64 m_currentBytes = 0;  // written to it
    QList<FilledFile> m_filled; // closed, not removed yet
    QString m_error;
};

} // namespace Inkwell
