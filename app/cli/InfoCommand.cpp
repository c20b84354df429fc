#include "InfoCommand.h"

#include "store/Database.h"
#include "util/Profile.h"

namespace Inkwell::Cli {

void InfoCommand::start()
{
    printOut(QStringLiteral("profile %1\ndatabase %2\nschema %3\n")
                 .arg(m_context.profile.directory(), m_context.database.path())
                 .arg(m_context.database.schemaVersion()));
    finish(ExitOk);
}

} // namespace Inkwell::Cli
