#include "mainwindow/TrayIcon.h"

#include "friends/NewPostsWatcher.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace Inkwell {

TrayIcon::TrayIcon(NewPostsWatcher& watcher, QObject* parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(QApplication::windowIcon(), this))
{
    connect(&watcher, &NewPostsWatcher::newPosts, this, [this](const QString& account) {
        m_newPosts = account;
        update();
        m_tray->showMessage(tr("New posts"), tr("Your friends page on %1 has new posts.").arg(account),
                            QApplication::windowIcon());
    });
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit windowRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        m_newPosts.clear();
        update();
        emit newPostsOpened();
    });
    update();
    if (isAvailable())
        m_tray->show();
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::setSyncText(const QString& text)
{
    m_syncText = text;
    update();
}

QString TrayIcon::toolTip() const
{
    return m_tray->toolTip();
}

void TrayIcon::update()
{
    QStringList lines{QStringLiteral("Inkwell")};
    if (!m_syncText.isEmpty())
        lines << m_syncText;
    if (!m_newPosts.isEmpty())
        lines << tr("New posts on %1's friends page").arg(m_newPosts);
    m_tray->setToolTip(lines.join(u'\n'));
}

} // namespace Inkwell
