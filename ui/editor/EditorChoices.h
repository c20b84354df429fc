#pragma once

#include "journal/LoginInfo.h"

#include <QStringList>

namespace Inkwell {

// What the editor offers to pick from for one account, as its last login and the mirror know it.
// Everything here may be empty (never logged in, offline): the editor then takes free text.
struct EditorChoices
{
    QString ownJournal;        // the account's user name
    QStringList communities;   // usejournals: journals the account may post to
    QList<FriendGroup> groups; // custom security (allowmask bits)
    QList<Mood> moods;
    QStringList pictureKeywords;
    QStringList pictureUrls;   // parallel to pictureKeywords (the login's pickwurls), may be shorter
    QString defaultPictureUrl; // the "(default)" userpic
    QStringList tags;          // tags already used in the mirror, for completion
    // The account is on the Blogger API: only the subject, the text, the mood and the music travel.
    bool bloggerApi = false;
};

} // namespace Inkwell
