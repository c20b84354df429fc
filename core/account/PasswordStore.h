#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Inkwell {

enum class PasswordStatus {
    Ok,
    NotFound,    // nothing stored under that key
    Unavailable, // no keychain backend (no Secret Service, locked and no way to unlock)
    Denied,      // the user or the system refused access
    Failed,      // anything else; message says what
};

struct PasswordResult
{
    PasswordStatus status = PasswordStatus::Failed;
    QString password; // only for a successful read
    QString message;  // for the user when status != Ok
    // No keychain: the password is kept in memory until the program quits (SessionFallbackPasswordStore).
    bool sessionOnly = false;
};

using PasswordCallback = std::function<void(const PasswordResult&)>;

// Where account passwords (Dreamwidth: API keys) live. Asynchronous, because a keychain may ask the
// user to unlock it. Callbacks run on the caller's thread and are dropped if `context` is deleted
// first. The rest of the program never knows where a password is kept, and no implementation
// writes a password to disk, settings, the database or a log.
class PasswordStore
{
public:
    virtual ~PasswordStore() = default;

    virtual void readPassword(const QString& key, QObject* context, PasswordCallback done) = 0;
    virtual void writePassword(const QString& key, const QString& password, QObject* context,
                               PasswordCallback done) = 0;
    virtual void deletePassword(const QString& key, QObject* context, PasswordCallback done) = 0;
};

} // namespace Inkwell
