#include "protocol/WeblogPinger.h"

#include "protocol/Transport.h"
#include "protocol/XmlRpcCodec.h"

#include <QNetworkRequest>
#include <QPointer>

namespace Inkwell {

WeblogPinger::WeblogPinger(QObject* parent)
    : QObject(parent)
    , m_transport(new Transport(this))
{
    m_transport->setTimeout(std::chrono::seconds(10)); // as LiveJournal's own pinger
}

WeblogPinger::~WeblogPinger() = default;

void WeblogPinger::ping(const QUrl& endpoint, const QString& weblogName, const QUrl& weblogUrl,
                        QObject* context, std::function<void(const PingResult&)> done)
{
    const QString method = QStringLiteral("weblogUpdates.ping");
    const auto body =
        XmlRpcCodec::encodeCall(method, {ProtocolValue(weblogName), ProtocolValue(weblogUrl.toString())});
    if (!body) {
        done({false, body.error().toString()});
        return;
    }
    QNetworkRequest request(endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/xml"));
    TransportCall* call = m_transport->post(request, body.value());
    QPointer<QObject> guard(context);
    connect(call, &TransportCall::finished, this,
            [guard, method, done = std::move(done)](const TransportResult& result) {
                if (!guard)
                    return;
                if (result.error) {
                    done({false, result.error->toString()});
                    return;
                }
                const auto reply = XmlRpcCodec().decodeResponse(result.body, method);
                if (!reply) {
                    done({false, reply.error().toString()});
                    return;
                }
                const ProtocolValue& value = reply.value();
                const QString flerror = value.member(u"flerror").toText();
                PingResult outcome;
                outcome.ok =
                    value.isStruct() && (flerror == QLatin1String("0") || flerror.isEmpty() ||
                                         flerror.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0);
                outcome.message = value.member(u"message").toText();
                done(outcome);
            });
}

} // namespace Inkwell
