#include "friends/UpdatePoller.h"

#include "account/LoginRunner.h"
#include "protocol/LjClient.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace Inkwell {

UpdatePoller::UpdatePoller(LjClient& client, QString account, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_account(std::move(account))
    , m_timer(new QTimer(this))
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_now = [elapsed] {
        return elapsed->elapsed();
    };
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &UpdatePoller::pollIfDue);
}

UpdatePoller::~UpdatePoller() = default;

void UpdatePoller::start()
{
    m_running = true;
    pollIfDue();
}

void UpdatePoller::stop()
{
    m_running = false;
    m_timer->stop();
}

void UpdatePoller::acknowledge()
{
    m_new = false;
    if (m_running)
        pollIfDue();
}

qint64 UpdatePoller::intervalMs() const
{
    return qint64(std::max(m_serverSeconds, m_minimumSeconds)) * 1000;
}

qint64 UpdatePoller::msUntilDue() const
{
    if (m_lastSentMs < 0)
        return 0;
    return std::max<qint64>(0, m_lastSentMs + intervalMs() - m_now());
}

void UpdatePoller::pollIfDue()
{
    if (!m_running || m_inFlight || m_new)
        return;
    if (msUntilDue() > 0) {
        arm();
        return;
    }
    poll();
}

void UpdatePoller::arm()
{
    if (m_running && !m_new)
        m_timer->start(int(std::min<qint64>(msUntilDue(), std::numeric_limits<int>::max())));
}

void UpdatePoller::poll()
{
    m_inFlight = true;
    m_lastSentMs = m_now();
    const bool dreamwidth = m_useCheckForUpdates || m_client.flavor() == Flavor::Dreamwidth ||
                            looksLikeDreamwidth(m_client.account());
    ProtocolValue request = ProtocolValue::emptyMap();
    request.insert(QStringLiteral("lastupdate"), m_lastUpdate);
    const QString mode = dreamwidth ? QStringLiteral("checkforupdates") : QStringLiteral("checkfriends");
    m_client.call(mode, request, this, [this, dreamwidth](ProtocolCall& call) {
        m_inFlight = false;
        if (!call.succeeded()) {
            // DW retired checkfriends (REFERENCE.md 3.9): switch and ask again at once, since the
            // 504 carried no interval and cached nothing.
            if (!dreamwidth && call.error().code() == 504) {
                m_useCheckForUpdates = true;
                m_lastSentMs = -1;
                pollIfDue();
                return;
            }
        }
        // Polls are minutes apart: a session (cookie authentication) is not kept open between them.
        m_client.endSession(this, [] {});
        if (!call.succeeded()) {
            emit pollFailed(m_account, call.error().message());
            arm(); // the last interval (or our floor) still holds
            return;
        }
        const ProtocolValue& reply = call.reply();
        bool ok = false;
        const qint64 interval = reply.member(QStringLiteral("interval")).toInt(&ok);
        if (ok)
            m_serverSeconds = int(std::clamp<qint64>(interval, 0, 7 * 24 * 3600));
        const QString lastUpdate = reply.member(QStringLiteral("lastupdate")).toText();
        if (!lastUpdate.isEmpty())
            m_lastUpdate = lastUpdate;
        const bool isNew = reply.member(QStringLiteral("new")).toBool();
        emit polled(m_account, isNew, m_serverSeconds);
        if (isNew) {
            m_new = true;
            emit newPostsAvailable(m_account);
            return;
        }
        arm();
    });
}

} // namespace Inkwell
