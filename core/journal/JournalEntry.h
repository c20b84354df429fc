#pragma once

#include "journal/PropNames.h"
#include "journal/Security.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Inkwell {

// One journal entry as the protocol knows it. Times are kept as the server's strings: eventtime is
// the poster's wall clock without a zone, logtime opaque server time (REFERENCE.md 4.5).
struct JournalEntry
{
    qint64 itemid = 0;
    int anum = 0;
    QString url;
    QString eventtime; // "YYYY-MM-DD HH:MM:SS"
    QString logtime;   // Dreamwidth only
    QString subject;
    QString body;
    Security security = Security::Public;
    quint64 allowmask = 0;
    QString poster; // empty when the journal owner wrote it
    QMap<QString, QString> props;

    QStringList tags() const;
    void setTags(const QStringList& tags);
    bool isBackdated() const { return props.value(Props::OptBackdated) == QLatin1String("1"); }
    QDateTime eventDateTime() const;
    void setEventDateTime(const QDateTime& wallClock);

    bool operator==(const JournalEntry&) const = default;
};

// Whether two versions of an entry say the same thing to a reader: texts (line endings and
// surrounding blanks aside), date, security, and the props a user sets (server bookkeeping aside).
bool hasSameContent(const JournalEntry& a, const JournalEntry& b);

} // namespace Inkwell
