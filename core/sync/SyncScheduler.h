#pragma once

#include "journal/Account.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace Inkwell {

class AccountStore;
class Database;
class FriendsService;
class LoginService;
class NetworkReachability;
class OutboxService;
class SyncCoordinator;
struct SyncReport;

// Keeps every account synced without the user having to ask, as a mail or feed client does: at
// start-up, when an account is added, after a post goes out, and every interval(); not while
// the network is down (what fell due meanwhile goes as soon as it returns). The login data the
// editor offers (moods, userpics, journals) and the friends with their groups (Dreamwidth's trust
// groups come only from there) are fetched with an account's first sync of the run and
// refreshed once a day.
//
// It never asks faster than the server can answer: after a sync that failed for a passing reason
// the next try waits a minute, doubling up to the interval; after a refused password or a missing
// one it waits for the user (syncNow(), accountChanged()), since every failed login counts
// against the account on the server.
class SyncScheduler : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::minutes DefaultInterval{15};
    static constexpr std::chrono::minutes MinimumInterval{5};
    static constexpr std::chrono::hours LoginRefresh{24};

    SyncScheduler(Database& database, AccountStore& accounts, SyncCoordinator& sync, OutboxService& outbox,
                  LoginService& logins, FriendsService& friends, NetworkReachability& network,
                  QObject* parent = nullptr);
    ~SyncScheduler() override;

    // Zero: only when asked (start-up, a new account, a post, syncNow()).
    void setInterval(std::chrono::minutes interval);
    std::chrono::minutes interval() const { return m_interval; }
    // For tests: an interval below MinimumInterval, and the first retry after a failure.
    void setTimings(std::chrono::milliseconds interval, std::chrono::milliseconds firstRetry);

    // Every account now (or once the network is back), then on the timer.
    void start();
    // The user asked: every account now, whatever failed before.
    void syncNow();
    // Accounts were added, edited or removed: a new or edited one is synced now, login data
    // included, and so is one that waited for the user (its password may be mended now).
    void accountsChanged();

    bool isWaitingForNetwork() const { return m_waitingForNetwork; }

signals:
    void waitingForNetworkChanged(bool waiting);

private:
    struct Due
    {
        QDeadlineTimer at{QDeadlineTimer::Forever};
        int failures = 0;
        bool login = true;         // fetch the login data with the next sync
        bool waitsForUser = false; // a refused or missing password: not until the user acts
    };

    void syncDue();
    void begin(const QString& account);
    // The login data is fresh: the friends and groups follow, and the login is due again in a day.
    void loggedIn(const QString& account);
    void onFinished(const QString& account, const SyncReport& report);
    void onFailed(const QString& account);
    void logInIfDue(const QString& account, Due& due);
    void armTimer();
    void setWaitingForNetwork(bool waiting);
    std::chrono::milliseconds retryDelay(int failures) const;
    QDeadlineTimer nextRegularSync() const; // one interval from now; never when the interval is 0

    Database& m_database;
    AccountStore& m_accounts;
    SyncCoordinator& m_sync;
    OutboxService& m_outbox;
    LoginService& m_logins;
    FriendsService& m_friends;
    NetworkReachability& m_network;
    std::chrono::milliseconds m_period;
    std::chrono::milliseconds m_firstRetry{std::chrono::minutes(1)};
    std::chrono::minutes m_interval;
    bool m_started = false;
    bool m_waitingForNetwork = false;
    QHash<QString, Due> m_due;
    QHash<QString, Account> m_known;        // as last seen: an edited account is synced at once
    QHash<QString, QObject*> m_loginAskers; // one per account (LoginService keys logins by asker)
    QTimer m_timer;
};

} // namespace Inkwell
