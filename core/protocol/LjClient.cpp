#include "protocol/LjClient.h"

#include "protocol/BloggerCodec.h"
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

// Whether a reply's error is the protocol's answer (an errmsg, a fault), as opposed to a reply that
// never came from the protocol code: garbage, a cut body, or a page with status 200 from a proxy
// or captive portal before the server, which may have passed the request on.
bool answeredByProtocol(const ProtocolError& error)
{
    return error.code() != 0 || !error.serverText().isEmpty() || !error.faultCode().isEmpty();
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
    if (format == QLatin1String("blogger"))
        return BloggerCodec(QString(), BloggerCodec::PostIds::JournalAndItem).decodeResponse(body, mode);
    return ProtocolError::malformed(QStringLiteral("A kept reply is in an unknown format (%1).").arg(format),
                                    mode);
}

LjClient::LjClient(Account account, QObject* parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_flavor(m_account.flavor)
    , m_flat(std::make_unique<FlatCodec>())
    , m_xmlRpc(std::make_unique<XmlRpcCodec>())
    , m_blogger(m_account.interface == Interface::Blogger
                    ? std::make_unique<BloggerCodec>(BloggerCodec::forAccount(m_account))
                    : nullptr)
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

void LjClient::endSession(QObject* context, std::function<void()> done)
{
    if (m_session.isEmpty()) {
        QMetaObject::invokeMethod(context, std::move(done), Qt::QueuedConnection);
        return;
    }
    ProtocolValue request = ProtocolValue::emptyMap();
    request.insert(QStringLiteral("expire"), ProtocolValue(ProtocolValue::List{sessionIdOf(m_session)}));
    // `done` runs from the event loop in every case, so that it may delete this client.
    ProtocolCall* expire = call(QStringLiteral("sessionexpire"), request, context,
                                [this, context, done = std::move(done)](ProtocolCall&) {
                                    m_session.clear();
                                    QMetaObject::invokeMethod(context, done, Qt::QueuedConnection);
                                });
    expire->m_endsSession = true;
    // At the end of a run or on quitting: an unreachable server lets the session expire by itself.
    QTimer::singleShot(sessionEndTimeout, expire, &ProtocolCall::cancel);
}

void LjClient::cancelAll()
{
    QList<QPointer<ProtocolCall>> calls(m_queue.cbegin(), m_queue.cend());
    calls.append(m_current);
    for (const QPointer<ProtocolCall>& call : calls) {
        if (call && !call->m_endsSession)
            call->cancel();
    }
}

bool LjClient::usesSession() const
{
    if (m_blogger)
        return false;
    switch (m_account.authMethod) {
    case AuthMethod::Cookie:
        return true;
    case AuthMethod::Challenge:
        return m_preferSession;
    case AuthMethod::HPassword:
    case AuthMethod::Clear:
        return false;
    }
    return false;
}

const ProtocolCodec& LjClient::codecFor(const QString& mode) const
{
    if (m_blogger) // every call of such an account, the ones it cannot make fail there
        return *m_blogger;
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
    // Ended meanwhile (two ends queued): opening a session to end one would leave one open.
    if (call->m_endsSession && m_session.isEmpty()) {
        complete(call, {}, {}, false);
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
    if (usesSession() && !m_session.isEmpty()) {
        sendWithSession(call);
        return;
    }
    if (m_password.isEmpty()) {
        complete(call, {},
                 ProtocolError::transport(tr("No password is known for %1; enter it (or, on Dreamwidth, "
                                             "an API key) to connect.")
                                              .arg(m_account.name)),
                 false);
        return;
    }
    if (usesSession()) {
        sendWithSession(call);
        return;
    }
    ProtocolValue fields = baseFields(*call);
    if (m_blogger) { // the Blogger API's methods take the password itself, whatever else is set
        fields.insert(QStringLiteral("password"), m_password);
        send(call, std::move(fields), {});
        return;
    }
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
    post(getChallengeMode, ProtocolValue::emptyMap(), {}, owner, [done = std::move(done)](Outcome outcome) {
        const ProtocolResult<ProtocolValue>& result = outcome.result;
        if (!result) {
            done(result.error());
            return;
        }
        const QString challenge = result->member(QStringLiteral("challenge")).toText();
        // A c0 challenge is some 60 characters, c0:<stime>:<s_age>:<goodfor>:<random>:<md5 hex>
        // (REFERENCE.md 2.3); anything else is not one, would be sent back with every request it
        // authenticates, and the server would answer it as a wrong password (2.5).
        constexpr qsizetype longestChallenge = 256;
        static const QRegularExpression c0(QStringLiteral("^c0(?::\\d+){3}:[^:\\s]+:[0-9A-Fa-f]+$"));
        if (challenge.size() > longestChallenge || !c0.match(challenge).hasMatch() ||
            result->member(QStringLiteral("auth_scheme")).toText() != QLatin1String("c0")) {
            done(ProtocolError::malformed(tr("The server sent no usable challenge."), getChallengeMode));
            return;
        }
        done(challenge);
    });
}

void LjClient::sendWithChallenge(ProtocolCall* call)
{
    call->m_sentWithSession = false;
    fetchChallenge(call, [this, call](ProtocolResult<QString> challenge) {
        if (!challenge) {
            authenticationFailed(call, challenge.error());
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
        call->m_sentWithSession = true;
        // The header guards against cross-site form posts (REFERENCE.md 2.4); ljsession needs no
        // companion cookie.
        send(call, std::move(fields),
             {{QByteArrayLiteral("X-LJ-Auth"), QByteArrayLiteral("cookie")},
              {QByteArrayLiteral("Cookie"), QByteArrayLiteral("ljsession=") + m_session.toUtf8()}});
        return;
    }
    fetchChallenge(call, [this, call](ProtocolResult<QString> challenge) {
        if (!challenge) {
            authenticationFailed(call, challenge.error());
            return;
        }
        ProtocolValue fields = ProtocolValue::emptyMap();
        fields.insert(QStringLiteral("username"), canonicalUsername(m_account.username));
        fields.insert(QStringLiteral("auth_method"), QStringLiteral("challenge"));
        fields.insert(QStringLiteral("auth_challenge"), challenge.value());
        fields.insert(QStringLiteral("auth_response"), challengeResponse(challenge.value(), m_password));
        // Short (REFERENCE.md 2.4): a session serves one run and is ended with it.
        fields.insert(QStringLiteral("expiration"), QStringLiteral("short"));
        post(QStringLiteral("sessiongenerate"), fields, {}, call, [this, call](Outcome outcome) {
            if (!outcome.result) {
                authenticationFailed(call, outcome.result.error());
                return;
            }
            m_session = outcome.result->member(QStringLiteral("ljsession")).toText();
            if (m_session.isEmpty()) {
                authenticationFailed(call, ProtocolError::malformed(tr("The server sent an empty session."),
                                                                    QStringLiteral("sessiongenerate")));
                return;
            }
            sendWithSession(call);
        });
    });
}

void LjClient::send(ProtocolCall* call, ProtocolValue fields, const Headers& headers)
{
    post(call->mode(), fields, headers, call,
         [this, call](Outcome outcome) { handleReply(call, std::move(outcome)); });
}

void LjClient::post(const QString& mode, const ProtocolValue& fields, const Headers& headers,
                    ProtocolCall* owner, std::function<void(Outcome)> done)
{
    if (owner->isCancelled()) {
        done({cancelledError(mode)});
        return;
    }
    const ProtocolCodec& codec = codecFor(mode);
    ProtocolResult<QByteArray> body = codec.encodeRequest(mode, fields);
    if (!body) {
        done({body.error()});
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
    // A second copy of a post may be a second entry, and of a challenge a wrong password.
    const bool resendable = isIdempotentMode(mode) && !fields.contains(QStringLiteral("auth_challenge"));
    TransportCall* transportCall =
        m_transport->post(request, body.value(), resendable ? Resend::Allowed : Resend::Never);
    connect(owner, &ProtocolCall::cancelRequested, transportCall, &TransportCall::abort);
    if (mode == owner->mode())
        connect(transportCall, &TransportCall::sent, owner, &ProtocolCall::requestSent);
    const QString format = &codec == m_flat.get()      ? QStringLiteral("flat")
                           : &codec == m_blogger.get() ? QStringLiteral("blogger")
                                                       : QStringLiteral("xmlrpc");
    connect(transportCall, &TransportCall::finished, this,
            [&codec, mode, fields, format, owner = QPointer<ProtocolCall>(owner),
             done = std::move(done)](const TransportResult& result) {
                if (result.error) {
                    ProtocolError error = *result.error;
                    error.setMode(mode);
                    done({error, result.outcomeUnknown, result.unanswered});
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
                    decoded = codec.decodeReply(result.body, mode, fields);
                else if (ProtocolError error = codec.replyError(result.body, mode); !error.isNull())
                    decoded = std::move(error);
                // A reply we cannot read, or that is not the protocol's, may still stand for work
                // the server did.
                const bool unknown = !decoded && !answeredByProtocol(decoded.error());
                done({std::move(decoded), unknown});
            });
}

void LjClient::handleReply(ProtocolCall* call, Outcome outcome)
{
    if (outcome.result) {
        if (call->mode() == QLatin1String("login") && call->request().contains(QStringLiteral("getcaps"))) {
            const bool dreamwidth = outcome.result->contains(QStringLiteral("caps"));
            setFlavor(dreamwidth ? Flavor::Dreamwidth : Flavor::LiveJournal);
        }
        complete(call, std::move(outcome.result).value(), {}, false);
        return;
    }
    ProtocolError error = outcome.result.error();
    if (call->isCancelled()) {
        complete(call, {}, cancelledError(call->mode()), outcome.unknown);
        return;
    }
    if (error.code() == 101 && call->m_sentWithSession)
        error.setSessionRefused(true);
    // Ending a session the server no longer has is done; renewing it to end it would leave one.
    if (call->mode() == QLatin1String("sessionexpire")) {
        complete(call, {}, error, outcome.unknown);
        return;
    }
    // An expired session or challenge is renewed once (REFERENCE.md 5, client guidance); a plain
    // wrong password is not retried, as each failure counts towards the 402 lockout.
    if ((error.isSessionRefused() || error.code() == 105) && !call->m_authRetried) {
        call->m_authRetried = true;
        m_session.clear();
        authenticateAndSend(call);
        return;
    }
    // What the HTTP layer would have done for a stale keep-alive connection, done here with a new
    // challenge (a read only: the server acting on it twice changes nothing).
    if (outcome.unanswered && call->isIdempotent() && !call->m_resentUnanswered) {
        call->m_resentUnanswered = true;
        perform(call);
        return;
    }
    retryOrComplete(call, error, call->isIdempotent(), outcome.unknown);
}

void LjClient::authenticationFailed(ProtocolCall* call, ProtocolError error)
{
    if (call->isCancelled()) {
        complete(call, {}, cancelledError(call->mode()), false);
        return;
    }
    // The call itself never went out, so its outcome is known whatever it is; and a reply to
    // getchallenge or sessiongenerate that cannot be read says the server (or a proxy before it)
    // is in trouble now, not that the call was refused: temporary, like a 500 there.
    if (error.category() == ProtocolError::Category::Malformed)
        error = ProtocolError::serverFailure(error.message(), error.mode());
    retryOrComplete(call, error, true, false);
}

void LjClient::retryOrComplete(ProtocolCall* call, const ProtocolError& error, bool repeatable, bool unknown)
{
    if (m_retryPolicy.shouldRetry(error, repeatable, unknown, call->m_retries)) {
        const auto delay = m_retryPolicy.delays.at(call->m_retries);
        ++call->m_retries;
        QTimer::singleShot(delay, call, [this, call] { perform(call); });
        return;
    }
    complete(call, {}, error, unknown);
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
