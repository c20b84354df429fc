#pragma once

#include "OutboxItemCommand.h"

namespace Inkwell::Cli {

// `delete NAME ITEMID [--journal J]`: the deletion of an entry of the local mirror goes into the
// outbox (as the GUI's Delete queues it) and out at once; an entry already gone from the server
// counts as deleted. Prints `deleted ITEMID` when the server took it.
class DeleteCommand : public OutboxItemCommand
{
    Q_OBJECT
public:
    using OutboxItemCommand::OutboxItemCommand;
    void start() override;

private:
    QString doneLine(qint64 outboxId, const OutboxReport& report) const override;

    qint64 m_itemid = 0;
};

} // namespace Inkwell::Cli
