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

// Started with DBUS_SESSION_BUS_ADDRESS pointing nowhere: no keychain. The dialog says plainly
// that the password lasts only until Inkwell quits, and it is kept in memory, not on disk.
class TestAccountDialogNoKeychain : public QObject
{
    Q_OBJECT
private slots:
    void thePasswordIsKeptForTheSessionOnly()
    {
        const QString secret = QStringLiteral("Zq7-unique-session-secret");
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("profile.sqlite"));
        Database db(path);
        QVERIFY2(db.open(), qPrintable(db.error()));
        KeychainPasswordStore keychain(QStringLiteral("Inkwell-test-nobus"));
        SessionFallbackPasswordStore passwords(keychain);

        AccountClients clients(db, passwords);
        LoginService logins(db, clients);
        AccountDialog dialog(db, passwords, logins);
        dialog.show();
        auto* notice = child<QLabel>(dialog, "keychainNotice");
        QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 15000);
        QVERIFY2(notice->text().contains(QStringLiteral("until it quits")), qPrintable(notice->text()));

        type(dialog, "name", QStringLiteral("dw"));
        type(dialog, "username", QStringLiteral("alice"));
        type(dialog, "password", secret);
        QSignalSpy saved(&dialog, &AccountDialog::saved);
        clickOk(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 15000);
        QVERIFY(passwords.isSessionOnly());

        std::optional<PasswordResult> read;
        QObject context;
        passwords.readPassword(AccountStore(db).find(QStringLiteral("dw"))->passwordKey(), &context,
                               [&](const PasswordResult& r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QVERIFY(read->status == PasswordStatus::Ok);
        QVERIFY(read->sessionOnly);
        QCOMPARE(read->password, secret);

        db.connection().close();
        QVERIFY(!fileContains(path, secret));
    }
};

QTEST_MAIN(TestAccountDialogNoKeychain)
#include "TestAccountDialogNoKeychain.moc"
