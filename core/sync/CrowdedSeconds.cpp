#include "sync/CrowdedSeconds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace Inkwell {

namespace {

// `count` itemids from `from` up that are neither in `skip` nor mirrored.
QList<qint64> freeIdsFrom(qint64 from, int count, const QSet<qint64>& skip,
                          const CrowdedSeconds::Mirrored& mirrored)
{
    QList<qint64> ids;
    while (ids.size() < count) {
        const qint64 last = from + (count - ids.size()) * 2 + 16;
        const QSet<qint64> known = mirrored(from, last);
        for (qint64 id = from; id <= last && ids.size() < count; ++id) {
            if (!skip.contains(id) && !known.contains(id))
                ids.append(id);
        }
        from = last + 1;
    }
    return ids;
}

QList<PendingItem> atTime(const QList<qint64>& ids, const QString& time)
{
    QList<PendingItem> items;
    items.reserve(ids.size());
    for (qint64 id : ids)
        items.append({id, time});
    return items;
}

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

} // namespace

std::optional<QString> CrowdedSeconds::crowdedSecond(const SyncItemsPage& page)
{
    if (page.items.isEmpty() || page.count >= page.total)
        return std::nullopt;
    const QString& time = page.items.first().time;
    for (const SyncItem& item : page.items) {
        if (item.time != time)
            return std::nullopt;
    }
    return time;
}

void CrowdedSeconds::pageListed(const SyncItemsPage& page, int entriesListed, bool editsListed)
{
    // The page after a crowded second lists what follows it, so the difference of the two totals
    // counts the second's items. Items written in between make the later total larger: then fewer
    // seem kept back, and the probes still look through the whole range of new itemids.
    for (Second& second : m_seconds) {
        if (second.unlisted < 0)
            second.unlisted = std::max(0, second.listedFrom - page.total - second.seen);
    }
    // A "create" is listed at the entry's creation time; one after a second has a higher itemid
    // than every entry created in it.
    for (const SyncItem& item : page.items) {
        if (item.kind != u'L' || item.action != QLatin1String("create"))
            continue;
        for (Second& second : m_seconds) {
            if (item.time > second.time && (second.firstAfter == 0 || item.itemid < second.firstAfter))
                second.firstAfter = item.itemid;
        }
    }
    if (const std::optional<QString> crowded = crowdedSecond(page)) {
        QSet<qint64> comments = m_lastTime == *crowded ? m_lastComments : QSet<qint64>{};
        for (const SyncItem& item : page.items) {
            if (item.kind == u'C')
                comments.insert(item.itemid);
        }
        Second second;
        second.time = *crowded;
        second.listedFrom = page.total;
        second.seen = entriesListed + int(comments.size());
        second.editsListed = editsListed;
        m_seconds.append(second);
    }
    m_lastTime.clear();
    m_lastComments.clear();
    for (const SyncItem& item : page.items)
        m_lastTime = std::max(m_lastTime, item.time);
    for (const SyncItem& item : page.items) {
        if (item.kind == u'C' && item.time == m_lastTime)
            m_lastComments.insert(item.itemid);
    }
}

QList<PendingItem> CrowdedSeconds::plan(const QList<PendingItem>& listed, const Mirrored& mirrored, int batch)
{
    if (std::all_of(m_seconds.cbegin(), m_seconds.cend(),
                    [](const Second& second) { return second.planned; }))
        return {};     // the usual case: no crowded second, nothing to look through
    QSet<qint64> skip; // listed, or chosen for an earlier second
    skip.reserve(listed.size());
    for (const PendingItem& item : listed)
        skip.insert(item.itemid);
    QList<PendingItem> probes;
    Second* open = nullptr;
    for (Second& second : m_seconds) {
        if (second.planned)
            continue;
        second.planned = true;
        if (second.unlisted <= 0) {
            second.done = true;
            continue;
        }
        qint64 older = 0;
        QList<qint64> atSecond;
        for (const PendingItem& item : listed) {
            if (item.time < second.time)
                older = std::max(older, item.itemid);
            else if (item.time == second.time)
                atSecond.append(item.itemid);
        }
        // The second's new entries: listed at it and not mirrored before (the others are edits).
        QList<qint64> fresh;
        if (!atSecond.isEmpty()) {
            const auto [lowest, highest] = std::minmax_element(atSecond.cbegin(), atSecond.cend());
            const QSet<qint64> known = mirrored(*lowest, *highest);
            for (qint64 id : atSecond) {
                if (!known.contains(id))
                    fresh.append(id);
            }
        }
        if (fresh.isEmpty())
            continue; // edits and comments only: no itemid tells anything (followUp decides)
        const qint64 lowest = *std::min_element(fresh.cbegin(), fresh.cend());
        const qint64 highest = *std::max_element(fresh.cbegin(), fresh.cend());
        // The newest entry known to be older: listed before the second, or mirrored before (every
        // mirrored entry was created before the sync that mirrored it).
        qint64 below = older;
        for (qint64 id : mirrored(1, lowest - 1))
            below = std::max(below, id);
        const bool closed = second.firstAfter > highest;
        const qint64 top = closed ? second.firstAfter - 1 : highest;
        const QSet<qint64> known = mirrored(below + 1, top);
        for (qint64 id = below + 1; id <= top; ++id) {
            if (!skip.contains(id) && !known.contains(id))
                second.probes.append(id);
        }
        if (!closed) {
            // Nothing created after it was listed: its entries may go on above the highest listed,
            // at least as many as the ids below cannot account for.
            second.roundFrom = top + 1;
            const int above = second.unlisted - int(second.probes.size());
            if (above > 0)
                second.probes += freeIdsFrom(top + 1, above, skip, mirrored);
            open = &second;
        }
        for (qint64 id : std::as_const(second.probes))
            skip.insert(id);
        probes += atTime(second.probes, second.time);
    }
    if (open) {
        // Ids that fill the last getevents batch cost nothing.
        const int room = int((batch - (listed.size() + probes.size()) % batch) % batch);
        const qint64 from = std::max(open->roundFrom, open->probes.isEmpty() ? 0 : open->probes.last() + 1);
        const QList<qint64> more = freeIdsFrom(from, room, skip, mirrored);
        open->probes += more;
        probes += atTime(more, open->time);
    }
    return probes;
}

QList<PendingItem> CrowdedSeconds::followUp(const Mirrored& mirrored, const QSet<qint64>& asked, int batch)
{
    QList<PendingItem> next;
    QString refetchAt; // the time of a second whose edits may not all be fetched
    for (Second& second : m_seconds) {
        if (!second.planned || second.done)
            continue;
        int found = 0;
        int foundAbove = 0; // by the last probes above it
        if (!second.probes.isEmpty()) {
            const auto [lowest, highest] = std::minmax_element(second.probes.cbegin(), second.probes.cend());
            const QSet<qint64> stored = mirrored(*lowest, *highest);
            for (qint64 id : std::as_const(second.probes)) {
                if (stored.contains(id)) {
                    ++found;
                    foundAbove += second.roundFrom > 0 && id >= second.roundFrom ? 1 : 0;
                }
            }
        }
        if (found >= second.unlisted) {
            second.done = true;
            continue;
        }
        const qint64 highest = second.probes.isEmpty() ? 0 : second.probes.last();
        const bool probedAbove = second.roundFrom > 0 && highest >= second.roundFrom;
        if (second.roundFrom > 0 && (!probedAbove || foundAbove > 0)) {
            // Entries above the probes may be its too: the next ids, a whole batch or more.
            const qint64 from = probedAbove ? highest + 1 : second.roundFrom;
            const int missing = second.unlisted - found;
            const int count = (missing + batch - 1) / batch * batch;
            const QList<qint64> ids = freeIdsFrom(from, count, asked, mirrored);
            second.roundFrom = from;
            second.probes += ids;
            next += atTime(ids, second.time);
            continue;
        }
        // What is left is comments, entries we may not read, and edits: those are found only by
        // reading every entry again, which is worth it when an edit of an older entry was seen.
        second.done = true;
        if (second.editsListed)
            refetchAt = second.time;
    }
    if (!refetchAt.isEmpty()) {
        QSet<qint64> queued;
        for (const PendingItem& item : std::as_const(next))
            queued.insert(item.itemid);
        QList<qint64> again;
        for (qint64 id : mirrored(1, std::numeric_limits<qint64>::max())) {
            if (!asked.contains(id) && !queued.contains(id))
                again.append(id);
        }
        std::sort(again.begin(), again.end());
        next += atTime(again, refetchAt);
    }
    return next;
}

QString CrowdedSeconds::toJson() const
{
    if (m_seconds.isEmpty())
        return {};
    QJsonArray seconds;
    for (const Second& second : m_seconds) {
        seconds.append(QJsonObject{{QStringLiteral("time"), second.time},
                                   {QStringLiteral("listedFrom"), second.listedFrom},
                                   {QStringLiteral("seen"), second.seen},
                                   {QStringLiteral("unlisted"), second.unlisted},
                                   {QStringLiteral("editsListed"), second.editsListed},
                                   {QStringLiteral("firstAfter"), second.firstAfter},
                                   {QStringLiteral("probes"), idArray(second.probes)},
                                   {QStringLiteral("roundFrom"), second.roundFrom},
                                   {QStringLiteral("planned"), second.planned},
                                   {QStringLiteral("done"), second.done}});
    }
    return QString::fromUtf8(QJsonDocument(seconds).toJson(QJsonDocument::Compact));
}

CrowdedSeconds CrowdedSeconds::fromJson(const QString& json)
{
    CrowdedSeconds crowded;
    for (const QJsonValue& value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        Second second;
        second.time = object.value(QStringLiteral("time")).toString();
        second.listedFrom = object.value(QStringLiteral("listedFrom")).toInt();
        second.seen = object.value(QStringLiteral("seen")).toInt();
        second.unlisted = object.value(QStringLiteral("unlisted")).toInt(-1);
        second.editsListed = object.value(QStringLiteral("editsListed")).toBool();
        second.firstAfter = object.value(QStringLiteral("firstAfter")).toInteger();
        for (const QJsonValue& id : object.value(QStringLiteral("probes")).toArray())
            second.probes.append(id.toInteger());
        second.roundFrom = object.value(QStringLiteral("roundFrom")).toInteger();
        second.planned = object.value(QStringLiteral("planned")).toBool();
        second.done = object.value(QStringLiteral("done")).toBool();
        if (!second.time.isEmpty())
            crowded.m_seconds.append(second);
    }
    return crowded;
}

} // namespace Inkwell
