#pragma once

#include "friends/Friend.h"

#include <QAbstractTableModel>
#include <QSet>

namespace Inkwell {

class FriendsStore;

// One account's friends (or circle) as a table: who, their kind, which way the relation goes, their
// groups, and whether a change to them is still waiting to be sent. Reloaded with reload().
class FriendsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        UserColumn,
        NameColumn,
        TypeColumn,
        RelationColumn,
        GroupsColumn,
        StateColumn,
        ColumnCount
    };
    static constexpr int UsernameRole = Qt::UserRole + 1;
    // Dragged friends: their user names, one a line.
    static QString mimeType() { return QStringLiteral("application/x-inkwell-friends"); }

    explicit FriendsModel(FriendsStore& store, QObject* parent = nullptr);

    void setAccount(const QString& account, Flavor flavor);
    void reload();

    const Friend* friendAt(int row) const;
    int rowOf(const QString& username) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override { return {mimeType()}; }
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString relationText(const Friend& person) const;
    QString groupsText(const Friend& person) const;

    FriendsStore& m_store;
    QString m_account;
    Flavor m_flavor = Flavor::LiveJournal;
    QList<Friend> m_friends;
    QList<FriendGroup> m_groups;
    QSet<QString> m_pending;
};

} // namespace Inkwell
