#include "protocol/JournalMessages.h"

#include <algorithm>

namespace Inkwell {

namespace {

QString text(const ProtocolValue& value, const char* key)
{
    return value.member(QString::fromLatin1(key)).toText();
}

qint64 number(const ProtocolValue& value, const char* key)
{
    return value.member(QString::fromLatin1(key)).toInt();
}

void insertEntryFields(ProtocolValue& request, const JournalEntry& entry)
{
    request.insert(QStringLiteral("event"), entry.body);
    request.insert(QStringLiteral("subject"), entry.subject);
    request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
    request.insert(QStringLiteral("security"), toString(entry.security));
    // allowmask travels as text: DW masks use bits above 32, beyond XML-RPC's <int>.
    request.insert(QStringLiteral("allowmask"),
                   QString::number(entry.security == Security::UseMask ? entry.allowmask : 0));
    const QDateTime when = entry.eventDateTime();
    if (when.isValid()) {
        request.insert(QStringLiteral("year"), when.date().year());
        request.insert(QStringLiteral("mon"), when.date().month());
        request.insert(QStringLiteral("day"), when.date().day());
        request.insert(QStringLiteral("hour"), when.time().hour());
        request.insert(QStringLiteral("min"), when.time().minute());
    }
}

} // namespace

JournalEntry entryFromEvent(const ProtocolValue& event)
{
    JournalEntry entry;
    // One walk over the members rather than a lookup (and a key string) per field: this runs for
    // every entry of a sync.
    const ProtocolValue* props = nullptr;
    for (auto it = event.members().cbegin(); it != event.members().cend(); ++it) {
        const QString& key = it.key();
        const ProtocolValue& value = it.value();
        switch (key.size()) {
        case 3:
            if (key == QLatin1StringView("url"))
                entry.url = value.toText();
            break;
        case 4:
            if (key == QLatin1StringView("anum"))
                entry.anum = int(value.toInt());
            break;
        case 5:
            if (key == QLatin1StringView("event"))
                entry.body = value.toText();
            else if (key == QLatin1StringView("props"))
                props = &value;
            break;
        case 6:
            if (key == QLatin1StringView("itemid"))
                entry.itemid = value.toInt();
            else if (key == QLatin1StringView("poster"))
                entry.poster = value.toText();
            break;
        case 7:
            if (key == QLatin1StringView("logtime"))
                entry.logtime = value.toText();
            else if (key == QLatin1StringView("subject"))
                entry.subject = value.toText();
            break;
        case 8:
            if (key == QLatin1StringView("security"))
                entry.security = securityFromString(value.toText());
            break;
        case 9:
            if (key == QLatin1StringView("eventtime"))
                entry.eventtime = value.toText();
            else if (key == QLatin1StringView("allowmask"))
                entry.allowmask = quint64(value.toInt());
            break;
        default:
            break;
        }
    }
    if (props) {
        // A prop without a value is no prop: setting one empty deletes it on the server, and DW
        // sends picture_keyword empty (or undef) for every entry without an icon (REFERENCE.md 3.5).
        // The members come in key order, so each goes at the end.
        for (auto it = props->members().cbegin(); it != props->members().cend(); ++it) {
            QString value = it.value().toText();
            if (!value.isEmpty())
                entry.props.insert(entry.props.cend(), it.key(), std::move(value));
        }
    }
    // The server builds taglist from an unordered set, so the same entry lists its tags in a
    // different order from one reply to the next (seen in the fixtures); sorting makes an entry
    // compare equal to itself.
    if (entry.props.contains(Props::TagList)) {
        QStringList tags = entry.tags();
        tags.sort(Qt::CaseInsensitive);
        entry.setTags(tags);
    }
    return entry;
}

namespace {

// Which field of `entry` is larger than any server stores, with its size; empty when none is.
// Servers cut subjects at 255 bytes, prop values at 255 and bodies at 450,000 (Dreamwidth; 65,535
// on LiveJournal) (REFERENCE.md 4.4): ten times that is room enough for any server, and stops a
// hostile one from filling the mirror and its index with one reply.
QString oversizeField(const JournalEntry& entry)
{
    constexpr qsizetype longestSubject = 2550;
    constexpr qsizetype longestBody = 4'500'000;
    constexpr qsizetype longestProp = 65'535; // a long taglist: many tags of up to 80 bytes
    const auto sized = [](const char* what, qsizetype size) {
        return QStringLiteral("%1 of %2 characters").arg(QLatin1StringView(what)).arg(size);
    };
    if (entry.subject.size() > longestSubject)
        return sized("subject", entry.subject.size());
    if (entry.body.size() > longestBody)
        return sized("text", entry.body.size());
    for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
        if (it.value().size() > longestProp || it.key().size() > longestSubject)
            return sized("prop", it.value().size());
    }
    return {};
}

} // namespace

namespace {

char16_t charAt(QStringView text, qsizetype i)
{
    return text[i].unicode();
}
char16_t charAt(QByteArrayView text, qsizetype i)
{
    return char16_t(uchar(text[i]));
}

// "YYYY-MM-DD hh:mm:ss" naming a real moment: the cursor of the next sync is made of these, so a
// time that is not one would fail every sync after it (error 203) once stored.
template <typename Text>
bool isServerTime(Text text)
{
    if (text.size() != 19)
        return false;
    int fields[6] = {};
    int field = 0;
    for (qsizetype i = 0; i < 19; ++i) {
        const char expected = "dddd-dd-dd dd:dd:dd"[i];
        const char16_t c = charAt(text, i);
        if (expected != 'd') {
            if (c != char16_t(expected))
                return false;
            ++field;
        } else if (c < u'0' || c > u'9') {
            return false;
        } else {
            fields[field] = fields[field] * 10 + (c - u'0');
        }
    }
    const auto [year, month, day, hour, minute, second] = fields;
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= QDate(year, month, 1).daysInMonth() &&
           hour <= 23 && minute <= 59 && second <= 59;
}

} // namespace

ProtocolResult<QList<JournalEntry>> entriesFromReply(const ProtocolValue& reply)
{
    const ProtocolValue& events = reply.member(QStringLiteral("events"));
    if (!events.isArray() && !events.isNil())
        return ProtocolError::malformed(QStringLiteral("getevents: `events` is not a list"),
                                        QStringLiteral("getevents"));
    QList<JournalEntry> entries;
    entries.reserve(events.size());
    for (const ProtocolValue& event : events.items()) {
        JournalEntry entry = entryFromEvent(event);
        if (entry.itemid <= 0)
            return ProtocolError::malformed(QStringLiteral("getevents: an entry without itemid"),
                                            QStringLiteral("getevents"));
        // A time that names no moment would be kept and asked about again (a day's getevents, the
        // cursor), and the server refuses such a request for good (203): not a word of it is kept.
        if (!isServerTime(QStringView(entry.eventtime)) ||
            (!entry.logtime.isEmpty() && !isServerTime(QStringView(entry.logtime))))
            return ProtocolError::malformed(
                QStringLiteral("getevents: entry %1 has no time the server could mean (\"%2\")")
                    .arg(entry.itemid)
                    .arg((isServerTime(QStringView(entry.eventtime)) ? entry.logtime : entry.eventtime)
                             .left(40)),
                QStringLiteral("getevents"));
        if (const QString oversize = oversizeField(entry); !oversize.isEmpty())
            return ProtocolError::malformed(QStringLiteral("getevents: entry %1 has a %2 no server writes")
                                                .arg(entry.itemid)
                                                .arg(oversize),
                                            QStringLiteral("getevents"));
        entries.append(std::move(entry));
    }
    return entries;
}

ProtocolValue postEventRequest(const JournalEntry& entry, const QString& usejournal)
{
    ProtocolValue request = ProtocolValue::emptyMap();
    insertEntryFields(request, entry);
    ProtocolValue props = ProtocolValue::emptyMap();
    for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
        if (!isServerOwnedProp(it.key()) && !it.value().isEmpty())
            props.insert(it.key(), it.value());
    }
    request.insert(QStringLiteral("props"), props);
    if (!usejournal.isEmpty())
        request.insert(QStringLiteral("usejournal"), usejournal);
    return request;
}

ProtocolValue editEventRequest(const JournalEntry& entry, const QMap<QString, QString>& propsOnServer,
                               const QString& usejournal)
{
    ProtocolValue request = ProtocolValue::emptyMap();
    request.insert(QStringLiteral("itemid"), entry.itemid);
    insertEntryFields(request, entry);
    ProtocolValue props = ProtocolValue::emptyMap();
    for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
        if (!isServerOwnedProp(it.key()))
            props.insert(it.key(), it.value());
    }
    for (auto it = propsOnServer.cbegin(); it != propsOnServer.cend(); ++it) {
        if (!isServerOwnedProp(it.key()) && !entry.props.contains(it.key()))
            props.insert(it.key(), QString()); // an empty value deletes the prop
    }
    request.insert(QStringLiteral("props"), props);
    if (!usejournal.isEmpty())
        request.insert(QStringLiteral("usejournal"), usejournal);
    return request;
}

ProtocolValue deleteEventRequest(qint64 itemid, const QString& usejournal)
{
    ProtocolValue request = ProtocolValue::emptyMap();
    request.insert(QStringLiteral("itemid"), itemid);
    request.insert(QStringLiteral("event"), QString());
    request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
    if (!usejournal.isEmpty())
        request.insert(QStringLiteral("usejournal"), usejournal);
    return request;
}

PostResult postResultFromReply(const ProtocolValue& reply)
{
    return {number(reply, "itemid"), int(number(reply, "anum")), text(reply, "url"), text(reply, "message")};
}

ProtocolResult<SyncItemsPage> syncItemsFromReply(const ProtocolValue& reply)
{
    SyncItemsPage page;
    bool totalOk = false;
    bool countOk = false;
    page.total = int(reply.member(QStringLiteral("total")).toInt(&totalOk));
    page.count = int(reply.member(QStringLiteral("count")).toInt(&countOk));
    if (!totalOk || !countOk)
        return ProtocolError::malformed(QStringLiteral("syncitems: no total/count"),
                                        QStringLiteral("syncitems"));
    for (const ProtocolValue& value : reply.member(QStringLiteral("syncitems")).items()) {
        const QString item = text(value, "item");
        SyncItem syncItem;
        bool ok = false;
        if (item.size() > 2 && item.at(1) == QLatin1Char('-'))
            syncItem.itemid = item.mid(2).toLongLong(&ok);
        if (!ok)
            continue; // an item kind this client does not know: ignore it, as the reference advises
        syncItem.kind = item.at(0);
        syncItem.action = text(value, "action");
        syncItem.time = text(value, "time");
        if (!isServerTime(QStringView(syncItem.time)))
            return ProtocolError::malformed(
                QStringLiteral("syncitems: %1 has no time the server could mean (\"%2\")")
                    .arg(item, syncItem.time.left(40)),
                QStringLiteral("syncitems"));
        page.items.append(syncItem);
    }
    return page;
}

namespace {

// Digits without a leading zero, at most `maxDigits` of them.
bool plainNumber(QByteArrayView text, qsizetype maxDigits, qint64* out)
{
    if (text.isEmpty() || text.size() > maxDigits || text.front() == '0')
        return false;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    *out = value;
    return true;
}

bool plainAction(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 16)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

} // namespace

std::optional<SyncItemsPage> syncItemsFromPlainFlatReply(QByteArrayView body)
{
    // A page lists at most 500 items (REFERENCE.md 3.6); beyond a generous bound, the generic way.
    constexpr qint64 mostItems = 100000;
    struct Fields
    {
        QByteArrayView item, time, action;
    };
    QList<Fields> fields;
    bool success = false;
    qint64 count = -1;
    qint64 total = -1;
    if (!body.endsWith('\n'))
        return std::nullopt;
    qsizetype at = 0;
    while (at < body.size()) {
        const qsizetype keyEnd = body.indexOf('\n', at);
        const qsizetype valueEnd = keyEnd + 1 < body.size() ? body.indexOf('\n', keyEnd + 1) : -1;
        if (valueEnd < 0)
            return std::nullopt; // a key without its value
        const QByteArrayView key = body.sliced(at, keyEnd - at);
        const QByteArrayView value = body.sliced(keyEnd + 1, valueEnd - keyEnd - 1);
        at = valueEnd + 1;
        if (key == "success") {
            if (success || value != "OK")
                return std::nullopt;
            success = true;
        } else if (key == "sync_count" || key == "sync_total") {
            qint64& number = key == "sync_count" ? count : total;
            if (number >= 0 || (value != "0" && !plainNumber(value, 9, &number)))
                return std::nullopt;
            if (value == "0")
                number = 0;
        } else {
            // sync_<n>_item, sync_<n>_time, sync_<n>_action
            if (!key.startsWith("sync_"))
                return std::nullopt;
            const qsizetype underscore = key.indexOf('_', 5);
            qint64 n = 0;
            if (underscore < 0 || !plainNumber(key.sliced(5, underscore - 5), 6, &n) || n > mostItems)
                return std::nullopt;
            if (n > fields.size())
                fields.resize(n);
            const QByteArrayView field = key.sliced(underscore + 1);
            Fields& item = fields[n - 1];
            QByteArrayView* slot = field == "item"     ? &item.item
                                   : field == "time"   ? &item.time
                                   : field == "action" ? &item.action
                                                       : nullptr;
            if (!slot || !slot->isNull()) // not a field of an item, or one sent twice
                return std::nullopt;
            *slot = value; // never null: it points into the body
        }
    }
    if (!success || count < 0 || total < 0 || fields.size() != count)
        return std::nullopt;
    SyncItemsPage page;
    page.count = int(count);
    page.total = int(total);
    page.items.reserve(fields.size());
    for (const Fields& item : std::as_const(fields)) {
        SyncItem syncItem;
        if (item.item.size() < 3 || item.item[0] < 'A' || item.item[0] > 'Z' || item.item[1] != '-' ||
            !plainNumber(item.item.sliced(2), 15, &syncItem.itemid) || !isServerTime(item.time) ||
            !plainAction(item.action))
            return std::nullopt;
        syncItem.kind = QLatin1Char(item.item[0]);
        syncItem.time = QString::fromLatin1(item.time);
        syncItem.action = QString::fromLatin1(item.action);
        page.items.append(std::move(syncItem));
    }
    return page;
}

ProtocolResult<QList<DayCount>> dayCountsFromReply(const ProtocolValue& reply)
{
    QList<DayCount> counts;
    for (const ProtocolValue& value : reply.member(QStringLiteral("daycounts")).items()) {
        const QDate date = QDate::fromString(text(value, "date"), QStringLiteral("yyyy-MM-dd"));
        if (!date.isValid())
            return ProtocolError::malformed(
                QStringLiteral("getdaycounts: bad date %1").arg(text(value, "date")),
                QStringLiteral("getdaycounts"));
        counts.append({date, int(number(value, "count"))});
    }
    return counts;
}

ProtocolValue loginRequest(const LoginOptions& options)
{
    ProtocolValue request = ProtocolValue::emptyMap();
    if (options.moodsSince >= 0)
        request.insert(QStringLiteral("getmoods"), options.moodsSince);
    if (options.pictures) {
        request.insert(QStringLiteral("getpickws"), 1);
        request.insert(QStringLiteral("getpickwurls"), 1);
    }
    if (options.menus)
        request.insert(QStringLiteral("getmenus"), 1);
    request.insert(QStringLiteral("getcaps"), 1); // Dreamwidth answers it; classic LJ ignores it
    return request;
}

QList<FriendGroup> friendGroupsFromValue(const ProtocolValue& groups)
{
    QList<FriendGroup> result;
    for (const ProtocolValue& group : groups.items()) {
        FriendGroup g;
        g.id = int(number(group, "id"));
        g.name = text(group, "name");
        bool ok = false;
        g.sortOrder = int(group.member(QStringLiteral("sortorder")).toInt(&ok));
        if (!ok)
            g.sortOrder = 50;
        g.isPublic = group.member(QStringLiteral("public")).toBool();
        if (g.id > 0)
            result.append(g);
    }
    return result;
}

LoginInfo loginInfoFromReply(const ProtocolValue& reply)
{
    LoginInfo info;
    info.fullName = text(reply, "fullname");
    info.userId = number(reply, "userid");
    info.message = text(reply, "message");
    for (const ProtocolValue& journal : reply.member(QStringLiteral("usejournals")).items())
        info.usejournals.append(journal.toText());
    info.friendGroups = friendGroupsFromValue(reply.member(QStringLiteral("friendgroups")));
    for (const ProtocolValue& mood : reply.member(QStringLiteral("moods")).items())
        info.moods.append({int(number(mood, "id")), text(mood, "name"), int(number(mood, "parent"))});
    for (const ProtocolValue& keyword : reply.member(QStringLiteral("pickws")).items())
        info.pictureKeywords.append(keyword.toText());
    for (const ProtocolValue& url : reply.member(QStringLiteral("pickwurls")).items())
        info.pictureUrls.append(url.toText());
    info.defaultPictureUrl = text(reply, "defaultpicurl");
    info.hasCaps = reply.contains(QStringLiteral("caps"));
    info.caps = number(reply, "caps");
    return info;
}

} // namespace Inkwell
