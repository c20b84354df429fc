#pragma once

#include "journal/Account.h"
#include "journal/LoginInfo.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace Inkwell {

class AccountClients;
class Database;
class LoginRunner;

// Logs accounts in for whoever asks (the accounts list's "Log In", the account dialog's "Test
// Login"): each asker gets a LoginRunner of its own, kept until the asker goes, so that one's
// login never cancels another's, and a new login of the same asker replaces its last one.
class LoginService : public QObject
{
    Q_OBJECT
public:
    LoginService(Database& database, AccountClients& clients, QObject* parent = nullptr);
    ~LoginService() override;

    struct Outcome
    {
        bool ok = false;
        QString text; // LoginRunner::finished's
        LoginInfo info;
        Flavor flavor = Flavor::Unknown;
        bool waitsForUser = false; // LoginRunner::waitsForUser()
    };
    struct Request
    {
        Account account;              // as saved, or as the user is editing it
        std::optional<QString> typed; // a password just typed; without one, the stored password
        bool retry = true;            // false: what the server answers first is the answer
    };

    // Logs `request.account` in for `asker`; `done` runs once, unless `asker` logs in again or is
    // destroyed first (which drops the login).
    void logIn(QObject* asker, const Request& request, std::function<void(const Outcome&)> done);

private:
    struct Asker
    {
        LoginRunner* runner = nullptr; // a child of this
        std::function<void(const Outcome&)> done;
    };

    Database& m_database;
    AccountClients& m_clients;
    QHash<QObject*, Asker> m_askers;
};

} // namespace Inkwell
