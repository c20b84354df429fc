#include "CliRunner.h"
#include "ExportCheck.h"
#include "TestServer.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// export, search and daycounts: the local mirror read back, offline. initTestCase mirrors the demo
// journal (plus a few entries with hard text) from the local server, keeps the server's own view of
// it, and stops the server: everything after runs without a network and without a password.
class TestCliExport : public QObject
{
    Q_OBJECT
private:
    static QStringList words(const QString& line) { return line.split(u' '); }

    CliRunner::Run cli(const QStringList& args) const { return m_cli->run(args); }
    CliRunner::Run cli(const QString& line) const { return m_cli->run(words(line)); }

    QJsonObject dumped(qint64 itemid) const
    {
        for (const QJsonValue& value : m_dump) {
            if (value[u"itemid"].toInteger() == itemid)
                return value.toObject();
        }
        return {};
    }

    // itemids of search's output lines, which must all have the documented form.
    static QList<qint64> hitsOf(const CliRunner::Run& run)
    {
        static const QRegularExpression line(
            QStringLiteral("^(\\d+)  (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)  (.+)  (.*)$"));
        QList<qint64> ids;
        for (const QString& text : QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts)) {
            const QRegularExpressionMatch match = line.match(text);
            if (!match.hasMatch()) {
                qWarning() << "not a search hit:" << text;
                return {-1};
            }
            ids.append(match.captured(1).toLongLong());
        }
        return ids;
    }

    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<CliRunner> m_cli;
    QJsonArray m_dump;
    QJsonArray m_serverDayCounts;
    qint64 m_unicode = 0;
    qint64 m_markup = 0;
    qint64 m_plain = 0;

private slots:
    void initTestCase()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--seed"),
                               QStringLiteral("demo")}),
                 qPrintable(server.errorString()));
        m_temp = std::make_unique<QTemporaryDir>();
        m_cli = std::make_unique<CliRunner>(m_temp->filePath(QStringLiteral("profile")));
        QCOMPARE(
            cli(QStringLiteral("account add acct --server %1 --user demo").arg(server.baseUrl().toString()))
                .exitCode,
            0);
        const auto call = [&](const QStringList& fields) {
            const CliRunner::Run run =
                m_cli->run(QStringList{QStringLiteral("call"), QStringLiteral("acct")} + fields +
                               QStringList{QStringLiteral("--password-stdin"), QStringLiteral("--compact")},
                           "demo\n");
            if (run.exitCode != 0)
                qWarning() << run.describe();
            return run.json();
        };
        const QStringList date{QStringLiteral("year:=2024"), QStringLiteral("mon:=6"),
                               QStringLiteral("day:=7"), QStringLiteral("hour:=8"), QStringLiteral("min:=9")};
        m_unicode =
            call(QStringList{QStringLiteral("postevent"), QStringLiteral("subject=Ünïcödé 😀 עברית e\u0301"),
                             QStringLiteral("event=Line one\r\nLine two ✓\r\n\r\n🎉 \u2028end"),
                             QStringLiteral("props.current_music=Song\r\nsecond line"),
                             QStringLiteral("props.taglist=zörbëq tag, zz")} +
                 date)[u"itemid"]
                .toInteger();
        m_markup =
            call(QStringList{QStringLiteral("postevent"), QStringLiteral("subject=<b>Tom & \"Jerry\"</b>"),
                             QStringLiteral("event=<p>Hello <b>bold</b></p><script>alert(1)</script>"
                                            "<SCRIPT src=\"x.js\"></SCRIPT><scr<script>x</script>ipt>alert(2)"
                                            "</script>after"),
                             QStringLiteral("props.opt_preformatted:=1")} +
                 date)[u"itemid"]
                .toInteger();
        m_plain =
            call(QStringList{QStringLiteral("postevent"), QStringLiteral("subject=Quux"),
                             QStringLiteral("event=back\\slash \"quoted\" tab\there zanzibarquux"),
                             QStringLiteral("security=private"), QStringLiteral("props.taglist=specialtag")} +
                 date)[u"itemid"]
                .toInteger();
        QVERIFY(m_unicode > 0 && m_markup > 0 && m_plain > 0);

        const CliRunner::Run sync = m_cli->run(words(QStringLiteral("sync acct --password-stdin")), "demo\n");
        QVERIFY2(sync.exitCode == 0, sync.describe());
        // The same journal over XML-RPC, which carries some text the flat interface cannot.
        QCOMPARE(cli(QStringLiteral("account add rpc --interface xmlrpc --server %1 --user demo")
                         .arg(server.baseUrl().toString()))
                     .exitCode,
                 0);
        const CliRunner::Run rpcSync =
            m_cli->run(words(QStringLiteral("sync rpc --password-stdin")), "demo\n");
        QVERIFY2(rpcSync.exitCode == 0, rpcSync.describe());
        m_dump = serverDump(server, QStringLiteral("demo"));
        QVERIFY(m_dump.size() > 300);
        m_serverDayCounts = call({QStringLiteral("getdaycounts")})[u"daycounts"].toArray();
        QVERIFY(!m_serverDayCounts.isEmpty());
        server.stop(); // offline from here on
    }

    void jsonlHasEveryEntryAsTheServerHasIt()
    {
        const CliRunner::Run run = cli(QStringLiteral("export acct --format jsonl"));
        QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), run.describe());
        verifyJsonlMatchesDump(run.out, m_dump);
        if (QTest::currentTestFailed())
            return;
        // Text as stored, not \u-escaped; keys in the documented order.
        QVERIFY(run.out.contains("Ünïcödé 😀 עברית e\u0301"));
        // The server stored "Song\r\nsecond line", but getevents puts a space for the LF and the
        // flat interface (this account's) drops the CR: no flat client can see that line break.
        QVERIFY(run.out.contains("\"current_music\":\"Song second line\""));
        QVERIFY(run.out.contains("\"event\":\"back\\\\slash \\\"quoted\\\" tab\\there zanzibarquux\""));
        QVERIFY(run.out.startsWith("{\"itemid\":1,\"eventtime\":\""));
        static const QRegularExpression order(QStringLiteral(
            "^\\{\"itemid\":\\d+,\"eventtime\":.*,\"logtime\":.*,\"subject\":.*,\"event\":.*,\"security\":"
            "\"(public|private|usemask)\",\"allowmask\":\\d+,\"poster\":\"[a-z_]+\",\"props\":\\{.*\\}\\}$"));
        for (const QByteArray& line : run.out.trimmed().split('\n'))
            QVERIFY2(order.match(QString::fromUtf8(line)).hasMatch(), line.constData());

        // --output FILE holds the same bytes, written whole.
        const QString file = m_temp->filePath(QStringLiteral("journal.jsonl"));
        const CliRunner::Run toFile =
            cli({QStringLiteral("export"), QStringLiteral("acct"), QStringLiteral("--format"),
                 QStringLiteral("jsonl"), QStringLiteral("--output"), file});
        QVERIFY2(toFile.exitCode == 0, toFile.describe());
        QVERIFY2(toFile.out.startsWith(QByteArray::number(m_dump.size()) + " entries of demo written to "),
                 toFile.describe());
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), run.out);
    }

    void xmlRpcMirrorHasWhatThatInterfaceCarries()
    {
        const CliRunner::Run run = cli(QStringLiteral("export rpc --format jsonl"));
        QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), run.describe());
        verifyJsonlMatchesDump(run.out, m_dump, WireFormat::XmlRpc);
        if (QTest::currentTestFailed())
            return;
        // getevents turns the LF of a prop value into a space on XML-RPC too; the CR stays.
        QVERIFY(run.out.contains("\"current_music\":\"Song\\r second line\""));
        QVERIFY(run.out.contains("Ünïcödé 😀 עברית e\u0301"));
    }

    void ljxmlWritesOneLjdumpFilePerEntry()
    {
        const QString dir = m_temp->filePath(QStringLiteral("ljxml"));
        QVERIFY(QDir().mkpath(dir));
        for (const char* name : {"L-999999", "notes.txt"}) {
            QFile stale(QDir(dir).filePath(QLatin1String(name)));
            QVERIFY(stale.open(QIODevice::WriteOnly));
        }
        const CliRunner::Run run =
            cli({QStringLiteral("export"), QStringLiteral("acct"), QStringLiteral("--format"),
                 QStringLiteral("ljxml"), QStringLiteral("--output"), dir});
        QVERIFY2(run.exitCode == 0, run.describe());
        const QStringList files = QDir(dir).entryList({QStringLiteral("L-*")}, QDir::Files);
        QCOMPARE(files.size(), m_dump.size());
        QVERIFY(!files.contains(QStringLiteral("L-999999"))); // its entry is not in the mirror
        QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("notes.txt"))));

        // Every file is well-formed XML; the hard ones read back field by field.
        for (const QString& name : files) {
            QFile file(QDir(dir).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&file);
            QMap<QString, QString> fields, props;
            QVERIFY(xml.readNextStartElement() && xml.name() == QLatin1String("event"));
            while (xml.readNextStartElement()) {
                if (xml.name() != QLatin1String("props")) {
                    const QString key = xml.name().toString();
                    fields.insert(key, xml.readElementText());
                    continue;
                }
                while (xml.readNextStartElement()) {
                    const QString key = xml.name().toString();
                    props.insert(key, xml.readElementText());
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(name + u' ' + xml.errorString()));
            const qint64 itemid = fields.value(QStringLiteral("itemid")).toLongLong();
            QCOMPARE(name, QStringLiteral("L-%1").arg(itemid));
            const QJsonObject want = dumped(itemid);
            QCOMPARE(fields.value(QStringLiteral("event")), want[u"event"].toString());
            QCOMPARE(fields.value(QStringLiteral("subject")), want[u"subject"].toString());
            QCOMPARE(fields.value(QStringLiteral("eventtime")), want[u"eventtime"].toString());
            QCOMPARE(fields.value(QStringLiteral("logtime")), want[u"logtime"].toString());
            const QString security = want[u"security"].toString();
            QCOMPARE(fields.value(QStringLiteral("security")),
                     security == QLatin1String("public") ? QString() : security);
            QCOMPARE(fields.contains(QStringLiteral("allowmask")), security == QLatin1String("usemask"));
            if (itemid == m_unicode) {
                QCOMPARE(props.value(QStringLiteral("current_music")), QStringLiteral("Song second line"));
                QCOMPARE(props.value(QStringLiteral("taglist")), QStringLiteral("zz, zörbëq tag"));
            }
        }
    }

    void htmlIsASmallSiteWithoutScripts()
    {
        const QString dir = m_temp->filePath(QStringLiteral("site"));
        const CliRunner::Run run =
            cli({QStringLiteral("export"), QStringLiteral("acct"), QStringLiteral("--format"),
                 QStringLiteral("html"), QStringLiteral("--output"), dir});
        QVERIFY2(run.exitCode == 0, run.describe());
        QFile indexFile(QDir(dir).filePath(QStringLiteral("index.html")));
        QVERIFY(indexFile.open(QIODevice::ReadOnly));
        const QString index = QString::fromUtf8(indexFile.readAll());

        // Every entry linked once, newest first, each link leading to its page.
        static const QRegularExpression item(
            QStringLiteral("<span class=\"date\">([^<]*)</span> <a href=\"(\\d+)\\.html\">"));
        QList<qint64> linked;
        QStringList dates;
        for (auto it = item.globalMatch(index); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            dates.append(match.captured(1));
            linked.append(match.captured(2).toLongLong());
        }
        QCOMPARE(linked.size(), m_dump.size());
        for (const QJsonValue& entry : m_dump) {
            const qint64 itemid = entry[u"itemid"].toInteger();
            QVERIFY2(linked.count(itemid) == 1, qPrintable(QString::number(itemid)));
            QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("%1.html").arg(itemid))));
        }
        QStringList sorted = dates;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QCOMPARE(dates, sorted);

        // Subjects are text: escaped in the index and on the page.
        QVERIFY(index.contains(QStringLiteral("&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;")));
        QVERIFY(!index.contains(QStringLiteral("<b>Tom")));
        QVERIFY(index.contains(QStringLiteral("Ünïcödé 😀 עברית e\u0301")));

        // Bodies are HTML and stay so, without their scripts.
        QFile pageFile(QDir(dir).filePath(QStringLiteral("%1.html").arg(m_markup)));
        QVERIFY(pageFile.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(pageFile.readAll());
        QVERIFY2(page.contains(QStringLiteral("<p>Hello <b>bold</b></p>")), qPrintable(page));
        QVERIFY2(page.contains(QStringLiteral("after")), qPrintable(page));
        QVERIFY2(!page.contains(QStringLiteral("script"), Qt::CaseInsensitive), qPrintable(page));
        QVERIFY(!page.contains(QStringLiteral("alert")));
        QVERIFY(page.contains(QStringLiteral("<h1>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</h1>")));
        // Line breaks of an entry not written as full HTML show as breaks.
        QFile unicodeFile(QDir(dir).filePath(QStringLiteral("%1.html").arg(m_unicode)));
        QVERIFY(unicodeFile.open(QIODevice::ReadOnly));
        QVERIFY(
            QString::fromUtf8(unicodeFile.readAll()).contains(QStringLiteral("Line one<br>\nLine two ✓")));

        // A second export over the first replaces it.
        QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("acct"), QStringLiteral("--format"),
                      QStringLiteral("html"), QStringLiteral("--output"), dir})
                     .exitCode,
                 0);
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), m_dump.size() + 1);
    }

    void exportUsageErrors()
    {
        CliRunner::Run run = cli(QStringLiteral("export acct --format csv"));
        QVERIFY2(run.exitCode == 2 && run.err.contains("Unknown export format 'csv'"), run.describe());
        run = cli(QStringLiteral("export acct --format html"));
        QVERIFY2(run.exitCode == 2 && run.err.contains("--output DIR"), run.describe());
        run = cli(QStringLiteral("export acct"));
        QVERIFY2(run.exitCode == 2 && run.err.contains("needs --format"), run.describe());
        run = cli(QStringLiteral("export acct --format jsonl --journal demo_comm"));
        QVERIFY2(run.exitCode == 1 && run.err.contains("'demo_comm' of account 'acct' is not mirrored yet"),
                 run.describe());
    }

    void searchFindsWordsAndAppliesFilters()
    {
        CliRunner::Run run = cli(QStringLiteral("search acct zanzibarquux"));
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(hitsOf(run), QList<qint64>{m_plain});
        QVERIFY2(run.out.contains("  Quux  ") && run.out.contains("[zanzibarquux]"), run.describe());
        QCOMPARE(hitsOf(cli(QStringLiteral("search acct zanzib"))), QList<qint64>{m_plain});   // a prefix
        QCOMPARE(hitsOf(cli(QStringLiteral("search acct zörbëq"))), QList<qint64>{m_unicode}); // a tag
        // Accents and case do not matter, as a user expects (FTS5's unicode61, remove_diacritics 2).
        QCOMPARE(hitsOf(cli(QStringLiteral("search acct ZORBEQ"))), QList<qint64>{m_unicode});
        run = cli(QStringLiteral("search acct nosuchwordanywhere"));
        QVERIFY2(run.exitCode == 0 && run.out.isEmpty() &&
                     run.err.contains("No entries match \"nosuchwordanywhere\"."),
                 run.describe());

        // Filters keep exactly the hits that pass them.
        const QList<qint64> all = hitsOf(cli(QStringLiteral("search acct garden --limit 10000")));
        QVERIFY2(all.size() > 20 && !all.contains(-1), qPrintable(QString::number(all.size())));
        const auto filtered = [&](const QString& options,
                                  const std::function<bool(const QJsonObject&)>& keep) {
            const QList<qint64> hits =
                hitsOf(cli(QStringLiteral("search acct garden --limit 10000 ") + options));
            QSet<qint64> expected;
            for (qint64 itemid : all) {
                if (keep(dumped(itemid)))
                    expected.insert(itemid);
            }
            QVERIFY2(!expected.isEmpty(), qPrintable(options));
            QCOMPARE(QSet<qint64>(hits.cbegin(), hits.cend()), expected);
        };
        filtered(QStringLiteral("--year 2021"),
                 [](const QJsonObject& e) { return e[u"eventtime"].toString().startsWith(u"2021-"); });
        filtered(QStringLiteral("--security private"),
                 [](const QJsonObject& e) { return e[u"security"].toString() == u"private"; });
        filtered(QStringLiteral("--security usemask"),
                 [](const QJsonObject& e) { return e[u"security"].toString() == u"usemask"; });
        QString someTag;
        for (qint64 itemid : all) {
            const QJsonArray tags = dumped(itemid)[u"tags"].toArray();
            if (!tags.isEmpty()) {
                someTag = tags.first().toString();
                break;
            }
        }
        QVERIFY(!someTag.isEmpty() && !someTag.contains(u' '));
        filtered(QStringLiteral("--tag ") + someTag,
                 [&](const QJsonObject& e) { return e[u"tags"].toArray().contains(QJsonValue(someTag)); });
        QCOMPARE(hitsOf(cli(QStringLiteral("search acct garden --limit 3"))).size(), 3);

        // Whatever is typed, FTS5's own syntax never turns into an error.
        for (const QString& query :
             {QStringLiteral("\""), QStringLiteral("*"), QStringLiteral("garden AND"),
              QStringLiteral("OR NOT"), QStringLiteral("(garden"), QStringLiteral("NEAR(a b)"),
              QStringLiteral("subject:garden"), QStringLiteral("^garden"), QStringLiteral("-garden"),
              QStringLiteral("gar\"den"), QStringLiteral("'"), QStringLiteral("{subject body}: x"),
              QStringLiteral("a + b"), QStringLiteral("\\"), QStringLiteral("   "),
              QStringLiteral("*garden*"), QStringLiteral("\"\"")}) {
            // After "--", as a query starting with '-' has to be (see below).
            run = cli({QStringLiteral("search"), QStringLiteral("acct"), QStringLiteral("--"), query});
            // Standard error has at most the note that nothing matched, never an error.
            QVERIFY2(run.exitCode == 0 &&
                         (run.err.isEmpty() || run.err.startsWith("inkwell-cli: No entries match")),
                     qPrintable(query + u'\n' + QString::fromUtf8(run.describe())));
            QVERIFY2(!hitsOf(run).contains(-1), qPrintable(query));
        }
        // Without "--", "-garden" is an option nobody knows; the message says what to do.
        run = cli(QStringLiteral("search acct -garden"));
        QVERIFY2(run.exitCode == 2 && run.err.contains("Unknown option '-garden'") &&
                     run.err.contains("'--'"),
                 run.describe());
        // The words of a query may also come as separate arguments.
        QCOMPARE(hitsOf(cli(QStringLiteral("search acct Quux zanzib"))), QList<qint64>{m_plain});

        run = cli(QStringLiteral("search acct garden --security friends"));
        QVERIFY2(run.exitCode == 2 && run.err.contains("--security is public, private or usemask"),
                 run.describe());
        run = cli(QStringLiteral("search acct garden --limit 0"));
        QVERIFY2(run.exitCode == 2, run.describe());
        run = cli(QStringLiteral("search acct garden --year twenty"));
        QVERIFY2(run.exitCode == 2, run.describe());
        run = cli(QStringLiteral("search acct"));
        QVERIFY2(run.exitCode == 2 && run.err.contains("search needs words to look for, or a filter"),
                 run.describe());
    }

    void aFilterWithoutWordsListsWhatItLetsThrough()
    {
        // Every entry with the tag, newest first, whatever words it holds.
        QString tag;
        QList<QPair<QString, qint64>> tagged; // (eventtime, itemid)
        for (const QJsonValue& value : m_dump) {
            const QJsonArray tags = value[u"tags"].toArray();
            if (tag.isEmpty() && !tags.isEmpty())
                tag = tags.first().toString();
            if (!tag.isEmpty() && tags.contains(QJsonValue(tag)))
                tagged.append({value[u"eventtime"].toString(), value[u"itemid"].toInteger()});
        }
        QVERIFY(tagged.size() > 1 && !tag.contains(u' '));
        std::sort(tagged.begin(), tagged.end(), std::greater<>());
        QList<qint64> expected;
        for (const auto& [eventtime, itemid] : tagged)
            expected.append(itemid);
        const CliRunner::Run run = cli(QStringLiteral("search acct --limit 10000 --tag ") + tag);
        QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), run.describe());
        QCOMPARE(hitsOf(run), expected);

        const CliRunner::Run none = cli(QStringLiteral("search acct --tag nosuchtag"));
        QVERIFY2(none.exitCode == 0 && none.out.isEmpty() &&
                     none.err.contains("No entries pass the filters."),
                 none.describe());
    }

    void dayCountsMatchTheServer()
    {
        const CliRunner::Run run = cli(QStringLiteral("daycounts acct"));
        QVERIFY2(run.exitCode == 0, run.describe());
        QStringList expected;
        for (const QJsonValue& day : m_serverDayCounts)
            expected.append(day[u"date"].toString() + u' ' + QString::number(day[u"count"].toInt()));
        expected.sort();
        QCOMPARE(QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts), expected);

        const CliRunner::Run year = cli(QStringLiteral("daycounts acct --year 2021"));
        QVERIFY2(year.exitCode == 0, year.describe());
        const QStringList of2021 = expected.filter(QRegularExpression(QStringLiteral("^2021-")));
        QVERIFY(!of2021.isEmpty());
        QCOMPARE(QString::fromUtf8(year.out).split(u'\n', Qt::SkipEmptyParts), of2021);
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "TestCliExport.moc"
