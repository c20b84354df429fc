#include "CliCommand.h"

namespace Inkwell::Cli {

CliCommand::CliCommand(CliContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{}

void CliCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(exitCode);
}

void CliCommand::fail(int exitCode, const QString& message)
{
    printError(message);
    finish(exitCode);
}

} // namespace Inkwell::Cli
