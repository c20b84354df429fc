#pragma once

#include <QObject>
#include <QUrl>

#include <functional>

namespace Inkwell {

class Transport;

struct PingResult
{
    bool ok = false;
    QString message; // the service's message, or what went wrong
};

// Tells a Weblogs.com-style ping server (XML-RPC weblogUpdates.ping, REFERENCE.md 7.3) that a
// journal has a new public post. Not part of the journal protocol: a courtesy after posting, so a
// failure is reported, never retried here.
class WeblogPinger : public QObject
{
    Q_OBJECT
public:
    explicit WeblogPinger(QObject* parent = nullptr);
    ~WeblogPinger() override;

    // `done` runs once with the outcome, unless `context` is gone by then.
    void ping(const QUrl& endpoint, const QString& weblogName, const QUrl& weblogUrl, QObject* context,
              std::function<void(const PingResult&)> done);

private:
    Transport* m_transport = nullptr;
};

} // namespace Inkwell
