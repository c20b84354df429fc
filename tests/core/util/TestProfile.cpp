#include "util/Profile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

class TestProfile : public QObject
{
    Q_OBJECT
private slots:
    void explicitFolderHoldsTheDatabase()
    {
        QTemporaryDir temp;
        const Profile profile = Profile::atDirectory(temp.filePath(QStringLiteral("a/b/../c")));
        QCOMPARE(profile.directory(), temp.filePath(QStringLiteral("a/c")));
        QCOMPARE(profile.databasePath(), temp.filePath(QStringLiteral("a/c/journal.sqlite")));
        QString error;
        QVERIFY2(profile.ensureExists(&error), qPrintable(error));
        QVERIFY(QDir(profile.directory()).exists());
    }

    void theFolderIsForItsOwnerOnly()
    {
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("profile"));
        QVERIFY(QDir().mkpath(path));
        QFile(path).setPermissions(QFile(path).permissions() | QFileDevice::ReadOther |
                                   QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
        QString error;
        QVERIFY2(Profile::atDirectory(path).ensureExists(&error), qPrintable(error));
        QCOMPARE(QFile(path).permissions() &
                     ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QString fresh = temp.filePath(QStringLiteral("new/profile"));
        QVERIFY2(Profile::atDirectory(fresh).ensureExists(&error), qPrintable(error));
        QCOMPARE(QFile(fresh).permissions() &
                     ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void relativeFolderIsMadeAbsolute()
    {
        const Profile profile = Profile::atDirectory(QStringLiteral("some-profile"));
        QVERIFY(QDir::isAbsolutePath(profile.directory()));
        QVERIFY(profile.directory().endsWith(QStringLiteral("/some-profile")));
    }

    void aFileInTheWayIsReported()
    {
        QTemporaryDir temp;
        const QString path = temp.filePath(QStringLiteral("occupied"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString error;
        QVERIFY(!Profile::atDirectory(path).ensureExists(&error));
        QVERIFY2(error.contains(QStringLiteral("not a folder")), qPrintable(error));
    }

    void standardProfileUsesAppData()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("inkwell"));
        const Profile profile = Profile::standard();
        QCOMPARE(profile.directory(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        QVERIFY(!profile.directory().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "TestProfile.moc"
