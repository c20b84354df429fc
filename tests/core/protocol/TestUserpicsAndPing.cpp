#include "TestServer.h"
#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"
#include "protocol/Userpics.h"
#include "protocol/WeblogPinger.h"

#include <QJsonArray>
#include <QTest>
#include <QtEndian>

using namespace Inkwell;

namespace {

QByteArray gif(int width, int height, qsizetype padTo = 0)
{
    QByteArray data("GIF89a");
    data.append(char(width & 0xff))
        .append(char(width >> 8))
        .append(char(height & 0xff))
        .append(char(height >> 8));
    data.append(QByteArray::fromHex("800000000000ffffff2c00000000010001000002024401003b"));
    if (padTo > data.size())
        data.append(QByteArray(padTo - data.size(), '\0'));
    return data;
}

QByteArray png(quint32 width, quint32 height)
{
    QByteArray data("\x89PNG\r\n\x1a\n", 8);
    data.append(QByteArray::fromHex("0000000d49484452"));
    char size[8];
    qToBigEndian(width, size);
    qToBigEndian(height, size + 4);
    data.append(size, 8);
    data.append(QByteArray::fromHex("0802000000"));
    return data;
}

Account account(const TestServer& server, Interface interface)
{
    Account a;
    a.name = QStringLiteral("test");
    a.serverUrl = server.baseUrl();
    a.username = QStringLiteral("alice");
    a.interface = interface;
    return a;
}

// A finished call's outcome (the call itself is deleted by the client once it has finished).
struct Outcome
{
    bool done = false;
    bool succeeded = false;
    ProtocolValue reply;
    ProtocolError error;
};

Outcome run(LjClient& client, const QString& mode, const ProtocolValue& request)
{
    Outcome outcome;
    client.call(mode, request, &client, [&outcome](ProtocolCall& call) {
        outcome.done = true;
        outcome.succeeded = call.succeeded();
        outcome.reply = call.reply();
        outcome.error = call.error();
    });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 30000);
    }();
    return outcome;
}

} // namespace

// Userpic upload (with the seed's limits checked before sending) and the Weblogs.com ping.
class TestUserpicsAndPing : public QObject
{
    Q_OBJECT
private slots:
    void picturesAreCheckedBeforeSending()
    {
        QCOMPARE(userpicImageSize(gif(48, 32)), QSize(48, 32));
        QCOMPARE(userpicImageSize(png(100, 100)), QSize(100, 100));
        QVERIFY(!userpicImageSize(QByteArray("not an image")).isValid());
        QVERIFY(userpicProblem(gif(100, 100)).isEmpty());
        QVERIFY(userpicProblem(gif(100, 100, maxUserpicBytes)).isEmpty()); // exactly 40 KB is fine
        const QString tooBig = userpicProblem(gif(100, 100, maxUserpicBytes + 1));
        QVERIFY2(tooBig.contains(QStringLiteral("at most 40 KB")), qPrintable(tooBig));
        QVERIFY(userpicProblem(gif(101, 50)).contains(QStringLiteral("100x100")));
        QVERIFY(userpicProblem(QByteArray("BM....")).contains(QStringLiteral("GIF, PNG or JPEG")));
        QVERIFY(!userpicProblem({}).isEmpty());

        const ProtocolValue request =
            uploadPicRequest(gif(1, 1), {QStringLiteral(" sea, side "), QString()}, true);
        QCOMPARE(request.member(u"keywords").toText(), QStringLiteral("sea side"));
        QCOMPARE(QByteArray::fromBase64(request.member(u"data").toText().toLatin1()), gif(1, 1));
        QCOMPARE(request.member(u"default").toText(), QStringLiteral("1"));
    }

    void uploadedPicturesBecomeLoginKeywords_data()
    {
        QTest::addColumn<Interface>("interface");
        QTest::newRow("flat account") << Interface::Flat;
        QTest::newRow("xmlrpc account (uploadpic is flat only)") << Interface::XmlRpc;
    }

    void uploadedPicturesBecomeLoginKeywords()
    {
        QFETCH(Interface, interface);
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        LjClient client(account(server, interface));
        client.setPassword(QStringLiteral("pw"));
        const Outcome upload = run(client, QStringLiteral("uploadpic"),
                                   uploadPicRequest(gif(64, 48), {QStringLiteral("at the sea")}, true));
        QVERIFY2(upload.succeeded, qPrintable(upload.error.toString()));
        const UploadedUserpic pic = uploadedUserpicFromReply(upload.reply);
        QVERIFY(pic.picid > 0);
        QCOMPARE(pic.size, QSize(64, 48));
        QCOMPARE(server.requestCount(QStringLiteral("uploadpic")), 1);

        const Outcome login = run(client, QStringLiteral("login"), loginRequest({}));
        QVERIFY(login.succeeded);
        QVERIFY(loginInfoFromReply(login.reply).pictureKeywords.contains(QStringLiteral("at the sea")));

        // The server's own limit says the same as the check above.
        const Outcome tooBig = run(client, QStringLiteral("uploadpic"),
                                   uploadPicRequest(gif(10, 10, maxUserpicBytes + 1), {}, false));
        QVERIFY(!tooBig.succeeded);
        QCOMPARE(tooBig.error.code(), 409);
    }

    void aPingReachesThePingServer()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        WeblogPinger pinger;
        std::optional<PingResult> result;
        QUrl endpoint = server.baseUrl();
        endpoint.setPath(QStringLiteral("/RPC2"));
        pinger.ping(endpoint, QStringLiteral("Alice's ✓ journal @ Test"),
                    QUrl(QStringLiteral("http://alice.example.org/")), this,
                    [&](const PingResult& r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY2(result->ok, qPrintable(result->message));
        QCOMPARE(result->message, QStringLiteral("Thanks for the ping."));
        const QJsonArray pings =
            server.control("GET", QStringLiteral("pings")).value(QStringLiteral("pings")).toArray();
        QCOMPARE(pings.size(), 1);
        QCOMPARE(pings.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Alice's ✓ journal @ Test"));
        QCOMPARE(pings.at(0).toObject().value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://alice.example.org/"));
    }

    void aFailedPingSaysWhy()
    {
        WeblogPinger pinger;
        std::optional<PingResult> result;
        pinger.ping(QUrl(QStringLiteral("http://127.0.0.1:1/RPC2")), QStringLiteral("x"),
                    QUrl(QStringLiteral("http://x/")), this, [&](const PingResult& r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY(!result->ok);
        QVERIFY(!result->message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUserpicsAndPing)
#include "TestUserpicsAndPing.moc"
