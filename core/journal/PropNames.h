#pragma once

#include <QString>

namespace Inkwell {

// The names of the entry props Inkwell reads or sets itself (REFERENCE.md 6). An entry keeps every
// other prop as it came, under the server's own name.
namespace Props {

inline const QString CurrentMood = QStringLiteral("current_mood");     // free text
inline const QString CurrentMoodId = QStringLiteral("current_moodid"); // a Mood::id of the server's list
inline const QString CurrentMusic = QStringLiteral("current_music");
inline const QString CurrentLocation = QStringLiteral("current_location");
inline const QString TagList = QStringLiteral("taglist"); // "a, b, c"; JournalEntry::tags()
inline const QString PictureKeyword = QStringLiteral("picture_keyword");
inline const QString OptBackdated = QStringLiteral("opt_backdated");       // "1": off friends pages
inline const QString OptNoComments = QStringLiteral("opt_nocomments");     // "1": comments off
inline const QString OptNoEmail = QStringLiteral("opt_noemail");           // "1": no comment e-mails
inline const QString OptPreformatted = QStringLiteral("opt_preformatted"); // "1": no auto-format
// Which comments wait for approval: "A" all, "R" anonymous, "F" non-friends, "N" none.
inline const QString OptScreening = QStringLiteral("opt_screening");

} // namespace Props

// Props the server owns; they must not be sent back in postevent/editevent (REFERENCE.md 6: DW
// answers 205 for system props).
bool isServerOwnedProp(const QString& name);

} // namespace Inkwell
