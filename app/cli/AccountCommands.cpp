#include "AccountCommands.h"

#include "CliArguments.h"
#include "PasswordSource.h"
#include "account/AccountStore.h"
#include "account/PasswordStore.h"

#include <QCoreApplication>

namespace Inkwell::Cli {

namespace {

const QString passwordStdin = QStringLiteral("password-stdin");

QString describe(const Account& account)
{
    //: An account: %1 the user name, %2 the server's address, %3 the interface (flat, xmlrpc,
    //: blogger), %4 the authentication (challenge, cookie, hpassword, clear).
    return QCoreApplication::translate("Inkwell::Cli::AccountCommands", "%1 on %2 (%3, %4)")
        .arg(canonicalUsername(account.username), normalizedServerUrl(account.serverUrl).toString(),
             toString(account.interface), toString(account.authMethod));
}

QString flavorColumn(Flavor flavor)
{
    return flavor == Flavor::Unknown ? QStringLiteral("-") : toString(flavor);
}

} // namespace

QString storeFailure(const PasswordResult& result)
{
    if (result.status == PasswordStatus::Unavailable)
        return QCoreApplication::translate("Inkwell::Cli::AccountCommands",
                                           "No keychain is available, so the password was not stored "
                                           "(Inkwell keeps passwords nowhere else).");
    return QCoreApplication::translate("Inkwell::Cli::AccountCommands",
                                       "The keychain did not store the password: %1")
        .arg(result.message);
}

void AccountCommands::start()
{
    const QString command = m_context.arguments.command();
    if (command == QLatin1String("account list"))
        list();
    else if (command == QLatin1String("account add"))
        add();
    else if (command == QLatin1String("account edit"))
        edit();
    else
        remove();
}

bool AccountCommands::keyShared(const QString& key, const QString& name) const
{
    const QList<Account> accounts = m_context.services.accounts().accounts();
    return std::any_of(accounts.cbegin(), accounts.cend(), [&](const Account& other) {
        return other.name != name.trimmed() && other.passwordKey() == key;
    });
}

std::optional<Account> AccountCommands::withOptions(Account account)
{
    const CliArguments& arguments = m_context.arguments;
    if (arguments.isSet(QStringLiteral("rename")))
        account.name = arguments.value(QStringLiteral("rename")).trimmed();
    if (arguments.isSet(QStringLiteral("server"))) {
        const QUrl server(arguments.value(QStringLiteral("server")).trimmed(), QUrl::StrictMode);
        if (normalizedServerUrl(server) != normalizedServerUrl(account.serverUrl))
            account.flavor = Flavor::Unknown; // another server: learn it again at login
        account.serverUrl = server;
    }
    if (arguments.isSet(QStringLiteral("user")))
        account.username = arguments.value(QStringLiteral("user"));
    if (arguments.isSet(QStringLiteral("interface"))) {
        const QString text = arguments.value(QStringLiteral("interface"));
        const auto interface = interfaceFromString(text);
        if (!interface) {
            fail(ExitUsage, tr("--interface is flat, xmlrpc or blogger, not '%1'.").arg(text));
            return std::nullopt;
        }
        // The Blogger API sends the password itself; any other interface starts from challenge.
        if (*interface != account.interface && !arguments.isSet(QStringLiteral("auth")))
            account.authMethod = *interface == Interface::Blogger ? AuthMethod::Clear : AuthMethod::Challenge;
        account.interface = *interface;
    }
    if (arguments.isSet(QStringLiteral("proxy")))
        account.proxy = arguments.value(QStringLiteral("proxy")).trimmed(); // "" goes back to the system's
    if (arguments.isSet(QStringLiteral("auth"))) {
        const QString text = arguments.value(QStringLiteral("auth"));
        const auto method = authMethodFromString(text);
        if (!method) {
            fail(ExitUsage, tr("--auth is challenge, cookie, hpassword or clear, not '%1'.").arg(text));
            return std::nullopt;
        }
        account.authMethod = *method;
    }
    if (const QString problem = account.validationError(); !problem.isEmpty()) {
        fail(ExitUsage, problem);
        return std::nullopt;
    }
    return account;
}

void AccountCommands::list()
{
    const QList<Account> accounts = m_context.services.accounts().accounts();
    if (accounts.isEmpty()) {
        printOut(tr("No accounts. Add one with: inkwell-cli account add NAME --server URL --user USER") +
                 u'\n');
        finish(ExitOk);
        return;
    }
    QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("SERVER"), QStringLiteral("USER"),
                             QStringLiteral("INTERFACE"), QStringLiteral("AUTH"), QStringLiteral("FLAVOUR")}};
    for (const Account& account : accounts)
        rows.append({account.name, normalizedServerUrl(account.serverUrl).toString(), account.username,
                     toString(account.interface), toString(account.authMethod),
                     flavorColumn(account.flavor)});
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList& row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    QString text;
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        text += line + u'\n';
    }
    printOut(text);
    finish(ExitOk);
}

void AccountCommands::add()
{
    Account base;
    base.name = m_context.arguments.positional().first().trimmed();
    const std::optional<Account> account = withOptions(base);
    if (!account)
        return;
    if (m_context.services.accounts().find(account->name)) {
        fail(ExitUsage, tr("An account named '%1' already exists ('inkwell-cli account edit %1' changes it).")
                            .arg(account->name));
        return;
    }
    if (!m_context.arguments.isSet(passwordStdin)) {
        addRecord(*account, false);
        return;
    }
    const PasswordSource::Outcome secret = PasswordSource::readStandardInput();
    if (!secret.password) {
        fail(secret.exitCode, secret.error);
        return;
    }
    m_context.services.passwords().writePassword(
        account->passwordKey(), *secret.password, this,
        [this, account = *account](const PasswordResult& result) {
            if (result.status != PasswordStatus::Ok) {
                //: %1 says why the keychain did not take the password.
                fail(ExitFailure, tr("%1 The account was not added.").arg(storeFailure(result)));
                return;
            }
            addRecord(account, true);
        });
}

void AccountCommands::addRecord(const Account& account, bool withPassword)
{
    QString error;
    if (!m_context.services.accounts().add(account, &error)) {
        if (withPassword)
            forget(account.passwordKey(), account.name, [this, error] { fail(ExitFailure, error); });
        else
            fail(ExitFailure, error);
        return;
    }
    //: %1 is the account's name, %2 describes it ("alice on https://www.dreamwidth.org (flat,
    //: challenge)").
    QString text = tr("Added account '%1': %2.").arg(account.name, describe(account)) + u'\n';
    if (withPassword)
        text += tr("The password is stored in the keychain.") + u'\n';
    else
        text += tr("No password is stored: give it with --password-stdin, or store it with 'inkwell-cli "
                   "account edit %1 --password-stdin'.")
                    .arg(account.name) +
                u'\n';
    printOut(text);
    warnIfPasswordExposed(account);
    finish(ExitOk);
}

void AccountCommands::edit()
{
    const QString name = m_context.arguments.positional().first();
    const std::optional<Account> old = namedAccount(name);
    if (!old)
        return;
    static const QStringList changes{QStringLiteral("rename"),
                                     QStringLiteral("server"),
                                     QStringLiteral("user"),
                                     QStringLiteral("interface"),
                                     QStringLiteral("auth"),
                                     QStringLiteral("proxy"),
                                     passwordStdin};
    if (std::none_of(changes.cbegin(), changes.cend(),
                     [this](const QString& option) { return m_context.arguments.isSet(option); })) {
        fail(ExitUsage,
             tr("'account edit' needs something to change: --rename, --server, --user, --interface, "
                "--auth, --proxy or --password-stdin."));
        return;
    }
    const std::optional<Account> updated = withOptions(*old);
    if (!updated)
        return;
    if (updated->name != old->name && m_context.services.accounts().find(updated->name)) {
        fail(ExitUsage, tr("An account named '%1' already exists.").arg(updated->name));
        return;
    }
    const QString oldKey = old->passwordKey();
    const QString newKey = updated->passwordKey();
    if (m_context.arguments.isSet(passwordStdin)) {
        const PasswordSource::Outcome secret = PasswordSource::readStandardInput();
        if (!secret.password) {
            fail(secret.exitCode, secret.error);
            return;
        }
        m_context.services.passwords().writePassword(
            newKey, *secret.password, this,
            [this, old = *old, updated = *updated](const PasswordResult& result) {
                if (result.status != PasswordStatus::Ok) {
                    //: %1 says why the keychain did not take the password.
                    fail(ExitFailure, tr("%1 The account was not changed.").arg(storeFailure(result)));
                    return;
                }
                const QString note = tr("The new password is stored in the keychain.");
                if (old.passwordKey() == updated.passwordKey()) {
                    updateRecord(old.name, updated, note);
                    return;
                }
                forget(old.passwordKey(), old.name, [=, this] { updateRecord(old.name, updated, note); });
            });
        return;
    }
    if (oldKey == newKey) {
        updateRecord(old->name, *updated, {});
        return;
    }
    carryPassword(*old, *updated, [this, name = old->name, updated = *updated](const QString& note) {
        updateRecord(name, updated, note);
    });
}

void AccountCommands::carryPassword(const Account& from, const Account& to,
                                    std::function<void(const QString&)> done)
{
    m_context.services.passwords().readPassword(
        from.passwordKey(), this, [this, from, to, done](const PasswordResult& read) {
            if (read.status == PasswordStatus::NotFound || read.status == PasswordStatus::Unavailable) {
                done({});
                return;
            }
            if (read.status != PasswordStatus::Ok) {
                done(tr("The stored password could not be carried over to the new login (%1).")
                         .arg(read.message));
                return;
            }
            m_context.services.passwords().writePassword(
                to.passwordKey(), read.password, this, [this, from, done](const PasswordResult& written) {
                    if (written.status != PasswordStatus::Ok) {
                        done(storeFailure(written));
                        return;
                    }
                    forget(from.passwordKey(), from.name,
                           [done] { done(tr("The stored password now belongs to the new login.")); });
                });
        });
}

void AccountCommands::forget(const QString& key, const QString& name, std::function<void()> done)
{
    if (keyShared(key, name)) {
        done();
        return;
    }
    m_context.services.passwords().deletePassword(key, this, [done](const PasswordResult&) { done(); });
}

void AccountCommands::updateRecord(const QString& name, const Account& account, const QString& note)
{
    QString error;
    if (!m_context.services.accounts().update(name, account, &error)) {
        fail(ExitFailure, error);
        return;
    }
    //: %1 is the account's name, %2 describes it ("alice on https://www.dreamwidth.org (flat,
    //: challenge)").
    QString text = tr("Changed account '%1': %2.").arg(account.name, describe(account)) + u'\n';
    if (!note.isEmpty())
        text += note + u'\n';
    printOut(text);
    warnIfPasswordExposed(account);
    finish(ExitOk);
}

void AccountCommands::warnIfPasswordExposed(const Account& account)
{
    if (const QString warning = account.passwordExposureWarning(); !warning.isEmpty())
        printError(tr("warning: %1").arg(warning));
}

void AccountCommands::remove()
{
    const std::optional<Account> account = namedAccount(m_context.arguments.positional().first());
    if (!account)
        return;
    const QString key = account->passwordKey();
    if (keyShared(key, account->name)) {
        removeRecord(*account,
                     tr("Its password stays in the keychain: another account uses the same login."));
        return;
    }
    m_context.services.passwords().deletePassword(
        key, this, [this, account = *account](const PasswordResult& result) {
            switch (result.status) {
            case PasswordStatus::Ok:
            case PasswordStatus::NotFound: {
                const QString note = result.status == PasswordStatus::Ok
                                         ? tr("Its password was deleted from the keychain.")
                                         : QString();
                removeRecord(account, note);
                return;
            }
            case PasswordStatus::Unavailable:
                printError(tr("No keychain is available: if one holds a password for %1, it is still there.")
                               .arg(account.passwordKey()));
                removeRecord(account, {});
                return;
            case PasswordStatus::Denied:
            case PasswordStatus::Failed:
                fail(ExitFailure,
                     tr("Could not delete the password from the keychain (%1). The account was not removed.")
                         .arg(result.message));
                return;
            }
        });
}

void AccountCommands::removeRecord(const Account& account, const QString& note)
{
    QString error;
    if (!m_context.services.accounts().remove(account.name, &error)) {
        fail(ExitFailure, error);
        return;
    }
    printOut(tr("Removed account '%1'.").arg(account.name) + (note.isEmpty() ? QString() : u' ' + note) +
             u'\n');
    finish(ExitOk);
}

} // namespace Inkwell::Cli
