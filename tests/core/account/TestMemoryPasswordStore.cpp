#include "account/MemoryPasswordStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Inkwell;

class TestMemoryPasswordStore : public QObject
{
    Q_OBJECT
private slots:
    void writeReadDelete()
    {
        MemoryPasswordStore store;
        QObject context;
        std::optional<PasswordResult> result;
        auto capture = [&](const PasswordResult& r) {
            result = r;
        };

        store.readPassword(QStringLiteral("k"), &context, capture);
        QVERIFY2(!result, "answers arrive from the event loop, never synchronously");
        QTRY_VERIFY(result);
        QVERIFY(result->status == PasswordStatus::NotFound);

        result.reset();
        store.writePassword(QStringLiteral("k"), QStringLiteral("sécret ✓"), &context, capture);
        QTRY_VERIFY(result);
        QVERIFY(result->status == PasswordStatus::Ok);

        result.reset();
        store.readPassword(QStringLiteral("k"), &context, capture);
        QTRY_VERIFY(result);
        QCOMPARE(result->password, QStringLiteral("sécret ✓"));

        result.reset();
        store.deletePassword(QStringLiteral("k"), &context, capture);
        QTRY_VERIFY(result);
        QVERIFY(result->status == PasswordStatus::Ok);

        result.reset();
        store.readPassword(QStringLiteral("k"), &context, capture);
        QTRY_VERIFY(result);
        QVERIFY(result->status == PasswordStatus::NotFound);
    }

    void callbackIsDroppedWhenContextDies()
    {
        MemoryPasswordStore store;
        bool called = false;
        {
            QObject context;
            store.readPassword(QStringLiteral("k"), &context, [&](const PasswordResult&) { called = true; });
        }
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestMemoryPasswordStore)
#include "TestMemoryPasswordStore.moc"
