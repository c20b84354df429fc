// FlatCodec, request side: an XML-RPC-shaped request struct -> the flat fields of REFERENCE.md 3.

#include "journal/PropNames.h"
#include "protocol/CodecText.h"
#include "protocol/FlatCodec.h"

#include <QSet>

namespace Inkwell {

namespace {

using Field = FlatCodec::Field;

// Modes the flat interface does not dispatch (REFERENCE.md 3.0, 3.15).
bool isXmlRpcOnly(const QString& mode)
{
    static const QSet<QString> modes = {
        QStringLiteral("getcircle"),   QStringLiteral("editcircle"),     QStringLiteral("getinbox"),
        QStringLiteral("sendmessage"), QStringLiteral("setmessageread"), QStringLiteral("addcomment"),
    };
    return modes.contains(mode);
}

class Flattener
{
public:
    explicit Flattener(const QString& mode)
        : m_mode(mode)
    {}

    bool run(const ProtocolValue& request);
    QList<Field> takeFields() { return std::move(m_fields); }
    ProtocolError error() const { return ProtocolError::unsupported(m_error, m_mode); }

private:
    bool fail(const QString& what)
    {
        m_error = what;
        return false;
    }
    void add(const QString& key, QByteArray value) { m_fields.append({key.toUtf8(), std::move(value)}); }
    bool scalar(const QString& what, const ProtocolValue& value, QByteArray* out);
    bool flattenProps(const ProtocolValue& props);
    bool flattenEditFriends(const QString& key, const ProtocolValue& value);
    bool flattenEditFriendGroups(const QString& key, const ProtocolValue& value);
    bool flattenSessionExpire(const ProtocolValue& value);
    bool flattenConsoleCommands(const ProtocolValue& value);

    QString m_mode;
    QList<Field> m_fields;
    QString m_error;
};

bool Flattener::scalar(const QString& what, const ProtocolValue& value, QByteArray* out)
{
    if (!value.isScalar())
        return fail(QStringLiteral("%1 is a %2; the flat interface only carries text there")
                        .arg(what, QLatin1StringView(typeName(value.type()))));
    *out = value.toUtf8(); // Bool is "1"/"0", Nil is ""
    return true;
}

// A 1-based list of usernames or {username, fgcolor, bgcolor, groupmask} -> editfriend_add_<i>_*.
bool Flattener::flattenEditFriends(const QString& key, const ProtocolValue& value)
{
    if (key == u"delete") {
        for (const ProtocolValue& user : value.items()) {
            QByteArray name;
            if (!scalar(QStringLiteral("editfriends delete item"), user, &name))
                return false;
            add(QStringLiteral("editfriend_delete_") + CodecText::toQString(name), QByteArrayLiteral("1"));
        }
        return value.isArray() || fail(QStringLiteral("editfriends delete must be an array"));
    }
    // add
    if (!value.isArray())
        return fail(QStringLiteral("editfriends add must be an array"));
    static const QList<std::pair<QString, QString>> names = {
        {QStringLiteral("username"), QStringLiteral("user")},
        {QStringLiteral("fgcolor"), QStringLiteral("fg")},
        {QStringLiteral("bgcolor"), QStringLiteral("bg")},
        {QStringLiteral("groupmask"), QStringLiteral("groupmask")},
    };
    qsizetype index = 0;
    for (const ProtocolValue& friendValue : value.items()) {
        const QString prefix = QStringLiteral("editfriend_add_%1_").arg(++index);
        if (friendValue.isScalar()) {
            add(prefix + QStringLiteral("user"), friendValue.toUtf8());
            continue;
        }
        if (!friendValue.isStruct())
            return fail(QStringLiteral("editfriends add items must be usernames or structs"));
        for (auto it = friendValue.members().cbegin(); it != friendValue.members().cend(); ++it) {
            const auto name = std::find_if(names.cbegin(), names.cend(),
                                           [&](const auto& pair) { return pair.first == it.key(); });
            if (name == names.cend())
                return fail(QStringLiteral("editfriends add has no flat form for \"%1\"").arg(it.key()));
            QByteArray text;
            if (!scalar(it.key(), it.value(), &text))
                return false;
            add(prefix + name->second, text);
        }
    }
    return true;
}

// set {id: {name, sort, public}}, delete [ids], groupmasks {username: mask} (REFERENCE.md 3.11).
bool Flattener::flattenEditFriendGroups(const QString& key, const ProtocolValue& value)
{
    if (key == u"delete") {
        if (!value.isArray())
            return fail(QStringLiteral("editfriendgroups delete must be an array"));
        for (const ProtocolValue& id : value.items()) {
            QByteArray text;
            if (!scalar(QStringLiteral("editfriendgroups delete item"), id, &text))
                return false;
            add(QStringLiteral("efg_delete_") + CodecText::toQString(text), QByteArrayLiteral("1"));
        }
        return true;
    }
    if (!value.isStruct())
        return fail(QStringLiteral("editfriendgroups %1 must be a struct").arg(key));
    for (auto it = value.members().cbegin(); it != value.members().cend(); ++it) {
        if (key == u"groupmasks") {
            QByteArray mask;
            if (!scalar(QStringLiteral("groupmask"), it.value(), &mask))
                return false;
            add(QStringLiteral("editfriend_groupmask_") + it.key(), mask);
            continue;
        }
        // set
        if (!it.value().isStruct())
            return fail(QStringLiteral("editfriendgroups set %1 must be a struct").arg(it.key()));
        for (auto field = it.value().members().cbegin(); field != it.value().members().cend(); ++field) {
            QByteArray text;
            if (!scalar(field.key(), field.value(), &text))
                return false;
            add(QStringLiteral("efg_set_%1_%2").arg(it.key(), field.key()), text);
        }
    }
    return true;
}

bool Flattener::flattenSessionExpire(const ProtocolValue& value)
{
    if (!value.isArray())
        return fail(QStringLiteral("sessionexpire expire must be an array of session ids"));
    for (const ProtocolValue& id : value.items()) {
        QByteArray text;
        if (!scalar(QStringLiteral("session id"), id, &text))
            return false;
        add(QStringLiteral("expire_id_") + CodecText::toQString(text), QByteArrayLiteral("1"));
    }
    return true;
}

// Double quotes around arguments that need them, backslash before " and \ (the server's console
// parser, REFERENCE.md 3.14).
QByteArray quoteArgument(const QByteArray& argument)
{
    const bool plain = !argument.isEmpty() && !argument.contains(' ') && !argument.contains('\t') &&
                       !argument.contains('"') && !argument.contains('\\') && !argument.contains('\'');
    if (plain)
        return argument;
    QByteArray quoted = "\"";
    for (const char c : argument) {
        if (c == '"' || c == '\\')
            quoted.append('\\');
        quoted.append(c);
    }
    return quoted.append('"');
}

bool Flattener::flattenConsoleCommands(const ProtocolValue& value)
{
    if (!value.isArray() || value.size() != 1)
        return fail(QStringLiteral("the flat interface runs exactly one console command per request"));
    const ProtocolValue& command = value.at(0);
    if (command.isScalar()) {
        add(QStringLiteral("command"), command.toUtf8());
        return true;
    }
    if (!command.isArray())
        return fail(QStringLiteral("a console command is a string or an array of arguments"));
    QList<QByteArray> arguments;
    for (const ProtocolValue& argument : command.items()) {
        QByteArray text;
        if (!scalar(QStringLiteral("console argument"), argument, &text))
            return false;
        arguments.append(quoteArgument(text));
    }
    add(QStringLiteral("command"), arguments.join(' '));
    return true;
}

bool Flattener::flattenProps(const ProtocolValue& props)
{
    if (!props.isStruct())
        return fail(QStringLiteral("props must be a struct"));
    for (auto it = props.members().cbegin(); it != props.members().cend(); ++it) {
        QByteArray text;
        if (it.key() == Props::TagList && it.value().isArray()) {
            // DW XML-RPC takes taglist as an array (3.3); flat wants the comma-separated string.
            QList<QByteArray> tags;
            for (const ProtocolValue& tag : it.value().items()) {
                if (!scalar(QStringLiteral("tag"), tag, &text))
                    return false;
                tags.append(text);
            }
            text = tags.join(", ");
        } else if (!scalar(QStringLiteral("prop ") + it.key(), it.value(), &text)) {
            return false;
        }
        add(QStringLiteral("prop_") + it.key(), text);
    }
    return true;
}

bool Flattener::run(const ProtocolValue& request)
{
    if (isXmlRpcOnly(m_mode))
        return fail(QStringLiteral("%1 exists only on the XML-RPC interface").arg(m_mode));
    if (!request.isStruct() && !request.isNil())
        return fail(QStringLiteral("the request must be a struct"));

    add(QStringLiteral("mode"), m_mode.toUtf8());
    const ProtocolValue::Map& members = request.members();
    // The flat user field is `user` (1.1); the flat wrapper copies it to `username`.
    if (const auto user = members.constFind(QStringLiteral("username")); user != members.cend()) {
        QByteArray text;
        if (!scalar(QStringLiteral("username"), *user, &text))
            return false;
        add(QStringLiteral("user"), text);
    }
    if (const auto ver = members.constFind(QStringLiteral("ver")); ver != members.cend()) {
        QByteArray text;
        if (!scalar(QStringLiteral("ver"), *ver, &text))
            return false;
        add(QStringLiteral("ver"), text);
    } else {
        add(QStringLiteral("ver"), QByteArrayLiteral("1"));
    }

    for (auto it = members.cbegin(); it != members.cend(); ++it) {
        const QString& key = it.key();
        const ProtocolValue& value = it.value();
        if (key == u"username" || key == u"ver" || key == u"mode")
            continue;
        bool ok = true;
        if (key == u"props")
            ok = flattenProps(value);
        else if (m_mode == u"editfriends" && (key == u"add" || key == u"delete"))
            ok = flattenEditFriends(key, value);
        else if (m_mode == u"editfriendgroups" && (key == u"set" || key == u"delete" || key == u"groupmasks"))
            ok = flattenEditFriendGroups(key, value);
        else if (m_mode == u"sessionexpire" && key == u"expire")
            ok = flattenSessionExpire(value);
        else if (m_mode == u"consolecommand" && key == u"commands")
            ok = flattenConsoleCommands(value);
        else {
            QByteArray text;
            ok = scalar(key, value, &text);
            if (ok)
                add(key, text);
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

ProtocolResult<QList<FlatCodec::Field>> FlatCodec::flattenRequest(const QString& mode,
                                                                  const ProtocolValue& request)
{
    Flattener flattener(mode);
    if (!flattener.run(request))
        return flattener.error();
    return flattener.takeFields();
}

} // namespace Inkwell
