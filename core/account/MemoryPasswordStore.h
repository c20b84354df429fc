#pragma once

#include "account/PasswordStore.h"

#include <QCoreApplication>
#include <QHash>

namespace Inkwell {

// Passwords kept in this process's memory only, for the session: the fallback when no keychain
// exists, and a test double. Nothing is ever written anywhere. Callbacks are delivered from the
// event loop (queued), like a real keychain's, so callers cannot come to rely on synchronous answers.
class MemoryPasswordStore : public PasswordStore
{
    Q_DECLARE_TR_FUNCTIONS(MemoryPasswordStore)

public:
    void readPassword(const QString& key, QObject* context, PasswordCallback done) override;
    void writePassword(const QString& key, const QString& password, QObject* context,
                       PasswordCallback done) override;
    void deletePassword(const QString& key, QObject* context, PasswordCallback done) override;

private:
    QHash<QString, QString> m_passwords;
};

} // namespace Inkwell
