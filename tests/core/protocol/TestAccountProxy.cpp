#include "TestServer.h"
#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"
#include "protocol/Transport.h"
#include "store/Database.h"
#include "util/Profile.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// An account's own proxy, or the profile's: parsed, kept, and really used for its requests.
class TestAccountProxy : public QObject
{
    Q_OBJECT
private:
    static bool loginWorks(const Account& account, QString* error)
    {
        LjClient client(account);
        return loginWorks(client, error);
    }

    static bool loginWorks(LjClient& client, QString* error)
    {
        client.setPassword(QStringLiteral("pw"));
        client.setRetryPolicy(RetryPolicy::none());
        bool done = false;
        bool ok = false;
        client.call(QStringLiteral("login"), loginRequest({}), &client, [&](ProtocolCall& call) {
            ok = call.succeeded();
            *error = call.error().toString();
            done = true;
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        }();
        return ok;
    }

private slots:
    void proxiesAreParsed()
    {
        const auto http = proxyFromUrl(QStringLiteral(" http://me:secret@proxy.example.org:3128 "));
        QVERIFY(http);
        QCOMPARE(http->type(), QNetworkProxy::HttpProxy);
        QCOMPARE(http->hostName(), QStringLiteral("proxy.example.org"));
        QCOMPARE(http->port(), quint16(3128));
        QCOMPARE(http->user(), QStringLiteral("me"));
        QCOMPARE(http->password(), QStringLiteral("secret"));
        QCOMPARE(proxyFromUrl(QStringLiteral("socks5://127.0.0.1:1080"))->type(), QNetworkProxy::Socks5Proxy);
        QVERIFY(!proxyFromUrl(QString()));                           // the system's settings
        QVERIFY(!proxyFromUrl(QStringLiteral("proxy.example.org"))); // no scheme, no port
        QVERIFY(!proxyFromUrl(QStringLiteral("ftp://proxy:21")));    // not a proxy kind
        QVERIFY(!proxyFromUrl(QStringLiteral("http://proxy.example.org")));
    }

    void theProxyIsKeptWithTheAccount()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("j.sqlite")));
        QVERIFY(db.open());
        Account account;
        account.name = QStringLiteral("work");
        account.serverUrl = QUrl(QStringLiteral("https://www.dreamwidth.org"));
        account.username = QStringLiteral("alice");
        account.proxy = QStringLiteral("ftp://nope");
        QString error;
        QVERIFY(!AccountStore(db).add(account, &error));
        QVERIFY2(error.contains(QStringLiteral("proxy")), qPrintable(error));
        account.proxy = QStringLiteral("http://proxy.example.org:3128");
        QVERIFY2(AccountStore(db).add(account, &error), qPrintable(error));
        QCOMPARE(AccountStore(db).find(QStringLiteral("work"))->proxy, account.proxy);
        account.proxy.clear();
        QVERIFY(AccountStore(db).update(QStringLiteral("work"), account, &error));
        QVERIFY(AccountStore(db).find(QStringLiteral("work"))->proxy.isEmpty());
    }

    void requestsGoThroughTheAccountsProxy()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        Account account;
        account.name = QStringLiteral("test");
        account.serverUrl = server.baseUrl();
        account.username = QStringLiteral("alice");
        QString error;
        QVERIFY2(loginWorks(account, &error), qPrintable(error));
        // Through a proxy that is not there, the same login cannot reach the server at all.
        account.proxy = QStringLiteral("http://127.0.0.1:1");
        QVERIFY(!loginWorks(account, &error));
        QVERIFY2(error.contains(QStringLiteral("proxy"), Qt::CaseInsensitive) ||
                     error.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(error));
        QCOMPARE(server.requestCount(QStringLiteral("login")), 1);
    }

    // Preferences' proxy: the accounts that name none go through it, one that names its own keeps
    // it; kept in the profile; a text that names no proxy is refused and changes nothing.
    void theProfilesProxyServesAccountsWithoutTheirOwn()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        QTemporaryDir dir;
        MemoryPasswordStore passwords;
        const auto services = ProfileServices::open(Profile::atDirectory(dir.path()), passwords, nullptr);
        QVERIFY(services);
        Account account;
        account.name = QStringLiteral("test");
        account.serverUrl = server.baseUrl();
        account.username = QStringLiteral("alice");
        QString error;
        QVERIFY(services->proxy().isEmpty()); // the system's settings by default
        QVERIFY(!services->setProxy(QStringLiteral("proxy.example.org")));
        QVERIFY(services->proxy().isEmpty());

        QVERIFY(services->setProxy(QStringLiteral("http://127.0.0.1:1"))); // nobody there
        QVERIFY(!loginWorks(*services->clients().clientFor(account, QStringLiteral("pw")), &error));
        QCOMPARE(server.requestCount(QStringLiteral("login")), 0);
        Account direct = account;
        direct.proxy = QStringLiteral("http://127.0.0.1:1");
        QCOMPARE(services->clients().effective(account), direct);

        // An account's own proxy wins; here, its own is the way to the server.
        QVERIFY(services->setProxy(QStringLiteral("socks5://127.0.0.1:1")));
        Account own = account;
        own.proxy = QStringLiteral("http://127.0.0.1:1");
        QCOMPARE(services->clients().effective(own).proxy, own.proxy);

        QVERIFY(services->setProxy(QString()));
        QVERIFY2(loginWorks(*services->clients().clientFor(account, QStringLiteral("pw")), &error),
                 qPrintable(error));
        QCOMPARE(server.requestCount(QStringLiteral("login")), 1);

        QVERIFY(services->setProxy(QStringLiteral("http://127.0.0.1:1")));
        const auto again = ProfileServices::open(Profile::atDirectory(dir.path()), passwords, nullptr);
        QVERIFY(again);
        QCOMPARE(again->proxy(), QStringLiteral("http://127.0.0.1:1"));
        QCOMPARE(again->clients().effective(account).proxy, QStringLiteral("http://127.0.0.1:1"));
    }
};

QTEST_GUILESS_MAIN(TestAccountProxy)
#include "TestAccountProxy.moc"
