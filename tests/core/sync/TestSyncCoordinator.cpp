// SyncCoordinator, the GUI's "Sync": outbox first, then the mirror on a worker thread. Here: the
// runner it keeps per account follows a password corrected in the keychain (and other account
// changes) instead of trying the old one for the rest of the session.

#include "MirrorCheck.h"
#include "SyncFixture.h"
#include "TestProfile.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "sync/SyncCoordinator.h"

#include <QFileInfo>
#include <QSignalSpy>

using namespace Inkwell;

class TestSyncCoordinator : public QObject
{
    Q_OBJECT
private slots:
    void aCorrectedPasswordIsUsedByTheNextSync()
    {
        SyncFixture f;
        QVERIFY(f.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                         QStringLiteral("150")}));
        const std::optional<Account> account = AccountStore(*f.database).find(QStringLiteral("test"));
        QVERIFY(account);
        MemoryPasswordStore passwords;
        const auto setPassword = [&](const QString& password) {
            QVERIFY(TestProfile::storePassword(passwords, *account, password));
        };
        const auto services = ProfileServices::open(
            Profile::atDirectory(QFileInfo(f.databasePath()).absolutePath()), passwords, nullptr);
        SyncCoordinator& coordinator = services->sync();
        QSignalSpy finished(&coordinator, &SyncCoordinator::finished);

        setPassword(QStringLiteral("typo"));
        coordinator.sync(QStringLiteral("test"));
        QVERIFY(finished.wait(SyncFixture::WaitMs));
        const SyncReport refused = finished.takeFirst().at(1).value<SyncReport>();
        QVERIFY(!refused.succeeded());
        QCOMPARE(refused.error.category(), ProtocolError::Category::Authentication);

        setPassword(QStringLiteral("pw"));
        coordinator.sync(QStringLiteral("test"));
        QVERIFY(finished.wait(SyncFixture::WaitMs));
        const SyncReport report = finished.takeFirst().at(1).value<SyncReport>();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 150);
        verifyMirrorMatchesServer(f.server, *f.store, f.journalId(), QStringLiteral("alice"));
    }

    // A community the user chose to mirror (its journal is in the mirror) is synced with the
    // account, after its own journal, in one run: one finished(), the counts of both.
    void theCommunitiesInTheMirrorAreSyncedWithTheAccount()
    {
        SyncFixture f;
        QVERIFY(f.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--seed"),
                         QStringLiteral("12"), QStringLiteral("--community"), QStringLiteral("club:alice")}));
        for (int i = 1; i <= 3; ++i)
            f.server.control("POST", QStringLiteral("entries"),
                             {{QStringLiteral("journal"), QStringLiteral("club")},
                              {QStringLiteral("poster"), QStringLiteral("alice")},
                              {QStringLiteral("subject"), QStringLiteral("club post %1").arg(i)},
                              {QStringLiteral("event"), QStringLiteral("Posted to the club.")}});
        const qint64 club = f.store->journalId(QStringLiteral("test"), QStringLiteral("club")); // chosen
        QVERIFY(club);
        MemoryPasswordStore passwords;
        QVERIFY(TestProfile::storePassword(passwords, *AccountStore(*f.database).find(QStringLiteral("test")),
                                           QStringLiteral("pw")));
        const auto services = ProfileServices::open(
            Profile::atDirectory(QFileInfo(f.databasePath()).absolutePath()), passwords, nullptr);
        QSignalSpy finished(&services->sync(), &SyncCoordinator::finished);
        services->sync().sync(QStringLiteral("test"));
        QVERIFY(finished.wait(SyncFixture::WaitMs));
        const SyncReport report = finished.takeFirst().at(1).value<SyncReport>();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, 12 + 3);
        QCOMPARE(f.store->entryCount(club), 3);
        QCOMPARE(f.store->entryCount(f.journalId()), 12);
        QVERIFY(!finished.wait(500)); // one run, one report
        verifyMirrorMatchesServer(f.server, *f.store, club, QStringLiteral("club"));
    }
};

QTEST_GUILESS_MAIN(TestSyncCoordinator)
#include "TestSyncCoordinator.moc"
