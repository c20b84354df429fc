#pragma once

#include <QString>

namespace Inkwell {

// Who may read an entry (REFERENCE.md 3.3): everyone, the journal's owner only, or those its
// allowmask names (bit 0: all friends; the others: friend groups, FriendGroup::id).
enum class Security { Public, Private, UseMask };
QString toString(Security security);
Security securityFromString(const QString& text); // anything unknown is public, as the server does

} // namespace Inkwell
