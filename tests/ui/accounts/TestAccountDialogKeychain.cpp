#include "AccountDialogDriver.h"
#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "account/KeychainPasswordStore.h"
#include "account/LoginService.h"
#include "account/SessionFallbackPasswordStore.h"
#include "store/Database.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Inkwell;
using namespace AccountDialogDriver;

// Runs in keyring-session.sh's private D-Bus with an unlocked gnome-keyring (a real Secret
// Service): the password typed in the account dialog lands in the keychain and nowhere on disk.
class TestAccountDialogKeychain : public QObject
{
    Q_OBJECT
private slots:
    void thePasswordGoesToTheKeychainOnly()
    {
        const QString secret = QStringLiteral("Zq7-unique-keychain-secret");
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("profile.sqlite"));
        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.error()));
        KeychainPasswordStore keychain(QStringLiteral("Inkwell-test-ui"));
        SessionFallbackPasswordStore passwords(keychain);

        AccountClients clients(db, passwords);
        LoginService logins(db, clients);
        AccountDialog dialog(db, passwords, logins);
        dialog.show();
        type(dialog, "name", QStringLiteral("dw"));
        type(dialog, "username", QStringLiteral("alice"));
        type(dialog, "password", secret);
        QSignalSpy saved(&dialog, &AccountDialog::saved);
        clickOk(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 15000);
        QVERIFY(!child<QLabel>(dialog, "keychainNotice")->isVisibleTo(&dialog));
        QVERIFY(!passwords.isSessionOnly());

        const Account account = *AccountStore(db).find(QStringLiteral("dw"));
        const PasswordResult read = readPassword(keychain, account.passwordKey());
        QVERIFY2(read.status == PasswordStatus::Ok, qPrintable(read.message));
        QCOMPARE(read.password, secret);

        QVERIFY(!fileContains(path, secret));
        db.connection().close(); // checkpoints the WAL into the file
        QVERIFY(!fileContains(path, secret));

        bool deleted = false;
        QObject context;
        keychain.deletePassword(account.passwordKey(), &context,
                                [&](const PasswordResult&) { deleted = true; });
        QTRY_VERIFY_WITH_TIMEOUT(deleted, 15000);
    }
};

QTEST_MAIN(TestAccountDialogKeychain)
#include "TestAccountDialogKeychain.moc"
