#pragma once

#include "journal/Security.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace Inkwell {

// How a reader sees an entry's security (REFERENCE.md 3.3): public, private, friends only
// (usemask with allowmask 1: every friend, on Dreamwidth the access list), or custom friend
// groups (usemask with group bits). usemask with an empty mask is readable by nobody but the
// owner, so it shows as private.
enum class SecurityKind { Public, Private, Friends, Custom };

SecurityKind securityKind(Security security, quint64 allowmask);

// Labels, descriptions and icons for SecurityKind, the same in every view.
class SecurityBadge
{
    Q_DECLARE_TR_FUNCTIONS(SecurityBadge)
public:
    static QString label(SecurityKind kind);
    // A sentence for tooltips and the entry view, naming the groups of a custom mask.
    static QString description(Security security, quint64 allowmask);
    // Painted (no icon theme needed): a globe, a padlock, two people, a person with a list.
    static QIcon icon(SecurityKind kind);
    // The group numbers (1-60) set in a custom allowmask.
    static QList<int> groups(quint64 allowmask);
};

} // namespace Inkwell
