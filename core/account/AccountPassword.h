#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Inkwell {

class Database;
class PasswordStore;

// Reads the password of the account named `account` for work done in the background (sending the
// outbox, syncing, updating friends). `done` gets the password; `problem` gets a message for the
// user instead: the account is gone (said at once), no password is saved (`thenWhat` says what
// happens once it is entered, e.g. "the outbox will be sent"; may be empty), or the keychain's own
// error. Answers come through `context`, like PasswordStore's.
void readAccountPassword(Database& database, PasswordStore& passwords, const QString& account,
                         const QString& thenWhat, QObject* context,
                         std::function<void(const QString& password)> done,
                         std::function<void(const QString& message)> problem);

} // namespace Inkwell
