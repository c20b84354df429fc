#pragma once

#include "store/Database.h"
#include "util/Profile.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

namespace Inkwell {

class AccountClients;
class AccountStore;
class DraftStore;
class FriendsService;
class FriendsStore;
class JournalStore;
class LoginService;
class NetworkReachability;
class NewPostsWatcher;
class Outbox;
class OutboxService;
class PasswordStore;
class RemoteFetcher;
class SyncCoordinator;
class SyncScheduler;
class UserpicUpload;

// Everything one profile works with, built once by each program (app/gui, app/cli) and by
// nothing else: the database, the stores on its writer connection, the per-account clients, and
// the services on top of them. Widgets get references to what they need; none builds a service
// or a client. Lives on the thread that opened it (the GUI's, or the CLI's); the sync's worker
// thread opens its own connection and client (SyncRunner).
class ProfileServices : public QObject
{
    Q_OBJECT
public:
    // Opens the profile's database and builds the rest; nullptr, `error` and `problem` (what kind
    // of refusal: a damaged database has a way out) if it cannot be opened. `passwords` (the
    // keychain, the GUI's with its session-only fallback) must outlive it. With Access::ReadOnly
    // (a command that only reads, on a profile that cannot be written) nothing may write.
    static std::unique_ptr<ProfileServices> open(const Profile& profile, PasswordStore& passwords,
                                                 QString* error, Database::Problem* problem = nullptr,
                                                 Database::Access access = Database::Access::ReadWrite);
    // The services go first, then the clients, the stores and the database; a sync still running
    // is cancelled and its session ended (SyncRunner).
    ~ProfileServices() override;

    const Profile& profile() const { return m_profile; }
    Database& database() { return *m_database; }
    PasswordStore& passwords() { return m_passwords; }

    AccountStore& accounts() { return *m_accounts; }
    DraftStore& drafts() { return *m_drafts; }
    Outbox& outbox() { return *m_outbox; }
    JournalStore& mirror() { return *m_mirror; }
    FriendsStore& friendsStore() { return *m_friendsStore; }

    AccountClients& clients() { return *m_clients; }
    LoginService& logins() { return *m_logins; }
    OutboxService& outboxService() { return *m_outboxService; }
    SyncCoordinator& sync() { return *m_sync; }
    FriendsService& friends() { return *m_friends; }
    NewPostsWatcher& newPosts() { return *m_newPosts; }
    UserpicUpload& userpics() { return *m_userpics; }
    RemoteFetcher& remoteFetcher() { return *m_remoteFetcher; }
    NetworkReachability& network() { return *m_network; }
    SyncScheduler& scheduler() { return *m_scheduler; }

    // What the GUI does in the background (the CLI never): the outbox left when the program last
    // quit goes out, every account is synced now and on the scheduler's timer while the network
    // is up, and the friends pages are watched.
    void startBackgroundWork();

    // How often the scheduler syncs on its own (zero: never), kept in the profile's settings.
    std::chrono::minutes syncInterval() const;
    void setSyncInterval(std::chrono::minutes interval);

    // The Weblogs.com-style server pinged after public posts (empty: none), kept in the profile's
    // settings.
    QUrl pingServer() const;
    void setPingServer(const QUrl& endpoint);
    // The proxy of the accounts that name none of their own, as Account::proxy takes it (empty: the
    // system's settings), kept in the profile's settings. False, changing nothing, for a text that
    // names no proxy.
    QString proxy() const;
    bool setProxy(const QString& proxy);
    // Whether friends pages are watched for new posts (NewPostsWatcher); on unless turned off.
    bool watchesNewPosts() const;
    void setWatchesNewPosts(bool watch);

    // Ends every session the clients still hold (a run cut short by quitting), then `done` from
    // the event loop, unless `context` is gone first. The programs call it before they quit.
    void close(QObject* context, std::function<void()> done);

private:
    ProfileServices(const Profile& profile, std::unique_ptr<Database> database, PasswordStore& passwords);

    Profile m_profile;
    std::unique_ptr<Database> m_database;
    PasswordStore& m_passwords;
    // Declared in the order they are built: each uses only those above it.
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<JournalStore> m_mirror;
    std::unique_ptr<FriendsStore> m_friendsStore;
    std::unique_ptr<RemoteFetcher> m_remoteFetcher;
    std::unique_ptr<AccountClients> m_clients;
    std::unique_ptr<LoginService> m_logins;
    std::unique_ptr<OutboxService> m_outboxService;
    std::unique_ptr<SyncCoordinator> m_sync;
    std::unique_ptr<FriendsService> m_friends;
    std::unique_ptr<NewPostsWatcher> m_newPosts;
    std::unique_ptr<UserpicUpload> m_userpics;
    std::unique_ptr<NetworkReachability> m_network;
    std::unique_ptr<SyncScheduler> m_scheduler;
};

} // namespace Inkwell
