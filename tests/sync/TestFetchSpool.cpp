#include "sync/FetchSpool.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

class TestFetchSpool : public QObject
{
    Q_OBJECT
private slots:
    void keepsRepliesBesideTheDatabaseAndReadsThemBackInOrder()
    {
        QTemporaryDir temp;
        FetchSpool spool(temp.filePath(QStringLiteral("journal.sqlite")));
        QCOMPARE(spool.directory(), temp.filePath(QStringLiteral("journal.sqlite-fetched")));
        QCOMPARE(spool.lastSequence(7), 0);
        // Bodies as they came: any bytes, CRLF, NUL, non-ASCII.
        const QByteArray first("success\nOK\r\nevents_1_event\nGr\xc3\xbc\xc3\x9f"
                               "e\0!",
                               33);
        const QByteArray tenth("<methodResponse><params/></methodResponse>");
        const QList<PendingItem> items{{5, QStringLiteral("2026-01-02 03:04:05")}, {6, QStringLiteral("")}};
        QVERIFY(!spool.keep(7, 10, QStringLiteral("me/me"), QStringLiteral("xmlrpc"), tenth, {}).isEmpty());
        QVERIFY(!spool.keep(7, 9, QStringLiteral("me/comm"), QStringLiteral("flat"), first, items).isEmpty());
        QVERIFY(!spool.keep(8, 11, QStringLiteral("me/x"), QStringLiteral("flat"), "other journal", {})
                     .isEmpty());

        const QList<FetchSpool::Batch> kept = spool.kept(7);
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.at(0).sequence, 9); // by number, not by name: 9 before 10
        QCOMPARE(kept.at(0).format, QStringLiteral("flat"));
        QCOMPARE(kept.at(0).owner, QStringLiteral("me/comm"));
        QCOMPARE(kept.at(0).body, first);
        QCOMPARE(kept.at(0).requested.size(), 2);
        QCOMPARE(kept.at(0).requested.at(0).itemid, 5);
        QCOMPARE(kept.at(0).requested.at(0).time, QStringLiteral("2026-01-02 03:04:05"));
        QCOMPARE(kept.at(0).requested.at(1).itemid, 6);
        QCOMPARE(kept.at(1).sequence, 10);
        QCOMPARE(kept.at(1).format, QStringLiteral("xmlrpc"));
        QCOMPARE(kept.at(1).body, tenth);
        QCOMPARE(spool.lastSequence(7), 10);
        QCOMPARE(spool.lastSequence(8), 11);
        QCOMPARE(spool.lastSequence(1), 0); // "1-" is not a prefix of "11-"

        QVERIFY(spool.drop(kept.at(0).file));
        QVERIFY(!QFile::exists(kept.at(0).file));
        QVERIFY(spool.drop(kept.at(0).file)); // gone already: nothing to do
        QCOMPARE(spool.kept(7).size(), 1);
    }

    void itemsOfAnyTextComeBackTheSame()
    {
        // The items are written as JSON by hand (pendingItemsJson): whatever a time holds, quotes,
        // backslashes, control characters or non-ASCII, it must read back unchanged.
        QTemporaryDir temp;
        FetchSpool spool(temp.filePath(QStringLiteral("journal.sqlite")));
        const QList<PendingItem> items{{1, QStringLiteral("2026-01-02 03:04:05")},
                                       {2, QStringLiteral("a \"quoted\" \\ back\\slash")},
                                       {3, QString::fromUtf8("tab\tnew\nline\x01\x1f del\x7f Grüße 🎉")},
                                       {9007199254740991, QString()}};
        QVERIFY(!spool.keep(1, 1, QStringLiteral("a/b"), QStringLiteral("flat"), "x", items).isEmpty());
        const QList<FetchSpool::Batch> kept = spool.kept(1);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.at(0).requested.size(), items.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            QCOMPARE(kept.at(0).requested.at(i).itemid, items.at(i).itemid);
            QCOMPARE(kept.at(0).requested.at(i).time, items.at(i).time); // a null time comes back empty
        }
    }

    void aFileThatDoesNotReadComesBackWithoutAFormat()
    {
        QTemporaryDir temp;
        FetchSpool spool(temp.filePath(QStringLiteral("journal.sqlite")));
        const QString good = spool.keep(3, 1, QStringLiteral("a/b"), QStringLiteral("flat"), "body",
                                        {{1, QStringLiteral("t")}});
        QVERIFY(!good.isEmpty());
        QFile file(good);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        file.close();
        // Every cut before the body ends inside the header: none of them reads.
        const qsizetype header = whole.size() - 4;
        for (qsizetype length = 0; length < header; ++length) {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(whole.left(length));
            file.close();
            const QList<FetchSpool::Batch> kept = spool.kept(3);
            QCOMPARE(kept.size(), 1);
            QVERIFY2(kept.at(0).format.isEmpty(), whole.left(length).constData());
            QCOMPARE(kept.at(0).file, good);
        }
    }

    void saysWhyItCannotKeep()
    {
        QTemporaryDir temp;
        // A file where the folder should be.
        QFile blocker(temp.filePath(QStringLiteral("journal.sqlite-fetched")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        FetchSpool spool(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(spool.keep(1, 1, QStringLiteral("a/b"), QStringLiteral("flat"), "body", {}).isEmpty());
        QVERIFY(spool.error().contains(spool.directory()));
        QVERIFY(spool.kept(1).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFetchSpool)
#include "TestFetchSpool.moc"
