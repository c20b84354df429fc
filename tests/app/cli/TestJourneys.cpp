#include "CliRunner.h"
#include "ExportCheck.h"
#include "ServerState.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// A user's whole journey through inkwell-cli with the default settings (an account added with
// only --server and --user, the password in the keychain, challenge authentication), against the
// local journal server in both flavours and over both interfaces: add the account, log in, mirror
// the journal, post online, post while the server is down and send it once it is back, edit,
// delete, sync again, and a few protocol calls. After every command no session is left open on the
// server; at the end the mirror equals the server, each change arrived exactly once (the server's
// duplicate check is off, so it cannot hide a second copy), and every sync counted each request
// the server received from it. Runs inside tests/keyring-session.sh (ctest does that).
class TestJourneys : public QObject
{
    Q_OBJECT
private:
    static QStringList words(const QString& line) { return line.split(u' '); }

    // One command of the journey and what the server had open after it.
    struct Step
    {
        QStringList command;
        CliRunner::Run run;
        int sessions = -1; // live sessions on the server once the command ended; -1 while it is down

        bool exited(int code, bool serverUp = true) const
        {
            return run.exitCode == code && (!serverUp || sessions == 0);
        }
        bool succeeded() const { return exited(0); }
        QByteArray describe() const
        {
            return "inkwell-cli " + command.join(u' ').toUtf8() + "\n" + run.describe() +
                   "\nlive sessions after it: " + QByteArray::number(sessions);
        }
    };

    static Step step(const CliRunner& cli, TestServer& server, const QStringList& command,
                     const QByteArray& input = {}, bool serverUp = true)
    {
        Step result{command, cli.run(command, input)};
        if (serverUp)
            result.sessions = server.liveSessions();
        return result;
    }

    // "added A updated U deleted D requests R seconds S": R, or -1 when the line is not that.
    static int requestsOf(const CliRunner::Run& run)
    {
        static const QRegularExpression summary(
            QStringLiteral("^added \\d+ updated \\d+ deleted \\d+ requests (\\d+) seconds \\d+\\.\\d\\n$"));
        const QRegularExpressionMatch match = summary.match(QString::fromUtf8(run.out));
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }

    static QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
            qWarning("cannot write %s", qPrintable(path));
        return path;
    }

    // A seeded entry with a mood and tags: an edit must keep what it does not name.
    static QJsonObject entryWithMoodAndTags(TestServer& server)
    {
        for (const QJsonValue& entry : serverDump(server, QStringLiteral("alice"))) {
            if (entry[u"props"].toObject().contains(QStringLiteral("current_mood")) &&
                !entry[u"tags"].toArray().isEmpty())
                return entry.toObject();
        }
        return {};
    }

    static QJsonObject serverEntry(TestServer& server, qint64 itemid)
    {
        for (const QJsonValue& entry : serverDump(server, QStringLiteral("alice"))) {
            if (entry[u"itemid"].toInteger() == itemid)
                return entry.toObject();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS") &&
                     qEnvironmentVariable("XDG_RUNTIME_DIR").startsWith(QDir::tempPath()),
                 "run through tests/keyring-session.sh (ctest does)");
    }

    void journey_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("interface");
        for (const char* flavor : {"lj", "dw"}) {
            for (const char* interface : {"flat", "xmlrpc"})
                QTest::addRow("%s %s", flavor, interface)
                    << QString::fromLatin1(flavor) << QString::fromLatin1(interface);
        }
    }

    void journey()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, interface);
        const bool dw = flavor == QLatin1String("dw");
        QTemporaryDir data;
        const QStringList serverArgs{QStringLiteral("--flavor"),
                                     flavor,
                                     QStringLiteral("--user"),
                                     QStringLiteral("alice:pw"),
                                     QStringLiteral("--seed"),
                                     QStringLiteral("150"),
                                     QStringLiteral("--no-duplicate-check"),
                                     QStringLiteral("--db"),
                                     data.filePath(QStringLiteral("server.sqlite"))};
        TestServer server;
        QVERIFY2(server.start(serverArgs), qPrintable(server.errorString()));
        QTemporaryDir profile;
        const CliRunner cli(profile.path(), CliRunner::Keychain::Inherited);
        QJsonArray arrived; // postevent and editevent arrivals of every run of the server

        // Only the server and the user; the password goes to the keychain.
        QStringList add = words(QStringLiteral("account add acct --server %1 --user alice --password-stdin")
                                    .arg(server.baseUrl().toString()));
        if (interface == QLatin1String("xmlrpc"))
            add += words(QStringLiteral("--interface xmlrpc"));
        Step done = step(cli, server, add, "pw\n");
        QVERIFY2(done.succeeded(), done.describe());
        done = step(cli, server, words(QStringLiteral("account list")));
        QVERIFY2(done.succeeded() && done.run.out.contains("challenge"), done.describe());

        done = step(cli, server, words(QStringLiteral("login acct")));
        QVERIFY2(done.succeeded(), done.describe());
        QVERIFY2(done.run.out.contains(dw ? "Flavour:      Dreamwidth" : "Flavour:      LiveJournal"),
                 done.describe());

        // The first sync mirrors the whole journal; R counts every request the server received.
        server.control("POST", QStringLiteral("stats/reset"));
        done = step(cli, server, words(QStringLiteral("sync acct")));
        QVERIFY2(done.succeeded() && done.run.out.startsWith("added 150 updated 0 deleted 0 "),
                 done.describe());
        QCOMPARE(requestsOf(done.run), server.totalRequests());

        const QString online = writeFile(data, QStringLiteral("online.html"), "<p>Posted online ✓</p>");
        done = step(cli, server,
                    {QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--subject"),
                     QStringLiteral("Online"), QStringLiteral("--body-file"), online,
                     QStringLiteral("--prop"), QStringLiteral("taglist=journey")});
        QVERIFY2(done.succeeded() && done.run.out.startsWith("posted "), done.describe());

        // The server goes down: the post waits in the outbox, and the server comes back with the
        // same address and data (its arrivals start again from zero: keep what it counted).
        for (const char* mode : {"postevent", "editevent"}) {
            for (const QJsonValue& record : arrivals(server, QLatin1String(mode)))
                arrived.append(record);
        }
        const int port = server.baseUrl().port();
        server.stop();
        const QString offline =
            writeFile(data, QStringLiteral("offline.html"), "written while the server was down");
        done = step(cli, server,
                    {QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--subject"),
                     QStringLiteral("Offline"), QStringLiteral("--body-file"), offline},
                    {}, false);
        QVERIFY2(done.exited(0, false) && done.run.out.startsWith("queued "), done.describe());
        QVERIFY2(restartOnSamePort(server, serverArgs), qPrintable(server.errorString()));
        QCOMPARE(server.baseUrl().port(), port);
        QCOMPARE(server.liveSessions(), 0);

        server.control("POST", QStringLiteral("stats/reset"));
        done = step(cli, server, words(QStringLiteral("sync acct")));
        QVERIFY2(done.succeeded() && done.run.err.contains("outbox sent 1"), done.describe());
        QCOMPARE(requestsOf(done.run), server.totalRequests());
        QCOMPARE(server.requestCount(QStringLiteral("postevent")), 1);

        // An edit of a mirrored entry changes what it names and keeps the rest.
        const QJsonObject before = entryWithMoodAndTags(server);
        QVERIFY2(!before.isEmpty(), "the seed has an entry with a mood and tags");
        const qint64 edited = before[u"itemid"].toInteger();
        done = step(cli, server,
                    {QStringLiteral("edit"), QStringLiteral("acct"), QString::number(edited),
                     QStringLiteral("--subject"), QStringLiteral("Edited on the journey"),
                     QStringLiteral("--prop"), QStringLiteral("current_location=Lisbon")});
        QVERIFY2(done.succeeded() && done.run.out == "edited " + QByteArray::number(edited) + '\n',
                 done.describe());
        const QJsonObject after = serverEntry(server, edited);
        QCOMPARE(after[u"subject"].toString(), QStringLiteral("Edited on the journey"));
        QCOMPARE(after[u"event"].toString(), before[u"event"].toString());
        QCOMPARE(after[u"eventtime"].toString(), before[u"eventtime"].toString());
        QCOMPARE(after[u"security"].toString(), before[u"security"].toString());
        QCOMPARE(after[u"tags"].toArray(), before[u"tags"].toArray());
        // The tags as such (the seed keeps no taglist prop; an edit stores the one it sends).
        QJsonObject props = after[u"props"].toObject();
        QJsonObject propsBefore = before[u"props"].toObject();
        props.remove(QStringLiteral("taglist"));
        propsBefore.remove(QStringLiteral("taglist"));
        QCOMPARE(props.take(QStringLiteral("current_location")).toString(), QStringLiteral("Lisbon"));
        QCOMPARE(props, propsBefore);

        const qint64 deleted = edited == 7 ? 8 : 7;
        done = step(cli, server, words(QStringLiteral("delete acct %1").arg(deleted)));
        QVERIFY2(done.succeeded() && done.run.out == "deleted " + QByteArray::number(deleted) + '\n',
                 done.describe());
        QVERIFY(serverEntry(server, deleted).isEmpty());

        server.control("POST", QStringLiteral("stats/reset"));
        done = step(cli, server, words(QStringLiteral("sync acct")));
        QVERIFY2(done.succeeded(), done.describe());
        QCOMPARE(requestsOf(done.run), server.totalRequests());
        QCOMPARE(server.requestCount(QStringLiteral("postevent")) +
                     server.requestCount(QStringLiteral("editevent")),
                 0);

        // A few protocol calls. 150 seeded entries, two posted, one deleted.
        done = step(cli, server, words(QStringLiteral("call acct getdaycounts --compact")));
        QVERIFY2(done.succeeded(), done.describe());
        int counted = 0;
        for (const QJsonValue& day : done.run.json()[u"daycounts"].toArray())
            counted += day[u"count"].toInt();
        QCOMPARE(counted, 151);
        done = step(cli, server, words(QStringLiteral("call acct getusertags --compact")));
        QVERIFY2(done.succeeded(), done.describe());
        QStringList tags;
        for (const QJsonValue& tag : done.run.json()[u"tags"].toArray())
            tags.append(tag[u"name"].toString());
        QVERIFY2(tags.contains(QStringLiteral("journey")), done.describe());
        if (dw) {
            done = step(cli, server,
                        words(QStringLiteral("call acct getcircle includetrustgroups:=1 --compact")));
            QVERIFY2(done.succeeded() && done.run.json()[u"trustgroups"].isArray(), done.describe());
        } else {
            done = step(cli, server, words(QStringLiteral("call acct getfriends --compact")));
            QVERIFY2(done.succeeded() && done.run.json()[u"friends"].isArray(), done.describe());
        }

        // The mirror equals the server.
        done = step(cli, server, words(QStringLiteral("export acct --format jsonl")));
        QVERIFY2(done.succeeded(), done.describe());
        verifyJsonlMatchesServer(done.run.out, server, QStringLiteral("alice"),
                                 interface == QLatin1String("xmlrpc") ? WireFormat::XmlRpc
                                                                      : WireFormat::Flat);
        if (QTest::currentTestFailed())
            return;

        // Each post, the edit and the deletion reached the server exactly once.
        for (const char* mode : {"postevent", "editevent"}) {
            for (const QJsonValue& record : arrivals(server, QLatin1String(mode)))
                arrived.append(record);
        }
        QStringList seen;
        for (const QJsonValue& record : arrived) {
            const QString what = record[u"mode"].toString() + u' ' +
                                 (record[u"mode"].toString() == QLatin1String("postevent")
                                      ? record[u"subject"].toString()
                                      : QString::number(record[u"itemid"].toInteger()));
            QVERIFY2(record[u"count"].toInt() == 1,
                     qPrintable(what + QStringLiteral(" arrived %1 times").arg(record[u"count"].toInt())));
            seen.append(what);
        }
        seen.sort();
        QStringList expected{QStringLiteral("editevent %1").arg(edited),
                             QStringLiteral("editevent %1").arg(deleted), QStringLiteral("postevent Offline"),
                             QStringLiteral("postevent Online")};
        expected.sort();
        QCOMPARE(seen, expected);
    }

    // The same journey for an account on the Blogger API (issue 20): only what that API carries,
    // the newest 50 posts mirrored, each change arriving once.
    void bloggerJourney()
    {
        QTemporaryDir data;
        const QStringList serverArgs{QStringLiteral("--flavor"),
                                     QStringLiteral("lj"),
                                     QStringLiteral("--user"),
                                     QStringLiteral("alice:pw"),
                                     QStringLiteral("--seed"),
                                     QStringLiteral("60"),
                                     QStringLiteral("--no-duplicate-check"),
                                     QStringLiteral("--db"),
                                     data.filePath(QStringLiteral("server.sqlite"))};
        TestServer server;
        QVERIFY2(server.start(serverArgs), qPrintable(server.errorString()));
        QTemporaryDir profile;
        const CliRunner cli(profile.path(), CliRunner::Keychain::Inherited);
        QJsonArray arrived;
        const QStringList changes{QStringLiteral("blogger.newPost"), QStringLiteral("blogger.editPost"),
                                  QStringLiteral("blogger.deletePost")};

        Step done = step(cli, server,
                         words(QStringLiteral("account add blog --server %1 --user alice --interface blogger "
                                              "--password-stdin")
                                   .arg(server.baseUrl().toString())),
                         "pw\n");
        QVERIFY2(done.succeeded() && done.run.out.contains("(blogger, clear)"), done.describe());
        done = step(cli, server, words(QStringLiteral("login blog")));
        QVERIFY2(done.succeeded() && done.run.out.contains("Full name:"), done.describe());

        server.control("POST", QStringLiteral("stats/reset"));
        done = step(cli, server, words(QStringLiteral("sync blog")));
        QVERIFY2(done.succeeded() && done.run.out.startsWith("added 50 updated 0 deleted 0 "),
                 done.describe());
        QCOMPARE(requestsOf(done.run), 1);
        QCOMPARE(server.totalRequests(), 1);

        const QString online = writeFile(data, QStringLiteral("online.html"),
                                         "<p>Posted <b>online</b> ✓</p>\nвторая строка\n\nthird");
        // What the API cannot carry is refused, not dropped.
        done = step(cli, server,
                    {QStringLiteral("post"), QStringLiteral("blog"), QStringLiteral("--subject"),
                     QStringLiteral("Online"), QStringLiteral("--body-file"), online,
                     QStringLiteral("--prop"), QStringLiteral("taglist=journey")});
        QVERIFY2(done.exited(2) && done.run.err.contains("cannot carry tags"), done.describe());
        done = step(cli, server,
                    {QStringLiteral("post"), QStringLiteral("blog"), QStringLiteral("--subject"),
                     QStringLiteral("Online ✓"), QStringLiteral("--body-file"), online,
                     QStringLiteral("--prop"), QStringLiteral("current_mood=glad")});
        QVERIFY2(done.succeeded() && done.run.out.startsWith("posted "), done.describe());
        const qint64 posted = done.run.out.mid(7).trimmed().toLongLong();
        QCOMPARE(serverEntry(server, posted)[u"event"].toString(),
                 QStringLiteral("<p>Posted <b>online</b> ✓</p>\nвторая строка\n\nthird"));
        QCOMPARE(serverEntry(server, posted)[u"subject"].toString(), QStringLiteral("Online ✓"));

        for (const QString& mode : changes) {
            for (const QJsonValue& record : arrivals(server, mode))
                arrived.append(record);
        }
        server.stop();
        const QString offline =
            writeFile(data, QStringLiteral("offline.txt"), "written while the server was down");
        done = step(cli, server,
                    {QStringLiteral("post"), QStringLiteral("blog"), QStringLiteral("--subject"),
                     QStringLiteral("Offline"), QStringLiteral("--body-file"), offline},
                    {}, false);
        QVERIFY2(done.exited(0, false) && done.run.out.startsWith("queued "), done.describe());
        QVERIFY2(restartOnSamePort(server, serverArgs), qPrintable(server.errorString()));
        done = step(cli, server, words(QStringLiteral("sync blog")));
        QVERIFY2(done.succeeded() && done.run.err.contains("outbox sent 1"), done.describe());

        done = step(cli, server, words(QStringLiteral("edit blog %1 --subject Edited").arg(posted)));
        QVERIFY2(done.succeeded(), done.describe());
        QCOMPARE(serverEntry(server, posted)[u"subject"].toString(), QStringLiteral("Edited"));
        QCOMPARE(serverEntry(server, posted)[u"props"][u"current_mood"].toString(), QStringLiteral("glad"));
        done = step(cli, server, words(QStringLiteral("delete blog 60")));
        QVERIFY2(done.succeeded(), done.describe());
        done = step(cli, server, words(QStringLiteral("sync blog")));
        QVERIFY2(done.succeeded(), done.describe());

        // The two posts of this journey are the newest (in the order of their minute, which they
        // may share); numberOfPosts goes as it is given.
        done = step(cli, server,
                    words(QStringLiteral("call blog blogger.getRecentPosts numberOfPosts:=2 --compact")));
        QVERIFY2(done.succeeded() && done.run.json().array().size() == 2 &&
                     done.run.out.contains("<title>Offline</title>") &&
                     done.run.out.contains("<title>Edited</title>"),
                 done.describe());
        done = step(cli, server, words(QStringLiteral("call blog getfriends")));
        QVERIFY2(done.exited(1) && done.run.err.contains("The Blogger API has no getfriends"),
                 done.describe());

        // The mirror holds the newest 50 as the server has them, and 11, which the first sync saw
        // and the two posts pushed out of the API's window, as it was last seen (61 on the server
        // now: 60 seeded, two posted, one deleted).
        done = step(cli, server, words(QStringLiteral("export blog --format jsonl")));
        QVERIFY2(done.succeeded(), done.describe());
        const QList<QByteArray> lines = done.run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 51);
        QVERIFY(lines.first().startsWith("{\"itemid\":11,"));
        for (const QByteArray& line : lines) {
            const QJsonObject mirrored = QJsonDocument::fromJson(line).object();
            const QJsonObject onServer = serverEntry(server, mirrored[u"itemid"].toInteger());
            QVERIFY2(!onServer.isEmpty(), line.constData());
            QCOMPARE(mirrored[u"subject"].toString(), onServer[u"subject"].toString());
            QCOMPARE(mirrored[u"event"].toString(), onServer[u"event"].toString());
        }

        for (const QString& mode : changes) {
            for (const QJsonValue& record : arrivals(server, mode))
                arrived.append(record);
        }
        QStringList seen;
        for (const QJsonValue& record : arrived) {
            QVERIFY2(record[u"count"].toInt() == 1, qPrintable(record[u"mode"].toString()));
            seen.append(record[u"mode"].toString());
        }
        seen.sort();
        QCOMPARE(seen, (QStringList{QStringLiteral("blogger.deletePost"), QStringLiteral("blogger.editPost"),
                                    QStringLiteral("blogger.newPost"), QStringLiteral("blogger.newPost")}));
    }
};

QTEST_GUILESS_MAIN(TestJourneys)
#include "TestJourneys.moc"
