#pragma once

#include <QObject>

namespace Inkwell {

// Whether the machine is on a network at all, as the system's network manager tells Qt
// (QNetworkInformation). Without a backend that can tell (no NetworkManager, a test's session),
// it is always online: the server's answer is the judge then. Only "disconnected" counts as
// offline: a server on the local network (or on this machine) is reachable without the internet.
class NetworkReachability : public QObject
{
    Q_OBJECT
public:
    // Online until told otherwise: by the system once watchSystem() is called, or by setOnline().
    explicit NetworkReachability(QObject* parent = nullptr);

    // Follows QNetworkInformation from now on; false when no backend can tell reachability.
    bool watchSystem();
    bool isOnline() const { return m_online; }
    void setOnline(bool online);

signals:
    void onlineChanged(bool online);

private:
    bool m_online = true;
};

} // namespace Inkwell
