#pragma once

#include "protocol/JournalMessages.h"
#include "store/SyncStateStore.h"

#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace Inkwell {

// Seconds that held more syncitems items than a page lists (REFERENCE.md 4.1). A page that ends
// inside a second is followed by one from the second before, which lists that second whole, unless
// it holds more than 500 items: then each page from before it lists an arbitrary 500 of them (the
// server orders a second's items at random) and none from it on lists any. Entries written that
// fast (an import, a script, a busy community) are found another way, with the fetch the sync
// makes anyway:
//
//   how many  the page total before the second minus the next page's total counts its items; less
//             those listed, the number kept back (`unlisted`: entries, C- items and edits alike).
//   which     new entries get itemids in order, so the ones kept back have ids neither listed nor
//             mirrored, above the newest entry known to be older and below the first one created
//             after the second. They are asked for with the listed ones in the getevents batches;
//             ids that are no entry (deleted, or never visible to us) simply do not come back.
//             With no entry created after it, the ids above the highest listed are probed: as many
//             as can still be missing, and whatever else fits the last batch; once fetched, if
//             fewer came back than were kept back and the ids above found entries, the next ones.
//   edits     an edit of an older entry keeps its old id, so nothing says which entries the kept
//             back edits are. If the second's listed items include such an edit and the probes
//             leave items unexplained, the mirror's other entries are fetched again.
//
// Kept with the enumeration's state (SyncState::scanCrowded), so a stopped sync goes on with it.
// Every step ends: a second is planned once, probed further only while probes find entries and
// fewer than it kept back, and read again at most once.
class CrowdedSeconds
{
public:
    // The itemids the mirror holds from `first` to `last` (the engine asks its store).
    using Mirrored = std::function<QSet<qint64>(qint64 first, qint64 last)>;

    struct Second
    {
        QString time;
        int listedFrom = 0;       // the total of the page that listed it: its items and all after it
        int seen = 0;             // its items listed (entries and C- items, each once)
        int unlisted = -1;        // its items no page listed; -1 until the next page's total is in
        bool editsListed = false; // an edit of an entry mirrored before was listed at it
        qint64 firstAfter = 0;    // the lowest itemid created after it (0: none listed)
        qint64 below = 0;         // its new entries have higher itemids than this
        QList<qint64> probes;     // itemids asked for as maybe its unlisted entries
        qint64 roundFrom = 0;     // the lowest id of the last probes above it (0: none above)
        bool planned = false;     // its first probes are chosen (listing ended)
        bool done = false;        // nothing more to look for
        bool operator==(const Second&) const = default;
    };

    // The second a page is crowded at: more items follow the cursor, and all the page's share it.
    static std::optional<QString> crowdedSecond(const SyncItemsPage& page);

    // A listed page, in order. When it is crowded: `entriesListed` of the second's entries are
    // listed in this enumeration (this page's included, each once), `editsListed` says whether one
    // of them is an edit of an entry mirrored before.
    void pageListed(const SyncItemsPage& page, int entriesListed = 0, bool editsListed = false);

    // Listing ended; `listed`: every item this enumeration listed (the fetch queue). The itemids to
    // ask for with them, as pending items at their second's time. Probes above a second fill the
    // last batch of `batch` ids, which costs no request.
    QList<PendingItem> plan(const QList<PendingItem>& listed, const Mirrored& mirrored, int batch);

    // Everything asked for is stored: what to ask for next, nothing once every second is done.
    // `asked`: itemids already asked for in this run.
    QList<PendingItem> followUp(const Mirrored& mirrored, const QSet<qint64>& asked, int batch);

    QList<Second> seconds() const { return m_seconds; }

    // As SyncState::scanCrowded keeps them (empty when there are none).
    QString toJson() const;
    static CrowdedSeconds fromJson(const QString& json);

private:
    QList<Second> m_seconds;
    // The C- items of the last page's newest second: a crowded second's listing may begin there.
    // Not kept: after a stop, those few count as unlisted, which at worst costs a probe round.
    QString m_lastTime;
    QSet<qint64> m_lastComments;
};

} // namespace Inkwell
