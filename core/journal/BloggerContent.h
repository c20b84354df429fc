#pragma once

#include "journal/JournalEntry.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Inkwell {

// Blogger API 1.0 posts carry one string, the content: LiveJournal put the subject, mood and music
// into it (REFERENCE.md 7.1, blogger_serialize and blogger_deserialize). WordPress's xmlrpc.php
// speaks Blogger 1.0 as well and reads `<title>` the same way. The first step of the Blogger
// interface (issue 20): what a client sends and what it reads back.
struct BloggerContent
{
    QString subject;
    QString mood;  // current_mood
    QString music; // current_music
    QString body;
    bool operator==(const BloggerContent&) const = default;
};

// `<title>SUBJECT</title>` (no line break after it), `lj-mood: MOOD` and `lj-music: MUSIC` lines,
// one line break after any of them, then the body. A subject, mood or music of "0" is left out,
// as Perl's truth test leaves it out on the server.
QString toBloggerContent(const BloggerContent& content);

// As the server reads a content: the first one-line `<title>...</title>` anywhere is the subject,
// the first `lj-mood:` / `lj-music:` line (at the start or after a line break, any case) the mood
// and music; each is cut out, and the rest, trimmed of ASCII white space, is the body.
BloggerContent fromBloggerContent(const QString& content);

// The posts getRecentPosts lists at most (LiveJournal clamps numberOfPosts to 1-50): all that an
// account on the Blogger API can mirror and keep current.
constexpr int bloggerRecentPosts = 50;

// What of `entry` a post or edit through the Blogger API would lose, in the user's words ("tags",
// "security (friends only)", ...); empty when the content carries all of it. The date is not
// listed: the server dates a new post itself and an edit keeps the old date.
QStringList bloggerCannotCarry(const JournalEntry& entry);
// `entry` without what bloggerCannotCarry() lists: public, no tags, userpic, backdating or props but
// the mood and the music, a subject of one line.
JournalEntry bloggerCarried(const JournalEntry& entry);

// A post's id: "journal:itemid" on LiveJournal; a bare number on WordPress (no journal).
struct BloggerPostId
{
    QString journal;
    qint64 itemid = 0;
    bool operator==(const BloggerPostId&) const = default;
};
std::optional<BloggerPostId> parseBloggerPostId(const QString& postId);
QString toString(const BloggerPostId& postId);

// dateCreated as LiveJournal sends it ("20261207T10:00:00", ISO 8601 basic date) or WordPress
// ("20261207T10:00:00Z" or with an offset) as the protocol's "2026-12-07 10:00:00"; empty if it
// is neither.
QString serverTimeFromBloggerDate(const QString& dateCreated);

} // namespace Inkwell
