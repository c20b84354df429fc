#include "account/LoginRunner.h"

#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "protocol/LjClient.h"

#include <QCoreApplication>

namespace Inkwell {

bool looksLikeDreamwidth(const Account& account)
{
    const QString host = account.serverUrl.host().toLower();
    return account.flavor == Flavor::Dreamwidth || host == QLatin1String("dreamwidth.org") ||
           host.endsWith(QLatin1String(".dreamwidth.org"));
}

QString loginErrorText(const ProtocolError& error, Flavor flavor)
{
    const QString detail = error.detail().isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error.detail());
    switch (error.category()) {
    case ProtocolError::Category::Authentication:
        if (error.isSessionRefused() || error.code() == 402 || error.code() == 105)
            return QCoreApplication::translate("Inkwell::LoginRunner",
                                               "The server refused the login (\"%1\"). %2")
                .arg(error.message(), error.advice());
        if (error.code() == 100)
            return QCoreApplication::translate("Inkwell::LoginRunner",
                                               "The server has no user by that name.");
        if (error.code() == 101 && flavor == Flavor::Dreamwidth)
            return QCoreApplication::translate(
                       "LoginRunner",
                       "The server refused the API key (\"%1\"). Dreamwidth accepts an API key "
                       "here, not your account password.")
                .arg(error.message());
        if (error.code() == 101 && flavor == Flavor::Unknown)
            return QCoreApplication::translate(
                       "LoginRunner", "The server refused the user name or password (\"%1\"). If it is a "
                                      "Dreamwidth server, it wants an API key, not your account password.")
                .arg(error.message());
        if (error.code() == 101)
            return QCoreApplication::translate("LoginRunner",
                                               "The server refused the user name or password (\"%1\").")
                .arg(error.message());
        return QCoreApplication::translate("Inkwell::LoginRunner", "The server refused the login: %1%2")
            .arg(error.message(), detail);
    case ProtocolError::Category::Transport:
        return QCoreApplication::translate("Inkwell::LoginRunner", "Could not reach the server: %1%2")
            .arg(error.message(), detail);
    case ProtocolError::Category::Malformed:
        return QCoreApplication::translate(
                   "LoginRunner", "The server's answer was not understood (is the address right?): %1%2")
            .arg(error.message(), detail);
    case ProtocolError::Category::Temporary:
    case ProtocolError::Category::Permanent:
        break;
    }
    return QCoreApplication::translate("Inkwell::LoginRunner", "The server refused the login: %1%2")
        .arg(error.message(), detail);
}

LoginRunner::LoginRunner(Database& database, AccountClients& clients, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clients(clients)
{}

LoginRunner::~LoginRunner() = default;

void LoginRunner::start(const Account& account)
{
    cancel();
    m_attempt = new QObject(this);
    m_clients.readPassword(account, m_attempt, [this, account](const PasswordResult& result) {
        if (result.status == PasswordStatus::Ok && !result.password.isEmpty()) {
            login(account, result.password);
            return;
        }
        m_waitsForUser = true;
        if (result.status == PasswordStatus::NotFound || result.status == PasswordStatus::Ok)
            fail(result.sessionOnly
                     ? tr("There is no keychain on this system, and no password was entered for "
                          "this account since Inkwell started. Enter it in the account's settings.")
                     : tr("No password is kept for this account. Enter it in the account's "
                          "settings."));
        else
            fail(tr("The password could not be read: %1").arg(result.message));
    });
}

void LoginRunner::start(const Account& account, const QString& password)
{
    cancel();
    m_attempt = new QObject(this);
    login(account, password);
}

void LoginRunner::cancel()
{
    // Deleting the client drops its calls; deleting the attempt drops a pending password read.
    delete m_client;
    delete m_attempt;
    m_attempt = nullptr;
}

std::optional<Account> LoginRunner::storedLogin(const Account& account) const
{
    AccountStore accounts(m_database);
    std::optional<Account> stored = accounts.find(account.name);
    if (stored && stored->passwordKey() == account.passwordKey())
        return stored;
    return std::nullopt;
}

void LoginRunner::login(const Account& account, const QString& password)
{
    m_info = {};
    m_flavor = Flavor::Unknown;
    m_saved = false;
    m_waitsForUser = false;

    // Only moods newer than those kept are asked for (getmoods), when some are kept for this login.
    LoginOptions options;
    if (storedLogin(account)) {
        if (std::optional<StoredLogin> kept = LoginInfoStore(m_database).load(account.name))
            options.moodsSince = highestMoodId(kept->info.moods);
    }

    m_client = AccountClients::makeClient(m_clients.effective(account), password).release();
    m_client->setParent(m_attempt);
    m_client->setRetryPolicy(m_retryPolicy);
    m_client->call(
        QStringLiteral("login"), loginRequest(options), m_attempt, [this, account](ProtocolCall& call) {
            if (!call.succeeded()) {
                const Flavor known = looksLikeDreamwidth(account) ? Flavor::Dreamwidth : m_client->flavor();
                m_waitsForUser = call.error().category() == ProtocolError::Category::Authentication;
                fail(loginErrorText(call.error(), known));
                return;
            }
            succeed(account, loginInfoFromReply(call.reply()), m_client->flavor());
        });
}

void LoginRunner::succeed(const Account& account, LoginInfo info, Flavor flavor)
{
    m_flavor = flavor;
    QString note;
    if (std::optional<Account> stored = storedLogin(account)) {
        LoginInfoStore logins(m_database);
        if (std::optional<StoredLogin> kept = logins.load(account.name))
            info.moods = mergedMoods(kept->info.moods, info.moods);
        QString error;
        m_saved = logins.save(account.name, info, QDateTime::currentDateTimeUtc(), &error);
        if (!m_saved)
            note = QStringLiteral("\n") + error;
        if (flavor != Flavor::Unknown && stored->flavor != flavor) {
            Account learnt = *stored;
            learnt.flavor = flavor;
            if (!AccountStore(m_database).update(stored->name, learnt, &error))
                note += QStringLiteral("\n") + error;
        }
    }
    m_info = std::move(info);

    const QString who =
        m_info.fullName.isEmpty()
            ? canonicalUsername(account.username)
            : QStringLiteral("%1 (%2)").arg(m_info.fullName, canonicalUsername(account.username));
    QString text = tr("Logged in as %1.").arg(who);
    if (!m_info.message.isEmpty())
        text += QStringLiteral("\nThe server says: ") + m_info.message;
    text += note;

    endAttempt();
    emit finished(true, text);
}

void LoginRunner::fail(const QString& text)
{
    endAttempt();
    emit finished(false, text);
}

void LoginRunner::endAttempt()
{
    // The client goes with the attempt, once a session it opened (cookie authentication) has
    // ended; not now in any case, since this runs inside its call's callback.
    QObject* attempt = m_attempt;
    LjClient* client = m_client;
    m_attempt = nullptr;
    m_client = nullptr;
    if (!attempt)
        return;
    if (!client) {
        attempt->deleteLater();
        return;
    }
    client->endSession(client, [attempt] { attempt->deleteLater(); });
}

} // namespace Inkwell
