// XmlRpcReader::readCanonical(): the methodResponse form servers send, read from the raw bytes.
//
// QXmlStreamReader tokenises at roughly 35 MB/s here, below what a 100-entry getevents reply
// deserves; replies in the common form do not need a general XML parser. This reader accepts a
// strict subset of XML and bails out (NotCanonical) on anything else: comments, CDATA, DTDs,
// processing instructions other than the XML declaration, attributes, namespaces, encodings
// other than UTF-8, raw CR in text, invalid UTF-8 or XML characters, unknown entities, and every
// error or limit. The stream reader then decides, so errors are always its errors.

#include "protocol/CodecText.h"
#include "protocol/XmlRpcReader.h"

#include <QHash>

#include <cstring>

namespace Inkwell::XmlRpcReader {

namespace {

using Type = ProtocolValue::Type;

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
}

// name == literal, compared inline: tag names are checked several times per value.
template <qsizetype N>
bool is(QByteArrayView name, const char (&literal)[N])
{
    return name.size() == N - 1 && std::memcmp(name.data(), literal, N - 1) == 0;
}

bool isXmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class CanonicalReader
{
public:
    CanonicalReader(const QByteArray& body, const DecodeLimits& limits)
        : m_begin(body.constData())
        , m_p(body.constData())
        , m_end(body.constData() + body.size())
        , m_limits(limits)
    {}

    Outcome read(ProtocolValue* result);

private:
    enum class TagKind { Open, Close, Empty };

    void skipSpace()
    {
        while (m_p < m_end && isXmlSpace(*m_p))
            ++m_p;
    }
    bool startsWith(const char* text) const
    {
        const size_t length = std::strlen(text);
        return size_t(m_end - m_p) >= length && std::memcmp(m_p, text, length) == 0;
    }
    // A tag at m_p (no attributes, no namespace).
    bool tag(TagKind* kind, QByteArrayView* name);
    // Skips whitespace, then the tag must be exactly this.
    template <qsizetype N>
    bool expect(TagKind kind, const char (&name)[N])
    {
        skipSpace();
        TagKind found;
        QByteArrayView foundName;
        return tag(&found, &foundName) && found == kind && is(foundName, name);
    }
    // Text up to '<' with entities decoded, then the closing tag `name`.
    bool text(QByteArrayView name, QByteArray* out);
    // The text of a <name> element, then </name>. Member names repeat (itemid, event, ... in
    // every entry): one QString per distinct name, read without a copy when it is plain ASCII.
    bool memberName(QString* out);
    bool appendEntity(QByteArray* out);
    bool declaration();
    bool value(ProtocolValue* out, int depth);     // after <value>
    bool structure(ProtocolValue* out, int depth); // after <struct>
    bool array(ProtocolValue* out, int depth);     // after <array>

    const char* m_begin;
    const char* m_p;
    const char* m_end;
    DecodeLimits m_limits;
    qsizetype m_values = 0;
    QHash<QByteArray, QString> m_names;
};

bool CanonicalReader::tag(TagKind* kind, QByteArrayView* name)
{
    if (m_p >= m_end || *m_p != '<')
        return false;
    ++m_p;
    *kind = TagKind::Open;
    if (m_p < m_end && *m_p == '/') {
        *kind = TagKind::Close;
        ++m_p;
    }
    const char* start = m_p;
    while (m_p < m_end && isNameChar(*m_p))
        ++m_p;
    if (m_p == start || !((*start >= 'a' && *start <= 'z') || (*start >= 'A' && *start <= 'Z')))
        return false;
    *name = QByteArrayView(start, m_p - start);
    skipSpace(); // <value />, as XMLRPC::Lite writes it
    if (m_p < m_end && *m_p == '>') {
        ++m_p;
        return true;
    }
    if (*kind == TagKind::Open && m_end - m_p >= 2 && m_p[0] == '/' && m_p[1] == '>') {
        *kind = TagKind::Empty;
        m_p += 2;
        return true;
    }
    return false; // attributes, or the end of the input
}

bool CanonicalReader::appendEntity(QByteArray* out)
{
    // m_p is at '&'.
    const char* semicolon = static_cast<const char*>(std::memchr(m_p, ';', qMin<qsizetype>(m_end - m_p, 12)));
    if (!semicolon)
        return false;
    const QByteArrayView entity(m_p + 1, semicolon - m_p - 1);
    m_p = semicolon + 1;
    if (entity == "amp")
        out->append('&');
    else if (entity == "lt")
        out->append('<');
    else if (entity == "gt")
        out->append('>');
    else if (entity == "quot")
        out->append('"');
    else if (entity == "apos")
        out->append('\'');
    else if (entity.startsWith('#')) {
        const bool hex = entity.size() > 1 && entity[1] == 'x';
        const QByteArrayView digits = entity.sliced(hex ? 2 : 1);
        if (digits.isEmpty() || digits.size() > 7)
            return false;
        char32_t point = 0;
        for (const char c : digits) {
            int digit;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            else
                return false;
            point = point * (hex ? 16 : 10) + char32_t(digit);
        }
        if (!CodecText::isXmlChar(point))
            return false;
        CodecText::appendUtf8(*out, point); // &#13; is a CR, not a line end
    } else {
        return false;
    }
    return true;
}

bool CanonicalReader::text(QByteArrayView name, QByteArray* out)
{
    out->clear();
    while (m_p < m_end) {
        // A run of plain ASCII is copied at once.
        const char* run = m_p;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c < 0x20 || c >= 0x7F || c == '&' || c == '<' || c == ']') {
                if (c != '\t' && c != '\n')
                    break;
            }
            ++m_p;
        }
        if (out->isEmpty() && m_p != run && m_p < m_end && *m_p == '<')
            *out = QByteArray(run, m_p - run); // all the text in one run: one allocation of its size
        else
            out->append(run, m_p - run);
        if (m_p == m_end)
            return false;
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '<')
            break;
        if (c == '&') {
            if (!appendEntity(out))
                return false;
        } else if (c == ']') {
            if (startsWith("]]>"))
                return false; // not allowed in text
            out->append(']');
            ++m_p;
        } else if (c >= 0x80) {
            qsizetype at = m_p - m_begin;
            const QByteArrayView all(m_begin, m_end - m_begin);
            const char32_t point = CodecText::nextCodePoint(all, at);
            if (point == char32_t(-1) || !CodecText::isXmlChar(point))
                return false;
            out->append(m_p, (m_begin + at) - m_p);
            m_p = m_begin + at;
        } else {
            return false; // CR (line-end normalisation), DEL, control characters
        }
    }
    TagKind kind;
    QByteArrayView closing;
    return tag(&kind, &closing) && kind == TagKind::Close && closing == name;
}

bool CanonicalReader::memberName(QString* out)
{
    // The common case of text(): one run of printable ASCII up to the '<' of the closing tag.
    const char* const start = m_p;
    const char* end = start;
    while (end < m_end && *end >= 0x20 && *end < 0x7F && *end != '&' && *end != '<' && *end != ']')
        ++end;
    QByteArray decoded;
    QByteArrayView bytes;
    if (end < m_end && *end == '<') {
        m_p = end;
        TagKind kind;
        QByteArrayView closing;
        if (!tag(&kind, &closing) || kind != TagKind::Close || !is(closing, "name"))
            return false;
        bytes = QByteArrayView(start, end - start);
    } else {
        if (!text("name", &decoded))
            return false;
        bytes = decoded;
    }
    const auto it = m_names.constFind(QByteArray::fromRawData(bytes.data(), bytes.size()));
    if (it != m_names.cend()) {
        *out = *it;
        return true;
    }
    *out = CodecText::toQString(bytes);
    m_names.insert(bytes.toByteArray(), *out);
    return true;
}

bool CanonicalReader::value(ProtocolValue* out, int depth)
{
    if (++m_values > m_limits.maxValues)
        return false;
    // Untyped text, or whitespace before a typed element.
    const char* start = m_p;
    skipSpace();
    if (m_p < m_end && *m_p != '<') {
        m_p = start;
        QByteArray content;
        if (!text("value", &content))
            return false;
        *out = ProtocolValue::fromUtf8(std::move(content));
        return true;
    }
    const bool sawSpace = m_p != start;
    TagKind kind;
    QByteArrayView name;
    if (!tag(&kind, &name))
        return false;
    if (kind == TagKind::Close) {
        if (!is(name, "value"))
            return false;
        if (!sawSpace) {
            *out = ProtocolValue(); // <value></value>: undef
            return true;
        }
        QByteArray spaces(start, m_p - start - qsizetype(sizeof("</value>") - 1));
        if (spaces.contains('\r'))
            return false;
        *out = ProtocolValue::fromUtf8(std::move(spaces));
        return true;
    }
    if (is(name, "struct") || is(name, "array")) {
        if (depth >= m_limits.maxDepth)
            return false;
        if (kind == TagKind::Empty) {
            if (is(name, "array"))
                return false; // <array/> has no <data>: an error for the stream reader
            *out = ProtocolValue::emptyMap();
        } else if (!(is(name, "struct") ? structure(out, depth) : array(out, depth))) {
            return false;
        }
        return expect(TagKind::Close, "value");
    }
    Type type;
    if (!scalarElementType(QLatin1StringView(name), &type))
        return false;
    QByteArray content;
    if (kind == TagKind::Open && !text(name, &content))
        return false;
    QString error;
    return makeScalar(type, std::move(content), out, &error) && expect(TagKind::Close, "value");
}

bool CanonicalReader::structure(ProtocolValue* out, int depth)
{
    ProtocolValue::Map members;
    for (;;) {
        skipSpace();
        TagKind kind;
        QByteArrayView name;
        if (!tag(&kind, &name))
            return false;
        if (kind == TagKind::Close && is(name, "struct"))
            break;
        if (kind != TagKind::Open || !is(name, "member"))
            return false;
        // <name> then <value>, the order every server uses.
        skipSpace();
        QString key;
        if (!tag(&kind, &name) || !is(name, "name") || kind == TagKind::Close)
            return false;
        if (kind == TagKind::Open && !memberName(&key))
            return false;
        skipSpace();
        if (!tag(&kind, &name) || !is(name, "value") || kind == TagKind::Close)
            return false;
        ProtocolValue member;
        if (kind == TagKind::Empty) {
            if (++m_values > m_limits.maxValues)
                return false;
        } else if (!value(&member, depth + 1)) {
            return false;
        }
        if (!expect(TagKind::Close, "member"))
            return false;
        members.insert(key, std::move(member));
    }
    *out = ProtocolValue(std::move(members));
    return true;
}

bool CanonicalReader::array(ProtocolValue* out, int depth)
{
    skipSpace();
    TagKind kind;
    QByteArrayView name;
    if (!tag(&kind, &name) || !is(name, "data") || kind == TagKind::Close)
        return false;
    ProtocolValue::List items;
    if (kind == TagKind::Open) {
        for (;;) {
            skipSpace();
            if (!tag(&kind, &name))
                return false;
            if (kind == TagKind::Close && is(name, "data"))
                break;
            if (kind == TagKind::Close || !is(name, "value"))
                return false;
            ProtocolValue item;
            if (kind == TagKind::Empty) {
                if (++m_values > m_limits.maxValues)
                    return false;
            } else if (!value(&item, depth + 1)) {
                return false;
            }
            items.append(std::move(item));
        }
    }
    *out = ProtocolValue(std::move(items));
    return expect(TagKind::Close, "array");
}

// Only the declarations servers write; any other is the stream reader's business.
bool CanonicalReader::declaration()
{
    static const char* const accepted[] = {
        R"(<?xml version="1.0" encoding="UTF-8"?>)",
        R"(<?xml version="1.0" encoding="utf-8"?>)",
        R"(<?xml version='1.0' encoding='UTF-8'?>)",
        R"(<?xml version='1.0' encoding='utf-8'?>)",
        R"(<?xml version="1.0"?>)",
        R"(<?xml version='1.0'?>)",
    };
    if (!startsWith("<?"))
        return true;
    for (const char* text : accepted) {
        if (startsWith(text)) {
            m_p += std::strlen(text);
            return true;
        }
    }
    return false;
}

Outcome CanonicalReader::read(ProtocolValue* result)
{
    if (!declaration() || !expect(TagKind::Open, "methodResponse"))
        return Outcome::NotCanonical;
    skipSpace();
    TagKind kind;
    QByteArrayView name;
    if (!tag(&kind, &name) || kind != TagKind::Open)
        return Outcome::NotCanonical;
    Outcome outcome;
    if (name == "params") {
        if (!expect(TagKind::Open, "param") || !expect(TagKind::Open, "value") || !value(result, 0) ||
            !expect(TagKind::Close, "param") || !expect(TagKind::Close, "params"))
            return Outcome::NotCanonical;
        outcome = Outcome::Value;
    } else if (name == "fault") {
        if (!expect(TagKind::Open, "value") || !value(result, 0) || !expect(TagKind::Close, "fault"))
            return Outcome::NotCanonical;
        outcome = Outcome::Fault;
    } else {
        return Outcome::NotCanonical;
    }
    if (!expect(TagKind::Close, "methodResponse"))
        return Outcome::NotCanonical;
    skipSpace();
    return m_p == m_end ? outcome : Outcome::NotCanonical;
}

} // namespace

Parse readCanonical(const QByteArray& body, const DecodeLimits& limits)
{
    Parse parse;
    CanonicalReader reader(body, limits);
    parse.outcome = reader.read(&parse.value);
    if (parse.outcome == Outcome::NotCanonical)
        parse.value = ProtocolValue();
    return parse;
}

} // namespace Inkwell::XmlRpcReader
