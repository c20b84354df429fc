#include "protocol/LjClient.h"

#include "protocol/FlatCodec.h"
#include "protocol/Transport.h"
#include "protocol/XmlRpcCodec.h"

#include <QCryptographicHash>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

namespace Inkwell {

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

const QString getChallengeMode = QStringLiteral("getchallenge");

ProtocolError cancelledError(const QString& mode)
{
    return ProtocolError::transport(QStringLiteral("Cancelled."), 0, mode);
}

// The session id that sessionexpire takes is the number after "s" in the cookie value
// `v1:u<userid>:s<sessid>:a<auth>...` (REFERENCE.md 2.4, 9.4).
QString sessionIdOf(const QString& cookie)
{
    static const QRegularExpression pattern(QStringLiteral(":s(\\d+)(?::|$)"));
    const auto match = pattern.match(cookie);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

QString md5Hex(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
}

QString challengeResponse(const QString& challenge, const QString& secret)
{
    return md5Hex(challenge + md5Hex(secret));
}

ProtocolResult<ProtocolValue> decodeReplyBody(const QString& format, const QByteArray& body,
                                              const QString& mode)
{
    if (format == QLatin1String("flat"))
        return FlatCodec().decodeResponse(body, mode);
    if (format == QLatin1String("xmlrpc"))
        return XmlRpcCodec().decodeResponse(body, mode);
    return ProtocolError::malformed(QStringLiteral("A kept reply is in an unknown format (%1).").arg(format),
                                    mode);
}

LjClient::LjClient(Account account, QObject* parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_flavor(m_account.flavor)
    , m_flat(std::make_unique<FlatCodec>())
    , m_xmlRpc(std::make_unique<XmlRpcCodec>())
    , m_transport(new Transport(this))
    , m_clientVersion(QStringLiteral("Linux-Inkwell/" INKWELL_VERSION))
{
    // The account's own proxy, if it names one; otherwise the system's settings.
    m_transport->setProxy(proxyFromUrl(m_account.proxy));
}

LjClient::~LjClient() = default;

void LjClient::setFlavor(Flavor flavor)
{
    if (flavor == m_flavor)
        return;
    m_flavor = flavor;
    emit flavorChanged(flavor);
}

ProtocolCall* LjClient::call(const QString& mode, const ProtocolValue& request)
{
    auto* call = new ProtocolCall(mode, request.isNil() ? ProtocolValue::emptyMap() : request,
                                  isIdempotentMode(mode), this);
    connect(call, &ProtocolCall::cancelRequested, this, [this, call] {
        if (call != m_current) {
            m_queue.removeAll(QPointer<ProtocolCall>(call));
            call->finish({}, cancelledError(call->mode()), false);
        }
        // The current call is aborted through its transport request (connected in post()) or,
        // while it waits for a retry, when the retry timer fires.
    });
    m_queue.enqueue(call);
    // Start from the event loop, so the caller can connect to the call before anything happens.
    QMetaObject::invokeMethod(this, &LjClient::startNext, Qt::QueuedConnection);
    return call;
}

ProtocolCall* LjClient::call(const QString& mode, const ProtocolValue& request, QObject* context,
                             std::function<void(ProtocolCall&)> done)
{
    ProtocolCall* protocolCall = call(mode, request);
    connect(protocolCall, &ProtocolCall::finished, context,
            [protocolCall, done = std::move(done)] { done(*protocolCall); });
    return protocolCall;
}

ProtocolCall* LjClient::endSession()
{
    if (m_session.isEmpty())
        return nullptr;
    ProtocolValue request = ProtocolValue::emptyMap();
    request.insert(QStringLiteral("expire"), ProtocolValue(ProtocolValue::List{sessionIdOf(m_session)}));
    return call(QStringLiteral("sessionexpire"), request, this, [this](ProtocolCall&) {
        m_session.clear();
        emit sessionChanged(m_session);
    });
}

bool LjClient::usesSession(const ProtocolCall& call) const
{
    switch (m_account.authMethod) {
    case AuthMethod::Cookie:
        return true;
    case AuthMethod::Challenge:
        return m_preferSession || !call.isIdempotent();
    case AuthMethod::HPassword:
    case AuthMethod::Clear:
        return false;
    }
    return false;
}

const ProtocolCodec& LjClient::codecFor(const QString& mode) const
{
    if (isFlatOnlyMode(mode))
        return *m_flat;
    if (m_account.interface == Interface::XmlRpc || isXmlRpcOnlyMode(mode))
        return *m_xmlRpc;
    return *m_flat;
}

void LjClient::startNext()
{
    if (m_current)
        return;
    while (!m_queue.isEmpty()) {
        QPointer<ProtocolCall> next = m_queue.dequeue();
        if (next && !next->isFinished()) {
            m_current = next;
            perform(next);
            return;
        }
    }
}

void LjClient::perform(ProtocolCall* call)
{
    if (call->isCancelled()) {
        complete(call, {}, cancelledError(call->mode()), false);
        return;
    }
    if (call->mode() == getChallengeMode) {
        send(call, call->request(), {});
        return;
    }
    authenticateAndSend(call);
}

ProtocolValue LjClient::baseFields(const ProtocolCall& call) const
{
    ProtocolValue fields = call.request();
    fields.insert(QStringLiteral("username"), canonicalUsername(m_account.username));
    if (call.mode() == QLatin1String("login") && !fields.contains(QStringLiteral("clientversion")))
        fields.insert(QStringLiteral("clientversion"), m_clientVersion);
    return fields;
}

void LjClient::authenticateAndSend(ProtocolCall* call)
{
    if (usesSession(*call) && !m_session.isEmpty()) {
        sendWithSession(call);
        return;
    }
    if (m_password.isEmpty()) {
        complete(call, {},
                 ProtocolError::transport(
                     QStringLiteral("No password is known for %1; enter it (or, on Dreamwidth, "
                                    "an API key) to connect.")
                         .arg(m_account.name)),
                 false);
        return;
    }
    if (usesSession(*call)) {
        sendWithSession(call);
        return;
    }
    ProtocolValue fields = baseFields(*call);
    switch (m_account.authMethod) {
    case AuthMethod::Challenge:
    case AuthMethod::Cookie:
        sendWithChallenge(call);
        return;
    case AuthMethod::HPassword:
        fields.insert(QStringLiteral("auth_method"), QStringLiteral("clear"));
        fields.insert(QStringLiteral("hpassword"), md5Hex(m_password));
        break;
    case AuthMethod::Clear:
        fields.insert(QStringLiteral("auth_method"), QStringLiteral("clear"));
        fields.insert(QStringLiteral("password"), m_password);
        break;
    }
    send(call, std::move(fields), {});
}

void LjClient::fetchChallenge(ProtocolCall* owner, std::function<void(ProtocolResult<QString>)> done)
{
    post(getChallengeMode, ProtocolValue::emptyMap(), {}, owner,
         [done = std::move(done)](ProtocolResult<ProtocolValue> result, bool) {
             if (!result) {
                 done(result.error());
                 return;
             }
             const QString challenge = result->member(QStringLiteral("challenge")).toText();
             if (challenge.isEmpty() ||
                 result->member(QStringLiteral("auth_scheme")).toText() != QLatin1String("c0")) {
                 done(ProtocolError::malformed(QStringLiteral("The server sent no usable challenge."),
                                               getChallengeMode));
                 return;
             }
             done(challenge);
         });
}

void LjClient::sendWithChallenge(ProtocolCall* call)
{
    fetchChallenge(call, [this, call](ProtocolResult<QString> challenge) {
        if (!challenge) {
            complete(call, {}, challenge.error(), false);
            return;
        }
        ProtocolValue fields = baseFields(*call);
        fields.insert(QStringLiteral("auth_method"), QStringLiteral("challenge"));
        fields.insert(QStringLiteral("auth_challenge"), challenge.value());
        fields.insert(QStringLiteral("auth_response"), challengeResponse(challenge.value(), m_password));
        send(call, std::move(fields), {});
    });
}

void LjClient::sendWithSession(ProtocolCall* call)
{
    if (!m_session.isEmpty()) {
        ProtocolValue fields = baseFields(*call);
        fields.insert(QStringLiteral("auth_method"), QStringLiteral("cookie"));
        // The header guards against cross-site form posts (REFERENCE.md 2.4); ljsession needs no
        // companion cookie.
        send(call, std::move(fields),
             {{QByteArrayLiteral("X-LJ-Auth"), QByteArrayLiteral("cookie")},
              {QByteArrayLiteral("Cookie"), QByteArrayLiteral("ljsession=") + m_session.toUtf8()}});
        return;
    }
    fetchChallenge(call, [this, call](ProtocolResult<QString> challenge) {
        if (!challenge) {
            complete(call, {}, challenge.error(), false);
            return;
        }
        ProtocolValue fields = ProtocolValue::emptyMap();
        fields.insert(QStringLiteral("username"), canonicalUsername(m_account.username));
        fields.insert(QStringLiteral("auth_method"), QStringLiteral("challenge"));
        fields.insert(QStringLiteral("auth_challenge"), challenge.value());
        fields.insert(QStringLiteral("auth_response"), challengeResponse(challenge.value(), m_password));
        // Long (60 days, REFERENCE.md 2.4): callers keep the session between runs.
        fields.insert(QStringLiteral("expiration"), QStringLiteral("long"));
        post(QStringLiteral("sessiongenerate"), fields, {}, call,
             [this, call](ProtocolResult<ProtocolValue> result, bool) {
                 if (!result) {
                     complete(call, {}, result.error(), false);
                     return;
                 }
                 m_session = result->member(QStringLiteral("ljsession")).toText();
                 emit sessionChanged(m_session);
                 if (m_session.isEmpty()) {
                     complete(call, {},
                              ProtocolError::malformed(QStringLiteral("The server sent an empty session."),
                                                       QStringLiteral("sessiongenerate")),
                              false);
                     return;
                 }
                 sendWithSession(call);
             });
    });
}

void LjClient::send(ProtocolCall* call, ProtocolValue fields, const Headers& headers)
{
    post(call->mode(), fields, headers, call,
         [this, call](ProtocolResult<ProtocolValue> result, bool unknown) {
             handleReply(call, std::move(result), unknown);
         });
}

void LjClient::post(const QString& mode, const ProtocolValue& fields, const Headers& headers,
                    ProtocolCall* owner,
                    std::function<void(ProtocolResult<ProtocolValue>, bool outcomeUnknown)> done)
{
    if (owner->isCancelled()) {
        done(cancelledError(mode), false);
        return;
    }
    const ProtocolCodec& codec = codecFor(mode);
    ProtocolResult<QByteArray> body = codec.encodeRequest(mode, fields);
    if (!body) {
        done(body.error(), false);
        return;
    }
    QUrl url = normalizedServerUrl(m_account.serverUrl);
    url.setPath(url.path() + codec.endpointPath());
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, codec.contentType());
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);

    ++m_requestsSent;
    ++owner->m_requestCount;
    emit requestSent(mode);
    TransportCall* transportCall = m_transport->post(request, body.value());
    connect(owner, &ProtocolCall::cancelRequested, transportCall, &TransportCall::abort);
    if (mode == owner->mode())
        connect(transportCall, &TransportCall::sent, owner, &ProtocolCall::requestSent);
    const QString format = &codec == m_flat.get() ? QStringLiteral("flat") : QStringLiteral("xmlrpc");
    connect(transportCall, &TransportCall::finished, this,
            [&codec, mode, format, owner = QPointer<ProtocolCall>(owner),
             done = std::move(done)](const TransportResult& result) {
                if (result.error) {
                    ProtocolError error = *result.error;
                    error.setMode(mode);
                    done(error, result.outcomeUnknown);
                    return;
                }
                if (owner) {
                    owner->m_replyBody = result.body;
                    owner->m_replyFormat = format;
                }
                // A call that decodes later gets only the reply's outcome (ProtocolCall::setDecodeLater).
                const bool later = owner && owner->decodesLater() && mode == owner->mode();
                ProtocolResult<ProtocolValue> decoded = ProtocolValue();
                if (!later)
                    decoded = codec.decodeResponse(result.body, mode);
                else if (ProtocolError error = codec.replyError(result.body, mode); !error.isNull())
                    decoded = std::move(error);
                // A reply we cannot read may still stand for work the server did.
                const bool unknown =
                    !decoded && decoded.error().category() == ProtocolError::Category::Malformed;
                done(std::move(decoded), unknown);
            });
}

void LjClient::handleReply(ProtocolCall* call, ProtocolResult<ProtocolValue> result, bool outcomeUnknown)
{
    if (result) {
        if (call->mode() == QLatin1String("login") && call->request().contains(QStringLiteral("getcaps")))
            setFlavor(result->contains(QStringLiteral("caps")) ? Flavor::Dreamwidth : Flavor::LiveJournal);
        complete(call, std::move(result).value(), {}, false);
        return;
    }
    const ProtocolError& error = result.error();
    if (call->isCancelled()) {
        complete(call, {}, cancelledError(call->mode()), outcomeUnknown);
        return;
    }
    // An expired session or challenge is renewed once (REFERENCE.md 5, client guidance); a plain
    // wrong password is not retried, as each failure counts towards the 402 lockout.
    const bool sessionRejected = error.code() == 101 && usesSession(*call) && !m_session.isEmpty();
    if ((sessionRejected || error.code() == 105) && !call->m_authRetried) {
        call->m_authRetried = true;
        m_session.clear();
        authenticateAndSend(call);
        return;
    }
    if (m_retryPolicy.shouldRetry(error, call->isIdempotent(), outcomeUnknown, call->m_retries)) {
        const auto delay = m_retryPolicy.delays.at(call->m_retries);
        ++call->m_retries;
        QTimer::singleShot(delay, call, [this, call] { perform(call); });
        return;
    }
    complete(call, {}, error, outcomeUnknown);
}

void LjClient::complete(ProtocolCall* call, ProtocolValue reply, ProtocolError error, bool outcomeUnknown)
{
    call->finish(std::move(reply), std::move(error), outcomeUnknown);
    if (call == m_current) {
        m_current = nullptr;
        QMetaObject::invokeMethod(this, &LjClient::startNext, Qt::QueuedConnection);
    }
}

} // namespace Inkwell
