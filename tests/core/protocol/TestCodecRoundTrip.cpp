// Requests whose text has emoji, CRLF, HTML, control characters and a megabyte of body are encoded
// by our codecs and read back by independent parsers (Python's xmlrpc.client and urllib, through
// /usr/bin/python3), byte for byte; replies carrying the same text decode back to the same bytes.

#include "ValuePrinting.h"
#include "protocol/FlatCodec.h"
#include "protocol/XmlRpcCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Inkwell;
using namespace Qt::StringLiterals;
using Map = ProtocolValue::Map;
using List = ProtocolValue::List;

namespace {

// Prints what Python's own parsers make of a request body, as JSON with every string as base64 of
// its UTF-8 (or raw) bytes so that nothing is lost on the way back.
const char* const kPythonReader = R"PY(
import base64, json, sys, urllib.parse, xmlrpc.client
data = sys.stdin.buffer.read()
def conv(v):
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"double": repr(v)}
    if isinstance(v, str):
        return {"str": base64.b64encode(v.encode("utf-8", "surrogatepass")).decode()}
    if isinstance(v, (bytes, bytearray)):
        return {"bytes": base64.b64encode(bytes(v)).decode()}
    if isinstance(v, dict):
        return {"struct": {k: conv(x) for k, x in v.items()}}
    if isinstance(v, (list, tuple)):
        return {"array": [conv(x) for x in v]}
    raise TypeError(type(v))
if sys.argv[1] == "xmlrpc":
    params, method = xmlrpc.client.loads(data, use_builtin_types=True)
    out = {"method": method, "params": [conv(p) for p in params]}
else:
    pairs = urllib.parse.parse_qsl(data.decode("ascii"), keep_blank_values=True, strict_parsing=True,
                                   encoding="latin-1")
    out = {"fields": [[k, base64.b64encode(v.encode("latin-1")).decode()] for k, v in pairs]}
json.dump(out, sys.stdout)
)PY";

QString python()
{
    const QString configured = qEnvironmentVariable("INKWELL_PYTHON");
    return configured.isEmpty() ? u"/usr/bin/python3"_s : configured;
}

QJsonObject readWithPython(const char* interface, const QByteArray& body)
{
    QProcess process;
    process.start(python(), {u"-c"_s, QString::fromUtf8(kPythonReader), QString::fromLatin1(interface)});
    if (!process.waitForStarted(10000))
        qFatal("cannot start %s", qPrintable(python()));
    process.write(body);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        qFatal("python failed: %s", process.readAllStandardError().constData());
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

QByteArray b64(const QJsonValue& value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

QByteArray megabyteOfText()
{
    QByteArray text;
    const QByteArray line = "<p class=\"x\">Fish &amp; chips — “quotes” 😀🎉 日本語 Кириллица</p>\r\n"
                            "\tTabs, trailing space \r\n%41 + plus & amp = eq ]]> end\n";
    while (text.size() < 1024 * 1024)
        text += line;
    return text;
}

// The texts every round trip carries.
QList<std::pair<QString, QByteArray>> texts()
{
    return {
        {u"emoji"_s, "Emoji \xF0\x9F\x98\x80\xF0\x9F\x8E\x89 and CJK \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"},
        {u"crlf"_s, "line one\r\nline two\r\n\r\nlast\rCR only\n"},
        {u"html"_s, "<b>bold</b> &amp; <a href=\"x?a=1&b=2\">link</a> ]]> <![CDATA[ x ]]>"},
        {u"blanks"_s, "  leading and trailing  \t"},
        {u"empty"_s, ""},
        {u"control"_s, QByteArray("bell\x07 nul\x00 esc\x1B", 15)},
        {u"latin1"_s, "caf\xE9 (not UTF-8)"},
        {u"big"_s, megabyteOfText()},
    };
}

ProtocolValue postRequest()
{
    Map props;
    Map request{{u"username"_s, u"alice"_s}, {u"allowmask"_s, ProtocolValue(qint64(1) << 60 | 1)}};
    for (const auto& [name, text] : texts()) {
        request.insert(name, ProtocolValue::fromUtf8(text));
        props.insert(u"current_"_s + name, ProtocolValue::fromUtf8(text.left(200)));
    }
    request.insert(u"props"_s, ProtocolValue(props));
    return ProtocolValue(request);
}

// LJ::eurl, written out independently of our decoder (REFERENCE.md 1.2).
QByteArray eurl(const QByteArray& bytes)
{
    QByteArray out;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
            QByteArrayView("_,-./\\:").contains(c))
            out.append(c);
        else if (u == ' ')
            out.append('+');
        else
            out.append('%').append(QByteArray::number(u, 16).rightJustified(2, '0').toUpper());
    }
    return out;
}

} // namespace

class TestCodecRoundTrip : public QObject
{
    Q_OBJECT
private slots:
    void xmlRpcRequestReadByPython()
    {
        const auto encoded = XmlRpcCodec().encodeRequest(u"postevent"_s, postRequest());
        QVERIFY(encoded);
        const QJsonObject parsed = readWithPython("xmlrpc", encoded.value());
        QCOMPARE(parsed.value(u"method"_s).toString(), u"LJ.XMLRPC.postevent"_s);
        const QJsonArray params = parsed.value(u"params"_s).toArray();
        QCOMPARE(params.size(), 1);
        const QJsonObject members = params.at(0).toObject().value(u"struct"_s).toObject();
        for (const auto& [name, text] : texts()) {
            const QJsonObject value = members.value(name).toObject();
            // XML-safe text arrives as a string, the rest as base64: the same bytes either way.
            const QByteArray bytes =
                value.contains(u"str"_s) ? b64(value.value(u"str"_s)) : b64(value.value(u"bytes"_s));
            QVERIFY2(!value.isEmpty(), qPrintable(name));
            QCOMPARE(bytes.size(), text.size());
            QVERIFY2(bytes == text, qPrintable(name));
            const bool xmlSafe = name != u"control" && name != u"latin1";
            QCOMPARE(value.contains(u"str"_s), xmlSafe);
            const QJsonObject prop = members.value(u"props"_s)
                                         .toObject()
                                         .value(u"struct"_s)
                                         .toObject()
                                         .value(u"current_"_s + name)
                                         .toObject();
            const QByteArray propBytes =
                prop.contains(u"str"_s) ? b64(prop.value(u"str"_s)) : b64(prop.value(u"bytes"_s));
            QCOMPARE(propBytes, text.left(200));
        }
        QCOMPARE(b64(members.value(u"username"_s).toObject().value(u"str"_s)), QByteArray("alice"));
        QCOMPARE(members.value(u"ver"_s).toObject().value(u"int"_s).toString(), u"1"_s);
        QCOMPARE(b64(members.value(u"allowmask"_s).toObject().value(u"str"_s)),
                 QByteArray("1152921504606846977"));
    }

    void flatRequestReadByPython()
    {
        const auto encoded = FlatCodec().encodeRequest(u"postevent"_s, postRequest());
        QVERIFY(encoded);
        const QJsonArray fields = readWithPython("flat", encoded.value()).value(u"fields"_s).toArray();
        QHash<QString, QByteArray> byKey;
        QStringList order;
        for (const QJsonValue& field : fields) {
            const QString key = field.toArray().at(0).toString();
            QVERIFY2(!byKey.contains(key), qPrintable(u"duplicate key "_s + key));
            byKey.insert(key, b64(field.toArray().at(1)));
            order << key;
        }
        QCOMPARE(order.mid(0, 3), (QStringList{u"mode"_s, u"user"_s, u"ver"_s}));
        QCOMPARE(byKey.value(u"mode"_s), QByteArray("postevent"));
        QCOMPARE(byKey.value(u"user"_s), QByteArray("alice"));
        QCOMPARE(byKey.value(u"ver"_s), QByteArray("1"));
        QCOMPARE(byKey.value(u"allowmask"_s), QByteArray("1152921504606846977"));
        for (const auto& [name, text] : texts()) {
            QVERIFY2(byKey.contains(name), qPrintable(name));
            QVERIFY2(byKey.value(name) == text, qPrintable(name));
            QCOMPARE(byKey.value(u"prop_current_"_s + name), text.left(200));
        }
    }

    void xmlRpcRepliesDecodeToTheSameBytes()
    {
        // Our encoder's value XML, wrapped as a methodResponse, read by our decoder: the tree comes
        // back exactly (this also runs the 1 MB text through the canonical reader).
        const ProtocolValue request = postRequest();
        const QByteArray call = XmlRpcCodec().encodeRequest(u"postevent"_s, request).value();
        const qsizetype start = call.indexOf("<param>") + 7;
        const QByteArray value = call.mid(start, call.lastIndexOf("</param>") - start);
        const QByteArray reply = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodResponse><params><param>" +
                                 value + "</param></params></methodResponse>";
        const auto decoded = XmlRpcCodec().decodeResponse(reply, u"postevent"_s);
        QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().toString()));
        for (const auto& [name, text] : texts())
            QVERIFY2(decoded.value().member(name).toUtf8() == text, qPrintable(name));
        ProtocolValue expected = request;
        expected.insert(u"ver"_s, 1);
        QVERIFY(decoded.value().isEquivalent(expected));

        // The same body as the server would send it: base64 for non-ASCII (1.3.1).
        for (const auto& [name, text] : texts()) {
            const QByteArray body = "<methodResponse><params><param><value><struct><member><name>event</name>"
                                    "<value><base64>" +
                                    text.toBase64() +
                                    "</base64></value></member></struct></value></param></params>"
                                    "</methodResponse>";
            QVERIFY2(XmlRpcCodec().decodeResponse(body, u"getevents"_s).value().member(u"event").toUtf8() ==
                         text,
                     qPrintable(name));
        }
    }

    void flatRepliesDecodeToTheSameBytes()
    {
        // Entry bodies are eurl-encoded by the server and decoded by us; CR/LF and '%'/'+' survive.
        for (const auto& [name, text] : texts()) {
            const QByteArray body = "events_1_event\n" + eurl(text) +
                                    "\nevents_1_itemid\n1\nevents_count\n1\n"
                                    "prop_count\n0\nsuccess\nOK\n";
            const auto decoded = FlatCodec().decodeResponse(body, u"getevents"_s);
            QVERIFY2(decoded, qPrintable(name));
            QVERIFY2(decoded.value().member(u"events").at(0).member(u"event").toUtf8() == text,
                     qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestCodecRoundTrip)
#include "TestCodecRoundTrip.moc"
