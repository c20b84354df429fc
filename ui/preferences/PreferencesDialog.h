#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace Inkwell {

class DesktopSettings;
class ProfileServices;

// File → Preferences: the profile's settings in one place. Each takes effect when OK is pressed,
// without a restart (the interface language: from the next start), and is kept in the profile's
// settings.ini: syncing by itself and how often (SyncScheduler), watching friends pages for new
// posts (NewPostsWatcher), the Weblogs.com-style server pinged after public posts, the proxy of the
// accounts that name none, and the desktop program's own (DesktopSettings).
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    PreferencesDialog(ProfileServices& services, DesktopSettings& settings, QWidget* parent = nullptr);

    QComboBox* syncIntervalBox() const { return m_interval; }
    QCheckBox* newPostsBox() const { return m_newPosts; }
    QLineEdit* pingServerEdit() const { return m_ping; }
    QLineEdit* proxyEdit() const { return m_proxy; }
    QCheckBox* closeToTrayBox() const { return m_closeToTray; }
    QCheckBox* startMinimisedBox() const { return m_startMinimised; }
    QCheckBox* remoteImagesBox() const { return m_remoteImages; }
    QComboBox* spellingBox() const { return m_spelling; }
    QComboBox* languageBox() const { return m_language; }

    // Offers closing to the tray only where the desktop has one.
    void setTrayAvailable(bool available);

    // Applies what the dialog shows; false (the dialog stays open, the reason shown) when a value
    // cannot be used.
    bool apply();

    void accept() override;

private:
    // The dialog's groups, top to bottom, each filled from the settings it shows.
    QGroupBox* syncingGroup();
    QGroupBox* noticesGroup();
    QGroupBox* readingGroup();
    QGroupBox* writingGroup();
    QGroupBox* networkGroup();
    QGroupBox* languageGroup();

    ProfileServices& m_services;
    DesktopSettings& m_settings;
    QComboBox* m_interval = nullptr;
    QCheckBox* m_newPosts = nullptr;
    QLineEdit* m_ping = nullptr;
    QLineEdit* m_proxy = nullptr;
    QCheckBox* m_closeToTray = nullptr;
    QCheckBox* m_startMinimised = nullptr;
    QCheckBox* m_remoteImages = nullptr;
    QComboBox* m_spelling = nullptr;
    int m_initialSpelling = 0;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace Inkwell
