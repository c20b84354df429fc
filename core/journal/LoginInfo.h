#pragma once

#include "journal/FriendGroup.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Inkwell {

// One mood of the server's list (login with getmoods).
struct Mood
{
    int id = 0;
    QString name;
    int parent = 0;
};

// What the server tells at login (REFERENCE.md 3.2): who the user is, where they may post, and
// the lists the editor offers (friend groups, moods, userpics).
struct LoginInfo
{
    QString fullName;
    qint64 userId = 0; // not sent over flat
    QString message;
    QStringList usejournals;
    QList<FriendGroup> friendGroups;
    QList<Mood> moods;
    QStringList pictureKeywords;
    QStringList pictureUrls; // parallel to pictureKeywords when asked for
    QString defaultPictureUrl;
    bool hasCaps = false; // Dreamwidth answers `caps`
    qint64 caps = 0;
};

} // namespace Inkwell
