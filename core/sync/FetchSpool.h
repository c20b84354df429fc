#pragma once

#include "store/JournalStore.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Inkwell {

// getevents replies the sync engine has received but not stored yet, one file each in a folder
// beside the journal database: the reply's format, the pending items it answers, and its body as
// it came. Keeping a reply is one write() and no fsync, a fraction of a database commit; it has
// to happen before the next request goes out, so it is on the sync's critical path.
//
// The engine numbers a journal's replies (`sequence`, increasing) and commits the number of the
// last one stored with its entries (JournalStore::lastStoredFetch), then removes the file. So at
// any instant: a file numbered above that is kept and not stored yet (the next sync stores it);
// one at or below it is stored already (a stop came between the commit and the removal) and is
// only removed. A file cut short by a system crash does not read, is dropped, and its items,
// still pending, are fetched again.
class FetchSpool
{
public:
    struct Batch
    {
        QString file;
        qint64 sequence = 0;
        QString owner;  // whose journal: journal ids are reused after one is deleted
        QString format; // "flat" or "xmlrpc" (decodeReplyBody() in LjClient.h)
        QByteArray body;
        QList<PendingItem> requested;
    };

    // The spool beside the database at `databasePath`; an in-memory database (no path) gets one
    // in the temporary folder, for this process only.
    explicit FetchSpool(const QString& databasePath);

    // The file the batch went to, or an empty string (error() says why).
    QString keep(qint64 journalId, qint64 sequence, const QString& owner, const QString& format,
                 const QByteArray& body, const QList<PendingItem>& requested);
    // The journal's kept batches by sequence. A file that does not read comes back with an empty
    // format (drop it: its items are still pending).
    QList<Batch> kept(qint64 journalId) const;
    // The highest sequence of the journal's files, 0 if none.
    qint64 lastSequence(qint64 journalId) const;
    bool drop(const QString& file);

    QString directory() const { return m_directory; }
    QString error() const { return m_error; }

private:
    QString m_directory;
    bool m_directoryMade = false;
    QString m_error;
};

} // namespace Inkwell
