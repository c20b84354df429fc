#pragma once

#include <QDate>

namespace Inkwell {

// How many entries a journal has on one day (getdaycounts, REFERENCE.md 3.7).
struct DayCount
{
    QDate date;
    int count = 0;
    bool operator==(const DayCount&) const = default;
};

} // namespace Inkwell
