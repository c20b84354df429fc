#include "friends/NewPostsWatcher.h"

#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "friends/UpdatePoller.h"
#include "protocol/LjClient.h"

namespace Inkwell {

NewPostsWatcher::NewPostsWatcher(Database& database, AccountClients& clients, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clients(clients)
{}

NewPostsWatcher::~NewPostsWatcher() = default;

void NewPostsWatcher::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (m_started)
        restart();
}

void NewPostsWatcher::restart()
{
    m_started = true;
    m_watches.clear();
    m_round = std::make_unique<QObject>();
    if (!m_enabled)
        return;
    for (const Account& account : AccountStore(m_database).accounts()) {
        if (!account.hasFullProtocol()) // no checkfriends
            continue;
        const QString name = account.name;
        m_clients.clientFor(
            name, {}, m_round.get(),
            [this, name](std::shared_ptr<LjClient> client) { watch(name, std::move(client)); },
            [](const QString&) {}); // no password yet: nothing to watch with
    }
}

void NewPostsWatcher::watch(const QString& account, std::shared_ptr<LjClient> client)
{
    auto entry = std::make_shared<Watch>();
    entry->client = std::move(client);
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
