#pragma once

#include "journal/JournalEntry.h"

#include <QCoreApplication>
#include <QHash>
#include <QPalette>
#include <QString>

namespace Inkwell {

// Builds the HTML the entry view shows for one entry.
class EntryHtml
{
    Q_DECLARE_TR_FUNCTIONS(EntryHtml)
public:
    // The body as the site shows it: line breaks become <br> unless the entry is preformatted
    // (prop opt_preformatted), LJ's <lj user>/<user name> mentions and <lj-cut>/<cut> markers are
    // made readable, and scripts, styles, frames and embeds are left out (shown as a note).
    // Remote references stay; the browser decides whether to load them.
    static QString body(const JournalEntry& entry);

    // The whole page: subject, date, security, the metadata that is set (mood, music, location,
    // tags, userpic keyword, backdated, comments off) and the body, in the palette's colours.
    // `moodNames`: the server's moods by id (the account's login), for entries that name a mood by
    // its number only.
    static QString page(const JournalEntry& entry, const QString& journal, const QPalette& palette,
                        const QHash<int, QString>& moodNames = {});

    // The internal (never remote) URL of a security icon the browser serves itself.
    static QString securityIconUrl(Security security, quint64 allowmask);

    static QString escaped(const QString& text);
};

} // namespace Inkwell
