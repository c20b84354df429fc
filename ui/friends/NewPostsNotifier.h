#pragma once

#include <QHash>
#include <QObject>

#include <memory>

class QSystemTrayIcon;

namespace Inkwell {

class Database;
class LjClient;
class PasswordStore;
class UpdatePoller;

// Watches every account's friends page (checkfriends / checkforupdates through UpdatePoller, at
// the interval the server asks for) and says so when it has new posts: a tray message where the
// desktop has a tray, and always the newPosts() signal (the main window's status bar).
class NewPostsNotifier : public QObject
{
    Q_OBJECT
public:
    NewPostsNotifier(Database& database, PasswordStore& passwords, QObject* parent = nullptr);
    ~NewPostsNotifier() override;

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
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace Inkwell
