// The window syncs by itself and its status bar tells the truth at each step: syncing (with
// progress and Cancel), synced at, waiting for the network, or why the sync stopped in words with
// the details one click away. The real window over a profile on the local server.

#include "ScriptedDialogs.h"
#include "TestProfile.h"
#include "TestServer.h"
#include "mainwindow/JournalSelector.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/SyncStatusWidget.h"
#include "store/Outbox.h"
#include "sync/NetworkReachability.h"
#include "sync/SyncCoordinator.h"
#include "sync/SyncScheduler.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QToolButton>

using namespace Inkwell;

namespace {

constexpr int WaitMs = 60000;

} // namespace

class TestSyncStatus : public QObject
{
    Q_OBJECT
private:
    TestServer m_server;
    std::unique_ptr<TestProfile> m_profile;
    ScriptedDialogs m_dialogs;
    std::unique_ptr<MainWindow> m_window;

    bool openWindow(const QUrl& server)
    {
        m_profile = std::make_unique<TestProfile>();
        if (!m_profile->addAccount(QStringLiteral("test"), QStringLiteral("alice"), server))
            return false;
        m_window = std::make_unique<MainWindow>(*m_profile->services, m_dialogs);
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get());
    }

    SyncStatusWidget* status() const { return m_window->findChild<SyncStatusWidget*>(); }
    QString statusText() const { return status()->text(); }

private slots:
    void cleanup()
    {
        m_window.reset();
        if (m_profile)
            QVERIFY(m_profile->close());
        m_profile.reset();
        m_server.stop();
        m_dialogs.asked.clear();
    }

    void aFirstSyncShowsItsProgressThenWhenItEnded()
    {
        QVERIFY(m_server.start({QStringLiteral("--user"), QStringLiteral("alice:pw"),
                                QStringLiteral("--seed"), QStringLiteral("900")}));
        QVERIFY(openWindow(m_server.baseUrl()));
        QCOMPARE(statusText(), QString()); // nothing happened yet: nothing to say
        QSignalSpy finished(&m_profile->services->sync(), &SyncCoordinator::finished);
        // What the status bar says at each step of the fetch (the widget, connected first, has
        // updated itself when this runs): no polling that a fast or a slow machine could miss.
        QStringList said;
        bool barShown = false;
        connect(&m_profile->services->sync(), &SyncCoordinator::progress, this,
                [&](const QString&, SyncEngine::Phase phase, int, int total) {
                    said.append(statusText());
                    if (phase == SyncEngine::Phase::Fetching && total == 900)
                        barShown = status()->progressBar()->isVisible() &&
                                   status()->progressBar()->maximum() == 900 &&
                                   status()->cancelButton()->isVisible();
                });

        m_profile->services->scheduler().start(); // what the program does once the window shows
        QVERIFY(finished.wait(WaitMs));
        QVERIFY2(!said.isEmpty() && said.first().startsWith(QStringLiteral("Syncing test")),
                 qPrintable(said.join(u'|')));
        QVERIFY2(said.join(u'|').contains(QStringLiteral(" of 900 entries")), qPrintable(said.join(u'|')));
        QVERIFY(barShown);
        QVERIFY2(statusText().startsWith(QStringLiteral("Synced at ")), qPrintable(statusText()));
        QVERIFY(!status()->progressBar()->isVisible());
        QVERIFY(!status()->cancelButton()->isVisible());
        QCOMPARE(m_window->entryCount(), 900); // the window shows what came, unasked
    }

    void cancelStopsTheSyncAndSaysSo()
    {
        QVERIFY(m_server.start({QStringLiteral("--user"), QStringLiteral("alice:pw"),
                                QStringLiteral("--seed"), QStringLiteral("3000")}));
        QVERIFY(openWindow(m_server.baseUrl()));
        QSignalSpy finished(&m_profile->services->sync(), &SyncCoordinator::finished);
        m_profile->services->scheduler().start();
        QTRY_VERIFY_WITH_TIMEOUT(status()->cancelButton()->isVisible(), WaitMs);
        QTest::mouseClick(status()->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(WaitMs));
        QVERIFY(finished.first().at(1).value<SyncReport>().cancelled);
        QCOMPARE(statusText(), QStringLiteral("The sync of test was cancelled; what came so far is kept."));
        QVERIFY(!status()->detailsButton()->isVisible());
    }

    void offlineItSaysItWaitsForTheNetwork()
    {
        QVERIFY(m_server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        QVERIFY(openWindow(m_server.baseUrl()));
        m_profile->services->network().setOnline(false);
        m_profile->services->scheduler().start();
        QCOMPARE(statusText(), QStringLiteral("Offline: waiting for the network"));

        QSignalSpy finished(&m_profile->services->sync(), &SyncCoordinator::finished);
        m_profile->services->network().setOnline(true);
        QVERIFY(finished.wait(WaitMs));
        QVERIFY2(statusText().startsWith(QStringLiteral("Synced at ")), qPrintable(statusText()));
    }

    void aServerThatCannotBeReachedIsNamedInWordsWithDetails()
    {
        // A port nobody listens on any more.
        QVERIFY(m_server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        const QUrl gone = m_server.baseUrl();
        m_server.stop();
        QVERIFY(openWindow(gone));
        // Something written while the server is away: the status bar counts it until it is sent.
        OutboxItem post;
        post.account = QStringLiteral("test");
        post.journal = QStringLiteral("alice");
        post.entry.body = QStringLiteral("Written offline.");
        QVERIFY(m_profile->services->outbox().enqueue(post) > 0);
        m_profile->services->scheduler().start();
        QTRY_VERIFY_WITH_TIMEOUT(statusText().contains(QStringLiteral("could not be synced")), WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            statusText(),
            QStringLiteral(
                "test could not be synced: the server could not be reached. · 1 change not sent yet"),
            WaitMs);
        QVERIFY(!statusText().contains(QStringLiteral("transport")));
        QVERIFY(status()->detailsButton()->isVisible());

        QTest::mouseClick(status()->detailsButton(), Qt::LeftButton);
        QCOMPARE(m_dialogs.asked.size(), 1);
        QVERIFY2(m_dialogs.asked.first().contains(QStringLiteral("tries again")),
                 qPrintable(m_dialogs.asked.first()));
    }

    // The journal selector offers the communities the account may read (its login says which);
    // picking one mirrors it, and every later sync of the account keeps it current.
    void aCommunityPickedInTheSelectorIsMirrored()
    {
        QVERIFY(m_server.start({QStringLiteral("--user"), QStringLiteral("alice:pw"),
                                QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--community"),
                                QStringLiteral("club:alice")}));
        m_server.control("POST", QStringLiteral("entries"),
                         {{QStringLiteral("journal"), QStringLiteral("club")},
                          {QStringLiteral("poster"), QStringLiteral("alice")},
                          {QStringLiteral("subject"), QStringLiteral("Meeting on Thursday")},
                          {QStringLiteral("event"), QStringLiteral("Bring the book.")}});
        QVERIFY(openWindow(m_server.baseUrl()));
        QSignalSpy finished(&m_profile->services->sync(), &SyncCoordinator::finished);
        m_profile->services->scheduler().start(); // logs in (the communities), then syncs alice
        QVERIFY(finished.wait(WaitMs));
        JournalSelector* selector = m_window->journalSelector();
        QTRY_VERIFY(selector->findText(QStringLiteral("club (community, via test): mirror it")) >= 0);
        QCOMPARE(selector->journalCount(), 1);

        selector->setCurrentIndex(
            selector->findText(QStringLiteral("club (community, via test): mirror it")));
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(selector->journalCount(), 2);
        QCOMPARE(selector->currentJournalName(), QStringLiteral("club"));
        QTRY_COMPARE(m_window->entryCount(), 1);
        QVERIFY(selector->findText(QStringLiteral("club (community, via test): mirror it")) < 0);
    }
};

QTEST_MAIN(TestSyncStatus)
#include "TestSyncStatus.moc"
