#pragma once

#include "journal/DayCount.h"
#include "journal/JournalEntry.h"
#include "journal/LoginInfo.h"
#include "journal/PostResult.h"
#include "journal/SyncItems.h"
#include "protocol/ProtocolResult.h"
#include "protocol/ProtocolValue.h"

#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Inkwell {

// The journal modes' requests made from Inkwell's types, and their replies read into them
// (REFERENCE.md 3.2-3.8): the wire mapping of the values in journal/, built on the neutral value
// tree so it works the same over either interface.

// getevents
JournalEntry entryFromEvent(const ProtocolValue& event);
ProtocolResult<QList<JournalEntry>> entriesFromReply(const ProtocolValue& reply);

// postevent / editevent. The date goes as year/mon/day/hour/min of the entry's eventtime; bodies
// go with lineendings=unix. An edit always carries subject, security and allowmask, because the
// server clears what an edit leaves out (REFERENCE.md 3.4); props present on the server but no
// longer in the entry are sent empty, which deletes them.
ProtocolValue postEventRequest(const JournalEntry& entry, const QString& usejournal = {});
ProtocolValue editEventRequest(const JournalEntry& entry, const QMap<QString, QString>& propsOnServer,
                               const QString& usejournal = {});
ProtocolValue deleteEventRequest(qint64 itemid, const QString& usejournal = {});

PostResult postResultFromReply(const ProtocolValue& reply);

// syncitems
ProtocolResult<SyncItemsPage> syncItemsFromReply(const ProtocolValue& reply);
// The page of a successful flat syncitems reply read straight from its lines, without the generic
// tree (FlatCodec builds ~1,500 members for a page of 500, 0.5 ms that a full sync spends between
// a page and the next request): only for the plain shape servers send, "success", "sync_count",
// "sync_total" and sync_<n>_item / _time / _action for n = 1..count, each once, in any order,
// every value of the form real servers give. nullopt for anything else, which then goes the
// generic way (FlatCodec::decodeResponse, syncItemsFromReply); where it gives a page, that way
// gives the same one (the flat fuzzer checks it).
std::optional<SyncItemsPage> syncItemsFromPlainFlatReply(QByteArrayView body);

// getdaycounts
ProtocolResult<QList<DayCount>> dayCountsFromReply(const ProtocolValue& reply);

// login
struct LoginOptions
{
    int moodsSince = 0; // -1: no moods
    bool pictures = true;
    bool menus = false;
};
ProtocolValue loginRequest(const LoginOptions& options);
LoginInfo loginInfoFromReply(const ProtocolValue& reply);
QList<FriendGroup> friendGroupsFromValue(const ProtocolValue& groups);

} // namespace Inkwell
