#include "TestProfile.h"
#include "TestServer.h"
#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "account/MemoryPasswordStore.h"
#include "account/UserpicUpload.h"
#include "store/Database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// Uploading a userpic from a file: checked before anything is sent, then uploadpic.
class TestUserpicUpload : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString writeFile(const QString& name, const QByteArray& data)
    {
        QFile file(m_dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(data);
        return file.fileName();
    }

    static QByteArray gif(int width, int height, qsizetype padTo = 0)
    {
        QByteArray data("GIF89a");
        data.append(char(width)).append(char(0)).append(char(height)).append(char(0));
        data.append(QByteArray::fromHex("800000000000ffffff2c00000000010001000002024401003b"));
        if (padTo > data.size())
            data.append(QByteArray(padTo - data.size(), '\0'));
        return data;
    }

private slots:
    void picturesAreCheckedThenUploaded()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        Database db(m_dir.filePath(QStringLiteral("j.sqlite")));
        QVERIFY(db.open());
        Account account;
        account.name = QStringLiteral("lj");
        account.serverUrl = server.baseUrl();
        account.username = QStringLiteral("alice");
        account.interface = Interface::XmlRpc; // uploadpic still goes over flat
        QString error;
        QVERIFY(AccountStore(db).add(account, &error));
        MemoryPasswordStore passwords;
        QVERIFY(TestProfile::storePassword(passwords, account, QStringLiteral("pw")));

        AccountClients clients(db, passwords);
        UserpicUpload upload(clients);
        QSignalSpy finished(&upload, &UserpicUpload::finished);
        upload.upload(QStringLiteral("lj"), writeFile(QStringLiteral("big.gif"), gif(50, 50, 41 * 1024)), {},
                      false);
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(finished.at(0).at(1).toString().contains(QStringLiteral("at most 40 KB")),
                 qPrintable(finished.at(0).at(1).toString()));
        upload.upload(QStringLiteral("lj"), writeFile(QStringLiteral("note.txt"), "just text"), {}, false);
        QTRY_COMPARE(finished.count(), 2);
        QVERIFY(!finished.at(1).at(0).toBool());
        QCOMPARE(server.requestCount(QStringLiteral("uploadpic")), 0); // nothing was sent

        upload.upload(QStringLiteral("lj"), writeFile(QStringLiteral("me.gif"), gif(64, 64)),
                      {QStringLiteral("me")}, true);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
        QVERIFY2(finished.at(2).at(0).toBool(), qPrintable(finished.at(2).at(1).toString()));
        QVERIFY(finished.at(2).at(1).toString().contains(QStringLiteral("64x64")));
        QCOMPARE(server.requestCount(QStringLiteral("uploadpic")), 1);
    }
};

QTEST_MAIN(TestUserpicUpload)
#include "TestUserpicUpload.moc"
