#pragma once

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Inkwell {

// Fetches what the views show from other sites (an entry's images and stylesheets once the user
// allowed them, the editor's userpic), so that widgets never talk to the network themselves: GET
// only, redirects only as safe as the request (never from https to http), a transfer timeout, and
// a size cap past which the download is abandoned. Nothing is cached: callers keep what they got.
class RemoteFetcher : public QObject
{
    Q_OBJECT
public:
    explicit RemoteFetcher(QObject* parent = nullptr);
    // Fetches through `network` (tests give one that records and answers locally). Not owned.
    explicit RemoteFetcher(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~RemoteFetcher() override;

    struct Limits
    {
        qint64 maxBytes = 0; // a reply larger than this is abandoned: a failure
        int timeoutMs = 0;   // no byte for this long: a failure
    };
    using Done = std::function<void(const std::optional<QByteArray>& body)>;

    // Fetches `url` and calls `done` once with the body, or with std::nullopt on any failure
    // (network, HTTP error status, a limit); never if `context` was destroyed before the end.
    void fetch(const QUrl& url, Limits limits, QObject* context, Done done);

private:
    QNetworkAccessManager* m_network;
};

} // namespace Inkwell
