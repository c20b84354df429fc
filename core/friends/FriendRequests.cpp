#include "friends/FriendRequests.h"

#include "protocol/JournalMessages.h"

#include <QMap>
#include <QStringDecoder>

namespace Inkwell {

namespace {

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

quint64 maskOf(const ProtocolValue& record, quint64 absent)
{
    const ProtocolValue& value = record.member(key("groupmask"));
    if (value.isNil())
        return absent; // REFERENCE.md 4.7: lists omit a mask of 1
    return value.toText().trimmed().toULongLong();
}

Friend& entryFor(QMap<QString, Friend>& people, const ProtocolValue& record, bool repair)
{
    const QString username = record.member(key("username")).toText();
    Friend& person = people[username];
    person.username = username;
    QString name = record.member(key("fullname")).toText();
    if (repair)
        name = repairDoubleEncoding(name);
    if (person.displayName.isEmpty() || person.displayName == username)
        person.displayName = name;
    const QString type = record.member(key("type")).toText();
    if (!type.isEmpty() || person.typeName.isEmpty()) {
        person.typeName = type;
        person.type = friendTypeFromProtocol(type);
    }
    if (record.contains(key("status")))
        person.status = record.member(key("status")).toText();
    return person;
}

void takeColours(Friend& person, const ProtocolValue& record)
{
    const QString fg = record.member(key("fgcolor")).toText();
    const QString bg = record.member(key("bgcolor")).toText();
    if (!fg.isEmpty())
        person.fgColor = fg.toLower();
    if (!bg.isEmpty())
        person.bgColor = bg.toLower();
}

QList<FriendGroup> groupsFrom(const ProtocolValue& value, bool repair)
{
    QList<FriendGroup> groups = friendGroupsFromValue(value);
    if (repair) {
        for (FriendGroup& group : groups)
            group.name = repairDoubleEncoding(group.name);
    }
    std::stable_sort(groups.begin(), groups.end(), [](const FriendGroup& a, const FriendGroup& b) {
        return a.sortOrder != b.sortOrder ? a.sortOrder < b.sortOrder : a.id < b.id;
    });
    return groups;
}

ProtocolValue groupSpec(const FriendGroup& group)
{
    ProtocolValue spec = ProtocolValue::emptyMap();
    spec.insert(key("name"), group.name);
    // Always sent: LJ resets an omitted sort to 50 even for an existing group (REFERENCE.md 3.11).
    spec.insert(key("sort"), group.sortOrder);
    spec.insert(key("public"), group.isPublic ? 1 : 0);
    return spec;
}

ProtocolValue single(const QString& name, ProtocolValue value)
{
    ProtocolValue map = ProtocolValue::emptyMap();
    map.insert(name, std::move(value));
    return map;
}

ModeRequest ljRequest(const FriendChange& change)
{
    const QString editFriends = key("editfriends");
    const QString editGroups = key("editfriendgroups");
    switch (change.kind) {
    case FriendChangeKind::SetFriend: {
        ProtocolValue item = ProtocolValue::emptyMap();
        item.insert(key("username"), change.username);
        item.insert(key("fgcolor"), change.fgColor);
        item.insert(key("bgcolor"), change.bgColor);
        // Always sent, so a resent change sets the same mask (an omitted one keeps the old).
        item.insert(key("groupmask"), qint64(change.groupMask | 1));
        return {editFriends, single(key("add"), ProtocolValue(ProtocolValue::List{item}))};
    }
    case FriendChangeKind::RemoveFriend:
        return {editFriends, single(key("delete"), ProtocolValue(ProtocolValue::List{change.username}))};
    case FriendChangeKind::SetGroup:
        return {editGroups,
                single(key("set"), single(QString::number(change.group.id), groupSpec(change.group)))};
    case FriendChangeKind::DeleteGroup:
        return {editGroups, single(key("delete"), ProtocolValue(ProtocolValue::List{change.group.id}))};
    case FriendChangeKind::SetMembership:
        return {editGroups, single(key("groupmasks"),
                                   single(change.username, ProtocolValue(qint64(change.groupMask | 1))))};
    }
    return {};
}

ProtocolValue maskItem(const QString& username, quint64 mask)
{
    ProtocolValue item = ProtocolValue::emptyMap();
    item.insert(key("username"), username);
    item.insert(key("groupmask"), qint64(mask | 1));
    return item;
}

ModeRequest dwRequest(const FriendChange& change)
{
    const QString editCircle = key("editcircle");
    switch (change.kind) {
    case FriendChangeKind::SetFriend: {
        ProtocolValue item = ProtocolValue::emptyMap();
        item.insert(key("username"), change.username);
        item.insert(key("edge"), (change.trust ? 1 : 0) | (change.watch ? 2 : 0));
        item.insert(key("fgcolor"), change.fgColor);
        item.insert(key("bgcolor"), change.bgColor);
        ProtocolValue::List items{item};
        // An item with a groupmask trusts with that mask; edge items cannot carry one.
        if (change.trust && (change.groupMask & ~quint64(1)))
            items.append(maskItem(change.username, change.groupMask));
        return {editCircle, single(key("add"), ProtocolValue(items))};
    }
    case FriendChangeKind::RemoveFriend: {
        ProtocolValue item = ProtocolValue::emptyMap();
        item.insert(key("username"), change.username);
        item.insert(key("edge"), 0);
        return {editCircle, single(key("add"), ProtocolValue(ProtocolValue::List{item}))};
    }
    case FriendChangeKind::SetGroup:
        return {editCircle, single(key("settrustgroups"),
                                   single(QString::number(change.group.id), groupSpec(change.group)))};
    case FriendChangeKind::DeleteGroup:
        return {editCircle,
                single(key("deletetrustgroups"), ProtocolValue(ProtocolValue::List{change.group.id}))};
    case FriendChangeKind::SetMembership:
        return {editCircle,
                single(key("add"),
                       ProtocolValue(ProtocolValue::List{maskItem(change.username, change.groupMask)}))};
    }
    return {};
}

} // namespace

QString repairDoubleEncoding(const QString& text)
{
    bool high = false;
    for (QChar c : text) {
        if (c.unicode() > 0xff)
            return text;
        high = high || c.unicode() >= 0x80;
    }
    if (!high)
        return text;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(text.toLatin1());
    return decoder.hasError() ? text : decoded;
}

ModeRequest fetchRequest(Flavor flavor)
{
    ProtocolValue request = ProtocolValue::emptyMap();
    if (flavor == Flavor::Dreamwidth) {
        for (const char* name : {"includetrustgroups", "includewatchedusers", "includewatchedby",
                                 "includetrustedusers", "includetrustedby"})
            request.insert(key(name), 1);
        return {key("getcircle"), request};
    }
    request.insert(key("includegroups"), 1);
    request.insert(key("includefriendof"), 1);
    return {key("getfriends"), request};
}

FriendsSnapshot snapshotFromReply(const ProtocolValue& reply, Flavor flavor)
{
    QMap<QString, Friend> people;
    FriendsSnapshot snapshot;
    if (flavor == Flavor::Dreamwidth) {
        for (const ProtocolValue& record : reply.member(key("trustedusers")).items()) {
            Friend& person = entryFor(people, record, true);
            person.trusted = true;
            person.groupMask = groupBits(maskOf(record, 1), flavor) | 1;
            takeColours(person, record);
        }
        for (const ProtocolValue& record : reply.member(key("watchedusers")).items()) {
            Friend& person = entryFor(people, record, true);
            person.watched = true;
            takeColours(person, record);
        }
        for (const ProtocolValue& record : reply.member(key("trustedbys")).items())
            entryFor(people, record, true).trustedBy = true;
        for (const ProtocolValue& record : reply.member(key("watchedbys")).items())
            entryFor(people, record, true).watchedBy = true;
        snapshot.groups = groupsFrom(reply.member(key("trustgroups")), true);
    } else {
        for (const ProtocolValue& record : reply.member(key("friends")).items()) {
            Friend& person = entryFor(people, record, false);
            person.trusted = person.watched = true;
            person.groupMask = groupBits(maskOf(record, 1), flavor) | 1;
            takeColours(person, record);
        }
        for (const ProtocolValue& record : reply.member(key("friendofs")).items()) {
            Friend& person = entryFor(people, record, false);
            person.trustedBy = person.watchedBy = true;
        }
        snapshot.groups = groupsFrom(reply.member(key("friendgroups")), false);
    }
    snapshot.friends = people.values();
    return snapshot;
}

ModeRequest requestForChange(const FriendChange& change, Flavor flavor)
{
    return flavor == Flavor::Dreamwidth ? dwRequest(change) : ljRequest(change);
}

} // namespace Inkwell
