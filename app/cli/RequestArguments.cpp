#include "RequestArguments.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Inkwell::Cli {

namespace {

// Any JSON value, also a bare scalar (QJsonDocument itself takes only objects and arrays).
std::optional<QJsonValue> parseJson(const QString& text, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &parseError);
    if (parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
        *error =
            parseError.error != QJsonParseError::NoError
                ? parseError.errorString()
                : QCoreApplication::translate("Inkwell::Cli::RequestArguments", "one JSON value expected");
        return std::nullopt;
    }
    return document.array().first();
}

// Puts `value` at `path` inside the struct `node`.
bool insertAt(ProtocolValue& node, QStringList path, ProtocolValue value, const QString& given,
              QString* error)
{
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        if (node.contains(key)) {
            //: %1 is a field as typed (props.mood=happy), %2 the key it sets again.
            *error = QCoreApplication::translate("Inkwell::Cli::RequestArguments", "'%1' sets '%2' again")
                         .arg(given, key);
            return false;
        }
        node.insert(key, std::move(value));
        return true;
    }
    if (node.contains(key) && !node.member(key).isStruct()) {
        //: %1 is a field as typed (props.mood=happy), %2 a key; "struct" is the protocol's word.
        *error = QCoreApplication::translate("Inkwell::Cli::RequestArguments",
                                             "'%1' puts a member into '%2', which is not a struct")
                     .arg(given, key);
        return false;
    }
    ProtocolValue child = node.contains(key) ? node.take(key) : ProtocolValue::emptyMap();
    const bool ok = insertAt(child, path, std::move(value), given, error);
    node.insert(key, std::move(child));
    return ok;
}

} // namespace

std::optional<ProtocolValue> requestFromArguments(const QStringList& fields, QString* error)
{
    ProtocolValue request = ProtocolValue::emptyMap();
    for (const QString& field : fields) {
        const qsizetype equals = field.indexOf(u'=');
        if (equals < 0) {
            *error = QCoreApplication::translate("Inkwell::Cli::RequestArguments",
                                                 "'%1' is not a field: write key=value or key:=JSON")
                         .arg(field);
            return std::nullopt;
        }
        const bool raw = equals > 0 && field.at(equals - 1) == u':';
        const QString keyPath = field.left(raw ? equals - 1 : equals);
        const QString text = field.mid(equals + 1);
        const QStringList path = keyPath.split(u'.');
        if (std::any_of(path.cbegin(), path.cend(), [](const QString& key) { return key.isEmpty(); })) {
            *error = QCoreApplication::translate("Inkwell::Cli::RequestArguments", "'%1' has an empty key")
                         .arg(field);
            return std::nullopt;
        }
        ProtocolValue value(text);
        if (raw) {
            QString jsonError;
            const std::optional<QJsonValue> json = parseJson(text, &jsonError);
            if (!json) {
                //: %1 is the field as typed, %2 what is wrong with its JSON, %3 its key.
                *error = QCoreApplication::translate("Inkwell::Cli::RequestArguments",
                                                     "'%1' is not valid JSON after ':=' (%2); for text write "
                                                     "%3=...")
                             .arg(field, jsonError, keyPath);
                return std::nullopt;
            }
            value = ProtocolValue::fromJson(*json);
        }
        if (!insertAt(request, path, std::move(value), field, error))
            return std::nullopt;
    }
    return request;
}

} // namespace Inkwell::Cli
