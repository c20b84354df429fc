#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace Inkwell {

class AccountClients;
class LjClient;

// Uploads a userpic for an account (uploadpic, REFERENCE.md 3.16): the file is checked first (GIF,
// PNG or JPEG, at most 40 KB and 100x100), so nothing too big is ever sent; then the picture goes
// out through the account's client (AccountClients). Several uploads may run at once.
class UserpicUpload : public QObject
{
    Q_OBJECT
public:
    explicit UserpicUpload(AccountClients& clients, QObject* parent = nullptr);
    ~UserpicUpload() override;

    // finished() follows, always once per upload.
    void upload(const QString& account, const QString& filePath, const QStringList& keywords,
                bool makeDefault);

signals:
    void finished(bool ok, const QString& message);

private:
    void send(std::shared_ptr<LjClient> client, const QByteArray& image, const QStringList& keywords,
              bool makeDefault);

    AccountClients& m_clients;
    QList<std::shared_ptr<LjClient>> m_sending; // one entry per upload on its way
};

} // namespace Inkwell
