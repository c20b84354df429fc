#include "journal/EntryJson.h"

namespace Inkwell {

QJsonObject toJson(const JournalEntry& entry)
{
    QJsonObject props;
    for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it)
        props.insert(it.key(), it.value());
    // JSON numbers are doubles: masks above 2^53 travel as text.
    const QJsonValue mask = entry.allowmask < (quint64(1) << 53)
                                ? QJsonValue(qint64(entry.allowmask))
                                : QJsonValue(QString::number(entry.allowmask));
    return QJsonObject{{QStringLiteral("itemid"), entry.itemid},
                       {QStringLiteral("anum"), entry.anum},
                       {QStringLiteral("url"), entry.url},
                       {QStringLiteral("eventtime"), entry.eventtime},
                       {QStringLiteral("logtime"), entry.logtime},
                       {QStringLiteral("subject"), entry.subject},
                       {QStringLiteral("event"), entry.body},
                       {QStringLiteral("security"), toString(entry.security)},
                       {QStringLiteral("allowmask"), mask},
                       {QStringLiteral("poster"), entry.poster},
                       {QStringLiteral("props"), props}};
}

JournalEntry entryFromJson(const QJsonObject& json)
{
    JournalEntry entry;
    entry.itemid = json.value(QStringLiteral("itemid")).toInteger();
    entry.anum = json.value(QStringLiteral("anum")).toInt();
    entry.url = json.value(QStringLiteral("url")).toString();
    entry.eventtime = json.value(QStringLiteral("eventtime")).toString();
    entry.logtime = json.value(QStringLiteral("logtime")).toString();
    entry.subject = json.value(QStringLiteral("subject")).toString();
    entry.body = json.value(QStringLiteral("event")).toString();
    entry.security = securityFromString(json.value(QStringLiteral("security")).toString());
    const QJsonValue mask = json.value(QStringLiteral("allowmask"));
    entry.allowmask = mask.isString() ? mask.toString().toULongLong() : quint64(mask.toInteger());
    entry.poster = json.value(QStringLiteral("poster")).toString();
    const QJsonObject props = json.value(QStringLiteral("props")).toObject();
    for (auto it = props.constBegin(); it != props.constEnd(); ++it)
        entry.props.insert(it.key(), it.value().toString());
    return entry;
}

} // namespace Inkwell
