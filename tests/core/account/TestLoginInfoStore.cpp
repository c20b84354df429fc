#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "store/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

namespace {

Account account(const QString& name)
{
    Account a;
    a.name = name;
    a.serverUrl = QUrl(QStringLiteral("https://www.dreamwidth.org"));
    a.username = QStringLiteral("alice");
    return a;
}

LoginInfo richInfo()
{
    LoginInfo info;
    info.fullName = QStringLiteral("Alice Ünïcode");
    info.userId = 9007199254740993; // above 2^53: must not pass through a double
    info.message = QStringLiteral("Please validate your email address.");
    info.usejournals = {QStringLiteral("club"), QStringLiteral("news")};
    info.friendGroups = {{1, QStringLiteral("Family"), 10, false}, {5, QStringLiteral("Work"), 20, true}};
    info.moods = {{1, QStringLiteral("aggravated"), 2}, {2, QStringLiteral("angry"), 0}};
    info.pictureKeywords = {QStringLiteral("cat"), QStringLiteral("pic#7")};
    info.pictureUrls = {QStringLiteral("https://v.example/1/2"), QStringLiteral("https://v.example/7/2")};
    info.defaultPictureUrl = QStringLiteral("https://v.example/1/2");
    info.hasCaps = true;
    info.caps = 10;
    return info;
}

void compareInfo(const LoginInfo& a, const LoginInfo& b)
{
    QCOMPARE(a.fullName, b.fullName);
    QCOMPARE(a.userId, b.userId);
    QCOMPARE(a.message, b.message);
    QCOMPARE(a.usejournals, b.usejournals);
    QVERIFY(a.friendGroups == b.friendGroups);
    QCOMPARE(a.moods.size(), b.moods.size());
    for (qsizetype i = 0; i < a.moods.size(); ++i) {
        QCOMPARE(a.moods[i].id, b.moods[i].id);
        QCOMPARE(a.moods[i].name, b.moods[i].name);
        QCOMPARE(a.moods[i].parent, b.moods[i].parent);
    }
    QCOMPARE(a.pictureKeywords, b.pictureKeywords);
    QCOMPARE(a.pictureUrls, b.pictureUrls);
    QCOMPARE(a.defaultPictureUrl, b.defaultPictureUrl);
    QCOMPARE(a.hasCaps, b.hasCaps);
    QCOMPARE(a.caps, b.caps);
}

} // namespace

class TestLoginInfoStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_temp;
    std::unique_ptr<Database> m_db;
    int m_n = 0;

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(m_temp.filePath(QStringLiteral("p%1.sqlite").arg(++m_n)));
        QVERIFY2(m_db->open(), qPrintable(m_db->error()));
        QString error;
        QVERIFY2(AccountStore(*m_db).add(account(QStringLiteral("dw")), &error), qPrintable(error));
    }
    void cleanup() { m_db.reset(); }

    void nothingIsKeptBeforeALogin() { QVERIFY(!LoginInfoStore(*m_db).load(QStringLiteral("dw"))); }

    void savedLoginComesBackWhole()
    {
        LoginInfoStore store(*m_db);
        const QDateTime at(QDate(2026, 11, 23), QTime(12, 0, 1, 250), Qt::UTC);
        QString error;
        QVERIFY2(store.save(QStringLiteral("dw"), richInfo(), at, &error), qPrintable(error));
        const std::optional<StoredLogin> loaded = store.load(QStringLiteral("dw"));
        QVERIFY(loaded);
        QCOMPARE(loaded->fetchedAt, at);
        compareInfo(loaded->info, richInfo());
    }

    void survivesReopeningTheProfile()
    {
        const QString path = m_db->path();
        QString error;
        QVERIFY(LoginInfoStore(*m_db).save(QStringLiteral("dw"), richInfo(), QDateTime::currentDateTimeUtc(),
                                           &error));
        m_db.reset();
        Database again(path);
        QVERIFY(again.open());
        const std::optional<StoredLogin> loaded = LoginInfoStore(again).load(QStringLiteral("dw"));
        QVERIFY(loaded);
        compareInfo(loaded->info, richInfo());
    }

    void aNewLoginReplacesTheOld()
    {
        LoginInfoStore store(*m_db);
        QString error;
        QVERIFY(store.save(QStringLiteral("dw"), richInfo(), QDateTime::currentDateTimeUtc(), &error));
        LoginInfo later;
        later.fullName = QStringLiteral("Alice");
        later.usejournals = {QStringLiteral("club")};
        QVERIFY2(store.save(QStringLiteral("dw"), later, QDateTime::currentDateTimeUtc(), &error),
                 qPrintable(error));
        const std::optional<StoredLogin> loaded = store.load(QStringLiteral("dw"));
        QVERIFY(loaded);
        compareInfo(loaded->info, later);
    }

    void followsARenameAndGoesWithTheAccount()
    {
        LoginInfoStore store(*m_db);
        AccountStore accounts(*m_db);
        QString error;
        QVERIFY(store.save(QStringLiteral("dw"), richInfo(), QDateTime::currentDateTimeUtc(), &error));
        QVERIFY2(accounts.update(QStringLiteral("dw"), account(QStringLiteral("home")), &error),
                 qPrintable(error));
        QVERIFY(!store.load(QStringLiteral("dw")));
        QVERIFY(store.load(QStringLiteral("home")));
        QVERIFY2(accounts.remove(QStringLiteral("home"), &error), qPrintable(error));
        QVERIFY(!store.load(QStringLiteral("home")));
    }

    void refusesAnAccountThatIsNotThere()
    {
        QString error;
        QVERIFY(!LoginInfoStore(*m_db).save(QStringLiteral("nobody"), richInfo(),
                                            QDateTime::currentDateTimeUtc(), &error));
        QVERIFY(!error.isEmpty());
    }

    void forgetRemovesTheRow()
    {
        LoginInfoStore store(*m_db);
        QString error;
        QVERIFY(store.save(QStringLiteral("dw"), richInfo(), QDateTime::currentDateTimeUtc(), &error));
        store.forget(QStringLiteral("dw"));
        QVERIFY(!store.load(QStringLiteral("dw")));
    }

    void newMoodsAreAddedToTheKnownOnes()
    {
        const QList<Mood> known{{2, QStringLiteral("angry"), 0}, {1, QStringLiteral("aggravated"), 2}};
        QCOMPARE(highestMoodId(known), 2);
        QCOMPARE(highestMoodId({}), 0);
        const QList<Mood> merged = mergedMoods(known, {{3, QStringLiteral("annoyed"), 2}});
        QCOMPARE(merged.size(), 3);
        QCOMPARE(merged[0].name, QStringLiteral("aggravated"));
        QCOMPARE(merged[2].name, QStringLiteral("annoyed"));
        QCOMPARE(highestMoodId(merged), 3);
    }
};

QTEST_GUILESS_MAIN(TestLoginInfoStore)
#include "TestLoginInfoStore.moc"
