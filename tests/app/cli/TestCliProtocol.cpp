#include "CliRunner.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// `inkwell-cli login` and `inkwell-cli call` against the local journal server, on both flavours and
// both interfaces, run as separate processes with a private --profile and --password-stdin.
class TestCliProtocol : public QObject
{
    Q_OBJECT
private:
    static QStringList words(const QString& line) { return line.split(u' '); }

    // An account "acct" for `user` on `server`.
    static bool addAccount(const CliRunner& cli, const TestServer& server, const QString& interface,
                           const QString& user = QStringLiteral("alice"))
    {
        const CliRunner::Run run =
            cli.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("acct"),
                     QStringLiteral("--server"), server.baseUrl().toString(), QStringLiteral("--user"), user,
                     QStringLiteral("--interface"), interface});
        return run.exitCode == 0;
    }

    static QByteArray line(const QByteArray& secret) { return secret + '\n'; }

    static void addRows()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("interface");
        QTest::newRow("lj flat") << "lj"
                                 << "flat";
        QTest::newRow("lj xmlrpc") << "lj"
                                   << "xmlrpc";
        QTest::newRow("dw flat") << "dw"
                                 << "flat";
        QTest::newRow("dw xmlrpc") << "dw"
                                   << "xmlrpc";
    }

private slots:
    void loginShowsTheAccountAndSavesTheFlavour_data() { addRows(); }

    void loginShowsTheAccountAndSavesTheFlavour()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, interface);
        TestServer server;
        // The demo journal: user demo/demo (on dw the password is also its API key), community
        // demo_comm, five icons.
        QVERIFY2(server.start(
                     {QStringLiteral("--flavor"), flavor, QStringLiteral("--seed"), QStringLiteral("demo")}),
                 qPrintable(server.errorString()));
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        QVERIFY(addAccount(cli, server, interface, QStringLiteral("demo")));
        QVERIFY(cli.run(words(QStringLiteral("account list"))).out.contains("challenge  -\n"));

        const CliRunner::Run run =
            cli.run(words(QStringLiteral("login acct --password-stdin")), line("demo"));
        QVERIFY2(run.exitCode == 0, run.describe());
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.startsWith(QStringLiteral("Logged in to %1 as demo (account 'acct').\n")
                                    .arg(server.baseUrl().toString())),
                 run.describe());
        QVERIFY2(out.contains(QStringLiteral("\nFull name:    Demo Writer\n")), run.describe());
        QVERIFY2(out.contains(QStringLiteral("\nMay post to:  demo, demo_comm\n")), run.describe());
        const auto moods = QRegularExpression(QStringLiteral("\nMoods: +(\\d+)\n")).match(out);
        QVERIFY2(moods.hasMatch() && moods.captured(1).toInt() > 100, run.describe());
        // Five keywords name three pictures (default/smile, thinking, travel icon/Ünï).
        QVERIFY2(out.contains(QStringLiteral("\nUserpics:     3 (5 keywords)\n")), run.describe());
        const QString expectedFlavor =
            flavor == QLatin1String("dw") ? QStringLiteral("Dreamwidth") : QStringLiteral("LiveJournal");
        QVERIFY2(out.contains(QStringLiteral("\nFlavour:      ") + expectedFlavor + u'\n'), run.describe());
        QVERIFY(!out.contains(QStringLiteral("Message:"))); // this server sends none

        // The flavour is saved with the account for later runs.
        const CliRunner::Run list = cli.run(words(QStringLiteral("account list")));
        QVERIFY2(list.out.contains((QStringLiteral("challenge  ") + flavor + u'\n').toUtf8()),
                 list.describe());
    }

    void callRunsModesAndPrintsTheReplyAsJson_data() { addRows(); }

    void callRunsModesAndPrintsTheReplyAsJson()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, interface);
        const QByteArray secret = "s3cret-pässword";
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), flavor, QStringLiteral("--user"),
                               QStringLiteral("alice:") + QString::fromUtf8(secret),
                               QStringLiteral("--community"), QStringLiteral("club:alice")}),
                 qPrintable(server.errorString()));
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        QVERIFY(addAccount(cli, server, interface));
        const auto call = [&](const QStringList& args) {
            CliRunner::Run run = cli.run(QStringList{QStringLiteral("call"), QStringLiteral("acct")} + args +
                                             QStringList{QStringLiteral("--password-stdin")},
                                         line(secret));
            [&] {
                QVERIFY2(run.exitCode == 0, run.describe());
                QVERIFY2(run.json().isObject(), run.describe());
                QVERIFY2(!run.out.contains(secret) && !run.err.contains(secret), run.describe());
            }();
            return run.json().object();
        };

        // getchallenge needs no password at all.
        CliRunner::Run run = cli.run(words(QStringLiteral("call acct getchallenge")));
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(run.json()[u"auth_scheme"].toString(), QStringLiteral("c0"));
        QVERIFY(run.json()[u"challenge"].toString().startsWith(QStringLiteral("c0:")));
        QVERIFY(run.json()[u"server_time"].isDouble());

        QJsonObject reply = call({QStringLiteral("login"), QStringLiteral("getmoods:=0")});
        QCOMPARE(reply[u"fullname"].toString(), QStringLiteral("Test Alice"));
        QVERIFY(reply[u"moods"].toArray().size() > 100);
        QCOMPARE(reply[u"usejournals"].toArray(), QJsonArray{QStringLiteral("club")});

        const QString subject = QStringLiteral("Ünïcode ✓ <b>&amp;</b>");
        const QString body = QStringLiteral("Привет, 世界 😀\nline two & 50% + more = \"quoted\"");
        reply = call({QStringLiteral("postevent"), QStringLiteral("event=") + body,
                      QStringLiteral("subject=") + subject, QStringLiteral("year:=2025"),
                      QStringLiteral("mon:=2"), QStringLiteral("day:=3"), QStringLiteral("hour:=4"),
                      QStringLiteral("min:=5"), QStringLiteral("lineendings=unix"),
                      QStringLiteral("security=usemask"), QStringLiteral("allowmask:=1"),
                      QStringLiteral("props.current_mood=happy"),
                      QStringLiteral("props.current_music=Björk — Jóga"),
                      QStringLiteral("props.taglist=cli, ünïcode")});
        const int itemid = reply[u"itemid"].toInt();
        QVERIFY(itemid > 0);
        QVERIFY(reply[u"url"].toString().startsWith(server.baseUrl().toString()));
        // A change answers a challenge of its own, like a read: no session is opened (none would
        // be needed for one request), and none is left.
        QCOMPARE(server.requestCount(QStringLiteral("sessiongenerate")), 0);
        QCOMPARE(server.requestCount(QStringLiteral("postevent")), 1);
        QCOMPARE(server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 0);

        // The server holds exactly what was sent.
        const QJsonObject stored = server.control("GET", QStringLiteral("entries?journal=alice"))[u"entries"]
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(stored[u"subject"].toString(), subject);
        QCOMPARE(stored[u"event"].toString(), body);
        QCOMPARE(stored[u"props"][u"current_music"].toString(), QStringLiteral("Björk — Jóga"));

        reply =
            call({QStringLiteral("getevents"), QStringLiteral("selecttype=one"),
                  QStringLiteral("itemid:=") + QString::number(itemid), QStringLiteral("lineendings=unix")});
        const QJsonArray events = reply[u"events"].toArray();
        QCOMPARE(events.size(), 1);
        const QJsonObject event = events.first().toObject();
        QCOMPARE(event[u"itemid"].toInt(), itemid);
        QCOMPARE(event[u"subject"].toString(), subject);
        QCOMPARE(event[u"event"].toString(), body);
        QCOMPARE(event[u"eventtime"].toString(), QStringLiteral("2025-02-03 04:05:00"));
        QCOMPARE(event[u"security"].toString(), QStringLiteral("usemask"));
        QCOMPARE(event[u"allowmask"].toInt(), 1);
        QCOMPARE(event[u"props"][u"current_mood"].toString(), QStringLiteral("happy"));
        QCOMPARE(event[u"props"][u"current_music"].toString(), QStringLiteral("Björk — Jóga"));
        QCOMPARE(event[u"props"][u"taglist"].toString(), QStringLiteral("cli, ünïcode"));

        reply = call({QStringLiteral("syncitems")});
        QCOMPARE(reply[u"count"].toInt(), 1);
        QCOMPARE(reply[u"total"].toInt(), 1);
        const QJsonObject item = reply[u"syncitems"].toArray().first().toObject();
        QCOMPARE(item[u"item"].toString(), QStringLiteral("L-%1").arg(itemid));
        QCOMPARE(item[u"action"].toString(), QStringLiteral("create"));

        reply = call({QStringLiteral("getdaycounts")});
        QCOMPARE(reply[u"daycounts"].toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("date"), QStringLiteral("2025-02-03")},
                                         {QStringLiteral("count"), 1}}}));

        // --compact prints one line.
        run =
            cli.run(words(QStringLiteral("call acct getdaycounts --compact --password-stdin")), line(secret));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("{\"daycounts\":[{\"count\":1,\"date\":\"2025-02-03\"}]}\n"));

        if (flavor == QLatin1String("dw")) {
            // XML-RPC only: a flat account sends it over XML-RPC. alice maintains and watches club.
            reply = call({QStringLiteral("getcircle"), QStringLiteral("includewatchedusers:=1"),
                          QStringLiteral("includetrustgroups:=1")});
            const QJsonArray watched = reply[u"watchedusers"].toArray();
            QCOMPARE(watched.size(), 1);
            QCOMPARE(watched.first()[u"username"].toString(), QStringLiteral("club"));
            QCOMPARE(watched.first()[u"type"].toString(), QStringLiteral("community"));
            QVERIFY(reply[u"trustgroups"].isArray());
        } else {
            reply = call({QStringLiteral("getusertags")});
            QStringList tags;
            for (const QJsonValue& tag : reply[u"tags"].toArray())
                tags << tag[u"name"].toString();
            tags.sort();
            QCOMPARE(tags, (QStringList{QStringLiteral("cli"), QStringLiteral("ünïcode")}));
        }
        QVERIFY(!cli.profileContains(secret));
    }

    void failuresExitWithOneClearLine()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                               QStringLiteral("alice:the-password:API-KEY-7")}),
                 qPrintable(server.errorString()));
        QTemporaryDir temp;
        const CliRunner cli(temp.path());
        QVERIFY(addAccount(cli, server, QStringLiteral("xmlrpc")));
        const auto failing = [&](const QString& args, const QByteArray& input, const QByteArray& expected) {
            const CliRunner::Run run = cli.run(words(args), input);
            QVERIFY2(run.exitCode == 1, run.describe());
            QVERIFY2(run.out.isEmpty(), run.describe());
            QVERIFY2(run.err.startsWith("inkwell-cli: ") && run.err.count('\n') == 1, run.describe());
            QVERIFY2(run.err.contains(expected), run.describe());
            QVERIFY2(!run.err.contains("the-password") && !run.err.contains("API-KEY-7"), run.describe());
        };

        // On Dreamwidth an account with an API key authenticates with the key, not the password.
        failing(QStringLiteral("login acct --password-stdin"), "the-password\n",
                "login: Invalid password (error 101, authentication) The server did not accept the password "
                "of 'acct'. On Dreamwidth the password is an API key");
        CliRunner::Run run = cli.run(words(QStringLiteral("login acct --password-stdin")), "the-password\n");
        QVERIFY2(run.err.count("Invalid password") == 1, run.describe()); // the server's words, once
        QCOMPARE(server.requestCount(QStringLiteral("login")), 2);        // and no retry
        run = cli.run(words(QStringLiteral("login acct --password-stdin")), "API-KEY-7\n");
        QVERIFY2(run.exitCode == 0, run.describe());

        failing(QStringLiteral("call acct getevents selecttype=bogus --password-stdin"), "API-KEY-7\n",
                "getevents: Missing required argument(s): Invalid selecttype. (error 200, permanent)");
        // The real server's die on an unknown usejournal: a fault whose text is the server's own.
        failing(
            QStringLiteral("call acct getevents selecttype=lastn usejournal=nosuchjournal --password-stdin"),
            "API-KEY-7\n", "can_post_to");
        failing(QStringLiteral("call acct nosuchmode --password-stdin"), "API-KEY-7\n",
                "(error 201, permanent)");
        // No password given and no keychain to ask.
        failing(QStringLiteral("login acct"), {}, "No password for account 'acct'");

        // Two more failures make four within five minutes: the server stalls this user and address,
        // and says 402 even to the right key. The message says so, and when to try again.
        for (int i = 0; i < 2; ++i)
            failing(QStringLiteral("login acct --password-stdin"), "the-password\n",
                    "(error 101, authentication)");
        failing(
            QStringLiteral("login acct --password-stdin"), "API-KEY-7\n",
            "(error 402, authentication) After too many failed logins the server refuses every login of "
            "'acct' from this address for about 5 minutes, without checking the password: try again after ");

        server.stop();
        failing(QStringLiteral("login acct --password-stdin"), "API-KEY-7\n",
                "login failed: getchallenge: Could not reach the server");
        failing(QStringLiteral("call acct getchallenge"), {}, "Could not reach the server");
    }
};

QTEST_GUILESS_MAIN(TestCliProtocol)
#include "TestCliProtocol.moc"
