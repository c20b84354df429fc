#pragma once

#include "journal/JournalEntry.h"
#include "protocol/ProtocolError.h"
#include "store/SyncStateStore.h"
#include "sync/CrowdedSeconds.h"
#include "sync/MirrorCommitter.h"
#include "sync/MirrorPipeline.h"
#include "sync/SyncReport.h"
#include "sync/SyncedJournal.h"

#include <QObject>

#include <optional>

namespace Inkwell {

class JournalStore;
class LjClient;
class ProtocolCall;

// getevents multiple and syncitems return at most 100 entries (REFERENCE.md 4.2).
constexpr int FetchBatch = 100;
// Replies handed to the writer and not stored yet before the engine waits for it: the writer
// keeps up unless the machine is busy, and this bounds the memory the replies take meanwhile.
constexpr int WriterBacklog = 8;

// What the phases of one sync share: the journal, the client, the stores on the engine's
// connection, the spool and its writer, and the report in the making.
struct SyncRun
{
    SyncRun(LjClient& lj, JournalStore& store, SyncedJournal synced, SyncReport& out);

    LjClient& client;
    const SyncedJournal journal;
    JournalStore& mirror;
    SyncStateStore state;
    MirrorCommitter committer;
    MirrorPipeline pipeline;
    SyncReport& report;
    bool cancelRequested = false;
};

// Why a sync ends before its last step.
struct SyncStop
{
    enum class Reason { Cancelled, ProtocolFailure, WriteFailure };
    Reason reason = Reason::Cancelled;
    ProtocolError error; // ProtocolFailure: what the server or the network did
    QString writeError;  // WriteFailure: why the mirror or the spool could not be written
};

// One step of a sync (listing, fetching, checking deletions), at the grain of one protocol
// operation: it sends its requests, stores what comes back, and says when it is done (a signal
// of its own) or why the sync ends here (stopped()). The engine runs them in turn.
class SyncPhase : public QObject
{
    Q_OBJECT
public:
    explicit SyncPhase(SyncRun& run);

signals:
    void progress(int done, int total);
    void stopped(const Inkwell::SyncStop& stop);

protected:
    // Each reply is a step boundary: a cancelled sync ends there.
    bool stopIfCancelled();
    void fail(const ProtocolError& error);
    void failWrite(const QString& why);
    // The entries of a getevents reply; nullopt when the sync ends here (cancelled, or failed).
    std::optional<QList<JournalEntry>> entriesOrStop(ProtocolCall& call);
    // The itemids the mirror holds in a range, as CrowdedSeconds asks.
    CrowdedSeconds::Mirrored mirroredIds() const;

    SyncRun& m_run;
};

} // namespace Inkwell
