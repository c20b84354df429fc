#include "protocol/XmlRpcCodec.h"

#include "protocol/CodecText.h"
#include "protocol/XmlRpcReader.h"

#include <QXmlStreamReader>

#include <limits>

namespace Inkwell {

namespace {

using Type = ProtocolValue::Type;

// ---------------------------------------------------------------------------------------------
// Encoding

constexpr int kMaxEncodeDepth = 64;

void appendEscaped(QByteArray& out, QByteArrayView text)
{
    qsizetype plainStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char* replacement = nullptr;
        switch (text[i]) {
        case '&':
            replacement = "&amp;";
            break;
        case '<':
            replacement = "&lt;";
            break;
        case '>':
            replacement = "&gt;";
            break;
        case '\r':
            // A raw CR would reach the server as LF (XML end-of-line handling, XML 1.0 2.11).
            replacement = "&#13;";
            break;
        default:
            continue;
        }
        out.append(text.sliced(plainStart, i - plainStart));
        out.append(replacement);
        plainStart = i + 1;
    }
    out.append(text.sliced(plainStart));
}

void appendTextScalar(QByteArray& out, const char* tag, QByteArrayView text)
{
    if (CodecText::isXmlText(text)) {
        out.append('<').append(tag).append('>');
        appendEscaped(out, text);
        out.append("</").append(tag).append('>');
    } else {
        // XML cannot carry it (control characters, invalid UTF-8): the server decodes base64 to
        // the same bytes (REFERENCE.md 1.1, XML-RPC request facts).
        out.append("<base64>").append(text.toByteArray().toBase64()).append("</base64>");
    }
}

bool isXmlRpcDouble(QByteArrayView text)
{
    qsizetype i = (!text.isEmpty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
    qsizetype digits = 0;
    bool dot = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9')
            ++digits;
        else if (text[i] == '.' && !dot)
            dot = true;
        else
            return false;
    }
    return digits > 0;
}

bool appendValue(QByteArray& out, const ProtocolValue& value, int depth, QString* error)
{
    if (depth > kMaxEncodeDepth) {
        *error = QStringLiteral("request nested more than %1 levels deep").arg(kMaxEncodeDepth);
        return false;
    }
    out.append("<value>");
    const QByteArray& scalar = value.toUtf8();
    switch (value.type()) {
    case Type::Nil:
        break; // an untyped empty value: the empty string
    case Type::String:
        appendTextScalar(out, "string", scalar);
        break;
    case Type::DateTime:
        appendTextScalar(out, "dateTime.iso8601", CodecText::trimmed(scalar));
        break;
    case Type::Int: {
        // <int> only for a canonical 32-bit lexeme; anything else ("007" from a subject the
        // server typed as a number, 64-bit masks) as <string>, which the server reads the same
        // (REFERENCE.md 1.1) without losing a character.
        qint64 number = 0;
        if (CodecText::parseWholeNumber(scalar, &number) && number >= std::numeric_limits<qint32>::min() &&
            number <= std::numeric_limits<qint32>::max() && QByteArray::number(number) == scalar) {
            out.append("<int>").append(scalar).append("</int>");
        } else {
            appendTextScalar(out, "string", scalar);
        }
        break;
    }
    case Type::Double:
        // XML-RPC doubles are [+-]digits[.digits]; other lexemes ("1e+20", "nan") go as text.
        if (isXmlRpcDouble(scalar))
            out.append("<double>").append(scalar).append("</double>");
        else
            appendTextScalar(out, "string", scalar);
        break;
    case Type::Bool:
        out.append(value.toBool() ? "<boolean>1</boolean>" : "<boolean>0</boolean>");
        break;
    case Type::Bytes:
        out.append("<base64>").append(scalar.toBase64()).append("</base64>");
        break;
    case Type::Array:
        out.append("<array><data>");
        for (const ProtocolValue& item : value.items()) {
            if (!appendValue(out, item, depth + 1, error))
                return false;
        }
        out.append("</data></array>");
        break;
    case Type::Struct:
        out.append("<struct>");
        for (auto it = value.members().cbegin(); it != value.members().cend(); ++it) {
            const QByteArray name = it.key().toUtf8();
            if (!CodecText::isXmlText(name)) {
                *error = QStringLiteral("member name \"%1\" cannot be sent in XML").arg(it.key());
                return false;
            }
            out.append("<member><name>");
            appendEscaped(out, name);
            out.append("</name>");
            if (!appendValue(out, it.value(), depth + 1, error))
                return false;
            out.append("</member>");
        }
        out.append("</struct>");
        break;
    }
    out.append("</value>");
    return true;
}

} // namespace

ProtocolResult<QByteArray> XmlRpcCodec::encodeCall(const QString& methodName,
                                                   const ProtocolValue::List& params)
{
    QByteArray out;
    out.reserve(256);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodCall><methodName>");
    const QByteArray name = methodName.toUtf8();
    if (!CodecText::isXmlText(name))
        return ProtocolError::malformed(QStringLiteral("method name cannot be sent in XML"));
    appendEscaped(out, name);
    out.append("</methodName><params>");
    QString error;
    for (const ProtocolValue& param : params) {
        out.append("<param>");
        if (!appendValue(out, param, 0, &error))
            return ProtocolError::malformed(QStringLiteral("cannot encode the request: ") + error);
        out.append("</param>");
    }
    out.append("</params></methodCall>\n");
    return out;
}

ProtocolResult<QByteArray> XmlRpcCodec::encodeRequest(const QString& mode, const ProtocolValue& request) const
{
    if (!request.isStruct() && !request.isNil())
        return ProtocolError::malformed(QStringLiteral("the request must be a struct"), mode);
    ProtocolValue params = request.isNil() ? ProtocolValue::emptyMap() : request;
    if (!params.contains(QStringLiteral("ver")))
        params.insert(QStringLiteral("ver"), 1);
    auto result = encodeCall(QStringLiteral("LJ.XMLRPC.") + mode, {params});
    if (!result) {
        ProtocolError error = result.error();
        error.setMode(mode);
        return error;
    }
    return result;
}

ProtocolResult<ProtocolValue> XmlRpcCodec::decodeValue(const QByteArray& body, const QString& mode,
                                                       const DecodeLimits& limits)
{
    if (body.size() > limits.maxBodyBytes)
        return ProtocolError::malformed(QStringLiteral("reply of %1 bytes is over the %2-byte limit")
                                            .arg(body.size())
                                            .arg(limits.maxBodyBytes),
                                        mode);
    if (CodecText::trimmed(body).isEmpty())
        return ProtocolError::malformed(QStringLiteral("empty reply"), mode);

    XmlRpcReader::Parse parse = XmlRpcReader::read(body, limits);
    ProtocolValue& value = parse.value;
    switch (parse.outcome) {
    case XmlRpcReader::Outcome::Failed:
    case XmlRpcReader::Outcome::NotCanonical:
        return ProtocolError::malformed(QStringLiteral("not a valid XML-RPC reply: ") + parse.error, mode);
    case XmlRpcReader::Outcome::Fault: {
        if (!value.isStruct() || !value.contains(QStringLiteral("faultCode")))
            return ProtocolError::malformed(QStringLiteral("fault without a faultCode"), mode);
        return ProtocolError::fromFault(value.member(u"faultCode").toText(),
                                        value.member(u"faultString").toText(), mode);
    }
    case XmlRpcReader::Outcome::Value:
        break;
    }
    return std::move(parse.value);
}

ProtocolResult<ProtocolValue> XmlRpcCodec::decodeResponse(const QByteArray& body, const QString& mode) const
{
    ProtocolResult<ProtocolValue> decoded = decodeValue(body, mode, m_limits);
    if (!decoded)
        return decoded;
    const ProtocolValue& value = decoded.value();
    // Every LJ mode answers a struct (REFERENCE.md 1.3).
    if (!value.isStruct())
        return ProtocolError::malformed(
            QStringLiteral("the reply is a %1, not a struct").arg(QLatin1StringView(typeName(value.type()))),
            mode);
    return decoded;
}

ProtocolError XmlRpcCodec::replyError(const QByteArray& body, const QString& mode) const
{
    // A methodResponse whose first element is <params> and whose text ends with the closing tag
    // reports success (its well-formedness is left to decodeResponse()); a fault, or anything
    // less plain, is decoded in full for its error.
    const auto decodedError = [&] {
        const auto decoded = decodeResponse(body, mode);
        return decoded ? ProtocolError() : decoded.error();
    };
    if (body.size() > m_limits.maxBodyBytes || !CodecText::trimmed(body).endsWith("</methodResponse>"))
        return decodedError();
    QXmlStreamReader reader(body);
    int depth = 0;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartDocument:
        case QXmlStreamReader::Comment:
        case QXmlStreamReader::ProcessingInstruction:
            continue;
        case QXmlStreamReader::Characters:
            if (reader.isWhitespace())
                continue;
            return decodedError();
        case QXmlStreamReader::StartElement:
            if (depth == 0 && reader.qualifiedName() == u"methodResponse" && reader.attributes().isEmpty()) {
                depth = 1;
                continue;
            }
            if (depth == 1 && reader.qualifiedName() == u"params")
                return {};
            return decodedError();
        default:
            return decodedError();
        }
    }
    return decodedError();
}

} // namespace Inkwell
