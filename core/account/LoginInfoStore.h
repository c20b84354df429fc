#pragma once

#include "journal/LoginInfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Inkwell {

class Database;

// What an account's last successful login returned (REFERENCE.md 3.2), and when.
struct StoredLogin
{
    LoginInfo info;
    QDateTime fetchedAt; // UTC
};

// Keeps each account's last login in its profile database, so that the editor can offer userpic
// keywords, moods, friend groups and the journals the user may post to while offline. One row per
// account; it follows renames and goes with the account (schema v4).
class LoginInfoStore
{
    Q_DECLARE_TR_FUNCTIONS(LoginInfoStore)

public:
    explicit LoginInfoStore(Database& database);

    // Replaces what was stored for `account`. Returns false and fills `error` if it cannot (for
    // instance when there is no such account).
    bool save(const QString& account, const LoginInfo& info, const QDateTime& fetchedAt, QString* error);
    std::optional<StoredLogin> load(const QString& account) const;
    // Drops what was kept, e.g. when the account now points at another login.
    void forget(const QString& account);

private:
    Database& m_database;
};

// Login asks only for moods newer than those it has (getmoods); this adds them to the known ones.
QList<Mood> mergedMoods(const QList<Mood>& known, const QList<Mood>& fresh);
int highestMoodId(const QList<Mood>& moods);

QJsonObject toJson(const LoginInfo& info);
LoginInfo loginInfoFromJson(const QJsonObject& json);

} // namespace Inkwell
