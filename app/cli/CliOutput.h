#pragma once

#include <QString>

namespace Inkwell::Cli {

// Exit codes, as documented in --help and the README.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the server, the network, the keychain or the profile said no
    ExitUsage = 2,   // the command line is wrong: unknown command or option, missing argument, ...
};

// Standard output and error always carry UTF-8, whatever the locale says: JSON and journal text
// must survive a pipe.
void printOut(const QString& text);
void printOutBytes(const QByteArray& bytes);
// "inkwell-cli: <message>\n" on standard error, folded onto one line: errors, and notes that must
// not mix with what a script reads from standard output.
void printError(const QString& message);

// Line breaks and tabs become spaces, so a server's multi-line text stays one line of output.
QString oneLine(const QString& text);

} // namespace Inkwell::Cli
