#pragma once

#include <QString>

namespace Inkwell {

// What the server answered to a new entry (postevent, REFERENCE.md 3.3).
struct PostResult
{
    qint64 itemid = 0; // 0 when a moderated community queued the post
    int anum = 0;
    QString url;
    QString message;
};

} // namespace Inkwell
