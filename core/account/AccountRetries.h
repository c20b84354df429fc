#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace Inkwell {

// When a service that works per account (sending the outbox, updating the friends list) should
// try an account again after a temporary failure: after the first delay, then twice as long each
// time it fails again, up to the longest. One timer per account, owned here.
class AccountRetries : public QObject
{
    Q_OBJECT
public:
    // `retry` is called with the account's name when its delay is over.
    explicit AccountRetries(std::function<void(const QString& account)> retry, QObject* parent = nullptr);

    void setDelays(int firstMs, int maxMs);
    // The last try failed: try again after the next delay.
    void failed(const QString& account);
    // The last try got through: the next failure starts from the first delay again.
    void succeeded(const QString& account);
    // A try starts now: a retry that was waiting is not needed.
    void cancel(const QString& account);
    // The delay of the retry waiting for `account`, 0 when none is.
    int waitingDelay(const QString& account) const;

private:
    std::function<void(const QString&)> m_retry;
    QHash<QString, QTimer*> m_timers;
    QHash<QString, int> m_delays;
    int m_firstMs = 15000;
    int m_maxMs = 300000;
};

} // namespace Inkwell
