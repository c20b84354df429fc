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

bool Profile::ensureExists(QString* error) const
{
    if (m_directory.isEmpty()) {
        if (error)
            *error = QStringLiteral("No folder for local data could be determined.");
        return false;
    }
    QFileInfo info(m_directory);
    if (info.exists() && !info.isDir()) {
        if (error)
            *error = QStringLiteral("The profile path %1 exists but is not a folder.").arg(m_directory);
        return false;
    }
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = QStringLiteral("Could not create the profile folder %1.").arg(m_directory);
        return false;
    }
    // It holds private entries, drafts and the outbox: for its owner's eyes only, whatever the
    // umask made of it. A folder that is not ours to change (read-only media) is left as it is;
    // its files can still be read.
    QFile(m_directory)
        .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

} // namespace Inkwell
