#include "sync/SyncScheduler.h"

#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "account/LoginService.h"
#include "friends/FriendsService.h"
#include "sync/NetworkReachability.h"
#include "sync/OutboxService.h"
#include "sync/SyncCoordinator.h"

#include <QSet>

#include <algorithm>

namespace Inkwell {

using namespace std::chrono;

SyncScheduler::SyncScheduler(Database& database, AccountStore& accounts, SyncCoordinator& sync,
                             OutboxService& outbox, LoginService& logins, FriendsService& friends,
                             NetworkReachability& network, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_accounts(accounts)
    , m_sync(sync)
    , m_outbox(outbox)
    , m_logins(logins)
    , m_friends(friends)
    , m_network(network)
    , m_period(DefaultInterval)
    , m_interval(DefaultInterval)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::syncDue);
    connect(&m_sync, &SyncCoordinator::finished, this, &SyncScheduler::onFinished);
    connect(&m_sync, &SyncCoordinator::failed, this, [this](const QString& account) { onFailed(account); });
    // A post that went out on its own (not as part of a sync) is mirrored at once: History shows
    // it as the server has it.
    connect(&m_outbox, &OutboxService::finished, this,
            [this](const QString& account, const OutboxReport& report) {
                if (!m_started || report.sent.isEmpty() || m_sync.isSyncing(account))
                    return;
                m_due[account].at = QDeadlineTimer(0);
                syncDue();
            });
    connect(&m_network, &NetworkReachability::onlineChanged, this, [this](bool online) {
        if (online)
            syncDue();
        else
            setWaitingForNetwork(m_started);
    });
}

SyncScheduler::~SyncScheduler() = default;

void SyncScheduler::setInterval(minutes interval)
{
    m_interval = interval == minutes::zero() ? interval : std::max(interval, MinimumInterval);
    setTimings(m_interval, m_firstRetry);
}

void SyncScheduler::setTimings(milliseconds interval, milliseconds firstRetry)
{
    m_period = interval;
    m_firstRetry = firstRetry;
    // What waited for the old interval waits for the new one, counted from now; what is due now
    // (start-up, the network just back) or waits for a retry or for the user stays as it is.
    for (Due& due : m_due) {
        if (due.failures == 0 && !due.waitsForUser && !due.at.isForever() && !due.at.hasExpired())
            due.at = nextRegularSync();
    }
    armTimer();
}

QDeadlineTimer SyncScheduler::nextRegularSync() const
{
    return m_period == milliseconds::zero() ? QDeadlineTimer(QDeadlineTimer::Forever)
                                            : QDeadlineTimer(m_period);
}

void SyncScheduler::start()
{
    m_started = true;
    for (const Account& account : m_accounts.accounts()) {
        m_known.insert(account.name, account);
        m_due[account.name].at = QDeadlineTimer(0);
    }
    syncDue();
}

void SyncScheduler::syncNow()
{
    m_started = true;
    for (const Account& account : m_accounts.accounts()) {
        // What failed before is tried again; the login data is not fetched again before its day
        // is over (a login more for every click, and a session more on cookie authentication).
        Due& due = m_due[account.name];
        due = Due{QDeadlineTimer(0), 0, due.login, false};
    }
    syncDue();
}

void SyncScheduler::accountsChanged()
{
    QHash<QString, Account> gone = m_known;
    for (const Account& account : m_accounts.accounts()) {
        const std::optional<Account> before =
            gone.contains(account.name) ? std::optional(gone.take(account.name)) : std::nullopt;
        // New, edited (another server, user, interface...), or waiting for a mended password.
        if (!before || *before != account || m_due.value(account.name).waitsForUser)
            m_due[account.name] = Due{QDeadlineTimer(0), 0, true, false};
        m_known.insert(account.name, account);
    }
    for (auto it = gone.cbegin(); it != gone.cend(); ++it) {
        m_known.remove(it.key());
        m_due.remove(it.key());
        delete m_loginAskers.take(it.key());
    }
    syncDue();
}

void SyncScheduler::syncDue()
{
    if (!m_started)
        return;
    if (!m_network.isOnline()) {
        setWaitingForNetwork(true);
        return;
    }
    setWaitingForNetwork(false);
    for (auto it = m_due.begin(); it != m_due.end(); ++it) {
        if (it->at.hasExpired() && !m_sync.isSyncing(it.key()))
            begin(it.key());
    }
    armTimer();
}

void SyncScheduler::begin(const QString& account)
{
    Due& due = m_due[account];
    due.at = QDeadlineTimer(QDeadlineTimer::Forever); // until this sync finishes
    if (!due.login) {
        m_sync.sync(account);
        return;
    }
    // A login kept less than a day ago (the account dialog's check at OK) serves as it is.
    if (const std::optional<StoredLogin> kept = LoginInfoStore(m_database).load(account);
        kept && kept->fetchedAt.secsTo(QDateTime::currentDateTimeUtc()) < seconds(LoginRefresh).count()) {
        loggedIn(account);
        m_sync.sync(account);
        return;
    }
    // The login data first: the editor offers it while the journal is still being mirrored.
    const std::optional<Account> found = m_accounts.find(account);
    if (!found)
        return;
    QObject*& asker = m_loginAskers[account];
    if (!asker)
        asker = new QObject(this);
    m_logins.logIn(
        asker, {*found, std::nullopt, true}, [this, account](const LoginService::Outcome& outcome) {
            if (!m_due.contains(account))
                return; // removed meanwhile
            if (outcome.ok) {
                loggedIn(account);
            } else if (outcome.waitsForUser) {
                onFailed(account); // the sync would fail the same way, and count one more failed login
                return;
            }
            m_sync.sync(account);
        });
}

void SyncScheduler::loggedIn(const QString& account)
{
    m_due[account].login = false;
    if (const std::optional<Account> found = m_accounts.find(account); found && found->hasFullProtocol())
        m_friends.sync(account); // the groups the editor offers, on a connection of its own
    // Logged in again a day from now, with the sync that falls due then.
    QTimer::singleShot(LoginRefresh, this, [this, account] {
        if (m_due.contains(account))
            m_due[account].login = true;
    });
}

void SyncScheduler::onFinished(const QString& account, const SyncReport& report)
{
    if (!m_due.contains(account) && !m_accounts.find(account))
        return;
    Due& due = m_due[account];
    if (report.succeeded() || report.cancelled) {
        due = Due{nextRegularSync(), 0, due.login, false};
    } else if (report.error.category() == ProtocolError::Category::Authentication) {
        due.at = QDeadlineTimer(QDeadlineTimer::Forever);
        due.waitsForUser = true;
    } else if (report.error.isTemporary()) {
        ++due.failures;
        due.at = QDeadlineTimer(retryDelay(due.failures));
    } else {
        // Refused for good (a journal the account may not read), or the mirror could not be
        // written: asking sooner would not help.
        due.at = nextRegularSync();
    }
    armTimer();
}

void SyncScheduler::onFailed(const QString& account)
{
    // No password, no keychain, an account gone: nothing changes until the user acts.
    if (m_due.contains(account)) {
        m_due[account].at = QDeadlineTimer(QDeadlineTimer::Forever);
        m_due[account].waitsForUser = true;
    }
    armTimer();
}

milliseconds SyncScheduler::retryDelay(int failures) const
{
    const milliseconds longest = m_period == milliseconds::zero() ? milliseconds(DefaultInterval) : m_period;
    milliseconds delay = m_firstRetry;
    for (int i = 1; i < failures && delay < longest; ++i)
        delay *= 2;
    return std::min(delay, longest);
}

void SyncScheduler::armTimer()
{
    QDeadlineTimer next(QDeadlineTimer::Forever);
    for (const Due& due : std::as_const(m_due))
        next = std::min(next, due.at);
    if (!m_started || next.isForever()) {
        m_timer.stop();
        return;
    }
    m_timer.start(milliseconds(std::max<qint64>(next.remainingTime(), 0)));
}

void SyncScheduler::setWaitingForNetwork(bool waiting)
{
    if (waiting == m_waitingForNetwork)
        return;
    m_waitingForNetwork = waiting;
    emit waitingForNetworkChanged(waiting);
}

} // namespace Inkwell
