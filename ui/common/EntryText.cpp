#include "common/EntryText.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace Inkwell {

namespace {

bool startsTag(const QString& html, qsizetype i)
{
    if (i + 1 >= html.size())
        return true; // a lone '<' at the very end of a cut body: an unfinished tag
    const QChar next = html.at(i + 1);
    return next.isLetter() || next == QLatin1Char('/') || next == QLatin1Char('!') ||
           next == QLatin1Char('?');
}

// Where the tag that opens at `i` ends (the index of its '>'), skipping quoted attribute values;
// -1 when it never ends.
qsizetype tagEnd(const QString& html, qsizetype i)
{
    QChar quote;
    for (qsizetype j = i + 1; j < html.size(); ++j) {
        const QChar c = html.at(j);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('>')) {
            return j;
        }
    }
    return -1;
}

QString attribute(const QString& tag, const QString& name)
{
    // tag is the inside of <...>; good enough for the attributes of LJ's own user tags.
    const QString lower = tag.toLower();
    qsizetype at = 0;
    while ((at = lower.indexOf(name, at)) >= 0) {
        const bool wordStart = at > 0 && lower.at(at - 1).isSpace();
        qsizetype j = at + name.size();
        while (j < lower.size() && lower.at(j).isSpace())
            ++j;
        if (wordStart && j < lower.size() && lower.at(j) == QLatin1Char('=')) {
            ++j;
            while (j < tag.size() && tag.at(j).isSpace())
                ++j;
            if (j < tag.size() && (tag.at(j) == QLatin1Char('"') || tag.at(j) == QLatin1Char('\''))) {
                const qsizetype end = tag.indexOf(tag.at(j), j + 1);
                return tag.mid(j + 1, end < 0 ? -1 : end - j - 1);
            }
            qsizetype end = j;
            while (end < tag.size() && !tag.at(end).isSpace() && tag.at(end) != QLatin1Char('/'))
                ++end;
            return tag.mid(j, end - j);
        }
        at += name.size();
    }
    return {};
}

const QHash<QString, QString>& namedEntities()
{
    static const QHash<QString, QString> entities{
        {QStringLiteral("amp"), QStringLiteral("&")},    {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},     {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},   {QStringLiteral("nbsp"), QStringLiteral(" ")},
        {QStringLiteral("mdash"), QStringLiteral("—")},  {QStringLiteral("ndash"), QStringLiteral("–")},
        {QStringLiteral("hellip"), QStringLiteral("…")}, {QStringLiteral("laquo"), QStringLiteral("«")},
        {QStringLiteral("raquo"), QStringLiteral("»")},  {QStringLiteral("lsquo"), QStringLiteral("‘")},
        {QStringLiteral("rsquo"), QStringLiteral("’")},  {QStringLiteral("ldquo"), QStringLiteral("“")},
        {QStringLiteral("rdquo"), QStringLiteral("”")},  {QStringLiteral("copy"), QStringLiteral("©")},
        {QStringLiteral("eacute"), QStringLiteral("é")}, {QStringLiteral("uuml"), QStringLiteral("ü")},
        {QStringLiteral("ouml"), QStringLiteral("ö")},   {QStringLiteral("auml"), QStringLiteral("ä")},
    };
    return entities;
}

// Decodes the entity that starts with '&' at `i`; returns its length (0: not an entity).
qsizetype decodeEntity(const QString& html, qsizetype i, QString& out)
{
    const qsizetype semicolon = html.indexOf(QLatin1Char(';'), i + 1);
    if (semicolon < 0 || semicolon - i > 10)
        return 0;
    const QString name = html.mid(i + 1, semicolon - i - 1);
    if (name.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const uint code =
            name.size() > 1 && (name.at(1) == QLatin1Char('x') || name.at(1) == QLatin1Char('X'))
                ? name.mid(2).toUInt(&ok, 16)
                : name.mid(1).toUInt(&ok, 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return 0;
        const char32_t c = code;
        out += QString::fromUcs4(&c, 1);
        return semicolon - i + 1;
    }
    const auto it = namedEntities().constFind(name);
    if (it == namedEntities().cend())
        return 0;
    out += *it;
    return semicolon - i + 1;
}

} // namespace

QString plainTextFromHtml(const QString& html)
{
    QString out;
    out.reserve(html.size());
    qsizetype i = 0;
    while (i < html.size()) {
        const QChar c = html.at(i);
        if (c == QLatin1Char('&')) {
            if (const qsizetype used = decodeEntity(html, i, out)) {
                i += used;
                continue;
            }
            out += c;
            ++i;
            continue;
        }
        if (c != QLatin1Char('<') || !startsTag(html, i)) {
            out += c;
            ++i;
            continue;
        }
        if (html.mid(i, 4) == QLatin1String("<!--")) {
            const qsizetype end = html.indexOf(QLatin1String("-->"), i + 4);
            if (end < 0)
                break;
            i = end + 3;
            continue;
        }
        const qsizetype end = tagEnd(html, i);
        if (end < 0)
            break; // an unfinished tag: the rest is markup, not text
        const QString inside = html.mid(i + 1, end - i - 1);
        qsizetype nameEnd = 0;
        while (nameEnd < inside.size() && !inside.at(nameEnd).isSpace() &&
               inside.at(nameEnd) != QLatin1Char('>'))
            ++nameEnd;
        QString name = inside.left(nameEnd).toLower();
        if (name.endsWith(QLatin1Char('/')))
            name.chop(1);
        i = end + 1;
        if (name == QLatin1String("script") || name == QLatin1String("style")) {
            const qsizetype close = html.indexOf(QLatin1String("</") + name, i, Qt::CaseInsensitive);
            if (close < 0)
                break;
            const qsizetype closeEnd = html.indexOf(QLatin1Char('>'), close);
            i = closeEnd < 0 ? html.size() : closeEnd + 1;
            continue;
        }
        if (name == QLatin1String("lj") || name == QLatin1String("user")) {
            const QString user = attribute(inside, name == QLatin1String("lj") ? QStringLiteral("user")
                                                                               : QStringLiteral("name"));
            if (!user.isEmpty())
                out += user;
            continue;
        }
        // Inline tags join their text; anything else separates words.
        static const QStringList inlineTags{
            QStringLiteral("a"),       QStringLiteral("b"),      QStringLiteral("i"),
            QStringLiteral("u"),       QStringLiteral("s"),      QStringLiteral("em"),
            QStringLiteral("strong"),  QStringLiteral("span"),   QStringLiteral("font"),
            QStringLiteral("small"),   QStringLiteral("big"),    QStringLiteral("sub"),
            QStringLiteral("sup"),     QStringLiteral("strike"), QStringLiteral("code"),
            QStringLiteral("tt"),      QStringLiteral("abbr"),   QStringLiteral("/a"),
            QStringLiteral("/b"),      QStringLiteral("/i"),     QStringLiteral("/u"),
            QStringLiteral("/s"),      QStringLiteral("/em"),    QStringLiteral("/strong"),
            QStringLiteral("/span"),   QStringLiteral("/font"),  QStringLiteral("/small"),
            QStringLiteral("/big"),    QStringLiteral("/sub"),   QStringLiteral("/sup"),
            QStringLiteral("/strike"), QStringLiteral("/code"),  QStringLiteral("/tt"),
            QStringLiteral("/abbr")};
        if (!inlineTags.contains(name))
            out += QLatin1Char(' ');
    }
    return out;
}

QString truncateText(const QString& text, int maxChars)
{
    if (maxChars < 4)
        return text;
    // Count code points, not UTF-16 units, like the server's characters.
    qsizetype codePoints = 0;
    qsizetype keepUnits = -1; // UTF-16 length of the first maxChars - 3 code points
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (codePoints == maxChars - 3 && keepUnits < 0)
            keepUnits = i;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++codePoints;
    }
    if (codePoints <= maxChars)
        return text;
    QString kept = text.left(keepUnits);
    while (!kept.isEmpty() && kept.back().isSpace())
        kept.chop(1);
    return kept + QStringLiteral("...");
}

QString entryLine(const QString& subject, const QString& body, int maxChars)
{
    QString line = plainTextFromHtml(subject).simplified();
    if (line.isEmpty())
        line = plainTextFromHtml(body).simplified();
    return truncateText(line, maxChars).trimmed();
}

namespace {

const QRegularExpression& secondsInFormat()
{
    static const QRegularExpression seconds(QStringLiteral("[:.]ss"));
    return seconds;
}

} // namespace

QString timeToTheMinute(const QTime& time)
{
    const QLocale locale;
    return locale.toString(time, locale.timeFormat(QLocale::ShortFormat).remove(secondsInFormat()));
}

QString dateTimeFormatToTheMinute()
{
    QString format = QLocale().dateTimeFormat(QLocale::ShortFormat).remove(secondsInFormat());
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

} // namespace Inkwell
