#include "sync/ServerTime.h"

#include <QDateTime>

namespace Inkwell {

QString oneSecondBefore(const QString& serverTime)
{
    static const QString timeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    // UTC is only a way to do the arithmetic without daylight-saving gaps; the string is naive.
    QDateTime time = QDateTime::fromString(serverTime.left(19), timeFormat);
    if (!time.isValid())
        return serverTime;
    time.setTimeSpec(Qt::UTC);
    return time.addSecs(-1).toString(timeFormat);
}

} // namespace Inkwell
