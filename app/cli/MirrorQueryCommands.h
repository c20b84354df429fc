#pragma once

#include "MirrorCommand.h"

#include <optional>

namespace Inkwell::Cli {

// `search NAME QUERY [--journal J] [--tag T] [--year Y] [--security S] [--limit N]` and
// `daycounts NAME [--journal J] [--year Y]`: questions to the local mirror, answered offline.
class MirrorQueryCommands : public MirrorCommand
{
    Q_OBJECT
public:
    using MirrorCommand::MirrorCommand;
    void start() override;

private:
    void search();
    void dayCounts();
    // --year as a number (0 when not given); nullopt after a usage error.
    std::optional<int> year();
};

// A search hit's snippet for a terminal: the store's match markers (U+0002, U+0003) as [ and ],
// on one line.
QString displayedSnippet(const QString& snippet);

} // namespace Inkwell::Cli
