#include "journal/ServerNormalization.h"

#include "journal/BloggerContent.h"

namespace Inkwell {

namespace {

// Perl's \s on the server's byte strings: ASCII blanks only (a no-break space stays).
bool isPerlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' || c == u'\v';
}

QString perlTrimmed(const QString& text)
{
    qsizetype start = 0;
    qsizetype end = text.size();
    while (start < end && isPerlSpace(text.at(start)))
        ++start;
    while (end > start && isPerlSpace(text.at(end - 1)))
        --end;
    return text.mid(start, end - start);
}

// LJ::text_trim's cut: at most `maxChars` characters (0: any number) and `maxBytes` bytes of UTF-8,
// never half a character.
QString cut(const QString& text, qsizetype maxBytes, qsizetype maxChars)
{
    qsizetype chars = 0;
    qsizetype bytes = 0;
    for (qsizetype at = 0; at < text.size();) {
        const bool pair =
            text.at(at).isHighSurrogate() && at + 1 < text.size() && text.at(at + 1).isLowSurrogate();
        const ushort unit = text.at(at).unicode();
        const qsizetype size = pair ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
        if ((maxChars > 0 && chars == maxChars) || bytes + size > maxBytes)
            return text.left(at);
        ++chars;
        bytes += size;
        at += pair ? 2 : 1;
    }
    return text;
}

// LJ::Tags: the tags a taglist stands for, as the server keeps them.
QStringList canonicalTags(const QString& taglist)
{
    QStringList tags;
    for (const QString& part : taglist.split(u',')) {
        QString tag = cut(part.simplified().toLower(), 80, 40);
        while (!tag.isEmpty() && tag.back().isSpace())
            tag.chop(1);
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

QStringList foldedTags(const JournalEntry& entry)
{
    QStringList tags;
    for (const QString& tag : entry.tags()) {
        const QString folded = tag.toCaseFolded();
        if (!tags.contains(folded))
            tags.append(folded);
    }
    tags.sort();
    return tags;
}

// The props a reader sets, without the taglist (compared as tags) and the server's own.
QMap<QString, QString> userProps(const JournalEntry& entry)
{
    QMap<QString, QString> props;
    for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
        if (!isServerOwnedProp(it.key()) && it.key() != Props::TagList && !it.value().isEmpty())
            props.insert(it.key(), it.value());
    }
    return props;
}

// What reaches postevent through the Blogger API: the content's round trip through LiveJournal's
// blogger_serialize/deserialize (REFERENCE.md 7.1) carries subject, body, mood and music, nothing
// else; the server dates a new post itself.
JournalEntry throughBlogger(const JournalEntry& sent)
{
    const BloggerContent content =
        fromBloggerContent(toBloggerContent({sent.subject, sent.props.value(Props::CurrentMood),
                                             sent.props.value(Props::CurrentMusic), sent.body}));
    JournalEntry carried = sent;
    carried.subject = content.subject;
    carried.body = content.body;
    carried.security = Security::Public;
    carried.allowmask = 0;
    carried.props.clear();
    if (!content.mood.isEmpty())
        carried.props.insert(Props::CurrentMood, content.mood);
    if (!content.music.isEmpty())
        carried.props.insert(Props::CurrentMusic, content.music);
    return carried;
}

} // namespace

JournalEntry ServerNormalization::storedForm(const JournalEntry& given) const
{
    const JournalEntry sent = m_interface == Interface::Blogger ? throughBlogger(given) : given;
    JournalEntry stored = sent;
    stored.body = perlTrimmed(sent.body).remove(u'\r');
    stored.subject = cut(perlTrimmed(sent.subject), 255, 100);
    stored.subject.replace(u'\r', u' ').replace(u'\n', u' ');
    if (sent.eventtime.size() >= 16)
        stored.eventtime = sent.eventtime.left(16) + QStringLiteral(":00");
    if (sent.security != Security::UseMask)
        stored.allowmask = 0;

    stored.props.clear();
    for (auto it = sent.props.cbegin(); it != sent.props.cend(); ++it) {
        const QString& name = it.key();
        if (isServerOwnedProp(name)) // never sent
            continue;
        if (name == Props::TagList) {
            QStringList tags = canonicalTags(it.value());
            tags.sort(Qt::CaseInsensitive); // as entryFromEvent lists them
            if (!tags.isEmpty())
                stored.props.insert(name, tags.join(QStringLiteral(", ")));
            continue;
        }
        const bool link = name == QLatin1StringView("syn_id") || name == QLatin1StringView("syn_link");
        QString value = cut(perlTrimmed(it.value()), 255, link ? 0 : 100);
        if (value.isEmpty() || value == QLatin1StringView("0"))
            continue;
        value.replace(u'\n', u' ');
        if (m_interface == Interface::Flat)
            value.remove(u'\r');
        stored.props.insert(name, value);
    }
    return stored;
}

bool ServerNormalization::isStoredFormOf(const JournalEntry& onServer, const JournalEntry& sent) const
{
    const JournalEntry expected = storedForm(sent);
    QMap<QString, QString> expectedProps = userProps(expected);
    const QMap<QString, QString> serverProps = userProps(onServer);
    if (!serverProps.contains(Props::PictureKeyword)) {
        expectedProps.remove(Props::PictureKeyword); // no such icon: dropped
    } else if (serverProps.value(Props::PictureKeyword)
                   .compare(expectedProps.value(Props::PictureKeyword), Qt::CaseInsensitive) == 0) {
        expectedProps.insert(Props::PictureKeyword, serverProps.value(Props::PictureKeyword));
    }
    const quint64 serverMask = onServer.security == Security::UseMask ? onServer.allowmask : 0;
    if (m_interface == Interface::Blogger) // no date (the server's), security or tags travel
        return onServer.subject == expected.subject && onServer.body == expected.body &&
               serverProps == expectedProps;
    return onServer.subject == expected.subject && onServer.body == expected.body &&
           onServer.eventtime.left(16) == expected.eventtime.left(16) &&
           onServer.security == expected.security && serverMask == expected.allowmask &&
           serverProps == expectedProps && foldedTags(onServer) == foldedTags(expected);
}

} // namespace Inkwell
