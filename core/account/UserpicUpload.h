#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Inkwell {

class Database;
class LjClient;
class PasswordStore;

// Uploads a userpic for an account (uploadpic, REFERENCE.md 3.16): the file is checked first (GIF,
// PNG or JPEG, at most 40 KB and 100x100), so nothing too big is ever sent; then the account's
// password comes from the PasswordStore and the picture goes out.
class UserpicUpload : public QObject
{
    Q_OBJECT
public:
    UserpicUpload(Database& database, PasswordStore& passwords, QObject* parent = nullptr);
    ~UserpicUpload() override;

    // finished() follows, always once.
    void upload(const QString& account, const QString& filePath, const QStringList& keywords,
                bool makeDefault);

signals:
    void finished(bool ok, const QString& message);

private:
    Database& m_database;
    PasswordStore& m_passwords;
    QPointer<LjClient> m_client;
};

} // namespace Inkwell
