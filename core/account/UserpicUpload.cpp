#include "account/UserpicUpload.h"

#include "account/AccountClients.h"
#include "protocol/LjClient.h"
#include "protocol/Userpics.h"

#include <QFile>
#include <QTimer>

#include <algorithm>

namespace Inkwell {

UserpicUpload::UserpicUpload(AccountClients& clients, QObject* parent)
    : QObject(parent)
    , m_clients(clients)
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
    m_clients.clientFor(
        account, {}, this,
        [this, image, keywords, makeDefault](std::shared_ptr<LjClient> client) {
            send(std::move(client), image, keywords, makeDefault);
        },
        [this](const QString& message) { emit finished(false, message); });
}

void UserpicUpload::send(std::shared_ptr<LjClient> client, const QByteArray& image,
                         const QStringList& keywords, bool makeDefault)
{
    LjClient* sending = client.get();
    m_sending.append(std::move(client)); // held until the upload's session has ended
    sending->call(QStringLiteral("uploadpic"), uploadPicRequest(image, keywords, makeDefault), this,
                  [this, sending](ProtocolCall& call) {
                      bool ok = call.succeeded();
                      QString text;
                      if (ok) {
                          const UploadedUserpic pic = uploadedUserpicFromReply(call.reply());
                          text = tr("Userpic uploaded (%1x%2).").arg(pic.size.width()).arg(pic.size.height());
                      } else {
                          text = call.error().toString();
                      }
                      // A session (cookie authentication) ends with the upload.
                      sending->endSession(this, [this, sending, ok, text] {
                          const auto held =
                              std::find_if(m_sending.begin(), m_sending.end(),
                                           [sending](const auto& c) { return c.get() == sending; });
                          if (held != m_sending.end())
                              m_sending.erase(held);
                          emit finished(ok, text);
                      });
                  });
}

} // namespace Inkwell
