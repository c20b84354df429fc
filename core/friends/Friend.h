#pragma once

#include "journal/Account.h"
#include "journal/FriendGroup.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Inkwell {

// What kind of journal a friend is (REFERENCE.md 3.10 `type`: absent for a person).
enum class FriendType { Person, Community, Feed, Other };
FriendType friendTypeFromProtocol(const QString& type);
QString toString(FriendType type);

// One person, community or feed in an account's circle, in both directions. On classic LiveJournal a
// friend is trusted and watched at once and a friend-of trusts and watches back; Dreamwidth keeps
// access ("trust") and subscription ("watch") apart (REFERENCE.md 3.10).
struct Friend
{
    QString username;
    QString displayName;
    FriendType type = FriendType::Person;
    QString typeName; // as the server sent it ("" for a person)
    QString fgColor = QStringLiteral("#000000");
    QString bgColor = QStringLiteral("#ffffff");
    quint64 groupMask = 0;  // bits 1-30 (LJ) / 1-60 (DW) are groups; bit 0: on the access list
    bool trusted = false;   // I give them access (LJ: they are my friend)
    bool watched = false;   // I read them (LJ: they are my friend)
    bool trustedBy = false; // they give me access (LJ: I am their friend)
    bool watchedBy = false; // they read me
    QString status;         // "" when active; deleted, suspended, purged

    bool isListedByMe() const { return trusted || watched; }
    bool listsMe() const { return trustedBy || watchedBy; }
    bool isMutual() const { return isListedByMe() && listsMe(); }
    bool inGroup(int id) const { return id > 0 && id < 64 && (groupMask >> id) & 1U; }

    bool operator==(const Friend&) const = default;
};

// Group ids a flavour allows (REFERENCE.md 4.7): 1-30 on LiveJournal, 1-60 for Dreamwidth trust groups.
int maxGroupId(Flavor flavor);
// Only the group bits a server may hold: bit 0 and 1..maxGroupId (DW reports watching as bit 61).
quint64 groupBits(quint64 mask, Flavor flavor);

// One change the user made, kept until the server has taken it (FriendsStore's queue).
enum class FriendChangeKind {
    SetFriend, // add or edit: colours, DW trust/watch, and (LJ, or trusted on DW) the group mask
    RemoveFriend,
    SetGroup, // create, rename, reorder, public flag: the group's whole state
    DeleteGroup,
    SetMembership, // a friend's group mask
};
QString toString(FriendChangeKind kind);
std::optional<FriendChangeKind> friendChangeKindFromString(const QString& text);

// Waiting: not sent, or sent without an answer (resent: every change sets a state, so twice is
// harmless). Failed: the server refused it; it is no longer applied locally and waits for the user
// to dismiss it.
enum class FriendChangeState { Waiting, Failed };

struct FriendChange
{
    Q_DECLARE_TR_FUNCTIONS(FriendChange)

public:
    qint64 id = 0;
    FriendChangeKind kind = FriendChangeKind::SetFriend;
    QString username;      // SetFriend, RemoveFriend, SetMembership
    QString fgColor;       // SetFriend
    QString bgColor;       // SetFriend
    bool trust = true;     // SetFriend (always both on LiveJournal)
    bool watch = true;     // SetFriend
    quint64 groupMask = 1; // SetFriend, SetMembership
    FriendGroup group;     // SetGroup; DeleteGroup uses group.id
    FriendChangeState state = FriendChangeState::Waiting;
    QString reason;
    int attempts = 0;

    QJsonObject toJson() const;
    static FriendChange fromJson(FriendChangeKind kind, const QJsonObject& json);
    // For the user: "Add ljbob", "Rename group 3 to Close", ...
    QString describe() const;
};

} // namespace Inkwell
