#include "ExportFormats.h"
#include "MirrorQueryCommands.h"
#include "SyncCommand.h"
#include "protocol/JournalMessages.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Inkwell;
using namespace Inkwell::Cli;

// The pieces of export, search and sync output, without a process or a server.
class TestCliExportFormats : public QObject
{
    Q_OBJECT
private:
    static JournalEntry sample()
    {
        JournalEntry entry;
        entry.itemid = 42;
        entry.anum = 7;
        entry.eventtime = QStringLiteral("2024-06-07 08:09:00");
        entry.logtime = QStringLiteral("2024-06-07 08:10:11");
        entry.subject = QStringLiteral("Quote \" backslash \\ ✓");
        entry.body = QStringLiteral("a\r\nb\tc\u0001d 😀 </event> & <b>");
        entry.security = Security::UseMask;
        entry.allowmask = (quint64(1) << 60) | 1;
        entry.props.insert(QStringLiteral("current_mood"), QStringLiteral("happy"));
        entry.props.insert(QStringLiteral("taglist"), QStringLiteral("a, b"));
        return entry;
    }

private slots:
    void jsonlLineIsOneObjectWithTheDocumentedKeys()
    {
        const QByteArray line = jsonlLine(sample(), QStringLiteral("alice"));
        QVERIFY(line.endsWith("}\n"));
        QCOMPARE(line.count('\n'), 1);
        QVERIFY(line.startsWith("{\"itemid\":42,\"eventtime\":\"2024-06-07 08:09:00\",\"logtime\":"));
        // Exactly what JSON requires is escaped; the rest is UTF-8 as it is.
        QVERIFY(line.contains(R"("event":"a\r\nb\tc\u0001d 😀 </event> & <b>")"));
        QVERIFY(line.contains("\"subject\":\"Quote \\\" backslash \\\\ ✓\""));
        QVERIFY(line.contains("\"allowmask\":1152921504606846977,")); // 2^60 + 1, not a double
        QVERIFY(line.contains(R"("poster":"alice","props":{"current_mood":"happy","taglist":"a, b"}})"));
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        QCOMPARE(object.value(QStringLiteral("event")).toString(), sample().body);
        QCOMPARE(object.value(QStringLiteral("subject")).toString(), sample().subject);
        QCOMPARE(object.value(QStringLiteral("security")).toString(), QStringLiteral("usemask"));
        JournalEntry posted = sample();
        posted.poster = QStringLiteral("bob");
        QVERIFY(jsonlLine(posted, QStringLiteral("club")).contains("\"poster\":\"bob\""));
    }

    void ljdumpXmlReadsBack()
    {
        JournalEntry entry = sample();
        entry.props.insert(QStringLiteral("odd name"), QStringLiteral("x"));
        const QByteArray xml = ljdumpXml(entry, QStringLiteral("alice"));
        QVERIFY(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<event>\n<itemid>42</itemid>\n"));
        QCOMPARE(ljdumpFileName(42), QStringLiteral("L-42"));
        QXmlStreamReader reader(xml);
        QVERIFY(reader.readNextStartElement() && reader.name() == QLatin1String("event"));
        QMap<QString, QString> fields;
        QMap<QString, QString> props;
        while (reader.readNextStartElement()) {
            if (reader.name() == QLatin1String("props")) {
                while (reader.readNextStartElement()) {
                    const QString key = reader.name() == QLatin1String("prop")
                                            ? reader.attributes().value(QStringLiteral("name")).toString()
                                            : reader.name().toString();
                    props.insert(key, reader.readElementText());
                }
            } else {
                const QString key = reader.name().toString();
                fields.insert(key, reader.readElementText());
            }
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        // U+0001 cannot be in XML 1.0 at all; everything else comes back, CR included.
        QString body = entry.body;
        body.replace(QChar(1), QChar(0xFFFD));
        QCOMPARE(fields.value(QStringLiteral("event")), body);
        QCOMPARE(fields.value(QStringLiteral("subject")), entry.subject);
        QCOMPARE(fields.value(QStringLiteral("security")), QStringLiteral("usemask"));
        QCOMPARE(fields.value(QStringLiteral("allowmask")), QStringLiteral("1152921504606846977"));
        QCOMPARE(fields.value(QStringLiteral("poster")), QStringLiteral("alice"));
        QCOMPARE(props.value(QStringLiteral("current_mood")), QStringLiteral("happy"));
        QCOMPARE(props.value(QStringLiteral("odd name")), QStringLiteral("x"));

        // A public entry has no security element, as getevents sends none (ljdump's readers rely
        // on that), and an empty subject is left out.
        entry.security = Security::Public;
        entry.subject.clear();
        const QByteArray plain = ljdumpXml(entry, QStringLiteral("alice"));
        QVERIFY(!plain.contains("<security>") && !plain.contains("<allowmask>") &&
                !plain.contains("<subject>"));
    }

    void scriptsAreRemovedAndTheRestKept_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "<p>Hi <b>there</b></p>"
                               << "<p>Hi <b>there</b></p>";
        QTest::newRow("element") << "a<script>alert(1)</script>b"
                                 << "ab";
        QTest::newRow("case and attributes") << "a<SCRIPT type=\"text/javascript\" src=x>\n1\n</Script >b"
                                             << "ab";
        QTest::newRow("nested to assemble") << "a<scr<script>x</script>ipt>alert(2)</script>b"
                                            << "ab";
        // Both stray end tags go in one round, which leaves an unclosed element: gone to the end.
        QTest::newRow("stray tag assembles an element") << "a<scr</script>ipt>alert(4)</script>b"
                                                        << "a";
        QTest::newRow("twice nested") << "a<scr<scr<script></script>ipt></script>ipt>alert(5)</script>b"
                                      << "ab";
        QTest::newRow("unclosed start tag") << "a<script"
                                            << "a";
        QTest::newRow("unclosed") << "a<script>alert(3)"
                                  << "a";
        QTest::newRow("stray end tag") << "a</script>b"
                                       << "ab";
        QTest::newRow("slash attribute") << "a<script/src=x></script>b"
                                         << "ab";
        QTest::newRow("not a script") << "<p>scripts, <scripture> and a description</p>"
                                      << "<p>scripts, <scripture> and a description</p>";
        QTest::newRow("a refresh")
            << "a<meta http-equiv=\"refresh\" content=\"0; url=https://example.com/\">b"
            << "ab";
        QTest::newRow("a base") << "a<BASE href=\"https://example.com/\">b<base/>c"
                                << "abc";
        QTest::newRow("a meta put together") << "a<me<meta>ta http-equiv=refresh content=0>b"
                                             << "ab";
        QTest::newRow("not a meta") << "<p>metadata and a basement</p>"
                                    << "<p>metadata and a basement</p>";
    }

    void scriptsAreRemovedAndTheRestKept()
    {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        QCOMPARE(withoutActiveHtml(html), expected);
    }

    void htmlPagesEscapeSubjectsAndKeepBodies()
    {
        JournalEntry entry = sample();
        entry.subject = QStringLiteral("<i>Tom</i> & \"Jerry\"");
        entry.body = QStringLiteral("<b>one</b>\ntwo<script>x()</script>");
        const QString page = QString::fromUtf8(htmlEntryPage(entry, QStringLiteral("alice")));
        QVERIFY(page.contains(QStringLiteral("<h1>&lt;i&gt;Tom&lt;/i&gt; &amp; &quot;Jerry&quot;</h1>")));
        QVERIFY(page.contains(QStringLiteral("<b>one</b><br>\ntwo\n</div>")));
        QVERIFY(!page.contains(QStringLiteral("script")));
        QVERIFY(page.contains(QStringLiteral("Tags: a, b")));
        QVERIFY(page.contains(QStringLiteral("Mood: happy")));
        QVERIFY(!page.contains(QStringLiteral("Music:"))); // there is none
        // The date leads to the entry on its site; a link that is no web address is left out.
        entry.url = QStringLiteral("https://alice.example/42.html?a=1&b=2");
        QVERIFY(
            QString::fromUtf8(htmlEntryPage(entry, QStringLiteral("alice")))
                .contains(QStringLiteral("<a href=\"https://alice.example/42.html?a=1&amp;b=2\">2024-06-07 "
                                         "08:09</a>")));
        entry.url = QStringLiteral("javascript:alert(1)");
        QVERIFY(!QString::fromUtf8(htmlEntryPage(entry, QStringLiteral("alice"))).contains(u"alert"));
        entry.url.clear();
        // What is left of an entry's HTML (onclick=, javascript: links) cannot run: no scripts at all.
        QVERIFY(page.contains(QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" "
                                             "content=\"default-src 'none'; ")));
        // Nothing is loaded from elsewhere and the page goes nowhere by itself: the policy allows
        // no other place for pictures, frames, styles or fonts, no <base>, no form.
        const QRegularExpression policy(QStringLiteral("Content-Security-Policy\" content=\"([^\"]*)\""));
        const QString rules = policy.match(page).captured(1);
        QVERIFY2(!rules.contains(u'*') && !rules.contains(QStringLiteral("http")), qPrintable(rules));
        QVERIFY2(rules.contains(QStringLiteral("base-uri 'none'")) &&
                     rules.contains(QStringLiteral("form-action 'none'")),
                 qPrintable(rules));
        entry.body =
            QStringLiteral("<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example/\">"
                           "<base href=\"https://evil.example/\"><img src=\"https://evil.example/x.png\">");
        const QString hostile = QString::fromUtf8(htmlEntryPage(entry, QStringLiteral("alice")));
        QVERIFY(!hostile.contains(QStringLiteral("refresh")) && !hostile.contains(QStringLiteral("<base")));
        entry.body = QStringLiteral("<b>one</b>\ntwo");
        entry.props.insert(QStringLiteral("opt_preformatted"), QStringLiteral("1"));
        QVERIFY(QString::fromUtf8(htmlEntryPage(entry, QStringLiteral("alice")))
                    .contains(QStringLiteral("<b>one</b>\ntwo\n</div>")));

        const QString index = QString::fromUtf8(htmlIndexPage(
            {{2, QStringLiteral("2024-01-02 03:04:05"), QStringLiteral("<x>"), QStringLiteral("private")},
             {1, QStringLiteral("2023-01-01 00:00:00"), QString(), QStringLiteral("public")}},
            QStringLiteral("alice")));
        QVERIFY(index.contains(
            QStringLiteral("<span class=\"date\">2024-01-02 03:04</span> <a href=\"2.html\">&lt;x&gt;</a>")));
        QVERIFY(index.contains(QStringLiteral("<a href=\"1.html\">(no subject)</a>")));
        QVERIFY(index.indexOf(QStringLiteral("2.html")) < index.indexOf(QStringLiteral("1.html")));
    }

    void searchSnippetsShowMatchesInBrackets()
    {
        QCOMPARE(displayedSnippet(QStringLiteral("…the \u0002garden\u0003 in\nspring…")),
                 QStringLiteral("…the [garden] in spring…"));
    }

    void syncSummaryHasOneDecimal()
    {
        SyncReport report;
        report.added = 700;
        report.updated = 1;
        report.deleted = 2;
        report.requests = 12;
        report.milliseconds = 1249;
        QCOMPARE(syncSummary(report),
                 QStringLiteral("added 700 updated 1 deleted 2 requests 12 seconds 1.2"));
        report.milliseconds = 0;
        QVERIFY(syncSummary(report).endsWith(QStringLiteral(" seconds 0.0")));
        QCOMPARE(progressLine(SyncEngine::Phase::Fetching, 300, 1234),
                 QStringLiteral("fetching 300/1234 entries"));
        QCOMPARE(progressLine(SyncEngine::Phase::Enumerating, 0, 0), QStringLiteral("listing changes"));
        QVERIFY(progressLine(SyncEngine::Phase::Finished, 0, 0).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliExportFormats)
#include "TestCliExportFormats.moc"
