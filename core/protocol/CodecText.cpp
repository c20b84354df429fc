#include "protocol/CodecText.h"

#include <QStringDecoder>

#include <limits>

namespace Inkwell::CodecText {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

} // namespace

char32_t nextCodePoint(QByteArrayView bytes, qsizetype& i)
{
    const auto byte = [&](qsizetype at) {
        return static_cast<unsigned char>(bytes[at]);
    };
    const unsigned char lead = byte(i);
    int length = 0;
    char32_t point = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        ++i;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        point = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        point = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        point = lead & 0x07;
        minimum = 0x10000;
    } else {
        return char32_t(-1);
    }
    if (i + length > bytes.size())
        return char32_t(-1);
    for (int k = 1; k < length; ++k) {
        const unsigned char next = byte(i + k);
        if ((next & 0xC0) != 0x80)
            return char32_t(-1);
        point = (point << 6) | (next & 0x3F);
    }
    if (point < minimum || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF))
        return char32_t(-1);
    i += length;
    return point;
}

void appendUtf8(QByteArray& out, char32_t point)
{
    if (point < 0x80) {
        out.append(char(point));
    } else if (point < 0x800) {
        out.append(char(0xC0 | (point >> 6)));
        out.append(char(0x80 | (point & 0x3F)));
    } else if (point < 0x10000) {
        out.append(char(0xE0 | (point >> 12)));
        out.append(char(0x80 | ((point >> 6) & 0x3F)));
        out.append(char(0x80 | (point & 0x3F)));
    } else {
        out.append(char(0xF0 | (point >> 18)));
        out.append(char(0x80 | ((point >> 12) & 0x3F)));
        out.append(char(0x80 | ((point >> 6) & 0x3F)));
        out.append(char(0x80 | (point & 0x3F)));
    }
}

bool isXmlChar(char32_t point)
{
    return point == 0x9 || point == 0xA || point == 0xD || (point >= 0x20 && point <= 0xD7FF) ||
           (point >= 0xE000 && point <= 0xFFFD) || (point >= 0x10000 && point <= 0x10FFFF);
}

bool isAsciiBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QByteArrayView trimmed(QByteArrayView bytes)
{
    qsizetype begin = 0;
    qsizetype end = bytes.size();
    while (begin < end && isAsciiBlank(bytes[begin]))
        ++begin;
    while (end > begin && isAsciiBlank(bytes[end - 1]))
        --end;
    return bytes.sliced(begin, end - begin);
}

bool parseWholeNumber(QByteArrayView text, qint64* result)
{
    if (!isDigitString(text))
        return false;
    const bool negative = text[0] == '-';
    qsizetype i = (text[0] == '+' || text[0] == '-') ? 1 : 0;
    // Accumulate negatively so that INT64_MIN parses too.
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    qint64 value = 0;
    for (; i < text.size(); ++i) {
        const int digit = text[i] - '0';
        if (value < (min + digit) / 10)
            return false;
        value = value * 10 - digit;
    }
    if (!negative) {
        if (value == min)
            return false;
        value = -value;
    }
    *result = value;
    return true;
}

bool isDigitString(QByteArrayView text)
{
    qsizetype i = 0;
    if (!text.isEmpty() && (text[0] == '+' || text[0] == '-'))
        ++i;
    if (i == text.size())
        return false;
    for (; i < text.size(); ++i) {
        if (!isDigit(text[i]))
            return false;
    }
    return true;
}

QString toQString(QByteArrayView utf8)
{
    // Checked inline: this runs for every text value of every reply.
    const bool bom = utf8.size() >= 3 && utf8[0] == '\xEF' && utf8[1] == '\xBB' && utf8[2] == '\xBF';
    if (!bom)
        return QString::fromUtf8(utf8);
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(utf8);
}

bool isValidUtf8(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size();) {
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        if (nextCodePoint(bytes, i) == char32_t(-1))
            return false;
    }
    return true;
}

bool isXmlText(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size();) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x80) {
            ++i;
            continue;
        }
        const char32_t point = nextCodePoint(bytes, i);
        if (point == char32_t(-1) || !isXmlChar(point))
            return false;
    }
    return true;
}

ProtocolValue::Type perlScalarType(QByteArrayView text)
{
    if (text.isEmpty())
        return ProtocolValue::Type::String;
    if (isDigitString(text))
        return ProtocolValue::Type::Int;
    // XMLRPC::Lite: [+-]?(?=\d|\.\d)\d*(\.\d*)?([Ee]([+-]?\d+))?
    qsizetype i = 0;
    if (text[0] == '+' || text[0] == '-')
        ++i;
    const qsizetype start = i;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    bool digits = i > start;
    if (i < text.size() && text[i] == '.') {
        ++i;
        const qsizetype fraction = i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
        digits = digits || i > fraction;
    }
    if (digits && i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        const qsizetype exponent = i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
        if (i == exponent)
            digits = false;
    }
    if (digits && i == text.size())
        return ProtocolValue::Type::Double;
    // ^\d{8}T\d\d:\d\d:\d\d$
    if (text.size() == 17 && text[8] == 'T' && text[11] == ':' && text[14] == ':') {
        bool allDigits = true;
        for (qsizetype k : {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 13, 15, 16})
            allDigits = allDigits && isDigit(text[k]);
        if (allDigits)
            return ProtocolValue::Type::DateTime;
    }
    return ProtocolValue::Type::String;
}

QByteArray formDecode(QByteArrayView text)
{
    // Written through a raw pointer: append() per byte (a capacity check and a terminator each)
    // made this the largest part of decoding a getevents reply.
    QByteArray out(text.size(), Qt::Uninitialized);
    char* to = out.data();
    const char* from = text.data();
    const char* const end = from + text.size();
    while (from < end) {
        const char c = *from;
        int high = 0;
        int low = 0;
        if (c == '+') {
            *to++ = ' ';
            ++from;
        } else if (c == '%' && end - from > 2 && (high = hexValue(from[1])) >= 0 &&
                   (low = hexValue(from[2])) >= 0) {
            *to++ = char(high * 16 + low);
            from += 3;
        } else {
            *to++ = c;
            ++from;
        }
    }
    out.truncate(to - out.data());
    return out;
}

void appendPercentEncoded(QByteArray& out, QByteArrayView bytes)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    const qsizetype start = out.size();
    out.resize(start + 3 * bytes.size()); // at most three bytes each
    char* to = out.data() + start;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' ||
            u == '.' || u == '_' || u == '~') {
            *to++ = c;
        } else {
            *to++ = '%';
            *to++ = hex[u >> 4];
            *to++ = hex[u & 0xF];
        }
    }
    out.truncate(to - out.data());
}

} // namespace Inkwell::CodecText
