#include "app/DemoServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace Inkwell {

DemoServer::DemoServer(QString script, QString dataDirectory, QObject* parent)
    : QObject(parent)
    , m_script(std::move(script))
    , m_dataDirectory(std::move(dataDirectory))
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoServer::readOutput);
#ifdef Q_OS_LINUX
    // Should Inkwell die without stopping it (a crash, a kill), the server goes with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit failed(tr("The demo needs Python 3 (python3), which could not be started: %1")
                            .arg(m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code) {
        if (!m_ready)
            emit failed(tr("The demo journal's server stopped at once (exit %1): %2")
                            .arg(code)
                            .arg(QString::fromUtf8(m_process.readAllStandardError()).trimmed()));
    });
}

DemoServer::~DemoServer()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(2000))
        m_process.kill();
    m_process.waitForFinished(1000);
}

void DemoServer::start()
{
    if (m_script.isEmpty() || !QFileInfo(m_script).isFile()) {
        emit failed(tr("The demo journal's server is not installed (ljserver.py)."));
        return;
    }
    // The port 0 lets the system pick a free one; the server says which on its first line.
    m_process.start(QStringLiteral("python3"),
                    {m_script, QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--seed"),
                     QStringLiteral("demo"), QStringLiteral("--db"),
                     QDir(m_dataDirectory).filePath(QStringLiteral("demo-server.sqlite"))});
}

void DemoServer::readOutput()
{
    m_output += m_process.readAllStandardOutput();
    if (m_ready)
        return;
    static const QRegularExpression listening(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)$"),
                                              QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_output));
    if (!match.hasMatch())
        return;
    m_ready = true;
    emit ready(QUrl(match.captured(1)));
}

QString DemoServer::locateScript()
{
    const QString name = QStringLiteral("ljserver.py");
    QStringList candidates;
    if (const QString given = qEnvironmentVariable("INKWELL_DEMO_SERVER"); !given.isEmpty())
        candidates << given;
    candidates << QDir(QCoreApplication::applicationDirPath())
                      .filePath(QStringLiteral("../share/inkwell/server/") + name);
    candidates << QString::fromUtf8(INKWELL_SOURCE_SERVER_DIR "/") + name;
    for (const QString& candidate : std::as_const(candidates)) {
        if (QFileInfo(candidate).isFile())
            return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

Account DemoServer::account(const QUrl& url)
{
    Account account;
    account.name = QStringLiteral("demo");
    account.serverUrl = url;
    account.username = QStringLiteral("demo");
    account.flavor = Flavor::Dreamwidth;
    return account;
}

} // namespace Inkwell
