#include "preferences/DesktopSettings.h"

#include "app/InterfaceLanguage.h"

#include <QSettings>

namespace Inkwell {

namespace {

const QString closeToTrayKey = QStringLiteral("window/closeToTray");
const QString startMinimisedKey = QStringLiteral("window/startMinimised");
const QString remoteImagesKey = QStringLiteral("entries/loadRemoteImages");
const QString spellingKey = QStringLiteral("spelling/language");

} // namespace

DesktopSettings::DesktopSettings(QString settingsPath)
    : m_path(std::move(settingsPath))
{}

bool DesktopSettings::closesToTray() const
{
    return QSettings(m_path, QSettings::IniFormat).value(closeToTrayKey, false).toBool();
}

void DesktopSettings::setClosesToTray(bool closes)
{
    QSettings(m_path, QSettings::IniFormat).setValue(closeToTrayKey, closes);
}

bool DesktopSettings::startsMinimised() const
{
    return QSettings(m_path, QSettings::IniFormat).value(startMinimisedKey, false).toBool();
}

void DesktopSettings::setStartsMinimised(bool minimised)
{
    QSettings(m_path, QSettings::IniFormat).setValue(startMinimisedKey, minimised);
}

QString DesktopSettings::interfaceLanguage() const
{
    return QSettings(m_path, QSettings::IniFormat).value(InterfaceLanguage::settingsKey()).toString();
}

void DesktopSettings::setInterfaceLanguage(const QString& language)
{
    QSettings settings(m_path, QSettings::IniFormat);
    if (language.isEmpty())
        settings.remove(InterfaceLanguage::settingsKey());
    else
        settings.setValue(InterfaceLanguage::settingsKey(), language);
}

bool DesktopSettings::loadsRemoteImages() const
{
    return QSettings(m_path, QSettings::IniFormat).value(remoteImagesKey, false).toBool();
}

void DesktopSettings::setLoadsRemoteImages(bool load)
{
    QSettings(m_path, QSettings::IniFormat).setValue(remoteImagesKey, load);
}

bool DesktopSettings::hasSpellingLanguage() const
{
    return QSettings(m_path, QSettings::IniFormat).contains(spellingKey);
}

QString DesktopSettings::spellingLanguage() const
{
    return QSettings(m_path, QSettings::IniFormat).value(spellingKey).toString();
}

void DesktopSettings::setSpellingLanguage(const QString& language)
{
    QSettings(m_path, QSettings::IniFormat).setValue(spellingKey, language);
}

} // namespace Inkwell
