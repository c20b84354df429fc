#pragma once

#include <QString>
#include <QVariant>

namespace Inkwell {

// Qt binds a null QString as SQL NULL; text columns are NOT NULL, and an empty subject is still a
// subject.
inline QVariant textValue(const QString& text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

// Qt hands QStrings to SQLite as UTF-16, and SQLite drops a leading byte-order mark from UTF-16
// input, so a body that starts with U+FEFF would lose it. Texts the user wrote are therefore bound
// as UTF-8 bytes and turned into TEXT by SQL: sqlUtf8Text(":name") wraps the parameter.
inline QVariant utf8Value(const QString& text)
{
    return QVariant(text.toUtf8());
}

inline QString sqlUtf8Text(const char* parameter)
{
    return QStringLiteral("COALESCE(CAST(%1 AS TEXT), '')").arg(QLatin1String(parameter));
}

} // namespace Inkwell
