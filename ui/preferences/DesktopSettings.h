#pragma once

#include <QString>

namespace Inkwell {

// The preferences only the desktop program reads, in the profile's settings.ini beside the ones
// ProfileServices keeps for both programs (syncing, notices, the ping server). Each read and write
// goes to the file, so every window sees the same values.
class DesktopSettings
{
public:
    explicit DesktopSettings(QString settingsPath);

    // Closing the window keeps Inkwell running in the tray (only where there is one).
    bool closesToTray() const;
    void setClosesToTray(bool closes);
    // Inkwell starts with its window minimised (hidden in the tray where there is one).
    bool startsMinimised() const;
    void setStartsMinimised(bool minimised);
    // The language of the interface: "" for the system's, else one of
    // InterfaceLanguage::available(). Read when Inkwell starts.
    QString interfaceLanguage() const;
    void setInterfaceLanguage(const QString& language);
    // Entries show pictures from other sites without asking (never by default: a remote picture
    // tells its site who reads the entry, and when).
    bool loadsRemoteImages() const;
    void setLoadsRemoteImages(bool load);
    // The spelling dictionary a new editor starts with ("" for spell checking off); unset until
    // the user picks one, when the editor takes the interface's language.
    bool hasSpellingLanguage() const;
    QString spellingLanguage() const;
    void setSpellingLanguage(const QString& language);

private:
    QString m_path;
};

} // namespace Inkwell
