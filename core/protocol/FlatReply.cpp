// FlatCodec, reply side: the flat keys of a successful reply -> the XML-RPC tree of the same mode
// (REFERENCE.md 1.2.1 naming conventions, 3 per-mode shapes).

#include "protocol/CodecText.h"
#include "protocol/FlatCodec.h"
#include "protocol/FlatFields.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <initializer_list>
#include <optional>

namespace Inkwell {

namespace {

using Map = ProtocolValue::Map;
using List = ProtocolValue::List;

// Dreamwidth sends values under these keys as <string> whatever they look like (1.3.1).
bool isForcedString(QStringView name)
{
    switch (name.size()) {
    case 4:
        return name == u"name";
    case 6:
        return name == u"poster";
    case 8:
        return name == u"fullname" || name == u"username";
    case 10:
        return name == u"postername";
    case 11:
        return name == u"journalname";
    default:
        return false;
    }
}

// A flat value typed as the XML-RPC server would type the same text (1.3.1; base64 aside, since
// flat text is already text), so that both interfaces build the same tree.
ProtocolValue typed(QStringView name, QByteArray bytes)
{
    if (isForcedString(name))
        return ProtocolValue::fromUtf8(std::move(bytes));
    const auto type = CodecText::perlScalarType(bytes);
    return ProtocolValue::fromLexeme(type, std::move(bytes));
}

struct Rename
{
    const char* flat;
    const char* xmlrpc;
};

const Rename kFriendFields[] = {
    {"user", "username"}, {"name", "fullname"}, {"fg", "fgcolor"}, {"bg", "bgcolor"}};

// "<prefix>_<n>" or "<prefix>_<n>_<rest>".
struct IndexedKey
{
    qint64 index = 0;
    QByteArrayView rest; // empty when the key ends after <n>
};

// "<n>" or "<n>_<rest>".
bool splitIndex(QByteArrayView text, IndexedKey* out)
{
    const qsizetype start = 0;
    const QByteArrayView key = text;
    qsizetype end = start;
    quint64 index = 0; // unsigned: wraps (harmlessly, unused) past 19 digits
    while (end < key.size() && key[end] >= '0' && key[end] <= '9')
        index = index * 10 + quint64(key[end++] - '0');
    if (end == start)
        return false;
    if (end - start < 19)
        out->index = qint64(index);
    else if (!CodecText::parseWholeNumber(key.sliced(start, end - start), &out->index))
        return false;
    if (end == key.size()) {
        out->rest = {};
        return true;
    }
    if (key[end] != '_' || end + 1 == key.size())
        return false;
    out->rest = key.sliced(end + 1);
    return true;
}

bool matchIndexed(QByteArrayView key, QByteArrayView prefix, IndexedKey* out)
{
    if (key.size() <= prefix.size() + 1 || !key.startsWith(prefix) || key[prefix.size()] != '_')
        return false;
    return splitIndex(key.sliced(prefix.size() + 1), out);
}

// matchIndexed for a key of FlatFields::range(start), which starts with start = "<prefix>_".
bool matchIndexedInRange(QByteArrayView key, QByteArrayView start, IndexedKey* out)
{
    return key.size() > start.size() && splitIndex(key.sliced(start.size()), out);
}

bool isDateKey(QByteArrayView key)
{
    if (key.size() != 10 || key[4] != '-' || key[7] != '-')
        return false;
    for (qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (key[i] < '0' || key[i] > '9')
            return false;
    }
    return true;
}

List toList(QMap<qint64, Map> items)
{
    List list;
    list.reserve(items.size());
    for (auto& item : items)
        list.append(ProtocolValue(std::move(item)));
    return list;
}

class ReplyShaper
{
public:
    ReplyShaper(const QString& mode, FlatFields& fields, const DecodeLimits& limits)
        : m_mode(mode)
        , m_fields(fields)
        , m_limits(limits)
    {}

    ProtocolResult<ProtocolValue> run();

private:
    // Consumes one key.
    bool take(const char* key, QByteArray* value = nullptr);
    // Member names repeat (itemid, anum, ... per entry): share one QString per name.
    QString name(QByteArrayView field);
    // Removes every <prefix>_<n>_<field> key: items by n, fields renamed and typed; the field named
    // `formEncoded` is URL-decoded first (entry bodies, 1.2).
    QMap<qint64, Map> takeStructs(const char* prefix, std::initializer_list<Rename> renames = {},
                                  const char* formEncoded = nullptr);
    // Removes every <prefix>_<n> key.
    QMap<qint64, QByteArray> takeScalars(const char* prefix);

    // `PREFIX_<n>_*` (+ count key) -> array member; present when any key or the count was sent.
    void structList(const char* prefix, const char* countKey, const QString& name,
                    std::initializer_list<Rename> renames = {});
    void friendList(const char* prefix, const char* countKey, const QString& name);
    void scalarList(const char* prefix, const char* countKey, const QString& name, bool always = false);
    // `PREFIX_<id>_name/sortorder/public` + maxnum key -> [{id, name, sortorder, public}] by sortorder.
    void groupList(const char* prefix, const char* maxKey, const QString& name);
    void rename(const char* flat, const QString& name);

    void shapeLogin();
    void shapeMenus();
    void shapeGetEvents();
    // A getevents prop: its itemid, name and value as sent (each may be absent).
    struct Prop
    {
        std::optional<QByteArrayView> itemid;
        std::optional<QByteArrayView> name;
        std::optional<QByteArrayView> value;
    };
    QList<Prop> takeProps();
    void shapeSyncItems();
    void shapeDayCounts();
    void shapeUserTags();
    void shapeConsole();
    List menu(qint64 number, const QMap<qint64, QMap<qint64, Map>>& menus, QSet<qint64>& visited, int depth);

    QString m_mode;
    FlatFields& m_fields;
    QHash<QByteArray, QString> m_names;
    DecodeLimits m_limits;
    Map m_result;
};

bool ReplyShaper::take(const char* key, QByteArray* value)
{
    const qsizetype index = m_fields.find(key);
    if (index < 0)
        return false;
    if (value)
        *value = m_fields.value(index).toByteArray();
    m_fields.consume(index);
    return true;
}

QString ReplyShaper::name(QByteArrayView field)
{
    const QByteArray key = QByteArray::fromRawData(field.data(), field.size());
    const auto it = m_names.constFind(key);
    if (it != m_names.cend())
        return *it;
    const QString text = CodecText::toQString(field);
    m_names.insert(field.toByteArray(), text);
    return text;
}

QMap<qint64, Map> ReplyShaper::takeStructs(const char* prefix, std::initializer_list<Rename> renames,
                                           const char* formEncoded)
{
    QMap<qint64, Map> items;
    Map* item = nullptr;
    qint64 itemIndex = 0;
    const QByteArray start = QByteArray(prefix) + '_';
    const QByteArrayView encoded(formEncoded);
    const auto [begin, end] = m_fields.range(start);
    for (qsizetype i = begin; i < end; ++i) {
        IndexedKey key;
        if (m_fields.isConsumed(i) || !matchIndexedInRange(m_fields.key(i), start, &key) ||
            key.rest.isEmpty())
            continue;
        QString field;
        for (const Rename& rename : renames) {
            if (key.rest == rename.flat)
                field = QString::fromLatin1(rename.xmlrpc);
        }
        if (field.isNull())
            field = name(key.rest);
        QByteArray value = !encoded.isNull() && key.rest == encoded ? CodecText::formDecode(m_fields.value(i))
                                                                    : m_fields.value(i).toByteArray();
        // Keys are sorted, so one item's fields come together and in name order.
        if (!item || key.index != itemIndex) {
            item = &items[key.index];
            itemIndex = key.index;
        }
        item->insert(item->cend(), field, typed(field, std::move(value)));
        m_fields.consume(i);
    }
    return items;
}

QMap<qint64, QByteArray> ReplyShaper::takeScalars(const char* prefix)
{
    QMap<qint64, QByteArray> items;
    const QByteArray start = QByteArray(prefix) + '_';
    const auto [begin, end] = m_fields.range(start);
    for (qsizetype i = begin; i < end; ++i) {
        IndexedKey key;
        if (m_fields.isConsumed(i) || !matchIndexedInRange(m_fields.key(i), start, &key) ||
            !key.rest.isEmpty())
            continue;
        items.insert(key.index, m_fields.value(i).toByteArray());
        m_fields.consume(i);
    }
    return items;
}

void ReplyShaper::structList(const char* prefix, const char* countKey, const QString& name,
                             std::initializer_list<Rename> renames)
{
    const bool counted = countKey && take(countKey);
    auto items = takeStructs(prefix, renames);
    if (counted || !items.isEmpty())
        m_result.insert(name, toList(std::move(items)));
}

void ReplyShaper::friendList(const char* prefix, const char* countKey, const QString& name)
{
    structList(prefix, countKey, name,
               {kFriendFields[0], kFriendFields[1], kFriendFields[2], kFriendFields[3]});
}

void ReplyShaper::scalarList(const char* prefix, const char* countKey, const QString& name, bool always)
{
    const bool counted = take(countKey);
    const auto items = takeScalars(prefix);
    if (!counted && items.isEmpty() && !always)
        return;
    List list;
    list.reserve(items.size());
    for (const QByteArray& item : items)
        list.append(typed(u"", item));
    m_result.insert(name, list);
}

void ReplyShaper::groupList(const char* prefix, const char* maxKey, const QString& name)
{
    const bool counted = take(maxKey);
    auto groups = takeStructs(prefix);
    if (!counted && groups.isEmpty())
        return;
    struct Group
    {
        qint64 sortorder;
        qint64 id;
        Map fields;
    };
    QList<Group> sorted;
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        Map& fields = it.value();
        fields.insert(QStringLiteral("id"), ProtocolValue(it.key()));
        // The flat wrapper sends `public` only when set (3.10); XML-RPC always has it.
        if (!fields.contains(QStringLiteral("public")))
            fields.insert(QStringLiteral("public"), ProtocolValue(0));
        sorted.append({fields.value(QStringLiteral("sortorder")).toInt(), it.key(), std::move(fields)});
    }
    // XML-RPC lists groups by sortorder (3.10).
    std::stable_sort(sorted.begin(), sorted.end(), [](const Group& a, const Group& b) {
        return a.sortorder != b.sortorder ? a.sortorder < b.sortorder : a.id < b.id;
    });
    List list;
    for (Group& group : sorted)
        list.append(ProtocolValue(std::move(group.fields)));
    m_result.insert(name, list);
}

void ReplyShaper::rename(const char* flat, const QString& name)
{
    QByteArray value;
    if (take(flat, &value))
        m_result.insert(name, typed(name, std::move(value)));
}

List ReplyShaper::menu(qint64 number, const QMap<qint64, QMap<qint64, Map>>& menus, QSet<qint64>& visited,
                       int depth)
{
    List list;
    // Each menu is expanded once: a loop, a menu used twice (which could blow a small reply up
    // exponentially) or an absurd depth means the flat keys do not describe a tree.
    if (depth >= m_limits.maxDepth || visited.contains(number))
        return list;
    visited.insert(number);
    for (Map item : menus.value(number)) {
        if (const auto sub = item.constFind(QStringLiteral("sub")); sub != item.cend()) {
            const qint64 subNumber = sub->toInt();
            item.insert(QStringLiteral("sub"), menu(subNumber, menus, visited, depth + 1));
        }
        list.append(ProtocolValue(std::move(item)));
    }
    return list;
}

// menu_<m>_<i>_text/url/sub + menu_<m>_count; `sub` names submenu m (3.2). Root menu is m=0.
void ReplyShaper::shapeMenus()
{
    QMap<qint64, QMap<qint64, Map>> menus;
    bool any = false;
    const auto [begin, end] = m_fields.range("menu_");
    for (qsizetype i = begin; i < end; ++i) {
        IndexedKey outer;
        IndexedKey inner;
        if (m_fields.isConsumed(i) || !matchIndexed(m_fields.key(i), "menu", &outer) || outer.rest.isEmpty())
            continue;
        if (outer.rest == "count") {
            menus[outer.index]; // an empty menu still exists
        } else if (splitIndex(outer.rest, &inner) && !inner.rest.isEmpty()) {
            const QString field = name(inner.rest);
            menus[outer.index][inner.index].insert(field, typed(field, m_fields.value(i).toByteArray()));
        } else {
            continue;
        }
        any = true;
        m_fields.consume(i);
    }
    if (!any)
        return;
    QSet<qint64> visited;
    m_result.insert(QStringLiteral("menus"), menu(0, menus, visited, 0));
}

void ReplyShaper::shapeLogin()
{
    rename("name", QStringLiteral("fullname"));
    // access_count is sent only when >= 1 (3.2); XML-RPC always has the array.
    scalarList("access", "access_count", QStringLiteral("usejournals"), true);
    groupList("frgrp", "frgrp_maxnum", QStringLiteral("friendgroups"));
    structList("mood", "mood_count", QStringLiteral("moods"));
    scalarList("pickw", "pickw_count", QStringLiteral("pickws"));
    scalarList("pickwurl", "pickwurl_count", QStringLiteral("pickwurls"));
    shapeMenus();
}

// events_<n>_* -> events[]; the global prop_<k>_itemid/name/value -> events[].props (3.5).
void ReplyShaper::shapeGetEvents()
{
    const bool counted = take("events_count");
    auto events = takeStructs("events", {}, "event");
    take("prop_count"); // absent with noprops; the props themselves say all

    // Props grouped by itemid first, then handed to their events as one shared struct: linear
    // even if a broken reply lists one itemid many times.
    QHash<QByteArrayView, Map> propsByItemId;
    for (const Prop& prop : takeProps()) {
        // An absent field reads as the empty text it would be in a struct.
        if (!prop.name || prop.name->isEmpty())
            continue;
        const QString propName = name(*prop.name);
        propsByItemId[prop.itemid.value_or(QByteArrayView())].insert(
            propName, typed(propName, prop.value ? prop.value->toByteArray() : QByteArray()));
    }
    const QString itemid = QStringLiteral("itemid");
    const QString props = QStringLiteral("props");
    for (Map& event : events) {
        // Props of no listed entry have nothing to attach to and are dropped.
        const auto eventProps = propsByItemId.constFind(QByteArrayView(event.value(itemid).toUtf8()));
        if (eventProps != propsByItemId.cend())
            event.insert(props, ProtocolValue(*eventProps));
    }
    if (counted || !events.isEmpty())
        m_result.insert(QStringLiteral("events"), toList(std::move(events)));
}

// The same keys takeStructs("prop") would take, by prop number, keeping only the three fields a
// prop has: no struct per prop (a getevents page has hundreds of props).
QList<ReplyShaper::Prop> ReplyShaper::takeProps()
{
    QList<std::pair<qint64, Prop>> runs; // one per run of keys with the same number, in key order
    const QByteArrayView start = "prop_";
    const auto [begin, end] = m_fields.range(start);
    for (qsizetype i = begin; i < end; ++i) {
        IndexedKey key;
        if (m_fields.isConsumed(i) || !matchIndexedInRange(m_fields.key(i), start, &key) ||
            key.rest.isEmpty())
            continue;
        m_fields.consume(i);
        if (runs.isEmpty() || runs.last().first != key.index)
            runs.append({key.index, Prop()});
        Prop& prop = runs.last().second;
        // A later key of the same field counts, as a later member of a struct does.
        if (key.rest == "itemid")
            prop.itemid = m_fields.value(i);
        else if (key.rest == "name")
            prop.name = m_fields.value(i);
        else if (key.rest == "value")
            prop.value = m_fields.value(i);
    }
    // Numbers in key order are not in numeric order (prop_10 sorts before prop_2), and one number
    // may come in several runs (prop_01_name, prop_1_value).
    std::stable_sort(runs.begin(), runs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QList<Prop> props;
    props.reserve(runs.size());
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const Prop& run = runs.at(i).second;
        if (i == 0 || runs.at(i - 1).first != runs.at(i).first) {
            props.append(run);
            continue;
        }
        Prop& prop = props.last();
        if (run.itemid)
            prop.itemid = run.itemid;
        if (run.name)
            prop.name = run.name;
        if (run.value)
            prop.value = run.value;
    }
    return props;
}

void ReplyShaper::shapeSyncItems()
{
    rename("sync_total", QStringLiteral("total"));
    rename("sync_count", QStringLiteral("count"));
    structList("sync", nullptr, QStringLiteral("syncitems"));
}

// One key per day, YYYY-MM-DD -> count (3.7). No days: no `daycounts` key, as on XML-RPC.
void ReplyShaper::shapeDayCounts()
{
    List days;
    const QString date = QStringLiteral("date");
    const QString count = QStringLiteral("count");
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (m_fields.isConsumed(i) || !isDateKey(m_fields.key(i)))
            continue;
        days.append(ProtocolValue(Map{{date, typed(date, m_fields.key(i).toByteArray())},
                                      {count, typed(count, m_fields.value(i).toByteArray())}}));
        m_fields.consume(i);
    }
    if (!days.isEmpty())
        m_result.insert(QStringLiteral("daycounts"), days);
}

// tag_<n>_name/security/uses/display/sb_group_<m>_id/_count (3.8).
void ReplyShaper::shapeUserTags()
{
    const bool counted = take("tag_count");
    auto tags = takeStructs("tag", {{"security", "security_level"}});
    for (Map& tag : tags) {
        Map security;
        Map groups;
        QMap<qint64, std::pair<QByteArray, QByteArray>> groupById;
        for (auto it = tag.begin(); it != tag.end();) {
            const QByteArray field = it.key().toUtf8();
            IndexedKey key;
            if (matchIndexed(field, "sb_group", &key) && (key.rest == "id" || key.rest == "count")) {
                (key.rest == "id" ? groupById[key.index].first : groupById[key.index].second) =
                    it.value().toUtf8();
            } else if (field == "sb_group_count") {
                // implied by the groups
            } else if (field.startsWith("sb_")) {
                // Documented but never sent (3.8): sb_public, sb_private, sb_friends.
                security.insert(CodecText::toQString(field.mid(3)), it.value());
            } else {
                ++it;
                continue;
            }
            it = tag.erase(it);
        }
        for (const auto& group : std::as_const(groupById)) {
            if (!group.first.isEmpty())
                groups.insert(CodecText::toQString(group.first), typed(u"", group.second));
        }
        security.insert(QStringLiteral("groups"), ProtocolValue(groups));
        tag.insert(QStringLiteral("security"), ProtocolValue(security));
        // Sent only when non-zero / set (3.8); XML-RPC always has them.
        if (!tag.contains(QStringLiteral("uses")))
            tag.insert(QStringLiteral("uses"), ProtocolValue(0));
        if (!tag.contains(QStringLiteral("display")))
            tag.insert(QStringLiteral("display"), ProtocolValue(0));
    }
    if (counted || !tags.isEmpty())
        m_result.insert(QStringLiteral("tags"), toList(std::move(tags)));
}

// cmd_success, cmd_line_<n> (+ _type) -> results: [{success, output: [[type, text], ...]}] (3.14).
void ReplyShaper::shapeConsole()
{
    QByteArray success;
    const bool hasSuccess = take("cmd_success", &success);
    take("cmd_line_count");
    const auto texts = takeScalars("cmd_line");
    const auto types = takeStructs("cmd_line");
    if (!hasSuccess && texts.isEmpty())
        return;
    List output;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        const ProtocolValue type =
            types.value(it.key()).value(QStringLiteral("type"), ProtocolValue(QString()));
        output.append(ProtocolValue(List{type, typed(u"", it.value())}));
    }
    Map result{{QStringLiteral("success"), typed(u"success", success)},
               {QStringLiteral("output"), ProtocolValue(output)}};
    m_result.insert(QStringLiteral("results"), ProtocolValue(List{ProtocolValue(result)}));
}

ProtocolResult<ProtocolValue> ReplyShaper::run()
{
    const QString& mode = m_mode;
    if (mode == u"login") {
        shapeLogin();
    } else if (mode == u"getevents") {
        shapeGetEvents();
    } else if (mode == u"syncitems") {
        shapeSyncItems();
    } else if (mode == u"getdaycounts") {
        shapeDayCounts();
    } else if (mode == u"getusertags") {
        shapeUserTags();
    } else if (mode == u"consolecommand") {
        shapeConsole();
    } else if (mode == u"getfriends") {
        friendList("friend", "friend_count", QStringLiteral("friends"));
        friendList("friendof", "friendof_count", QStringLiteral("friendofs"));
        groupList("frgrp", "frgrp_maxnum", QStringLiteral("friendgroups"));
    } else if (mode == u"friendof") {
        friendList("friendof", "friendof_count", QStringLiteral("friendofs"));
    } else if (mode == u"getfriendgroups") {
        groupList("frgrp", "frgrp_maxnum", QStringLiteral("friendgroups"));
    } else if (mode == u"gettrustgroups") {
        groupList("tr", "tr_maxnum", QStringLiteral("trustgroups"));
    } else if (mode == u"editfriends") {
        structList("friend", "friends_added", QStringLiteral("added"), {kFriendFields[0], kFriendFields[1]});
    } else if (mode == u"getreadpage") {
        const bool counted = take("entries_count");
        auto entries = takeStructs("entries", {{"event", "event_raw"}}, "event");
        if (counted || !entries.isEmpty())
            m_result.insert(QStringLiteral("entries"), toList(std::move(entries)));
    } else if (mode == u"sessiongenerate") {
        // 3.12: on failure the flat wrapper may still say OK, with an empty session.
        const qsizetype session = m_fields.find("ljsession");
        if (session < 0 || m_fields.value(session).isEmpty())
            return ProtocolError::serverFailure(QStringLiteral("the server returned no session"), m_mode);
    }
    // Whatever no shaper claimed passes through (a newer server's extra fields, 9.18).
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (m_fields.isConsumed(i))
            continue;
        const QString key = CodecText::toQString(m_fields.key(i));
        if (!m_result.contains(key))
            m_result.insert(key, typed(key, m_fields.value(i).toByteArray()));
    }
    return ProtocolValue(std::move(m_result));
}

} // namespace

ProtocolResult<ProtocolValue> shapeFlatReply(const QString& mode, FlatFields& fields,
                                             const DecodeLimits& limits)
{
    return ReplyShaper(mode, fields, limits).run();
}

ProtocolResult<ProtocolValue> FlatCodec::shapeReply(const QString& mode, const QList<Field>& fields) const
{
    QList<FlatFields::Pair> pairs;
    pairs.reserve(fields.size());
    for (const Field& field : fields)
        pairs.append({field.first, field.second});
    FlatFields flatFields(std::move(pairs));
    return shapeFlatReply(mode, flatFields, m_limits);
}

} // namespace Inkwell
