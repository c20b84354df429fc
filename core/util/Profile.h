#pragma once

#include <QCoreApplication>
#include <QString>

namespace Inkwell {

// A profile is the folder that holds one user's local data: the journal database, settings and
// logs. Both programs use the platform's application-data folder unless `--profile DIR` names
// another one, so tests and several independent profiles never share state.
class Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    // The platform default (QStandardPaths::AppDataLocation).
    static Profile standard();
    static Profile atDirectory(const QString& directory);

    QString directory() const { return m_directory; }
    QString databasePath() const;
    QString settingsPath() const;
    // Userpics fetched once and shown offline after (RemoteFetcher::Keep::OnDisk).
    QString userpicsPath() const;

    // Creates the folder if needed. On failure returns false and says why in `error`.
    bool ensureExists(QString* error) const;

private:
    explicit Profile(QString directory);

    QString m_directory;
};

} // namespace Inkwell
