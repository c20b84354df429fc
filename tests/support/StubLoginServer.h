#pragma once

#include <QHostAddress>
#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

// A few lines of HTTP on 127.0.0.1 that answer the flat interface's getchallenge and login with a
// fixed reply. The local journal server never sends login's `message` (REFERENCE.md 3.2: unvalidated
// email, read-only account...), so the tests that show it use this instead.
class StubLoginServer
{
public:
    explicit StubLoginServer(QMap<QByteArray, QByteArray> loginReply)
        : m_loginReply(std::move(loginReply))
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
        });
    }

    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    void serve(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        const QByteArray body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);

        QMap<QByteArray, QByteArray> reply{{"success", "OK"}};
        if (body.contains("mode=getchallenge")) {
            reply.insert("challenge", "c0:1:1:60:stub:0");
            reply.insert("auth_scheme", "c0");
            reply.insert("server_time", "1");
            reply.insert("expire_time", "61");
        } else {
            reply.insert(m_loginReply);
        }
        QByteArray text;
        for (auto it = reply.cbegin(); it != reply.cend(); ++it)
            text += it.key() + '\n' + it.value() + '\n';
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: " +
                      QByteArray::number(text.size()) + "\r\n\r\n" + text);
    }

    QMap<QByteArray, QByteArray> m_loginReply;
    QTcpServer m_server;
    QMap<QTcpSocket*, QByteArray> m_buffers;
};
