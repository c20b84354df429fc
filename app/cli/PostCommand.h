#pragma once

#include "OutboxItemCommand.h"

namespace Inkwell::Cli {

// `post NAME --body-file FILE|- [...]`: a new entry, dated now unless --date says otherwise and
// public unless --security says otherwise, goes into the outbox and out at once. Prints `posted
// ITEMID URL` when the server took it.
class PostCommand : public OutboxItemCommand
{
    Q_OBJECT
public:
    using OutboxItemCommand::OutboxItemCommand;
    void start() override;

private:
    QString doneLine(qint64 outboxId, const OutboxReport& report) const override;
};

} // namespace Inkwell::Cli
