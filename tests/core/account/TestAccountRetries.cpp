// The retry schedule the outbox and friends services share: a doubling delay per account, capped,
// reset by a success, and a waiting retry dropped when a try starts anyway.

#include "account/AccountRetries.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Inkwell;

class TestAccountRetries : public QObject
{
    Q_OBJECT
private slots:
    void delaysDoubleUpToTheLongestAndRestartAfterASuccess()
    {
        AccountRetries retries([](const QString&) {});
        retries.setDelays(1000, 5000);
        QCOMPARE(retries.waitingDelay(QStringLiteral("a")), 0);
        QList<int> delays;
        for (int i = 0; i < 5; ++i) {
            retries.failed(QStringLiteral("a"));
            delays.append(retries.waitingDelay(QStringLiteral("a")));
        }
        QCOMPARE(delays, (QList<int>{1000, 2000, 4000, 5000, 5000}));
        // Each account has its own schedule.
        retries.failed(QStringLiteral("b"));
        QCOMPARE(retries.waitingDelay(QStringLiteral("b")), 1000);

        retries.cancel(QStringLiteral("a"));
        QCOMPARE(retries.waitingDelay(QStringLiteral("a")), 0);
        retries.succeeded(QStringLiteral("a"));
        retries.failed(QStringLiteral("a"));
        QCOMPARE(retries.waitingDelay(QStringLiteral("a")), 1000);
    }

    void theRetryComesForItsAccountAfterTheDelay()
    {
        QStringList retried;
        AccountRetries retries([&](const QString& account) { retried.append(account); });
        retries.setDelays(30, 1000);
        QElapsedTimer timer;
        timer.start();
        retries.failed(QStringLiteral("alice"));
        QTRY_COMPARE(retried, QStringList{QStringLiteral("alice")});
        QVERIFY(timer.elapsed() >= 25);

        // Cancelled (a try started meanwhile): no retry comes.
        retries.failed(QStringLiteral("bob"));
        retries.cancel(QStringLiteral("bob"));
        QTest::qWait(150);
        QCOMPARE(retried, QStringList{QStringLiteral("alice")});
    }
};

QTEST_GUILESS_MAIN(TestAccountRetries)
#include "TestAccountRetries.moc"
