#include "friends/NewPostsNotifier.h"

#include "account/AccountStore.h"
#include "account/PasswordStore.h"
#include "friends/UpdatePoller.h"
#include "protocol/LjClient.h"
#include "store/Database.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

namespace Inkwell {

NewPostsNotifier::NewPostsNotifier(Database& database, PasswordStore& passwords, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_passwords(passwords)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray =
            new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation), this);
        m_tray->setToolTip(tr("Inkwell"));
    }
}

NewPostsNotifier::~NewPostsNotifier() = default;

void NewPostsNotifier::restart()
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

void NewPostsNotifier::watch(const QString& account, const QString& password)
{
    const std::optional<Account> found = AccountStore(m_database).find(account);
    if (!found)
        return;
    auto entry = std::make_shared<Watch>();
    entry->client = std::make_unique<LjClient>(*found);
    entry->client->setPassword(password);
    entry->poller = std::make_unique<UpdatePoller>(*entry->client, account);
    connect(entry->poller.get(), &UpdatePoller::newPostsAvailable, this, [this](const QString& name) {
        if (m_tray) {
            m_tray->show();
            m_tray->showMessage(tr("New posts"), tr("Your friends page on %1 has new posts.").arg(name));
        }
        emit newPosts(name);
    });
    entry->poller->start();
    m_watches.insert(account, entry);
}

void NewPostsNotifier::acknowledge(const QString& account)
{
    if (const auto entry = m_watches.value(account))
        entry->poller->acknowledge();
}

} // namespace Inkwell
