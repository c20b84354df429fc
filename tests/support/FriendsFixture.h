#pragma once

#include "TestProfile.h"
#include "TestServer.h"
#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "account/MemoryPasswordStore.h"
#include "friends/FriendRequests.h"
#include "friends/FriendsService.h"
#include "protocol/LjClient.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

// A profile with account "test" = alice on a local server of the given flavour and interface, with
// bob, carol and dave, and a community alice maintains; the password sits in a memory store.
class FriendsFixture
{
public:
    bool start(const QString& flavor, Inkwell::Interface interface, const QStringList& extraArgs = {})
    {
        m_flavor = flavor;
        m_interface = interface;
        QStringList args{QStringLiteral("--flavor"), flavor};
        for (const char* user : {"alice:pw", "bob:pw", "carol:pw", "dave:pw"})
            args << QStringLiteral("--user") << QString::fromLatin1(user);
        args << QStringLiteral("--community") << QStringLiteral("makers:alice") << extraArgs;
        if (!server.start(args)) {
            qWarning() << server.errorString();
            return false;
        }
        database = std::make_unique<Inkwell::Database>(dir.filePath(QStringLiteral("journal.sqlite")));
        if (!database->open())
            return false;
        QString error;
        if (!Inkwell::AccountStore(*database).add(account(server.baseUrl()), &error)) {
            qWarning() << error;
            return false;
        }
        // The service with its store and the account's clients, as ProfileServices builds them.
        clients = std::make_unique<Inkwell::AccountClients>(*database, passwords);
        friendsStore = std::make_unique<Inkwell::FriendsStore>(database->connection());
        service = std::make_unique<Inkwell::FriendsService>(*database, *friendsStore, *clients);
        if (!TestProfile::storePassword(passwords, account(server.baseUrl()), QStringLiteral("pw")))
            return false;
        clients->setRetryPolicy(Inkwell::RetryPolicy::none());
        service->setRetryDelays(3600000, 3600000); // no retry fires inside a test
        service->setAutoSend(false);
        return true;
    }

    Inkwell::Account account(const QUrl& url) const
    {
        Inkwell::Account a;
        a.name = QStringLiteral("test");
        a.serverUrl = url;
        a.username = QStringLiteral("alice");
        a.interface = m_interface;
        if (m_interface == Inkwell::Interface::Blogger)
            a.authMethod = Inkwell::AuthMethod::Clear; // the only one it takes
        return a;
    }

    // Points the account at a port where nobody listens (offline) or back at the server.
    void setOnline(bool online)
    {
        QUrl url = server.baseUrl();
        if (!online) {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost);
            url.setPort(probe.serverPort());
        }
        // The keychain key names the server, port included.
        QVERIFY(TestProfile::storePassword(passwords, account(url), QStringLiteral("pw")));
        QString error;
        QVERIFY2(Inkwell::AccountStore(*database).update(QStringLiteral("test"), account(url), &error),
                 qPrintable(error));
    }

    Inkwell::FriendsSyncReport sync()
    {
        std::optional<Inkwell::FriendsSyncReport> report;
        auto connection =
            QObject::connect(service.get(), &Inkwell::FriendsService::syncFinished,
                             [&](const QString&, const Inkwell::FriendsSyncReport& r) { report = r; });
        auto problem = QObject::connect(service.get(), &Inkwell::FriendsService::problem,
                                        [&](const QString&, const QString& message) {
                                            report = Inkwell::FriendsSyncReport{};
                                            report->message = message;
                                        });
        service->sync(QStringLiteral("test"));
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 30000);
        }();
        QObject::disconnect(connection);
        QObject::disconnect(problem);
        return report.value_or(Inkwell::FriendsSyncReport{});
    }

    // A call made by another client (another user, or alice elsewhere), waited for.
    Inkwell::ProtocolValue direct(const QString& mode, const Inkwell::ProtocolValue& request,
                                  const QString& user = QStringLiteral("alice"))
    {
        Inkwell::Account a = account(server.baseUrl());
        a.username = user;
        Inkwell::LjClient client(a);
        client.setPassword(QStringLiteral("pw"));
        client.setRetryPolicy(Inkwell::RetryPolicy::none());
        Inkwell::ProtocolValue reply;
        bool done = false;
        client.call(mode, request, &client, [&](Inkwell::ProtocolCall& call) {
            if (!call.succeeded())
                qWarning() << mode << call.error().toString();
            reply = call.reply();
            done = true;
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        }();
        return reply;
    }

    Inkwell::Flavor flavor() const
    {
        return m_flavor == QLatin1String("dw") ? Inkwell::Flavor::Dreamwidth : Inkwell::Flavor::LiveJournal;
    }

    // What the server holds for alice now, read with the flavour's own modes.
    Inkwell::FriendsSnapshot serverSnapshot()
    {
        const Inkwell::ModeRequest request = Inkwell::fetchRequest(flavor());
        return Inkwell::snapshotFromReply(direct(request.mode, request.request), flavor());
    }

    void relation(const QString& user, const QString& target, int trust, int watch, qint64 groupmask = 1,
                  const QString& fg = QStringLiteral("#000000"),
                  const QString& bg = QStringLiteral("#ffffff"))
    {
        server.control("POST", QStringLiteral("relations"),
                       QJsonObject{{QStringLiteral("user"), user},
                                   {QStringLiteral("target"), target},
                                   {QStringLiteral("trust"), trust},
                                   {QStringLiteral("watch"), watch},
                                   {QStringLiteral("groupmask"), groupmask},
                                   {QStringLiteral("fg"), fg},
                                   {QStringLiteral("bg"), bg}});
    }

    void fault(const QString& kind, const QString& mode, int count = 1)
    {
        server.control("POST", QStringLiteral("faults"),
                       QJsonObject{{QStringLiteral("kind"), kind},
                                   {QStringLiteral("mode"), mode},
                                   {QStringLiteral("count"), count}});
    }

    Inkwell::FriendsStore& store() { return service->store(); }

    TestServer server;
    QTemporaryDir dir;
    std::unique_ptr<Inkwell::Database> database;
    Inkwell::MemoryPasswordStore passwords;
    std::unique_ptr<Inkwell::AccountClients> clients;
    std::unique_ptr<Inkwell::FriendsStore> friendsStore;
    std::unique_ptr<Inkwell::FriendsService> service;

private:
    QString m_flavor;
    Inkwell::Interface m_interface = Inkwell::Interface::Flat;
};

// The four ways to talk to the server, as QTest data rows.
inline void addInterfaceRows()
{
    QTest::addColumn<QString>("flavor");
    QTest::addColumn<int>("interface");
    QTest::newRow("lj-flat") << QStringLiteral("lj") << int(Inkwell::Interface::Flat);
    QTest::newRow("lj-xmlrpc") << QStringLiteral("lj") << int(Inkwell::Interface::XmlRpc);
    QTest::newRow("dw-flat") << QStringLiteral("dw") << int(Inkwell::Interface::Flat);
    QTest::newRow("dw-xmlrpc") << QStringLiteral("dw") << int(Inkwell::Interface::XmlRpc);
}
