#pragma once

#include "journal/EntryJson.h"
#include "protocol/JournalMessages.h"

#include <cstdlib>

// Oracles on the readers that turn a decoded reply into Inkwell's types (JournalMessages.h),
// shared by both fuzzers: none may crash on any tree the decoders build, and a getevents reply's
// entries survive the JSON form the outbox, drafts and exports keep them in.
namespace Inkwell {

inline void checkMessages(const QString& mode, const ProtocolValue& tree, void (*finding)(const char*))
{
    if (mode == QLatin1String("getevents")) {
        const auto entries = entriesFromReply(tree);
        if (!entries)
            return;
        for (const JournalEntry& entry : entries.value()) {
            (void)entry.tags(), (void)entry.eventDateTime(), (void)entry.isBackdated();
            // JSON numbers are doubles; real itemids are 32-bit.
            if (entry.itemid >= (qint64(1) << 53) || entry.itemid <= -(qint64(1) << 53))
                continue;
            if (!(entryFromJson(toJson(entry)) == entry))
                finding("an entry changes on its way through its JSON form");
        }
    } else if (mode == QLatin1String("syncitems")) {
        (void)syncItemsFromReply(tree);
    } else if (mode == QLatin1String("getdaycounts")) {
        (void)dayCountsFromReply(tree);
    } else if (mode == QLatin1String("login")) {
        (void)loginInfoFromReply(tree);
    } else if (mode == QLatin1String("postevent")) {
        (void)postResultFromReply(tree);
    }
}

} // namespace Inkwell
