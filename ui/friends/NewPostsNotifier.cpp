#include "friends/NewPostsNotifier.h"

#include "friends/NewPostsWatcher.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

namespace Inkwell {

NewPostsNotifier::NewPostsNotifier(NewPostsWatcher& watcher, QObject* parent)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation), this);
    m_tray->setToolTip(tr("Inkwell"));
    connect(&watcher, &NewPostsWatcher::newPosts, this, [this](const QString& name) {
        m_tray->show();
        m_tray->showMessage(tr("New posts"), tr("Your friends page on %1 has new posts.").arg(name));
    });
}

} // namespace Inkwell
