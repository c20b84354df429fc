#pragma once

#include "friends/Friend.h"
#include "journal/Account.h"
#include "protocol/ProtocolValue.h"

namespace Inkwell {

// What the server holds for an account: its circle and its groups.
struct FriendsSnapshot
{
    QList<Friend> friends; // sorted by username
    QList<FriendGroup> groups;
};

// The modes per flavour (REFERENCE.md 3.0): classic LiveJournal reads getfriends (with groups and
// friend-of) and writes editfriends / editfriendgroups; Dreamwidth answers those with empty lists or
// 504 and has getcircle / editcircle instead (XML-RPC only; LjClient sends them over XML-RPC for flat
// accounts too).
struct ModeRequest
{
    QString mode;
    ProtocolValue request;
};

ModeRequest fetchRequest(Flavor flavor);
FriendsSnapshot snapshotFromReply(const ProtocolValue& reply, Flavor flavor);
ModeRequest requestForChange(const FriendChange& change, Flavor flavor);

// Dreamwidth writes XML-RPC `name`/`fullname` values as Latin-1 (REFERENCE.md 1.3.1, transcript
// xmlrpc/067): "Wör" arrives as "WÃ¶r". Undoes that when the text is such a double encoding.
QString repairDoubleEncoding(const QString& text);

} // namespace Inkwell
