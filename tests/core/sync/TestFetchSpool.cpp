#include "sync/FetchSpool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Inkwell;

class TestFetchSpool : public QObject
{
    Q_OBJECT
private slots:
    void keepsBatchesBesideTheDatabaseAndReadsThemBackInOrder()
    {
        QTemporaryDir temp;
        FetchSpool spool(temp.filePath(QStringLiteral("journal.sqlite")));
        QCOMPARE(spool.directory(), temp.filePath(QStringLiteral("journal.sqlite-fetched")));
        QCOMPARE(spool.lastSequence(7), 0);
        // Bodies as they came: any bytes, CRLF, NUL, non-ASCII, lines that look like a record.
        const QByteArray first("success\nOK\r\nevents_1_event\nGr\xc3\xbc\xc3\x9f"
                               "e\0!\ninkwell-fetched 2 99 5\n",
                               57);
        const QByteArray second("<methodResponse><params/></methodResponse>");
        const QList<PendingItem> items{{5, QStringLiteral("2026-01-02 03:04:05")}, {6, QStringLiteral("")}};
        const QString file =
            spool.keep(7, 9, QStringLiteral("me/comm"), QStringLiteral("flat"), first, items);
        QVERIFY(!file.isEmpty());
        QCOMPARE(spool.keep(7, 10, QStringLiteral("me/me"), QStringLiteral("xmlrpc"), second, {}), file);
        QCOMPARE(spool.keep(7, 11, QStringLiteral("me/me"), QStringLiteral("flat"), {}, {}), file);
        // Another journal: another file.
        const QString other = spool.keep(8, 12, QStringLiteral("me/x"), QStringLiteral("flat"), "other", {});
        QVERIFY(!other.isEmpty() && other != file);

        const QList<FetchSpool::Batch> kept = spool.kept(7);
        QCOMPARE(kept.size(), 3);
        QCOMPARE(kept.at(0).sequence, 9);
        QCOMPARE(kept.at(0).file, file);
        QCOMPARE(kept.at(0).format, QStringLiteral("flat"));
        QCOMPARE(kept.at(0).owner, QStringLiteral("me/comm"));
        QCOMPARE(kept.at(0).body, first);
        QCOMPARE(kept.at(0).requested.size(), 2);
        QCOMPARE(kept.at(0).requested.at(0).itemid, 5);
        QCOMPARE(kept.at(0).requested.at(0).time, QStringLiteral("2026-01-02 03:04:05"));
        QCOMPARE(kept.at(0).requested.at(1).itemid, 6);
        QCOMPARE(kept.at(1).sequence, 10);
        QCOMPARE(kept.at(1).format, QStringLiteral("xmlrpc"));
        QCOMPARE(kept.at(1).body, second);
        QVERIFY(kept.at(1).requested.isEmpty());
        QCOMPARE(kept.at(2).sequence, 11);
        QCOMPARE(kept.at(2).format, QStringLiteral("flat"));
        QVERIFY(kept.at(2).body.isEmpty());
        QCOMPARE(spool.lastSequence(7), 11);
        QCOMPARE(spool.lastSequence(8), 12);
        QCOMPARE(spool.lastSequence(1), 0); // "1-" is not a prefix of "11-"
        QCOMPARE(spool.kept(8).size(), 1);
        QCOMPARE(spool.kept(8).at(0).body, QByteArray("other"));
        // Those stored already (numbered up to 9 here) are skipped.
        const QList<FetchSpool::Batch> notStored = spool.kept(7, 9);
        QCOMPARE(notStored.size(), 2);
        QCOMPARE(notStored.at(0).sequence, 10);
        QCOMPARE(notStored.at(0).body, second);
        QCOMPARE(notStored.at(1).sequence, 11);
        QVERIFY(spool.kept(7, 11).isEmpty());
        QCOMPARE(spool.files(7), QStringList{file});

        QVERIFY(spool.drop(file));
        QVERIFY(!QFile::exists(file));
        QVERIFY(spool.drop(file)); // gone already: nothing to do
        QVERIFY(spool.kept(7).isEmpty());
        // The next batch begins a new file.
        const QString next = spool.keep(7, 13, QStringLiteral("me/me"), QStringLiteral("flat"), "x", {});
        QVERIFY(!next.isEmpty());
        QCOMPARE(spool.kept(7).size(), 1);
        QCOMPARE(spool.kept(7).at(0).sequence, 13);
    }

    // A file reaches its limit: the next batch begins another. Files are removed once every batch
    // in them is stored, the one being written to only once it is closed.
    void beginsANewFilePastTheLimitAndDropsFilesWhoseBatchesAreStored()
    {
        QTemporaryDir temp;
        FetchSpool spool(temp.filePath(QStringLiteral("journal.sqlite")), 100);
        const QByteArray body(60, 'b');
        QStringList files;
        for (qint64 sequence = 1; sequence <= 5; ++sequence)
            files.append(spool.keep(2, sequence, QStringLiteral("a/b"), QStringLiteral("flat"), body, {}));
        // 1 and 2 (the first passes the limit only with the second), 3 and 4, then 5.
        QCOMPARE(files.at(1), files.at(0));
        QVERIFY(files.at(2) != files.at(1));
        QCOMPARE(files.at(3), files.at(2));
        QVERIFY(files.at(4) != files.at(3));
        QCOMPARE(spool.kept(2).size(), 5);

        QVERIFY(spool.dropStored(1)); // the first file still holds 2
        QVERIFY(QFile::exists(files.at(0)));
        QVERIFY(spool.dropStored(4));
        QVERIFY(!QFile::exists(files.at(0)));
        QVERIFY(!QFile::exists(files.at(2)));
        QVERIFY(QFile::exists(files.at(4))); // being written to
        QCOMPARE(spool.kept(2).size(), 1);
        QCOMPARE(spool.kept(2).at(0).sequence, 5);
        QVERIFY(spool.dropStored(5));
        QVERIFY(QFile::exists(files.at(4)));
        spool.closeFile();
        QVERIFY(spool.dropStored(5));
        QVERIFY(!QFile::exists(files.at(4)));
        QVERIFY(QDir(spool.directory()).isEmpty());
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

    // A file cut anywhere (a system crash; a killed process leaves whole batches, written with
    // one write() each): the batches before the cut read back whole; one cut inside comes back
    // without a format, or not at all if its header is cut; nothing comes back changed.
    void aFileCutAnywhereGivesBackTheWholeBatchesBeforeTheCut()
    {
        QTemporaryDir temp;
        FetchSpool spool(temp.filePath(QStringLiteral("journal.sqlite")));
        const QList<PendingItem> items{{1, QStringLiteral("t")}};
        const QString path = spool.keep(3, 1, QStringLiteral("a/b"), QStringLiteral("flat"), "first", items);
        QVERIFY(!path.isEmpty());
        QCOMPARE(spool.keep(3, 2, QStringLiteral("a/b"), QStringLiteral("flat"), "second", items), path);
        spool.closeFile();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        file.close();
        const qsizetype firstHeaderEnd = whole.indexOf('\n') + 1;
        const qsizetype firstEnd = whole.indexOf("first") + 5;
        const qsizetype secondHeaderEnd = whole.indexOf('\n', firstEnd) + 1;
        for (qsizetype length = 0; length < whole.size(); ++length) {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(whole.left(length));
            file.close();
            const QList<FetchSpool::Batch> kept = spool.kept(3);
            const QByteArray cut = whole.left(length);
            QCOMPARE(spool.files(3), QStringList{path}); // to be dropped, whatever it holds
            QCOMPARE(kept.size(), length < firstHeaderEnd ? 0 : length < secondHeaderEnd ? 1 : 2);
            if (kept.isEmpty())
                continue;
            QCOMPARE(kept.at(0).file, path);
            QCOMPARE(kept.at(0).format.isEmpty(), length < firstEnd);
            if (length >= firstEnd)
                QCOMPARE(kept.at(0).body, QByteArray("first"));
            if (kept.size() == 2) {
                QCOMPARE(kept.at(1).sequence, 2);
                QVERIFY2(kept.at(1).format.isEmpty(), cut.constData());
            }
        }
        // A header whose length runs past the end (damaged): the batch is cut short, and nothing of
        // that length is read or allocated.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(whole.left(firstEnd) + "inkwell-fetched 2 2 999999999999999\nx");
        file.close();
        QCOMPARE(spool.kept(3).size(), 2);
        QCOMPARE(spool.kept(3).at(0).body, QByteArray("first"));
        QCOMPARE(spool.kept(3).at(1).sequence, 2);
        QVERIFY(spool.kept(3).at(1).format.isEmpty());
        QCOMPARE(spool.lastSequence(3), 2);
        // Whatever is there is not a batch.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray("\0\0\0\0", 4));
        file.close();
        QVERIFY(spool.kept(3).isEmpty());
        QCOMPARE(spool.files(3), QStringList{path});
    }

    // A write that fails part-way (a full disk; here the file-size limit) is taken back: the
    // batches before it still read, and the next batch goes to a new file.
    void aFailedWriteLeavesTheFileAsItWas()
    {
        QTemporaryDir temp;
        FetchSpool spool(temp.filePath(QStringLiteral("journal.sqlite")));
        const QString path = spool.keep(4, 1, QStringLiteral("a/b"), QStringLiteral("flat"), "kept", {});
        QVERIFY(!path.isEmpty());
        const qint64 sizeBefore = QFileInfo(path).size();
        rlimit original{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &original), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = original;
        limited.rlim_cur = rlim_t(sizeBefore + 1000);
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
        const QString failed =
            spool.keep(4, 2, QStringLiteral("a/b"), QStringLiteral("flat"), QByteArray(5000, 'x'), {});
        ::setrlimit(RLIMIT_FSIZE, &original);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY(failed.isEmpty());
        QVERIFY2(spool.error().contains(path), qPrintable(spool.error()));
        QCOMPARE(QFileInfo(path).size(), sizeBefore);

        const QString next = spool.keep(4, 3, QStringLiteral("a/b"), QStringLiteral("flat"), "next", {});
        QVERIFY(!next.isEmpty() && next != path);
        const QList<FetchSpool::Batch> kept = spool.kept(4);
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.at(0).body, QByteArray("kept"));
        QCOMPARE(kept.at(1).sequence, 3);
        QCOMPARE(kept.at(1).body, QByteArray("next"));
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
