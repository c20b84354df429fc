#pragma once

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QProcess>
#include <QStringList>

// Runs the real inkwell-cli (INKWELL_CLI_PATH) as a user or a script would: one process per
// command, a private --profile, optional standard input. Unless told otherwise the process gets a
// D-Bus address that leads nowhere, so it never reaches the keychain of whoever runs the tests.
class CliRunner
{
public:
    struct Run
    {
        int exitCode = -1; // -1: it did not finish in time (or crashed)
        QByteArray out;
        QByteArray err;

        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
        // For QVERIFY2 messages.
        QByteArray describe() const
        {
            return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out + "\nstderr: " + err;
        }
    };

    enum class Keychain { Unreachable, Inherited };

    explicit CliRunner(QString profile, Keychain keychain = Keychain::Unreachable)
        : m_profile(std::move(profile))
        , m_keychain(keychain)
    {}

    QString profile() const { return m_profile; }

    Run run(const QStringList& args, const QByteArray& input = {}) const
    {
        QProcess process;
        start(process, args, input);
        return wait(process);
    }

    // Starts the program without waiting for it (to watch its output, or to interrupt it).
    void start(QProcess& process, const QStringList& args, const QByteArray& input = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (m_keychain == Keychain::Unreachable)
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=/nonexistent/inkwell-no-bus"));
        for (const char* proxy : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"})
            env.remove(QLatin1String(proxy)); // the test server is on 127.0.0.1
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(INKWELL_CLI_PATH),
                      QStringList{QStringLiteral("--profile"), m_profile} + args);
        if (!process.waitForStarted(10000))
            return;
        if (!input.isNull())
            process.write(input);
        process.closeWriteChannel();
    }

    // Waits for a started program to end; output not read yet is in the result.
    static Run wait(QProcess& process, const QByteArray& outSoFar = {}, const QByteArray& errSoFar = {})
    {
        Run result;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished(5000);
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = outSoFar + process.readAllStandardOutput();
        result.err = errSoFar + process.readAllStandardError();
        return result;
    }

    // True if any file under the profile holds `bytes` (a password must never be written there).
    bool profileContains(const QByteArray& bytes) const
    {
        QDirIterator it(m_profile, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(bytes))
                return true;
        }
        return false;
    }

private:
    QString m_profile;
    Keychain m_keychain;
};
