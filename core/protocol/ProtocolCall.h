#pragma once

#include "protocol/ProtocolError.h"
#include "protocol/ProtocolValue.h"

#include <QObject>

namespace Inkwell {

// One protocol mode call made through LjClient: the request, and once finished() has been
// emitted, the reply or the error. Owned by the client; it deletes itself after finished().
class ProtocolCall : public QObject
{
    Q_OBJECT
public:
    ProtocolCall(QString mode, ProtocolValue request, bool idempotent, QObject* parent);

    QString mode() const { return m_mode; }
    const ProtocolValue& request() const { return m_request; }
    bool isIdempotent() const { return m_idempotent; }

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && m_error.isNull(); }
    const ProtocolValue& reply() const { return m_reply; }
    // The last reply's body as it came, and how to read it again ("flat" or "xmlrpc", see
    // decodeReplyBody() in LjClient.h): for a caller that keeps a reply to decode it later.
    const QByteArray& replyBody() const { return m_replyBody; }
    const QString& replyFormat() const { return m_replyFormat; }
    const ProtocolError& error() const { return m_error; }

    // Set before the call is sent: a reply that reports success is not decoded (reply() stays
    // nil); the caller decodes replyBody() itself, when it suits it, with decodeReplyBody(). The
    // reply's outcome is still known (ProtocolCodec::replyError), so errors, retries and session
    // renewal work as usual. For a caller that acts on a reply before reading it: the sync
    // engine keeps a getevents reply and sends its next request first.
    void setDecodeLater(bool later) { m_decodeLater = later; }
    bool decodesLater() const { return m_decodeLater; }
    // The call may have been carried out by the server although no reply said so (see
    // TransportResult::outcomeUnknown). Only meaningful when it failed.
    bool outcomeUnknown() const { return m_outcomeUnknown; }
    // HTTP requests this call cost, authentication round trips and retries included.
    int requestCount() const { return m_requestCount; }

    // Stops the call; finished() follows with a cancellation error.
    void cancel();
    bool isCancelled() const { return m_cancelled; }

signals:
    // The request of this call's mode is on the wire (authentication round trips do not count);
    // a retry sends it, and emits this, again.
    void requestSent();
    void finished();
    void cancelRequested();

private:
    friend class LjClient;
    void finish(ProtocolValue reply, ProtocolError error, bool outcomeUnknown);

    QString m_mode;
    ProtocolValue m_request;
    bool m_idempotent;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_outcomeUnknown = false;
    ProtocolValue m_reply;
    QByteArray m_replyBody;
    QString m_replyFormat;
    ProtocolError m_error;
    int m_requestCount = 0;
    int m_retries = 0;
    bool m_authRetried = false;
    bool m_resentUnanswered = false; // a read sent again once after its connection closed unanswered
    bool m_sentWithSession = false;  // the last attempt carried the session cookie
    bool m_endsSession = false;      // LjClient::endSession's: never opens a session of its own
    bool m_decodeLater = false;
};

} // namespace Inkwell
