#include "friends/NewPostsNotifier.h"

#include "friends/NewPostsWatcher.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace Inkwell {

NewPostsNotifier::NewPostsNotifier(NewPostsWatcher& watcher, QObject* parent)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(tr("Inkwell"));
    connect(&watcher, &NewPostsWatcher::newPosts, this, [this](const QString& name) {
        m_tray->setToolTip(tr("Inkwell: new posts on %1").arg(name));
        m_tray->show();
        m_tray->showMessage(tr("New posts"), tr("Your friends page on %1 has new posts.").arg(name),
                            QApplication::windowIcon());
    });
    // A click on the icon or on its message opens what it announced.
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit opened();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &NewPostsNotifier::opened);
}

} // namespace Inkwell
