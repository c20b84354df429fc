#pragma once

#include <QString>
#include <QTime>

namespace Inkwell {

// The text of an entry's HTML as a reader sees it, for lists and snippets: tags dropped (<br> and
// block tags become spaces), comments, scripts and styles removed, `<lj user>` / `<user name>`
// mentions kept as the name, entities decoded. An unfinished tag at the end (a body read only in
// part) is dropped. Not a sanitizer: the result is plain text, never HTML.
QString plainTextFromHtml(const QString& html);

// getevents' `truncate` (REFERENCE.md 3.5): text longer than `maxChars` characters is cut to
// maxChars - 3 characters, trailing whitespace dropped, and "..." appended. Characters are code
// points, so an emoji is never split. maxChars below 4 leaves the text alone, as the server does.
QString truncateText(const QString& text, int maxChars);

// One line for an entry in a list, as getevents' `prefersubject` + `truncate` build it: the subject
// if there is one, else the start of the body; for display the HTML is stripped and every run of
// whitespace (newlines too) becomes one space; then truncateText() and surrounding whitespace
// trimmed. An empty entry gives an empty line.
QString entryLine(const QString& subject, const QString& body, int maxChars);

// A time of day in the user's locale, its short form without seconds (entries are written to the
// minute; "12:53:00" only adds noise).
QString timeToTheMinute(const QTime& time);
// The locale's short date-and-time format to the minute, with the whole year (a backdated entry
// may be from the last century), for editing an entry's date.
QString dateTimeFormatToTheMinute();

} // namespace Inkwell
