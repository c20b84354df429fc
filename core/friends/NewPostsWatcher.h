#pragma once

#include <QHash>
#include <QObject>

#include <memory>

namespace Inkwell {

class Database;
class LjClient;
class PasswordStore;
class UpdatePoller;

// Watches every account's friends page (checkfriends / checkforupdates through UpdatePoller, at
// the interval the server asks for) and says when one has new posts. An account without a saved
// password is not watched.
class NewPostsWatcher : public QObject
{
    Q_OBJECT
public:
    NewPostsWatcher(Database& database, PasswordStore& passwords, QObject* parent = nullptr);
    ~NewPostsWatcher() override;

    // (Re)starts watching the profile's accounts (after accounts were added or edited).
    void restart();
    // The user looked at the friends page of `account`: poll again when due.
    void acknowledge(const QString& account);

signals:
    void newPosts(const QString& account);

private:
    struct Watch
    {
        std::unique_ptr<LjClient> client;
        std::unique_ptr<UpdatePoller> poller;
    };
    void watch(const QString& account, const QString& password);

    Database& m_database;
    PasswordStore& m_passwords;
    QHash<QString, std::shared_ptr<Watch>> m_watches;
};

} // namespace Inkwell
