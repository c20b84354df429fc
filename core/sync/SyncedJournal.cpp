#include "sync/SyncedJournal.h"

namespace Inkwell {

ProtocolValue SyncedJournal::request() const
{
    ProtocolValue request = ProtocolValue::emptyMap();
    if (isCommunity)
        request.insert(QStringLiteral("usejournal"), name);
    return request;
}

} // namespace Inkwell
