#include "BareFlatClient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QUrl>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

QByteArray md5Hex(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray formEncode(const QByteArray& value)
{
    return value.toPercentEncoding();
}

QByteArray oneSecondBefore(const QByteArray& time)
{
    QDateTime t =
        QDateTime::fromString(QString::fromLatin1(time.left(19)), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    t.setTimeSpec(Qt::UTC);
    return t.addSecs(-1).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toLatin1();
}

QByteArray value(const QHash<QByteArray, QByteArray>& reply, const QByteArray& key)
{
    return reply.value(key);
}

} // namespace

BareFlatClient::BareFlatClient(QString host, int port, QString user, QString password)
    : m_host(std::move(host))
    , m_port(port)
    , m_user(std::move(user))
    , m_password(std::move(password))
{}

BareFlatClient::~BareFlatClient()
{
    if (m_socket >= 0)
        ::close(m_socket);
}

bool BareFlatClient::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool BareFlatClient::connectToServer()
{
    m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_socket < 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    const int one = 1;
    ::setsockopt(m_socket, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(m_port));
    ::inet_pton(AF_INET, m_host.toLatin1().constData(), &address.sin_addr);
    if (::connect(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    return true;
}

bool BareFlatClient::sendAll(const QByteArray& data)
{
    qsizetype sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(m_socket, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return fail(QStringLiteral("send: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        sent += n;
    }
    return true;
}

bool BareFlatClient::readResponse(QByteArray* body)
{
    char chunk[65536];
    qsizetype headerEnd = -1;
    while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        const ssize_t n = ::recv(m_socket, chunk, sizeof chunk, 0);
        if (n <= 0)
            return fail(QStringLiteral("the server closed the connection"));
        m_buffer.append(chunk, n);
    }
    const QByteArray headers = m_buffer.left(headerEnd).toLower();
    if (!headers.startsWith("http/1.1 200"))
        return fail(QStringLiteral("HTTP: %1").arg(QString::fromLatin1(headers.left(headers.indexOf('\r')))));
    const qsizetype lengthAt = headers.indexOf("content-length:");
    if (lengthAt < 0)
        return fail(QStringLiteral("no Content-Length"));
    const qsizetype lineEnd = headers.indexOf('\r', lengthAt);
    const qsizetype length =
        headers.mid(lengthAt + 15, (lineEnd < 0 ? headers.size() : lineEnd) - lengthAt - 15)
            .trimmed()
            .toLongLong();
    const qsizetype total = headerEnd + 4 + length;
    while (m_buffer.size() < total) {
        const ssize_t n = ::recv(m_socket, chunk, sizeof chunk, 0);
        if (n <= 0)
            return fail(QStringLiteral("the server closed the connection"));
        m_buffer.append(chunk, n);
    }
    *body = m_buffer.mid(headerEnd + 4, length);
    m_buffer.remove(0, total);
    m_bytesReceived += total;
    return true;
}

bool BareFlatClient::call(const QByteArray& mode, const Fields& fields, Reply* reply, bool parse)
{
    QByteArray form = "mode=" + mode + "&ver=1&user=" + formEncode(m_user.toUtf8());
    for (const auto& [key, val] : fields)
        form += '&' + key + '=' + formEncode(val);
    QByteArray request = "POST /interface/flat HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':' +
                         QByteArray::number(m_port) +
                         "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                         QByteArray::number(form.size()) + "\r\n";
    if (!m_session.isEmpty() && mode != "getchallenge" && mode != "sessiongenerate")
        request += "X-LJ-Auth: cookie\r\nCookie: ljsession=" + m_session + "\r\n";
    request += "\r\n" + form;
    ++m_requests;
    QByteArray body;
    if (!sendAll(request) || !readResponse(&body))
        return false;
    if (!parse) {
        if (!body.startsWith("success\nOK\n") && !body.contains("\nsuccess\nOK\n"))
            return fail(QStringLiteral("%1 failed").arg(QString::fromLatin1(mode)));
        return true;
    }
    const QList<QByteArray> lines = body.split('\n');
    reply->clear();
    for (qsizetype i = 0; i + 1 < lines.size(); i += 2)
        reply->insert(lines.at(i), lines.at(i + 1));
    if (value(*reply, "success") != "OK")
        return fail(QStringLiteral("%1: %2").arg(QString::fromLatin1(mode),
                                                 QUrl::fromPercentEncoding(value(*reply, "errmsg"))));
    return true;
}

bool BareFlatClient::fullSync()
{
    if (m_socket < 0 && !connectToServer())
        return false;
    Reply reply;
    QElapsedTimer phase;
    phase.start();

    // Authentication: one challenge buys a session, as LjClient does with preferSession.
    if (!call("getchallenge", {}, &reply))
        return false;
    const QByteArray challenge = value(reply, "challenge");
    const QByteArray response = md5Hex(challenge + md5Hex(m_password.toUtf8()));
    if (!call("sessiongenerate",
              {{"auth_method", "challenge"},
               {"auth_challenge", challenge},
               {"auth_response", response},
               {"expiration", "long"}},
              &reply))
        return false;
    m_session = value(reply, "ljsession");
    const Fields cookie{{"auth_method", "cookie"}};

    // Enumerate: 500 a page, the next page one second before the last time of this one.
    QHash<qint64, QByteArray> pending; // itemid -> newest time
    QByteArray cursor;
    for (;;) {
        Fields fields = cookie;
        if (!cursor.isEmpty())
            fields.append(std::pair<QByteArray, QByteArray>("lastsync", cursor));
        if (!call("syncitems", fields, &reply))
            return false;
        const int count = value(reply, "sync_count").toInt();
        const int total = value(reply, "sync_total").toInt();
        QByteArray pageMax;
        bool allSame = true;
        for (int i = 1; i <= count; ++i) {
            const QByteArray n = QByteArray::number(i);
            const QByteArray item = value(reply, "sync_" + n + "_item");
            const QByteArray time = value(reply, "sync_" + n + "_time");
            if (item.startsWith("L-")) {
                QByteArray& known = pending[item.mid(2).toLongLong()];
                known = std::max(known, time);
            }
            if (!pageMax.isEmpty() && time != pageMax)
                allSame = false;
            pageMax = std::max(pageMax, time);
        }
        if (count == 0 || count >= total)
            break;
        QByteArray next = allSame ? pageMax : oneSecondBefore(pageMax);
        if (next <= cursor)
            next = pageMax;
        cursor = next;
    }

    m_enumerateSeconds = double(phase.nsecsElapsed()) / 1e9;
    phase.restart();

    // Fetch: pending ids by (time, itemid), 100 a call; the replies are read, not parsed.
    QList<std::pair<QByteArray, qint64>> order;
    order.reserve(pending.size());
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        order.append({it.value(), it.key()});
    std::sort(order.begin(), order.end());
    for (qsizetype at = 0; at < order.size(); at += 100) {
        QByteArray ids;
        for (qsizetype i = at; i < std::min(at + 100, order.size()); ++i) {
            if (i > at)
                ids += ',';
            ids += QByteArray::number(order.at(i).second);
        }
        Fields fields = cookie;
        fields.append(std::pair<QByteArray, QByteArray>("selecttype", "multiple"));
        fields.append(std::pair<QByteArray, QByteArray>("itemids", ids));
        fields.append(std::pair<QByteArray, QByteArray>("lineendings", "unix"));
        if (!call("getevents", fields, &reply, false))
            return false;
    }

    m_fetchSeconds = double(phase.nsecsElapsed()) / 1e9;
    phase.restart();

    // Deletions: the day counts (a fresh mirror matches them, so no day is read).
    const bool counted = call("getdaycounts", cookie, &reply, false);
    m_deletionsSeconds = double(phase.nsecsElapsed()) / 1e9;
    return counted;
}
