#pragma once

#include "protocol/ProtocolError.h"
#include "sync/FetchSpool.h"
#include "sync/SyncReport.h"
#include "sync/SyncedJournal.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Inkwell {

class MirrorCommitter;
class MirrorWriter;
class ProtocolCall;
class SyncStateStore;
struct ListedPage;

// Takes what a sync brings in (listed pages, fetched replies) in the order it comes, keeps it and
// has it stored off the engine's thread: each batch is appended to the FetchSpool before the next
// request goes out, then handed to a MirrorWriter, held until that request is on the wire. The
// batches are numbered per journal; the writer commits the number of the last one it stored with
// its entries (SyncStateStore::lastStoredFetch), so a batch is stored once whatever stops the sync,
// and what a stopped sync left spooled is stored by the next one (storeLeftovers()).
class MirrorPipeline : public QObject
{
    Q_OBJECT
public:
    // `committer` and `state` work on the engine's connection to `databasePath`.
    MirrorPipeline(const QString& databasePath, SyncedJournal journal, MirrorCommitter& committer,
                   const SyncStateStore& state);
    ~MirrorPipeline() override;

    // Stores, on this thread, what is spooled and not stored yet (by a stopped sync, or this one
    // before the writer stopped), then removes the journal's spool files. A batch that no longer
    // reads (damaged on disk) is dropped: its ids are still pending, and fetched again. nullopt if
    // the database could not be written (the committer's lastError()).
    std::optional<StoredCounts> storeLeftovers();

    // Keep a batch and give it to the writer (made with the first one); false when the spool
    // could not be written (error()).
    bool keepPage(const ListedPage& page);
    bool keepReply(const ProtocolCall& call, const QList<PendingItem>& requested);
    // What the writer was given is held until `call`'s request is on the wire (MirrorWriter::hold).
    void releaseOnceSent(ProtocolCall* call);
    // True when the writer has `batches` or more to store: the engine then waits for its stored()
    // and, as no request of its own is going out to do it, hands over what the writer holds.
    bool waitingForWriter(int batches);
    // Lets the writer store what it was given (unless it failed: then that stays spooled) and ends
    // it; spool files whose batches are all stored go. Returns what it stored that stored() did not
    // report.
    StoredCounts stopWriter();

    QString error() const { return m_spool.error(); }

signals:
    // The writer committed a batch (or several).
    void stored(int added, int updated);
    // As MirrorWriter::failed.
    void failed(const Inkwell::ProtocolError& readError, const QString& storeError);

private:
    bool keep(FetchSpool::Batch batch);
    void startWriter();

    QString m_databasePath;
    SyncedJournal m_journal;
    MirrorCommitter& m_committer;
    const SyncStateStore& m_state;
    FetchSpool m_spool;
    qint64 m_lastSpooled = 0; // the number of the newest batch spooled for this journal
    std::unique_ptr<MirrorWriter> m_writer;
};

} // namespace Inkwell
