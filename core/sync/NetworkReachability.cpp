#include "sync/NetworkReachability.h"

#include <QNetworkInformation>

namespace Inkwell {

namespace {

bool reachable(QNetworkInformation::Reachability reachability)
{
    return reachability != QNetworkInformation::Reachability::Disconnected;
}

} // namespace

NetworkReachability::NetworkReachability(QObject* parent)
    : QObject(parent)
{}

bool NetworkReachability::watchSystem()
{
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return false;
    QNetworkInformation* information = QNetworkInformation::instance();
    connect(information, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) { setOnline(reachable(reachability)); });
    setOnline(reachable(information->reachability()));
    return true;
}

void NetworkReachability::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

} // namespace Inkwell
