#pragma once

#include "store/SyncStateStore.h"
#include "sync/FetchSpool.h"

#include <QList>

#include <optional>

namespace Inkwell {

// A listed syncitems page as the sync keeps it until the writer has committed it: the entries it
// listed (pending items, to fetch) and the enumeration's state after it. The ids the sync asks for
// in place of a crowded second's unlisted items are kept the same way, with the state that plans
// them. In the FetchSpool a page is a batch of a format of its own beside the getevents replies,
// with its items as the batch's and the state as a JSON body.
struct ListedPage
{
    QList<PendingItem> items;
    SyncState stateAfter;

    // As a spooled batch (its number, owner and file are the spool's to give).
    FetchSpool::Batch toBatch() const;
    // Whether a spooled batch is a listed page rather than a getevents reply.
    static bool isPage(const FetchSpool::Batch& batch);
    // The page a spooled batch holds; nullopt when its body does not read.
    static std::optional<ListedPage> fromBatch(const FetchSpool::Batch& batch);
};

} // namespace Inkwell
