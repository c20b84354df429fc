#pragma once

#include "sync/SyncPhase.h"

#include <QDate>
#include <QMap>

#include <optional>

namespace Inkwell {

// The deletion check: syncitems never reports deletions, so getdaycounts is compared with the
// mirror's own counts, and only days that differ are read again with getevents selecttype=day.
// Entries a day brings are stored like fetched ones (a backdated entry, an edited date), and those
// the mirror has that the day does not are deleted.
class DeletionCheck : public SyncPhase
{
    Q_OBJECT
public:
    using SyncPhase::SyncPhase;

    void start();

signals:
    void checked();

private:
    void onDayCounts(ProtocolCall& call);
    void readNextDay();
    void onDay(ProtocolCall& call, const QDate& day);

    std::optional<QMap<QDate, int>> m_localCounts; // the mirror's, read while getdaycounts is out
    QList<QDate> m_daysToRead;
};

} // namespace Inkwell
