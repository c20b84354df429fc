#pragma once

#include "CliCommand.h"

namespace Inkwell::Cli {

// `info`: where the profile and its journal database are, and the database's schema version.
class InfoCommand : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    void start() override;
};

} // namespace Inkwell::Cli
