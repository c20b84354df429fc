#include "ModelTesting.h"
#include "ScriptedDialogs.h"
#include "TestProfile.h"
#include "TestServer.h"
#include "app/ProfileServices.h"
#include "mainwindow/MainWindow.h"
#include "store/Outbox.h"
#include "sync/SyncCoordinator.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>

using namespace Inkwell;

// The main window against the local server in its Dreamwidth flavour (cookies on every reply, idle
// connections closed after a second): what its syncs and the outbox open on the server is ended by
// the time the window is gone, the way a user quits, whether a sync had finished or not.
class TestWindowSessions : public QObject
{
    Q_OBJECT
private:
    static SyncReport syncAndWait(MainWindow& window)
    {
        QSignalSpy finished(window.syncCoordinator(), &SyncCoordinator::finished);
        window.findChild<QAction*>(QStringLiteral("actionSync"))->trigger();
        if (!finished.wait(60000) && finished.isEmpty())
            return {};
        return finished.first().at(1).value<SyncReport>();
    }

private slots:
    void quittingEndsWhatTheSessionsOpened_data()
    {
        QTest::addColumn<AuthMethod>("auth");
        QTest::newRow("challenge, then a session (default)") << AuthMethod::Challenge;
        QTest::newRow("cookie") << AuthMethod::Cookie;
    }

    void quittingEndsWhatTheSessionsOpened()
    {
        QFETCH(AuthMethod, auth);
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                               QStringLiteral("alice:pw"), QStringLiteral("--seed"), QStringLiteral("150")}),
                 qPrintable(server.errorString()));
        TestProfile profile;
        QVERIFY(profile.addAccount(QStringLiteral("acct"), QStringLiteral("alice"), server.baseUrl(), auth));
        ScriptedDialogs dialogs;
        // Something written offline, which the sync sends first.
        OutboxItem item;
        item.account = QStringLiteral("acct");
        item.journal = QStringLiteral("alice");
        item.entry.subject = QStringLiteral("From the outbox");
        item.entry.body = QStringLiteral("Written while offline.");
        item.entry.eventtime = QStringLiteral("2026-12-01 10:00:00");
        QVERIFY(profile.services->outbox().enqueue(item) != 0);

        auto window = std::make_unique<MainWindow>(*profile.services, dialogs);
        testModelsUnder(*window);
        window->show();
        const SyncReport first = syncAndWait(*window);
        QVERIFY2(first.succeeded(), qPrintable(first.errorText));
        QCOMPARE(first.added + first.updated, 151);
        QCOMPARE(server.requestCount(QStringLiteral("postevent")), 1);
        QCOMPARE(profile.services->outbox().count(), 0);
        // The sync's session serves the next sync while the window is open...
        const SyncReport second = syncAndWait(*window);
        QVERIFY2(second.succeeded(), qPrintable(second.errorText));
        if (auth == AuthMethod::Challenge)
            QCOMPARE(server.requestCount(QStringLiteral("sessiongenerate")), 1);
        QCOMPARE(server.liveSessions(), 1);

        // ...and ends with it.
        window->findChild<QAction*>(QStringLiteral("actionQuit"))->trigger();
        window.reset();
        QVERIFY(profile.close());
        QCOMPARE(server.liveSessions(), 0);
    }

    void quittingInTheMiddleOfASyncEndsItsSessionToo()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                               QStringLiteral("alice:pw"), QStringLiteral("--seed"), QStringLiteral("900")}),
                 qPrintable(server.errorString()));
        TestProfile profile;
        QVERIFY(profile.addAccount(QStringLiteral("acct"), QStringLiteral("alice"), server.baseUrl()));
        ScriptedDialogs dialogs;
        // Slow fetches, so that the window goes while the sync is on its way.
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("delay")},
                        {QStringLiteral("mode"), QStringLiteral("getevents")},
                        {QStringLiteral("count"), 20},
                        {QStringLiteral("ms"), 300}});
        auto window = std::make_unique<MainWindow>(*profile.services, dialogs);
        testModelsUnder(*window);
        window->show();
        window->findChild<QAction*>(QStringLiteral("actionSync"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(server.requestCount(QStringLiteral("getevents")) >= 2, 30000);
        QCOMPARE(server.liveSessions(), 1);
        window.reset();
        QVERIFY(profile.close());
        QCOMPARE(server.liveSessions(), 0);
        QCOMPARE(server.requestCount(QStringLiteral("sessionexpire")), 1);
    }
};

QTEST_MAIN(TestWindowSessions)
#include "TestWindowSessions.moc"
