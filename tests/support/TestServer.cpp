#include "TestServer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start(const QStringList& args)
{
    const QString python = qEnvironmentVariable("INKWELL_PYTHON", QStringLiteral("/usr/bin/python3"));
    const QString script = qEnvironmentVariable("INKWELL_TEST_SERVER");
    if (script.isEmpty()) {
        m_error = QStringLiteral("INKWELL_TEST_SERVER is not set (run the test through ctest)");
        return false;
    }
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(python,
                    QStringList{QStringLiteral("-u"), script, QStringLiteral("--port"), QStringLiteral("0")} +
                        args);
    if (!m_process.waitForStarted(5000)) {
        m_error = m_process.errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    QByteArray firstLine;
    while (!m_process.canReadLine() && timer.elapsed() < 30000) {
        if (!m_process.waitForReadyRead(200) && m_process.state() != QProcess::Running)
            break;
    }
    firstLine = m_process.readLine().trimmed();
    static const QRegularExpression listening(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)$"));
    const auto match = listening.match(QString::fromUtf8(firstLine));
    if (!match.hasMatch()) {
        m_error = QStringLiteral("server did not start: %1 %2")
                      .arg(QString::fromUtf8(firstLine), QString::fromUtf8(m_process.readAllStandardError()));
        stop();
        return false;
    }
    m_baseUrl = QUrl(match.captured(1));
    return true;
}

void TestServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

QUrl TestServer::flatUrl() const
{
    return m_baseUrl.resolved(QUrl(QStringLiteral("/interface/flat")));
}

QUrl TestServer::xmlrpcUrl() const
{
    return m_baseUrl.resolved(QUrl(QStringLiteral("/interface/xmlrpc")));
}

QJsonObject TestServer::control(const QByteArray& method, const QString& path, const QJsonObject& body)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(m_baseUrl.resolved(QUrl(QStringLiteral("/__control/") + path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply =
        manager.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    // Qt 6.4's JSON parser drops a raw U+FEFF at the start of a string value; the server writes
    // UTF-8 (ensure_ascii=False), so escape it first. A raw BOM can only occur inside strings.
    QByteArray json = reply->readAll();
    json.replace("\xEF\xBB\xBF", "\\ufeff");
    const QJsonObject result = QJsonDocument::fromJson(json).object();
    reply->deleteLater();
    return result;
}

int TestServer::requestCount(const QString& mode)
{
    return control("GET", QStringLiteral("stats"))
        .value(QStringLiteral("modes"))
        .toObject()
        .value(mode)
        .toInt();
}

int TestServer::totalRequests()
{
    return control("GET", QStringLiteral("stats")).value(QStringLiteral("total")).toInt();
}

int TestServer::liveSessions()
{
    return control("GET", QStringLiteral("sessions")).value(QStringLiteral("count")).toInt(-1);
}
