#include "CliRunner.h"
#include "ServerState.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// `inkwell-cli post`, `outbox` and the outbox part of `sync`, as a user runs them against the
// local journal server (no keychain: passwords come on standard input).
class TestCliPost : public QObject
{
    Q_OBJECT
private:
    static QStringList words(const QString& line) { return line.split(u' '); }

    static bool addAccount(const CliRunner& cli, const QUrl& server)
    {
        return cli
                   .run(words(
                       QStringLiteral("account add acct --server %1 --user alice").arg(server.toString())))
                   .exitCode == 0;
    }

    static QJsonArray entries(TestServer& server, const QString& journal = QStringLiteral("alice"))
    {
        return server.control("GET", QStringLiteral("entries?journal=") + journal)
            .value(QStringLiteral("entries"))
            .toArray();
    }

    QTemporaryDir m_dir;

    QString writeBody(const QByteArray& text)
    {
        const QString path = m_dir.filePath(QStringLiteral("body.html"));
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(text);
        return path;
    }

private slots:
    void aPostGoesOutAtOnceWithEveryOption()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server.baseUrl()));
        const QString body = writeBody("<p>Hello ✓ 😀</p>\r\nsecond line");
        const CliRunner::Run run = cli.run(
            {QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--subject"),
             QStringLiteral("Über tea"), QStringLiteral("--body-file"), body, QStringLiteral("--security"),
             QStringLiteral("friends"), QStringLiteral("--prop"), QStringLiteral("current_mood=calm"),
             QStringLiteral("--prop"), QStringLiteral("taglist=tea, garden"), QStringLiteral("--date"),
             QStringLiteral("2024-05-06 07:08"), QStringLiteral("--backdate"),
             QStringLiteral("--password-stdin")},
            "pw\n");
        QVERIFY2(run.exitCode == 0, run.describe());
        const QRegularExpressionMatch posted =
            QRegularExpression(QStringLiteral("^posted (\\d+) (http\\S+)\\n$"))
                .match(QString::fromUtf8(run.out));
        QVERIFY2(posted.hasMatch(), run.describe());
        const QJsonArray onServer = entries(server);
        QCOMPARE(onServer.size(), 1);
        const QJsonObject entry = onServer.at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("itemid")).toInteger(), posted.captured(1).toLongLong());
        QCOMPARE(entry.value(QStringLiteral("subject")).toString(), QStringLiteral("Über tea"));
        QVERIFY(
            entry.value(QStringLiteral("event")).toString().startsWith(QStringLiteral("<p>Hello ✓ 😀</p>")));
        QCOMPARE(entry.value(QStringLiteral("security")).toString(), QStringLiteral("usemask"));
        QCOMPARE(entry.value(QStringLiteral("allowmask")).toInteger(), 1);
        QCOMPARE(entry.value(QStringLiteral("eventtime")).toString(), QStringLiteral("2024-05-06 07:08:00"));
        const QJsonObject props = entry.value(QStringLiteral("props")).toObject();
        QCOMPARE(props.value(QStringLiteral("current_mood")).toString(), QStringLiteral("calm"));
        QCOMPARE(props.value(QStringLiteral("opt_backdated")).toVariant().toString(), QStringLiteral("1"));
        QCOMPARE(cli.run(words(QStringLiteral("outbox acct"))).out,
                 QByteArray("The outbox of 'acct' is empty.\n"));
    }

    void offlineItQueuesAndSyncSendsItExactlyOnce()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, QUrl(QStringLiteral("http://127.0.0.1:1")))); // nothing listens there
        const QString body = writeBody("written on a train");
        const CliRunner::Run queued =
            cli.run({QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--subject"),
                     QStringLiteral("Train"), QStringLiteral("--body-file"), body,
                     QStringLiteral("--password-stdin")},
                    "pw\n");
        QVERIFY2(queued.exitCode == 0, queued.describe());
        QVERIFY2(queued.out.startsWith("queued ") && queued.out.contains(": "), queued.describe());
        const CliRunner::Run listed = cli.run(words(QStringLiteral("outbox acct")));
        QVERIFY2(listed.out.contains("\twaiting\tpost\talice\tTrain\t"), listed.describe());

        // Back online: the account points at the server again; sync sends the outbox first.
        QVERIFY(cli.run(words(QStringLiteral("account edit acct --server ") + server.baseUrl().toString()))
                    .exitCode == 0);
        const CliRunner::Run synced = cli.run(words(QStringLiteral("sync acct --password-stdin")), "pw\n");
        QVERIFY2(synced.exitCode == 0, synced.describe());
        QVERIFY2(synced.err.contains("outbox sent 1"), synced.describe());
        QVERIFY2(synced.out.startsWith("added 0 ") || synced.out.startsWith("added 1 "), synced.describe());
        QCOMPARE(entries(server).size(), 1);
        QCOMPARE(cli.run(words(QStringLiteral("outbox acct"))).out,
                 QByteArray("The outbox of 'acct' is empty.\n"));
        // A second sync sends nothing more.
        QVERIFY(cli.run(words(QStringLiteral("sync acct --password-stdin")), "pw\n").exitCode == 0);
        QCOMPARE(entries(server).size(), 1);
    }

    // Replies after which nobody knows whether the entry was made: the command says it waits,
    // exits 0, and nothing is sent again before the server was asked.
    void aPostWhoseOutcomeIsUnknownIsAskedAboutNotSentAgain_data()
    {
        QTest::addColumn<QString>("interface");
        QTest::newRow("flat") << QStringLiteral("flat");
        QTest::newRow("xmlrpc") << QStringLiteral("xmlrpc");
    }

    void aPostWhoseOutcomeIsUnknownIsAskedAboutNotSentAgain()
    {
        QFETCH(QString, interface);
        TestServer server;
        QVERIFY(server.start(
            {QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--no-duplicate-check")}));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(cli.run(words(QStringLiteral("account add acct --server %1 --user alice --interface %2")
                                  .arg(server.baseUrl().toString(), interface)))
                    .exitCode == 0);
        const auto fault = [&](const QString& kind, const QString& mode) {
            server.control("POST", QStringLiteral("faults"),
                           QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("mode"), mode}});
        };
        const auto postArrivals = [&] {
            int total = 0;
            for (const QJsonValue& record : arrivals(server, QStringLiteral("postevent")))
                total += record[u"count"].toInt();
            return total;
        };
        const auto post = [&](const QString& subject) {
            return cli.run({QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--subject"),
                            subject, QStringLiteral("--body-file"), writeBody("text"),
                            QStringLiteral("--password-stdin")},
                           "pw\n");
        };

        // A captive portal's page instead of the reply: not sent again behind the user's back.
        fault(QStringLiteral("proxy_page"), QStringLiteral("postevent"));
        const CliRunner::Run portal = post(QStringLiteral("portal"));
        QVERIFY2(portal.exitCode == 0 && portal.out.startsWith("queued "), portal.describe());
        QVERIFY2(portal.out.contains("ask the server whether it arrived"), portal.describe());
        QCOMPARE(postArrivals(), 1);
        QVERIFY2(
            cli.run(words(QStringLiteral("outbox acct"))).out.contains("\tunknown\tpost\talice\tportal\t"),
            portal.describe());
        // The next sync asks, finds nothing (the portal kept it from the server) and sends it.
        CliRunner::Run synced = cli.run(words(QStringLiteral("sync acct --password-stdin")), "pw\n");
        QVERIFY2(synced.exitCode == 0 && synced.err.contains("outbox sent 1"), synced.describe());
        QCOMPARE(entries(server).size(), 1);
        QCOMPARE(postArrivals(), 2);

        // "success OK" without an itemid: looked up at once, and the entry it made is the answer.
        fault(QStringLiteral("no_itemid"), QStringLiteral("postevent"));
        const CliRunner::Run nameless = post(QStringLiteral("nameless"));
        QVERIFY2(nameless.exitCode == 0, nameless.describe());
        const QRegularExpressionMatch posted =
            QRegularExpression(QStringLiteral("^posted (\\d+) (http\\S+)\\n$"))
                .match(QString::fromUtf8(nameless.out));
        QVERIFY2(posted.hasMatch(), nameless.describe());
        QCOMPARE(entries(server).size(), 2);
        QCOMPARE(entries(server).at(1).toObject().value(QStringLiteral("itemid")).toInteger(),
                 posted.captured(1).toLongLong());
        QCOMPARE(postArrivals(), 3);

        // The reply is lost, and the look-up's reply does not read: sync neither crashes nor
        // sends it again; the next one finds it.
        fault(QStringLiteral("drop_after_commit"), QStringLiteral("postevent"));
        const CliRunner::Run dropped = post(QStringLiteral("dropped"));
        QVERIFY2(dropped.exitCode == 0 && dropped.out.startsWith("queued "), dropped.describe());
        fault(QStringLiteral("damaged"), QStringLiteral("getevents"));
        synced = cli.run(words(QStringLiteral("sync acct --password-stdin")), "pw\n");
        QVERIFY2(synced.exitCode == 0, synced.describe());
        if (interface == u"flat") { // over XML-RPC the damaged reply does not decode: read again at once
            QVERIFY2(synced.err.contains("outbox sent 0, 1 waiting ("), synced.describe());
            QVERIFY2(cli.run(words(QStringLiteral("outbox acct")))
                         .out.contains("\tunknown\tpost\talice\tdropped\t"),
                     synced.describe());
            synced = cli.run(words(QStringLiteral("sync acct --password-stdin")), "pw\n");
        }
        QVERIFY2(synced.exitCode == 0 && synced.err.contains("outbox sent 1"), synced.describe());
        QCOMPARE(entries(server).size(), 3);
        QCOMPARE(postArrivals(), 4);
        QCOMPARE(cli.run(words(QStringLiteral("outbox acct"))).out,
                 QByteArray("The outbox of 'acct' is empty.\n"));
    }

    void aRefusedEntryExitsOneWithTheServersMessage()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--user"),
                              QStringLiteral("bob:pw"), QStringLiteral("--community"),
                              QStringLiteral("club:bob")}));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server.baseUrl()));
        const QString body = writeBody("not a member");
        const CliRunner::Run run = cli.run(
            {QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--journal"),
             QStringLiteral("club"), QStringLiteral("--body-file"), body, QStringLiteral("--password-stdin")},
            "pw\n");
        QVERIFY2(run.exitCode == 1, run.describe());
        QVERIFY2(run.err.contains("Don't have access to requested journal"), run.describe());
        QVERIFY2(cli.run(words(QStringLiteral("outbox acct"))).out.contains("\tfailed\tpost\tclub\t"),
                 run.describe());
    }

    void aRefusedLoginExitsOneAndTheEntryWaits()
    {
        // Dreamwidth wants an API key: the web password is refused. Waiting would not help, so the
        // command says so and exits 1; the entry stays in the outbox for the next sync.
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                              QStringLiteral("alice:web-password:API-KEY")}));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server.baseUrl()));
        const QString body = writeBody("posted with the wrong secret");
        const CliRunner::Run refused =
            cli.run({QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--body-file"), body,
                     QStringLiteral("--password-stdin")},
                    "web-password\n");
        QVERIFY2(refused.exitCode == 1 && refused.out.isEmpty(), refused.describe());
        QVERIFY2(refused.err.contains("Not sent: ") && refused.err.contains("(error 101, authentication)") &&
                     refused.err.contains("On Dreamwidth the password is an API key") &&
                     refused.err.contains("'inkwell-cli sync acct'"),
                 refused.describe());
        QVERIFY2(!refused.err.contains("web-password"), refused.describe());
        QCOMPARE(server.requestCount(QStringLiteral("postevent")), 1); // refused at the door, not stored
        QVERIFY(entries(server).isEmpty());
        QVERIFY2(cli.run(words(QStringLiteral("outbox acct"))).out.contains("\twaiting\tpost\t"),
                 refused.describe());

        // With the API key the next sync sends it, once.
        const CliRunner::Run synced =
            cli.run(words(QStringLiteral("sync acct --password-stdin")), "API-KEY\n");
        QVERIFY2(synced.exitCode == 0, synced.describe());
        QCOMPARE(entries(server).size(), 1);
        QCOMPARE(server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 0);
    }

    void aLoginStepThatFailsLeavesTheEntryWaiting()
    {
        // getchallenge, then sessiongenerate, answer an error that refuses the login step, not the
        // entry (error 200 is permanent, so nothing is retried): the entry waits, and a later sync
        // sends it once. (The mirroring part of the sync logs in again, and works.)
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, server.baseUrl()));
        const auto fault = [&](const QString& mode) {
            server.control("POST", QStringLiteral("faults"),
                           QJsonObject{{QStringLiteral("kind"), QStringLiteral("error")},
                                       {QStringLiteral("code"), 200},
                                       {QStringLiteral("mode"), mode}});
        };
        fault(QStringLiteral("getchallenge"));
        const CliRunner::Run queued =
            cli.run({QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--subject"),
                     QStringLiteral("Later"), QStringLiteral("--body-file"), writeBody("after the login"),
                     QStringLiteral("--password-stdin")},
                    "pw\n");
        QVERIFY2(queued.exitCode == 0 && queued.out.startsWith("queued ") &&
                     queued.out.contains("getchallenge"),
                 queued.describe());
        QVERIFY2(
            cli.run(words(QStringLiteral("outbox acct"))).out.contains("\twaiting\tpost\talice\tLater\t"),
            queued.describe());

        fault(QStringLiteral("sessiongenerate"));
        CliRunner::Run synced = cli.run(words(QStringLiteral("sync acct --password-stdin")), "pw\n");
        QVERIFY2(synced.exitCode == 0 && synced.err.contains("outbox sent 0, 1 waiting (sessiongenerate: "),
                 synced.describe());
        QVERIFY2(
            cli.run(words(QStringLiteral("outbox acct"))).out.contains("\twaiting\tpost\talice\tLater\t"),
            synced.describe());
        QCOMPARE(server.requestCount(QStringLiteral("postevent")), 0);

        synced = cli.run(words(QStringLiteral("sync acct --password-stdin")), "pw\n");
        QVERIFY2(synced.exitCode == 0 && synced.err.contains("outbox sent 1"), synced.describe());
        QCOMPARE(entries(server).size(), 1);
        QCOMPARE(server.requestCount(QStringLiteral("postevent")), 1);
    }

    void usageErrors()
    {
        QTemporaryDir profile;
        const CliRunner cli(profile.path());
        QVERIFY(addAccount(cli, QUrl(QStringLiteral("http://127.0.0.1:1"))));
        const QString body = writeBody("x");
        CliRunner::Run run = cli.run({QStringLiteral("post"), QStringLiteral("acct")});
        QVERIFY2(run.exitCode == 2 && run.err.contains("--body-file"), run.describe());
        run = cli.run({QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--body-file"),
                       QStringLiteral("-"), QStringLiteral("--password-stdin")});
        QVERIFY2(run.exitCode == 2 && run.err.contains("standard input"), run.describe());
        run = cli.run({QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--body-file"), body,
                       QStringLiteral("--security"), QStringLiteral("everyone")});
        QVERIFY2(run.exitCode == 2 && run.err.contains("public, private, friends or groups"), run.describe());
        run = cli.run({QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--body-file"), body,
                       QStringLiteral("--security"), QStringLiteral("groups:Family")});
        QVERIFY2(run.exitCode == 2 && run.err.contains("No friend group 'Family'"), run.describe());
        run = cli.run({QStringLiteral("post"), QStringLiteral("acct"), QStringLiteral("--body-file"), body,
                       QStringLiteral("--prop"), QStringLiteral("novalue")});
        QVERIFY2(run.exitCode == 2 && run.err.contains("NAME=VALUE"), run.describe());
        QCOMPARE(cli.run(words(QStringLiteral("outbox acct"))).out,
                 QByteArray("The outbox of 'acct' is empty.\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliPost)
#include "TestCliPost.moc"
