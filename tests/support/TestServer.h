#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// Runs the local journal server (tests/server/ljserver.py) on 127.0.0.1 with a port the OS picks,
// for the lifetime of the object. Its control API (tests/server/README.md) injects faults, drives
// the server clock and reports per-mode request counts.
class TestServer
{
public:
    TestServer() = default;
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    // Starts `ljserver.py <args>` and waits for its "listening on" line. Returns false (and fills
    // errorString()) if it does not come up within a few seconds.
    bool start(const QStringList& args = {});
    void stop();

    QUrl baseUrl() const { return m_baseUrl; }
    QUrl flatUrl() const;
    QUrl xmlrpcUrl() const;
    QString errorString() const { return m_error; }

    // The control API; each call blocks until the server answers (tests only).
    QJsonObject control(const QByteArray& method, const QString& path, const QJsonObject& body = {});
    int requestCount(const QString& mode);
    int totalRequests();
    // Sessions open on the server now (sessiongenerate'd, not expired); -1 if it cannot tell.
    int liveSessions();

private:
    QProcess m_process;
    QUrl m_baseUrl;
    QString m_error;
};
