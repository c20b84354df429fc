#include "entryview/EntryHtml.h"

#include "common/EntryText.h"
#include "common/SecurityBadge.h"
#include "journal/PropNames.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace Inkwell {

namespace {

QString attributeValue(const QString& tag, const QString& name)
{
    const QRegularExpression attr(QStringLiteral("\\b%1\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))")
                                      .arg(QRegularExpression::escape(name)),
                                  QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = attr.match(tag);
    if (!match.hasMatch())
        return {};
    for (int group = 1; group <= 3; ++group) {
        if (match.capturedStart(group) >= 0)
            return match.captured(group);
    }
    return {};
}

QString replaceTags(const QString& html, const QRegularExpression& pattern,
                    const std::function<QString(const QRegularExpressionMatch&)>& replacement)
{
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = pattern.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(html).mid(last, match.capturedStart() - last);
        out += replacement(match);
        last = match.capturedEnd();
    }
    out += QStringView(html).mid(last);
    return out;
}

QString propRow(const QString& label, const QString& valueHtml)
{
    return QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td></tr>")
        .arg(EntryHtml::escaped(label), valueHtml);
}

} // namespace

QString EntryHtml::escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString EntryHtml::securityIconUrl(Security security, quint64 allowmask)
{
    return QStringLiteral("inkwell:security/%1.png").arg(int(securityKind(security, allowmask)));
}

QString EntryHtml::body(const JournalEntry& entry)
{
    QString html = entry.body;
    // Active and page-level content never runs here; say it was there.
    static const QRegularExpression dropped(
        QStringLiteral(
            "<(script|style|iframe|object|embed|lj-embed|applet|frameset|form)\\b[^>]*>.*?</\\1\\s*>"
            "|<(script|style|iframe|object|embed|lj-embed|applet|meta|base)\\b[^>]*/?>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    html = replaceTags(html, dropped, [](const QRegularExpressionMatch& match) {
        const QString tag = (match.captured(1).isEmpty() ? match.captured(2) : match.captured(1)).toLower();
        if (tag == QLatin1String("style") || tag == QLatin1String("meta") || tag == QLatin1String("base") ||
            tag == QLatin1String("script"))
            return QString();
        return QStringLiteral("<p class=\"note\">[%1]</p>").arg(tr("embedded content not shown"));
    });
    static const QRegularExpression userTag(
        QStringLiteral("<(?:lj\\s+(?:user|comm)|user\\s+name)\\s*=[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    html = replaceTags(html, userTag, [](const QRegularExpressionMatch& match) {
        const QString tag = match.captured();
        QString name = attributeValue(tag, QStringLiteral("user"));
        if (name.isEmpty())
            name = attributeValue(tag, QStringLiteral("comm"));
        if (name.isEmpty())
            name = attributeValue(tag, QStringLiteral("name"));
        return QStringLiteral("<b class=\"user\">%1</b>").arg(escaped(name));
    });
    static const QRegularExpression cutOpen(QStringLiteral("<(?:lj-)?cut\\b[^>]*>"),
                                            QRegularExpression::CaseInsensitiveOption);
    html = replaceTags(html, cutOpen, [](const QRegularExpressionMatch& match) {
        const QString text = attributeValue(match.captured(), QStringLiteral("text"));
        return QStringLiteral("<p class=\"cut\">✂ %1</p>")
            .arg(escaped(text.isEmpty() ? tr("Read more (cut)") : plainTextFromHtml(text)));
    });
    static const QRegularExpression otherLjTags(QStringLiteral("</(?:lj-)?cut\\s*>|</?lj-raw\\s*>"),
                                                QRegularExpression::CaseInsensitiveOption);
    html.remove(otherLjTags);
    if (entry.props.value(Props::OptPreformatted) != QLatin1String("1")) {
        // The sites turn every newline into a line break unless the entry says it is preformatted.
        html.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        html.replace(QLatin1Char('\n'), QStringLiteral("<br>\n"));
    }
    return html;
}

QString EntryHtml::page(const JournalEntry& entry, const QString& journal, const QPalette& palette,
                        const QHash<int, QString>& moodNames)
{
    const QString text = palette.color(QPalette::Text).name();
    const QString dim = palette.color(QPalette::PlaceholderText).name();
    const QString link = palette.color(QPalette::Link).name();
    const QString chip = palette.color(QPalette::AlternateBase).name();
    const QString style =
        QStringLiteral("body { color: %1; }"
                       "h1 { font-size: x-large; font-weight: 600; margin-bottom: 2px; }"
                       "h1.nosubject { color: %2; font-style: italic; font-weight: normal; }"
                       "p.meta { color: %2; margin-top: 0; }"
                       "td.label { color: %2; padding-right: 10px; }"
                       "span.tag { background-color: %4; }"
                       "p.cut { color: %2; font-style: italic; }"
                       "p.note { color: %2; font-style: italic; }"
                       "b.user { color: %3; }"
                       "a { color: %3; }"
                       "p.footer { color: %2; font-size: small; }")
            .arg(text, dim, link, chip);

    const QString subject = plainTextFromHtml(entry.subject).simplified();
    QString html = QStringLiteral("<html><head><style>%1</style></head><body>").arg(style);
    html += subject.isEmpty()
                ? QStringLiteral("<h1 class=\"nosubject\">%1</h1>").arg(escaped(tr("(no subject)")))
                : QStringLiteral("<h1>%1</h1>").arg(escaped(subject));

    const QDateTime when = QDateTime::fromString(entry.eventtime, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QLocale locale;
    const QString date = when.isValid() ? tr("%1 at %2")
                                              .arg(locale.toString(when.date(), QLocale::LongFormat),
                                                   timeToTheMinute(when.time()))
                                        : entry.eventtime;
    const SecurityKind kind = securityKind(entry.security, entry.allowmask);
    QString meta =
        escaped(date) + QStringLiteral(" &nbsp;·&nbsp; <img src=\"%1\" width=\"16\" height=\"16\"> %2")
                            .arg(securityIconUrl(entry.security, entry.allowmask),
                                 escaped(kind == SecurityKind::Custom
                                             ? SecurityBadge::description(entry.security, entry.allowmask)
                                             : SecurityBadge::label(kind)));
    if (!journal.isEmpty())
        meta += QStringLiteral(" &nbsp;·&nbsp; ") + escaped(journal);
    if (!entry.poster.isEmpty())
        meta += QStringLiteral(" &nbsp;·&nbsp; ") + escaped(tr("posted by %1").arg(entry.poster));
    html += QStringLiteral("<p class=\"meta\">%1</p>").arg(meta);

    QString rows;
    const auto prop = [&entry](const QString& name) {
        return entry.props.value(name).trimmed();
    };
    QString mood = prop(Props::CurrentMood);
    if (mood.isEmpty() && !prop(Props::CurrentMoodId).isEmpty())
        mood = moodNames.value(prop(Props::CurrentMoodId).toInt(),
                               tr("mood #%1").arg(prop(Props::CurrentMoodId)));
    if (!mood.isEmpty())
        rows += propRow(tr("Mood"), escaped(mood));
    if (!prop(Props::CurrentMusic).isEmpty())
        rows += propRow(tr("Music"), escaped(prop(Props::CurrentMusic)));
    if (!prop(Props::CurrentLocation).isEmpty())
        rows += propRow(tr("Location"), escaped(prop(Props::CurrentLocation)));
    const QStringList tags = entry.tags();
    if (!tags.isEmpty()) {
        QStringList chips;
        for (const QString& tag : tags)
            chips.append(QStringLiteral("<span class=\"tag\">&nbsp;%1&nbsp;</span>").arg(escaped(tag)));
        rows += propRow(tr("Tags"), chips.join(QStringLiteral(" ")));
    }
    if (!prop(Props::PictureKeyword).isEmpty())
        rows += propRow(tr("Userpic"), escaped(prop(Props::PictureKeyword)));
    QStringList flags;
    if (entry.isBackdated())
        flags.append(tr("backdated"));
    if (prop(Props::OptNoComments) == QLatin1String("1"))
        flags.append(tr("comments disabled"));
    if (prop(Props::OptScreening) == QLatin1String("A"))
        flags.append(tr("all comments screened"));
    if (!flags.isEmpty())
        rows += propRow(tr("Options"), escaped(flags.join(QStringLiteral(", "))));
    if (!rows.isEmpty())
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">%1</table>").arg(rows);

    html += QStringLiteral("<hr><div class=\"body\">%1</div>").arg(body(entry));
    if (!entry.url.isEmpty()) {
        html += QStringLiteral("<hr><p class=\"footer\"><a href=\"%1\">%2</a></p>")
                    .arg(escaped(entry.url), escaped(tr("Open on the web")));
    }
    html += QStringLiteral("</body></html>");
    return html;
}

} // namespace Inkwell
