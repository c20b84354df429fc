#include "PasswordSource.h"

#include "account/AccountClients.h"
#include "journal/Account.h"

#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Inkwell::Cli {

namespace {

// Switches terminal echo off for its lifetime (only when standard input is a terminal).
class EchoOff
{
public:
    EchoOff()
    {
        if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active) {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
            std::fputs("\n", stderr);
        }
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

} // namespace

PasswordSource::Outcome PasswordSource::readStandardInput()
{
    if (isatty(STDIN_FILENO))
        std::fputs(tr("Password (on Dreamwidth: API key): ").toUtf8().constData(), stderr);
    QByteArray line;
    {
        EchoOff echoOff;
        QFile input;
        if (input.open(stdin, QIODevice::ReadOnly))
            line = input.readLine();
    }
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return {std::nullopt, ExitUsage,
                tr("--password-stdin was given, but standard input held no password.")};
    return {QString::fromUtf8(line), ExitOk, {}};
}

void PasswordSource::obtain(AccountClients& clients, const Account& account, bool fromStandardInput,
                            QObject* context, std::function<void(const Outcome&)> done)
{
    if (fromStandardInput) {
        done(readStandardInput());
        return;
    }
    clients.readPassword(account, context, [account, done](const PasswordResult& result) {
        const QString name = account.name;
        switch (result.status) {
        case PasswordStatus::Ok:
            if (!result.password.isEmpty()) {
                done({result.password, ExitOk, {}});
                return;
            }
            [[fallthrough]];
        case PasswordStatus::NotFound:
            done({std::nullopt, ExitFailure,
                  tr("No password for account '%1': none is stored in the keychain. Give it with "
                     "--password-stdin, or store it with 'inkwell-cli account edit %1 --password-stdin'.")
                      .arg(name)});
            return;
        case PasswordStatus::Unavailable:
            done({std::nullopt, ExitFailure,
                  tr("No password for account '%1': none was given with --password-stdin, and no keychain "
                     "is available to ask.")
                      .arg(name)});
            return;
        case PasswordStatus::Denied:
        case PasswordStatus::Failed:
            done({std::nullopt, ExitFailure,
                  tr("Could not read the password of account '%1' from the keychain: %2")
                      .arg(name, result.message)});
            return;
        }
    });
}

} // namespace Inkwell::Cli
