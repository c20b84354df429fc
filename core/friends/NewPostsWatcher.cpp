#include "friends/NewPostsWatcher.h"

#include "account/AccountStore.h"
#include "account/PasswordStore.h"
#include "friends/UpdatePoller.h"
#include "protocol/LjClient.h"
#include "store/Database.h"

namespace Inkwell {

NewPostsWatcher::NewPostsWatcher(Database& database, PasswordStore& passwords, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_passwords(passwords)
{}

NewPostsWatcher::~NewPostsWatcher() = default;

void NewPostsWatcher::restart()
{
    m_watches.clear();
    for (const Account& account : AccountStore(m_database).accounts()) {
        const QString name = account.name;
        m_passwords.readPassword(account.passwordKey(), this, [this, name](const PasswordResult& result) {
            if (result.status == PasswordStatus::Ok) // no password yet: nothing to watch with
                watch(name, result.password);
        });
    }
}

void NewPostsWatcher::watch(const QString& account, const QString& password)
{
    const std::optional<Account> found = AccountStore(m_database).find(account);
    if (!found)
        return;
    auto entry = std::make_shared<Watch>();
    entry->client = std::make_unique<LjClient>(*found);
    entry->client->setPassword(password);
    entry->poller = std::make_unique<UpdatePoller>(*entry->client, account);
    connect(entry->poller.get(), &UpdatePoller::newPostsAvailable, this, &NewPostsWatcher::newPosts);
    entry->poller->start();
    m_watches.insert(account, entry);
}

void NewPostsWatcher::acknowledge(const QString& account)
{
    if (const auto entry = m_watches.value(account))
        entry->poller->acknowledge();
}

} // namespace Inkwell
