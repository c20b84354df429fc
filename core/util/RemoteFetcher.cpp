#include "util/RemoteFetcher.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <memory>

namespace Inkwell {

RemoteFetcher::RemoteFetcher(QObject* parent)
    : RemoteFetcher(nullptr, parent)
{}

RemoteFetcher::RemoteFetcher(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
{}

RemoteFetcher::~RemoteFetcher() = default;

void RemoteFetcher::fetch(const QUrl& url, Limits limits, QObject* context, Done done)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(limits.timeoutMs);
    QNetworkReply* reply = m_network->get(request);
    const qint64 maxBytes = limits.maxBytes;
    // Not every reply says it was aborted (data: URLs finish without an error), so the fetcher
    // remembers it gave up.
    auto abandoned = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, maxBytes, abandoned](qint64 received, qint64) {
                if (received > maxBytes) {
                    *abandoned = true;
                    reply->abort();
                }
            });
    connect(reply, &QNetworkReply::finished, this,
            [reply, maxBytes, abandoned, context = QPointer<QObject>(context), done = std::move(done)] {
                reply->deleteLater();
                if (!context)
                    return;
                if (*abandoned || reply->error() != QNetworkReply::NoError)
                    done(std::nullopt);
                else
                    done(reply->read(maxBytes));
            });
}

} // namespace Inkwell
