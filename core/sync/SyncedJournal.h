#pragma once

#include "protocol/ProtocolValue.h"

#include <QString>

namespace Inkwell {

// The journal a sync mirrors: the account's own or a community it reads.
struct SyncedJournal
{
    QString accountName;
    QString name; // canonical user name
    bool isCommunity = false;
    qint64 id = 0; // in the mirror

    // A request's fields for this journal: `usejournal` when it is not the account's own.
    ProtocolValue request() const;
    // Whose spooled batches are whose: journal ids are given again after a journal is deleted.
    QString spoolOwner() const { return accountName + u'/' + name; }
};

} // namespace Inkwell
