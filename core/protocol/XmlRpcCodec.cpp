#include "protocol/XmlRpcCodec.h"

#include "protocol/CodecText.h"

#include <QXmlStreamReader>

#include <cmath>
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
        qint64 number = 0;
        const QByteArrayView lexeme = CodecText::trimmed(scalar);
        if (CodecText::parseWholeNumber(lexeme, &number) && number >= std::numeric_limits<qint32>::min() &&
            number <= std::numeric_limits<qint32>::max()) {
            out.append("<int>").append(QByteArray::number(number)).append("</int>");
        } else {
            appendTextScalar(out, "string", lexeme);
        }
        break;
    }
    case Type::Double: {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok || !std::isfinite(number)) {
            *error = QStringLiteral("cannot encode the double \"%1\"").arg(value.toText());
            return false;
        }
        // XML-RPC doubles have no exponent.
        const QByteArray lexeme = CodecText::trimmed(scalar).toByteArray();
        const bool plain = !lexeme.contains('e') && !lexeme.contains('E') && lexeme.toDouble() == number;
        out.append("<double>")
            .append(plain ? lexeme : QByteArray::number(number, 'f', QLocale::FloatingPointShortest))
            .append("</double>");
        break;
    }
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

// ---------------------------------------------------------------------------------------------
// Decoding

// One methodResponse, read in a single pass. Each read* function starts just after the start tag
// it is named after and ends on its end tag; any failure records the first error and unwinds.
class ResponseReader
{
public:
    ResponseReader(const QByteArray& body, const DecodeLimits& limits)
        : m_reader(body)
        , m_limits(limits)
    {}

    enum class Outcome { Value, Fault, Failed };
    Outcome read(ProtocolValue* result);
    QString errorString() const { return m_error; }

private:
    bool fail(const QString& what)
    {
        if (m_error.isEmpty()) {
            const QString where = QStringLiteral(" (line %1, column %2)")
                                      .arg(m_reader.lineNumber())
                                      .arg(m_reader.columnNumber());
            m_error = m_reader.hasError() ? QStringLiteral("bad XML: ") + m_reader.errorString() + where
                                          : what + where;
        }
        return false;
    }

    // Next start or end tag, skipping whitespace, comments and processing instructions.
    bool nextTag();
    bool expectStart(QStringView name);
    bool expectEnd(QStringView name);
    bool readScalarText(QString* text);
    bool readValue(ProtocolValue* out, int depth);
    bool readTyped(ProtocolValue* out, int depth);
    bool readStruct(ProtocolValue* out, int depth);
    bool readArray(ProtocolValue* out, int depth);

    QXmlStreamReader m_reader;
    DecodeLimits m_limits;
    qsizetype m_values = 0;
    QString m_error;
};

bool ResponseReader::nextTag()
{
    while (!m_reader.atEnd()) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::StartElement:
        case QXmlStreamReader::EndElement:
            return true;
        case QXmlStreamReader::Characters:
            if (!m_reader.isWhitespace())
                return fail(QStringLiteral("unexpected text \"%1\"").arg(m_reader.text().left(40)));
            break;
        case QXmlStreamReader::Comment:
        case QXmlStreamReader::ProcessingInstruction:
        case QXmlStreamReader::StartDocument:
            break;
        case QXmlStreamReader::DTD:
            // Never in XML-RPC; refusing it also refuses entity expansion tricks.
            return fail(QStringLiteral("a DTD is not allowed"));
        case QXmlStreamReader::EntityReference:
            return fail(QStringLiteral("undeclared entity &%1;").arg(m_reader.name()));
        case QXmlStreamReader::EndDocument:
            return fail(QStringLiteral("the document ends too early"));
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::NoToken:
            return fail({});
        }
    }
    return fail(QStringLiteral("the document ends too early"));
}

bool ResponseReader::expectStart(QStringView name)
{
    if (!nextTag())
        return false;
    if (!m_reader.isStartElement() || m_reader.name() != name)
        return fail(QStringLiteral("expected <%1>").arg(name));
    return true;
}

bool ResponseReader::expectEnd(QStringView name)
{
    if (!nextTag())
        return false;
    if (!m_reader.isEndElement() || m_reader.name() != name)
        return fail(QStringLiteral("expected </%1>").arg(name));
    return true;
}

bool ResponseReader::readScalarText(QString* text)
{
    *text = m_reader.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
    return !m_reader.hasError() || fail({});
}

bool ResponseReader::readValue(ProtocolValue* out, int depth)
{
    if (++m_values > m_limits.maxValues)
        return fail(QStringLiteral("more than %1 values").arg(m_limits.maxValues));
    QString text;
    bool sawText = false;
    while (!m_reader.atEnd()) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::Characters:
            text += m_reader.text();
            sawText = true;
            break;
        case QXmlStreamReader::Comment:
        case QXmlStreamReader::ProcessingInstruction:
            break;
        case QXmlStreamReader::StartElement:
            for (const QChar c : std::as_const(text)) {
                if (!c.isSpace())
                    return fail(QStringLiteral("text mixed with <%1>").arg(m_reader.name()));
            }
            return readTyped(out, depth) && expectEnd(u"value");
        case QXmlStreamReader::EndElement:
            // Untyped: a string (XML-RPC spec); empty: Perl's undef (REFERENCE.md 1.3.1).
            *out = sawText ? ProtocolValue(text) : ProtocolValue();
            return true;
        case QXmlStreamReader::EntityReference:
            return fail(QStringLiteral("undeclared entity &%1;").arg(m_reader.name()));
        default:
            return fail(QStringLiteral("unexpected content in <value>"));
        }
    }
    return fail(QStringLiteral("the document ends inside <value>"));
}

bool ResponseReader::readTyped(ProtocolValue* out, int depth)
{
    const QStringView name = m_reader.name();
    if (name == u"struct")
        return readStruct(out, depth);
    if (name == u"array")
        return readArray(out, depth);

    Type type;
    if (name == u"string")
        type = Type::String;
    else if (name == u"int" || name == u"i4" || name == u"i8")
        type = Type::Int;
    else if (name == u"base64")
        type = Type::Bytes;
    else if (name == u"boolean")
        type = Type::Bool;
    else if (name == u"double")
        type = Type::Double;
    else if (name == u"dateTime.iso8601")
        type = Type::DateTime;
    else if (name == u"nil")
        type = Type::Nil;
    else
        return fail(QStringLiteral("unknown element <%1>").arg(name));

    const QString elementName = name.toString();
    QString text;
    if (!readScalarText(&text))
        return false;
    if (type == Type::String) {
        *out = ProtocolValue::fromUtf8(text.toUtf8());
        return true;
    }
    const QByteArray bytes = text.toUtf8();
    const QByteArrayView lexeme = CodecText::trimmed(bytes);
    switch (type) {
    case Type::Int:
        // Any number of digits: an old SOAP::Lite does not range-check (1.3.1); toInt() does.
        if (!CodecText::isDigitString(lexeme))
            return fail(QStringLiteral("<%1> holds \"%2\"").arg(elementName, text.left(40)));
        *out = ProtocolValue::fromLexeme(Type::Int, lexeme.toByteArray());
        return true;
    case Type::Double: {
        bool ok = false;
        lexeme.toByteArray().toDouble(&ok);
        if (!ok)
            return fail(QStringLiteral("<double> holds \"%1\"").arg(text.left(40)));
        *out = ProtocolValue::fromLexeme(Type::Double, lexeme.toByteArray());
        return true;
    }
    case Type::Bool:
        if (lexeme != "0" && lexeme != "1" && lexeme != "true" && lexeme != "false")
            return fail(QStringLiteral("<boolean> holds \"%1\"").arg(text.left(40)));
        *out = ProtocolValue::fromLexeme(Type::Bool, lexeme.toByteArray());
        return true;
    case Type::DateTime:
        *out = ProtocolValue::fromLexeme(Type::DateTime, lexeme.toByteArray());
        return true;
    case Type::Bytes: {
        // MIME encoders break lines; drop all whitespace before the strict decode.
        QByteArray compact;
        compact.reserve(bytes.size());
        for (const char c : bytes) {
            if (!CodecText::isAsciiBlank(c))
                compact.append(c);
        }
        auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return fail(QStringLiteral("invalid base64"));
        *out = ProtocolValue::fromBytes(std::move(decoded.decoded));
        return true;
    }
    case Type::Nil:
        if (!lexeme.isEmpty())
            return fail(QStringLiteral("<nil> is not empty"));
        *out = ProtocolValue();
        return true;
    default:
        return fail(QStringLiteral("unexpected type"));
    }
}

bool ResponseReader::readStruct(ProtocolValue* out, int depth)
{
    if (depth >= m_limits.maxDepth)
        return fail(QStringLiteral("values nested more than %1 levels deep").arg(m_limits.maxDepth));
    ProtocolValue::Map members;
    while (nextTag()) {
        if (m_reader.isEndElement()) {
            *out = ProtocolValue(std::move(members));
            return true; // </struct>: nextTag() only returns matching end tags (well-formedness)
        }
        if (m_reader.name() != u"member")
            return fail(QStringLiteral("<%1> inside <struct>").arg(m_reader.name()));
        QString name;
        ProtocolValue value;
        bool haveName = false;
        bool haveValue = false;
        while (nextTag() && m_reader.isStartElement()) {
            if (m_reader.name() == u"name" && !haveName) {
                if (!readScalarText(&name))
                    return false;
                haveName = true;
            } else if (m_reader.name() == u"value" && !haveValue) {
                if (!readValue(&value, depth + 1))
                    return false;
                haveValue = true;
            } else {
                return fail(QStringLiteral("<%1> inside <member>").arg(m_reader.name()));
            }
        }
        if (!m_error.isEmpty())
            return false;
        if (!haveName || !haveValue)
            return fail(QStringLiteral("<member> without <name> or <value>"));
        members.insert(name, std::move(value));
    }
    return false;
}

bool ResponseReader::readArray(ProtocolValue* out, int depth)
{
    if (depth >= m_limits.maxDepth)
        return fail(QStringLiteral("values nested more than %1 levels deep").arg(m_limits.maxDepth));
    if (!expectStart(u"data"))
        return false;
    ProtocolValue::List items;
    while (nextTag()) {
        if (m_reader.isEndElement()) {
            *out = ProtocolValue(std::move(items));
            return expectEnd(u"array");
        }
        if (m_reader.name() != u"value")
            return fail(QStringLiteral("<%1> inside <data>").arg(m_reader.name()));
        ProtocolValue item;
        if (!readValue(&item, depth + 1))
            return false;
        items.append(std::move(item));
    }
    return false;
}

ResponseReader::Outcome ResponseReader::read(ProtocolValue* result)
{
    if (!expectStart(u"methodResponse"))
        return Outcome::Failed;
    if (!nextTag())
        return Outcome::Failed;

    Outcome outcome;
    if (m_reader.name() == u"params") {
        if (!expectStart(u"param") || !expectStart(u"value") || !readValue(result, 0) ||
            !expectEnd(u"param") || !expectEnd(u"params"))
            return Outcome::Failed;
        outcome = Outcome::Value;
    } else if (m_reader.name() == u"fault") {
        if (!expectStart(u"value") || !readValue(result, 0) || !expectEnd(u"fault"))
            return Outcome::Failed;
        outcome = Outcome::Fault;
    } else {
        fail(QStringLiteral("expected <params> or <fault>"));
        return Outcome::Failed;
    }
    if (!expectEnd(u"methodResponse"))
        return Outcome::Failed;
    // Only comments, processing instructions and whitespace may follow.
    while (!m_reader.atEnd()) {
        const auto token = m_reader.readNext();
        if (token == QXmlStreamReader::EndDocument)
            break;
        if (token == QXmlStreamReader::Invalid ||
            (token == QXmlStreamReader::Characters && !m_reader.isWhitespace()) ||
            token == QXmlStreamReader::StartElement) {
            fail(QStringLiteral("content after </methodResponse>"));
            return Outcome::Failed;
        }
    }
    if (m_reader.hasError()) {
        fail({});
        return Outcome::Failed;
    }
    return outcome;
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

ProtocolResult<ProtocolValue> XmlRpcCodec::decodeResponse(const QByteArray& body, const QString& mode) const
{
    if (body.size() > m_limits.maxBodyBytes)
        return ProtocolError::malformed(QStringLiteral("reply of %1 bytes is over the %2-byte limit")
                                            .arg(body.size())
                                            .arg(m_limits.maxBodyBytes),
                                        mode);
    if (CodecText::trimmed(body).isEmpty())
        return ProtocolError::malformed(QStringLiteral("empty reply"), mode);

    ResponseReader reader(body, m_limits);
    ProtocolValue value;
    switch (reader.read(&value)) {
    case ResponseReader::Outcome::Failed:
        return ProtocolError::malformed(QStringLiteral("not a valid XML-RPC reply: ") + reader.errorString(),
                                        mode);
    case ResponseReader::Outcome::Fault: {
        if (!value.isStruct() || !value.contains(QStringLiteral("faultCode")))
            return ProtocolError::malformed(QStringLiteral("fault without a faultCode"), mode);
        return ProtocolError::fromFault(value.member(u"faultCode").toText(),
                                        value.member(u"faultString").toText(), mode);
    }
    case ResponseReader::Outcome::Value:
        break;
    }
    // Every LJ mode answers a struct (REFERENCE.md 1.3).
    if (!value.isStruct())
        return ProtocolError::malformed(
            QStringLiteral("the reply is a %1, not a struct").arg(QLatin1StringView(typeName(value.type()))),
            mode);
    return value;
}

} // namespace Inkwell
