#include "protocol/Transport.h"

#include "journal/Account.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QTimer>

#include <cstring>

namespace Inkwell {

namespace {

// A request body that can be read once: it cannot be rewound, so Qt's HTTP layer gives up with
// ContentReSendError where it would otherwise send the request again (see Resend::Never).
class SingleUseBody : public QIODevice
{
public:
    SingleUseBody(QByteArray body, QObject* parent)
        : QIODevice(parent)
        , m_body(std::move(body))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_body.size() - m_read + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 count = std::min(maxSize, qint64(m_body.size()) - m_read);
        std::memcpy(data, m_body.constData() + m_read, size_t(count));
        m_read += count;
        return count;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_body;
    qint64 m_read = 0;
};

} // namespace

std::optional<QNetworkProxy> proxyFromUrl(const QString& text)
{
    const std::optional<QUrl> url = proxyUrlFromText(text);
    if (!url)
        return std::nullopt;
    const QNetworkProxy::ProxyType type =
        url->scheme() == QLatin1String("socks5") ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy;
    return QNetworkProxy(type, url->host(), quint16(url->port()), url->userName(), url->password());
}

Transport::Transport(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_userAgent(QByteArrayLiteral("Inkwell/" INKWELL_VERSION))
{
    setProxy(std::nullopt);
    // Protocol endpoints never redirect legitimately; following one would turn a POST into a GET.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void Transport::setProxy(const std::optional<QNetworkProxy>& proxy)
{
    if (proxy) {
        m_network->setProxy(*proxy);
    } else {
        m_network->setProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
        QNetworkProxyFactory::setUseSystemConfiguration(true);
    }
}

TransportCall* Transport::post(QNetworkRequest request, const QByteArray& body, Resend resend)
{
    request.setTransferTimeout(int(m_timeout.count()));
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    QNetworkReply* reply = nullptr;
    if (resend == Resend::Never) {
        // Unbuffered, so the only copy of the body is the device, which cannot be rewound.
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        auto* device = new SingleUseBody(body, nullptr);
        reply = m_network->post(request, device);
        device->setParent(reply);
    } else {
        reply = m_network->post(request, body);
    }
    return new TransportCall(reply, m_maxReplyBytes, m_totalTimeout, this);
}

TransportCall::TransportCall(QNetworkReply* reply, qint64 maxReplyBytes,
                             std::chrono::milliseconds totalTimeout, QObject* parent)
    : QObject(parent)
    , m_reply(reply)
    , m_maxReplyBytes(maxReplyBytes)
    , m_totalTimeout(totalTimeout)
{
    reply->setParent(this);
    // Qt reads ahead of us only this far: the cap below then bounds the memory a huge reply takes,
    // instead of what the network thread buffered meanwhile.
    reply->setReadBufferSize(1024 * 1024);
    connect(reply, &QNetworkReply::metaDataChanged, this, &TransportCall::onMetaData);
    QTimer::singleShot(totalTimeout, this, &TransportCall::giveUp);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 bytes, qint64 total) {
        if (total >= 0 && bytes == total)
            markSent();
    });
    connect(reply, &QNetworkReply::requestSent, this, &TransportCall::markSent);
    connect(reply, &QNetworkReply::readyRead, this, &TransportCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &TransportCall::onFinished);
}

void TransportCall::markSent()
{
    if (m_requestSent)
        return;
    m_requestSent = true;
    emit sent();
}

void TransportCall::abort()
{
    if (m_reply && m_reply->isRunning()) {
        m_abortedByCaller = true;
        m_reply->abort();
    }
}

void TransportCall::onMetaData()
{
    // A reply that says up front it is too large is not read at all.
    bool known = false;
    const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
    if (known && length > m_maxReplyBytes && !m_tooLarge) {
        m_tooLarge = true;
        m_reply->abort();
    }
}

void TransportCall::giveUp()
{
    if (m_reply && m_reply->isRunning()) {
        m_tookTooLong = true;
        m_reply->abort();
    }
}

void TransportCall::onReadyRead()
{
    markSent(); // a reply is arriving, so the whole request went out
    if (m_tooLarge || !m_reply)
        return;
    const QByteArray chunk = m_reply->readAll();
    if (m_body.size() + chunk.size() > m_maxReplyBytes) {
        m_tooLarge = true;
        m_body.clear();
        m_body.squeeze();
        m_reply->abort();
        return;
    }
    m_body.append(chunk);
}

void TransportCall::onFinished()
{
    if (!m_reply)
        return;
    if (!m_tooLarge && m_reply->bytesAvailable() > 0)
        onReadyRead();

    TransportResult result;
    result.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString url = m_reply->url().toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    const QNetworkReply::NetworkError networkError = m_reply->error();

    if (m_tooLarge) {
        result.error = ProtocolError::transport(
            tr("The server's reply was larger than %1 MB and was abandoned.").arg(m_maxReplyBytes >> 20));
        // The server answered, so it had the whole request: a post or edit may have been stored.
        // Sending it again blindly would make a second copy; the outbox asks first.
        result.outcomeUnknown = true;
    } else if (m_tookTooLong) {
        result.error = ProtocolError::transport(
            tr("The server had not finished its answer after %1 s (%2), so it was given up.")
                .arg(m_totalTimeout.count() / 1000)
                .arg(url));
        result.outcomeUnknown = m_requestSent;
    } else if (m_abortedByCaller) {
        result.error = ProtocolError::transport(QStringLiteral("Cancelled."));
        result.outcomeUnknown = m_requestSent;
    } else if (result.httpStatus >= 300) {
        // A status outside 2xx means the protocol code did not answer (the protocol itself always
        // answers 200); with a 5xx the server may still have done the work before failing.
        result.error = ProtocolError::transport(
            tr("The server answered HTTP %1 %2 for %3.")
                .arg(result.httpStatus)
                .arg(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), url),
            result.httpStatus);
        result.outcomeUnknown = result.httpStatus >= 500;
        result.body = m_body;
    } else if (networkError != QNetworkReply::NoError) {
        // Qt gives up re-sending only a request it had sent.
        if (networkError == QNetworkReply::ContentReSendError)
            m_requestSent = true;
        QString what;
        switch (networkError) {
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            what = tr("The server did not answer in time (%1).").arg(url);
            break;
        case QNetworkReply::ContentReSendError:
        case QNetworkReply::RemoteHostClosedError:
            result.unanswered = m_requestSent && m_body.isEmpty() && result.httpStatus == 0;
            if (result.httpStatus != 0) {
                what = tr("The server's reply was cut short (%1).").arg(url);
                break;
            }
            what = m_requestSent ? tr("The server closed the connection before it answered (%1).").arg(url)
                                 : tr("Could not reach the server (%1): %2").arg(url, m_reply->errorString());
            break;
        case QNetworkReply::UnknownContentError:
        case QNetworkReply::ProtocolFailure:
            // e.g. a compressed reply that unpacks to far more than it could be (Qt's safety check)
            what = tr("The server's reply could not be read (%1): %2").arg(url, m_reply->errorString());
            break;
        case QNetworkReply::SslHandshakeFailedError:
            what = tr("The server's certificate could not be verified (%1): %2")
                       .arg(url, m_reply->errorString());
            break;
        default:
            what = tr("Could not reach the server (%1): %2").arg(url, m_reply->errorString());
            break;
        }
        result.error = ProtocolError::transport(what, result.httpStatus);
        // Refused or unresolvable connections never carried the request; anything after the
        // request was sent leaves its outcome open.
        result.outcomeUnknown = m_requestSent && networkError != QNetworkReply::ConnectionRefusedError &&
                                networkError != QNetworkReply::HostNotFoundError;
    } else {
        result.body = std::move(m_body);
    }
    emit finished(result);
    deleteLater();
}

} // namespace Inkwell
