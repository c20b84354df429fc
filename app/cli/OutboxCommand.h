#pragma once

#include "CliCommand.h"

namespace Inkwell::Cli {

// `outbox NAME`: what waits to be sent, and why. Offline.
class OutboxCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;
};

} // namespace Inkwell::Cli
