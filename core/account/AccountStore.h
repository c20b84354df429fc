#pragma once

#include "journal/Account.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace Inkwell {

class Database;

// The accounts of one profile, persisted in its journal database (never with a secret).
class AccountStore
{
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    explicit AccountStore(Database& database);

    QList<Account> accounts() const;
    std::optional<Account> find(const QString& name) const;

    // Each returns false and fills `error` with a sentence for the user when it cannot be done.
    bool add(const Account& account, QString* error);
    bool update(const QString& name, const Account& account, QString* error);
    bool remove(const QString& name, QString* error);

private:
    Database& m_database;
};

} // namespace Inkwell
