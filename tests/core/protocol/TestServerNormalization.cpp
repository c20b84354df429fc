#include "Transcript.h"
#include "journal/ServerNormalization.h"
#include "protocol/FlatCodec.h"
#include "protocol/JournalMessages.h"
#include "protocol/XmlRpcCodec.h"

#include <QTest>

using namespace Inkwell;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Inkwell::JournalEntry)
Q_DECLARE_METATYPE(Inkwell::Interface)

namespace {

QString transcriptsDir()
{
    return qEnvironmentVariable("INKWELL_TRANSCRIPTS");
}

Transcript load(const QString& name)
{
    return Transcript::load(transcriptsDir() + u'/' + name + QStringLiteral(".txt"));
}

// A recorded request's fields, as the XML-RPC tree the server reads.
ProtocolValue requestFields(const Transcript& t)
{
    if (t.interface == u"flat") {
        ProtocolValue request = ProtocolValue::emptyMap();
        ProtocolValue props = ProtocolValue::emptyMap();
        for (const QByteArray& pair : t.requestBody.split('&')) {
            const qsizetype eq = pair.indexOf('=');
            const auto decoded = [](QByteArray text) {
                return QString::fromUtf8(QByteArray::fromPercentEncoding(text.replace('+', ' ')));
            };
            const QString key = decoded(pair.left(eq));
            const QString value = decoded(pair.mid(eq + 1));
            if (key.startsWith(QStringLiteral("prop_")))
                props.insert(key.mid(5), value);
            else
                request.insert(key, value);
        }
        request.insert(QStringLiteral("props"), props);
        return request;
    }
    // A methodCall's one struct parameter reads like a methodResponse's.
    QByteArray body = t.requestBody;
    body.replace("methodCall", "methodResponse");
    const qsizetype name = body.indexOf("<methodName>");
    body.remove(name, body.indexOf("</methodName>") + 13 - name);
    const auto value = XmlRpcCodec().decodeResponse(body, QStringLiteral("postevent"));
    return value ? value.value() : ProtocolValue();
}

// What the recorded postevent sent, as an entry.
JournalEntry sentEntry(const Transcript& post)
{
    const ProtocolValue fields = requestFields(post);
    const auto number = [&](const char* key) {
        return int(fields.member(QString::fromLatin1(key)).toInt());
    };
    JournalEntry entry;
    entry.subject = fields.member(QStringLiteral("subject")).toText();
    entry.body = fields.member(QStringLiteral("event")).toText();
    entry.eventtime = QStringLiteral("%1-%2-%3 %4:%5:00")
                          .arg(number("year"), 4, 10, QLatin1Char('0'))
                          .arg(number("mon"), 2, 10, QLatin1Char('0'))
                          .arg(number("day"), 2, 10, QLatin1Char('0'))
                          .arg(number("hour"), 2, 10, QLatin1Char('0'))
                          .arg(number("min"), 2, 10, QLatin1Char('0'));
    entry.security = securityFromString(fields.member(QStringLiteral("security")).toText());
    entry.allowmask = quint64(fields.member(QStringLiteral("allowmask")).toInt());
    const ProtocolValue& props = fields.member(QStringLiteral("props"));
    for (auto it = props.members().cbegin(); it != props.members().cend(); ++it)
        entry.props.insert(it.key(), it.value().toText());
    return entry;
}

std::optional<JournalEntry> readEntry(const Transcript& read, qint64 itemid)
{
    const ProtocolResult<ProtocolValue> reply =
        read.interface == u"flat" ? FlatCodec().decodeResponse(read.responseBody, read.mode)
                                  : XmlRpcCodec().decodeResponse(read.responseBody, read.mode);
    if (!reply)
        return std::nullopt;
    const auto entries = entriesFromReply(reply.value());
    if (!entries)
        return std::nullopt;
    for (const JournalEntry& entry : entries.value()) {
        if (entry.itemid == itemid)
            return entry;
    }
    return std::nullopt;
}

QMap<QString, QString> readersProps(const JournalEntry& entry)
{
    QMap<QString, QString> props;
    for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
        if (!isServerOwnedProp(it.key()))
            props.insert(it.key(), it.value());
    }
    return props;
}

JournalEntry entry(const QString& subject, const QString& body, const QMap<QString, QString>& props = {})
{
    JournalEntry e;
    e.subject = subject;
    e.body = body;
    e.eventtime = QStringLiteral("2026-11-20 09:30:00");
    e.props = props;
    return e;
}

} // namespace

// What a server makes of an entry it was sent: checked against the real server's recordings, and
// row by row against the rules of REFERENCE.md that the recordings do not cover.
class TestServerNormalization : public QObject
{
    Q_OBJECT
private slots:
    void recordedPostsReadBackAsModelled_data()
    {
        QTest::addColumn<QString>("post");
        QTest::addColumn<QString>("read");
        QTest::addColumn<qint64>("itemid");
        // Mixed CRLF/LF and surrounding blanks, read back with lineendings=unix.
        QTest::newRow("line endings") << u"flat/031-postevent-mixed-lineendings"_s
                                      << u"flat/063-getevents-lineendings-unix"_s << qint64(7);
        QTest::newRow("unicode") << u"flat/026-postevent-utf8-ver1"_s << u"flat/080-getevents-syncitems"_s
                                 << qint64(4);
        QTest::newRow("private") << u"flat/034-postevent-private"_s << u"flat/080-getevents-syncitems"_s
                                 << qint64(10);
        QTest::newRow("usemask") << u"flat/035-postevent-usemask-1"_s << u"flat/080-getevents-syncitems"_s
                                 << qint64(11);
        QTest::newRow("unicode props")
            << u"xmlrpc/086-postevent-utf8-props"_s << u"xmlrpc/087-getevents-utf8-props"_s << qint64(17);
    }

    void recordedPostsReadBackAsModelled()
    {
        QFETCH(QString, post);
        QFETCH(QString, read);
        QFETCH(qint64, itemid);
        const Transcript sent = load(post);
        const Transcript got = load(read);
        QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
        QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
        const JournalEntry entry = sentEntry(sent);
        const std::optional<JournalEntry> onServer = readEntry(got, itemid);
        QVERIFY(onServer);
        const Interface interface = got.interface == u"flat" ? Interface::Flat : Interface::XmlRpc;
        const JournalEntry stored = ServerNormalization(interface).storedForm(entry);
        QCOMPARE(stored.subject, onServer->subject);
        QCOMPARE(stored.body, onServer->body);
        QCOMPARE(stored.eventtime, onServer->eventtime);
        QCOMPARE(toString(stored.security), toString(onServer->security));
        QCOMPARE(readersProps(stored), readersProps(*onServer));
        QVERIFY(ServerNormalization(interface).isStoredFormOf(*onServer, entry));
    }

    void storedForm_data()
    {
        QTest::addColumn<Interface>("interface");
        QTest::addColumn<JournalEntry>("sent");
        QTest::addColumn<JournalEntry>("stored");
        const auto row = [](const char* name, const JournalEntry& sent, const JournalEntry& stored,
                            Interface interface = Interface::Flat) {
            QTest::newRow(name) << interface << sent << stored;
        };
        const QString hundred(100, u'x');
        // REFERENCE.md 3.3: "lineendings ... anything else: all CR removed"; event trimmed.
        row("CRLF body", entry(u"s"_s, u"a\r\nb\r\n\r\nc\r\n"_s), entry(u"s"_s, u"a\nb\n\nc"_s));
        row("lone CR body", entry(u"s"_s, u"a\rb"_s), entry(u"s"_s, u"ab"_s));
        row("blank body edges", entry(u"s"_s, u"\t \n text \f\v\r\n"_s), entry(u"s"_s, u"text"_s));
        // Perl's \s is ASCII: a no-break space is text.
        row("no-break space", entry(u"s"_s, u"\u00a0text\u00a0"_s), entry(u"s"_s, u"\u00a0text\u00a0"_s));
        // 3.5: subject "CR/LF replaced by spaces".
        row("two-line subject", entry(u"one\r\ntwo\nthree"_s, u"b"_s), entry(u"one  two three"_s, u"b"_s));
        row("subject edges", entry(u"  hi \t"_s, u"b"_s), entry(u"hi"_s, u"b"_s));
        // 4.4: subject 255 bytes / 100 characters (LiveJournal cuts; Dreamwidth refuses).
        row("300-character subject", entry(QString(300, u'x'), u"b"_s), entry(hundred, u"b"_s));
        row("255 bytes of CJK", entry(QString(100, u'日'), u"b"_s), entry(QString(85, u'日'), u"b"_s));
        row("emoji are one character", entry(QString(u"😀"_s).repeated(70), u"b"_s),
            entry(QString(u"😀"_s).repeated(63), u"b"_s));
        // 3.5: prop values "newlines replaced by spaces"; 4.9: flat replies drop every CR.
        row("prop with line breaks (flat)", entry(u"s"_s, u"b"_s, {{u"current_music"_s, u"a\r\nb\nc"_s}}),
            entry(u"s"_s, u"b"_s, {{u"current_music"_s, u"a b c"_s}}));
        row("prop with line breaks (XML-RPC)", entry(u"s"_s, u"b"_s, {{u"current_music"_s, u"a\r\nb\nc"_s}}),
            entry(u"s"_s, u"b"_s, {{u"current_music"_s, u"a\r b c"_s}}), Interface::XmlRpc);
        // 6: char props trimmed and cut to 100 characters / 255 bytes.
        row("prop edges", entry(u"s"_s, u"b"_s, {{u"current_mood"_s, u"  happy \n"_s}}),
            entry(u"s"_s, u"b"_s, {{u"current_mood"_s, u"happy"_s}}));
        row("long prop", entry(u"s"_s, u"b"_s, {{u"current_location"_s, QString(150, u'y')}}),
            entry(u"s"_s, u"b"_s, {{u"current_location"_s, QString(100, u'y')}}));
        row("syn_link is cut by bytes only", entry(u"s"_s, u"b"_s, {{u"syn_link"_s, QString(300, u'l')}}),
            entry(u"s"_s, u"b"_s, {{u"syn_link"_s, QString(255, u'l')}}));
        // 3.4/6: empty or 0 is no prop (flat/032 sent current_moodid=0; flat/057 has none).
        row("zero and blank props",
            entry(u"s"_s, u"b"_s,
                  {{u"opt_nocomments"_s, u"0"_s},
                   {u"current_moodid"_s, u"0"_s},
                   {u"current_music"_s, u"  "_s},
                   {u"opt_backdated"_s, u"1"_s}}),
            entry(u"s"_s, u"b"_s, {{u"opt_backdated"_s, u"1"_s}}));
        // Tags (flat/032 sent "tag one, Tag Two,three"; getusertags flat/116 lists "tag two").
        row("tags in lower case, once each",
            entry(u"s"_s, u"b"_s, {{u"taglist"_s, u"Tag  Two, tag one,three, tag two , ,THREE"_s}}),
            entry(u"s"_s, u"b"_s, {{u"taglist"_s, u"tag one, tag two, three"_s}}));
        row("tags cut at 40 characters",
            entry(u"s"_s, u"b"_s, {{u"taglist"_s, QString(50, u'a') + u", b"_s}}),
            entry(u"s"_s, u"b"_s, {{u"taglist"_s, QString(40, u'a') + u", b"_s}}));
        row("tags cut at 80 bytes", entry(u"s"_s, u"b"_s, {{u"taglist"_s, QString(40, u'ü')}}),
            entry(u"s"_s, u"b"_s, {{u"taglist"_s, QString(40, u'ü')}}));
        row("tags cut at 80 bytes (CJK)", entry(u"s"_s, u"b"_s, {{u"taglist"_s, QString(40, u'日')}}),
            entry(u"s"_s, u"b"_s, {{u"taglist"_s, QString(26, u'日')}}));
        row("server's props are not sent",
            entry(u"s"_s, u"b"_s, {{u"revnum"_s, u"3"_s}, {u"interface"_s, u"flat"_s}}),
            entry(u"s"_s, u"b"_s));
        const QString html = u"<p>Hi &amp; <b>bye</b></p>\n<lj-cut text=\"more\">x</lj-cut>"_s;
        row("HTML and Unicode as sent", entry(u"Ünïcödé тема 日本 😀"_s, html),
            entry(u"Ünïcödé тема 日本 😀"_s, html));

        JournalEntry seconds = entry(u"s"_s, u"b"_s);
        seconds.eventtime = u"2026-11-20 09:30:42"_s;
        row("minutes only", seconds, entry(u"s"_s, u"b"_s));
        JournalEntry privateWithMask = entry(u"s"_s, u"b"_s);
        privateWithMask.security = Security::Private;
        privateWithMask.allowmask = 6;
        JournalEntry privateStored = privateWithMask;
        privateStored.allowmask = 0;
        row("no mask unless usemask", privateWithMask, privateStored);
    }

    void storedForm()
    {
        QFETCH(Interface, interface);
        QFETCH(JournalEntry, sent);
        QFETCH(JournalEntry, stored);
        const ServerNormalization server(interface);
        const JournalEntry made = server.storedForm(sent);
        QCOMPARE(made.subject, stored.subject);
        QCOMPARE(made.body, stored.body);
        QCOMPARE(made.eventtime, stored.eventtime);
        QCOMPARE(made.allowmask, stored.allowmask);
        QCOMPARE(made.props, stored.props);
        QVERIFY(server.isStoredFormOf(stored, sent));
        // What the server keeps, sent again, stays as it is (an edit of a mirrored entry).
        QVERIFY(server.storedForm(made) == made);
    }

    void isStoredFormOf()
    {
        const ServerNormalization server(Interface::Flat);
        const JournalEntry sent = entry(u"s"_s, u"body"_s,
                                        {{u"picture_keyword"_s, u"no such icon"_s},
                                         {u"taglist"_s, u"Émile, b"_s},
                                         {u"current_mood"_s, u"ok"_s}});
        JournalEntry onServer = server.storedForm(sent);
        QVERIFY(server.isStoredFormOf(onServer, sent));

        // The icon was unknown to the server (flat/032: "nonexistent kw" read back empty).
        onServer.props.remove(u"picture_keyword"_s);
        QVERIFY(server.isStoredFormOf(onServer, sent));
        // Tags come in any order, in the server's lower case, with server props beside them.
        onServer.props.insert(u"taglist"_s, u"b, émile"_s);
        onServer.props.insert(u"revnum"_s, u"1"_s);
        onServer.props.insert(u"interface"_s, u"flat"_s);
        QVERIFY(server.isStoredFormOf(onServer, sent));

        // Anything a reader sees differently is another entry.
        const auto differs = [&](auto change) {
            JournalEntry other = onServer;
            change(other);
            return !server.isStoredFormOf(other, sent);
        };
        QVERIFY(differs([](JournalEntry& e) { e.body += u"!"_s; }));
        QVERIFY(differs([](JournalEntry& e) { e.subject = u"t"_s; }));
        QVERIFY(differs([](JournalEntry& e) { e.eventtime = u"2026-11-20 09:31:00"_s; }));
        QVERIFY(differs([](JournalEntry& e) { e.security = Security::Private; }));
        QVERIFY(differs([](JournalEntry& e) { e.props.insert(u"taglist"_s, u"b"_s); }));
        QVERIFY(differs([](JournalEntry& e) { e.props.insert(u"current_mood"_s, u"sad"_s); }));
        QVERIFY(differs([](JournalEntry& e) { e.props.insert(u"current_music"_s, u"x"_s); }));
        QVERIFY(differs([](JournalEntry& e) { e.props.insert(u"picture_keyword"_s, u"another"_s); }));
    }
};

QTEST_GUILESS_MAIN(TestServerNormalization)
#include "TestServerNormalization.moc"
