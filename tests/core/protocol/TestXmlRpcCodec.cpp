#include "ValuePrinting.h"
#include "protocol/XmlRpcCodec.h"
#include "protocol/XmlRpcReader.h"

#include <QTest>
#include <QXmlStreamReader>

using namespace Inkwell;
using namespace Qt::StringLiterals;
using Type = ProtocolValue::Type;
using Category = ProtocolError::Category;

namespace {

QByteArray response(const QByteArray& valueXml)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodResponse><params><param><value>" + valueXml +
           "</value></param></params></methodResponse>";
}

QByteArray member(const QByteArray& name, const QByteArray& valueXml)
{
    return "<member><name>" + name + "</name><value>" + valueXml + "</value></member>";
}

// The reply struct's `v` member.
QByteArray single(const QByteArray& valueXml)
{
    return response("<struct>" + member("v", valueXml) + "</struct>");
}

ProtocolResult<ProtocolValue> decode(const QByteArray& body, const DecodeLimits& limits = {})
{
    XmlRpcCodec codec;
    codec.setLimits(limits);
    return codec.decodeResponse(body, u"test"_s);
}

ProtocolValue decodeOk(const QByteArray& body)
{
    const auto result = decode(body);
    if (!result)
        qFatal("decode failed: %s\n%s", qPrintable(result.error().toString()), body.left(400).constData());
    return result.value();
}

ProtocolValue decodeSingle(const QByteArray& valueXml)
{
    return decodeOk(single(valueXml)).member(u"v");
}

QByteArray encode(const ProtocolValue& request, const QString& mode = u"postevent"_s)
{
    const auto result = XmlRpcCodec().encodeRequest(mode, request);
    if (!result)
        qFatal("encode failed: %s", qPrintable(result.error().toString()));
    return result.value();
}

// The value XML of member `name` in an encoded request (the struct param's members are sorted).
QByteArray encodedMember(const QByteArray& call, const QByteArray& name)
{
    const QByteArray start = "<member><name>" + name + "</name>";
    const qsizetype at = call.indexOf(start);
    if (at < 0)
        return {};
    const qsizetype valueStart = at + start.size();
    return call.mid(valueStart, call.indexOf("</member>", valueStart) - valueStart);
}

// Both readers must agree whenever the canonical one accepts a document.
void verifyReadersAgree(const QByteArray& body)
{
    const DecodeLimits limits;
    const auto canonical = XmlRpcReader::readCanonical(body, limits);
    const auto stream = XmlRpcReader::readWithStreamReader(body, limits);
    if (canonical.outcome == XmlRpcReader::Outcome::NotCanonical)
        return;
    QCOMPARE(int(canonical.outcome), int(stream.outcome));
    QCOMPARE(canonical.value, stream.value);
}

} // namespace

class TestXmlRpcCodec : public QObject
{
    Q_OBJECT
private slots:
    // ---- encoding ----------------------------------------------------------------------------

    void encodesAMethodCall()
    {
        const QByteArray call =
            encode(ProtocolValue(ProtocolValue::Map{{u"username"_s, u"bob"_s}}), u"login"_s);
        QVERIFY(call.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        QVERIFY(call.contains(
            "<methodCall><methodName>LJ.XMLRPC.login</methodName><params><param><value><struct>"));
        QVERIFY(call.contains("</struct></value></param></params></methodCall>"));
        QCOMPARE(encodedMember(call, "username"), QByteArray("<value><string>bob</string></value>"));
        QCOMPARE(encodedMember(call, "ver"), QByteArray("<value><int>1</int></value>")); // 1.4
        QCOMPARE(call.count("<param>"), 1);
        // A request of its own ver keeps it; no request at all is an empty struct.
        const QByteArray ver2 = encode(ProtocolValue(ProtocolValue::Map{{u"ver"_s, ProtocolValue(2)}}));
        QCOMPARE(encodedMember(ver2, "ver"), QByteArray("<value><int>2</int></value>"));
        QVERIFY(encode(ProtocolValue(), u"getchallenge"_s).contains("LJ.XMLRPC.getchallenge"));
        QVERIFY(!XmlRpcCodec().encodeRequest(u"login"_s, ProtocolValue(u"x"_s)));
    }

    void encodesText()
    {
        const ProtocolValue request(ProtocolValue::Map{
            {u"event"_s, ProtocolValue(u"<p>Fish & chips</p> ]]> \"q\" 'a'\r\nline\ttab 🎉"_s)},
        });
        const QByteArray call = encode(request);
        QCOMPARE(
            encodedMember(call, "event"),
            QByteArray("<value><string>&lt;p&gt;Fish &amp; chips&lt;/p&gt; ]]&gt; \"q\" 'a'&#13;\nline\ttab "
                       "\xF0\x9F\x8E\x89</string></value>"));
    }

    void textXmlCannotCarryGoesAsBase64()
    {
        const QByteArray control("bell\x07", 5);
        const QByteArray invalid("caf\xE9", 4);
        const QByteArray nonCharacter("\xEF\xBF\xBE"); // U+FFFE
        const ProtocolValue request(ProtocolValue::Map{
            {u"a"_s, ProtocolValue::fromUtf8(control)},
            {u"b"_s, ProtocolValue::fromUtf8(invalid)},
            {u"c"_s, ProtocolValue::fromUtf8(nonCharacter)},
            {u"d"_s, ProtocolValue::fromBytes("raw")},
        });
        const QByteArray call = encode(request);
        QCOMPARE(encodedMember(call, "a"), "<value><base64>" + control.toBase64() + "</base64></value>");
        QCOMPARE(encodedMember(call, "b"), "<value><base64>" + invalid.toBase64() + "</base64></value>");
        QCOMPARE(encodedMember(call, "c"), "<value><base64>" + nonCharacter.toBase64() + "</base64></value>");
        QCOMPARE(encodedMember(call, "d"), QByteArray("<value><base64>cmF3</base64></value>"));
    }

    void encodesNumbersAndOtherScalars()
    {
        const ProtocolValue request(ProtocolValue::Map{
            {u"small"_s, ProtocolValue(-2147483647 - 1)},
            {u"mask"_s, ProtocolValue(qint64(1) << 60 | 1)}, // beyond <int>: the server takes <string>
            {u"lexeme"_s, ProtocolValue::fromLexeme(Type::Int, "007")},
            {u"canonical"_s, ProtocolValue::fromLexeme(Type::Int, "-12")},
            {u"decimal"_s, ProtocolValue::fromLexeme(Type::Double, "1.50")},
            {u"nan"_s, ProtocolValue(qQNaN())},
            {u"flag"_s, ProtocolValue(true)},
            {u"off"_s, ProtocolValue(false)},
            {u"ratio"_s, ProtocolValue(0.25)},
            {u"big"_s, ProtocolValue(1e20)},
            {u"when"_s, ProtocolValue::fromLexeme(Type::DateTime, "20240301T18:05:00")},
            {u"nothing"_s, ProtocolValue()},
            {u"list"_s, ProtocolValue(ProtocolValue::List{ProtocolValue(1), ProtocolValue(u"a"_s)})},
            {u"props"_s, ProtocolValue(ProtocolValue::Map{{u"a & b"_s, ProtocolValue(u"x"_s)}})},
        });
        const QByteArray call = encode(request);
        QCOMPARE(encodedMember(call, "small"), QByteArray("<value><int>-2147483648</int></value>"));
        QCOMPARE(encodedMember(call, "mask"),
                 QByteArray("<value><string>1152921504606846977</string></value>"));
        // Non-canonical lexemes keep every character (a subject "007" typed as <int> by the server).
        QCOMPARE(encodedMember(call, "lexeme"), QByteArray("<value><string>007</string></value>"));
        QCOMPARE(encodedMember(call, "canonical"), QByteArray("<value><int>-12</int></value>"));
        QCOMPARE(encodedMember(call, "decimal"), QByteArray("<value><double>1.50</double></value>"));
        QCOMPARE(encodedMember(call, "nan"), QByteArray("<value><string>nan</string></value>"));
        QCOMPARE(encodedMember(call, "flag"), QByteArray("<value><boolean>1</boolean></value>"));
        QCOMPARE(encodedMember(call, "off"), QByteArray("<value><boolean>0</boolean></value>"));
        QCOMPARE(encodedMember(call, "ratio"), QByteArray("<value><double>0.25</double></value>"));
        QCOMPARE(encodedMember(call, "big"), QByteArray("<value><string>1e+20</string></value>"));
        QCOMPARE(encodedMember(call, "when"),
                 QByteArray("<value><dateTime.iso8601>20240301T18:05:00</dateTime.iso8601></value>"));
        QCOMPARE(encodedMember(call, "nothing"), QByteArray("<value></value>"));
        QCOMPARE(encodedMember(call, "list"),
                 QByteArray("<value><array><data><value><int>1</int></value><value><string>a</string></value>"
                            "</data></array></value>"));
        QVERIFY(call.contains("<member><name>props</name><value><struct><member><name>a &amp; b</name><value>"
                              "<string>x</string></value></member></struct></value></member>"));
    }

    void unencodableRequests()
    {
        XmlRpcCodec codec;
        const auto badName =
            codec.encodeRequest(u"x"_s, ProtocolValue(ProtocolValue::Map{{u"a\u0001"_s, ProtocolValue(1)}}));
        QVERIFY(!badName);
        QCOMPARE(badName.error().category(), Category::Malformed);
        QCOMPARE(badName.error().mode(), u"x"_s);
        ProtocolValue deep(1);
        for (int i = 0; i < 100; ++i)
            deep = ProtocolValue(ProtocolValue::List{deep});
        QVERIFY(!codec.encodeRequest(u"x"_s, ProtocolValue(ProtocolValue::Map{{u"d"_s, deep}})));
    }

    void encodedRequestsParseWithQXmlStreamReader()
    {
        // An independent well-formedness check of everything the encoder can produce.
        const ProtocolValue request(ProtocolValue::Map{
            {u"event"_s, ProtocolValue(u"a]]>b<c>&d\r\n\u00e9\U0001F600"_s)},
            {u"bad"_s, ProtocolValue::fromUtf8(QByteArray("\x01\xFF", 2))},
            {u"n"_s, ProtocolValue(qint64(-5))},
        });
        QXmlStreamReader reader(encode(request));
        QString event;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement() && reader.name() == u"name" && reader.readElementText() == u"event") {
                reader.readNextStartElement(); // <value>
                reader.readNextStartElement(); // <string>
                event = reader.readElementText();
            }
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(event, u"a]]>b<c>&d\r\n\u00e9\U0001F600"_s);
    }

    // ---- decoding: types ---------------------------------------------------------------------

    void decodesEveryType_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("int") << QByteArray("<int>42</int>") << int(Type::Int) << QByteArray("42");
        QTest::newRow("int signed") << QByteArray("<int>-7</int>") << int(Type::Int) << QByteArray("-7");
        QTest::newRow("int leading zeros")
            << QByteArray("<int>007</int>") << int(Type::Int) << QByteArray("007");
        QTest::newRow("int padded") << QByteArray("<int> 5 </int>") << int(Type::Int) << QByteArray("5");
        QTest::newRow("i4") << QByteArray("<i4>2147483647</i4>") << int(Type::Int)
                            << QByteArray("2147483647");
        QTest::newRow("i8") << QByteArray("<i8>2305843009213693955</i8>") << int(Type::Int)
                            << QByteArray("2305843009213693955");
        QTest::newRow("int unbounded") << QByteArray("<int>99999999999999999999</int>") << int(Type::Int)
                                       << QByteArray("99999999999999999999");
        QTest::newRow("boolean 1") << QByteArray("<boolean>1</boolean>") << int(Type::Bool)
                                   << QByteArray("1");
        QTest::newRow("boolean 0") << QByteArray("<boolean>0</boolean>") << int(Type::Bool)
                                   << QByteArray("0");
        QTest::newRow("boolean true")
            << QByteArray("<boolean>true</boolean>") << int(Type::Bool) << QByteArray("1");
        QTest::newRow("string") << QByteArray("<string>hello world</string>") << int(Type::String)
                                << QByteArray("hello world");
        QTest::newRow("string empty") << QByteArray("<string></string>") << int(Type::String) << QByteArray();
        QTest::newRow("string self-closed") << QByteArray("<string/>") << int(Type::String) << QByteArray();
        QTest::newRow("string utf-8") << QByteArray("<string>Grüße — 日本 🎉</string>") << int(Type::String)
                                      << QByteArray("Grüße — 日本 🎉");
        QTest::newRow("string entities")
            << QByteArray("<string>&lt;a&gt; &amp; &quot;q&quot; &apos;</string>") << int(Type::String)
            << QByteArray("<a> & \"q\" '");
        QTest::newRow("string CR reference") << QByteArray("<string>a&#13;\nb&#xd;&#xD;</string>")
                                             << int(Type::String) << QByteArray("a\r\nb\r\r");
        QTest::newRow("string char references")
            << QByteArray("<string>&#233;&#x1F600;</string>") << int(Type::String) << QByteArray("é😀");
        QTest::newRow("string keeps blanks")
            << QByteArray("<string>  two  </string>") << int(Type::String) << QByteArray("  two  ");
        QTest::newRow("string with >") << QByteArray("<string>a > b ] c ]] d</string>") << int(Type::String)
                                       << QByteArray("a > b ] c ]] d");
        QTest::newRow("untyped") << QByteArray("plain text") << int(Type::String) << QByteArray("plain text");
        QTest::newRow("untyped blanks") << QByteArray("  ") << int(Type::String) << QByteArray("  ");
        QTest::newRow("untyped entity") << QByteArray("a&amp;b") << int(Type::String) << QByteArray("a&b");
        QTest::newRow("empty value") << QByteArray("") << int(Type::Nil) << QByteArray();
        QTest::newRow("nil") << QByteArray("<nil/>") << int(Type::Nil) << QByteArray();
        QTest::newRow("double") << QByteArray("<double>-1.5</double>") << int(Type::Double)
                                << QByteArray("-1.5");
        QTest::newRow("double exponent")
            << QByteArray("<double>1e3</double>") << int(Type::Double) << QByteArray("1e3");
        QTest::newRow("dateTime") << QByteArray("<dateTime.iso8601>20240301T18:05:00</dateTime.iso8601>")
                                  << int(Type::DateTime) << QByteArray("20240301T18:05:00");
        QTest::newRow("base64") << QByteArray("<base64>SXQgaXMg4piDLg==</base64>") << int(Type::Bytes)
                                << QByteArray("It is \xE2\x98\x83.");
        QTest::newRow("base64 lines") << QByteArray("<base64>SXQg\naXMg\r\n4piD Lg==\n</base64>")
                                      << int(Type::Bytes) << QByteArray("It is \xE2\x98\x83.");
        QTest::newRow("base64 empty") << QByteArray("<base64></base64>") << int(Type::Bytes) << QByteArray();
    }

    void decodesEveryType()
    {
        QFETCH(QByteArray, xml);
        QFETCH(int, type);
        QFETCH(QByteArray, bytes);
        const ProtocolValue value = decodeSingle(xml);
        QCOMPARE(int(value.type()), type);
        QCOMPARE(value.toUtf8(), bytes);
        verifyReadersAgree(single(xml));
        // The same value through the stream reader alone.
        const auto stream = XmlRpcReader::readWithStreamReader(single(xml), DecodeLimits());
        QCOMPARE(int(stream.outcome), int(XmlRpcReader::Outcome::Value));
        QCOMPARE(stream.value.member(u"v"), value);
    }

    void decodesContainers()
    {
        const ProtocolValue value = decodeOk(response(
            "<struct>" +
            member("list", "<array><data><value><int>1</int></value><value>two</value><value/>"
                           "<value><array><data/></array></value></data></array>") +
            member("empty", "<struct></struct>") + member("closed", "<struct/>") +
            member("nested", "<struct>" +
                                 member("a", "<struct>" + member("b", "<boolean>1</boolean>") + "</struct>") +
                                 "</struct>") +
            member("dup", "<int>1</int>") + member("dup", "<int>2</int>") + "</struct>"));
        const ProtocolValue list = value.member(u"list");
        QCOMPARE(list.size(), 4);
        QCOMPARE(list.at(0).toInt(), 1);
        QCOMPARE(list.at(1).toText(), u"two"_s);
        QVERIFY(list.at(2).isNil());
        QCOMPARE(list.at(3).type(), Type::Array);
        QCOMPARE(list.at(3).size(), 0);
        QCOMPARE(value.member(u"empty").type(), Type::Struct);
        QCOMPARE(value.member(u"closed").type(), Type::Struct);
        QVERIFY(value.member(u"nested").member(u"a").member(u"b").toBool());
        QCOMPARE(value.member(u"dup").toInt(), 2); // the last of a duplicated member counts
    }

    void oddButLegalXml_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray pretty =
            "<?xml version='1.0'?>\n<methodResponse>\n  <params>\n    <param>\n      <value>\n"
            "        <struct>\n          <member>\n            <name>v</name>\n"
            "            <value>\n              <string>x &amp; y</string>\n            </value>\n"
            "          </member>\n        </struct>\n      </value>\n    </param>\n  </params>\n"
            "</methodResponse>\n";
        QTest::newRow("pretty printed") << pretty;
        QTest::newRow("CRLF between tags") << QByteArray(pretty).replace("\n", "\r\n");
        QTest::newRow("no declaration") << QByteArray("<methodResponse><params><param><value><struct>" +
                                                      member("v", "<string>x &amp; y</string>") +
                                                      "</struct></value></param></params></methodResponse>");
        QTest::newRow("comments and PIs") << QByteArray(
            "<?xml version=\"1.0\"?><!-- hi --><methodResponse><?pi data?><params><param><value>"
            "<struct><!-- c --><member><name>v</name><value><!--x--><string>x <!-- in -->&amp; "
            "y</string></value></member></struct></value></param></params></methodResponse><!-- end -->");
        QTest::newRow("CDATA") << single("<string><![CDATA[x & y]]></string>");
        QTest::newRow("value before name") << response(
            "<struct><member><value><string>x &amp; y</string></value><name>v</name></member></struct>");
        QTest::newRow("spaces in tags")
            << response("<struct ><member ><name >v</name ><value ><string >x &amp; "
                        "y</string ></value ></member ></struct >");
        QTest::newRow("attributes") << QByteArray(
            "<methodResponse xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/"
            "extensions\"><params><param><value><struct>" +
            member("v", "<string>x &amp; y</string>") +
            "</struct></value></param></params></methodResponse>");
        QTest::newRow("latin-1 document")
            << QByteArray("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><methodResponse>"
                          "<params><param><value><struct>" +
                          member("v", "<string>x &amp; y</string>") +
                          "</struct></value></param></params></methodResponse>");
        QTest::newRow("numeric references for everything")
            << single("<string>&#120;&#32;&#x26;&#32;&#121;</string>");
    }

    void oddButLegalXml()
    {
        QFETCH(QByteArray, body);
        QCOMPARE(decodeOk(body).member(u"v").toText(), u"x & y"_s);
        verifyReadersAgree(body);
    }

    void extensionTypesInANamespace()
    {
        const QByteArray body =
            "<methodResponse xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
            "<params><param><value><struct>" +
            member("n", "<ex:nil/>") + member("big", "<ex:i8>9000000000</ex:i8>") +
            "</struct></value></param></params></methodResponse>";
        const ProtocolValue value = decodeOk(body);
        QVERIFY(value.contains(u"n"_s));
        QVERIFY(value.member(u"n").isNil());
        QCOMPARE(value.member(u"big").toInt(), 9000000000LL);
    }

    void latin1DocumentIsConverted()
    {
        const QByteArray body =
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><methodResponse><params><param><value>"
            "<struct><member><name>v</name><value><string>caf\xE9</string></value></member></struct>"
            "</value></param></params></methodResponse>";
        QCOMPARE(decodeOk(body).member(u"v").toText(), u"café"_s);
    }

    void rawCarriageReturnsAreLineEnds()
    {
        // XML end-of-line handling: a raw CR (LF) is a line end, only &#13; is a CR.
        QCOMPARE(decodeSingle("<string>a\r\nb\rc</string>").toUtf8(), QByteArray("a\nb\nc"));
        QCOMPARE(decodeSingle("a\r\nb").toUtf8(), QByteArray("a\nb"));
        verifyReadersAgree(single("<string>a\r\nb\rc</string>"));
    }

    void largeText()
    {
        QByteArray text;
        while (text.size() < 1024 * 1024)
            text += "Line with <tags> & 😀 \xD0\x9A\xD0\xB8\xD1\x80 ";
        QByteArray escaped = text;
        escaped.replace("&", "&amp;").replace("<", "&lt;");
        QCOMPARE(decodeSingle("<string>" + escaped + "</string>").toUtf8(), text);
        QCOMPARE(decodeSingle("<base64>" + text.toBase64() + "</base64>").toUtf8(), text);
        verifyReadersAgree(single("<string>" + escaped + "</string>"));
    }

    void faultsAreErrors()
    {
        const auto result =
            decode("<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>101"
                   "</int></value></member><member><name>faultString</name><value><string>Invalid "
                   "password</string></value></member></struct></value></fault></methodResponse>");
        QVERIFY(!result);
        QCOMPARE(result.error().code(), 101);
        QCOMPARE(result.error().category(), Category::Authentication);
        QCOMPARE(result.error().mode(), u"test"_s);
        // A fault that is not a struct with a faultCode is malformed.
        const auto bare =
            decode("<methodResponse><fault><value><string>oops</string></value></fault></methodResponse>");
        QVERIFY(!bare);
        QCOMPARE(bare.error().category(), Category::Malformed);
        const auto noCode = decode("<methodResponse><fault><value><struct>" + member("faultString", "x") +
                                   "</struct></value></fault></methodResponse>");
        QCOMPARE(noCode.error().category(), Category::Malformed);
    }

    // ---- decoding: bad input -----------------------------------------------------------------

    void badRepliesAreMalformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank") << QByteArray(" \n ");
        QTest::newRow("html") << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>");
        QTest::newRow("not xml") << QByteArray("Internal Server Error");
        QTest::newRow("mismatched tags")
            << response("<struct><member><name>v</name><value><string>x</int></value>"
                        "</member></struct>");
        QTest::newRow("unknown type") << single("<float>1.5</float>");
        QTest::newRow("unknown element in struct") << response("<struct><item/></struct>");
        QTest::newRow("mixed content") << single("text<string>x</string>");
        QTest::newRow("text after typed") << single("<string>x</string>text");
        QTest::newRow("element in string") << single("<string>a<b>bold</b></string>");
        QTest::newRow("bad int") << single("<int>12a</int>");
        QTest::newRow("empty int") << single("<int></int>");
        QTest::newRow("bad boolean") << single("<boolean>yes</boolean>");
        QTest::newRow("bad double") << single("<double>one</double>");
        QTest::newRow("bad base64") << single("<base64>!!!!</base64>");
        QTest::newRow("non-empty nil") << single("<nil>x</nil>");
        QTest::newRow("member without value") << response("<struct><member><name>v</name></member></struct>");
        QTest::newRow("member without name")
            << response("<struct><member><value>1</value></member></struct>");
        QTest::newRow("two names") << response(
            "<struct><member><name>a</name><name>b</name><value>1</value></member></struct>");
        QTest::newRow("array without data") << single("<array><value>1</value></array>");
        QTest::newRow("self-closed array") << single("<array/>");
        QTest::newRow("two values") << single("<string>a</string><string>b</string>");
        QTest::newRow("no params") << QByteArray("<methodResponse></methodResponse>");
        QTest::newRow("empty params") << QByteArray("<methodResponse><params></params></methodResponse>");
        QTest::newRow("two params") << QByteArray(
            "<methodResponse><params><param><value><struct/></value></param>"
            "<param><value>x</value></param></params></methodResponse>");
        QTest::newRow("wrong root") << QByteArray("<methodCall><params/></methodCall>");
        QTest::newRow("content after root") << response("<struct/>") + "<extra/>";
        QTest::newRow("text after root") << response("<struct/>") + "junk";
        QTest::newRow("undeclared entity") << single("<string>&nbsp;</string>");
        QTest::newRow("bad character reference") << single("<string>&#0;</string>");
        QTest::newRow("control character") << single("<string>a\x01z</string>");
        QTest::newRow("undeclared namespace") << single("<ex:nil/>");
        QTest::newRow("not a struct") << response("<string>just text</string>");
        QTest::newRow("array reply") << response("<array><data/></array>");
        QTest::newRow("DTD") << QByteArray(
            "<?xml version=\"1.0\"?><!DOCTYPE methodResponse [<!ENTITY a \"aaaaaaaaaa\">"
            "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><methodResponse><params>"
            "<param><value><struct><member><name>v</name><value>&b;</value></member>"
            "</struct></value></param></params></methodResponse>");
    }

    void badRepliesAreMalformed()
    {
        QFETCH(QByteArray, body);
        const auto result = decode(body);
        QVERIFY2(!result, body.constData());
        QCOMPARE(result.error().category(), Category::Malformed);
        QCOMPARE(result.error().code(), 0);
        QVERIFY(!result.error().message().isEmpty());
        verifyReadersAgree(body);
    }

    void everyTruncationIsAnError()
    {
        const QByteArray body = response(
            "<struct>" + member("s", "<string>Grüße &amp; 🎉</string>") + member("i", "<int>42</int>") +
            member("b", "<boolean>1</boolean>") + member("d", "<double>1.5</double>") +
            member("t", "<dateTime.iso8601>20240301T18:05:00</dateTime.iso8601>") +
            member("b64", "<base64>SXQgaXMg4piDLg==</base64>") + member("n", "") + member("u", "untyped") +
            member("a", "<array><data><value><int>1</int></value><value/></data></array>") +
            member("e", "<struct/>") + "</struct>");
        QVERIFY(decode(body));
        for (qsizetype length = 0; length < body.size(); ++length) {
            const QByteArray prefix = body.left(length);
            const auto result = decode(prefix);
            QVERIFY2(!result, prefix.constData());
            QCOMPARE(result.error().category(), Category::Malformed);
            // A cut reply never passes the status check either (it looks at the reply's end).
            QCOMPARE(XmlRpcCodec().replyError(prefix, u"test"_s), result.error());
        }
    }

    void replyErrorReadsOnlyWhatItNeeds()
    {
        const auto status = [](const QByteArray& body) {
            return XmlRpcCodec().replyError(body, u"test"_s);
        };
        QVERIFY(status(single("<int>1</int>")).isNull());
        QVERIFY(status("<!-- hi -->\n<?pi x?>\n<methodResponse>\n<params/></methodResponse>\n").isNull());
        // Content is not read: a bad number behind a good start passes, and fails when decoded.
        const QByteArray damaged = single("<int>forty-two</int>");
        QVERIFY(status(damaged).isNull());
        QVERIFY(!decode(damaged));
        // Faults, garbage and anything unusual get the decoder's own error.
        const QByteArray fault = "<methodResponse><fault><value><struct>" +
                                 member("faultCode", "<int>101</int>") +
                                 member("faultString", "<string>Invalid password</string>") +
                                 "</struct></value></fault></methodResponse>";
        QCOMPARE(status(fault).code(), 101);
        QCOMPARE(status(fault), decode(fault).error());
        for (const QByteArray& bad :
             {QByteArray("garbage</methodResponse>"), QByteArray("<methodCall></methodResponse>"),
              QByteArray("<methodResponse a=\"1\"><params/></methodResponse>"),
              QByteArray("<!DOCTYPE x><methodResponse><params/></methodResponse>"),
              QByteArray("<x:methodResponse xmlns:x=\"u\"><params/></x:methodResponse>")}) {
            const auto decoded = decode(bad);
            QCOMPARE(status(bad), decoded ? ProtocolError() : decoded.error());
        }
    }

    void limits()
    {
        DecodeLimits limits;
        limits.maxBodyBytes = 100;
        const QByteArray body = single("<string>" + QByteArray(200, 'x') + "</string>");
        QCOMPARE(decode(body, limits).error().category(), Category::Malformed);
        QVERIFY(decode(body, limits).error().message().contains(u"limit"_s));

        // Nesting: well past the limit, without exhausting the stack.
        QByteArray deep;
        for (int i = 0; i < 20000; ++i)
            deep += "<array><data><value>";
        deep += "x";
        for (int i = 0; i < 20000; ++i)
            deep += "</value></data></array>";
        const auto nested = decode(single(deep));
        QVERIFY(!nested);
        QVERIFY2(nested.error().message().contains(u"deep"_s), qPrintable(nested.error().message()));
        // Exactly at the limit still decodes.
        DecodeLimits small;
        small.maxDepth = 4;
        const QByteArray three =
            "<array><data><value><array><data><value><array><data><value>x</value></data>"
            "</array></value></data></array></value></data></array>";
        QVERIFY(decode(single(three), small)); // struct (0) > v array (1) > array (2) > array (3)
        QVERIFY(!decode(single("<array><data><value>" + three + "</value></data></array>"), small));

        DecodeLimits few;
        few.maxValues = 10;
        QByteArray values;
        for (int i = 0; i < 20; ++i)
            values += "<value>1</value>";
        const auto many = decode(single("<array><data>" + values + "</data></array>"), few);
        QVERIFY(!many);
        QVERIFY(many.error().message().contains(u"values"_s));
        QVERIFY(decode(single("<array><data>" + values.left(5 * 16) + "</data></array>"), few));
    }

    void leadingByteOrderMarkIsACharacter()
    {
        // U+FEFF at the start of a name or a string is text, not a byte-order mark: both readers
        // keep it (QString::fromUtf8 alone would drop it).
        const QByteArray body = response(
            "<struct>" + member("\xEF\xBB\xBFname", "<string>\xEF\xBB\xBFtext</string>") + "</struct>");
        QCOMPARE(int(XmlRpcReader::readCanonical(body, DecodeLimits()).outcome),
                 int(XmlRpcReader::Outcome::Value));
        verifyReadersAgree(body);
        const ProtocolValue value = decodeOk(body);
        QCOMPARE(value.members().firstKey(), u"\uFEFFname"_s);
        QCOMPARE(value.member(u"\uFEFFname"_s).toText(), u"\uFEFFtext"_s);
    }

    void fuzzFindings()
    {
        // FuzzXmlRpcReply, decode(encode(tree)) != tree: a member name starting with U+FEFF lost
        // it when the re-encoded reply went through the canonical reader. The original input had
        // a processing instruction named xml333..., so it took the stream reader.
        const QByteArray crash =
            "<?xml3333333333333333333333333 version=\"1.0\" encoding=\"UTF-8\"?><methodResponse>"
            "<params><param><value><struct><member><name>\xEF\xBB\xBF"
            "ljsession</name><value><string>v1:u2:s2:aWJBDb5juVs//" +
            QByteArray(22, 'K') + "\xC3\xA9" + QByteArray(29, 'K') +
            "</string></value></member></struct></value></param></params></methodResponse>";
        const ProtocolValue tree = decodeOk(crash);
        QVERIFY(tree.contains(u"\uFEFFljsession"_s));
        const QByteArray call = XmlRpcCodec::encodeCall(u"m"_s, {tree}).value();
        const qsizetype start = call.indexOf("<param>") + 7;
        const QByteArray again = "<methodResponse><params><param>" +
                                 call.mid(start, call.lastIndexOf("</param>") - start) +
                                 "</param></params></methodResponse>";
        verifyReadersAgree(again);
        QCOMPARE(decodeOk(again), tree);
    }

    void canonicalReaderTakesTheServersForm()
    {
        // The form XMLRPC::Lite writes (xmlrpc fixtures) goes through the fast reader.
        const QByteArray body =
            "<?xml version=\"1.0\" "
            "encoding=\"UTF-8\"?><methodResponse><params><param><value><struct><member><name>"
            "events</name><value><array><data><value><struct><member><name>picture_keyword</name><value "
            "/></member>"
            "<member><name>subject</name><value><base64>w5w=</base64></value></member></struct></value></"
            "data>"
            "</array></value></member></struct></value></param></params></methodResponse>";
        const auto canonical = XmlRpcReader::readCanonical(body, DecodeLimits());
        QCOMPARE(int(canonical.outcome), int(XmlRpcReader::Outcome::Value));
        verifyReadersAgree(body);
        QCOMPARE(canonical.value.member(u"events").at(0).member(u"subject").toText(), u"Ü"_s);
    }
};

QTEST_GUILESS_MAIN(TestXmlRpcCodec)
#include "TestXmlRpcCodec.moc"
