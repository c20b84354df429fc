// The error table (REFERENCE.md 5) on both interfaces: every message maps back to its number from a
// flat errmsg and from an XML-RPC fault, with the same category and detail.

#include "protocol/FlatCodec.h"
#include "protocol/ProtocolError.h"
#include "protocol/RetryPolicy.h"
#include "protocol/XmlRpcCodec.h"

#include <QSet>
#include <QTest>

using namespace Inkwell;
using namespace Qt::StringLiterals;
using Category = ProtocolError::Category;

namespace {

QString prefixFor(int code)
{
    if (code < 200)
        return {};
    return code < 500 ? u"Client error: "_s : u"Server error: "_s;
}

QByteArray flatFailure(const QString& errmsg)
{
    return "errmsg\n" + errmsg.toUtf8() + "\nsuccess\nFAIL\n";
}

QByteArray fault(const QByteArray& codeValue, const QString& text)
{
    QByteArray escaped = text.toUtf8();
    escaped.replace("&", "&amp;").replace("<", "&lt;");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodResponse><fault><value><struct>"
           "<member><name>faultCode</name><value>" +
           codeValue + "</value></member><member><name>faultString</name><value><string>" + escaped +
           "</string></value></member></struct></value></fault></methodResponse>";
}

ProtocolError decodeError(const ProtocolCodec& codec, const QByteArray& body,
                          const QString& mode = u"postevent"_s)
{
    const auto result = codec.decodeResponse(body, mode);
    if (result)
        qFatal("expected an error for %s", body.constData());
    return result.error();
}

} // namespace

class TestProtocolError : public QObject
{
    Q_OBJECT
private slots:
    void tableIsComplete()
    {
        QSet<int> codes;
        for (const auto& entry : ProtocolError::table())
            codes.insert(entry.code);
        // 100-106, 150-158, 200-214, 300-319, 402, 404-412, 500-507.
        QCOMPARE(codes.size(), 7 + 9 + 15 + 20 + 1 + 9 + 8);
        QVERIFY(codes.contains(156));
        QCOMPARE(ProtocolError::tableMessage(406),
                 u"Client is making repeated requests.  Perhaps it's broken?"_s);
        QCOMPARE(ProtocolError::tableMessage(999), QString());
    }

    void categories()
    {
        for (int code : {100, 101, 105, 402})
            QCOMPARE(ProtocolError::categoryForCode(code), Category::Authentication);
        for (int code : {102, 200, 203, 205, 207, 208, 209, 307, 309, 409, 411, 504})
            QCOMPARE(ProtocolError::categoryForCode(code), Category::Permanent);
        for (int code : {104, 151, 155, 300, 302, 306, 308, 404, 405, 406, 500, 503, 506})
            QCOMPARE(ProtocolError::categoryForCode(code), Category::Temporary);
        // Unknown numbers by range.
        QCOMPARE(ProtocolError::categoryForCode(199), Category::Permanent);
        QCOMPARE(ProtocolError::categoryForCode(299), Category::Permanent);
        QCOMPARE(ProtocolError::categoryForCode(320), Category::Temporary);
        QCOMPARE(ProtocolError::categoryForCode(599), Category::Temporary);
    }

    void everyMessageOnBothInterfaces_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("temporary");
        for (const auto& entry : ProtocolError::table()) {
            if (QByteArrayView(entry.message).isEmpty())
                continue; // 156: the site's ToS text, below
            QTest::addRow("%d %s", entry.code, entry.message)
                << entry.code << QString::fromLatin1(entry.message) << entry.temporary;
        }
    }

    void everyMessageOnBothInterfaces()
    {
        QFETCH(int, code);
        QFETCH(QString, message);
        QFETCH(bool, temporary);
        const FlatCodec flat;
        const XmlRpcCodec xmlrpc;
        const Category expected = (code == 100 || code == 101 || code == 105 || code == 402)
                                      ? Category::Authentication
                                      : (temporary ? Category::Temporary : Category::Permanent);
        const QString errmsg = prefixFor(code) + message;
        const QString withDetail = errmsg + u": some detail, with: colons"_s;

        for (const QString& text : {errmsg, withDetail}) {
            const QString detail = text == errmsg ? QString() : u"some detail, with: colons"_s;
            const ProtocolError fromFlat = decodeError(flat, flatFailure(text));
            QCOMPARE(fromFlat.code(), code);
            QCOMPARE(fromFlat.message(), message);
            QCOMPARE(fromFlat.detail(), detail);
            QCOMPARE(fromFlat.category(), expected);
            QCOMPARE(fromFlat.serverText(), text);
            QCOMPARE(fromFlat.mode(), u"postevent"_s);

            const ProtocolError fromFault =
                decodeError(xmlrpc, fault("<int>" + QByteArray::number(code) + "</int>", text));
            QCOMPARE(fromFault.code(), code);
            QCOMPARE(fromFault.message(), fromFlat.message());
            QCOMPARE(fromFault.detail(), detail);
            QCOMPARE(fromFault.category(), expected);
            QCOMPARE(fromFault.serverText(), text);
            // A faultCode sent as <string> (the server's typing is not guaranteed) counts the same.
            QCOMPARE(
                decodeError(xmlrpc, fault("<string>" + QByteArray::number(code) + "</string>", text)).code(),
                code);
        }
    }

    void longestMessageWins()
    {
        // "Protocol mode no longer supported." with a detail that itself starts like a message.
        const ProtocolError error = ProtocolError::fromFlatMessage(
            u"Server error: Protocol mode no longer supported.: Use 'checkforupdates' instead."_s);
        QCOMPARE(error.code(), 504);
        QCOMPARE(error.detail(), u"Use 'checkforupdates' instead."_s);
        QCOMPARE(error.category(), Category::Permanent);
        // Both 102 texts (LJ and DW).
        QCOMPARE(ProtocolError::fromFlatMessage(u"Can't use custom security on community journals."_s).code(),
                 102);
        QCOMPARE(ProtocolError::fromFlatMessage(
                     u"Can't use custom/private security on shared/community journals."_s)
                     .code(),
                 102);
        // A message followed by something other than ": detail" still maps, with the rest as detail.
        const ProtocolError glued = ProtocolError::fromFlatMessage(u"Client error: Invalid argument(s)!!"_s);
        QCOMPARE(glued.code(), 203);
        QCOMPARE(glued.detail(), u"!!"_s);
    }

    void flatPreDispatchErrors()
    {
        const ProtocolError noMode = ProtocolError::fromFlatMessage(u"Client error: No mode specified."_s);
        QCOMPARE(noMode.code(), 200);
        QCOMPARE(noMode.category(), Category::Permanent);
        const ProtocolError noUser = ProtocolError::fromFlatMessage(u"Client error: No username sent."_s);
        QCOMPARE(noUser.code(), 100);
        QCOMPARE(noUser.category(), Category::Authentication);
        const ProtocolError unknown =
            ProtocolError::fromFlatMessage(u"Client error: Unknown mode (editcircle)"_s);
        QCOMPARE(unknown.code(), 201);
        QCOMPARE(unknown.message(), u"Unknown mode"_s);
        QCOMPARE(unknown.detail(), u"editcircle"_s);
    }

    void unknownMessages()
    {
        const ProtocolError server = ProtocolError::fromFlatMessage(u"Server error: The moon is full"_s);
        QCOMPARE(server.code(), 0);
        QCOMPARE(server.message(), u"The moon is full"_s);
        QCOMPARE(server.category(), Category::Temporary);
        const ProtocolError client = ProtocolError::fromFlatMessage(u"Client error: Something new"_s);
        QCOMPARE(client.code(), 0);
        QCOMPARE(client.category(), Category::Permanent);
        // 156: the site's Terms-of-Service text is the message.
        const ProtocolError tos =
            ProtocolError::fromFault(u"156"_s, u"Please agree to the new Terms of Service."_s);
        QCOMPARE(tos.code(), 156);
        QCOMPARE(tos.message(), u"Please agree to the new Terms of Service."_s);
        QCOMPARE(tos.category(), Category::Temporary);
        // A numbered fault whose text is not the table's keeps the text as detail.
        const ProtocolError odd = ProtocolError::fromFault(u"500"_s, u"Server error: kaboom"_s);
        QCOMPARE(odd.message(), u"Internal server error"_s);
        QCOMPARE(odd.detail(), u"kaboom"_s);
    }

    void soapFaults()
    {
        const XmlRpcCodec xmlrpc;
        // xmlrpc/054 as the server sent it (the recording redacted the path into bad XML).
        const ProtocolError server = decodeError(
            xmlrpc,
            fault(
                "<string>Server</string>",
                u"Invalid users passed to LJ::User->can_post_to. at /home/dw/cgi-bin/LJ/Protocol.pm line 3428.\n"_s),
            u"getevents"_s);
        QCOMPARE(server.code(), 0);
        QCOMPARE(server.faultCode(), u"Server"_s);
        QCOMPARE(server.category(), Category::Temporary);
        QVERIFY(server.message().startsWith(u"Invalid users passed"_s));
        QCOMPARE(server.mode(), u"getevents"_s);
        const ProtocolError client = decodeError(xmlrpc, fault("<string>Client</string>", u"Bad method"_s));
        QCOMPARE(client.category(), Category::Permanent);
        QCOMPARE(client.faultCode(), u"Client"_s);
        // Untyped faultCode value.
        QCOMPARE(decodeError(xmlrpc, fault("101", u"Invalid password"_s)).code(), 101);
    }

    void localErrors()
    {
        QCOMPARE(ProtocolError::malformed(u"x"_s).category(), Category::Malformed);
        const ProtocolError transport = ProtocolError::transport(u"Connection refused"_s, 0, u"login"_s);
        QCOMPARE(transport.category(), Category::Transport);
        QVERIFY(transport.isTemporary());
        const ProtocolError http = ProtocolError::transport(u"Bad gateway"_s, 502);
        QCOMPARE(http.httpStatus(), 502);
        QCOMPARE(ProtocolError::serverFailure(u"x"_s).category(), Category::Temporary);
        QCOMPARE(ProtocolError::unsupported(u"x"_s).category(), Category::Permanent);
        QVERIFY(ProtocolError().isNull());
        QVERIFY(!ProtocolError::malformed(u"x"_s).isNull());
        QVERIFY(!ProtocolError::fromCode(101).isTemporary());
    }

    void refusalsAreNotRetriedEvenWhenTheServerCallsThemTemporary()
    {
        // 300 (no access to the journal) and 151 (banned) are E_TEMP on the server, yet sending the
        // same request again only waits on the user.
        const RetryPolicy policy{{std::chrono::milliseconds(1), std::chrono::milliseconds(1)}};
        for (int code : {300, 151, 155, 203}) {
            const ProtocolError refusal = ProtocolError::fromCode(code);
            QVERIFY2(refusal.isRefusal(), qPrintable(refusal.toString()));
            QVERIFY2(!policy.shouldRetry(refusal, true, false, 0), qPrintable(refusal.toString()));
        }
        QVERIFY(ProtocolError::fromCode(300).isTemporary()); // as the server classes it
        QVERIFY(!ProtocolError::fromCode(101).isRefusal());  // authentication is its own case
        QVERIFY(!ProtocolError::fromCode(502).isRefusal());
        // "Temporarily in read-only mode. Try again in a couple minutes.": waited out, not refused.
        QVERIFY(!ProtocolError::fromCode(306).isRefusal());
        QVERIFY(!ProtocolError::fromCode(311).isRefusal());
        QVERIFY(!ProtocolError::transport(u"Connection refused"_s, 0).isRefusal());
        // Server trouble and the network are retried; 405/406 never are.
        QVERIFY(policy.shouldRetry(ProtocolError::fromCode(502), true, false, 0));
        QVERIFY(policy.shouldRetry(ProtocolError::transport(u"reset"_s, 0), true, true, 0));
        QVERIFY(!policy.shouldRetry(ProtocolError::fromCode(406), true, false, 0));
        QVERIFY(!policy.shouldRetry(ProtocolError::fromCode(502), true, false, 2)); // retries spent
    }

    void readableText()
    {
        const ProtocolError error = ProtocolError::fromCode(203, u"Invalid year value."_s, u"postevent"_s);
        QCOMPARE(error.toString(),
                 u"postevent: Invalid argument(s): Invalid year value. (error 203, permanent)"_s);
        QCOMPARE(ProtocolError::transport(u"Bad gateway"_s, 502).toString(),
                 u"Bad gateway (HTTP 502, transport)"_s);
        QCOMPARE(categoryName(Category::Malformed), u"malformed reply"_s);
    }
};

QTEST_GUILESS_MAIN(TestProtocolError)
#include "TestProtocolError.moc"
