#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace Inkwell {

class ProfileServices;

// Edit → Preferences: the profile's settings in one place. Each takes effect when OK is pressed,
// without a restart, and is kept in the profile's settings.ini:
//   syncing by itself and how often (SyncScheduler), watching friends pages for new posts
//   (NewPostsWatcher), and the Weblogs.com-style server pinged after public posts.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(ProfileServices& services, QWidget* parent = nullptr);

    QComboBox* syncIntervalBox() const { return m_interval; }
    QCheckBox* newPostsBox() const { return m_newPosts; }
    QLineEdit* pingServerEdit() const { return m_ping; }
    QCheckBox* closeToTrayBox() const { return m_closeToTray; }

    // The window's own preference, which the window keeps: shown as `current`, offered only where
    // the desktop has a tray.
    void setCloseToTray(bool current, bool trayAvailable);
    bool closeToTray() const;

    // Applies what the dialog shows; false (the dialog stays open, the reason shown) when a value
    // cannot be used.
    bool apply();

    void accept() override;

private:
    ProfileServices& m_services;
    QComboBox* m_interval = nullptr;
    QCheckBox* m_newPosts = nullptr;
    QLineEdit* m_ping = nullptr;
    QCheckBox* m_closeToTray = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace Inkwell
