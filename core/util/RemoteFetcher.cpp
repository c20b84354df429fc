#include "util/RemoteFetcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

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

QString RemoteFetcher::keptFile(const QUrl& url) const
{
    const QByteArray name = QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha1).toHex();
    return QDir(m_keepDirectory).filePath(QString::fromLatin1(name));
}

void RemoteFetcher::fetch(const QUrl& url, Limits limits, QObject* context, Done done, Keep keep)
{
    if (keep == Keep::OnDisk && !m_keepDirectory.isEmpty()) {
        const QString file = keptFile(url);
        QFile kept(file);
        if (kept.open(QIODevice::ReadOnly)) {
            QTimer::singleShot(0, context, [done = std::move(done), body = kept.readAll()] { done(body); });
            return;
        }
        // Kept once it arrived whole; a failed write only means it is fetched again next time.
        done = [file, directory = m_keepDirectory,
                done = std::move(done)](const std::optional<QByteArray>& body) {
            if (body && QDir().mkpath(directory)) {
                QSaveFile save(file);
                if (save.open(QIODevice::WriteOnly) && save.write(*body) == body->size())
                    save.commit();
            }
            done(body);
        };
    }
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
