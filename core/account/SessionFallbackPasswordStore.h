#pragma once

#include "account/MemoryPasswordStore.h"

namespace Inkwell {

// The password store the application uses: the keychain while there is one; once it reports that
// none is available, this session's memory (nothing on disk, ever). Results from memory carry
// sessionOnly, so that the GUI can say plainly that the password will be gone when Inkwell quits.
// It must outlive every reader of passwords (create it next to the keychain store in main()).
class SessionFallbackPasswordStore : public PasswordStore
{
public:
    explicit SessionFallbackPasswordStore(PasswordStore& keychain);

    // True once the keychain has reported that it is unavailable.
    bool isSessionOnly() const { return m_sessionOnly; }

    void readPassword(const QString& key, QObject* context, PasswordCallback done) override;
    void writePassword(const QString& key, const QString& password, QObject* context,
                       PasswordCallback done) override;
    void deletePassword(const QString& key, QObject* context, PasswordCallback done) override;

private:
    PasswordCallback fromMemory(PasswordCallback done) const;

    PasswordStore& m_keychain;
    MemoryPasswordStore m_memory;
    bool m_sessionOnly = false;
};

// The sentence the GUI shows when passwords are kept for the session only.
QString sessionOnlyNotice();

} // namespace Inkwell
