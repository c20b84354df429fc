#pragma once

#include "sync/SyncPhase.h"

namespace Inkwell {

// The whole sync of a journal on the Blogger API, which has no syncitems and no day counts: one
// getRecentPosts of the newest 50 (all the API lists; BloggerCodec maps getevents lastn to it).
// Listed posts are stored; a mirrored entry missing from the list was deleted if the list holds
// the whole journal (fewer than 50) or the entry is newer than the oldest listed one (one of the
// same time may just have been cut off the list). Older entries stay as last seen: the API cannot
// tell about them.
class RecentPosts : public SyncPhase
{
    Q_OBJECT
public:
    using SyncPhase::SyncPhase;

    void start();

signals:
    void mirrored();

private:
    void store(const QList<JournalEntry>& listed);
};

} // namespace Inkwell
