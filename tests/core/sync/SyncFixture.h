#pragma once

#include "TestServer.h"
#include "account/AccountStore.h"
#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "store/SyncStateStore.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

// What the stress tests share: a profile (journal database) with the account "test" (alice) on a
// local server, a client and store for in-process syncs, and a second client standing for the
// web or another device. Waiting never blocks the event loop, so a sync in flight keeps running
// while a test waits for something else.
class SyncFixture
{
public:
    static constexpr int WaitMs = 300000;

    bool start(const QStringList& serverArgs, Inkwell::Interface interface = Inkwell::Interface::Flat)
    {
        if (!server.start(serverArgs)) {
            qWarning() << server.errorString();
            return false;
        }
        return openProfile(interface);
    }

    QString databasePath() const { return temp.filePath(QStringLiteral("journal.sqlite")); }

    bool openProfile(Inkwell::Interface interface = Inkwell::Interface::Flat)
    {
        database = std::make_unique<Inkwell::Database>(databasePath());
        if (!database->open())
            return false;
        Inkwell::AccountStore accounts(*database);
        if (!accounts.find(QStringLiteral("test"))) {
            Inkwell::Account account;
            account.name = QStringLiteral("test");
            account.serverUrl = server.baseUrl();
            account.username = QStringLiteral("alice");
            account.interface = interface;
            if (interface == Inkwell::Interface::Blogger)
                account.authMethod = Inkwell::AuthMethod::Clear;
            QString error;
            if (!accounts.add(account, &error)) {
                qWarning() << error;
                return false;
            }
        }
        store = std::make_unique<Inkwell::JournalStore>(database->connection());
        syncState = std::make_unique<Inkwell::SyncStateStore>(database->connection());
        client = newClient(QStringLiteral("alice"), interface);
        return true;
    }

    void closeProfile()
    {
        client.reset();
        syncState.reset();
        store.reset();
        database.reset();
    }

    std::unique_ptr<Inkwell::LjClient> newClient(const QString& user = QStringLiteral("alice"),
                                                 Inkwell::Interface interface = Inkwell::Interface::Flat)
    {
        Inkwell::Account account;
        account.name = QStringLiteral("test");
        account.serverUrl = server.baseUrl();
        account.username = user;
        account.interface = interface;
        if (interface == Inkwell::Interface::Blogger)
            account.authMethod = Inkwell::AuthMethod::Clear;
        auto c = std::make_unique<Inkwell::LjClient>(account);
        c->setPassword(QStringLiteral("pw"));
        c->setPreferSession(true);
        c->setRetryPolicy(
            Inkwell::RetryPolicy{{std::chrono::milliseconds(10), std::chrono::milliseconds(10)}});
        return c;
    }

    // Starts a sync of `journal` and returns at once; finished() fills `report`.
    void startSync(const QString& journal = QStringLiteral("alice"))
    {
        report.reset();
        engine = std::make_unique<Inkwell::SyncEngine>(*client, *store, QStringLiteral("test"), journal);
        QObject::connect(engine.get(), &Inkwell::SyncEngine::finished,
                         [this](const Inkwell::SyncReport& r) { report = r; });
        engine->start();
    }

    // Waits for the sync that startSync() began.
    Inkwell::SyncReport waitForSync()
    {
        if (!QTest::qWaitFor([this] { return report.has_value(); }, WaitMs))
            qWarning() << "the sync did not finish in time";
        return report.value_or(Inkwell::SyncReport{});
    }

    Inkwell::SyncReport sync(const QString& journal = QStringLiteral("alice"))
    {
        startSync(journal);
        return waitForSync();
    }

    qint64 journalId(const QString& journal = QStringLiteral("alice")) const
    {
        return store->findJournalId(QStringLiteral("test"), journal);
    }

    // A mode called by another client (the web, another device); nil on failure.
    Inkwell::ProtocolValue other(const QString& mode, const Inkwell::ProtocolValue& request)
    {
        if (!otherClient)
            otherClient = newClient();
        std::optional<Inkwell::ProtocolValue> reply;
        QObject context;
        otherClient->call(mode, request, &context, [&](Inkwell::ProtocolCall& call) {
            if (!call.succeeded())
                qWarning() << mode << call.error().toString();
            reply = call.succeeded() ? call.reply() : Inkwell::ProtocolValue{};
        });
        if (!QTest::qWaitFor([&] { return reply.has_value(); }, 30000))
            qWarning() << mode << "got no answer";
        return reply.value_or(Inkwell::ProtocolValue{});
    }

    // Queues one fault (tests/server/README.md "Faults").
    void fault(const QString& kind, const QString& mode, int skip = 0, int count = 1, int ms = 0,
               int code = 0)
    {
        QJsonObject spec{{QStringLiteral("kind"), kind},
                         {QStringLiteral("mode"), mode},
                         {QStringLiteral("skip"), skip},
                         {QStringLiteral("count"), count}};
        if (ms > 0)
            spec.insert(QStringLiteral("ms"), ms);
        if (code > 0)
            spec.insert(QStringLiteral("code"), code);
        server.control("POST", QStringLiteral("faults"), spec);
    }

    // The server's request log entries after sequence number `after`.
    QList<QJsonObject> requestsAfter(int after)
    {
        QList<QJsonObject> result;
        const QJsonArray log =
            server.control("GET", QStringLiteral("requests")).value(QStringLiteral("requests")).toArray();
        for (const QJsonValue& value : log) {
            if (value.toObject().value(QStringLiteral("seq")).toInt() > after)
                result.append(value.toObject());
        }
        return result;
    }

    int lastRequestSeq()
    {
        const QJsonArray log =
            server.control("GET", QStringLiteral("requests")).value(QStringLiteral("requests")).toArray();
        return log.isEmpty() ? 0 : log.last().toObject().value(QStringLiteral("seq")).toInt();
    }

    // Waits until the server has received a request that a `delay` fault holds (after `after`).
    bool waitForDelayedRequest(int after, const QString& mode = {}, int timeoutMs = 60000)
    {
        return QTest::qWaitFor(
            [&] {
                for (const QJsonObject& entry : requestsAfter(after)) {
                    if (entry.value(QStringLiteral("fault")).toString() == QLatin1String("delay") &&
                        (mode.isEmpty() || entry.value(QStringLiteral("mode")).toString() == mode))
                        return true;
                }
                return false;
            },
            timeoutMs);
    }

    QTemporaryDir temp;
    TestServer server;
    std::unique_ptr<Inkwell::Database> database;
    std::unique_ptr<Inkwell::JournalStore> store;
    std::unique_ptr<Inkwell::SyncStateStore> syncState;
    std::unique_ptr<Inkwell::LjClient> client;
    std::unique_ptr<Inkwell::LjClient> otherClient;
    std::unique_ptr<Inkwell::SyncEngine> engine;
    std::optional<Inkwell::SyncReport> report;
};

inline int ceilDiv(int n, int d)
{
    return (n + d - 1) / d;
}

// The request budget of a full sync of n entries (SyncEngine.h; the formula).
inline int fullSyncBudget(int n)
{
    return ceilDiv(n, 500) + ceilDiv(n, 100) + 4;
}
