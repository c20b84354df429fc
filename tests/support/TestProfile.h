#pragma once

#include "account/AccountStore.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "util/Profile.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>
#include <optional>

// A profile as the programs open it, in a temporary folder: ProfileServices over it, accounts on
// a local server, their passwords in a memory store standing in for the keychain. Header-only:
// the tests that use it link inkwell_core, the support library does not.
class TestProfile
{
public:
    QTemporaryDir dir;
    Inkwell::MemoryPasswordStore passwords;
    std::unique_ptr<Inkwell::ProfileServices> services;

    Inkwell::Profile profile() const { return Inkwell::Profile::atDirectory(dir.path()); }

    // Opens the profile as the GUI and the CLI do (again, after close()).
    bool open()
    {
        QString error;
        services = Inkwell::ProfileServices::open(profile(), passwords, &error);
        if (!services)
            qWarning("TestProfile: %s", qPrintable(error));
        return services != nullptr;
    }

    // Adds the account `name` (`user` on `server`) with its password; opens the profile first if
    // it is not open.
    bool addAccount(const QString& name, const QString& user, const QUrl& server,
                    Inkwell::AuthMethod auth = Inkwell::AuthMethod::Challenge,
                    Inkwell::Interface interface = Inkwell::Interface::Flat,
                    const QString& password = QStringLiteral("pw"))
    {
        if (!services && !open())
            return false;
        Inkwell::Account account;
        account.name = name;
        account.serverUrl = server;
        account.username = user;
        account.authMethod = auth;
        account.interface = interface;
        QString error;
        if (!services->accounts().add(account, &error)) {
            qWarning("TestProfile: %s", qPrintable(error));
            return false;
        }
        return storePassword(passwords, account, password);
    }

    // As the programs quit: the sessions the profile opened end on the server, then it goes.
    bool close()
    {
        if (!services)
            return true;
        bool closed = false;
        QObject context;
        services->close(&context, [&] { closed = true; });
        const bool done = QTest::qWaitFor([&] { return closed; });
        services.reset();
        return done;
    }

    // Writes `password` for `account` into `store`; true once the store says it is kept.
    static bool storePassword(Inkwell::PasswordStore& store, const Inkwell::Account& account,
                              const QString& password)
    {
        std::optional<Inkwell::PasswordStatus> status;
        QObject context;
        store.writePassword(account.passwordKey(), password, &context,
                            [&](const Inkwell::PasswordResult& result) { status = result.status; });
        return QTest::qWaitFor([&] { return status.has_value(); }) && *status == Inkwell::PasswordStatus::Ok;
    }
};
