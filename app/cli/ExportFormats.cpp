#include "ExportFormats.h"

#include "journal/JournalEntry.h"
#include "journal/PropNames.h"

#include <QRegularExpression>

namespace Inkwell::Cli {

namespace {

void appendJsonString(QByteArray& out, const QString& text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

QString posterOf(const JournalEntry& entry, const QString& journal)
{
    return entry.poster.isEmpty() ? journal : entry.poster;
}

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// Prop names are short lower-case words on every server; anything else goes in an attribute.
bool isPlainElementName(const QString& name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*$"));
    return plain.match(name).hasMatch() && !name.startsWith(QLatin1String("xml"), Qt::CaseInsensitive);
}

void appendElement(QString& out, const QString& name, const QString& value)
{
    out += u'<' + name + u'>' + xmlEscaped(value) + QStringLiteral("</") + name + QStringLiteral(">\n");
}

QString htmlEscaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString displayedSubject(const QString& subject)
{
    return subject.trimmed().isEmpty() ? QStringLiteral("(no subject)") : subject;
}

QString securityNote(const QString& security)
{
    if (security == QLatin1String("private"))
        return QStringLiteral(" <span class=\"security\">(private)</span>");
    if (security == QLatin1String("usemask"))
        return QStringLiteral(" <span class=\"security\">(locked)</span>");
    return {};
}

QString pageHead(const QString& title)
{
    // An archive shows nothing from elsewhere and goes nowhere by itself: the policy forbids every
    // script (so on* attributes and javascript: links do nothing either), every load from another
    // place (pictures, frames, styles, fonts: only those inside the page, data: and inline styles),
    // <base> and forms; entries' <meta> elements (a refresh) are taken out (withoutActiveHtml). A
    // link the reader clicks still leads where it says.
    return QStringLiteral(
               "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
               "img-src data:; media-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
               "form-action 'none'\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>") +
           htmlEscaped(title) +
           QStringLiteral("</title>\n<style>body{max-width:50em;margin:2em auto;padding:0 1em;"
                          "font-family:sans-serif;line-height:1.5}.date,.security,.tags,.details{color:#666}"
                          "li{margin:.2em 0}</style>\n</head>\n<body>\n");
}

} // namespace

QByteArray jsonlLine(const JournalEntry& entry, const QString& journal)
{
    QByteArray out;
    out.reserve(entry.body.size() + entry.subject.size() + 256);
    out += "{\"itemid\":" + QByteArray::number(entry.itemid);
    out += ",\"eventtime\":";
    appendJsonString(out, entry.eventtime);
    out += ",\"logtime\":";
    appendJsonString(out, entry.logtime);
    out += ",\"subject\":";
    appendJsonString(out, entry.subject);
    out += ",\"event\":";
    appendJsonString(out, entry.body);
    out += ",\"security\":";
    appendJsonString(out, toString(entry.security));
    out += ",\"allowmask\":" + QByteArray::number(entry.allowmask);
    out += ",\"poster\":";
    appendJsonString(out, posterOf(entry, journal));
    out += ",\"props\":{";
    bool first = true;
    for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
        if (!first)
            out += ',';
        first = false;
        appendJsonString(out, it.key());
        out += ':';
        appendJsonString(out, it.value());
    }
    out += "}}\n";
    return out;
}

QString xmlEscaped(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / 16);
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        char32_t code = c.unicode();
        if (c.isHighSurrogate() && i + 1 < size && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        if (c.isSurrogate())
            code = 0xFFFF; // unpaired: not a character
        switch (code) {
        case u'&':
            out += QStringLiteral("&amp;");
            continue;
        case u'<':
            out += QStringLiteral("&lt;");
            continue;
        case u'>':
            out += QStringLiteral("&gt;");
            continue;
        case u'"':
            out += QStringLiteral("&quot;");
            continue;
        case u'\r':
            out += QStringLiteral("&#13;"); // a literal CR would be read back as a line feed
            continue;
        default:
            out += isXmlChar(code) ? c : QChar(0xFFFD);
        }
    }
    return out;
}

QString ljdumpFileName(qint64 itemid)
{
    return QStringLiteral("L-%1").arg(itemid);
}

QByteArray ljdumpXml(const JournalEntry& entry, const QString& journal)
{
    QString out = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<event>\n");
    appendElement(out, QStringLiteral("itemid"), QString::number(entry.itemid));
    appendElement(out, QStringLiteral("eventtime"), entry.eventtime);
    if (!entry.logtime.isEmpty())
        appendElement(out, QStringLiteral("logtime"), entry.logtime);
    if (entry.security != Security::Public)
        appendElement(out, QStringLiteral("security"), toString(entry.security));
    if (entry.security == Security::UseMask)
        appendElement(out, QStringLiteral("allowmask"), QString::number(entry.allowmask));
    if (!entry.subject.isEmpty())
        appendElement(out, QStringLiteral("subject"), entry.subject);
    appendElement(out, QStringLiteral("event"), entry.body);
    appendElement(out, QStringLiteral("anum"), QString::number(entry.anum));
    if (!entry.url.isEmpty())
        appendElement(out, QStringLiteral("url"), entry.url);
    appendElement(out, QStringLiteral("poster"), posterOf(entry, journal));
    if (!entry.props.isEmpty()) {
        out += QStringLiteral("<props>\n");
        for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
            if (isPlainElementName(it.key()))
                appendElement(out, it.key(), it.value());
            else
                out += QStringLiteral("<prop name=\"") + xmlEscaped(it.key()) + QStringLiteral("\">") +
                       xmlEscaped(it.value()) + QStringLiteral("</prop>\n");
        }
        out += QStringLiteral("</props>\n");
    }
    out += QStringLiteral("</event>\n");
    return out.toUtf8();
}

QString withoutActiveHtml(const QString& html)
{
    static const QRegularExpression element(QStringLiteral("<script\\b[^>]*>.*?(</script\\b[^>]*>|\\z)"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression stray(QStringLiteral("</?(script|meta|base)\\b[^>]*>?"),
                                          QRegularExpression::CaseInsensitiveOption);
    // Whole elements first, until none is left: removing one may assemble another around it
    // ("<scr<script>x</script>ipt>alert(2)</script>"), which must go whole, content included. Only
    // then the stray tags, one round at a time, since removing one of those can assemble an
    // element too ("<scr</script>ipt>alert(3)</script>"). Each round shortens the text, so this
    // ends.
    QString result = html;
    for (;;) {
        qsizetype size = -1;
        while (size != result.size()) {
            size = result.size();
            result.remove(element);
        }
        result.remove(stray);
        if (result.size() == size)
            return result;
    }
}

QString htmlPageName(qint64 itemid)
{
    return QStringLiteral("%1.html").arg(itemid);
}

QByteArray htmlIndexPage(const QList<SiteIndexItem>& items, const QString& journal)
{
    QString out = pageHead(journal);
    out += QStringLiteral("<h1>") + htmlEscaped(journal) +
           QStringLiteral("</h1>\n<p>%1 entries</p>\n<ul>\n").arg(items.size());
    for (const SiteIndexItem& item : items) {
        out += QStringLiteral("<li><span class=\"date\">") + htmlEscaped(item.eventtime.left(16)) +
               QStringLiteral("</span> <a href=\"") + htmlPageName(item.itemid) + QStringLiteral("\">") +
               htmlEscaped(displayedSubject(item.subject)) + QStringLiteral("</a>") +
               securityNote(item.security) + QStringLiteral("</li>\n");
    }
    out += QStringLiteral("</ul>\n</body>\n</html>\n");
    return out.toUtf8();
}

QByteArray htmlEntryPage(const JournalEntry& entry, const QString& journal)
{
    const QString subject = displayedSubject(entry.subject);
    QString out = pageHead(subject + QStringLiteral(" - ") + journal);
    out += QStringLiteral("<p><a href=\"index.html\">") + htmlEscaped(journal) + QStringLiteral("</a></p>\n");
    out += QStringLiteral("<h1>") + htmlEscaped(subject) + QStringLiteral("</h1>\n");
    out += QStringLiteral("<p class=\"date\">");
    // The date links to the entry on its site, where there is a link at all.
    const bool web =
        entry.url.startsWith(QLatin1String("https://")) || entry.url.startsWith(QLatin1String("http://"));
    if (web)
        out += QStringLiteral("<a href=\"") + htmlEscaped(entry.url) + QStringLiteral("\">");
    out += htmlEscaped(entry.eventtime.left(16));
    if (web)
        out += QStringLiteral("</a>");
    const QString poster = posterOf(entry, journal);
    if (poster != journal)
        out += QStringLiteral(" by ") + htmlEscaped(poster);
    out += securityNote(toString(entry.security)) + QStringLiteral("</p>\n");
    const QStringList tags = entry.tags();
    if (!tags.isEmpty())
        out += QStringLiteral("<p class=\"tags\">Tags: ") + htmlEscaped(tags.join(QStringLiteral(", "))) +
               QStringLiteral("</p>\n");
    // What the sites show under the subject too. Prop values are text, never HTML.
    const std::pair<const QString&, const char*> shown[] = {
        {Props::CurrentMood, "Mood"}, {Props::CurrentMusic, "Music"}, {Props::CurrentLocation, "Location"}};
    QStringList details;
    for (const auto& [prop, label] : shown) {
        const QString value = entry.props.value(prop);
        if (!value.isEmpty())
            details.append(QLatin1String(label) + QStringLiteral(": ") + htmlEscaped(value));
    }
    if (!details.isEmpty())
        out += QStringLiteral("<p class=\"details\">") + details.join(QStringLiteral("<br>\n")) +
               QStringLiteral("</p>\n");
    // As the sites show an entry: line breaks are breaks unless the author wrote the HTML in full.
    QString body = withoutActiveHtml(entry.body);
    if (entry.props.value(Props::OptPreformatted) != QLatin1String("1"))
        body.replace(u'\n', QStringLiteral("<br>\n"));
    out += QStringLiteral("<div class=\"entry\">\n") + body + QStringLiteral("\n</div>\n</body>\n</html>\n");
    return out.toUtf8();
}

} // namespace Inkwell::Cli
