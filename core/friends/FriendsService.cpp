#include "friends/FriendsService.h"

#include "account/AccountClients.h"
#include "account/AccountRetries.h"
#include "account/AccountStore.h"
#include "account/LoginRunner.h"
#include "protocol/LjClient.h"

#include <algorithm>

namespace Inkwell {

struct FriendsService::Run
{
    std::shared_ptr<LjClient> client; // the account's, shared
    std::unique_ptr<FriendsSync> sync;
    bool again = false; // an edit came in during the round: one more follows
};

FriendsService::FriendsService(Database& database, FriendsStore& store, AccountClients& clients,
                               QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_store(store)
    , m_clients(clients)
    , m_retries(new AccountRetries([this](const QString& account) { sync(account); }, this))
{}

FriendsService::~FriendsService() = default;

void FriendsService::setRetryDelays(int firstMs, int maxMs)
{
    m_retries->setDelays(firstMs, maxMs);
}

Flavor FriendsService::flavorOf(const QString& account) const
{
    const Flavor fetched = m_store.fetchedFlavor(account);
    if (fetched != Flavor::Unknown)
        return fetched;
    const std::optional<Account> found = AccountStore(m_database).find(account);
    if (found && looksLikeDreamwidth(*found))
        return Flavor::Dreamwidth;
    return Flavor::LiveJournal;
}

void FriendsService::sync(const QString& account)
{
    if (const auto run = m_runs.value(account)) {
        run->again = true;
        return;
    }
    m_retries->cancel(account);
    m_runs.insert(account, std::make_shared<Run>()); // a placeholder while the keychain answers
    m_clients.clientFor(
        account, tr("the friends list will be updated"), this,
        [this, account](std::shared_ptr<LjClient> client) { start(account, std::move(client)); },
        [this, account](const QString& message) {
            m_runs.remove(account);
            emit problem(account, message);
        });
}

void FriendsService::start(const QString& account, std::shared_ptr<LjClient> client)
{
    const std::shared_ptr<Run> run = m_runs.value(account);
    if (!run) {
        m_runs.remove(account);
        return;
    }
    run->client = std::move(client);
    const Flavor known = m_store.fetchedFlavor(account);
    if (run->client->flavor() == Flavor::Unknown && known != Flavor::Unknown)
        run->client->setFlavor(known);
    run->sync = std::make_unique<FriendsSync>(*run->client, m_store, account);
    connect(run->sync.get(), &FriendsSync::changed, this, [this, account] { emit friendsChanged(account); });
    connect(run->sync.get(), &FriendsSync::finished, this,
            [this, account, client = run->client.get()](const FriendsSyncReport& report) {
                // A session (cookie authentication) ends with the round. endSession() answers from
                // the event loop, so the round, which emits from its own call chain, returns first.
                client->endSession(this, [this, account, report] { runFinished(account, report); });
            });
    run->sync->start();
}

void FriendsService::runFinished(const QString& account, const FriendsSyncReport& report)
{
    const std::shared_ptr<Run> run = m_runs.take(account);
    if (report.offline)
        m_retries->failed(account);
    else
        m_retries->succeeded(account);
    emit syncFinished(account, report);
    if (run && run->again && !report.offline)
        sync(account);
}

bool FriendsService::queue(const QString& account, const FriendChange& change)
{
    if (m_store.enqueue(account, change) == 0) {
        m_error = m_store.lastError();
        return false;
    }
    emit friendsChanged(account);
    if (m_autoSend)
        sync(account);
    return true;
}

bool FriendsService::setFriend(const QString& account, const FriendChange& change)
{
    FriendChange edit = change;
    edit.kind = FriendChangeKind::SetFriend;
    edit.username = canonicalUsername(edit.username);
    if (edit.username.isEmpty()) {
        m_error = tr("Enter a user name.");
        return false;
    }
    if (flavorOf(account) != Flavor::Dreamwidth)
        edit.trust = edit.watch = true; // an LJ friend is both
    if (edit.fgColor.isEmpty())
        edit.fgColor = QStringLiteral("#000000");
    if (edit.bgColor.isEmpty())
        edit.bgColor = QStringLiteral("#ffffff");
    edit.groupMask = groupBits(edit.groupMask, flavorOf(account)) | 1;
    return queue(account, edit);
}

bool FriendsService::removeFriend(const QString& account, const QString& username)
{
    FriendChange change;
    change.kind = FriendChangeKind::RemoveFriend;
    change.username = username;
    return queue(account, change);
}

bool FriendsService::saveGroup(const QString& account, const FriendGroup& group)
{
    FriendChange change;
    change.kind = FriendChangeKind::SetGroup;
    change.group = group;
    return queue(account, change);
}

int FriendsService::createGroup(const QString& account, const QString& name, bool isPublic)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        m_error = tr("A group needs a name.");
        return 0;
    }
    const int id = m_store.lowestFreeGroupId(account, flavorOf(account));
    if (id == 0) {
        m_error = tr("Every group slot is in use (%1 at most).").arg(maxGroupId(flavorOf(account)));
        return 0;
    }
    int sort = 10;
    for (const FriendGroup& group : m_store.groups(account))
        sort = std::max(sort, group.sortOrder + 10);
    return saveGroup(account, {id, trimmed, std::min(sort, 255), isPublic}) ? id : 0;
}

bool FriendsService::renameGroup(const QString& account, int id, const QString& name)
{
    std::optional<FriendGroup> group = m_store.findGroup(account, id);
    if (!group || name.trimmed().isEmpty()) {
        m_error = group ? tr("A group needs a name.") : tr("There is no such group.");
        return false;
    }
    group->name = name.trimmed();
    return saveGroup(account, *group);
}

bool FriendsService::setGroupPublic(const QString& account, int id, bool isPublic)
{
    std::optional<FriendGroup> group = m_store.findGroup(account, id);
    if (!group) {
        m_error = tr("There is no such group.");
        return false;
    }
    group->isPublic = isPublic;
    return saveGroup(account, *group);
}

bool FriendsService::moveGroup(const QString& account, int id, int delta)
{
    QList<FriendGroup> groups = m_store.groups(account);
    const auto it =
        std::find_if(groups.begin(), groups.end(), [id](const FriendGroup& g) { return g.id == id; });
    if (it == groups.end()) {
        m_error = tr("There is no such group.");
        return false;
    }
    const qsizetype from = it - groups.begin();
    const qsizetype to = std::clamp<qsizetype>(from + delta, 0, groups.size() - 1);
    if (from == to)
        return true;
    groups.move(from, to);
    // Sort orders 10, 20, ... (the server keeps 0-255); only groups whose number changes are sent.
    const bool autoSend = m_autoSend;
    m_autoSend = false;
    bool ok = true;
    for (qsizetype i = 0; i < groups.size() && ok; ++i) {
        const int sort = int(std::min<qsizetype>((i + 1) * 10, 255));
        if (groups[i].sortOrder != sort) {
            groups[i].sortOrder = sort;
            ok = saveGroup(account, groups[i]);
        }
    }
    m_autoSend = autoSend;
    if (ok && m_autoSend)
        sync(account);
    return ok;
}

bool FriendsService::deleteGroup(const QString& account, int id)
{
    FriendChange change;
    change.kind = FriendChangeKind::DeleteGroup;
    change.group.id = id;
    return queue(account, change);
}

bool FriendsService::setMembership(const QString& account, const QString& username, int groupId, bool member)
{
    const std::optional<Friend> person = m_store.findFriend(account, username);
    if (!person || !person->trusted) {
        m_error = tr("Only people you have given access can be in groups.");
        return false;
    }
    if (groupId < 1 || groupId > maxGroupId(flavorOf(account))) {
        m_error = tr("There is no such group.");
        return false;
    }
    const quint64 bit = quint64(1) << groupId;
    FriendChange change;
    change.kind = FriendChangeKind::SetMembership;
    change.username = username;
    change.groupMask = (member ? (person->groupMask | bit) : (person->groupMask & ~bit)) | 1;
    if (change.groupMask == (person->groupMask | 1))
        return true;
    return queue(account, change);
}

bool FriendsService::dismissFailed(const QString& account)
{
    if (!m_store.dismissFailed(account)) {
        m_error = m_store.lastError();
        return false;
    }
    emit friendsChanged(account);
    return true;
}

} // namespace Inkwell
