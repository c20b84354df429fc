#include "account/AccountPassword.h"

#include "account/AccountStore.h"
#include "account/PasswordStore.h"

#include <QCoreApplication>

namespace Inkwell {

void readAccountPassword(Database& database, PasswordStore& passwords, const QString& account,
                         const QString& thenWhat, QObject* context,
                         std::function<void(const QString& password)> done,
                         std::function<void(const QString& message)> problem)
{
    const std::optional<Account> found = AccountStore(database).find(account);
    if (!found) {
        problem(QCoreApplication::translate("AccountPassword", "There is no account named \"%1\" any more.")
                    .arg(account));
        return;
    }
    passwords.readPassword(
        found->passwordKey(), context,
        [account, thenWhat, done = std::move(done),
         problem = std::move(problem)](const PasswordResult& result) {
            if (result.status == PasswordStatus::Ok) {
                done(result.password);
                return;
            }
            if (result.status != PasswordStatus::NotFound) {
                problem(result.message);
                return;
            }
            problem(thenWhat.isEmpty()
                        ? QCoreApplication::translate(
                              "AccountPassword", "No password is saved for \"%1\": enter it in Accounts.")
                              .arg(account)
                        : QCoreApplication::translate(
                              "AccountPassword", "No password is saved for \"%1\": enter it in Accounts, "
                                                 "and %2.")
                              .arg(account, thenWhat));
        });
}

} // namespace Inkwell
