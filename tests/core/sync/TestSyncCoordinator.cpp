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
};

QTEST_GUILESS_MAIN(TestSyncCoordinator)
#include "TestSyncCoordinator.moc"
