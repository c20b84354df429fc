#pragma once

#include <QString>

namespace Inkwell {

// One second before a server time "YYYY-MM-DD HH:MM:SS", on the naive string (no time zone).
QString oneSecondBefore(const QString& serverTime);

} // namespace Inkwell
