#pragma once

#include "protocol/JournalMessages.h"
#include "protocol/ProtocolResult.h"
#include "sync/FetchSpool.h"

#include <QObject>
#include <QThread>

namespace Inkwell {

class JournalStore;
class MirrorWriterWorker;

// The entries of a kept getevents reply: its body as it came ("flat", "xmlrpc") or, as schema
// versions 6 and 7 kept it, a JSON array of entries ("json").
ProtocolResult<QList<JournalEntry>> keptEntries(const QString& format, const QByteArray& body);

// Commits fetched entries and takes `donePending` off the pending list, with the kept batch they
// came from: `legacyBatch` (a sync_fetched row of schema 6-8) is deleted, `spooled` (a FetchSpool
// number) recorded as stored. Counts the entries that are new and those that changed (an entry
// can come again unchanged: listed by two pages, or by the sync after a first one).
bool storeFetchedEntries(JournalStore& store, qint64 journalId, const QList<JournalEntry>& entries,
                         const QList<PendingItem>& donePending, qint64 legacyBatch, qint64 spooled,
                         int* added, int* updated);

// A listed syncitems page as FetchSpool keeps it: format pageFormat, the listed items as the
// batch's items, the enumeration's state after the page (SyncState, as JSON) as its body. The ids
// the sync asks for in place of a crowded second's unlisted items are kept the same way.
extern const QString pageFormat;
QByteArray pageBody(const SyncState& state);
// Adds a listed page's items to the pending list and saves the state after it, in one commit
// that records the page's number as stored. False if the page does not read (`*unreadable`) or
// the database could not be written.
bool storeListedPage(JournalStore& store, qint64 journalId, const FetchSpool::Batch& page, bool* unreadable);

// Stores spooled getevents replies (and listed syncitems pages) into the mirror, in the order
// given, on a thread of its own with a database connection of its own: decoding and committing
// 100 entries (3-5 ms, FTS5 included) then never holds up the sync engine, which meanwhile takes
// in the next reply and sends the next request. Replies that queue up while it stores go in
// together, in one transaction, so a writer that fell behind catches up. It runs at normal
// priority: at idle priority (SCHED_IDLE on Linux) a machine busy with anything else starved it,
// and a 300-entry sync took six seconds instead of a tenth of one.
//
// After a batch fails to store (or does not read), the writer stores nothing more; batches not
// stored stay in the spool for the next sync. Destroying the writer lets the batch being stored
// finish and leaves the others spooled; finish() first stores them all.
class MirrorWriter : public QObject
{
    Q_OBJECT
public:
    MirrorWriter(const QString& databasePath, qint64 journalId, QObject* parent = nullptr);
    ~MirrorWriter() override;

    void store(const FetchSpool::Batch& batch);
    // Takes a batch without waking the writer's thread yet: release() hands it over. The engine
    // holds a reply until its next request is on the wire, so that storing it (a few ms of CPU)
    // overlaps the server's work on that request instead of waking the writer's thread while the
    // engine and Qt's network thread turn the reply around (measured on 2 cores:
    // tests/bench/README.md). Held batches count in backlog(), and finish() releases them.
    void hold(const FetchSpool::Batch& batch);
    void release();
    // Waits until every batch given is stored (or the writer has failed), and adds what they
    // brought that stored() has not reported yet. stored() and failed() are not emitted after.
    void finish(int* added, int* updated);
    // Batches given (held ones included) and not reported on yet.
    int backlog() const { return m_backlog; }

signals:
    void stored(int added, int updated);
    // `readError` is set when the batch's reply does not read (it is dropped; its ids stay
    // pending), `storeError` when the database could not be written.
    void failed(const Inkwell::ProtocolError& readError, const QString& storeError);

private:
    QThread m_thread;
    MirrorWriterWorker* m_worker;
    int m_backlog = 0;
    QList<FetchSpool::Batch> m_held;
    int m_reportedAdded = 0;
    int m_reportedUpdated = 0;
};

} // namespace Inkwell
