#include "sync/DeletionCheck.h"

#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"
#include "store/JournalStore.h"

#include <QSet>

namespace Inkwell {

namespace {

constexpr int DayLimit = 200; // getevents day returns at most 200 (REFERENCE.md 4.3)

} // namespace

void DeletionCheck::start()
{
    emit progress(0, 0);
    m_localCounts.reset();
    ProtocolCall* dayCounts = m_run.client.call(QStringLiteral("getdaycounts"), m_run.journal.request(), this,
                                                [this](ProtocolCall& call) { onDayCounts(call); });
    // The mirror is complete here (the writer has stored everything), so its own counts are read
    // while the server counts: a full table scan that would otherwise follow the reply.
    connect(dayCounts, &ProtocolCall::requestSent, this, [this] {
        if (!m_localCounts)
            m_localCounts = m_run.mirror.dayCounts(m_run.journal.id);
    });
}

void DeletionCheck::onDayCounts(ProtocolCall& call)
{
    if (stopIfCancelled())
        return;
    if (!call.succeeded()) {
        fail(call.error());
        return;
    }
    const auto serverCounts = dayCountsFromReply(call.reply());
    if (!serverCounts) {
        fail(serverCounts.error());
        return;
    }
    QMap<QDate, int> server;
    for (const DayCount& day : serverCounts.value())
        server.insert(day.date, day.count);
    if (!m_localCounts)
        m_localCounts = m_run.mirror.dayCounts(m_run.journal.id);
    const QMap<QDate, int>& local = *m_localCounts;
    QSet<QDate> differing;
    for (auto it = server.cbegin(); it != server.cend(); ++it) {
        if (local.value(it.key()) != it.value())
            differing.insert(it.key());
    }
    for (auto it = local.cbegin(); it != local.cend(); ++it) {
        if (!server.contains(it.key()))
            differing.insert(it.key());
    }
    m_daysToRead = differing.values();
    std::sort(m_daysToRead.begin(), m_daysToRead.end());
    readNextDay();
}

void DeletionCheck::readNextDay()
{
    if (m_daysToRead.isEmpty()) {
        emit checked();
        return;
    }
    const QDate day = m_daysToRead.takeFirst();
    ProtocolValue request = m_run.journal.request();
    request.insert(QStringLiteral("selecttype"), QStringLiteral("day"));
    request.insert(QStringLiteral("year"), day.year());
    request.insert(QStringLiteral("month"), day.month());
    request.insert(QStringLiteral("day"), day.day());
    request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
    m_run.client.call(QStringLiteral("getevents"), request, this,
                      [this, day](ProtocolCall& call) { onDay(call, day); });
}

void DeletionCheck::onDay(ProtocolCall& call, const QDate& day)
{
    const std::optional<QList<JournalEntry>> entries = entriesOrStop(call);
    if (!entries)
        return;
    // The day's entries are chosen by their time: one of another day means the reply answers
    // another question, and what is missing from it would be deleted here for nothing.
    const QString dayText = day.toString(Qt::ISODate);
    for (const JournalEntry& entry : entries.value()) {
        if (!entry.eventtime.startsWith(dayText)) {
            fail(ProtocolError::malformed(
                QStringLiteral("getevents: entry %1 of %2 is not of the day asked for (%3)")
                    .arg(entry.itemid)
                    .arg(entry.eventtime, dayText),
                QStringLiteral("getevents")));
            return;
        }
    }
    QSet<qint64> onServer;
    for (const JournalEntry& entry : entries.value())
        onServer.insert(entry.itemid);
    QList<qint64> gone;
    // A full day (200) may have been cut by the server: then absence proves nothing.
    if (entries->size() < DayLimit) {
        for (qint64 itemid : m_run.mirror.itemidsOnDay(m_run.journal.id, day)) {
            if (!onServer.contains(itemid))
                gone.append(itemid);
        }
    }
    if (!m_run.committer.deleteEntries(gone)) {
        failWrite(m_run.committer.lastError());
        return;
    }
    const std::optional<StoredCounts> stored = m_run.committer.storeEntries(entries.value(), {});
    if (!stored) {
        failWrite(m_run.committer.lastError());
        return;
    }
    m_run.report.count(*stored);
    m_run.report.deleted += int(gone.size());
    readNextDay();
}

} // namespace Inkwell
