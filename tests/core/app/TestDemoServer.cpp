#include "app/DemoServer.h"
#include "journal/LoginInfo.h"
#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// The demo journal's server (issue 19, first run): found in this build's tree, listening on
// 127.0.0.1 at a port the system picked, serving the demo account, and gone with its object.
class TestDemoServer : public QObject
{
    Q_OBJECT
private slots:
    void itServesTheDemoJournalAndStopsWithItsObject()
    {
        const QString script = DemoServer::locateScript();
        QVERIFY2(script.endsWith(QStringLiteral("/tests/server/ljserver.py")), qPrintable(script));
        QTemporaryDir data;
        auto server = std::make_unique<DemoServer>(script, data.path());
        QSignalSpy ready(server.get(), &DemoServer::ready);
        QSignalSpy failed(server.get(), &DemoServer::failed);
        server->start();
        QVERIFY(ready.wait(30000));
        QCOMPARE(failed.count(), 0);
        const QUrl url = ready.first().first().toUrl();
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);

        LjClient client(DemoServer::account(url));
        client.setPassword(DemoServer::demoPassword);
        std::optional<LoginInfo> login;
        client.call(QStringLiteral("login"), loginRequest({}), this, [&](ProtocolCall& call) {
            QVERIFY2(call.succeeded(), qPrintable(call.error().toString()));
            login = loginInfoFromReply(call.reply());
        });
        QTRY_VERIFY_WITH_TIMEOUT(login.has_value(), 20000);
        QCOMPARE(login->fullName, QStringLiteral("Demo Writer"));
        QVERIFY(login->usejournals.contains(QStringLiteral("demo_comm")));

        server.reset(); // the server stops: nothing answers there any more
        bool refused = false;
        LjClient after(DemoServer::account(url));
        after.setPassword(DemoServer::demoPassword);
        after.setRetryPolicy(RetryPolicy::none());
        after.call(QStringLiteral("getchallenge"), ProtocolValue::emptyMap(), this,
                   [&](ProtocolCall& call) { refused = !call.succeeded(); });
        QTRY_VERIFY_WITH_TIMEOUT(refused, 20000);
    }

    void aMissingServerSaysSo()
    {
        QTemporaryDir data;
        DemoServer server(data.filePath(QStringLiteral("no-such/ljserver.py")), data.path());
        QSignalSpy failed(&server, &DemoServer::failed);
        server.start();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("not installed")));
    }
};

QTEST_GUILESS_MAIN(TestDemoServer)
#include "TestDemoServer.moc"
