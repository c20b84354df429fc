#include "FriendsFixture.h"
#include "friends/UpdatePoller.h"

#include <QSignalSpy>
#include <QTest>

using namespace Inkwell;

// checkfriends / checkforupdates: the server's interval is obeyed with a hand-moved client clock and
// the server's clock control, so nothing here waits for an interval in real time.
class TestUpdatePoller : public QObject
{
    Q_OBJECT

    struct Setup
    {
        FriendsFixture fixture;
        std::unique_ptr<LjClient> client;
        std::unique_ptr<UpdatePoller> poller;
        qint64 nowMs = 1000;
        int answered = 0;
    };

    static bool prepare(Setup& s, const QString& flavor, Interface interface, const QStringList& extra = {})
    {
        if (!s.fixture.start(
                flavor, interface,
                extra + QStringList{QStringLiteral("--clock"), QStringLiteral("2026-11-23 12:00:00")}))
            return false;
        s.fixture.relation(QStringLiteral("alice"), QStringLiteral("bob"), 1, 1);
        // Flavour left unknown, as for an account never logged in: a 504 on DW switches the mode.
        s.client = std::make_unique<LjClient>(s.fixture.account(s.fixture.server.baseUrl()));
        s.client->setPassword(QStringLiteral("pw"));
        s.client->setRetryPolicy(RetryPolicy::none());
        s.poller = std::make_unique<UpdatePoller>(*s.client, QStringLiteral("test"));
        s.poller->setClock([&s] { return s.nowMs; });
        QObject::connect(s.poller.get(), &UpdatePoller::polled, [&s] { ++s.answered; });
        QObject::connect(s.poller.get(), &UpdatePoller::pollFailed,
                         [](const QString&, const QString& message) { qWarning() << message; });
        return true;
    }

    static int checks(Setup& s)
    {
        return s.fixture.server.requestCount(QStringLiteral("checkfriends")) +
               s.fixture.server.requestCount(QStringLiteral("checkforupdates"));
    }

    static void bobPosts(Setup& s)
    {
        ProtocolValue post = ProtocolValue::emptyMap();
        post.insert(QStringLiteral("event"), QStringLiteral("news from bob"));
        post.insert(QStringLiteral("subject"), QStringLiteral("hello"));
        post.insert(QStringLiteral("year"), 2026);
        post.insert(QStringLiteral("mon"), 11);
        post.insert(QStringLiteral("day"), 23);
        post.insert(QStringLiteral("hour"), 12);
        post.insert(QStringLiteral("min"), 0);
        s.fixture.direct(QStringLiteral("postevent"), post, QStringLiteral("bob"));
    }

    static void advanceServer(Setup& s, int seconds)
    {
        s.fixture.server.control("POST", QStringLiteral("clock"),
                                 QJsonObject{{QStringLiteral("advance"), seconds}});
    }

private slots:
    void obeysTheIntervalAndReportsNewPosts_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<int>("interface");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("interval");  // what the server asks for
        QTest::addColumn<int>("effective"); // what the poller waits
        QTest::newRow("lj-flat") << QStringLiteral("lj") << int(Interface::Flat) << QStringList{} << 60 << 60;
        QTest::newRow("lj-xmlrpc") << QStringLiteral("lj") << int(Interface::XmlRpc) << QStringList{} << 60
                                   << 60;
        // DW paid-only: 600 s. A free+paid account gets 0: our floor of 60 s holds.
        QTest::newRow("dw-flat-paid")
            << QStringLiteral("dw") << int(Interface::Flat)
            << QStringList{QStringLiteral("--paid"), QStringLiteral("alice")} << 0 << 60;
        QTest::newRow("dw-xmlrpc-paid")
            << QStringLiteral("dw") << int(Interface::XmlRpc)
            << QStringList{QStringLiteral("--paid"), QStringLiteral("alice")} << 0 << 60;
    }
    void obeysTheIntervalAndReportsNewPosts()
    {
        QFETCH(QString, flavor);
        QFETCH(int, interface);
        QFETCH(QStringList, extra);
        QFETCH(int, interval);
        QFETCH(int, effective);
        Setup s;
        QVERIFY(prepare(s, flavor, Interface(interface), extra));
        QSignalSpy news(s.poller.get(), &UpdatePoller::newPostsAvailable);

        s.poller->start();
        QTRY_COMPARE(s.answered, 1);
        QCOMPARE(s.poller->serverInterval(), interval);
        QCOMPARE(s.poller->msUntilDue(), qint64(effective) * 1000);
        QVERIFY(!s.poller->lastUpdate().isEmpty());
        QCOMPARE(news.count(), 0); // the first answer never says new

        bobPosts(s);
        advanceServer(s, effective + 1); // the server's cache of the last answer runs out
        const int sent = checks(s);
        s.nowMs += effective * 1000 - 1; // a millisecond early: nothing is sent
        s.poller->pollIfDue();
        QCOMPARE(checks(s), sent);
        QCOMPARE(s.poller->msUntilDue(), qint64(1));

        s.nowMs += 1;
        s.poller->pollIfDue();
        QTRY_COMPARE(news.count(), 1);
        QCOMPARE(news.first().first().toString(), QStringLiteral("test"));
        QVERIFY(s.poller->hasNewPosts());

        // Until the user has looked, no more polls, however much time passes.
        s.nowMs += 3600 * 1000;
        const int afterNews = checks(s);
        s.poller->pollIfDue();
        QCOMPARE(checks(s), afterNews);
        s.poller->acknowledge();
        QTRY_COMPARE(s.answered, 3);
        QCOMPARE(news.count(), 1); // nothing newer since
    }

    void freeDreamwidthAccountWaitsTenHours()
    {
        Setup s;
        QVERIFY(prepare(s, QStringLiteral("dw"), Interface::Flat));
        s.poller->start();
        QTRY_COMPARE(s.answered, 1);
        QCOMPARE(s.poller->serverInterval(), 36000);
        QCOMPARE(s.poller->msUntilDue(), qint64(36000) * 1000);
        s.nowMs += 35999 * 1000;
        const int sent = checks(s);
        s.poller->pollIfDue();
        QCOMPARE(checks(s), sent);
    }
};

QTEST_GUILESS_MAIN(TestUpdatePoller)
#include "TestUpdatePoller.moc"
