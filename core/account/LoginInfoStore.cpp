#include "account/LoginInfoStore.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Inkwell {

namespace {

QJsonArray stringArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringList(const QJsonValue& value)
{
    QStringList result;
    for (const QJsonValue& item : value.toArray())
        result.append(item.toString());
    return result;
}

// A null QString binds as SQL NULL; the columns are NOT NULL.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

QJsonObject toJson(const LoginInfo& info)
{
    QJsonArray groups;
    for (const FriendGroup& group : info.friendGroups)
        groups.append(QJsonObject{{QStringLiteral("id"), group.id},
                                  {QStringLiteral("name"), group.name},
                                  {QStringLiteral("sortorder"), group.sortOrder},
                                  {QStringLiteral("public"), group.isPublic}});
    QJsonArray moods;
    for (const Mood& mood : info.moods)
        moods.append(QJsonObject{{QStringLiteral("id"), mood.id},
                                 {QStringLiteral("name"), mood.name},
                                 {QStringLiteral("parent"), mood.parent}});
    return QJsonObject{
        {QStringLiteral("fullname"), info.fullName},
        // Strings, because JSON numbers lose precision above 2^53.
        {QStringLiteral("userid"), QString::number(info.userId)},
        {QStringLiteral("message"), info.message},
        {QStringLiteral("usejournals"), stringArray(info.usejournals)},
        {QStringLiteral("friendgroups"), groups},
        {QStringLiteral("moods"), moods},
        {QStringLiteral("pickws"), stringArray(info.pictureKeywords)},
        {QStringLiteral("pickwurls"), stringArray(info.pictureUrls)},
        {QStringLiteral("defaultpicurl"), info.defaultPictureUrl},
        {QStringLiteral("hascaps"), info.hasCaps},
        {QStringLiteral("caps"), QString::number(info.caps)},
    };
}

LoginInfo loginInfoFromJson(const QJsonObject& json)
{
    LoginInfo info;
    info.fullName = json.value(QStringLiteral("fullname")).toString();
    info.userId = json.value(QStringLiteral("userid")).toString().toLongLong();
    info.message = json.value(QStringLiteral("message")).toString();
    info.usejournals = stringList(json.value(QStringLiteral("usejournals")));
    for (const QJsonValue& value : json.value(QStringLiteral("friendgroups")).toArray()) {
        const QJsonObject group = value.toObject();
        info.friendGroups.append({group.value(QStringLiteral("id")).toInt(),
                                  group.value(QStringLiteral("name")).toString(),
                                  group.value(QStringLiteral("sortorder")).toInt(50),
                                  group.value(QStringLiteral("public")).toBool()});
    }
    for (const QJsonValue& value : json.value(QStringLiteral("moods")).toArray()) {
        const QJsonObject mood = value.toObject();
        info.moods.append({mood.value(QStringLiteral("id")).toInt(),
                           mood.value(QStringLiteral("name")).toString(),
                           mood.value(QStringLiteral("parent")).toInt()});
    }
    info.pictureKeywords = stringList(json.value(QStringLiteral("pickws")));
    info.pictureUrls = stringList(json.value(QStringLiteral("pickwurls")));
    info.defaultPictureUrl = json.value(QStringLiteral("defaultpicurl")).toString();
    info.hasCaps = json.value(QStringLiteral("hascaps")).toBool();
    info.caps = json.value(QStringLiteral("caps")).toString().toLongLong();
    return info;
}

int highestMoodId(const QList<Mood>& moods)
{
    int highest = 0;
    for (const Mood& mood : moods)
        highest = std::max(highest, mood.id);
    return highest;
}

QList<Mood> mergedMoods(const QList<Mood>& known, const QList<Mood>& fresh)
{
    QList<Mood> result = known;
    for (const Mood& mood : fresh) {
        auto same =
            std::find_if(result.begin(), result.end(), [&](const Mood& m) { return m.id == mood.id; });
        if (same != result.end())
            *same = mood;
        else
            result.append(mood);
    }
    std::sort(result.begin(), result.end(), [](const Mood& a, const Mood& b) { return a.id < b.id; });
    return result;
}

LoginInfoStore::LoginInfoStore(Database& database)
    : m_database(database)
{}

bool LoginInfoStore::save(const QString& account, const LoginInfo& info, const QDateTime& fetchedAt,
                          QString* error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO account_login (account, fetched_at, fullname, message, info) "
                                 "VALUES (:account, :at, :fullname, :message, :info) "
                                 "ON CONFLICT (account) DO UPDATE SET fetched_at = excluded.fetched_at, "
                                 "fullname = excluded.fullname, message = excluded.message, "
                                 "info = excluded.info"));
    query.bindValue(QStringLiteral(":account"), account.trimmed());
    query.bindValue(QStringLiteral(":at"), fetchedAt.toUTC().toString(Qt::ISODateWithMs));
    query.bindValue(QStringLiteral(":fullname"), notNull(info.fullName));
    query.bindValue(QStringLiteral(":message"), notNull(info.message));
    query.bindValue(QStringLiteral(":info"),
                    QString::fromUtf8(QJsonDocument(toJson(info)).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        // The foreign key refuses a login for an account that is not (or no longer) there.
        *error = tr("Could not keep what the server said at login: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

std::optional<StoredLogin> LoginInfoStore::load(const QString& account) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT fetched_at, info FROM account_login WHERE account = :account"));
    query.bindValue(QStringLiteral(":account"), account.trimmed());
    if (!query.exec() || !query.next())
        return std::nullopt;
    StoredLogin stored;
    stored.fetchedAt = QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
    stored.info = loginInfoFromJson(QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
    return stored;
}

void LoginInfoStore::forget(const QString& account)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM account_login WHERE account = :account"));
    query.bindValue(QStringLiteral(":account"), account.trimmed());
    query.exec();
}

} // namespace Inkwell
