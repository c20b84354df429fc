#include "account/AccountStore.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Inkwell {

namespace {

Account accountFromRow(const QSqlQuery& query)
{
    Account account;
    account.name = query.value(0).toString();
    account.serverUrl = QUrl(query.value(1).toString());
    account.username = query.value(2).toString();
    account.interface = interfaceFromString(query.value(3).toString()).value_or(Interface::Flat);
    account.authMethod = authMethodFromString(query.value(4).toString()).value_or(AuthMethod::Challenge);
    account.flavor = flavorFromString(query.value(5).toString()).value_or(Flavor::Unknown);
    account.proxy = query.value(6).toString();
    return account;
}

void bindAccount(QSqlQuery& query, const Account& account)
{
    query.bindValue(QStringLiteral(":name"), account.name.trimmed());
    query.bindValue(QStringLiteral(":url"), normalizedServerUrl(account.serverUrl).toString());
    query.bindValue(QStringLiteral(":username"), canonicalUsername(account.username));
    query.bindValue(QStringLiteral(":interface"), toString(account.interface));
    query.bindValue(QStringLiteral(":auth"), toString(account.authMethod));
    query.bindValue(QStringLiteral(":flavor"), toString(account.flavor));
    query.bindValue(QStringLiteral(":proxy"),
                    account.proxy.trimmed().isNull() ? QStringLiteral("") : account.proxy.trimmed());
}

const QString selectColumns =
    QStringLiteral("SELECT name, server_url, username, interface, auth_method, flavor, proxy "
                   "FROM accounts");

} // namespace

AccountStore::AccountStore(Database& database)
    : m_database(database)
{}

QList<Account> AccountStore::accounts() const
{
    QList<Account> result;
    QSqlQuery query(m_database.connection());
    if (!query.exec(selectColumns + QStringLiteral(" ORDER BY name COLLATE NOCASE")))
        return result;
    while (query.next())
        result.append(accountFromRow(query));
    return result;
}

std::optional<Account> AccountStore::find(const QString& name) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(selectColumns + QStringLiteral(" WHERE name = :name"));
    query.bindValue(QStringLiteral(":name"), name.trimmed());
    if (query.exec() && query.next())
        return accountFromRow(query);
    return std::nullopt;
}

bool AccountStore::add(const Account& account, QString* error)
{
    if (const QString problem = account.validationError(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (find(account.name)) {
        *error = tr("An account named \"%1\" already exists.").arg(account.name.trimmed());
        return false;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO accounts (name, server_url, username, interface, auth_method, flavor, proxy) "
        "VALUES (:name, :url, :username, :interface, :auth, :flavor, :proxy)"));
    bindAccount(query, account);
    if (!query.exec()) {
        *error = tr("Could not save the account: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool AccountStore::update(const QString& name, const Account& account, QString* error)
{
    if (const QString problem = account.validationError(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (!find(name)) {
        *error = tr("There is no account named \"%1\".").arg(name);
        return false;
    }
    if (name.trimmed() != account.name.trimmed() && find(account.name)) {
        *error = tr("An account named \"%1\" already exists.").arg(account.name.trimmed());
        return false;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("UPDATE accounts SET name = :name, server_url = :url, username = :username, "
                       "interface = :interface, auth_method = :auth, flavor = :flavor, proxy = :proxy "
                       "WHERE name = :old"));
    bindAccount(query, account);
    query.bindValue(QStringLiteral(":old"), name.trimmed());
    if (!query.exec()) {
        *error = tr("Could not save the account: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool AccountStore::remove(const QString& name, QString* error)
{
    // The outbox refuses to lose queued posts with their account (a foreign key); say so plainly.
    QSqlQuery waiting(m_database.connection());
    waiting.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE account = :name"));
    waiting.bindValue(QStringLiteral(":name"), name.trimmed());
    if (waiting.exec() && waiting.next() && waiting.value(0).toInt() > 0) {
        *error = tr("The account \"%1\" still has %n items in the outbox. Send or discard "
                    "them before removing the account.",
                    nullptr, waiting.value(0).toInt())
                     .arg(name.trimmed());
        return false;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM accounts WHERE name = :name"));
    query.bindValue(QStringLiteral(":name"), name.trimmed());
    if (!query.exec()) {
        *error = tr("Could not remove the account: %1").arg(query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() == 0) {
        *error = tr("There is no account named \"%1\".").arg(name);
        return false;
    }
    return true;
}

} // namespace Inkwell
