#pragma once

#include "sync/SyncPhase.h"

#include <QHash>

namespace Inkwell {

// Fetching from a server without the undocumented getevents `multiple`: selecttype=syncitems
// from a cursor just before the oldest pending item, one request at a time, storing each reply at
// once. The server refuses the third identical cursor within an hour (406, REFERENCE.md 4.2), so
// the cursor always moves: each is used at most twice, and ids a cursor cannot bring any more are
// dropped (deleted, or not visible to us).
class SyncItemsFallback : public SyncPhase
{
    Q_OBJECT
public:
    using SyncPhase::SyncPhase;

    // Goes on from the fetch's progress.
    void start(int done, int total);

signals:
    // Nothing is left pending.
    void fetched();

private:
    void fetchNext();
    void onEvents(ProtocolCall& call);

    QHash<QString, int> m_cursorUses; // cursors sent (the 406 guard)
    int m_done = 0;
    int m_total = 0;
};

} // namespace Inkwell
