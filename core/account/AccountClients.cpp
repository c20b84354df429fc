#include "account/AccountClients.h"

#include "account/AccountPassword.h"
#include "account/AccountStore.h"
#include "protocol/LjClient.h"

#include <QCoreApplication>

namespace Inkwell {

namespace {

// Whether a client made for `made` still serves `wanted`: the flavour alone is learnt along the way
// (a login tells it) and does not call for a new client.
bool sameConnection(Account made, const Account& wanted)
{
    made.flavor = wanted.flavor;
    return made == wanted;
}

} // namespace

AccountClients::AccountClients(Database& database, PasswordStore& passwords, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_passwords(passwords)
{}

AccountClients::~AccountClients() = default;

std::unique_ptr<LjClient> AccountClients::makeClient(const Account& account, const QString& password)
{
    auto client = std::make_unique<LjClient>(account);
    client->setPassword(password);
    return client;
}

void AccountClients::readPassword(const Account& account, QObject* context, PasswordCallback done)
{
    m_passwords.readPassword(account.passwordKey(), context, std::move(done));
}

void AccountClients::readCredentials(const QString& name, const QString& thenWhat, QObject* context,
                                     std::function<void(const Account&, const QString&)> done,
                                     Problem problem)
{
    readAccountPassword(
        m_database, m_passwords, name, thenWhat, context,
        [this, name, done = std::move(done), problem](const QString& password) {
            // Found again: the account may have changed or gone while the keychain answered.
            const std::optional<Account> found = AccountStore(m_database).find(name);
            if (!found) {
                problem(QCoreApplication::translate("AccountPassword",
                                                    "There is no account named \"%1\" any more.")
                            .arg(name));
                return;
            }
            done(effective(*found), password);
        },
        problem);
}

void AccountClients::clientFor(const QString& name, const QString& thenWhat, QObject* context,
                               std::function<void(std::shared_ptr<LjClient>)> done, Problem problem)
{
    readCredentials(
        name, thenWhat, context,
        [this, done = std::move(done)](const Account& account, const QString& password) {
            done(clientFor(account, password));
        },
        std::move(problem));
}

Account AccountClients::effective(Account account) const
{
    if (account.proxy.trimmed().isEmpty())
        account.proxy = m_defaultProxy;
    return account;
}

std::shared_ptr<LjClient> AccountClients::clientFor(const Account& wanted, const QString& password)
{
    const Account account = effective(wanted);
    dropUnused();
    Kept& kept = m_clients[account.name];
    if (kept.client && (!sameConnection(kept.client->account(), account) || kept.password != password)) {
        retire(std::move(kept.client));
        kept = {};
    }
    if (!kept.client) {
        kept.client = makeClient(account, password);
        kept.client->setRetryPolicy(m_retryPolicy);
        kept.password = password;
    }
    if (kept.client->flavor() == Flavor::Unknown && account.flavor != Flavor::Unknown)
        kept.client->setFlavor(account.flavor);
    return kept.client;
}

void AccountClients::setRetryPolicy(const RetryPolicy& policy)
{
    m_retryPolicy = policy;
    for (const Kept& kept : std::as_const(m_clients))
        kept.client->setRetryPolicy(policy);
}

void AccountClients::retire(std::shared_ptr<LjClient> client)
{
    // Its session (if a run left one) ends now; a run that still holds it ends its own.
    if (client->hasSession()) {
        LjClient* ending = client.get();
        client->endSession(this, [this, ending] {
            m_retired.removeIf([ending](const auto& retired) { return retired.get() == ending; });
        });
    }
    m_retired.append(std::move(client));
}

void AccountClients::dropUnused()
{
    // Only here, never from a client's own callbacks: deleting a client there would pull the call
    // out from under its caller.
    m_retired.removeIf([](const std::shared_ptr<LjClient>& client) {
        return client.use_count() == 1 && !client->hasSession();
    });
}

void AccountClients::endSessions(QObject* context, std::function<void()> done)
{
    QList<LjClient*> open;
    for (const Kept& kept : std::as_const(m_clients)) {
        if (kept.client->hasSession())
            open.append(kept.client.get());
    }
    for (const std::shared_ptr<LjClient>& client : std::as_const(m_retired)) {
        if (client->hasSession())
            open.append(client.get());
    }
    if (open.isEmpty()) {
        QMetaObject::invokeMethod(context, std::move(done), Qt::QueuedConnection);
        return;
    }
    auto waiting = std::make_shared<qsizetype>(open.size());
    for (LjClient* client : std::as_const(open)) {
        client->endSession(context, [waiting, done] {
            if (--*waiting == 0)
                done();
        });
    }
}

} // namespace Inkwell
