#include "journal/BloggerContent.h"

#include "journal/PropNames.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Inkwell {

namespace {

// Perl's \s on the server's byte strings: ASCII white space only.
constexpr QStringView perlSpace = u" \t\n\r\f\v";

bool perlTrue(const QString& value)
{
    return !value.isEmpty() && value != QLatin1String("0");
}

QString perlTrim(const QString& text)
{
    qsizetype start = 0;
    qsizetype end = text.size();
    while (start < end && perlSpace.contains(text.at(start)))
        ++start;
    while (end > start && perlSpace.contains(text.at(end - 1)))
        --end;
    return text.mid(start, end - start);
}

// Cuts the first match of `pattern` out of `content`; returns its `group`, or nullopt.
std::optional<QString> cutFirst(QString& content, const QRegularExpression& pattern, int group)
{
    const QRegularExpressionMatch match = pattern.match(content);
    if (!match.hasMatch())
        return std::nullopt;
    const QString value = match.captured(group);
    content.remove(match.capturedStart(), match.capturedLength());
    return value;
}

} // namespace

QString toBloggerContent(const BloggerContent& content)
{
    QString header;
    if (perlTrue(content.subject))
        header += QStringLiteral("<title>%1</title>").arg(content.subject);
    if (perlTrue(content.mood))
        header += QStringLiteral("lj-mood: %1\n").arg(content.mood);
    if (perlTrue(content.music))
        header += QStringLiteral("lj-music: %1\n").arg(content.music);
    return header.isEmpty() ? content.body : header + QLatin1Char('\n') + content.body;
}

BloggerContent fromBloggerContent(const QString& text)
{
    // "." stops at a line break, as Perl's does.
    static const QRegularExpression title(QStringLiteral("<title>([^\\n]*?)</title>"));
    static const QRegularExpression mood(QStringLiteral("(^|\\n)lj-mood:[ \\t\\n\\r\\f\\v]*([^\\n]*)\\n"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression music(QStringLiteral("(^|\\n)lj-music:[ \\t\\n\\r\\f\\v]*([^\\n]*)\\n"),
                                          QRegularExpression::CaseInsensitiveOption);
    QString rest = text;
    BloggerContent content;
    content.subject = cutFirst(rest, title, 1).value_or(QString());
    content.mood = cutFirst(rest, mood, 2).value_or(QString());
    content.music = cutFirst(rest, music, 2).value_or(QString());
    content.body = perlTrim(rest);
    return content;
}

QStringList bloggerCannotCarry(const JournalEntry& entry)
{
    QStringList lost;
    if (entry.security == Security::Private)
        lost.append(QCoreApplication::translate("Inkwell::BloggerContent", "security (private)"));
    else if (entry.security == Security::UseMask)
        lost.append(QCoreApplication::translate("Inkwell::BloggerContent", "security (friends or groups)"));
    if (!entry.tags().isEmpty())
        lost.append(QCoreApplication::translate("Inkwell::BloggerContent", "tags"));
    if (entry.isBackdated())
        lost.append(QCoreApplication::translate("Inkwell::BloggerContent", "backdating"));
    if (!entry.props.value(Props::PictureKeyword).isEmpty())
        lost.append(QCoreApplication::translate("Inkwell::BloggerContent", "the userpic"));
    for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
        static const QStringList carried{Props::CurrentMood, Props::CurrentMoodId,  Props::CurrentMusic,
                                         Props::TagList,     Props::PictureKeyword, Props::OptBackdated};
        if (!it.value().isEmpty() && !carried.contains(it.key()) && !isServerOwnedProp(it.key()))
            lost.append(it.key());
    }
    // A subject the content cannot mark as one (a line break, or "0") would come back as body text.
    if (entry.subject.contains(u'\n') || entry.subject.contains(u'\r'))
        lost.append(QCoreApplication::translate("Inkwell::BloggerContent", "a subject of several lines"));
    return lost;
}

JournalEntry bloggerCarried(const JournalEntry& entry)
{
    JournalEntry carried = entry;
    carried.security = Security::Public;
    carried.allowmask = 0;
    carried.props.clear();
    for (const QString& name : {Props::CurrentMood, Props::CurrentMoodId, Props::CurrentMusic}) {
        if (entry.props.contains(name))
            carried.props.insert(name, entry.props.value(name));
    }
    carried.subject = entry.subject.simplified();
    return carried;
}

std::optional<BloggerPostId> parseBloggerPostId(const QString& postId)
{
    static const QRegularExpression journalAndItem(QStringLiteral("^([A-Za-z0-9_-]+):([0-9]+)$"));
    static const QRegularExpression number(QStringLiteral("^[0-9]+$"));
    if (const QRegularExpressionMatch match = journalAndItem.match(postId); match.hasMatch()) {
        bool ok = false;
        const qint64 itemid = match.captured(2).toLongLong(&ok);
        if (ok && itemid > 0)
            return BloggerPostId{match.captured(1), itemid};
        return std::nullopt;
    }
    if (number.match(postId).hasMatch()) {
        bool ok = false;
        const qint64 itemid = postId.toLongLong(&ok);
        if (ok && itemid > 0)
            return BloggerPostId{QString(), itemid};
    }
    return std::nullopt;
}

QString toString(const BloggerPostId& postId)
{
    return postId.journal.isEmpty() ? QString::number(postId.itemid)
                                    : QStringLiteral("%1:%2").arg(postId.journal).arg(postId.itemid);
}

QString serverTimeFromBloggerDate(const QString& dateCreated)
{
    // The time as written: LiveJournal's is the entry's own (local) time, with no zone.
    static const QRegularExpression basic(QStringLiteral(
        "^([0-9]{4})-?([0-9]{2})-?([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(Z|[+-][0-9:]{2,5})?$"));
    const QRegularExpressionMatch match = basic.match(dateCreated.trimmed());
    if (!match.hasMatch())
        return {};
    return QStringLiteral("%1-%2-%3 %4:%5:%6")
        .arg(match.captured(1), match.captured(2), match.captured(3), match.captured(4), match.captured(5),
             match.captured(6));
}

} // namespace Inkwell
