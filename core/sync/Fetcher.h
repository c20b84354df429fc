#pragma once

#include "sync/Lister.h"

#include <QPointer>
#include <QSet>

namespace Inkwell {

// The fetching phase: getevents selecttype=multiple, 100 pending ids a request, over the pending
// list the listing left in memory. A reply that reports success is kept as it came, undecoded,
// and handed to the writer (MirrorPipeline), and the next request goes out at once while the
// writer is at most a few replies behind; the ids leave the pending list with the stored entries.
// A sync stopped in between stores the spooled replies when it resumes: nothing is fetched twice
// but the one request in flight. Ids the server does not return were deleted (or are not visible
// to us) and are dropped. Once the list is worked off and stored, what crowded seconds may still
// hide is asked for (CrowdedSeconds::followUp).
class Fetcher : public SyncPhase
{
    Q_OBJECT
public:
    using SyncPhase::SyncPhase;

    void start(Lister::Listing listing);
    // The writer stored a batch: goes on if it was waiting for that.
    void resume();
    // The sync ends: the request on its way is not waited for (its ids are still pending).
    void abandonRequest();

    // Progress, for the fallback that may go on from here.
    int done() const { return m_done; }
    int total() const { return m_total; }

signals:
    // Everything pending is fetched and stored.
    void fetched();
    // The server does not know `multiple` (SyncItemsFallback takes over).
    void multipleRefused();

private:
    // Sends the next batch; once the list in memory is worked off and stored, reads the stored
    // list again (empty unless something was left behind) and what crowded seconds call for.
    void fetchNext();
    void send(const QList<PendingItem>& batch);
    void onEvents(ProtocolCall& call, const QList<PendingItem>& requested);
    // Sends the next request, or moves on once everything asked for is stored.
    void fetchMore();
    // Once all that was queued is stored: commits and queues what crowded seconds still call for.
    // False when the sync stops here.
    bool followUpCrowdedSeconds();

    QList<PendingItem> m_pending; // the pending list: what was stored, and what was listed now
    qsizetype m_position = 0;     // the next to ask for
    int m_total = 0;
    int m_done = 0;
    CrowdedSeconds m_crowded;
    QString m_keptCrowded;               // m_crowded as last kept
    QSet<qint64> m_asked;                // itemids asked for in this run
    QPointer<ProtocolCall> m_eventsCall; // the request in flight
};

} // namespace Inkwell
