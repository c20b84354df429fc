#pragma once

#include "protocol/ProtocolError.h"

#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Inkwell {

// What came back for one HTTP POST.
struct TransportResult
{
    int httpStatus = 0;
    QByteArray body;
    // Set when no usable reply arrived (connection, TLS, timeout, size cap, HTTP error status).
    std::optional<ProtocolError> error;
    // The request may have reached the server and been acted on, but no reply says what happened
    // (connection dropped or timed out after the request was sent, or a 5xx page). Callers of
    // non-idempotent modes must find out from the server before sending again.
    bool outcomeUnknown = false;
    // The connection closed after the request went out and before any byte of a reply.
    bool unanswered = false;
};

class TransportCall;

// The proxy an account's `proxy` names (proxyUrlFromText, journal/Account.h); std::nullopt for the
// system's settings or a bad URL.
std::optional<QNetworkProxy> proxyFromUrl(const QString& url);

// Whether the HTTP layer may send a request again by itself. Qt's (6.4) re-sends a POST whose
// connection closed before the first byte of the reply, on a fresh connection as on a reused one,
// and says nothing: right for a stale keep-alive connection the server never read from, wrong for
// a post the server took before the connection dropped (a duplicate entry) and for a single-use
// challenge (the copy is refused as a wrong password).
enum class Resend {
    Allowed,
    // The body can be read once only, so Qt cannot send it again: such a failure ends the request
    // with its outcome unknown, and the caller decides (look the post up, fetch a new challenge).
    Never,
};

// HTTP for the protocol: one QNetworkAccessManager (connection reuse), an inactivity timeout, a cap
// on reply size, the system's or the user's proxy, and certificate checking that is never switched
// off (TLS errors end the request). Cookies are the caller's alone: the manager's cookie jar neither
// adds nor keeps any, because servers set cookies on every reply (Dreamwidth's ljuniq), and a jar
// that supplies the Cookie header drops the session cookie the caller set.
class Transport : public QObject
{
    Q_OBJECT
public:
    explicit Transport(QObject* parent = nullptr);

    // Longest silence on a request before it is given up.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // Longest a request may take in all: a server that trickles a byte now and then never falls
    // silent, yet never finishes either.
    void setTotalTimeout(std::chrono::milliseconds timeout) { m_totalTimeout = timeout; }
    std::chrono::milliseconds totalTimeout() const { return m_totalTimeout; }
    // Replies larger than this are abandoned with an error instead of filling memory.
    void setMaxReplyBytes(qint64 bytes) { m_maxReplyBytes = bytes; }
    qint64 maxReplyBytes() const { return m_maxReplyBytes; }
    // Without a proxy set, the system's configuration (http_proxy etc.) is used.
    void setProxy(const std::optional<QNetworkProxy>& proxy);
    void setUserAgent(const QByteArray& userAgent) { m_userAgent = userAgent; }

    // Sends `body` to `request`'s URL. The call is owned by the transport and deletes itself after
    // emitting finished().
    TransportCall* post(QNetworkRequest request, const QByteArray& body, Resend resend = Resend::Allowed);

private:
    QNetworkAccessManager* m_network;
    std::chrono::milliseconds m_timeout{60000};
    std::chrono::milliseconds m_totalTimeout{std::chrono::minutes(5)};
    qint64 m_maxReplyBytes = 64 * 1024 * 1024;
    QByteArray m_userAgent;
};

// One POST in flight.
class TransportCall : public QObject
{
    Q_OBJECT
public:
    TransportCall(QNetworkReply* reply, qint64 maxReplyBytes, std::chrono::milliseconds totalTimeout,
                  QObject* parent);
    void abort();

signals:
    // The whole request has been written to the connection (once); the reply may take a while.
    void sent();
    void finished(const Inkwell::TransportResult& result);

private:
    void markSent();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void giveUp(); // the total time ran out

    QPointer<QNetworkReply> m_reply;
    qint64 m_maxReplyBytes;
    QByteArray m_body;
    bool m_requestSent = false;
    bool m_tooLarge = false;
    bool m_abortedByCaller = false;
    bool m_tookTooLong = false;
    std::chrono::milliseconds m_totalTimeout;
};

} // namespace Inkwell
