#include "account/KeychainPasswordStore.h"

#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace Inkwell;

// Runs inside tests/keyring-session.sh: a private D-Bus session with an unlocked gnome-keyring,
// so QtKeychain talks to a real Secret Service.
class TestKeychainPasswordStore : public QObject
{
    Q_OBJECT
private:
    PasswordResult wait(const std::function<void(QObject*, PasswordCallback)>& call)
    {
        QObject context;
        std::optional<PasswordResult> result;
        call(&context, [&](const PasswordResult& r) { result = r; });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        }();
        return result.value_or(PasswordResult{});
    }

    const QString m_service =
        QStringLiteral("Inkwell-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128));

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/keyring-session.sh");
    }

    void passwordRoundTripsThroughTheSecretService()
    {
        KeychainPasswordStore store(m_service);
        const QString key = QStringLiteral("alice@https://example.org");
        const QString secret = QStringLiteral("p4ss wörd ✓ \"quoted\"");

        PasswordResult r = wait([&](QObject* c, PasswordCallback d) { store.readPassword(key, c, d); });
        QVERIFY(r.status == PasswordStatus::NotFound);

        r = wait([&](QObject* c, PasswordCallback d) { store.writePassword(key, secret, c, d); });
        QVERIFY2(r.status == PasswordStatus::Ok, qPrintable(r.message));

        // A second store object (a restarted app) finds it: the store keeps no copy, so it came from
        // the Secret Service.
        KeychainPasswordStore other(m_service);
        r = wait([&](QObject* c, PasswordCallback d) { other.readPassword(key, c, d); });
        QVERIFY2(r.status == PasswordStatus::Ok, qPrintable(r.message));
        QCOMPARE(r.password, secret);

        r = wait([&](QObject* c, PasswordCallback d) { store.deletePassword(key, c, d); });
        QVERIFY2(r.status == PasswordStatus::Ok, qPrintable(r.message));
        r = wait([&](QObject* c, PasswordCallback d) { other.readPassword(key, c, d); });
        QVERIFY(r.status == PasswordStatus::NotFound);
    }

    void keysAndServicesAreSeparate()
    {
        KeychainPasswordStore store(m_service);
        KeychainPasswordStore otherService(m_service + QStringLiteral("-other"));
        PasswordResult r = wait([&](QObject* c, PasswordCallback d) {
            store.writePassword(QStringLiteral("a"), QStringLiteral("one"), c, d);
        });
        QVERIFY(r.status == PasswordStatus::Ok);
        r = wait([&](QObject* c, PasswordCallback d) { store.readPassword(QStringLiteral("b"), c, d); });
        QVERIFY(r.status == PasswordStatus::NotFound);
        r = wait(
            [&](QObject* c, PasswordCallback d) { otherService.readPassword(QStringLiteral("a"), c, d); });
        QVERIFY(r.status == PasswordStatus::NotFound);
        wait([&](QObject* c, PasswordCallback d) { store.deletePassword(QStringLiteral("a"), c, d); });
    }
};

QTEST_GUILESS_MAIN(TestKeychainPasswordStore)
#include "TestKeychainPasswordStore.moc"
