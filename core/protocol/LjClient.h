#pragma once

#include "journal/Account.h"
#include "protocol/ProtocolCall.h"
#include "protocol/ProtocolResult.h"
#include "protocol/RetryPolicy.h"

#include <QObject>
#include <QPointer>
#include <QQueue>

#include <chrono>
#include <functional>
#include <memory>

namespace Inkwell {

class BloggerCodec;
class FlatCodec;
class ProtocolCodec;
class Transport;
struct TransportResult;
class XmlRpcCodec;

// The asynchronous client for one account: callers name a mode and give an XML-RPC-shaped request
// (protocol/ProtocolValue.h); the client picks the interface, authenticates, sends, retries what
// may be retried, and finishes the returned ProtocolCall with the decoded reply or a ProtocolError.
//
// Calls are sent one after another, in the order made (REFERENCE.md 8.2: "keep requests
// sequential"; it also keeps one session generation from racing another).
//
// Authentication (REFERENCE.md 2): Challenge fetches a fresh, single-use challenge before every
// request, unless preferSession is on, in which case one challenge buys a short session
// (sessiongenerate) and later requests send its cookie: two round trips for a whole sync instead
// of one per request. Cookie always works that way. HPassword and Clear send the secret with every
// request and are used only when the user picks them. The secret (on Dreamwidth: an API key) is
// held in memory only and never logged.
//
// A session is the caller's to end: endSession() when its work is done, on every path, so that
// none is left open on the server. The session cookie goes out in a Cookie header of its own,
// whatever cookies the server sets (see Transport).
//
// Nothing that changes the server, and nothing that carries a single-use challenge, is sent twice
// by the HTTP layer (Resend::Never): a post whose reply is lost fails with outcomeUnknown() for the
// outbox to look up; a read that met a closed connection is sent again once, with a new challenge.
class LjClient : public QObject
{
    Q_OBJECT
public:
    explicit LjClient(Account account, QObject* parent = nullptr);
    ~LjClient() override;

    const Account& account() const { return m_account; }
    void setPassword(const QString& password) { m_password = password; }
    bool hasPassword() const { return !m_password.isEmpty(); }

    Transport& transport() { return *m_transport; }
    void setRetryPolicy(const RetryPolicy& policy) { m_retryPolicy = policy; }
    void setPreferSession(bool prefer) { m_preferSession = prefer; }
    void setClientVersion(const QString& version) { m_clientVersion = version; }

    // The flavour learnt from login (Dreamwidth answers `caps`) or configured on the account.
    Flavor flavor() const { return m_flavor; }
    void setFlavor(Flavor flavor);

    // Sends `mode`. The username, `ver`, and the authentication fields are added here; `request`
    // holds only the mode's own fields. The call belongs to the client.
    ProtocolCall* call(const QString& mode, const ProtocolValue& request = ProtocolValue::emptyMap());
    // As call(), and runs `done` with the finished call (while it is still alive), unless `context`
    // is destroyed first.
    ProtocolCall* call(const QString& mode, const ProtocolValue& request, QObject* context,
                       std::function<void(ProtocolCall&)> done);

    // Ends the current session on the server (sessionexpire, one attempt, at most
    // `sessionEndTimeout`), if there is one, then runs `done` from the event loop (unless `context`
    // is gone), so `done` may delete the client. The session is forgotten whatever the server
    // answers.
    void endSession(QObject* context, std::function<void()> done);
    bool hasSession() const { return !m_session.isEmpty(); }
    // Cancels the call in flight and every queued one (not those that end the session), e.g. when
    // the user interrupts: each finishes with a cancellation error, one in flight with its outcome
    // unknown.
    void cancelAll();

    // HTTP requests sent so far (authentication and retries included), for request accounting.
    int requestsSent() const { return m_requestsSent; }

    static constexpr std::chrono::seconds sessionEndTimeout{5};

signals:
    void requestSent(const QString& mode);
    void flavorChanged(Inkwell::Flavor flavor);

private:
    void startNext();
    void perform(ProtocolCall* call);
    void authenticateAndSend(ProtocolCall* call);
    void sendWithChallenge(ProtocolCall* call);
    void sendWithSession(ProtocolCall* call);
    void send(ProtocolCall* call, ProtocolValue fields,
              const QList<std::pair<QByteArray, QByteArray>>& headers);
    // What a request's transport failure or reply comes to, for the callbacks of post().
    struct Outcome
    {
        ProtocolResult<ProtocolValue> result;
        bool unknown = false;    // the server may have acted on it (see ProtocolCall::outcomeUnknown)
        bool unanswered = false; // the connection closed before any byte of a reply
    };
    void post(const QString& mode, const ProtocolValue& fields,
              const QList<std::pair<QByteArray, QByteArray>>& headers, ProtocolCall* owner,
              std::function<void(Outcome)> done);
    void fetchChallenge(ProtocolCall* owner, std::function<void(ProtocolResult<QString>)> done);
    void handleReply(ProtocolCall* call, Outcome outcome);
    // getchallenge or sessiongenerate failed for `call`, which was not sent: retried as the retry
    // policy allows for a request that may be repeated.
    void authenticationFailed(ProtocolCall* call, ProtocolError error);
    // Tries `call` again after the policy's next delay, or finishes it with `error`.
    void retryOrComplete(ProtocolCall* call, const ProtocolError& error, bool repeatable, bool unknown);
    void complete(ProtocolCall* call, ProtocolValue reply, ProtocolError error, bool outcomeUnknown);
    ProtocolValue baseFields(const ProtocolCall& call) const;
    const ProtocolCodec& codecFor(const QString& mode) const;
    bool usesSession() const;

    Account m_account;
    QString m_password;
    Flavor m_flavor;
    std::unique_ptr<FlatCodec> m_flat;
    std::unique_ptr<XmlRpcCodec> m_xmlRpc;
    std::unique_ptr<BloggerCodec> m_blogger; // only for an account on the Blogger API
    Transport* m_transport;
    RetryPolicy m_retryPolicy;
    bool m_preferSession = false;
    QString m_clientVersion;
    QString m_session; // ljsession cookie value; memory only

    QQueue<QPointer<ProtocolCall>> m_queue;
    QPointer<ProtocolCall> m_current;
    int m_requestsSent = 0;
};

// auth_response for challenge/response: md5_hex(challenge . md5_hex(secret)) (REFERENCE.md 2.3).
QString challengeResponse(const QString& challenge, const QString& secret);
// Decodes a reply body kept from ProtocolCall::replyBody() with its replyFormat().
ProtocolResult<ProtocolValue> decodeReplyBody(const QString& format, const QByteArray& body,
                                              const QString& mode);
QString md5Hex(const QString& text);

} // namespace Inkwell
