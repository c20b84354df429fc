#pragma once

#include <QHash>
#include <QObject>

#include <memory>

namespace Inkwell {

class AccountClients;
class Database;
class LjClient;
class UpdatePoller;

// Watches every account's friends page (checkfriends / checkforupdates through UpdatePoller, at
// the interval the server asks for, on the account's shared client) and says when one has new
// posts. An account without a saved password is not watched.
class NewPostsWatcher : public QObject
{
    Q_OBJECT
public:
    NewPostsWatcher(Database& database, AccountClients& clients, QObject* parent = nullptr);
    ~NewPostsWatcher() override;

    // (Re)starts watching the profile's accounts (after accounts were added or edited).
    void restart();
    // Off: no account is watched (and no request made) until it is on again. On by default.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // Accounts being watched now (or waiting for their password to be read).
    int watchedCount() const { return int(m_watches.size()); }
    // The user looked at the friends page of `account`: poll again when due.
    void acknowledge(const QString& account);

signals:
    void newPosts(const QString& account);

private:
    struct Watch
    {
        std::shared_ptr<LjClient> client;
        std::unique_ptr<UpdatePoller> poller;
    };
    void watch(const QString& account, std::shared_ptr<LjClient> client);

    Database& m_database;
    AccountClients& m_clients;
    std::unique_ptr<QObject> m_round; // context of restart()'s password reads: a new one drops the old
    QHash<QString, std::shared_ptr<Watch>> m_watches;
    bool m_enabled = true;
    bool m_started = false; // restart() was called: watching is wanted whenever enabled
};

} // namespace Inkwell
