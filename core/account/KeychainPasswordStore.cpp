#include "account/KeychainPasswordStore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace Inkwell {

namespace {

PasswordResult resultOf(const QKeychain::Job& job)
{
    PasswordResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = PasswordStatus::Ok;
        return result;
    case QKeychain::EntryNotFound:
        result.status = PasswordStatus::NotFound;
        result.message =
            QCoreApplication::translate("KeychainPasswordStore", "No password is stored for this account.");
        return result;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = PasswordStatus::Denied;
        result.message =
            QCoreApplication::translate("KeychainPasswordStore", "Access to the keychain was denied: %1")
                .arg(job.errorString());
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // On Linux an unreachable Secret Service surfaces as OtherError (TOOLCHAIN.md), so it is
        // reported as "unavailable" too: the caller then keeps the password for this session only.
        result.status = PasswordStatus::Unavailable;
        result.message =
            QCoreApplication::translate("KeychainPasswordStore",
                                        "No keychain is available (%1). The password can be kept for "
                                        "this session only.")
                .arg(job.errorString());
        return result;
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    result.status = PasswordStatus::Failed;
    result.message = job.errorString();
    return result;
}

// Runs a configured job and hands its outcome to `done` unless `context` died meanwhile.
void runJob(QKeychain::Job* job, QObject* context, PasswordCallback done, bool isRead)
{
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, guard, done = std::move(done), isRead] {
        if (!guard)
            return;
        PasswordResult result = resultOf(*job);
        if (isRead && result.status == PasswordStatus::Ok)
            result.password = static_cast<QKeychain::ReadPasswordJob*>(job)->textData();
        done(result);
    });
    job->setAutoDelete(true);
    job->start();
}

} // namespace

KeychainPasswordStore::KeychainPasswordStore(QString service)
    : m_service(std::move(service))
{}

void KeychainPasswordStore::readPassword(const QString& key, QObject* context, PasswordCallback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runJob(job, context, std::move(done), true);
}

void KeychainPasswordStore::writePassword(const QString& key, const QString& password, QObject* context,
                                          PasswordCallback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(password);
    runJob(job, context, std::move(done), false);
}

void KeychainPasswordStore::deletePassword(const QString& key, QObject* context, PasswordCallback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    runJob(job, context, std::move(done), false);
}

} // namespace Inkwell
