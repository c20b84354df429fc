// ProfileServices, the composition root both programs build: it opens the profile or says why not,
// its services share one set of stores and clients, a sync sends the outbox first (on the sync's
// thread, with one session for both) while the outbox service holds off, and closing ends what is
// left open on the server.

#include "TestProfile.h"
#include "TestServer.h"
#include "account/AccountClients.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/OutboxService.h"
#include "sync/SyncCoordinator.h"

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

class TestProfileServices : public QObject
{
    Q_OBJECT
private:
    MemoryPasswordStore m_passwords;

    static OutboxItem post(const QString& subject)
    {
        OutboxItem item;
        item.account = QStringLiteral("acct");
        item.journal = QStringLiteral("alice");
        item.entry.subject = subject;
        item.entry.body = QStringLiteral("Written offline.");
        item.entry.eventtime = QStringLiteral("2026-12-01 10:00:00");
        return item;
    }

    static SyncReport syncAndWait(ProfileServices& services)
    {
        QSignalSpy finished(&services.sync(), &SyncCoordinator::finished);
        services.sync().sync(QStringLiteral("acct"));
        if (!finished.wait(60000) && finished.isEmpty())
            return {};
        return finished.first().at(1).value<SyncReport>();
    }

private slots:
    void aProfileThatCannotOpenSaysWhy()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("journal.sqlite"))); // a folder where the file goes
        QString error;
        QVERIFY(!ProfileServices::open(Profile::atDirectory(dir.path()), m_passwords, &error));
        QVERIFY(!error.isEmpty());
    }

    void theServicesShareTheProfilesStores()
    {
        QTemporaryDir dir;
        const auto services = ProfileServices::open(Profile::atDirectory(dir.path()), m_passwords, nullptr);
        QVERIFY(services);
        QCOMPARE(services->database().path(), Profile::atDirectory(dir.path()).databasePath());
        QCOMPARE(&services->outboxService().outbox(), &services->outbox());
        QCOMPARE(&services->clients().passwords(), static_cast<PasswordStore*>(&m_passwords));
    }

    void thePingServerIsKeptInTheProfile()
    {
        QTemporaryDir dir;
        const QUrl endpoint(QStringLiteral("http://rpc.example.org/RPC2"));
        {
            const auto services =
                ProfileServices::open(Profile::atDirectory(dir.path()), m_passwords, nullptr);
            QVERIFY(services);
            QVERIFY(services->pingServer().isEmpty());
            services->setPingServer(endpoint);
            QCOMPARE(services->outboxService().pingServer(), endpoint);
        }
        const auto reopened = ProfileServices::open(Profile::atDirectory(dir.path()), m_passwords, nullptr);
        QVERIFY(reopened);
        QCOMPARE(reopened->pingServer(), endpoint);
        QCOMPARE(reopened->outboxService().pingServer(), endpoint);
    }

    // The sync sends the outbox itself, first, on its worker's client; the outbox service reports
    // it as its own run, and a send asked for meanwhile waits for the sync, so nothing goes twice.
    void aSyncSendsTheOutboxFirstAndTheOutboxServiceWaits()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                               QStringLiteral("alice:pw"), QStringLiteral("--seed"), QStringLiteral("20")}),
                 qPrintable(server.errorString()));
        TestProfile profile;
        QVERIFY(profile.addAccount(QStringLiteral("acct"), QStringLiteral("alice"), server.baseUrl()));
        const auto& services = profile.services;
        QVERIFY(services->outbox().enqueue(post(QStringLiteral("first"))) != 0);
        OutboxService& outbox = services->outboxService();
        QSignalSpy sent(&outbox, &OutboxService::finished);

        QSignalSpy finished(&services->sync(), &SyncCoordinator::finished);
        services->sync().sync(QStringLiteral("acct"));
        QVERIFY(outbox.isSending(QStringLiteral("acct"))); // held by the sync
        outbox.send(QStringLiteral("acct"));               // waits for it
        QVERIFY(finished.wait(60000));
        const SyncReport report = finished.first().at(1).value<SyncReport>();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added + report.updated, 21);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.first().at(1).value<OutboxReport>().sent.size(), 1);
        QCOMPARE(services->outbox().count(), 0);
        // The send asked for during the sync runs after it, and finds nothing left to send.
        QTRY_COMPARE(sent.count(), 2);
        QVERIFY(!outbox.isSending(QStringLiteral("acct")));
        QCOMPARE(server.requestCount(QStringLiteral("postevent")), 1);
        // One session for the outbox and the mirror.
        QCOMPARE(server.requestCount(QStringLiteral("sessiongenerate")), 1);
    }

    void closingEndsTheSessionsLeftOpen()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}),
                 qPrintable(server.errorString()));
        TestProfile profile;
        QVERIFY(profile.addAccount(QStringLiteral("acct"), QStringLiteral("alice"), server.baseUrl(),
                                   AuthMethod::Cookie));
        auto& services = profile.services;
        // A call on the account's client opens a session (cookie authentication) and leaves it.
        std::shared_ptr<LjClient> client;
        services->clients().clientFor(
            QStringLiteral("acct"), {}, this, [&](std::shared_ptr<LjClient> c) { client = std::move(c); },
            [](const QString& message) { QFAIL(qPrintable(message)); });
        QTRY_VERIFY(client);
        bool answered = false;
        client->call(QStringLiteral("getfriendgroups"), ProtocolValue::emptyMap(), this,
                     [&](ProtocolCall&) { answered = true; });
        QTRY_VERIFY(answered);
        client.reset();
        QCOMPARE(server.liveSessions(), 1);

        bool closed = false;
        services->close(this, [&] { closed = true; });
        QTRY_VERIFY(closed);
        QCOMPARE(server.liveSessions(), 0);
        services.reset();
    }
};

QTEST_GUILESS_MAIN(TestProfileServices)
#include "TestProfileServices.moc"
