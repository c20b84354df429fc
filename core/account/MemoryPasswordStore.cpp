#include "account/MemoryPasswordStore.h"

#include <QMetaObject>

namespace Inkwell {

namespace {

void deliver(QObject* context, PasswordCallback done, PasswordResult result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

} // namespace

void MemoryPasswordStore::readPassword(const QString& key, QObject* context, PasswordCallback done)
{
    PasswordResult result;
    if (auto it = m_passwords.constFind(key); it != m_passwords.constEnd()) {
        result.status = PasswordStatus::Ok;
        result.password = *it;
    } else {
        result.status = PasswordStatus::NotFound;
        result.message = tr("No password is stored for this account.");
    }
    deliver(context, std::move(done), std::move(result));
}

void MemoryPasswordStore::writePassword(const QString& key, const QString& password, QObject* context,
                                        PasswordCallback done)
{
    m_passwords.insert(key, password);
    deliver(context, std::move(done), PasswordResult{PasswordStatus::Ok, {}, {}, false});
}

void MemoryPasswordStore::deletePassword(const QString& key, QObject* context, PasswordCallback done)
{
    PasswordResult result{PasswordStatus::Ok, {}, {}};
    if (!m_passwords.remove(key)) {
        result.status = PasswordStatus::NotFound;
        result.message = tr("No password is stored for this account.");
    }
    deliver(context, std::move(done), std::move(result));
}

} // namespace Inkwell
