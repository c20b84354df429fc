#pragma once

#include <QChar>
#include <QList>
#include <QString>

namespace Inkwell {

// One page of what changed in a journal since a server time (syncitems, REFERENCE.md 3.6).
struct SyncItem
{
    QChar kind; // 'L' entry, 'C' its comments
    qint64 itemid = 0;
    QString action; // "create" or "update"
    QString time;   // server time, an opaque cursor value
    friend bool operator==(const SyncItem&, const SyncItem&) = default;
};
struct SyncItemsPage
{
    QList<SyncItem> items;
    int total = 0;
    int count = 0;
    friend bool operator==(const SyncItemsPage&, const SyncItemsPage&) = default;
};

} // namespace Inkwell
