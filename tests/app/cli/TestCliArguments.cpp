#include "CliArguments.h"
#include "RequestArguments.h"

#include <QTest>

using namespace Inkwell;
using namespace Inkwell::Cli;

// The command-line grammar of inkwell-cli, without running it: commands and options, and the
// key=value / key:=JSON / dotted-path fields of `call`.
class TestCliArguments : public QObject
{
    Q_OBJECT
private:
    static CliArguments parse(QStringList args)
    {
        args.prepend(QStringLiteral("inkwell-cli"));
        return CliArguments::parse(args);
    }

    static ProtocolValue request(const QStringList& fields)
    {
        QString error;
        const std::optional<ProtocolValue> value = requestFromArguments(fields, &error);
        [&] {
            QVERIFY2(value.has_value(), qPrintable(error));
        }();
        return value.value_or(ProtocolValue());
    }

    static QString requestError(const QStringList& fields)
    {
        QString error;
        return requestFromArguments(fields, &error) ? QStringLiteral("(accepted)") : error;
    }

private slots:
    void fieldsBuildNestedRequests()
    {
        const ProtocolValue value = request({
            QStringLiteral("event=Hello = world ✓"),
            QStringLiteral("subject="),
            QStringLiteral("year:=2025"),
            QStringLiteral("ratio:=0.5"),
            QStringLiteral("flag:=true"),
            QStringLiteral("nothing:=null"),
            QStringLiteral("quoted:=\"007\""),
            QStringLiteral("props.current_mood=happy"),
            QStringLiteral("props.opt_backdated:=1"),
            QStringLiteral("set.3.name=Wörk"),
            QStringLiteral("delete:=[3, 4]"),
            QStringLiteral("add:=[{\"username\": \"bob\", \"edge\": 3}]"),
        });
        QCOMPARE(value[u"event"], ProtocolValue(QStringLiteral("Hello = world ✓")));
        QCOMPARE(value[u"subject"].type(), ProtocolValue::Type::String);
        QCOMPARE(value[u"subject"].toText(), QString());
        QCOMPARE(value[u"year"].type(), ProtocolValue::Type::Int);
        QCOMPARE(value[u"year"].toInt(), 2025);
        QCOMPARE(value[u"ratio"].type(), ProtocolValue::Type::Double);
        QCOMPARE(value[u"flag"], ProtocolValue(true));
        QVERIFY(value.contains(QStringLiteral("nothing")));
        QVERIFY(value[u"nothing"].isNil());
        QCOMPARE(value[u"quoted"], ProtocolValue(QStringLiteral("007")));
        QCOMPARE(value[u"props"][u"current_mood"], ProtocolValue(QStringLiteral("happy")));
        QCOMPARE(value[u"props"][u"opt_backdated"], ProtocolValue(1));
        QCOMPARE(value[u"props"].size(), 2);
        QCOMPARE(value[u"set"][u"3"][u"name"].toText(), QStringLiteral("Wörk"));
        QVERIFY(value[u"delete"].isArray());
        QCOMPARE(value[u"delete"].at(1), ProtocolValue(4));
        QCOMPARE(value[u"add"].at(0)[u"username"], ProtocolValue(QStringLiteral("bob")));
        QCOMPARE(value[u"add"].at(0)[u"edge"], ProtocolValue(3));
    }

    void dottedPathsExtendAStructGivenAsJson()
    {
        const ProtocolValue value =
            request({QStringLiteral("props:={\"a.b\": \"x\"}"), QStringLiteral("props.taglist=t1, t2")});
        QCOMPARE(value[u"props"][u"a.b"], ProtocolValue(QStringLiteral("x")));
        QCOMPARE(value[u"props"][u"taglist"], ProtocolValue(QStringLiteral("t1, t2")));
    }

    void badFieldsAreRefusedWithTheArgumentNamed_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no equals") << QStringList{QStringLiteral("selecttype")}
                                   << QStringLiteral("'selecttype' is not a field");
        QTest::newRow("empty key") << QStringList{QStringLiteral("=x")} << QStringLiteral("empty key");
        QTest::newRow("empty segment")
            << QStringList{QStringLiteral("props..mood=x")} << QStringLiteral("empty key");
        QTest::newRow("bad json") << QStringList{QStringLiteral("itemid:=seven")}
                                  << QStringLiteral("not valid JSON");
        QTest::newRow("two json values")
            << QStringList{QStringLiteral("x:=1, 2")} << QStringLiteral("not valid JSON");
        QTest::newRow("twice") << QStringList{QStringLiteral("a=1"), QStringLiteral("a:=2")}
                               << QStringLiteral("sets 'a' again");
        QTest::newRow("through a scalar") << QStringList{QStringLiteral("a=1"), QStringLiteral("a.b=2")}
                                          << QStringLiteral("'a', which is not a struct");
        QTest::newRow("through an array") << QStringList{QStringLiteral("a:=[]"), QStringLiteral("a.b=2")}
                                          << QStringLiteral("not a struct");
    }

    void badFieldsAreRefusedWithTheArgumentNamed()
    {
        QFETCH(QStringList, fields);
        QFETCH(QString, expected);
        const QString error = requestError(fields);
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void commandsTakeTheirOptionsAnywhere()
    {
        CliArguments args = parse({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("dw"),
                                   QStringLiteral("--server"), QStringLiteral("https://dw.example"),
                                   QStringLiteral("--user=alice"), QStringLiteral("--password-stdin")});
        QVERIFY(args.action() == CliArguments::Action::Run);
        QCOMPARE(args.command(), QStringLiteral("account add"));
        QCOMPARE(args.positional(), QStringList{QStringLiteral("dw")});
        QCOMPARE(args.value(QStringLiteral("server")), QStringLiteral("https://dw.example"));
        QCOMPARE(args.value(QStringLiteral("user")), QStringLiteral("alice"));
        QVERIFY(args.isSet(QStringLiteral("password-stdin")));
        QVERIFY(!args.isSet(QStringLiteral("interface")));

        args = parse({QStringLiteral("--profile"), QStringLiteral("/tmp/p"), QStringLiteral("call"),
                      QStringLiteral("dw"), QStringLiteral("getevents"), QStringLiteral("itemid:=1"),
                      QStringLiteral("--compact"), QStringLiteral("--"), QStringLiteral("--odd=x")});
        QVERIFY(args.action() == CliArguments::Action::Run);
        QCOMPARE(args.command(), QStringLiteral("call"));
        QCOMPARE(args.value(QStringLiteral("profile")), QStringLiteral("/tmp/p"));
        QCOMPARE(args.positional(), (QStringList{QStringLiteral("dw"), QStringLiteral("getevents"),
                                                 QStringLiteral("itemid:=1"), QStringLiteral("--odd=x")}));
    }

    void helpAndVersionNeedNothingElse()
    {
        QVERIFY(parse({QStringLiteral("--help")}).action() == CliArguments::Action::ShowHelp);
        QVERIFY(parse({QStringLiteral("-v")}).action() == CliArguments::Action::ShowVersion);
        CliArguments args =
            parse({QStringLiteral("help"), QStringLiteral("account"), QStringLiteral("edit")});
        QVERIFY(args.action() == CliArguments::Action::ShowHelp);
        QCOMPARE(args.command(), QStringLiteral("account edit"));
        for (const QStringList& account :
             {QStringList{QStringLiteral("help"), QStringLiteral("account")},
              QStringList{QStringLiteral("account"), QStringLiteral("--help")}}) {
            args = parse(account);
            QVERIFY(args.action() == CliArguments::Action::ShowHelp);
            QCOMPARE(args.command(), QStringLiteral("account"));
        }
        const QString accountHelp = CliArguments::helpText(QStringLiteral("account"));
        for (const char* command : {"account list", "account add", "account edit", "account remove"})
            QVERIFY2(
                accountHelp.contains(QLatin1String("inkwell-cli [--profile DIR] ") + QLatin1String(command)),
                command);
        args = parse({QStringLiteral("login"), QStringLiteral("-h")}); // no NAME needed for help
        QVERIFY(args.action() == CliArguments::Action::ShowHelp);
        QCOMPARE(args.command(), QStringLiteral("login"));
    }

    void usageErrorsSayWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("no command given");
        QTest::newRow("unknown") << QStringList{QStringLiteral("frobnicate")}
                                 << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("account alone") << QStringList{QStringLiteral("account")}
                                       << QStringLiteral("needs one of list, add, edit, remove");
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("account"), QStringLiteral("rm")}
                                            << QStringLiteral("unknown command 'account rm'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("info"), QStringLiteral("--frob")}
                                        << QStringLiteral("Unknown option 'frob'");
        QTest::newRow("option of another command")
            << QStringList{QStringLiteral("login"), QStringLiteral("dw"), QStringLiteral("--server=x")}
            << QStringLiteral("'login' has no option --server");
        QTest::newRow("missing value") << QStringList{QStringLiteral("account"), QStringLiteral("add"),
                                                      QStringLiteral("dw"), QStringLiteral("--server")}
                                       << QStringLiteral("Missing value after '--server'");
        QTest::newRow("missing required option")
            << QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("dw"),
                           QStringLiteral("--server"), QStringLiteral("https://x.org")}
            << QStringLiteral("'account add' needs --user USER");
        QTest::newRow("missing name")
            << QStringList{QStringLiteral("login")} << QStringLiteral("'login' needs NAME");
        QTest::newRow("missing mode") << QStringList{QStringLiteral("call"), QStringLiteral("dw")}
                                      << QStringLiteral("'call' needs MODE");
        QTest::newRow("extra argument")
            << QStringList{QStringLiteral("login"), QStringLiteral("dw"), QStringLiteral("lj")}
            << QStringLiteral("unexpected argument 'lj' for 'login'");
        QTest::newRow("edit without itemid") << QStringList{QStringLiteral("edit"), QStringLiteral("dw")}
                                             << QStringLiteral("'edit' needs ITEMID");
        QTest::newRow("delete takes no entry options")
            << QStringList{QStringLiteral("delete"), QStringLiteral("dw"), QStringLiteral("4"),
                           QStringLiteral("--subject"), QStringLiteral("x")}
            << QStringLiteral("'delete' has no option --subject");
        QTest::newRow("help for nothing") << QStringList{QStringLiteral("help"), QStringLiteral("frob")}
                                          << QStringLiteral("unknown command 'frob'");
    }

    void usageErrorsSayWhatIsWrong()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const CliArguments parsed = parse(args);
        QVERIFY(parsed.action() == CliArguments::Action::UsageError);
        QVERIFY2(parsed.error().contains(expected), qPrintable(parsed.error()));
    }

    void helpListsEveryCommandWithItsOptions()
    {
        const QString help = CliArguments::helpText();
        for (const char* line :
             {"info", "account list",
              "account add NAME --server URL --user USER [--interface flat|xmlrpc|blogger]",
              "[--auth challenge|cookie|hpassword|clear] [--proxy URL] [--password-stdin]",
              "post NAME --body-file FILE|-", "outbox NAME", "edit NAME ITEMID [--journal J] [--subject S]",
              "delete NAME ITEMID [--journal J] [--password-stdin]", "account edit NAME [--rename NEWNAME]",
              "account remove NAME", "login NAME [--password-stdin]",
              "call NAME MODE [KEY=VALUE | KEY:=JSON ...] [--password-stdin] [--compact]",
              "Exit codes: 0 ok"}) {
            QVERIFY2(help.contains(QLatin1String(line)), line);
        }
        const QString call = CliArguments::helpText(QStringLiteral("call"));
        QVERIFY(call.contains(QStringLiteral("key:=JSON")));
        QVERIFY(call.contains(QStringLiteral("props.current_mood=happy")));
    }
};

QTEST_GUILESS_MAIN(TestCliArguments)
#include "TestCliArguments.moc"
