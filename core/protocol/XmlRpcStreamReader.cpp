// XmlRpcReader::readWithStreamReader(): a methodResponse through QXmlStreamReader.

#include "protocol/CodecText.h"
#include "protocol/XmlRpcReader.h"

#include <QXmlStreamReader>

namespace Inkwell::XmlRpcReader {

namespace {

using Type = ProtocolValue::Type;

// One methodResponse, read in a single pass. Each read* function starts just after the start tag
// it is named after and ends on its end tag; any failure records the first error and unwinds.
class ResponseReader
{
public:
    ResponseReader(const QByteArray& body, const DecodeLimits& limits)
        : m_reader(body)
        , m_limits(limits)
    {}

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
                if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r')
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
    if (!scalarElementType(name, &type))
        return fail(QStringLiteral("unknown element <%1>").arg(name));
    QString text;
    if (!readScalarText(&text))
        return false;
    QString error;
    return makeScalar(type, text.toUtf8(), out, &error) || fail(error);
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

Outcome ResponseReader::read(ProtocolValue* result)
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

bool scalarElementType(QAnyStringView name, ProtocolValue::Type* type)
{
    static const std::pair<QLatin1StringView, Type> types[] = {
        {QLatin1StringView("string"), Type::String}, {QLatin1StringView("int"), Type::Int},
        {QLatin1StringView("i4"), Type::Int},        {QLatin1StringView("i8"), Type::Int},
        {QLatin1StringView("base64"), Type::Bytes},  {QLatin1StringView("boolean"), Type::Bool},
        {QLatin1StringView("double"), Type::Double}, {QLatin1StringView("dateTime.iso8601"), Type::DateTime},
        {QLatin1StringView("nil"), Type::Nil},
    };
    for (const auto& [element, elementType] : types) {
        if (name.size() == element.size() && QAnyStringView::equal(name, element)) {
            *type = elementType;
            return true;
        }
    }
    return false;
}

bool makeScalar(ProtocolValue::Type type, QByteArray text, ProtocolValue* out, QString* error)
{
    if (type == Type::String) {
        *out = ProtocolValue::fromUtf8(std::move(text));
        return true;
    }
    const QByteArrayView lexeme = CodecText::trimmed(text);
    const auto quoted = [&] {
        return QString::fromUtf8(lexeme.first(qMin<qsizetype>(lexeme.size(), 40)));
    };
    switch (type) {
    case Type::Int:
        // Any number of digits: an old SOAP::Lite does not range-check (1.3.1); toInt() does.
        if (!CodecText::isDigitString(lexeme)) {
            *error = QStringLiteral("<int> holds \"%1\"").arg(quoted());
            return false;
        }
        *out = ProtocolValue::fromLexeme(Type::Int, lexeme.toByteArray());
        return true;
    case Type::Double: {
        bool ok = false;
        lexeme.toByteArray().toDouble(&ok);
        if (!ok) {
            *error = QStringLiteral("<double> holds \"%1\"").arg(quoted());
            return false;
        }
        *out = ProtocolValue::fromLexeme(Type::Double, lexeme.toByteArray());
        return true;
    }
    case Type::Bool:
        if (lexeme != "0" && lexeme != "1" && lexeme != "true" && lexeme != "false") {
            *error = QStringLiteral("<boolean> holds \"%1\"").arg(quoted());
            return false;
        }
        *out = ProtocolValue::fromLexeme(Type::Bool, lexeme.toByteArray());
        return true;
    case Type::DateTime:
        *out = ProtocolValue::fromLexeme(Type::DateTime, lexeme.toByteArray());
        return true;
    case Type::Bytes: {
        // MIME encoders break lines; drop all whitespace before the strict decode.
        QByteArray compact;
        compact.reserve(text.size());
        for (const char c : std::as_const(text)) {
            if (!CodecText::isAsciiBlank(c))
                compact.append(c);
        }
        auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            *error = QStringLiteral("invalid base64");
            return false;
        }
        *out = ProtocolValue::fromBytes(std::move(decoded.decoded));
        return true;
    }
    case Type::Nil:
        if (!lexeme.isEmpty()) {
            *error = QStringLiteral("<nil> is not empty");
            return false;
        }
        *out = ProtocolValue();
        return true;
    default:
        *error = QStringLiteral("not a scalar type");
        return false;
    }
}

Parse readWithStreamReader(const QByteArray& body, const DecodeLimits& limits)
{
    ResponseReader reader(body, limits);
    Parse parse;
    parse.outcome = reader.read(&parse.value);
    if (parse.outcome == Outcome::Failed) {
        parse.value = ProtocolValue();
        parse.error = reader.errorString();
    }
    return parse;
}

Parse read(const QByteArray& body, const DecodeLimits& limits)
{
    Parse parse = readCanonical(body, limits);
    if (parse.outcome == Outcome::NotCanonical)
        parse = readWithStreamReader(body, limits);
    return parse;
}

} // namespace Inkwell::XmlRpcReader
