#pragma once

#include "protocol/ProtocolError.h"
#include "sync/FetchSpool.h"
#include "sync/SyncReport.h"

#include <QObject>
#include <QThread>

namespace Inkwell {

class MirrorWriterWorker;

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
    // tests/bench/RESULTS.md). Held batches count in backlog(), and finish() releases them.
    void hold(const FetchSpool::Batch& batch);
    void release();
    // Waits until every batch given is stored (or the writer has failed), and returns what they
    // brought that stored() has not reported yet. stored() and failed() are not emitted after.
    StoredCounts finish();
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
    StoredCounts m_reported;
};

} // namespace Inkwell
