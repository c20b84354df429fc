#include "journal/PropNames.h"

#include <QSet>

namespace Inkwell {

bool isServerOwnedProp(const QString& name)
{
    static const QSet<QString> owned{
        QStringLiteral("revnum"),
        QStringLiteral("revtime"),
        QStringLiteral("commentalter"),
        QStringLiteral("hasscreened"),
        QStringLiteral("picture_mapid"),
        QStringLiteral("statusvis"),
        QStringLiteral("opt_nocomments_maintainer"),
        QStringLiteral("adult_content_maintainer"),
        QStringLiteral("adult_content_maintainer_reason"),
        QStringLiteral("unknown8bit"),
        QStringLiteral("xpostdetail"),
        QStringLiteral("xpost"),
        QStringLiteral("interface"),
        QStringLiteral("replycount"),
    };
    return owned.contains(name);
}

} // namespace Inkwell
