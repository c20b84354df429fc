#pragma once

#include "journal/Account.h"
#include "protocol/JournalMessages.h"
#include "protocol/RetryPolicy.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace Inkwell {

class AccountClients;
class Database;
class LjClient;
class ProtocolError;

// Logs one account in (REFERENCE.md 3.2) and keeps what the server returned: userpic keywords and
// URLs, moods (only those newer than the ones already kept), friend groups and usejournals, in
// the profile database through LoginInfoStore, and the flavour it learnt in the account. Used by
// the account dialog's "Test login" and by anything that refreshes an account (LoginService).
// The account is logged in as given, maybe not saved yet, so its client is one of its own, not
// the account's shared one (AccountClients::makeClient). Asynchronous; finished() is emitted
// exactly once per start().
class LoginRunner : public QObject
{
    Q_OBJECT
public:
    LoginRunner(Database& database, AccountClients& clients, QObject* parent = nullptr);
    ~LoginRunner() override;

    // With the password kept for the account in the password store.
    void start(const Account& account);
    // With a password (Dreamwidth: API key) the user has just typed; the store is not asked.
    void start(const Account& account, const QString& password);
    // Drops a login in progress; finished() is not emitted for it.
    void cancel();
    bool isRunning() const { return m_attempt != nullptr; }

    void setRetryPolicy(const RetryPolicy& policy) { m_retryPolicy = policy; }

    // After a successful login: what the server returned, the flavour it showed, and whether it
    // was kept in the database (only for an account saved there with the same login).
    const LoginInfo& info() const { return m_info; }
    Flavor flavor() const { return m_flavor; }
    bool wasSaved() const { return m_saved; }
    // After a failed login: whether only the user can mend it (the password is missing, cannot be
    // read, or was refused); trying again by itself would only count more failed logins.
    bool waitsForUser() const { return m_waitsForUser; }

signals:
    // `text` is for the user: on success "Logged in as ..." followed by the server's message if
    // it sent one; on failure what went wrong, in words.
    void finished(bool ok, const QString& text);

private:
    void login(const Account& account, const QString& password);
    void succeed(const Account& account, LoginInfo info, Flavor flavor);
    void fail(const QString& text);
    void endAttempt();
    std::optional<Account> storedLogin(const Account& account) const;

    Database& m_database;
    AccountClients& m_clients;
    RetryPolicy m_retryPolicy;
    QPointer<LjClient> m_client;
    QObject* m_attempt = nullptr; // context of the current start(); deleting it drops late answers
    LoginInfo m_info;
    Flavor m_flavor = Flavor::Unknown;
    bool m_saved = false;
    bool m_waitsForUser = false;
};

// A failed login in the user's words. `flavor`: what is known of the server. Dreamwidth's
// challenge/response accepts only API keys (REFERENCE.md 2.3), so a refused password there (or on a
// server not yet known) says so.
QString loginErrorText(const ProtocolError& error, Flavor flavor);

// Whether an account's server is Dreamwidth, by flavour or by address.
bool looksLikeDreamwidth(const Account& account);

} // namespace Inkwell
