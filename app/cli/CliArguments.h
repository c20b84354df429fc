#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Inkwell::Cli {

// The command line of inkwell-cli, understood: which command, its arguments and options, or why
// the line is wrong. Every command and option is described once, in CliArguments.cpp; --help and
// `help COMMAND` are generated from that table, so they cannot drift from what is parsed.
//
//   inkwell-cli [--profile DIR] COMMAND [ARGUMENTS] [OPTIONS]
//
// Options may come before or after the command; `--` ends the options.
class CliArguments
{
    // The context names the class in full: lupdate and the runtime both take it from here.
    Q_DECLARE_TR_FUNCTIONS(Inkwell::Cli::CliArguments)

public:
    enum class Action {
        Run,         // command() with its arguments
        ShowHelp,    // helpText(command()) on standard output, exit 0
        ShowVersion, // version on standard output, exit 0
        UsageError,  // error() on standard error, exit 2
    };

    // `arguments` as QCoreApplication::arguments() gives them (the program first).
    static CliArguments parse(const QStringList& arguments);

    Action action() const { return m_action; }
    // "info", "login", "account add", ...; empty for the general help.
    QString command() const { return m_command; }
    // The arguments after the command's words, options removed.
    const QStringList& positional() const { return m_positional; }
    QString error() const { return m_error; }

    bool isSet(const QString& option) const { return m_options.contains(option); }
    QString value(const QString& option) const { return m_options.value(option); }
    // Every value of an option that may be given more than once (--prop k=v --prop k2=v2).
    QStringList values(const QString& option) const { return m_multi.value(option); }

    // The general help (every command with its options) or one command's.
    static QString helpText(const QString& command = {});
    // One line naming the commands, for usage errors.
    static QString commandList();

private:
    static CliArguments usageError(const QString& message);

    Action m_action = Action::Run;
    QString m_command;
    QStringList m_positional;
    QHash<QString, QString> m_options;   // long name -> value ("" for flags); the last one given
    QHash<QString, QStringList> m_multi; // long name -> every value given
    QString m_error;
};

} // namespace Inkwell::Cli
