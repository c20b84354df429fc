#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Inkwell {

// Fetches what the views show from other sites (an entry's images and stylesheets once the user
// allowed them, the editor's userpic), so that widgets never talk to the network themselves: GET
// only, redirects only as safe as the request (never from https to http), a transfer timeout, and
// a size cap past which the download is abandoned. Nothing is cached unless the caller asks
// (Keep::OnDisk: userpics, shown offline too); otherwise callers keep what they got.
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
    enum class Keep {
        No,
        OnDisk, // kept in keepDirectory() once fetched, and read from there ever after
    };

    // Fetches `url` and calls `done` once with the body, or with std::nullopt on any failure
    // (network, HTTP error status, a limit); never if `context` was destroyed before the end.
    // Always asynchronous, even when the body is kept on disk.
    void fetch(const QUrl& url, Limits limits, QObject* context, Done done, Keep keep = Keep::No);

    // Where Keep::OnDisk bodies go (the profile's); without one, nothing is kept.
    void setKeepDirectory(const QString& directory) { m_keepDirectory = directory; }
    QString keepDirectory() const { return m_keepDirectory; }

private:
    QString keptFile(const QUrl& url) const;

    QNetworkAccessManager* m_network;
    QString m_keepDirectory;
};

} // namespace Inkwell
