#include "journal/Security.h"

namespace Inkwell {

QString toString(Security security)
{
    switch (security) {
    case Security::Public:
        return QStringLiteral("public");
    case Security::Private:
        return QStringLiteral("private");
    case Security::UseMask:
        return QStringLiteral("usemask");
    }
    return QStringLiteral("public");
}

Security securityFromString(const QString& text)
{
    if (text == QLatin1String("private"))
        return Security::Private;
    if (text == QLatin1String("usemask"))
        return Security::UseMask;
    return Security::Public;
}

} // namespace Inkwell
