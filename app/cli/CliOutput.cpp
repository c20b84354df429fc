#include "CliOutput.h"

#include <cstdio>

namespace Inkwell::Cli {

void printOutBytes(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printOut(const QString& text)
{
    printOutBytes(text.toUtf8());
}

void printError(const QString& message)
{
    const QByteArray line = "inkwell-cli: " + oneLine(message).toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

QString oneLine(const QString& text)
{
    QString result = text.trimmed();
    for (QChar& c : result) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    return result;
}

} // namespace Inkwell::Cli
