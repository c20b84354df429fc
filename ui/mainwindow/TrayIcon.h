#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace Inkwell {

class NewPostsWatcher;

// The notification-area icon, where the desktop has one: its tooltip says how syncing goes (the
// status bar's words), a click brings the window back (it may be hidden in the tray), and friends'
// new posts arrive as its messages.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(NewPostsWatcher& watcher, QObject* parent = nullptr);

    // Whether the desktop shows tray icons now: only then may the window hide in it.
    static bool isAvailable();

    // The tooltip: "Inkwell", the sync state, the newest friends' posts.
    void setSyncText(const QString& text);
    QString toolTip() const;

signals:
    // A click on the icon.
    void windowRequested();
    // A click on a new-posts message.
    void newPostsOpened();

private:
    void update();

    QSystemTrayIcon* m_tray;
    QString m_syncText;
    QString m_newPosts; // the account whose friends posted last, until the user looked
};

} // namespace Inkwell
