#pragma once

#include "OutboxItemCommand.h"

namespace Inkwell::Cli {

// `edit NAME ITEMID [...]`: the entry as the local mirror has it, changed only where the options
// say, goes into the outbox as an edit of that version (its base, as the GUI's editor queues it),
// and out at once. The sender sends it only while the server still has the base version: an entry
// changed elsewhere meanwhile becomes a conflict (exit 1). Prints `edited ITEMID` when the server
// took it. Editing an entry whose earlier edit still waits in the outbox changes that edit (same
// base), so two offline edits do not conflict with each other.
class EditCommand : public OutboxItemCommand
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
