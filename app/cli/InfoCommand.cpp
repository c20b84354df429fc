#include "InfoCommand.h"

#include "store/Database.h"
#include "util/Profile.h"

namespace Inkwell::Cli {

void InfoCommand::start()
{
    printOut(QStringLiteral("profile %1\ndatabase %2\nschema %3\n")
                 .arg(m_context.services.profile().directory(), m_context.services.database().path())
                 .arg(m_context.services.database().schemaVersion()));
    finish(ExitOk);
}

} // namespace Inkwell::Cli
