#pragma once

#include "journal/JournalEntry.h"

#include <QJsonObject>

namespace Inkwell {

// JSON form of an entry (outbox, drafts, exports): itemid, anum, url, eventtime, logtime, subject,
// event, security, allowmask (as a string when above 2^53), poster, props.
QJsonObject toJson(const JournalEntry& entry);
JournalEntry entryFromJson(const QJsonObject& json);

} // namespace Inkwell
