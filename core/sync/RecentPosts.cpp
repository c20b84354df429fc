#include "sync/RecentPosts.h"

#include "protocol/BloggerCodec.h"
#include "protocol/LjClient.h"
#include "protocol/ProtocolCall.h"
#include "store/JournalStore.h"
#include "store/Transaction.h"

#include <QSet>

namespace Inkwell {

void RecentPosts::start()
{
    emit progress(0, 1);
    ProtocolValue request = m_run.journal.request();
    request.insert(QStringLiteral("selecttype"), QStringLiteral("lastn"));
    request.insert(QStringLiteral("howmany"), BloggerCodec::maxRecentPosts);
    m_run.client.call(QStringLiteral("getevents"), request, this, [this](ProtocolCall& call) {
        if (const auto listed = entriesOrStop(call))
            store(*listed);
    });
}

void RecentPosts::store(const QList<JournalEntry>& listed)
{
    const qint64 journalId = m_run.journal.id;
    QSet<qint64> listedIds;
    QString oldest;
    for (const JournalEntry& entry : listed) {
        listedIds.insert(entry.itemid);
        if (oldest.isEmpty() || entry.eventtime < oldest)
            oldest = entry.eventtime;
    }
    const bool wholeJournal = listed.size() < BloggerCodec::maxRecentPosts;
    QList<qint64> gone;
    m_run.mirror.forEachEntry(journalId, [&](const JournalEntry& mirrored) {
        // Strictly newer: the list may have been cut inside the oldest listed minute.
        if (!listedIds.contains(mirrored.itemid) && (wholeJournal || mirrored.eventtime > oldest))
            gone.append(mirrored.itemid);
    });

    StoredCounts counts;
    for (const JournalEntry& entry : listed) {
        const auto mirrored = m_run.mirror.entry(journalId, entry.itemid);
        if (!mirrored)
            ++counts.added;
        else if (mirrored->subject != entry.subject || mirrored->body != entry.body ||
                 mirrored->eventtime != entry.eventtime || mirrored->props != entry.props)
            ++counts.updated;
    }
    Transaction transaction(m_run.mirror.connection());
    if (!transaction.isOpen() || !m_run.mirror.upsertEntries(journalId, listed) ||
        !m_run.mirror.deleteEntries(journalId, gone) || !transaction.commit()) {
        failWrite(transaction.error().isEmpty() ? m_run.mirror.lastError() : transaction.error());
        return;
    }
    m_run.report.count(counts);
    m_run.report.deleted += int(gone.size());
    emit progress(1, 1);
    emit mirrored();
}

} // namespace Inkwell
