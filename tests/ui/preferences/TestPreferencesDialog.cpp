#include "account/AccountStore.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "friends/NewPostsWatcher.h"
#include "preferences/DesktopSettings.h"
#include "preferences/PreferencesDialog.h"
#include "sync/SyncScheduler.h"
#include "util/Profile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// Preferences: what the dialog shows is what the profile holds; OK applies it at once to the
// services (no restart) and keeps it for the next start; a value that cannot be used is refused.
class TestPreferencesDialog : public QObject
{
    Q_OBJECT
    MemoryPasswordStore m_passwords;

private slots:
    void settingsTakeEffectAtOnceAndAreKept()
    {
        QTemporaryDir temp;
        {
            const auto services =
                ProfileServices::open(Profile::atDirectory(temp.path()), m_passwords, nullptr);
            QVERIFY(services);
            DesktopSettings settings(services->profile().settingsPath());
            PreferencesDialog dialog(*services, settings);
            QCOMPARE(dialog.syncIntervalBox()->currentData().toInt(), 15); // the defaults
            QVERIFY(dialog.newPostsBox()->isChecked());
            QVERIFY(dialog.pingServerEdit()->text().isEmpty());

            dialog.syncIntervalBox()->setCurrentIndex(dialog.syncIntervalBox()->findData(60));
            dialog.newPostsBox()->setChecked(false);
            dialog.pingServerEdit()->setText(QStringLiteral("https://rpc.example.org/RPC2"));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(services->scheduler().interval().count(), 60);
            QVERIFY(!services->newPosts().isEnabled());
            QCOMPARE(services->pingServer(), QUrl(QStringLiteral("https://rpc.example.org/RPC2")));
        }
        const auto again = ProfileServices::open(Profile::atDirectory(temp.path()), m_passwords, nullptr);
        QVERIFY(again);
        QCOMPARE(again->syncInterval().count(), 60);
        QVERIFY(!again->newPosts().isEnabled());
        DesktopSettings settings(again->profile().settingsPath());
        PreferencesDialog dialog(*again, settings);
        QCOMPARE(dialog.syncIntervalBox()->currentData().toInt(), 60);
        QVERIFY(!dialog.newPostsBox()->isChecked());
        QCOMPARE(dialog.pingServerEdit()->text(), QStringLiteral("https://rpc.example.org/RPC2"));

        // "Only when I ask", and no ping server.
        dialog.syncIntervalBox()->setCurrentIndex(dialog.syncIntervalBox()->findData(0));
        dialog.pingServerEdit()->clear();
        QVERIFY(dialog.apply());
        QCOMPARE(again->scheduler().interval().count(), 0);
        QVERIFY(again->pingServer().isEmpty());
    }

    // The desktop's own preferences: off (or the system's) by default, kept when OK is pressed;
    // the language says it applies from the next start; the spelling language is kept only once
    // the user picks one, so until then new editors take the interface's language.
    void theDesktopPreferencesAreKept()
    {
        QTemporaryDir temp;
        const auto services = ProfileServices::open(Profile::atDirectory(temp.path()), m_passwords, nullptr);
        QVERIFY(services);
        DesktopSettings settings(services->profile().settingsPath());
        {
            PreferencesDialog dialog(*services, settings);
            dialog.show();
            QVERIFY(!dialog.remoteImagesBox()->isChecked()); // never by default
            QVERIFY(!dialog.startMinimisedBox()->isChecked());
            QCOMPARE(dialog.languageBox()->currentData().toString(), QString()); // the system's
            // ctest's LC_ALL=C.UTF-8 is a language Inkwell has no translation for: English.
            QCOMPARE(dialog.languageBox()->currentText(), QStringLiteral("The system's (English)"));
            auto* note = dialog.findChild<QLabel*>(QStringLiteral("languageNote"));
            QVERIFY(note && !note->isVisible());
            dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("ru")));
            QVERIFY(note->isVisible());
            dialog.remoteImagesBox()->setChecked(true);
            dialog.startMinimisedBox()->setChecked(true);
            QVERIFY(dialog.apply());
        }
        QCOMPARE(settings.interfaceLanguage(), QStringLiteral("ru"));
        QVERIFY(settings.loadsRemoteImages());
        QVERIFY(settings.startsMinimised());
        QVERIFY(!settings.hasSpellingLanguage());

        PreferencesDialog again(*services, settings);
        QCOMPARE(again.languageBox()->currentData().toString(), QStringLiteral("ru"));
        QVERIFY(again.remoteImagesBox()->isChecked());
        QVERIFY(again.startMinimisedBox()->isChecked());
        QVERIFY2(again.spellingBox()->count() > 1, "no dictionary: build.sh installs hunspell-en-us");
        const int other = again.spellingBox()->currentIndex() == 0 ? 1 : 0;
        again.spellingBox()->setCurrentIndex(other);
        again.languageBox()->setCurrentIndex(0);
        QVERIFY(again.apply());
        QVERIFY(settings.hasSpellingLanguage());
        QCOMPARE(settings.spellingLanguage(), again.spellingBox()->itemData(other).toString());
        QCOMPARE(settings.interfaceLanguage(), QString()); // the system's again
    }

    void aPingServerOrProxyThatIsNoAddressIsRefused()
    {
        QTemporaryDir temp;
        const auto services = ProfileServices::open(Profile::atDirectory(temp.path()), m_passwords, nullptr);
        QVERIFY(services);
        DesktopSettings settings(services->profile().settingsPath());
        PreferencesDialog dialog(*services, settings);
        dialog.show();
        dialog.syncIntervalBox()->setCurrentIndex(dialog.syncIntervalBox()->findData(5));
        dialog.pingServerEdit()->setText(QStringLiteral("ftp://example.org"));
        dialog.accept();
        QVERIFY(dialog.isVisible()); // stays open, saying why
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("preferencesError"));
        QVERIFY(error && error->isVisible() && error->text().contains(QStringLiteral("http")));
        QCOMPARE(services->syncInterval().count(), 15); // nothing was applied

        // A proxy that names no proxy, the same; a good one is kept and used (TestAccountProxy).
        dialog.pingServerEdit()->clear();
        dialog.proxyEdit()->setText(QStringLiteral("proxy.example.org"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(error->isVisible() && error->text().contains(QStringLiteral("proxy")));
        QCOMPARE(services->syncInterval().count(), 15);
        QVERIFY(services->proxy().isEmpty());
        dialog.proxyEdit()->setText(QStringLiteral("socks5://127.0.0.1:1080"));
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(services->proxy(), QStringLiteral("socks5://127.0.0.1:1080"));
        QCOMPARE(services->syncInterval().count(), 5);
    }

    // Watching off: no friends page is asked about; on again, the accounts are watched again.
    void aWatcherTurnedOffWatchesNothing()
    {
        QTemporaryDir temp;
        const auto services = ProfileServices::open(Profile::atDirectory(temp.path()), m_passwords, nullptr);
        QVERIFY(services);
        Account account;
        account.name = QStringLiteral("lj");
        account.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9")); // nobody answers: no poll matters
        account.username = QStringLiteral("alice");
        QString error;
        QVERIFY2(services->accounts().add(account, &error), qPrintable(error));
        m_passwords.writePassword(account.passwordKey(), QStringLiteral("pw"), this,
                                  [](const PasswordResult&) {});
        services->newPosts().restart();
        QTRY_COMPARE(services->newPosts().watchedCount(), 1);
        services->setWatchesNewPosts(false);
        QCOMPARE(services->newPosts().watchedCount(), 0);
        QTest::qWait(100);
        QCOMPARE(services->newPosts().watchedCount(), 0);
        services->setWatchesNewPosts(true);
        QTRY_COMPARE(services->newPosts().watchedCount(), 1);
    }
};

QTEST_MAIN(TestPreferencesDialog)
#include "TestPreferencesDialog.moc"
