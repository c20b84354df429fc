#include "account/AccountStore.h"
#include "store/Database.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

namespace {

Account dreamwidthAccount()
{
    Account account;
    account.name = QStringLiteral("dw");
    account.serverUrl = QUrl(QStringLiteral("https://www.dreamwidth.org/"));
    account.username = QStringLiteral("Example-User");
    account.interface = Interface::XmlRpc;
    account.authMethod = AuthMethod::Challenge;
    account.flavor = Flavor::Dreamwidth;
    return account;
}

} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_temp;
    std::unique_ptr<Database> m_db;

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(m_temp.filePath(QStringLiteral("%1.sqlite").arg(qrand64())));
        QVERIFY(m_db->open());
    }
    void cleanup() { m_db.reset(); }

    void addedAccountComesBackCanonical()
    {
        AccountStore store(*m_db);
        QString error;
        QVERIFY2(store.add(dreamwidthAccount(), &error), qPrintable(error));
        const auto found = store.find(QStringLiteral("dw"));
        QVERIFY(found);
        QCOMPARE(found->username, QStringLiteral("example_user"));
        QCOMPARE(found->serverUrl, QUrl(QStringLiteral("https://www.dreamwidth.org")));
        QVERIFY(found->interface == Interface::XmlRpc);
        QVERIFY(found->flavor == Flavor::Dreamwidth);
        QCOMPARE(found->flatEndpoint(), QUrl(QStringLiteral("https://www.dreamwidth.org/interface/flat")));
        QCOMPARE(found->xmlRpcEndpoint(),
                 QUrl(QStringLiteral("https://www.dreamwidth.org/interface/xmlrpc")));
        QCOMPARE(found->passwordKey(), QStringLiteral("example_user@https://www.dreamwidth.org"));
    }

    void duplicateNamesAreRefused()
    {
        AccountStore store(*m_db);
        QString error;
        QVERIFY(store.add(dreamwidthAccount(), &error));
        QVERIFY(!store.add(dreamwidthAccount(), &error));
        QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
        QCOMPARE(store.accounts().size(), 1);
    }

    void invalidAccountsAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no host") << "https://"
                                 << "alice"
                                 << "not a valid URL";
        QTest::newRow("ftp") << "ftp://example.org"
                             << "alice"
                             << "must start with https://";
        QTest::newRow("bad user") << "https://example.org"
                                  << "al ice"
                                  << "user name";
        QTest::newRow("long user") << "https://example.org" << QString(26, QLatin1Char('a')) << "user name";
    }

    void invalidAccountsAreRefusedWithAReason()
    {
        QFETCH(QString, url);
        QFETCH(QString, user);
        QFETCH(QString, expected);
        Account account = dreamwidthAccount();
        account.serverUrl = QUrl(url);
        account.username = user;
        AccountStore store(*m_db);
        QString error;
        QVERIFY(!store.add(account, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(store.accounts().isEmpty());
    }

    void updateRenamesAndRemoveDeletes()
    {
        AccountStore store(*m_db);
        QString error;
        QVERIFY(store.add(dreamwidthAccount(), &error));
        Account changed = dreamwidthAccount();
        changed.name = QStringLiteral("my dw");
        changed.interface = Interface::Flat;
        changed.authMethod = AuthMethod::Cookie;
        QVERIFY2(store.update(QStringLiteral("dw"), changed, &error), qPrintable(error));
        QVERIFY(!store.find(QStringLiteral("dw")));
        const auto found = store.find(QStringLiteral("my dw"));
        QVERIFY(found);
        QVERIFY(found->authMethod == AuthMethod::Cookie);
        QVERIFY(found->interface == Interface::Flat);

        QVERIFY(!store.update(QStringLiteral("nope"), changed, &error));
        QVERIFY(store.remove(QStringLiteral("my dw"), &error));
        QVERIFY(!store.remove(QStringLiteral("my dw"), &error));
        QVERIFY(store.accounts().isEmpty());
    }

    void accountsAreListedByName()
    {
        AccountStore store(*m_db);
        QString error;
        for (const char* name : {"zeta", "Alpha", "mid"}) {
            Account account = dreamwidthAccount();
            account.name = QString::fromLatin1(name);
            QVERIFY(store.add(account, &error));
        }
        QStringList names;
        for (const Account& account : store.accounts())
            names << account.name;
        QCOMPARE(names,
                 (QStringList{QStringLiteral("Alpha"), QStringLiteral("mid"), QStringLiteral("zeta")}));
    }

    void enumsRoundTripThroughText()
    {
        for (AuthMethod m :
             {AuthMethod::Challenge, AuthMethod::Cookie, AuthMethod::HPassword, AuthMethod::Clear})
            QVERIFY(authMethodFromString(toString(m)) == m);
        for (Interface i : {Interface::Flat, Interface::XmlRpc})
            QVERIFY(interfaceFromString(toString(i)) == i);
        QVERIFY(!authMethodFromString(QStringLiteral("md5")));
        QVERIFY(!interfaceFromString(QStringLiteral("soap")));
    }

private:
    static quint64 qrand64() { return QRandomGenerator::global()->generate64(); }
};

QTEST_GUILESS_MAIN(TestAccountStore)
#include "TestAccountStore.moc"
