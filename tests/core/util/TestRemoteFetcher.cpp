#include "util/RemoteFetcher.h"

#include <QTest>

#include <memory>

using namespace Inkwell;

// The fetcher the views use for remote content: what it hands back, and where it gives up.
class TestRemoteFetcher : public QObject
{
    Q_OBJECT
private:
    static constexpr RemoteFetcher::Limits roomy{1024, 5000};

private slots:
    void handsBackTheBody()
    {
        RemoteFetcher fetcher;
        std::optional<std::optional<QByteArray>> result;
        fetcher.fetch(QUrl(QStringLiteral("data:text/plain,hello")), roomy, this,
                      [&result](const std::optional<QByteArray>& body) { result = body; });
        QTRY_VERIFY(result.has_value());
        QCOMPARE(*result, std::optional<QByteArray>(QByteArrayLiteral("hello")));
    }

    void abandonsABodyPastItsLimit()
    {
        RemoteFetcher fetcher;
        std::optional<std::optional<QByteArray>> result;
        const QUrl big(QStringLiteral("data:text/plain,") + QString(100, u'x'));
        fetcher.fetch(big, {10, 5000}, this,
                      [&result](const std::optional<QByteArray>& body) { result = body; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->has_value());
    }

    void aFailedRequestGivesNothing()
    {
        RemoteFetcher fetcher;
        std::optional<std::optional<QByteArray>> result;
        // Port 1 on the loopback: nobody listens, the connection is refused at once.
        fetcher.fetch(QUrl(QStringLiteral("http://127.0.0.1:1/picture.png")), roomy, this,
                      [&result](const std::optional<QByteArray>& body) { result = body; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->has_value());
    }

    void nothingReachesAGoneCaller()
    {
        RemoteFetcher fetcher;
        auto gone = std::make_unique<QObject>();
        bool goneCalled = false;
        bool lastCalled = false;
        fetcher.fetch(QUrl(QStringLiteral("data:text/plain,first")), roomy, gone.get(),
                      [&goneCalled](const std::optional<QByteArray>&) { goneCalled = true; });
        fetcher.fetch(QUrl(QStringLiteral("data:text/plain,second")), roomy, this,
                      [&lastCalled](const std::optional<QByteArray>&) { lastCalled = true; });
        gone.reset();
        QTRY_VERIFY(lastCalled);
        QVERIFY(!goneCalled);
    }
};

QTEST_GUILESS_MAIN(TestRemoteFetcher)
#include "TestRemoteFetcher.moc"
