#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Inkwell {
struct JournalEntry;
}

namespace Inkwell::Cli {

// The files `inkwell-cli export` writes, one entry at a time. `journal` is the mirrored journal's
// name: the poster of the entries whose poster the server leaves out (the owner's own).

// One line of JSON (with its "\n"): itemid, eventtime, logtime, subject, event, security,
// allowmask, poster, props, in that order. Text goes out as UTF-8 as stored; only what JSON
// requires is escaped.
QByteArray jsonlLine(const JournalEntry& entry, const QString& journal);

// File name and content of an entry as the ljdump archiver keeps it: `L-<itemid>` holding an
// <event> element with one child per field of the getevents event (security only when not public,
// allowmask only with usemask, subject only when there is one, as the server sends them) and the
// props as children of <props>.
QString ljdumpFileName(qint64 itemid);
QByteArray ljdumpXml(const JournalEntry& entry, const QString& journal);

// The static site: index.html and one <itemid>.html per entry.
struct SiteIndexItem
{
    qint64 itemid = 0;
    QString eventtime;
    QString subject;
    QString security; // "public", "private", "usemask"
};
QString htmlPageName(qint64 itemid);
// `items` newest first.
QByteArray htmlIndexPage(const QList<SiteIndexItem>& items, const QString& journal);
QByteArray htmlEntryPage(const JournalEntry& entry, const QString& journal);

// `html` without <script> elements (start tag, content and end tag; an unclosed one to the end),
// whatever their case, without stray <script> or </script> tags, and without <meta> and <base>
// tags (a refresh, a base address: the page would go elsewhere by itself), also those that
// removing others puts together. Everything else is kept: event-handler attributes, javascript:
// links and loads from elsewhere are left to the pages' Content-Security-Policy, which forbids them.
QString withoutActiveHtml(const QString& html);

// Text for XML character data and attribute values: &, <, >, " and CR escaped; characters XML 1.0
// cannot carry at all (most C0 controls, unpaired surrogates, U+FFFE/U+FFFF) become U+FFFD.
QString xmlEscaped(const QString& text);

} // namespace Inkwell::Cli
