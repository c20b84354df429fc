#include "friends/Friend.h"

namespace Inkwell {

FriendType friendTypeFromProtocol(const QString& type)
{
    if (type.isEmpty() || type == QLatin1String("personal"))
        return FriendType::Person;
    if (type == QLatin1String("community"))
        return FriendType::Community;
    if (type == QLatin1String("syndicated") || type == QLatin1String("news"))
        return FriendType::Feed;
    return FriendType::Other; // shared, identity (OpenID)
}

QString toString(FriendType type)
{
    switch (type) {
    case FriendType::Person:
        return QStringLiteral("person");
    case FriendType::Community:
        return QStringLiteral("community");
    case FriendType::Feed:
        return QStringLiteral("feed");
    case FriendType::Other:
        return QStringLiteral("other");
    }
    return {};
}

int maxGroupId(Flavor flavor)
{
    return flavor == Flavor::Dreamwidth ? 60 : 30;
}

quint64 groupBits(quint64 mask, Flavor flavor)
{
    const int top = maxGroupId(flavor);
    return mask & ((quint64(1) << (top + 1)) - 1);
}

QString toString(FriendChangeKind kind)
{
    switch (kind) {
    case FriendChangeKind::SetFriend:
        return QStringLiteral("set-friend");
    case FriendChangeKind::RemoveFriend:
        return QStringLiteral("remove-friend");
    case FriendChangeKind::SetGroup:
        return QStringLiteral("set-group");
    case FriendChangeKind::DeleteGroup:
        return QStringLiteral("delete-group");
    case FriendChangeKind::SetMembership:
        return QStringLiteral("set-membership");
    }
    return {};
}

std::optional<FriendChangeKind> friendChangeKindFromString(const QString& text)
{
    for (FriendChangeKind kind :
         {FriendChangeKind::SetFriend, FriendChangeKind::RemoveFriend, FriendChangeKind::SetGroup,
          FriendChangeKind::DeleteGroup, FriendChangeKind::SetMembership}) {
        if (toString(kind) == text)
            return kind;
    }
    return std::nullopt;
}

// Masks travel as decimal strings: JSON numbers are doubles and would lose DW's high bits.
QJsonObject FriendChange::toJson() const
{
    QJsonObject json;
    switch (kind) {
    case FriendChangeKind::SetFriend:
        json.insert(QStringLiteral("fg"), fgColor);
        json.insert(QStringLiteral("bg"), bgColor);
        json.insert(QStringLiteral("trust"), trust);
        json.insert(QStringLiteral("watch"), watch);
        [[fallthrough]];
    case FriendChangeKind::SetMembership:
        json.insert(QStringLiteral("groupmask"), QString::number(groupMask));
        [[fallthrough]];
    case FriendChangeKind::RemoveFriend:
        json.insert(QStringLiteral("user"), username);
        break;
    case FriendChangeKind::SetGroup:
        json.insert(QStringLiteral("name"), group.name);
        json.insert(QStringLiteral("sort"), group.sortOrder);
        json.insert(QStringLiteral("public"), group.isPublic);
        [[fallthrough]];
    case FriendChangeKind::DeleteGroup:
        json.insert(QStringLiteral("id"), group.id);
        break;
    }
    return json;
}

FriendChange FriendChange::fromJson(FriendChangeKind kind, const QJsonObject& json)
{
    FriendChange change;
    change.kind = kind;
    change.username = json.value(QStringLiteral("user")).toString();
    change.fgColor = json.value(QStringLiteral("fg")).toString();
    change.bgColor = json.value(QStringLiteral("bg")).toString();
    change.trust = json.value(QStringLiteral("trust")).toBool(true);
    change.watch = json.value(QStringLiteral("watch")).toBool(true);
    change.groupMask = json.value(QStringLiteral("groupmask")).toString(QStringLiteral("1")).toULongLong();
    change.group.id = json.value(QStringLiteral("id")).toInt();
    change.group.name = json.value(QStringLiteral("name")).toString();
    change.group.sortOrder = json.value(QStringLiteral("sort")).toInt(50);
    change.group.isPublic = json.value(QStringLiteral("public")).toBool();
    return change;
}

QString FriendChange::describe() const
{
    switch (kind) {
    case FriendChangeKind::SetFriend:
        return tr("Add or change %1").arg(username);
    case FriendChangeKind::RemoveFriend:
        return tr("Remove %1").arg(username);
    case FriendChangeKind::SetGroup:
        return tr("Save group \"%1\"").arg(group.name);
    case FriendChangeKind::DeleteGroup:
        return tr("Delete group %1").arg(group.id);
    case FriendChangeKind::SetMembership:
        return tr("Change the groups of %1").arg(username);
    }
    return {};
}

} // namespace Inkwell
