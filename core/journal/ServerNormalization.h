#pragma once

#include "journal/Account.h"
#include "journal/JournalEntry.h"

namespace Inkwell {

// What a server makes of an entry sent with postevent or editevent, as getevents (lineendings=unix)
// gives it back: the one place that knows the server's normalisation, so that the outbox can tell
// whether an entry whose reply was lost is on the server (REFERENCE.md 3.3, 3.5, 4.4, 6; checked
// against transcripts in TestServerNormalization):
//   body      surrounding blanks (Perl's \s) trimmed, every CR dropped
//   subject   trimmed, cut to 100 characters / 255 bytes (LiveJournal; Dreamwidth refuses longer
//             ones with 411, so cutting never hurts there), each CR and LF read back as a space
//   props     trimmed, cut to 100 characters / 255 bytes (syn_id, syn_link: 255 bytes); empty or
//             "0" ones are not stored; an LF is read back as a space, and flat replies drop every
//             CR; picture_keyword is dropped when the journal has no such icon (which the client
//             cannot always know: a missing one still matches)
//   tags      split at commas, blanks collapsed, lower case, each cut to 40 characters / 80 bytes,
//             repeats dropped (compared without regard to case: Perl's and Qt's lower case differ
//             on a few letters)
//   date      minutes only; security: no allowmask unless usemask
// Through the Blogger API only subject, body, mood and music travel, inside the content (see
// BloggerContent), and the server picks the date: they are all that is compared.
class ServerNormalization
{
public:
    explicit ServerNormalization(Interface interface)
        : m_interface(interface)
    {}

    // `sent` as getevents shows it once stored (itemid, url, poster and logtime left as they are).
    JournalEntry storedForm(const JournalEntry& sent) const;
    // Whether `onServer`, read with getevents, is what the server made of `sent`.
    bool isStoredFormOf(const JournalEntry& onServer, const JournalEntry& sent) const;

private:
    Interface m_interface;
};

} // namespace Inkwell
