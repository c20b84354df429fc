#include "friends/FriendsModel.h"

#include "friends/FriendsStore.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QMimeData>

namespace Inkwell {

FriendsModel::FriendsModel(FriendsStore& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{}

void FriendsModel::setAccount(const QString& account, Flavor flavor)
{
    m_account = account;
    m_flavor = flavor;
    reload();
}

void FriendsModel::reload()
{
    beginResetModel();
    m_friends = m_account.isEmpty() ? QList<Friend>{} : m_store.friends(m_account);
    m_groups = m_account.isEmpty() ? QList<FriendGroup>{} : m_store.groups(m_account);
    m_pending = m_account.isEmpty() ? QSet<QString>{} : m_store.pendingUsernames(m_account);
    endResetModel();
}

const Friend* FriendsModel::friendAt(int row) const
{
    return row >= 0 && row < m_friends.size() ? &m_friends[row] : nullptr;
}

int FriendsModel::rowOf(const QString& username) const
{
    for (int row = 0; row < m_friends.size(); ++row) {
        if (m_friends[row].username == username)
            return row;
    }
    return -1;
}

int FriendsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_friends.size());
}

int FriendsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FriendsModel::relationText(const Friend& person) const
{
    if (m_flavor == Flavor::Dreamwidth) {
        // Access and subscription each have a direction on DW.
        QStringList parts;
        if (person.trusted || person.trustedBy)
            parts << (person.trusted && person.trustedBy ? tr("access both ways")
                      : person.trusted                   ? tr("you give access")
                                                         : tr("gives you access"));
        if (person.watched || person.watchedBy)
            parts << (person.watched && person.watchedBy ? tr("read each other")
                      : person.watched                   ? tr("you read them")
                                                         : tr("reads you"));
        return parts.join(QStringLiteral(", "));
    }
    if (person.isMutual())
        return tr("Mutual");
    return person.isListedByMe() ? tr("You list them") : tr("Lists you");
}

QString FriendsModel::groupsText(const Friend& person) const
{
    QStringList names;
    for (const FriendGroup& group : m_groups) {
        if (person.inGroup(group.id))
            names << group.name;
    }
    return names.join(QStringLiteral(", "));
}

QVariant FriendsModel::data(const QModelIndex& index, int role) const
{
    const Friend* person = index.isValid() ? friendAt(index.row()) : nullptr;
    if (!person)
        return {};
    const bool pending = m_pending.contains(person->username);
    if (role == UsernameRole)
        return person->username;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case UserColumn:
            return person->username;
        case NameColumn:
            return person->displayName == person->username ? QString() : person->displayName;
        case TypeColumn:
            switch (person->type) {
            case FriendType::Person:
                return tr("Person");
            case FriendType::Community:
                return tr("Community");
            case FriendType::Feed:
                return tr("Feed");
            case FriendType::Other:
                return person->typeName;
            }
            return {};
        case RelationColumn:
            return relationText(*person);
        case GroupsColumn:
            return groupsText(*person);
        case StateColumn:
            if (pending)
                return tr("Waiting to be sent");
            return person->status.isEmpty() ? QString() : person->status;
        }
    }
    // The user's own colours for each friend, as the site shows them, on the user name only.
    if (index.column() == UserColumn && person->isListedByMe()) {
        if (role == Qt::ForegroundRole && QColor::isValidColorName(person->fgColor))
            return QBrush(QColor::fromString(person->fgColor));
        if (role == Qt::BackgroundRole && QColor::isValidColorName(person->bgColor))
            return QBrush(QColor::fromString(person->bgColor));
    }
    if (role == Qt::FontRole && pending) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ToolTipRole && index.column() == UserColumn)
        return person->displayName;
    return {};
}

Qt::ItemFlags FriendsModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    // Only people on the access list can be put in groups.
    if (const Friend* person = index.isValid() ? friendAt(index.row()) : nullptr; person && person->trusted)
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QMimeData* FriendsModel::mimeData(const QModelIndexList& indexes) const
{
    QStringList names;
    for (const QModelIndex& index : indexes) {
        const Friend* person = friendAt(index.row());
        if (person && !names.contains(person->username))
            names << person->username;
    }
    auto* data = new QMimeData;
    data->setData(mimeType(), names.join(QLatin1Char('\n')).toUtf8());
    return data;
}

QVariant FriendsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UserColumn:
        return tr("User");
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case RelationColumn:
        return tr("Relation");
    case GroupsColumn:
        return tr("Groups");
    case StateColumn:
        return tr("State");
    }
    return {};
}

} // namespace Inkwell
