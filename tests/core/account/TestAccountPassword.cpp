// readAccountPassword: what the background services (outbox, sync, friends) tell the user when
// they cannot get an account's password, and the password when they can.

#include "TestProfile.h"
#include "account/AccountPassword.h"
#include "account/AccountStore.h"
#include "account/MemoryPasswordStore.h"
#include "store/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

class TestAccountPassword : public QObject
{
    Q_OBJECT
private slots:
    void passwordOrAMessageForTheUser()
    {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("j.sqlite")));
        QVERIFY(database.open());
        Account account;
        account.name = QStringLiteral("dw");
        account.serverUrl = QUrl(QStringLiteral("https://example.org"));
        account.username = QStringLiteral("alice");
        QString error;
        QVERIFY(AccountStore(database).add(account, &error));
        MemoryPasswordStore passwords;

        QString password;
        QString message;
        const auto read = [&](const QString& name, const QString& thenWhat) {
            password.clear();
            message.clear();
            readAccountPassword(
                database, passwords, name, thenWhat, this, [&](const QString& p) { password = p; },
                [&](const QString& m) { message = m; });
        };

        read(QStringLiteral("gone"), {});
        QVERIFY2(message.contains(QStringLiteral("no account named \"gone\"")), qPrintable(message));

        read(QStringLiteral("dw"), QStringLiteral("the outbox will be sent"));
        QTRY_VERIFY(!message.isEmpty());
        QCOMPARE(message, QStringLiteral("No password is saved for \"dw\": enter it in Accounts, and the "
                                         "outbox will be sent."));
        read(QStringLiteral("dw"), {});
        QTRY_COMPARE(message, QStringLiteral("No password is saved for \"dw\": enter it in Accounts."));

        QVERIFY(TestProfile::storePassword(passwords, account, QStringLiteral("s3cret")));
        read(QStringLiteral("dw"), {});
        QTRY_COMPARE(password, QStringLiteral("s3cret"));
        QVERIFY(message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAccountPassword)
#include "TestAccountPassword.moc"
