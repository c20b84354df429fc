#pragma once

#include "protocol/ProtocolResult.h"
#include "protocol/ProtocolValue.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Inkwell {

// Typed views of the journal modes' requests and replies (REFERENCE.md 3.2-3.8), built on the
// neutral value tree so they work the same over either interface.

enum class Security { Public, Private, UseMask };
QString toString(Security security);
Security securityFromString(const QString& text); // anything unknown is public, as the server does

// One journal entry as the protocol knows it. Times are kept as the server's strings: eventtime is
// the poster's wall clock without a zone, logtime opaque server time (REFERENCE.md 4.5).
struct JournalEntry
{
    qint64 itemid = 0;
    int anum = 0;
    QString url;
    QString eventtime; // "YYYY-MM-DD HH:MM:SS"
    QString logtime;   // Dreamwidth only
    QString subject;
    QString body;
    Security security = Security::Public;
    quint64 allowmask = 0;
    QString poster; // empty when the journal owner wrote it
    QMap<QString, QString> props;

    QStringList tags() const;
    void setTags(const QStringList& tags);
    bool isBackdated() const { return props.value(QStringLiteral("opt_backdated")) == QLatin1String("1"); }
    QDateTime eventDateTime() const;
    void setEventDateTime(const QDateTime& wallClock);

    bool operator==(const JournalEntry&) const = default;
};

// JSON form of an entry (outbox, drafts, exports): itemid, anum, url, eventtime, logtime, subject,
// event, security, allowmask (as a string when above 2^53), poster, props.
QJsonObject toJson(const JournalEntry& entry);
JournalEntry entryFromJson(const QJsonObject& json);

// Whether two versions of an entry say the same thing to a reader: texts (line endings and
// surrounding blanks aside), date, security, and the props a user sets (server bookkeeping aside).
bool hasSameContent(const JournalEntry& a, const JournalEntry& b);

// Props the server owns; they must not be sent back in postevent/editevent (REFERENCE.md 6: DW
// answers 205 for system props).
bool isServerOwnedProp(const QString& name);

// getevents
JournalEntry entryFromEvent(const ProtocolValue& event);
ProtocolResult<QList<JournalEntry>> entriesFromReply(const ProtocolValue& reply);

// postevent / editevent. The date goes as year/mon/day/hour/min of the entry's eventtime; bodies
// go with lineendings=unix. An edit always carries subject, security and allowmask, because the
// server clears what an edit leaves out (REFERENCE.md 3.4); props present on the server but no
// longer in the entry are sent empty, which deletes them.
ProtocolValue postEventRequest(const JournalEntry& entry, const QString& usejournal = {});
ProtocolValue editEventRequest(const JournalEntry& entry, const QMap<QString, QString>& propsOnServer,
                               const QString& usejournal = {});
ProtocolValue deleteEventRequest(qint64 itemid, const QString& usejournal = {});

struct PostResult
{
    qint64 itemid = 0; // 0 when a moderated community queued the post
    int anum = 0;
    QString url;
    QString message;
};
PostResult postResultFromReply(const ProtocolValue& reply);

// syncitems
struct SyncItem
{
    QChar kind; // 'L' entry, 'C' its comments
    qint64 itemid = 0;
    QString action; // "create" or "update"
    QString time;   // server time, an opaque cursor value
    friend bool operator==(const SyncItem&, const SyncItem&) = default;
};
struct SyncItemsPage
{
    QList<SyncItem> items;
    int total = 0;
    int count = 0;
    friend bool operator==(const SyncItemsPage&, const SyncItemsPage&) = default;
};
ProtocolResult<SyncItemsPage> syncItemsFromReply(const ProtocolValue& reply);
// The page of a successful flat syncitems reply read straight from its lines, without the generic
// tree (FlatCodec builds ~1,500 members for a page of 500, 0.5 ms that a full sync spends between
// a page and the next request): only for the plain shape servers send, "success", "sync_count",
// "sync_total" and sync_<n>_item / _time / _action for n = 1..count, each once, in any order,
// every value of the form real servers give. nullopt for anything else, which then goes the
// generic way (FlatCodec::decodeResponse, syncItemsFromReply); where it gives a page, that way
// gives the same one (the flat fuzzer checks it).
std::optional<SyncItemsPage> syncItemsFromPlainFlatReply(QByteArrayView body);

// getdaycounts
struct DayCount
{
    QDate date;
    int count = 0;
    bool operator==(const DayCount&) const = default;
};
ProtocolResult<QList<DayCount>> dayCountsFromReply(const ProtocolValue& reply);

// login
struct FriendGroup
{
    int id = 0; // 1-30 (LJ) or 1-60 (DW trust groups): the bit in allowmask / groupmask
    QString name;
    int sortOrder = 50;
    bool isPublic = false;
    bool operator==(const FriendGroup&) const = default;
};
struct Mood
{
    int id = 0;
    QString name;
    int parent = 0;
};
struct LoginInfo
{
    QString fullName;
    qint64 userId = 0; // not sent over flat
    QString message;
    QStringList usejournals;
    QList<FriendGroup> friendGroups;
    QList<Mood> moods;
    QStringList pictureKeywords;
    QStringList pictureUrls; // parallel to pictureKeywords when asked for
    QString defaultPictureUrl;
    bool hasCaps = false; // Dreamwidth answers `caps`
    qint64 caps = 0;
};
struct LoginOptions
{
    int moodsSince = 0; // -1: no moods
    bool pictures = true;
    bool menus = false;
};
ProtocolValue loginRequest(const LoginOptions& options);
LoginInfo loginInfoFromReply(const ProtocolValue& reply);
QList<FriendGroup> friendGroupsFromValue(const ProtocolValue& groups);

} // namespace Inkwell
