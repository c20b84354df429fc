#include "account/AccountRetries.h"

#include <QTimer>

#include <algorithm>

namespace Inkwell {

AccountRetries::AccountRetries(std::function<void(const QString&)> retry, QObject* parent)
    : QObject(parent)
    , m_retry(std::move(retry))
{}

void AccountRetries::setDelays(int firstMs, int maxMs)
{
    m_firstMs = firstMs;
    m_maxMs = std::max(firstMs, maxMs);
}

void AccountRetries::failed(const QString& account)
{
    QTimer*& timer = m_timers[account];
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, account] { m_retry(account); });
    }
    const int previous = m_delays.value(account, 0);
    const int delay = previous == 0 ? m_firstMs : std::min(previous * 2, m_maxMs);
    m_delays.insert(account, delay);
    timer->start(delay);
}

void AccountRetries::succeeded(const QString& account)
{
    m_delays.remove(account);
}

void AccountRetries::cancel(const QString& account)
{
    if (QTimer* timer = m_timers.value(account))
        timer->stop();
}

int AccountRetries::waitingDelay(const QString& account) const
{
    const QTimer* timer = m_timers.value(account);
    return timer && timer->isActive() ? m_delays.value(account, 0) : 0;
}

} // namespace Inkwell
