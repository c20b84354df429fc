#pragma once

#include "friends/FriendsStore.h"
#include "friends/FriendsSync.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Inkwell {

class AccountClients;
class AccountRetries;
class Database;

// What the friends view works with: each account's friends and groups (FriendsStore), the user's
// edits, which are applied locally at once and queued, and the rounds (FriendsSync) that send the
// queue and fetch again. After an edit the queue goes out right away when autoSend() is on; while
// the server cannot be reached it is tried again later (15 s doubling up to 5 min). Each round
// asks AccountClients for the account's client, and so for its password: nothing is kept here.
class FriendsService : public QObject
{
    Q_OBJECT
public:
    FriendsService(Database& database, FriendsStore& store, AccountClients& clients,
                   QObject* parent = nullptr);
    ~FriendsService() override;

    FriendsStore& store() { return m_store; }
    const FriendsStore& store() const { return m_store; }

    // The flavour whose modes and group ids apply to `account`: as last fetched, else as configured.
    Flavor flavorOf(const QString& account) const;

    // Sends the waiting changes and fetches (a no-op while a round for the account is under way:
    // one more round follows it).
    void sync(const QString& account);
    bool isSyncing(const QString& account) const { return m_runs.contains(account); }

    void setAutoSend(bool on) { m_autoSend = on; }
    bool autoSend() const { return m_autoSend; }
    void setRetryDelays(int firstMs, int maxMs);

    // Edits. Each is applied to the store at once and queued; false (with lastError()) if it cannot be.
    bool setFriend(const QString& account, const FriendChange& change); // kind SetFriend
    bool removeFriend(const QString& account, const QString& username);
    // Returns the new group's id (the lowest free bit), 0 if none is free or it failed.
    int createGroup(const QString& account, const QString& name, bool isPublic = false);
    bool renameGroup(const QString& account, int id, const QString& name);
    bool setGroupPublic(const QString& account, int id, bool isPublic);
    // Moves a group `delta` places in the sort order (negative: up), renumbering sort orders.
    bool moveGroup(const QString& account, int id, int delta);
    bool deleteGroup(const QString& account, int id);
    bool setMembership(const QString& account, const QString& username, int groupId, bool member);
    bool dismissFailed(const QString& account);

    QString lastError() const { return m_error; }

signals:
    void friendsChanged(const QString& account);
    void syncFinished(const QString& account, const Inkwell::FriendsSyncReport& report);
    void problem(const QString& account, const QString& message);

private:
    struct Run;
    bool queue(const QString& account, const FriendChange& change);
    bool saveGroup(const QString& account, const FriendGroup& group);
    void start(const QString& account, std::shared_ptr<LjClient> client);
    void runFinished(const QString& account, const FriendsSyncReport& report);

    Database& m_database;
    FriendsStore& m_store;
    AccountClients& m_clients;
    QHash<QString, std::shared_ptr<Run>> m_runs;
    bool m_autoSend = true;
    AccountRetries* m_retries;
    QString m_error;
};

} // namespace Inkwell
