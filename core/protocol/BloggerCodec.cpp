#include "protocol/BloggerCodec.h"

#include "journal/BloggerContent.h"
#include "journal/PropNames.h"
#include "protocol/XmlRpcCodec.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Inkwell {

namespace {

// Neither LiveJournal nor WordPress checks the application key; Blogger.com once required one.
const QString appKey = QStringLiteral("inkwell");
const QString methodPrefix = QStringLiteral("blogger.");

// Each method's positional parameters by their names in the Blogger API 1.0 documentation.
const QHash<QString, QStringList>& methodParameters()
{
    static const QHash<QString, QStringList> parameters = [] {
        const std::pair<const char*, const char*> methods[] = {
            {"newPost", "appkey blogid username password content publish"},
            {"editPost", "appkey postId username password content publish"},
            {"deletePost", "appkey postId username password publish"},
            {"getUsersBlogs", "appkey username password"},
            {"getUserInfo", "appkey username password"},
            {"getRecentPosts", "appkey blogid username password numberOfPosts"},
            {"getPost", "appkey postId username password"},
            {"getTemplate", "appkey blogid username password templateType"},
            {"setTemplate", "appkey blogid username password template templateType"},
        };
        QHash<QString, QStringList> table;
        for (const auto& [method, names] : methods)
            table.insert(QString::fromLatin1(method), QString::fromLatin1(names).split(u' '));
        return table;
    }();
    return parameters;
}

QString text(const ProtocolValue& request, const char* name)
{
    return request.member(QString::fromLatin1(name)).toText();
}

QString journalOf(const ProtocolValue& request)
{
    const QString usejournal = text(request, "usejournal");
    return usejournal.isEmpty() ? text(request, "username") : usejournal;
}

QString contentOf(const ProtocolValue& request)
{
    const ProtocolValue& props = request.member(QStringLiteral("props"));
    return toBloggerContent({text(request, "subject"), props.member(Props::CurrentMood).toText(),
                             props.member(Props::CurrentMusic).toText(), text(request, "event")});
}

ProtocolValue::List params(std::initializer_list<ProtocolValue> values)
{
    return ProtocolValue::List(values);
}

// A post struct as a getevents event: LiveJournal's content, userID, postId, dateCreated, or
// WordPress's content, userid (a number), postid, dateCreated.
ProtocolResult<ProtocolValue> eventFromPost(const ProtocolValue& post, BloggerCodec::PostIds ids,
                                            const QString& journal, const QString& mode)
{
    if (!post.isStruct())
        return ProtocolError::malformed(QStringLiteral("a post is not a struct"), mode);
    const bool wordPress = ids == BloggerCodec::PostIds::Number;
    const QString postId =
        post.member(wordPress ? QStringLiteral("postid") : QStringLiteral("postId")).toText();
    const auto id = parseBloggerPostId(postId.trimmed());
    if (!id)
        return ProtocolError::malformed(QStringLiteral("a post has no usable post id (%1)").arg(postId),
                                        mode);
    const QString eventtime = serverTimeFromBloggerDate(post.member(QStringLiteral("dateCreated")).toText());
    if (eventtime.isEmpty())
        return ProtocolError::malformed(QStringLiteral("post %1 has no usable dateCreated").arg(id->itemid),
                                        mode);
    // getevents without lineendings=unix: CRLF; the mirror keeps what lineendings=unix gives.
    QString text = post.member(QStringLiteral("content")).toText().remove(u'\r');
    if (wordPress) { // its categories travel beside the title; Inkwell has no use for them
        static const QRegularExpression category(QStringLiteral("<category>[^<]*</category>"));
        text.remove(category);
    }
    const BloggerContent content = fromBloggerContent(text);
    ProtocolValue event = ProtocolValue::emptyMap();
    event.insert(QStringLiteral("itemid"), id->itemid);
    event.insert(QStringLiteral("eventtime"), eventtime);
    event.insert(QStringLiteral("subject"), content.subject);
    event.insert(QStringLiteral("event"), content.body);
    // LiveJournal names the poster, the journal itself when its owner wrote it (getevents leaves
    // the poster out then); WordPress only an author number.
    if (const QString poster = post.member(QStringLiteral("userID")).toText();
        !poster.isEmpty() && !wordPress && canonicalUsername(poster) != canonicalUsername(journal))
        event.insert(QStringLiteral("poster"), poster);
    ProtocolValue props = ProtocolValue::emptyMap();
    if (!content.mood.isEmpty())
        props.insert(Props::CurrentMood, content.mood);
    if (!content.music.isEmpty())
        props.insert(Props::CurrentMusic, content.music);
    event.insert(QStringLiteral("props"), props);
    return event;
}

ProtocolResult<ProtocolValue> eventsFromPosts(const ProtocolValue& value, BloggerCodec::PostIds ids,
                                              const QString& journal, const QString& mode)
{
    ProtocolValue events = ProtocolValue::emptyList();
    const ProtocolValue::List posts = value.isArray() ? value.items() : ProtocolValue::List{value};
    for (const ProtocolValue& post : posts) {
        auto event = eventFromPost(post, ids, journal, mode);
        if (!event)
            return event.error();
        events.append(std::move(event).value());
    }
    ProtocolValue reply = ProtocolValue::emptyMap();
    reply.insert(QStringLiteral("events"), events);
    return reply;
}

ProtocolResult<ProtocolValue> loginFromBlogs(const ProtocolValue& blogs, const QString& mode)
{
    if (!blogs.isArray() || blogs.size() == 0 || !blogs.at(0).isStruct())
        return ProtocolError::malformed(QStringLiteral("getUsersBlogs listed no blog"), mode);
    ProtocolValue reply = ProtocolValue::emptyMap();
    reply.insert(QStringLiteral("fullname"), blogs.at(0).member(QStringLiteral("blogName")).toText());
    ProtocolValue others = ProtocolValue::emptyList();
    for (qsizetype i = 1; i < blogs.size(); ++i)
        others.append(blogs.at(i).member(QStringLiteral("blogid")).toText());
    reply.insert(QStringLiteral("usejournals"), others);
    return reply;
}

} // namespace

BloggerCodec::BloggerCodec(QString endpointPath, PostIds postIds)
    : m_endpointPath(std::move(endpointPath))
    , m_postIds(postIds)
{}

BloggerCodec BloggerCodec::forAccount(const Account& account)
{
    if (account.isBloggerEndpointGiven())
        return BloggerCodec(QString(), PostIds::Number);
    return BloggerCodec(QStringLiteral("/interface/blogger"), PostIds::JournalAndItem);
}

QString BloggerCodec::postId(const QString& journal, qint64 itemid) const
{
    return m_postIds == PostIds::Number ? QString::number(itemid) : toString(BloggerPostId{journal, itemid});
}

ProtocolResult<QByteArray> BloggerCodec::encodeRequest(const QString& mode,
                                                       const ProtocolValue& request) const
{
    const QString user = text(request, "username");
    const QString password = text(request, "password");
    const QString journal = journalOf(request);
    const auto call = [](const QString& method, const ProtocolValue::List& values) {
        return XmlRpcCodec::encodeCall(methodPrefix + method, values);
    };

    if (mode == QLatin1String("login"))
        return call(QStringLiteral("getUsersBlogs"), params({appKey, user, password}));
    if (mode == QLatin1String("postevent"))
        return call(QStringLiteral("newPost"),
                    params({appKey, journal, user, password, contentOf(request), true}));
    if (mode == QLatin1String("editevent")) {
        const QString id = postId(journal, request.member(QStringLiteral("itemid")).toInt());
        if (text(request, "event").isEmpty())
            return call(QStringLiteral("deletePost"), params({appKey, id, user, password, true}));
        return call(QStringLiteral("editPost"),
                    params({appKey, id, user, password, contentOf(request), true}));
    }
    if (mode == QLatin1String("getevents")) {
        if (text(request, "selecttype") == QLatin1String("one")) {
            const QString id = postId(journal, request.member(QStringLiteral("itemid")).toInt());
            return call(QStringLiteral("getPost"), params({appKey, id, user, password}));
        }
        bool given = false;
        const qint64 howmany = request.member(QStringLiteral("howmany")).toInt(&given);
        const int count = given ? int(std::clamp<qint64>(howmany, 1, maxRecentPosts)) : maxRecentPosts;
        return call(QStringLiteral("getRecentPosts"), params({appKey, journal, user, password, count}));
    }
    if (mode.startsWith(methodPrefix)) {
        const QString method = mode.mid(methodPrefix.size());
        const auto names = methodParameters().constFind(method);
        if (names == methodParameters().cend())
            return ProtocolError::unsupported(
                QStringLiteral("The Blogger API has no method %1; it has %2.")
                    .arg(mode, QStringList(methodParameters().keys()).join(QStringLiteral(", "))),
                mode);
        ProtocolValue::List values;
        for (const QString& name : *names) {
            if (request.contains(name) && name != QLatin1String("username") &&
                name != QLatin1String("password"))
                values.append(request.member(name));
            else if (name == QLatin1String("appkey"))
                values.append(appKey);
            else if (name == QLatin1String("blogid"))
                values.append(journal);
            else if (name == QLatin1String("username"))
                values.append(user);
            else if (name == QLatin1String("password"))
                values.append(password);
            else if (name == QLatin1String("publish"))
                values.append(true);
            else
                return ProtocolError::unsupported(QStringLiteral("%1 needs %2=...").arg(mode, name), mode);
        }
        return call(method, values);
    }
    return ProtocolError::unsupported(
        QStringLiteral("The Blogger API has no %1: an account that uses it can post, "
                       "edit, delete and read its newest %2 posts.")
            .arg(mode)
            .arg(maxRecentPosts),
        mode);
}

ProtocolResult<ProtocolValue> BloggerCodec::meaningOf(const ProtocolError& error, const QString& mode) const
{
    const QString says = error.serverText().trimmed();
    // LiveJournal's wrapper dies with these texts (a "Server" fault, which would read as an
    // outage); WordPress answers 403 to a wrong password and 404 to a missing post.
    const bool scriptEndpoint = m_postIds == PostIds::Number;
    if (says == QLatin1String("Invalid login") || (scriptEndpoint && error.code() == 403))
        return ProtocolError::fromCode(101, says, mode);
    if (mode == QLatin1String("getevents") &&
        (says == QLatin1String("Post not found") || (scriptEndpoint && error.code() == 404))) {
        ProtocolValue none = ProtocolValue::emptyMap();
        none.insert(QStringLiteral("events"), ProtocolValue::emptyList());
        return none;
    }
    if (says == QLatin1String("Invalid postid"))
        return ProtocolError::unsupported(tr("The server did not accept the post's id."), mode);
    // The wrapper's other deterministic die: asked again, it says the same.
    if (says.contains(QLatin1String("doesn't support Blogger Templates")))
        return ProtocolError::unsupported(says, mode);
    return error;
}

ProtocolResult<ProtocolValue> BloggerCodec::decodeResponse(const QByteArray& body, const QString& mode) const
{
    return decodeReply(body, mode, ProtocolValue::emptyMap());
}

ProtocolResult<ProtocolValue> BloggerCodec::decodeReply(const QByteArray& body, const QString& mode,
                                                        const ProtocolValue& request) const
{
    ProtocolResult<ProtocolValue> decoded = XmlRpcCodec::decodeValue(body, mode, m_limits);
    if (!decoded)
        return meaningOf(decoded.error(), mode);
    const ProtocolValue& value = decoded.value();

    if (mode.startsWith(methodPrefix))
        return value;
    if (mode == QLatin1String("login"))
        return loginFromBlogs(value, mode);
    if (mode == QLatin1String("getevents"))
        return eventsFromPosts(value, m_postIds, journalOf(request), mode);
    if (mode == QLatin1String("postevent")) {
        const auto id = value.isScalar() ? parseBloggerPostId(value.toText().trimmed()) : std::nullopt;
        if (!id)
            return ProtocolError::malformed(QStringLiteral("newPost answered no post id"), mode);
        ProtocolValue reply = ProtocolValue::emptyMap();
        reply.insert(QStringLiteral("itemid"), id->itemid);
        return reply;
    }
    if (mode == QLatin1String("editevent")) {
        // 1 (LiveJournal's <int>, WordPress's <boolean>): the entry asked for was changed.
        if (!value.isScalar() || !value.toBool())
            return ProtocolError::malformed(QStringLiteral("the server did not say the post was changed"),
                                            mode);
        ProtocolValue reply = ProtocolValue::emptyMap();
        if (request.contains(QStringLiteral("itemid")))
            reply.insert(QStringLiteral("itemid"), request.member(QStringLiteral("itemid")));
        return reply;
    }
    return value;
}

} // namespace Inkwell
