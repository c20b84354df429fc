#pragma once

#include "journal/SyncItems.h"
#include "protocol/ProtocolResult.h"
#include "sync/SyncPhase.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace Inkwell {

// The listing phase: syncitems from the enumeration's cursor, 500 items a page (REFERENCE.md 8).
// Each page's entries join the pending list kept in memory (after what a stopped sync left on it),
// and the page with the enumeration's state after it is spooled before the next page is asked
// for, and committed by the writer meanwhile, so a stopped sync resumes from the page it was on.
//
// The next page starts one second before the page's last time, because the server compares
// strictly after the cursor and a page can end in the middle of a second. A second with more
// items than a page lists is passed with part of it unlisted: the totals say how many, and ids
// that may be its entries are fetched with the others (CrowdedSeconds), so that a journal written
// in a burst needs no more requests than one written slowly.
class Lister : public SyncPhase
{
    Q_OBJECT
public:
    // What the fetch goes on with once the last page is in.
    struct Listing
    {
        QList<PendingItem> pending; // oldest first
        CrowdedSeconds crowded;     // the seconds no page listed whole
        QString keptCrowded;        // `crowded` as last kept with the enumeration's state
    };

    using SyncPhase::SyncPhase;

    void start();
    // The writer stored a batch: goes on if it was waiting for that.
    void resume();
    // Once listed().
    Listing takeListing();

signals:
    // The last page is in (maybe not stored yet), and the pending list is complete in memory.
    void listed();

private:
    void requestPage();
    void onPage(ProtocolCall& call);
    // The page a syncitems reply lists: read straight from a flat reply's lines where it has the
    // plain shape servers send (syncItemsFromPlainFlatReply), the generic way otherwise.
    static ProtocolResult<SyncItemsPage> pageOf(const ProtocolCall& call);
    // Asks for the next page, or ends the listing once the last page is in.
    void listMore();
    // Keeps in the enumeration's state the entries listed at its newest time (SyncState::scanNewest).
    void noteNewest(const SyncItemsPage& page, const QString& pageMax);
    // Adds listed items to the pending list.
    void queue(const QList<PendingItem>& listed);
    // Tells m_crowded about a listed page (after its entries are queued).
    void noteCrowdedSecond(const SyncItemsPage& page);
    // Once the last page is in: queues (and spools, with the plan) the ids that may be crowded
    // seconds' unlisted entries. False when the sync stops here.
    bool planCrowdedSeconds();
    // Spools the items with the enumeration's state after them; false when the sync stops here.
    bool keepPage(const QList<PendingItem>& items);

    SyncState m_scanState;             // the enumeration in progress
    CrowdedSeconds m_crowded;          // its seconds with items no page listed
    QList<PendingItem> m_pending;      // what was stored, and what is listed now
    QHash<qint64, qsizetype> m_queued; // itemid -> position in m_pending
    int m_listed = 0;                  // items listed (progress)
    bool m_complete = false;           // the last page is in (maybe not stored yet)
    bool m_pageRequested = false;      // a syncitems request is on its way
    // A stopped sync's listing ended with m_listedSecond, in which it listed m_listedThen. It
    // resumes one second back, as that second may not have been over (onPage()), and so lists
    // them again: unchanged, they are set aside rather than fetched twice (the stopped sync may
    // have fetched them), and fetched only if the listing goes past that second. Otherwise the
    // cursor stays one second back, and the next sync lists them once more anyway.
    QString m_listedSecond;
    QSet<qint64> m_listedThen;
    QList<PendingItem> m_setAside;
};

} // namespace Inkwell
