#pragma once

#include <QString>

namespace Inkwell {

// A friend group (DW: an access filter) of an account, as login and getfriendgroups list them.
struct FriendGroup
{
    int id = 0; // 1-30 (LJ) or 1-60 (DW trust groups): the bit in allowmask / groupmask
    QString name;
    int sortOrder = 50;
    bool isPublic = false;
    bool operator==(const FriendGroup&) const = default;
};

} // namespace Inkwell
