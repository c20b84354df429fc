#include "account/AccountClients.h"
#include "account/KeychainPasswordStore.h"
#include "account/LoginRunner.h"
#include "account/MemoryPasswordStore.h"
#include "account/SessionFallbackPasswordStore.h"
#include "store/Database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

namespace {

PasswordResult wait(const std::function<void(PasswordCallback)>& call)
{
    std::optional<PasswordResult> result;
    call([&](const PasswordResult& r) { result = r; });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    }();
    return result.value_or(PasswordResult{});
}

} // namespace

// Started with DBUS_SESSION_BUS_ADDRESS pointing nowhere, like TestKeychainUnavailable: the real
// keychain store reports "unavailable" and the fallback keeps passwords in memory for the session.
class TestSessionFallbackPasswordStore : public QObject
{
    Q_OBJECT
private slots:
    void withoutAKeychainPasswordsLiveInMemoryForTheSession()
    {
        KeychainPasswordStore keychain(QStringLiteral("Inkwell-test-nobus"));
        SessionFallbackPasswordStore store(keychain);
        QObject context;
        QVERIFY(!store.isSessionOnly());

        PasswordResult read = wait([&](PasswordCallback done) {
            store.readPassword(QStringLiteral("alice@https://x.org"), &context, done);
        });
        QVERIFY(read.status == PasswordStatus::NotFound);
        QVERIFY(read.sessionOnly);
        QCOMPARE(read.message, sessionOnlyNotice());
        QVERIFY(store.isSessionOnly());

        const PasswordResult written = wait([&](PasswordCallback done) {
            store.writePassword(QStringLiteral("alice@https://x.org"), QStringLiteral("s3cret"), &context,
                                done);
        });
        QVERIFY(written.status == PasswordStatus::Ok);
        QVERIFY(written.sessionOnly);

        read = wait([&](PasswordCallback done) {
            store.readPassword(QStringLiteral("alice@https://x.org"), &context, done);
        });
        QVERIFY(read.status == PasswordStatus::Ok);
        QCOMPARE(read.password, QStringLiteral("s3cret"));

        const PasswordResult deleted = wait([&](PasswordCallback done) {
            store.deletePassword(QStringLiteral("alice@https://x.org"), &context, done);
        });
        QVERIFY(deleted.status == PasswordStatus::Ok);
        read = wait([&](PasswordCallback done) {
            store.readPassword(QStringLiteral("alice@https://x.org"), &context, done);
        });
        QVERIFY(read.status == PasswordStatus::NotFound);
    }

    void loginWithoutAKeychainAsksForThePassword()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("p.sqlite")));
        QVERIFY(db.open());
        KeychainPasswordStore keychain(QStringLiteral("Inkwell-test-nobus"));
        SessionFallbackPasswordStore store(keychain);
        AccountClients clients(db, store);
        LoginRunner runner(db, clients);
        QSignalSpy finished(&runner, &LoginRunner::finished);
        Account account;
        account.name = QStringLiteral("dw");
        account.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        account.username = QStringLiteral("alice");
        runner.start(account);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("no keychain")),
                 qPrintable(finished.first().at(1).toString()));
    }

    void aWorkingKeychainIsUsedAsIs()
    {
        MemoryPasswordStore keychain; // stands in for a keychain that works
        SessionFallbackPasswordStore store(keychain);
        QObject context;
        const PasswordResult written = wait([&](PasswordCallback done) {
            store.writePassword(QStringLiteral("k"), QStringLiteral("v"), &context, done);
        });
        QVERIFY(written.status == PasswordStatus::Ok);
        QVERIFY(!written.sessionOnly);
        QVERIFY(!store.isSessionOnly());
        const PasswordResult read =
            wait([&](PasswordCallback done) { keychain.readPassword(QStringLiteral("k"), &context, done); });
        QCOMPARE(read.password, QStringLiteral("v"));
    }
};

QTEST_GUILESS_MAIN(TestSessionFallbackPasswordStore)
#include "TestSessionFallbackPasswordStore.moc"
