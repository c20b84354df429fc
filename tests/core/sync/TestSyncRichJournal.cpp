// A full sync of a large journal with everything that can go wrong in text: Cyrillic, CJK, emoji
// outside the BMP, CRLF bodies stored as such on the server, 100 kB bodies, surrounding whitespace,
// a leading U+FEFF, props and many tags, edits, itemid gaps and entries sharing a second. The
// journal is written straight into the server's database (tests/server/ljsrv/seed.py seed_rich);
// posting could not make it, since postevent turns CRLF into LF.

#include "MirrorCheck.h"
#include "SyncFixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>

using namespace Inkwell;

namespace {

// Writes the rich journal of `count` entries for alice:pw into a new server database file.
bool makeRichServerDatabase(const QString& path, int count, QString* error)
{
    QProcess seed;
    seed.setWorkingDirectory(QFileInfo(qEnvironmentVariable("INKWELL_TEST_SERVER")).absolutePath());
    seed.setProcessChannelMode(QProcess::MergedChannels);
    seed.start(qEnvironmentVariable("INKWELL_PYTHON", QStringLiteral("/usr/bin/python3")),
               {QStringLiteral("-m"), QStringLiteral("ljsrv.seed"), QStringLiteral("--db"), path,
                QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--rich"),
                QString::number(count)});
    if (!seed.waitForFinished(120000) || seed.exitStatus() != QProcess::NormalExit || seed.exitCode() != 0) {
        *error = QString::fromUtf8(seed.readAll()) + seed.errorString();
        return false;
    }
    return true;
}

} // namespace

class TestSyncRichJournal : public QObject
{
    Q_OBJECT
private slots:
    void richJournalIsMirroredExactlyWithinTheBudget_data()
    {
        QTest::addColumn<Interface>("interface");
        QTest::addColumn<int>("entries");
        QTest::newRow("flat 10000") << Interface::Flat << 10000;
        QTest::newRow("xmlrpc 3000") << Interface::XmlRpc << 3000;
    }

    void richJournalIsMirroredExactlyWithinTheBudget()
    {
        QFETCH(Interface, interface);
        QFETCH(int, entries);
        SyncFixture f;
        const QString serverDb = f.temp.filePath(QStringLiteral("server.sqlite"));
        QString error;
        QVERIFY2(makeRichServerDatabase(serverDb, entries, &error), qPrintable(error));
        QVERIFY(f.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--db"), serverDb},
                        interface));
        f.server.control("POST", QStringLiteral("stats/reset"));

        const SyncReport report = f.sync();
        QVERIFY2(report.succeeded(), qPrintable(report.errorText));
        QCOMPARE(report.added, entries);
        QCOMPARE(report.updated, 0);
        QCOMPARE(report.deleted, 0);
        const int budget = fullSyncBudget(entries);
        qInfo("%d entries: %d requests (budget %d) in %lld ms", entries, report.requests, budget,
              report.milliseconds);
        QVERIFY2(report.requests <= budget,
                 qPrintable(QStringLiteral("%1 requests, budget %2").arg(report.requests).arg(budget)));
        // The client's own count is what reached the server.
        QCOMPARE(f.server.totalRequests(), report.requests);
        QCOMPARE(f.syncState->pendingCount(f.journalId()), 0);

        verifyMirrorMatchesServer(f.server, *f.store, f.journalId(), QStringLiteral("alice"));
        if (QTest::currentTestFailed())
            return;

        // The difficult texts, checked directly (the mirror check above compares them all).
        const QJsonArray dump = f.server.control("GET", QStringLiteral("entries?journal=alice"))
                                    .value(QStringLiteral("entries"))
                                    .toArray();
        int crlf = 0, big = 0, astral = 0;
        for (const QJsonValue& value : dump) {
            const QString event = value.toObject().value(QStringLiteral("event")).toString();
            const qint64 itemid = value.toObject().value(QStringLiteral("itemid")).toInteger();
            if (event.contains(QLatin1String("\r\n")) || event.size() > 50000 ||
                event.contains(QChar(0xD834))) {
                const QString mirrored = f.store->entry(f.journalId(), itemid)->body;
                QCOMPARE(mirrored.toUtf8(), event.toUtf8());
                crlf += event.contains(QLatin1String("\r\n")) ? 1 : 0;
                big += event.toUtf8().size() >= 100 * 1024 ? 1 : 0;
                astral += event.contains(QChar(0xD834)) ? 1 : 0;
            }
        }
        // Every fifth body is written with CRLF, but a one-paragraph body has no line end at all.
        QVERIFY(crlf >= entries / 10);
        QVERIFY(big >= 1);
        QVERIFY(astral > 0);

        // Nothing changed. A first sync lists entries at their creation time, so entries edited after
        // the newest creation come once more (unchanged): syncitems, getevents, getdaycounts.
        const SyncReport again = f.sync();
        QVERIFY2(again.succeeded(), qPrintable(again.errorText));
        QCOMPARE(again.added + again.updated + again.deleted, 0);
        QVERIFY2(again.requests <= 3, qPrintable(QString::number(again.requests)));
    }
};

QTEST_GUILESS_MAIN(TestSyncRichJournal)
#include "TestSyncRichJournal.moc"
