#pragma once

#include "friends/Friend.h"
#include "friends/FriendRequests.h"
#include "store/StatementCache.h"

#include <QSet>
#include <QSqlDatabase>
#include <QVariantList>

#include <optional>

namespace Inkwell {

// Each account's friends (or circle) and groups as last fetched, with the user's own changes laid
// over them at once, and the queue of those changes until the server takes them. Works on the
// connection it is given, on that connection's thread.
//
// The local view is always "server snapshot + waiting changes": replaceFromServer() writes what was
// fetched and applies the changes still waiting again, in one transaction, so a fetch never hides an
// edit that has not gone out yet.
class FriendsStore
{
public:
    explicit FriendsStore(QSqlDatabase connection);

    QString lastError() const { return m_sql.error(); }

    QList<Friend> friends(const QString& account) const; // by username
    std::optional<Friend> findFriend(const QString& account, const QString& username) const;
    QList<FriendGroup> groups(const QString& account) const; // by sort order, then id
    std::optional<FriendGroup> findGroup(const QString& account, int id) const;

    // The flavour the last fetch used (Unknown before the first) and when it happened.
    Flavor fetchedFlavor(const QString& account) const;
    QString fetchedAt(const QString& account) const;

    bool replaceFromServer(const QString& account, const FriendsSnapshot& snapshot, Flavor flavor);

    // Applies `change` to the local view and queues it, in one transaction. Returns its id, 0 on failure.
    qint64 enqueue(const QString& account, const FriendChange& change);
    QList<FriendChange> changes(const QString& account) const; // oldest first, failed ones included
    QList<FriendChange> waitingChanges(const QString& account) const;
    QStringList accountsWithWaitingChanges() const;
    bool countAttempt(qint64 id);
    // The server took it.
    bool remove(qint64 id);
    // The server refused it: kept (not applied any more) until the user dismisses it.
    bool markFailed(qint64 id, const QString& reason);
    bool dismissFailed(const QString& account);

    // What waiting changes touch, for marking rows "waiting to be sent".
    QSet<QString> pendingUsernames(const QString& account) const;
    QSet<int> pendingGroupIds(const QString& account) const;

    // The lowest group id no group of the account uses (REFERENCE.md 4.7: 1-30 on LJ, 1-60 on DW),
    // 0 when every id is taken.
    int lowestFreeGroupId(const QString& account, Flavor flavor) const;

private:
    bool apply(const QString& account, const FriendChange& change);
    bool writeFriend(const QString& account, const Friend& person);
    bool writeGroup(const QString& account, const FriendGroup& group);
    // Runs a write, prepared once, with `values` bound in order: the statement, or nullptr if it
    // failed (lastError()).
    QSqlQuery* execute(const QString& sql, const QVariantList& values);

    mutable StatementCache m_sql;
};

} // namespace Inkwell
