#pragma once

#include <QObject>

class QSystemTrayIcon;

namespace Inkwell {

class NewPostsWatcher;

// Shows a tray message, with the application's icon, when a friends page has new posts
// (NewPostsWatcher), where the desktop has a tray; the main window's status bar says it too, from
// the watcher itself.
class NewPostsNotifier : public QObject
{
    Q_OBJECT
public:
    explicit NewPostsNotifier(NewPostsWatcher& watcher, QObject* parent = nullptr);

signals:
    // The user clicked the tray icon or its message: show the new posts.
    void opened();

private:
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace Inkwell
