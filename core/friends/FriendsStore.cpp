#include "friends/FriendsStore.h"

#include "store/Transaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace Inkwell {

namespace {

const QString friendColumns = QStringLiteral(
    "username, display_name, type, fg, bg, groupmask, trusted, watched, trusted_by, watched_by, status");

Friend friendFromRow(const QSqlQuery& query)
{
    Friend person;
    person.username = query.value(0).toString();
    person.displayName = query.value(1).toString();
    person.typeName = query.value(2).toString();
    person.type = friendTypeFromProtocol(person.typeName);
    person.fgColor = query.value(3).toString();
    person.bgColor = query.value(4).toString();
    person.groupMask = quint64(query.value(5).toLongLong());
    person.trusted = query.value(6).toBool();
    person.watched = query.value(7).toBool();
    person.trustedBy = query.value(8).toBool();
    person.watchedBy = query.value(9).toBool();
    person.status = query.value(10).toString();
    return person;
}

FriendChange changeFromRow(const QSqlQuery& query)
{
    const auto kind = friendChangeKindFromString(query.value(1).toString());
    FriendChange change =
        FriendChange::fromJson(kind.value_or(FriendChangeKind::SetFriend),
                               QJsonDocument::fromJson(query.value(2).toByteArray()).object());
    change.id = query.value(0).toLongLong();
    change.state = query.value(3).toString() == QLatin1String("failed") ? FriendChangeState::Failed
                                                                        : FriendChangeState::Waiting;
    change.reason = query.value(4).toString();
    change.attempts = query.value(5).toInt();
    return change;
}

} // namespace

FriendsStore::FriendsStore(QSqlDatabase connection)
    : m_sql(std::move(connection))
{}

QList<Friend> FriendsStore::friends(const QString& account) const
{
    QList<Friend> result;
    QSqlQuery query(m_sql.connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM friends WHERE account = ? ORDER BY username").arg(friendColumns));
    query.addBindValue(account);
    if (!query.exec()) {
        m_sql.fail(query);
        return result;
    }
    while (query.next())
        result.append(friendFromRow(query));
    return result;
}

std::optional<Friend> FriendsStore::findFriend(const QString& account, const QString& username) const
{
    QSqlQuery query(m_sql.connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM friends WHERE account = ? AND username = ?").arg(friendColumns));
    query.addBindValue(account);
    query.addBindValue(username);
    if (query.exec() && query.next())
        return friendFromRow(query);
    return std::nullopt;
}

QList<FriendGroup> FriendsStore::groups(const QString& account) const
{
    QList<FriendGroup> result;
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT id, name, sortorder, public FROM friend_groups WHERE account = ?"
                                 " ORDER BY sortorder, id"));
    query.addBindValue(account);
    if (!query.exec()) {
        m_sql.fail(query);
        return result;
    }
    while (query.next())
        result.append({query.value(0).toInt(), query.value(1).toString(), query.value(2).toInt(),
                       query.value(3).toBool()});
    return result;
}

std::optional<FriendGroup> FriendsStore::findGroup(const QString& account, int id) const
{
    for (const FriendGroup& group : groups(account)) {
        if (group.id == id)
            return group;
    }
    return std::nullopt;
}

Flavor FriendsStore::fetchedFlavor(const QString& account) const
{
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT flavor FROM friends_fetched WHERE account = ?"));
    query.addBindValue(account);
    if (query.exec() && query.next())
        return flavorFromString(query.value(0).toString()).value_or(Flavor::Unknown);
    return Flavor::Unknown;
}

QString FriendsStore::fetchedAt(const QString& account) const
{
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT fetched_at FROM friends_fetched WHERE account = ?"));
    query.addBindValue(account);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

QSqlQuery* FriendsStore::execute(const QString& sql, const QVariantList& values)
{
    QSqlQuery* query = m_sql.statement(sql);
    if (!query)
        return nullptr;
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    return query->exec() || m_sql.fail(*query) ? query : nullptr;
}

bool FriendsStore::writeFriend(const QString& account, const Friend& person)
{
    return execute(QStringLiteral("INSERT OR REPLACE INTO friends (account, %1) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                       .arg(friendColumns),
                   {account, person.username, person.displayName, person.typeName, person.fgColor,
                    person.bgColor, qint64(person.groupMask), int(person.trusted), int(person.watched),
                    int(person.trustedBy), int(person.watchedBy), person.status});
}

bool FriendsStore::writeGroup(const QString& account, const FriendGroup& group)
{
    return execute(QStringLiteral("INSERT OR REPLACE INTO friend_groups (account, id, name, sortorder, "
                                  "public) VALUES (?, ?, ?, ?, ?)"),
                   {account, group.id, group.name, group.sortOrder, int(group.isPublic)});
}

bool FriendsStore::replaceFromServer(const QString& account, const FriendsSnapshot& snapshot, Flavor flavor)
{
    Transaction transaction(m_sql.connection());
    if (!transaction.isOpen())
        return m_sql.fail(transaction.error());
    if (!execute(QStringLiteral("DELETE FROM friends WHERE account = ?"), {account}) ||
        !execute(QStringLiteral("DELETE FROM friend_groups WHERE account = ?"), {account}))
        return false;
    for (const Friend& person : snapshot.friends) {
        if (!writeFriend(account, person))
            return false;
    }
    for (const FriendGroup& group : snapshot.groups) {
        if (!writeGroup(account, group))
            return false;
    }
    if (!execute(QStringLiteral(
                     "INSERT OR REPLACE INTO friends_fetched (account, flavor, fetched_at) VALUES (?, ?, ?)"),
                 {account, toString(flavor), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}))
        return false;
    for (const FriendChange& change : waitingChanges(account)) {
        if (!apply(account, change))
            return false;
    }
    return transaction.commit() || m_sql.fail(transaction.error());
}

bool FriendsStore::apply(const QString& account, const FriendChange& change)
{
    switch (change.kind) {
    case FriendChangeKind::SetFriend: {
        Friend person = findFriend(account, change.username).value_or(Friend{});
        if (person.username.isEmpty()) {
            person.username = change.username;
            person.displayName = change.username;
        }
        person.fgColor = change.fgColor.toLower();
        person.bgColor = change.bgColor.toLower();
        person.trusted = change.trust;
        person.watched = change.watch;
        person.groupMask = change.trust ? (change.groupMask | 1) : 0;
        return writeFriend(account, person);
    }
    case FriendChangeKind::RemoveFriend: {
        std::optional<Friend> person = findFriend(account, change.username);
        if (!person)
            return true;
        if (!person->listsMe())
            return execute(QStringLiteral("DELETE FROM friends WHERE account = ? AND username = ?"),
                           {account, change.username});
        person->trusted = person->watched = false;
        person->groupMask = 0;
        return writeFriend(account, *person);
    }
    case FriendChangeKind::SetMembership:
        return execute(QStringLiteral("UPDATE friends SET groupmask = ? WHERE account = ? AND username = ?"),
                       {qint64(change.groupMask | 1), account, change.username});
    case FriendChangeKind::SetGroup:
        return writeGroup(account, change.group);
    case FriendChangeKind::DeleteGroup:
        // The server clears the group's bit from every friend (REFERENCE.md 3.11).
        return execute(QStringLiteral("DELETE FROM friend_groups WHERE account = ? AND id = ?"),
                       {account, change.group.id}) &&
               execute(QStringLiteral("UPDATE friends SET groupmask = groupmask & ~? WHERE account = ?"),
                       {qint64(1) << change.group.id, account});
    }
    return true;
}

qint64 FriendsStore::enqueue(const QString& account, const FriendChange& change)
{
    Transaction transaction(m_sql.connection());
    if (!transaction.isOpen()) {
        m_sql.fail(transaction.error());
        return 0;
    }
    if (!apply(account, change))
        return 0;
    const QSqlQuery* insert = execute(
        QStringLiteral("INSERT INTO friend_changes (account, kind, change, created_at) VALUES (?, ?, ?, ?)"),
        {account, toString(change.kind),
         QString::fromUtf8(QJsonDocument(change.toJson()).toJson(QJsonDocument::Compact)),
         QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    if (!insert)
        return 0;
    const qint64 id = insert->lastInsertId().toLongLong();
    if (!transaction.commit()) {
        m_sql.fail(transaction.error());
        return 0;
    }
    return id;
}

QList<FriendChange> FriendsStore::changes(const QString& account) const
{
    QList<FriendChange> result;
    QSqlQuery query(m_sql.connection());
    query.prepare(QStringLiteral("SELECT id, kind, change, state, reason, attempts FROM friend_changes"
                                 " WHERE account = ? ORDER BY id"));
    query.addBindValue(account);
    if (!query.exec()) {
        m_sql.fail(query);
        return result;
    }
    while (query.next())
        result.append(changeFromRow(query));
    return result;
}

QList<FriendChange> FriendsStore::waitingChanges(const QString& account) const
{
    QList<FriendChange> result = changes(account);
    result.removeIf([](const FriendChange& change) { return change.state != FriendChangeState::Waiting; });
    return result;
}

QStringList FriendsStore::accountsWithWaitingChanges() const
{
    QStringList result;
    QSqlQuery query(m_sql.connection());
    if (query.exec(QStringLiteral(
            "SELECT DISTINCT account FROM friend_changes WHERE state = 'waiting' ORDER BY account"))) {
        while (query.next())
            result.append(query.value(0).toString());
    }
    return result;
}

bool FriendsStore::countAttempt(qint64 id)
{
    return execute(QStringLiteral("UPDATE friend_changes SET attempts = attempts + 1 WHERE id = ?"), {id});
}

bool FriendsStore::remove(qint64 id)
{
    return execute(QStringLiteral("DELETE FROM friend_changes WHERE id = ?"), {id});
}

bool FriendsStore::markFailed(qint64 id, const QString& reason)
{
    return execute(QStringLiteral("UPDATE friend_changes SET state = 'failed', reason = ? WHERE id = ?"),
                   {reason, id});
}

bool FriendsStore::dismissFailed(const QString& account)
{
    return execute(QStringLiteral("DELETE FROM friend_changes WHERE account = ? AND state = 'failed'"),
                   {account});
}

QSet<QString> FriendsStore::pendingUsernames(const QString& account) const
{
    QSet<QString> result;
    for (const FriendChange& change : waitingChanges(account)) {
        if (!change.username.isEmpty())
            result.insert(change.username);
    }
    return result;
}

QSet<int> FriendsStore::pendingGroupIds(const QString& account) const
{
    QSet<int> result;
    for (const FriendChange& change : waitingChanges(account)) {
        if (change.kind == FriendChangeKind::SetGroup || change.kind == FriendChangeKind::DeleteGroup)
            result.insert(change.group.id);
    }
    return result;
}

int FriendsStore::lowestFreeGroupId(const QString& account, Flavor flavor) const
{
    QSet<int> used;
    for (const FriendGroup& group : groups(account))
        used.insert(group.id);
    // A deletion still waiting keeps its bit until the server has cleared it from every friend.
    for (int id : pendingGroupIds(account))
        used.insert(id);
    for (int id = 1; id <= maxGroupId(flavor); ++id) {
        if (!used.contains(id))
            return id;
    }
    return 0;
}

} // namespace Inkwell
