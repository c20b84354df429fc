#include "CliRunner.h"
#include "ExportCheck.h"
#include "ServerState.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// `inkwell-cli edit` and `delete` as a user runs them against the local journal server (no
// keychain: passwords come on standard input): only what the options name changes, edits made
// elsewhere meanwhile become conflicts, nothing leaves without the mirror's version of the entry,
// and offline or with a lost reply every change reaches the server exactly once.
class TestCliEdit : public QObject
{
    Q_OBJECT
private:
    static QStringList words(const QString& line) { return line.split(u' '); }

    // A server for alice (password pw) that keeps its data in `dir`, so it can be restarted.
    static QStringList serverArgs(const QTemporaryDir& dir, const QStringList& extra = {})
    {
        return QStringList{QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--db"),
                           dir.filePath(QStringLiteral("server.sqlite"))} +
               extra;
    }

    static bool addAccount(const CliRunner& cli, const TestServer& server)
    {
        return cli.run(words(QStringLiteral("account add acct --server %1 --user alice")
                                 .arg(server.baseUrl().toString())))
                   .exitCode == 0;
    }

    // A command that may talk to the server, with the password on standard input.
    static CliRunner::Run online(const CliRunner& cli, const QStringList& args)
    {
        return cli.run(args + QStringList{QStringLiteral("--password-stdin")}, "pw\n");
    }

    static CliRunner::Run edit(const CliRunner& cli, qint64 itemid, const QStringList& options)
    {
        return online(cli,
                      QStringList{QStringLiteral("edit"), QStringLiteral("acct"), QString::number(itemid)} +
                          options);
    }

    static CliRunner::Run sync(const CliRunner& cli)
    {
        return online(cli, words(QStringLiteral("sync acct")));
    }

    QString writeFile(const QString& name, const QByteArray& text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
            qWarning("cannot write %s", qPrintable(path));
        return path;
    }

    // Posts an entry with a subject, a body, three props and a date, then syncs so that the mirror
    // holds the server's own version of it. Returns its itemid, 0 on failure.
    qint64 postAndSync(const CliRunner& cli, const QString& subject)
    {
        const QString body = writeFile(QStringLiteral("first.html"), "<p>first text</p>");
        const CliRunner::Run posted =
            online(cli, {QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--subject"), subject,
                         QStringLiteral("--body-file"), body, QStringLiteral("--prop"),
                         QStringLiteral("current_mood=calm"), QStringLiteral("--prop"),
                         QStringLiteral("current_music=jazz"), QStringLiteral("--prop"),
                         QStringLiteral("taglist=tea, garden"), QStringLiteral("--date"),
                         QStringLiteral("2024-05-06 07:08")});
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("^posted (\\d+) ")).match(QString::fromUtf8(posted.out));
        if (posted.exitCode != 0 || !match.hasMatch()) {
            qWarning() << posted.describe();
            return 0;
        }
        const CliRunner::Run synced = sync(cli);
        if (synced.exitCode != 0) {
            qWarning() << synced.describe();
            return 0;
        }
        return match.captured(1).toLongLong();
    }

    static QJsonObject serverEntry(TestServer& server, qint64 itemid)
    {
        for (const QJsonValue& entry : serverDump(server, QStringLiteral("alice"))) {
            if (entry[u"itemid"].toInteger() == itemid)
                return entry.toObject();
        }
        return {};
    }

    static QString prop(const QJsonObject& entry, const QString& name)
    {
        return entry[u"props"].toObject().value(name).toVariant().toString();
    }

    static QStringList tags(const QJsonObject& entry)
    {
        QStringList result;
        for (const QJsonValue& tag : entry[u"tags"].toArray())
            result.append(tag.toString());
        result.sort();
        return result;
    }

    static int editsArrived(TestServer& server)
    {
        return server.control("GET", QStringLiteral("arrivals?mode=editevent"))[u"total"].toInt(-1);
    }

    static QByteArray exportJsonl(const CliRunner& cli)
    {
        return cli.run(words(QStringLiteral("export acct --format jsonl"))).out;
    }

    QTemporaryDir m_dir;

private slots:
    void anEditChangesOnlyWhatItsOptionsName()
    {
        QTemporaryDir data;
        TestServer server;
        QVERIFY2(server.start(serverArgs(data)), qPrintable(server.errorString()));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server));
        const qint64 itemid = postAndSync(cli, QStringLiteral("Tea"));
        QVERIFY(itemid > 0);
        const QByteArray edited = "edited " + QByteArray::number(itemid) + '\n';

        CliRunner::Run run = edit(cli, itemid, {QStringLiteral("--subject"), QStringLiteral("Better tea ✓")});
        QVERIFY2(run.exitCode == 0 && run.out == edited, run.describe());
        QCOMPARE(server.liveSessions(), 0);
        QJsonObject entry = serverEntry(server, itemid);
        QCOMPARE(entry[u"subject"].toString(), QStringLiteral("Better tea ✓"));
        QCOMPARE(entry[u"event"].toString(), QStringLiteral("<p>first text</p>"));
        QCOMPARE(entry[u"eventtime"].toString(), QStringLiteral("2024-05-06 07:08:00"));
        QCOMPARE(entry[u"security"].toString(), QStringLiteral("public"));
        QCOMPARE(prop(entry, QStringLiteral("current_mood")), QStringLiteral("calm"));
        QCOMPARE(prop(entry, QStringLiteral("current_music")), QStringLiteral("jazz"));
        QCOMPARE(tags(entry), (QStringList{QStringLiteral("garden"), QStringLiteral("tea")}));

        run = edit(cli, itemid,
                   {QStringLiteral("--body-file"),
                    writeFile(QStringLiteral("second.html"), "<p>second text</p>\nwith a second line")});
        QVERIFY2(run.exitCode == 0 && run.out == edited, run.describe());
        entry = serverEntry(server, itemid);
        QCOMPARE(entry[u"event"].toString(), QStringLiteral("<p>second text</p>\nwith a second line"));
        QCOMPARE(entry[u"subject"].toString(), QStringLiteral("Better tea ✓"));
        QCOMPARE(prop(entry, QStringLiteral("current_mood")), QStringLiteral("calm"));

        // A prop changed, one removed (K= with nothing after it), the others kept.
        run = edit(cli, itemid,
                   {QStringLiteral("--prop"), QStringLiteral("current_mood=happy"), QStringLiteral("--prop"),
                    QStringLiteral("current_music=")});
        QVERIFY2(run.exitCode == 0 && run.out == edited, run.describe());
        entry = serverEntry(server, itemid);
        QCOMPARE(prop(entry, QStringLiteral("current_mood")), QStringLiteral("happy"));
        QVERIFY2(!entry[u"props"].toObject().contains(QStringLiteral("current_music")),
                 QJsonDocument(entry).toJson());
        QCOMPARE(tags(entry), (QStringList{QStringLiteral("garden"), QStringLiteral("tea")}));
        QCOMPARE(entry[u"subject"].toString(), QStringLiteral("Better tea ✓"));

        run = edit(cli, itemid, {QStringLiteral("--security"), QStringLiteral("friends")});
        QVERIFY2(run.exitCode == 0 && run.out == edited, run.describe());
        entry = serverEntry(server, itemid);
        QCOMPARE(entry[u"security"].toString(), QStringLiteral("usemask"));
        QCOMPARE(entry[u"allowmask"].toInteger(), 1);
        QCOMPARE(prop(entry, QStringLiteral("current_mood")), QStringLiteral("happy"));

        run = edit(cli, itemid,
                   {QStringLiteral("--security"), QStringLiteral("private"), QStringLiteral("--date"),
                    QStringLiteral("2023-01-02 03:04"), QStringLiteral("--backdate")});
        QVERIFY2(run.exitCode == 0 && run.out == edited, run.describe());
        entry = serverEntry(server, itemid);
        QCOMPARE(entry[u"security"].toString(), QStringLiteral("private"));
        QCOMPARE(entry[u"allowmask"].toInteger(), 0);
        QCOMPARE(entry[u"eventtime"].toString(), QStringLiteral("2023-01-02 03:04:00"));
        QCOMPARE(prop(entry, QStringLiteral("opt_backdated")), QStringLiteral("1"));
        QCOMPARE(entry[u"event"].toString(), QStringLiteral("<p>second text</p>\nwith a second line"));

        // What the entry already says is not sent again.
        run = edit(cli, itemid, {QStringLiteral("--subject"), QStringLiteral("Better tea ✓")});
        QVERIFY2(run.exitCode == 0 && run.out.isEmpty() && run.err.contains("nothing to send"),
                 run.describe());

        QCOMPARE(editsArrived(server), 5);
        QCOMPARE(server.liveSessions(), 0);
        QCOMPARE(cli.run(words(QStringLiteral("outbox acct"))).out,
                 QByteArray("The outbox of 'acct' is empty.\n"));
        QVERIFY(sync(cli).exitCode == 0);
        verifyJsonlMatchesServer(exportJsonl(cli), server, QStringLiteral("alice"));
    }

    void anEntryChangedElsewhereIsAConflict()
    {
        QTemporaryDir data;
        TestServer server;
        QVERIFY2(server.start(serverArgs(data)), qPrintable(server.errorString()));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server));
        const qint64 itemid = postAndSync(cli, QStringLiteral("Tea"));
        QVERIFY(itemid > 0);

        // Another client (the web) edits it after the mirror's version.
        const CliRunner::Run elsewhere =
            online(cli, {QStringLiteral("call"), QStringLiteral("acct"), QStringLiteral("editevent"),
                         QStringLiteral("itemid:=%1").arg(itemid), QStringLiteral("event=changed on the web"),
                         QStringLiteral("subject=Web")});
        QVERIFY2(elsewhere.exitCode == 0, elsewhere.describe());

        const CliRunner::Run run = edit(cli, itemid, {QStringLiteral("--subject"), QStringLiteral("Mine")});
        QVERIFY2(run.exitCode == 1 && run.out.isEmpty(), run.describe());
        QVERIFY2(run.err.contains("changed on the server") && run.err.contains("conflict") &&
                     run.err.contains("'inkwell-cli outbox acct'"),
                 run.describe());
        QCOMPARE(server.liveSessions(), 0);
        // The server keeps the other client's version: only its editevent arrived.
        const QJsonObject entry = serverEntry(server, itemid);
        QCOMPARE(entry[u"subject"].toString(), QStringLiteral("Web"));
        QCOMPARE(entry[u"event"].toString(), QStringLiteral("changed on the web"));
        QCOMPARE(editsArrived(server), 1);
        const CliRunner::Run listed = cli.run(words(QStringLiteral("outbox acct")));
        QVERIFY2(listed.out.contains("\tconflict\tedit\talice\tMine\t"), listed.describe());
    }

    void deleteRemovesTheEntryFromServerAndMirror()
    {
        QTemporaryDir data;
        TestServer server;
        QVERIFY2(server.start(serverArgs(data)), qPrintable(server.errorString()));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server));
        const qint64 gone = postAndSync(cli, QStringLiteral("Going"));
        const qint64 kept = postAndSync(cli, QStringLiteral("Staying"));
        QVERIFY(gone > 0 && kept > gone);

        const CliRunner::Run run =
            online(cli, {QStringLiteral("delete"), QStringLiteral("acct"), QString::number(gone)});
        QVERIFY2(run.exitCode == 0 && run.out == "deleted " + QByteArray::number(gone) + '\n',
                 run.describe());
        QCOMPARE(server.liveSessions(), 0);
        QVERIFY(serverEntry(server, gone).isEmpty());
        QCOMPARE(serverEntry(server, kept)[u"subject"].toString(), QStringLiteral("Staying"));
        const QJsonArray deletions = arrivalsFor(server, QStringLiteral("editevent"), gone);
        QCOMPARE(deletions.size(), 1);
        QCOMPARE(deletions.at(0)[u"count"].toInt(), 1);
        // The mirror forgot it at once, without a sync.
        const QByteArray jsonl = exportJsonl(cli);
        QVERIFY(!jsonl.contains("{\"itemid\":" + QByteArray::number(gone) + ','));
        verifyJsonlMatchesServer(jsonl, server, QStringLiteral("alice"));
    }

    void nothingLeavesWithoutTheMirrorsVersion()
    {
        QTemporaryDir data;
        TestServer server;
        QVERIFY2(server.start(serverArgs(data, {QStringLiteral("--seed"), QStringLiteral("5")})),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server));

        // Never synced: neither an edit nor a deletion goes out; both say to sync first.
        CliRunner::Run run = edit(cli, 3, {QStringLiteral("--subject"), QStringLiteral("x")});
        QVERIFY2(run.exitCode == 2 && run.err.contains("not in the local mirror") &&
                     run.err.contains("'inkwell-cli sync acct'"),
                 run.describe());
        run = online(cli, words(QStringLiteral("delete acct 3")));
        QVERIFY2(run.exitCode == 2 && run.err.contains("not in the local mirror"), run.describe());
        QCOMPARE(server.totalRequests(), 0);

        QVERIFY(sync(cli).exitCode == 0);
        server.control("POST", QStringLiteral("stats/reset"));
        run = edit(cli, 99, {QStringLiteral("--subject"), QStringLiteral("x")});
        QVERIFY2(run.exitCode == 2 && run.err.contains("Entry 99 of 'alice' is not in the local mirror"),
                 run.describe());
        run = online(cli, words(QStringLiteral("delete acct 99")));
        QVERIFY2(run.exitCode == 2 && run.err.contains("Entry 99"), run.describe());
        run = edit(cli, 3,
                   {QStringLiteral("--journal"), QStringLiteral("club"), QStringLiteral("--subject"),
                    QStringLiteral("x")});
        QVERIFY2(run.exitCode == 2 && run.err.contains("'inkwell-cli sync acct --journal club'"),
                 run.describe());
        // Usage errors of their own.
        run = edit(cli, 3, {});
        QVERIFY2(run.exitCode == 2 && run.err.contains("Nothing to change"), run.describe());
        run = online(cli, words(QStringLiteral("edit acct three --subject x")));
        QVERIFY2(run.exitCode == 2 && run.err.contains("ITEMID"), run.describe());
        run = online(cli, words(QStringLiteral("delete acct")));
        QVERIFY2(run.exitCode == 2 && run.err.contains("needs ITEMID"), run.describe());
        run = edit(cli, 3, {QStringLiteral("--prop"), QStringLiteral("=x")});
        QVERIFY2(run.exitCode == 2 && run.err.contains("NAME=VALUE"), run.describe());
        run = edit(cli, 3, {QStringLiteral("--body-file"), QStringLiteral("-")});
        QVERIFY2(run.exitCode == 2 && run.err.contains("standard input"), run.describe());
        QCOMPARE(server.totalRequests(), 0);
        QCOMPARE(cli.run(words(QStringLiteral("outbox acct"))).out,
                 QByteArray("The outbox of 'acct' is empty.\n"));
    }

    void offlineChangesWaitAndSyncSendsEachOnce()
    {
        QTemporaryDir data;
        TestServer server;
        const QStringList args = serverArgs(data);
        QVERIFY2(server.start(args), qPrintable(server.errorString()));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server));
        const qint64 edited = postAndSync(cli, QStringLiteral("Tea"));
        const qint64 deleted = postAndSync(cli, QStringLiteral("Coffee"));
        QVERIFY(edited > 0 && deleted > edited);

        server.stop(); // offline
        CliRunner::Run run = edit(cli, edited, {QStringLiteral("--subject"), QStringLiteral("On a train")});
        QVERIFY2(run.exitCode == 0, run.describe());
        const QRegularExpressionMatch queued =
            QRegularExpression(QStringLiteral("^queued (\\d+): .+\\n$")).match(QString::fromUtf8(run.out));
        QVERIFY2(queued.hasMatch(), run.describe());
        // A second edit while the first waits goes on from it: one edit, with both changes.
        run = edit(cli, edited, {QStringLiteral("--prop"), QStringLiteral("current_mood=sleepy")});
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("queued " + queued.captured(1).toUtf8() + ": "),
                 run.describe());
        run = online(cli, {QStringLiteral("delete"), QStringLiteral("acct"), QString::number(deleted)});
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("queued "), run.describe());
        const CliRunner::Run listed = cli.run(words(QStringLiteral("outbox acct")));
        QCOMPARE(listed.out.count('\n'), 2);
        QVERIFY2(listed.out.contains("\twaiting\tedit\talice\tOn a train\t"), listed.describe());
        QVERIFY2(listed.out.contains("\twaiting\tdelete\talice\tCoffee\t"), listed.describe());

        QVERIFY2(restartOnSamePort(server, args), qPrintable(server.errorString()));
        QCOMPARE(serverEntry(server, edited)[u"subject"].toString(), QStringLiteral("Tea"));
        run = sync(cli);
        QVERIFY2(run.exitCode == 0 && run.err.contains("outbox sent 2"), run.describe());
        QCOMPARE(server.liveSessions(), 0);
        const QJsonObject entry = serverEntry(server, edited);
        QCOMPARE(entry[u"subject"].toString(), QStringLiteral("On a train"));
        QCOMPARE(prop(entry, QStringLiteral("current_mood")), QStringLiteral("sleepy"));
        QCOMPARE(prop(entry, QStringLiteral("current_music")), QStringLiteral("jazz"));
        QVERIFY(serverEntry(server, deleted).isEmpty());
        QCOMPARE(arrivalsFor(server, QStringLiteral("editevent"), edited).size(), 1);
        QCOMPARE(arrivalsFor(server, QStringLiteral("editevent"), deleted).size(), 1);
        QCOMPARE(editsArrived(server), 2);
        QCOMPARE(cli.run(words(QStringLiteral("outbox acct"))).out,
                 QByteArray("The outbox of 'acct' is empty.\n"));
        verifyJsonlMatchesServer(exportJsonl(cli), server, QStringLiteral("alice"));
    }

    void anEditWhoseReplyIsLostIsNotSentAgain()
    {
        QTemporaryDir data;
        TestServer server;
        // Without the duplicate check nothing on the server could hide a second copy.
        QVERIFY2(server.start(serverArgs(data, {QStringLiteral("--no-duplicate-check")})),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server));
        const qint64 itemid = postAndSync(cli, QStringLiteral("Tea"));
        QVERIFY(itemid > 0);

        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("drop_after_commit")},
                        {QStringLiteral("mode"), QStringLiteral("editevent")}});
        CliRunner::Run run = edit(cli, itemid, {QStringLiteral("--subject"), QStringLiteral("Once")});
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("queued ") && run.out.contains("lost after sending"),
                 run.describe());
        QCOMPARE(server.liveSessions(), 0);
        QCOMPARE(editsArrived(server), 1);
        QCOMPARE(serverEntry(server, itemid)[u"subject"].toString(), QStringLiteral("Once"));
        const CliRunner::Run listed = cli.run(words(QStringLiteral("outbox acct")));
        QVERIFY2(listed.out.contains("\tunknown\tedit\talice\tOnce\t"), listed.describe());

        // The next sync finds the edit on the server and counts it done without sending it again.
        server.control("POST", QStringLiteral("stats/reset"));
        run = sync(cli);
        QVERIFY2(run.exitCode == 0 && run.err.contains("outbox sent 1"), run.describe());
        QCOMPARE(server.requestCount(QStringLiteral("editevent")), 0);
        const QJsonArray arrived = arrivals(server, QStringLiteral("editevent"));
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(arrived.at(0)[u"count"].toInt(), 1);
        QCOMPARE(arrived.at(0)[u"subject"].toString(), QStringLiteral("Once"));
        QCOMPARE(server.liveSessions(), 0);
        QCOMPARE(cli.run(words(QStringLiteral("outbox acct"))).out,
                 QByteArray("The outbox of 'acct' is empty.\n"));
        verifyJsonlMatchesServer(exportJsonl(cli), server, QStringLiteral("alice"));
    }

    void aDeletionWhoseReplyIsLostIsNotSentAgain()
    {
        QTemporaryDir data;
        TestServer server;
        QVERIFY2(server.start(serverArgs(data, {QStringLiteral("--no-duplicate-check")})),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server));
        const qint64 itemid = postAndSync(cli, QStringLiteral("Tea"));
        QVERIFY(itemid > 0);

        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("drop_after_commit")},
                        {QStringLiteral("mode"), QStringLiteral("editevent")}});
        CliRunner::Run run =
            online(cli, {QStringLiteral("delete"), QStringLiteral("acct"), QString::number(itemid)});
        QVERIFY2(run.exitCode == 0 && run.out.startsWith("queued "), run.describe());
        QVERIFY(serverEntry(server, itemid).isEmpty());
        const CliRunner::Run listed = cli.run(words(QStringLiteral("outbox acct")));
        QVERIFY2(listed.out.contains("\tunknown\tdelete\talice\tTea\t"), listed.describe());

        // The next sync sees the entry gone and counts the deletion done without sending it again
        // (a second one would only meet "no such entry", but it would arrive all the same).
        server.control("POST", QStringLiteral("stats/reset"));
        run = sync(cli);
        QVERIFY2(run.exitCode == 0 && run.err.contains("outbox sent 1"), run.describe());
        QCOMPARE(server.requestCount(QStringLiteral("editevent")), 0);
        const QJsonArray deletions = arrivalsFor(server, QStringLiteral("editevent"), itemid);
        QCOMPARE(deletions.size(), 1);
        QCOMPARE(deletions.at(0)[u"count"].toInt(), 1);
        QCOMPARE(server.liveSessions(), 0);
        QCOMPARE(cli.run(words(QStringLiteral("outbox acct"))).out,
                 QByteArray("The outbox of 'acct' is empty.\n"));
        verifyJsonlMatchesServer(exportJsonl(cli), server, QStringLiteral("alice"));
    }
};

QTEST_GUILESS_MAIN(TestCliEdit)
#include "TestCliEdit.moc"
