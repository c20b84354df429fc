// Renders the account dialogs to PNG files for a look by eye:  account_screenshots DIR
// (QT_QPA_PLATFORM=offscreen works; QWidget::grab() needs no screen).
#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "account/LoginService.h"
#include "account/MemoryPasswordStore.h"
#include "account/SessionFallbackPasswordStore.h"
#include "accounts/AccountDialog.h"
#include "accounts/AccountListDialog.h"
#include "common/Dialogs.h"
#include "store/Database.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTimer>

using namespace Inkwell;

namespace {

// A keychain that is never there, to show the session-only notice.
class NoKeychain : public PasswordStore
{
public:
    void readPassword(const QString&, QObject* context, PasswordCallback done) override
    {
        fail(context, done);
    }
    void writePassword(const QString&, const QString&, QObject* context, PasswordCallback done) override
    {
        fail(context, done);
    }
    void deletePassword(const QString&, QObject* context, PasswordCallback done) override
    {
        fail(context, done);
    }

private:
    static void fail(QObject* context, PasswordCallback done)
    {
        QTimer::singleShot(0, context, [done] {
            PasswordResult result;
            result.status = PasswordStatus::Unavailable;
            done(result);
        });
    }
};

void shoot(QWidget& widget, const QString& dir, const QString& name, bool fit = true)
{
    widget.show();
    if (fit)
        widget.adjustSize();
    QApplication::processEvents();
    widget.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

void setPreset(AccountDialog& dialog, AccountDialog::Preset preset)
{
    auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("preset"));
    combo->setCurrentIndex(combo->findData(int(preset)));
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::currentPath();
    QTemporaryDir temp;
    Database db(temp.filePath(QStringLiteral("profile.sqlite")));
    if (!db.open())
        return 1;
    MemoryPasswordStore memory;
    NoKeychain none;
    SessionFallbackPasswordStore sessionOnly(none);
    AccountClients clients(db, memory);
    LoginService logins(db, clients);

    AccountDialog dw(db, memory, logins);
    dw.findChild<QLineEdit*>(QStringLiteral("username"))->setText(QStringLiteral("alice"));
    dw.findChild<QLineEdit*>(QStringLiteral("password"))->setText(QStringLiteral("xxxxxxxx"));
    dw.findChild<QLabel*>(QStringLiteral("loginResult"))
        ->setText(
            QStringLiteral("Logged in as Alice Example (alice).\nThe server says: Your email address is not "
                           "validated yet."));
    shoot(dw, dir, QStringLiteral("account-dialog-dreamwidth"));

    AccountDialog lj(db, memory, logins);
    setPreset(lj, AccountDialog::Preset::LiveJournal);
    lj.findChild<QLineEdit*>(QStringLiteral("username"))->setText(QStringLiteral("bob"));
    shoot(lj, dir, QStringLiteral("account-dialog-livejournal"));

    AccountDialog custom(db, sessionOnly, logins);
    setPreset(custom, AccountDialog::Preset::Custom);
    custom.findChild<QLineEdit*>(QStringLiteral("serverUrl"))
        ->setText(QStringLiteral("https://journal.example.org"));
    custom.findChild<QLineEdit*>(QStringLiteral("username"))->setText(QStringLiteral("carol"));
    QApplication::processEvents();
    QApplication::processEvents();
    shoot(custom, dir, QStringLiteral("account-dialog-custom-no-keychain"));

    // Clear text over plain http: the warning under the authentication choice.
    AccountDialog exposed(db, memory, logins);
    setPreset(exposed, AccountDialog::Preset::Custom);
    exposed.findChild<QLineEdit*>(QStringLiteral("serverUrl"))
        ->setText(QStringLiteral("http://journal.example.org"));
    exposed.findChild<QLineEdit*>(QStringLiteral("username"))->setText(QStringLiteral("dave"));
    auto* auth = exposed.findChild<QComboBox*>(QStringLiteral("authMethod"));
    auth->setCurrentIndex(auth->findData(toString(AuthMethod::Clear)));
    shoot(exposed, dir, QStringLiteral("account-dialog-clear-over-http"));

    AccountStore accounts(db);
    QString error;
    for (const auto& [name, url, user] : {std::tuple{"dw", "https://www.dreamwidth.org", "alice"},
                                          std::tuple{"lj", "https://www.livejournal.com", "bob"},
                                          std::tuple{"work", "https://journal.example.org", "carol"}}) {
        Account account;
        account.name = QString::fromLatin1(name);
        account.serverUrl = QUrl(QString::fromLatin1(url));
        account.username = QString::fromLatin1(user);
        accounts.add(account, &error);
    }
    LoginInfoStore(db).save(QStringLiteral("dw"), LoginInfo{}, QDateTime::currentDateTimeUtc(), &error);
    WindowDialogs dialogs;
    AccountListDialog list(db, memory, logins, dialogs);
    shoot(list, dir, QStringLiteral("account-list"), false);

    AccountDialog edit(db, memory, logins);
    edit.setAccount(*accounts.find(QStringLiteral("dw")));
    shoot(edit, dir, QStringLiteral("account-dialog-edit"));
    return 0;
}
