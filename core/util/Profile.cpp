#include "util/Profile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace Inkwell {

Profile::Profile(QString directory)
    : m_directory(std::move(directory))
{}

Profile Profile::standard()
{
    return Profile(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
}

Profile Profile::atDirectory(const QString& directory)
{
    return Profile(QDir::cleanPath(QFileInfo(directory).absoluteFilePath()));
}

QString Profile::databasePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("journal.sqlite"));
}

QString Profile::settingsPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("settings.ini"));
}

QString Profile::userpicsPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("userpics"));
}

bool Profile::ensureExists(QString* error) const
{
    if (m_directory.isEmpty()) {
        if (error)
            *error = tr("No folder for local data could be determined.");
        return false;
    }
    QFileInfo info(m_directory);
    if (info.exists() && !info.isDir()) {
        if (error)
            *error = tr("The profile path %1 exists but is not a folder.").arg(m_directory);
        return false;
    }
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = tr("Could not create the profile folder %1.").arg(m_directory);
        return false;
    }
    // It holds private entries, drafts and the outbox: for its owner's eyes only, whatever the
    // umask made of it. Only others' rights are taken away: a folder its owner made read-only stays
    // so (Database names it). One that is not ours to change (read-only media) is left as it is.
    QFile folder(m_directory);
    const QFileDevice::Permissions permissions = folder.permissions();
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (permissions & others)
        folder.setPermissions(permissions & ~others);
    return true;
}

} // namespace Inkwell
