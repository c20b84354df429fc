#include "TestProfile.h"
#include "TestServer.h"
#include "account/AccountStore.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/OutboxService.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// The service that sends outboxes: passwords from the store, retries while the server is down.
class TestOutboxService : public QObject
{
    Q_OBJECT
private:
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    MemoryPasswordStore m_passwords;
    Account m_account;

    OutboxItem post(const QString& subject) const
    {
        OutboxItem item;
        item.account = m_account.name;
        item.journal = QStringLiteral("alice");
        item.entry.subject = subject;
        item.entry.body = QStringLiteral("body");
        item.entry.eventtime = QStringLiteral("2026-11-23 12:00:00");
        return item;
    }

    Profile profile() const { return Profile::atDirectory(m_dir.path()); }

    int entriesOnServer()
    {
        return int(m_server.control("GET", QStringLiteral("entries?journal=alice"))
                       .value(QStringLiteral("entries"))
                       .toArray()
                       .size());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}),
                 qPrintable(m_server.errorString()));
    }

    void init()
    {
        m_server.control("POST", QStringLiteral("reset"));
        QFile::remove(profile().databasePath());
        m_db = std::make_unique<Database>(profile().databasePath());
        QVERIFY(m_db->open());
        m_account = {};
        m_account.name = QStringLiteral("mine");
        m_account.serverUrl = m_server.baseUrl();
        m_account.username = QStringLiteral("alice");
        QString error;
        QVERIFY2(AccountStore(*m_db).add(m_account, &error), qPrintable(error));
    }

    void cleanup() { m_db.reset(); }

    void withoutAPasswordTheUserIsTold()
    {
        MemoryPasswordStore empty;
        const auto services = ProfileServices::open(profile(), empty, nullptr);
        OutboxService& service = services->outboxService();
        const qint64 id = service.outbox().enqueue(post(QStringLiteral("no password yet")));
        QSignalSpy told(&service, &OutboxService::problem);
        service.send(m_account.name);
        QTRY_COMPARE(told.count(), 1);
        QVERIFY(told.first().at(1).toString().contains(QStringLiteral("No password")));
        QCOMPARE(toString(service.outbox().item(id)->state), toString(OutboxState::Waiting));
        QVERIFY(!service.isSending(m_account.name));
        QCOMPARE(entriesOnServer(), 0);
    }

    void waitingItemsAreRetriedUntilTheServerIsBack()
    {
        QVERIFY(TestProfile::storePassword(m_passwords, m_account, QStringLiteral("pw")));
        const auto services = ProfileServices::open(profile(), m_passwords, nullptr);
        OutboxService& service = services->outboxService();
        service.setRetryDelays(50, 200);
        QSignalSpy finished(&service, &OutboxService::finished);
        service.outbox().enqueue(post(QStringLiteral("one")));
        service.outbox().enqueue(post(QStringLiteral("two")));
        // The server fails the first requests (every retry of the client included), then recovers.
        m_server.control(
            "POST", QStringLiteral("faults"),
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("http500")}, {QStringLiteral("count"), 8}});
        service.sendAll();
        // Nothing more is asked of the service: its own retries send both, once each.
        QTRY_COMPARE_WITH_TIMEOUT(service.outbox().count(), 0, 60000);
        QVERIFY(finished.count() >= 2); // at least one run stopped by the errors, then one that sent
        QCOMPARE(entriesOnServer(), 2);
        const auto last = finished.last().at(1).value<OutboxReport>();
        QCOMPARE(last.waiting, 0);
        QVERIFY(!service.isSending(m_account.name));
    }

    void publicPostsArePingedOncePerJournal()
    {
        QVERIFY(TestProfile::storePassword(m_passwords, m_account, QStringLiteral("pw")));
        const auto services = ProfileServices::open(profile(), m_passwords, nullptr);
        OutboxService& service = services->outboxService();
        QUrl endpoint = m_server.baseUrl();
        endpoint.setPath(QStringLiteral("/RPC2"));
        service.setPingServer(endpoint);
        QSignalSpy pinged(&service, &OutboxService::pinged);
        service.outbox().enqueue(post(QStringLiteral("public one")));
        service.outbox().enqueue(post(QStringLiteral("public two")));
        OutboxItem hidden = post(QStringLiteral("private"));
        hidden.entry.security = Security::Private;
        service.outbox().enqueue(hidden);
        OutboxItem backdated = post(QStringLiteral("backdated"));
        backdated.entry.props.insert(QStringLiteral("opt_backdated"), QStringLiteral("1"));
        service.outbox().enqueue(backdated);
        service.send(m_account.name);
        QTRY_COMPARE_WITH_TIMEOUT(pinged.count(), 1, 30000);
        QVERIFY2(pinged.first().at(1).toBool(), qPrintable(pinged.first().at(2).toString()));
        QCOMPARE(service.outbox().count(), 0);
        const QJsonArray pings =
            m_server.control("GET", QStringLiteral("pings")).value(QStringLiteral("pings")).toArray();
        QCOMPARE(pings.size(), 1);
        const QString journalUrl = pings.at(0).toObject().value(QStringLiteral("url")).toString();
        const QString entryUrl = m_server.control("GET", QStringLiteral("entries?journal=alice"))
                                     .value(QStringLiteral("entries"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QStringLiteral("url"))
                                     .toString();
        QVERIFY2(entryUrl.startsWith(journalUrl) && journalUrl.endsWith(u'/'),
                 qPrintable(journalUrl + u' ' + entryUrl));
        QVERIFY(pings.at(0)
                    .toObject()
                    .value(QStringLiteral("name"))
                    .toString()
                    .startsWith(QStringLiteral("alice @ ")));
    }
};

QTEST_GUILESS_MAIN(TestOutboxService)
#include "TestOutboxService.moc"
