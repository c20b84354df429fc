#pragma once

#include "account/AccountStore.h"
#include "store/Database.h"

#include <QUrl>
#include <QtGlobal>

// Adds an account to a test's database, for tests that need one to hang journals, drafts or
// outbox items on (no server is contacted). False, with the store's reason as a warning, if it
// could not be added. Header-only: the tests that use it link inkwell_core, the support library
// does not.
inline bool addTestAccount(Inkwell::Database& database, const QString& name, const QString& username,
                           const QUrl& server = QUrl(QStringLiteral("https://example.org")))
{
    Inkwell::Account account;
    account.name = name;
    account.serverUrl = server;
    account.username = username;
    QString error;
    if (Inkwell::AccountStore(database).add(account, &error))
        return true;
    qWarning("addTestAccount: %s", qPrintable(error));
    return false;
}
