#include "journal/JournalEntry.h"

namespace Inkwell {

QStringList JournalEntry::tags() const
{
    QStringList result;
    const QStringList parts = props.value(Props::TagList).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QString tag = part.simplified();
        if (!tag.isEmpty())
            result.append(tag);
    }
    return result;
}

void JournalEntry::setTags(const QStringList& tags)
{
    if (tags.isEmpty())
        props.remove(Props::TagList);
    else
        props.insert(Props::TagList, tags.join(QStringLiteral(", ")));
}

QDateTime JournalEntry::eventDateTime() const
{
    return QDateTime::fromString(eventtime, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

void JournalEntry::setEventDateTime(const QDateTime& wallClock)
{
    eventtime = wallClock.toString(QStringLiteral("yyyy-MM-dd HH:mm:00"));
}

bool hasSameContent(const JournalEntry& a, const JournalEntry& b)
{
    auto normalized = [](QString text) {
        return text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).trimmed();
    };
    auto userProps = [](const JournalEntry& entry) {
        QMap<QString, QString> props;
        for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
            if (!isServerOwnedProp(it.key()) && !it.value().isEmpty() && it.key() != Props::TagList)
                props.insert(it.key(), it.value());
        }
        return props;
    };
    auto sortedTags = [](const JournalEntry& entry) {
        QStringList tags = entry.tags();
        for (QString& tag : tags)
            tag = tag.toLower();
        tags.sort();
        return tags;
    };
    const quint64 maskA = a.security == Security::UseMask ? a.allowmask : 0;
    const quint64 maskB = b.security == Security::UseMask ? b.allowmask : 0;
    return normalized(a.subject) == normalized(b.subject) && normalized(a.body) == normalized(b.body) &&
           a.eventtime.left(16) == b.eventtime.left(16) && a.security == b.security && maskA == maskB &&
           userProps(a) == userProps(b) && sortedTags(a) == sortedTags(b);
}

} // namespace Inkwell
