#pragma once

#include "account/PasswordStore.h"
#include "journal/Account.h"
#include "protocol/RetryPolicy.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

namespace Inkwell {

class Database;
class LjClient;

// The one place that finds an account, reads its password and builds its client. On the thread
// that owns it (the GUI's, or the CLI's), each account of the profile has one LjClient that every
// service shares: their calls queue one after another (REFERENCE.md 8.2), and under cookie
// authentication one session serves them all instead of one per service. The client is made
// again when the account's settings or its password change; the one it replaces lives on while
// a run still holds it (clients are handed out as shared_ptr).
//
// Sessions: whoever opens one ends it (LjClient::endSession) when its run is done, and
// endSessions() ends whatever is still open when the profile closes. Never keep a client's
// shared_ptr in a callback of that client's own calls: the call would hold its client alive.
class AccountClients : public QObject
{
    Q_OBJECT
public:
    using Problem = std::function<void(const QString& message)>;

    AccountClients(Database& database, PasswordStore& passwords, QObject* parent = nullptr);
    ~AccountClients() override;

    PasswordStore& passwords() { return m_passwords; }

    // The password kept for `account`, saved in the profile or only described (a test login).
    void readPassword(const Account& account, QObject* context, PasswordCallback done);

    // The profile's account `name` as its requests go out (effective()), with its password from the
    // store, for `done`; or a sentence for the user for `problem` (readAccountPassword's:
    // `thenWhat` as there). Both answer through `context`.
    void readCredentials(const QString& name, const QString& thenWhat, QObject* context,
                         std::function<void(const Account& account, const QString& password)> done,
                         Problem problem);

    // As readCredentials(), with the account's shared client instead.
    void clientFor(const QString& name, const QString& thenWhat, QObject* context,
                   std::function<void(std::shared_ptr<LjClient> client)> done, Problem problem);
    // The shared client of `account` with a password read elsewhere (the CLI's --password-stdin).
    std::shared_ptr<LjClient> clientFor(const Account& account, const QString& password);

    // Clients made from now on, and those kept, retry as `policy` says (tests: none).
    void setRetryPolicy(const RetryPolicy& policy);

    // The proxy of the accounts that name none of their own (Preferences), in the form
    // Account::proxy takes; empty for the system's settings. Clients made from now on use it.
    void setDefaultProxy(const QString& proxy) { m_defaultProxy = proxy; }
    // `account` as its requests go out: with the default proxy when it names none of its own.
    Account effective(Account account) const;

    // Ends the session of every client that has one (each within LjClient::sessionEndTimeout),
    // then runs `done` from the event loop, unless `context` is gone first.
    void endSessions(QObject* context, std::function<void()> done);

    // A client nobody else shares: for another thread (the sync's worker) or an account as the
    // user is editing it (a test login).
    static std::unique_ptr<LjClient> makeClient(const Account& account, const QString& password);

private:
    struct Kept
    {
        std::shared_ptr<LjClient> client;
        QString password;
    };
    void retire(std::shared_ptr<LjClient> client);
    void dropUnused();

    Database& m_database;
    PasswordStore& m_passwords;
    RetryPolicy m_retryPolicy;
    QString m_defaultProxy;
    QHash<QString, Kept> m_clients; // by account name
    // Replaced clients that a run still holds, or whose session is being ended.
    QList<std::shared_ptr<LjClient>> m_retired;
};

} // namespace Inkwell
