#pragma once

#include "protocol/ProtocolValue.h"

#include <QByteArrayView>
#include <QString>

// Byte-level helpers shared by the codecs (internal to core/protocol).
namespace Inkwell::CodecText {

bool isAsciiBlank(char c);
QByteArrayView trimmed(QByteArrayView bytes);

// [+-]?[0-9]+ within qint64.
bool parseWholeNumber(QByteArrayView text, qint64* result);
// [+-]?[0-9]+ of any length (what a Perl server may put in <int>).
bool isDigitString(QByteArrayView text);

// Decodes the UTF-8 sequence at bytes[i] and advances i past it; returns char32_t(-1) (and leaves
// i alone) for an invalid, overlong, surrogate or truncated sequence.
char32_t nextCodePoint(QByteArrayView bytes, qsizetype& i);
void appendUtf8(QByteArray& out, char32_t point);
// XML 1.0 Char production.
bool isXmlChar(char32_t point);

bool isValidUtf8(QByteArrayView bytes);
// UTF-8 to QString keeping a leading U+FEFF (QString::fromUtf8 drops it as a byte-order mark;
// in a protocol value it is a character like any other). Invalid bytes become U+FFFD.
QString toQString(QByteArrayView utf8);
// Valid UTF-8 whose every code point is an XML 1.0 Char (no C0 controls but TAB, LF, CR; no
// U+FFFE/U+FFFF), i.e. text an XML document can carry.
bool isXmlText(QByteArrayView bytes);

// The type XMLRPC::Lite gives a scalar from its content (REFERENCE.md 1.3.1), short of base64:
// Int for [+-]?digits, Double for decimal/exponent numbers, DateTime for 8 digits T hh:mm:ss,
// String otherwise. The flat decoder types its values this way so that both interfaces give the
// same tree.
ProtocolValue::Type perlScalarType(QByteArrayView text);

// Form decoding: '+' is a space, %HH a byte; a '%' not followed by two hex digits stays as is.
QByteArray formDecode(QByteArrayView text);
// Percent-encodes every byte but the unreserved A-Z a-z 0-9 - . _ ~ (upper-case hex).
void appendPercentEncoded(QByteArray& out, QByteArrayView bytes);

} // namespace Inkwell::CodecText
