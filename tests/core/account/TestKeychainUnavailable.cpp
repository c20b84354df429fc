#include "account/KeychainPasswordStore.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Inkwell;

// Started with DBUS_SESSION_BUS_ADDRESS pointing nowhere: the keychain store must answer
// "unavailable" with a message, promptly, and never fall back to writing anything itself.
class TestKeychainUnavailable : public QObject
{
    Q_OBJECT
private slots:
    void writeAndReadReportUnavailable()
    {
        KeychainPasswordStore store(QStringLiteral("Inkwell-test-nobus"));
        QObject context;
        std::optional<PasswordResult> result;
        store.writePassword(QStringLiteral("k"), QStringLiteral("secret"), &context,
                            [&](const PasswordResult& r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        QVERIFY(result->status == PasswordStatus::Unavailable);
        QVERIFY(!result->message.isEmpty());

        result.reset();
        store.readPassword(QStringLiteral("k"), &context, [&](const PasswordResult& r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        QVERIFY(result->status == PasswordStatus::Unavailable);
        QVERIFY(result->password.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "TestKeychainUnavailable.moc"
