#pragma once

#include "account/PasswordStore.h"

namespace Inkwell {

// Passwords in the operating system's keychain through QtKeychain (Secret Service on Linux).
class KeychainPasswordStore : public PasswordStore
{
public:
    // `service` names the keychain collection entry; tests use their own to stay apart from the
    // user's real passwords.
    explicit KeychainPasswordStore(QString service = QStringLiteral("Inkwell"));

    void readPassword(const QString& key, QObject* context, PasswordCallback done) override;
    void writePassword(const QString& key, const QString& password, QObject* context,
                       PasswordCallback done) override;
    void deletePassword(const QString& key, QObject* context, PasswordCallback done) override;

private:
    QString m_service;
};

} // namespace Inkwell
