#include "app/ProfileServices.h"

#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "account/LoginService.h"
#include "account/UserpicUpload.h"
#include "friends/FriendsService.h"
#include "friends/FriendsStore.h"
#include "friends/NewPostsWatcher.h"
#include "journal/Account.h"
#include "store/Database.h"
#include "store/DraftStore.h"
#include "store/JournalStore.h"
#include "store/Outbox.h"
#include "sync/NetworkReachability.h"
#include "sync/OutboxService.h"
#include "sync/SyncCoordinator.h"
#include "sync/SyncScheduler.h"
#include "util/RemoteFetcher.h"

#include <QSettings>

namespace Inkwell {

namespace {

const QString pingServerKey = QStringLiteral("ping/server");
const QString syncIntervalKey = QStringLiteral("sync/intervalMinutes");
const QString newPostsKey = QStringLiteral("notifications/newPosts");
const QString proxyKey = QStringLiteral("network/proxy");

} // namespace

std::unique_ptr<ProfileServices> ProfileServices::open(const Profile& profile, PasswordStore& passwords,
                                                       QString* error, Database::Problem* problem,
                                                       Database::Access access)
{
    auto database = std::make_unique<Database>(profile.databasePath());
    if (!database->open(access)) {
        if (error)
            *error = database->error();
        if (problem)
            *problem = database->problem();
        return nullptr;
    }
    return std::unique_ptr<ProfileServices>(new ProfileServices(profile, std::move(database), passwords));
}

ProfileServices::ProfileServices(const Profile& profile, std::unique_ptr<Database> database,
                                 PasswordStore& passwords)
    : m_profile(profile)
    , m_database(std::move(database))
    , m_passwords(passwords)
    , m_accounts(std::make_unique<AccountStore>(*m_database))
    , m_drafts(std::make_unique<DraftStore>(m_database->connection()))
    , m_outbox(std::make_unique<Outbox>(m_database->connection()))
    , m_mirror(std::make_unique<JournalStore>(m_database->connection()))
    , m_friendsStore(std::make_unique<FriendsStore>(m_database->connection()))
    , m_remoteFetcher(std::make_unique<RemoteFetcher>())
    , m_clients(std::make_unique<AccountClients>(*m_database, passwords))
    , m_logins(std::make_unique<LoginService>(*m_database, *m_clients))
    , m_outboxService(std::make_unique<OutboxService>(*m_outbox, *m_mirror, *m_clients))
    , m_sync(std::make_unique<SyncCoordinator>(*m_database, *m_clients, *m_outboxService))
    , m_friends(std::make_unique<FriendsService>(*m_database, *m_friendsStore, *m_clients))
    , m_newPosts(std::make_unique<NewPostsWatcher>(*m_database, *m_clients))
    , m_userpics(std::make_unique<UserpicUpload>(*m_clients))
    , m_network(std::make_unique<NetworkReachability>())
    , m_scheduler(std::make_unique<SyncScheduler>(*m_database, *m_accounts, *m_sync, *m_outboxService,
                                                  *m_logins, *m_friends, *m_network))
{
    m_outboxService->setPingServer(pingServer());
    m_remoteFetcher->setKeepDirectory(m_profile.userpicsPath());
    m_scheduler->setInterval(syncInterval());
    m_newPosts->setEnabled(watchesNewPosts());
    m_clients->setDefaultProxy(proxy());
}

ProfileServices::~ProfileServices() = default; // members go in the reverse of their order

void ProfileServices::startBackgroundWork()
{
    m_network->watchSystem();
    m_outboxService->sendAll();
    m_scheduler->start();
    m_newPosts->restart();
}

std::chrono::minutes ProfileServices::syncInterval() const
{
    const QVariant kept = QSettings(m_profile.settingsPath(), QSettings::IniFormat).value(syncIntervalKey);
    return kept.isValid() ? std::chrono::minutes(kept.toInt()) : SyncScheduler::DefaultInterval;
}

void ProfileServices::setSyncInterval(std::chrono::minutes interval)
{
    m_scheduler->setInterval(interval);
    QSettings(m_profile.settingsPath(), QSettings::IniFormat)
        .setValue(syncIntervalKey, qlonglong(m_scheduler->interval().count()));
}

QUrl ProfileServices::pingServer() const
{
    return QUrl(QSettings(m_profile.settingsPath(), QSettings::IniFormat).value(pingServerKey).toString());
}

void ProfileServices::setPingServer(const QUrl& endpoint)
{
    QSettings(m_profile.settingsPath(), QSettings::IniFormat).setValue(pingServerKey, endpoint.toString());
    m_outboxService->setPingServer(endpoint);
}

QString ProfileServices::proxy() const
{
    const QString kept = QSettings(m_profile.settingsPath(), QSettings::IniFormat).value(proxyKey).toString();
    return proxyUrlFromText(kept) ? kept.trimmed() : QString(); // a hand-edited typo: the system's
}

bool ProfileServices::setProxy(const QString& proxy)
{
    const QString text = proxy.trimmed();
    if (!text.isEmpty() && !proxyUrlFromText(text))
        return false;
    QSettings(m_profile.settingsPath(), QSettings::IniFormat).setValue(proxyKey, text);
    m_clients->setDefaultProxy(text);
    return true;
}

bool ProfileServices::watchesNewPosts() const
{
    return QSettings(m_profile.settingsPath(), QSettings::IniFormat).value(newPostsKey, true).toBool();
}

void ProfileServices::setWatchesNewPosts(bool watch)
{
    QSettings(m_profile.settingsPath(), QSettings::IniFormat).setValue(newPostsKey, watch);
    m_newPosts->setEnabled(watch);
}

void ProfileServices::close(QObject* context, std::function<void()> done)
{
    m_clients->endSessions(context, std::move(done));
}

} // namespace Inkwell
