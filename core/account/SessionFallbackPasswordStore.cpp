#include "account/SessionFallbackPasswordStore.h"

#include <QCoreApplication>

namespace Inkwell {

QString sessionOnlyNotice()
{
    return QCoreApplication::translate(
        "SessionFallbackPasswordStore",
        "No keychain is available on this system, so Inkwell keeps the password in "
        "memory only, until it quits. You will be asked for it again next time.");
}

SessionFallbackPasswordStore::SessionFallbackPasswordStore(PasswordStore& keychain)
    : m_keychain(keychain)
{}

PasswordCallback SessionFallbackPasswordStore::fromMemory(PasswordCallback done) const
{
    return [done = std::move(done)](const PasswordResult& result) {
        PasswordResult marked = result;
        marked.sessionOnly = true;
        if (marked.status == PasswordStatus::NotFound)
            marked.message = sessionOnlyNotice();
        done(marked);
    };
}

void SessionFallbackPasswordStore::readPassword(const QString& key, QObject* context, PasswordCallback done)
{
    if (m_sessionOnly) {
        m_memory.readPassword(key, context, fromMemory(std::move(done)));
        return;
    }
    m_keychain.readPassword(key, context, [this, key, context, done](const PasswordResult& result) {
        if (result.status != PasswordStatus::Unavailable) {
            done(result);
            return;
        }
        m_sessionOnly = true;
        m_memory.readPassword(key, context, fromMemory(done));
    });
}

void SessionFallbackPasswordStore::writePassword(const QString& key, const QString& password,
                                                 QObject* context, PasswordCallback done)
{
    if (m_sessionOnly) {
        m_memory.writePassword(key, password, context, fromMemory(std::move(done)));
        return;
    }
    m_keychain.writePassword(key, password, context,
                             [this, key, password, context, done](const PasswordResult& result) {
                                 if (result.status != PasswordStatus::Unavailable) {
                                     done(result);
                                     return;
                                 }
                                 m_sessionOnly = true;
                                 m_memory.writePassword(key, password, context, fromMemory(done));
                             });
}

void SessionFallbackPasswordStore::deletePassword(const QString& key, QObject* context, PasswordCallback done)
{
    if (m_sessionOnly) {
        m_memory.deletePassword(key, context, fromMemory(std::move(done)));
        return;
    }
    m_keychain.deletePassword(key, context, [this, key, context, done](const PasswordResult& result) {
        if (result.status != PasswordStatus::Unavailable) {
            done(result);
            return;
        }
        m_sessionOnly = true;
        m_memory.deletePassword(key, context, fromMemory(done));
    });
}

} // namespace Inkwell
