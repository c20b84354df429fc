#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>

namespace Inkwell {

// One node of the neutral value tree that both codecs speak: requests are built as one, replies are
// decoded into one, shaped like the XML-RPC structures (REFERENCE.md 1.3) whichever interface an
// account uses.
//
// Scalars keep their bytes exactly as they travelled: text as UTF-8 (or the raw bytes a ver=0
// server sent), base64 as the decoded bytes, numbers as their lexeme ("007" stays "007"). The
// server is Perl and guesses every scalar's XML-RPC type from its content (1.3.1), so a subject
// may arrive as <int> and a body as <base64>; the accessors therefore coerce: toText() works on
// every scalar, toInt() on every scalar that reads as a number.
class ProtocolValue
{
public:
    enum class Type : quint8 {
        Nil, // <value/>, <nil/>, or an absent member
        String,
        Int, // <int>, <i4>, <i8>; the lexeme is kept, any length of digits
        Double,
        Bool,
        DateTime, // <dateTime.iso8601>, lexeme kept as sent
        Bytes,    // <base64>, decoded
        Array,
        Struct,
    };
    using List = QList<ProtocolValue>;
    using Map = QMap<QString, ProtocolValue>;

    ProtocolValue() = default;
    ProtocolValue(const QString& text);
    ProtocolValue(QStringView text);
    ProtocolValue(int number);
    ProtocolValue(qint64 number);
    ProtocolValue(double number);
    ProtocolValue(bool flag);
    ProtocolValue(List items);
    ProtocolValue(Map members);
    // A pointer would silently become a Bool; say which encoding a C string has instead.
    ProtocolValue(const char*) = delete;

    // Text given as UTF-8 bytes (not validated: a ver=0 reply may hold any bytes).
    static ProtocolValue fromUtf8(QByteArray utf8);
    // Binary data, sent and received as <base64>.
    static ProtocolValue fromBytes(QByteArray bytes);
    // A scalar of the given type holding exactly this lexeme (as the decoders build them).
    static ProtocolValue fromLexeme(Type type, QByteArray lexeme);
    static ProtocolValue emptyList() { return ProtocolValue(List{}); }
    static ProtocolValue emptyMap() { return ProtocolValue(Map{}); }

    Type type() const { return m_type; }
    bool isNil() const { return m_type == Type::Nil; }
    bool isArray() const { return m_type == Type::Array; }
    bool isStruct() const { return m_type == Type::Struct; }
    bool isScalar() const { return m_type != Type::Array && m_type != Type::Struct; }

    // Scalars as text (1.3.1: any text field may arrive as base64, int or double). Bool gives
    // "1"/"0", Nil and containers give "". toText() decodes UTF-8 (invalid bytes become U+FFFD);
    // toUtf8() gives the bytes themselves.
    QString toText() const;
    const QByteArray& toUtf8() const { return m_scalar; }
    // Whole decimal numbers, optionally signed and surrounded by blanks; also "1.0"-style doubles
    // that are whole. *ok is false (and 0 returned) for anything else or on overflow.
    qint64 toInt(bool* ok = nullptr) const;
    double toDouble(bool* ok = nullptr) const;
    // Perl truth as the server applies it: "", "0" and Nil are false, every other scalar true.
    bool toBool() const;

    // Containers. A missing member, or indexing anything but a struct/array, gives a Nil value,
    // so reply.member(u"events").at(0).member(u"itemid").toInt() never needs a check in between.
    qsizetype size() const;
    const List& items() const;
    const Map& members() const;
    const ProtocolValue& at(qsizetype index) const;
    const ProtocolValue& member(const QString& key) const;
    const ProtocolValue& member(QStringView key) const { return member(key.toString()); }
    const ProtocolValue& operator[](const QString& key) const { return member(key); }
    const ProtocolValue& operator[](QStringView key) const { return member(key); }
    bool contains(const QString& key) const;

    // Building. insert() on Nil makes a Struct, append() on Nil makes an Array; on any other type
    // they do nothing and return false.
    bool insert(const QString& key, ProtocolValue value);
    bool append(ProtocolValue value);
    ProtocolValue take(const QString& key);

    // JSON, for the CLI and for logs: Struct -> object (keys sorted), Array -> array, Nil -> null,
    // Bool -> true/false, Int and Double -> a number when that number prints back as the same
    // lexeme (else the lexeme as a string, so "007" and 2^70 survive), other scalars -> string.
    // Bytes that are not valid UTF-8 become {"base64": "..."}.
    QJsonValue toJson() const;
    QByteArray toJsonText(bool indented = true) const;
    // The reverse, to build requests from JSON (the CLI's `call`): whole numbers become Int,
    // other numbers Double, null Nil.
    static ProtocolValue fromJson(const QJsonValue& json);

    // Exact equality: same types, same bytes, same structure.
    bool operator==(const ProtocolValue& other) const;
    bool operator!=(const ProtocolValue& other) const { return !(*this == other); }

    // Equality as the server means it. Perl scalars are strings and the flat interface cannot
    // tell "absent", "empty" and "undef" apart, so: scalars compare by their bytes whatever their
    // wire type (Bool as "1"/"0"), and a missing struct member, a Nil and an empty scalar are the
    // same thing. Containers must match in kind, size and order.
    bool isEquivalent(const ProtocolValue& other) const;

    static const ProtocolValue& nil();

private:
    Type m_type = Type::Nil;
    QByteArray m_scalar;
    List m_list;
    Map m_map;
};

const char* typeName(ProtocolValue::Type type);

} // namespace Inkwell
