#include "protocol/ProtocolValue.h"

#include "protocol/CodecText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <limits>

namespace Inkwell {

using CodecText::isValidUtf8;
using CodecText::parseWholeNumber;
using CodecText::trimmed;

ProtocolValue::ProtocolValue(const QString& text)
    : m_type(Type::String)
    , m_scalar(text.toUtf8())
{}

ProtocolValue::ProtocolValue(QStringView text)
    : m_type(Type::String)
    , m_scalar(text.toUtf8())
{}

ProtocolValue::ProtocolValue(int number)
    : ProtocolValue(qint64(number))
{}

ProtocolValue::ProtocolValue(qint64 number)
    : m_type(Type::Int)
    , m_scalar(QByteArray::number(number))
{}

ProtocolValue::ProtocolValue(double number)
    : m_type(Type::Double)
    , m_scalar(QByteArray::number(number, 'g', QLocale::FloatingPointShortest))
{}

ProtocolValue::ProtocolValue(bool flag)
    : m_type(Type::Bool)
    , m_scalar(flag ? QByteArrayLiteral("1") : QByteArrayLiteral("0"))
{}

ProtocolValue::ProtocolValue(List items)
    : m_type(Type::Array)
    , m_list(std::move(items))
{}

ProtocolValue::ProtocolValue(Map members)
    : m_type(Type::Struct)
    , m_map(std::move(members))
{}

ProtocolValue ProtocolValue::fromUtf8(QByteArray utf8)
{
    return fromLexeme(Type::String, std::move(utf8));
}

ProtocolValue ProtocolValue::fromBytes(QByteArray bytes)
{
    return fromLexeme(Type::Bytes, std::move(bytes));
}

ProtocolValue ProtocolValue::fromLexeme(Type type, QByteArray lexeme)
{
    ProtocolValue value;
    if (type == Type::Array || type == Type::Struct || type == Type::Nil)
        return type == Type::Array ? emptyList() : type == Type::Struct ? emptyMap() : value;
    value.m_type = type;
    if (type == Type::Bool) {
        const QByteArrayView text = trimmed(lexeme);
        value.m_scalar = (text == "1" || text == "true") ? QByteArrayLiteral("1") : QByteArrayLiteral("0");
    } else {
        value.m_scalar = std::move(lexeme);
    }
    return value;
}

const ProtocolValue& ProtocolValue::nil()
{
    static const ProtocolValue value;
    return value;
}

QString ProtocolValue::toText() const
{
    return isScalar() ? CodecText::toQString(m_scalar) : QString();
}

qint64 ProtocolValue::toInt(bool* ok) const
{
    qint64 result = 0;
    bool success = false;
    if (isScalar()) {
        const QByteArrayView text = trimmed(m_scalar);
        success = parseWholeNumber(text, &result);
        if (!success && !text.isEmpty()) {
            // "1.0", "1e3": whole doubles within range.
            bool isDouble = false;
            const double number = text.toByteArray().toDouble(&isDouble);
            constexpr double limit = 9223372036854775808.0; // 2^63
            if (isDouble && std::isfinite(number) && number == std::floor(number) && number >= -limit &&
                number < limit) {
                result = qint64(number);
                success = true;
            }
        }
    }
    if (ok)
        *ok = success;
    return success ? result : 0;
}

double ProtocolValue::toDouble(bool* ok) const
{
    bool success = false;
    double result = 0;
    if (isScalar()) {
        const QByteArrayView text = trimmed(m_scalar);
        if (!text.isEmpty())
            result = text.toByteArray().toDouble(&success);
    }
    if (ok)
        *ok = success;
    return success ? result : 0;
}

bool ProtocolValue::toBool() const
{
    if (!isScalar())
        return !(m_type == Type::Array ? m_list.isEmpty() : m_map.isEmpty());
    return !m_scalar.isEmpty() && m_scalar != "0";
}

qsizetype ProtocolValue::size() const
{
    switch (m_type) {
    case Type::Array:
        return m_list.size();
    case Type::Struct:
        return m_map.size();
    default:
        return 0;
    }
}

const ProtocolValue::List& ProtocolValue::items() const
{
    static const List empty;
    return m_type == Type::Array ? m_list : empty;
}

const ProtocolValue::Map& ProtocolValue::members() const
{
    static const Map empty;
    return m_type == Type::Struct ? m_map : empty;
}

const ProtocolValue& ProtocolValue::at(qsizetype index) const
{
    if (m_type != Type::Array || index < 0 || index >= m_list.size())
        return nil();
    return m_list.at(index);
}

const ProtocolValue& ProtocolValue::member(const QString& key) const
{
    if (m_type != Type::Struct)
        return nil();
    const auto it = m_map.constFind(key);
    return it == m_map.cend() ? nil() : *it;
}

bool ProtocolValue::contains(const QString& key) const
{
    return m_type == Type::Struct && m_map.contains(key);
}

bool ProtocolValue::insert(const QString& key, ProtocolValue value)
{
    if (m_type == Type::Nil)
        m_type = Type::Struct;
    if (m_type != Type::Struct)
        return false;
    m_map.insert(key, std::move(value));
    return true;
}

bool ProtocolValue::append(ProtocolValue value)
{
    if (m_type == Type::Nil)
        m_type = Type::Array;
    if (m_type != Type::Array)
        return false;
    m_list.append(std::move(value));
    return true;
}

ProtocolValue ProtocolValue::take(const QString& key)
{
    if (m_type != Type::Struct)
        return {};
    return m_map.take(key);
}

QJsonValue ProtocolValue::toJson() const
{
    switch (m_type) {
    case Type::Nil:
        return QJsonValue(QJsonValue::Null);
    case Type::Bool:
        return QJsonValue(m_scalar == "1");
    case Type::Int: {
        qint64 number = 0;
        if (parseWholeNumber(m_scalar, &number) && QByteArray::number(number) == m_scalar)
            return QJsonValue(number);
        return QJsonValue(CodecText::toQString(m_scalar));
    }
    case Type::Double: {
        bool ok = false;
        const double number = m_scalar.toDouble(&ok);
        if (ok && std::isfinite(number) &&
            QByteArray::number(number, 'g', QLocale::FloatingPointShortest) == m_scalar)
            return QJsonValue(number);
        return QJsonValue(CodecText::toQString(m_scalar));
    }
    case Type::String:
    case Type::DateTime:
    case Type::Bytes:
        if (!isValidUtf8(m_scalar))
            return QJsonObject{{QStringLiteral("base64"), QString::fromLatin1(m_scalar.toBase64())}};
        return QJsonValue(CodecText::toQString(m_scalar));
    case Type::Array: {
        QJsonArray array;
        for (const ProtocolValue& item : m_list)
            array.append(item.toJson());
        return array;
    }
    case Type::Struct: {
        QJsonObject object;
        for (auto it = m_map.cbegin(); it != m_map.cend(); ++it)
            object.insert(it.key(), it.value().toJson());
        return object;
    }
    }
    return {};
}

QByteArray ProtocolValue::toJsonText(bool indented) const
{
    const QJsonValue json = toJson();
    const auto format = indented ? QJsonDocument::Indented : QJsonDocument::Compact;
    if (json.isObject())
        return QJsonDocument(json.toObject()).toJson(format);
    if (json.isArray())
        return QJsonDocument(json.toArray()).toJson(format);
    // A lone scalar: wrap it in an array and unwrap the text.
    QByteArray text = QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

ProtocolValue ProtocolValue::fromJson(const QJsonValue& json)
{
    switch (json.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return ProtocolValue(json.toBool());
    case QJsonValue::Double: {
        constexpr qint64 notWhole = std::numeric_limits<qint64>::min();
        const qint64 whole = json.toInteger(notWhole);
        if (whole != notWhole || json.toDouble() == double(notWhole))
            return ProtocolValue(json.toInteger());
        return ProtocolValue(json.toDouble());
    }
    case QJsonValue::String:
        return ProtocolValue(json.toString());
    case QJsonValue::Array: {
        List items;
        const QJsonArray array = json.toArray();
        items.reserve(array.size());
        for (const QJsonValue& item : array)
            items.append(fromJson(item));
        return ProtocolValue(std::move(items));
    }
    case QJsonValue::Object: {
        Map members;
        const QJsonObject object = json.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            members.insert(it.key(), fromJson(it.value()));
        return ProtocolValue(std::move(members));
    }
    }
    return {};
}

bool ProtocolValue::operator==(const ProtocolValue& other) const
{
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case Type::Array:
        return m_list == other.m_list;
    case Type::Struct:
        return m_map == other.m_map;
    default:
        return m_scalar == other.m_scalar;
    }
}

bool ProtocolValue::isEquivalent(const ProtocolValue& other) const
{
    if (isScalar() && other.isScalar())
        return m_scalar == other.m_scalar;
    if (m_type != other.m_type)
        return false;
    if (m_type == Type::Array) {
        if (m_list.size() != other.m_list.size())
            return false;
        for (qsizetype i = 0; i < m_list.size(); ++i) {
            if (!m_list.at(i).isEquivalent(other.m_list.at(i)))
                return false;
        }
        return true;
    }
    // Structs: walk both sorted key lists at once; a key on one side only must be empty there.
    auto a = m_map.cbegin();
    auto b = other.m_map.cbegin();
    while (a != m_map.cend() || b != other.m_map.cend()) {
        if (b == other.m_map.cend() || (a != m_map.cend() && a.key() < b.key())) {
            if (!a.value().isEquivalent(nil()))
                return false;
            ++a;
        } else if (a == m_map.cend() || b.key() < a.key()) {
            if (!b.value().isEquivalent(nil()))
                return false;
            ++b;
        } else {
            if (!a.value().isEquivalent(b.value()))
                return false;
            ++a;
            ++b;
        }
    }
    return true;
}

const char* typeName(ProtocolValue::Type type)
{
    switch (type) {
    case ProtocolValue::Type::Nil:
        return "nil";
    case ProtocolValue::Type::String:
        return "string";
    case ProtocolValue::Type::Int:
        return "int";
    case ProtocolValue::Type::Double:
        return "double";
    case ProtocolValue::Type::Bool:
        return "boolean";
    case ProtocolValue::Type::DateTime:
        return "dateTime.iso8601";
    case ProtocolValue::Type::Bytes:
        return "base64";
    case ProtocolValue::Type::Array:
        return "array";
    case ProtocolValue::Type::Struct:
        return "struct";
    }
    return "?";
}

} // namespace Inkwell
