#pragma once

#include "protocol/ProtocolError.h"

#include <QString>

namespace Inkwell {

// What storing fetched entries changed in the mirror.
struct StoredCounts
{
    int added = 0;   // entries new to the mirror
    int updated = 0; // entries it held in another version
};

struct SyncReport
{
    int added = 0;
    int updated = 0;
    int deleted = 0;
    int requests = 0; // HTTP requests, authentication included
    qint64 milliseconds = 0;
    bool cancelled = false;
    ProtocolError error; // null when the sync completed
    QString errorText;   // for the user; empty when the sync completed

    bool succeeded() const { return !cancelled && errorText.isEmpty(); }
    void count(const StoredCounts& stored)
    {
        added += stored.added;
        updated += stored.updated;
    }
};

} // namespace Inkwell
