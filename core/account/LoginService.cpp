#include "account/LoginService.h"

#include "account/LoginRunner.h"

namespace Inkwell {

LoginService::LoginService(Database& database, AccountClients& clients, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clients(clients)
{}

LoginService::~LoginService() = default;

void LoginService::logIn(QObject* asker, const Request& request, std::function<void(const Outcome&)> done)
{
    Asker& entry = m_askers[asker];
    if (!entry.runner) {
        entry.runner = new LoginRunner(m_database, m_clients, this);
        connect(entry.runner, &LoginRunner::finished, asker, [this, asker](bool ok, const QString& text) {
            const Asker found = m_askers.value(asker); // a copy: `done` may log in again
            if (found.done)
                found.done(
                    {ok, text, found.runner->info(), found.runner->flavor(), found.runner->waitsForUser()});
        });
        connect(asker, &QObject::destroyed, this, [this, asker] { delete m_askers.take(asker).runner; });
    }
    entry.done = std::move(done);
    entry.runner->setRetryPolicy(request.retry ? RetryPolicy() : RetryPolicy::none());
    if (request.typed)
        entry.runner->start(request.account, *request.typed);
    else
        entry.runner->start(request.account);
}

} // namespace Inkwell
