#include "account/UserpicUpload.h"

#include "account/AccountStore.h"
#include "account/PasswordStore.h"
#include "protocol/LjClient.h"
#include "protocol/Userpics.h"
#include "store/Database.h"

#include <QFile>
#include <QTimer>

namespace Inkwell {

UserpicUpload::UserpicUpload(Database& database, PasswordStore& passwords, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_passwords(passwords)
{}

UserpicUpload::~UserpicUpload() = default;

void UserpicUpload::upload(const QString& account, const QString& filePath, const QStringList& keywords,
                           bool makeDefault)
{
    auto finishLater = [this](bool ok, const QString& message) {
        // Always after upload() returned, so callers connect first and get one answer.
        QTimer::singleShot(0, this, [this, ok, message] { emit finished(ok, message); });
    };
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        finishLater(false, tr("Cannot read %1: %2").arg(filePath, file.errorString()));
        return;
    }
    // Read one byte past the limit at most: a huge file is refused without loading it.
    const QByteArray image = file.read(maxUserpicBytes + 1);
    if (const QString problem = userpicProblem(image); !problem.isEmpty()) {
        finishLater(false, problem);
        return;
    }
    const std::optional<Account> found = AccountStore(m_database).find(account);
    if (!found) {
        finishLater(false, tr("There is no account named \"%1\".").arg(account));
        return;
    }
    const Account target = *found;
    m_passwords.readPassword(
        target.passwordKey(), this,
        [this, target, image, keywords, makeDefault](const PasswordResult& result) {
            if (result.status != PasswordStatus::Ok) {
                emit finished(false, result.message.isEmpty()
                                         ? tr("No password is saved for \"%1\".").arg(target.name)
                                         : result.message);
                return;
            }
            m_client = new LjClient(target, this);
            m_client->setPassword(result.password);
            m_client->call(
                QStringLiteral("uploadpic"), uploadPicRequest(image, keywords, makeDefault), this,
                [this](ProtocolCall& call) {
                    bool ok = call.succeeded();
                    QString text;
                    if (ok) {
                        const UploadedUserpic pic = uploadedUserpicFromReply(call.reply());
                        text = tr("Userpic uploaded (%1x%2).").arg(pic.size.width()).arg(pic.size.height());
                    } else {
                        text = call.error().toString();
                    }
                    // A session (cookie authentication) ends with the upload.
                    m_client->endSession(this, [this, ok, text] { emit finished(ok, text); });
                });
        });
}

} // namespace Inkwell
