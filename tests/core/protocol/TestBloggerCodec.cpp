#include "journal/PropNames.h"
#include "protocol/BloggerCodec.h"
#include "protocol/JournalMessages.h"

#include <QTest>

using namespace Inkwell;
using namespace Qt::StringLiterals;

// What BloggerCodec sends and reads without a server: the method each mode becomes, the post ids of
// LiveJournal and WordPress, and the faults that mean something else than they say. The round trip
// against the lj flavour's /interface/blogger is TestBloggerAccount's.

namespace {

Account account(const QString& url)
{
    Account a;
    a.name = u"blog"_s;
    a.serverUrl = QUrl(url);
    a.username = u"alice"_s;
    a.interface = Interface::Blogger;
    a.authMethod = AuthMethod::Clear;
    return a;
}

ProtocolValue request(std::initializer_list<std::pair<QString, ProtocolValue>> members)
{
    ProtocolValue value = ProtocolValue::emptyMap();
    value.insert(u"username"_s, u"alice"_s);
    value.insert(u"password"_s, u"secret"_s);
    for (const auto& [key, member] : members)
        value.insert(key, member);
    return value;
}

QByteArray fault(const QByteArray& code, const QByteArray& text)
{
    return "<?xml "
           "version=\"1.0\"?><methodResponse><fault><value><struct><member><name>faultCode</name><value>" +
           code + "</value></member><member><name>faultString</name><value><string>" + text +
           "</string></value></member></struct></value></fault></methodResponse>";
}

QByteArray reply(const QByteArray& value)
{
    return "<?xml version=\"1.0\"?><methodResponse><params><param><value>" + value +
           "</value></param></params></methodResponse>";
}

} // namespace

class TestBloggerCodec : public QObject
{
    Q_OBJECT
private slots:
    void theAddressSaysWhichDialect()
    {
        const Account lj = account(u"https://www.livejournal.com/"_s);
        QCOMPARE(lj.bloggerEndpoint(), QUrl(u"https://www.livejournal.com/interface/blogger"_s));
        QCOMPARE(BloggerCodec::forAccount(lj).endpointPath(), u"/interface/blogger"_s);
        QCOMPARE(BloggerCodec::forAccount(lj).postId(u"garden"_s, 7), u"garden:7"_s);
        const Account wp = account(u"https://blog.example.org/xmlrpc.php"_s);
        QCOMPARE(wp.bloggerEndpoint(), QUrl(u"https://blog.example.org/xmlrpc.php"_s));
        QCOMPARE(BloggerCodec::forAccount(wp).endpointPath(), QString());
        QCOMPARE(BloggerCodec::forAccount(wp).postId(u"alice"_s, 7), u"7"_s);
    }

    void modesBecomeMethods()
    {
        const BloggerCodec codec = BloggerCodec::forAccount(account(u"https://lj.example"_s));
        ProtocolValue props = ProtocolValue::emptyMap();
        props.insert(Props::CurrentMood, u"calm"_s);
        const QByteArray post = codec
                                    .encodeRequest(u"postevent"_s, request({{u"usejournal"_s, u"garden"_s},
                                                                            {u"subject"_s, u"Hi & bye"_s},
                                                                            {u"event"_s, u"body"_s},
                                                                            {u"props"_s, props}}))
                                    .value();
        QVERIFY(post.contains("<methodName>blogger.newPost</methodName>"));
        QVERIFY(post.contains("garden"));
        QVERIFY(post.contains("&lt;title&gt;Hi &amp; bye&lt;/title&gt;lj-mood: calm\n\nbody"));
        QVERIFY(post.contains("secret"));

        const QByteArray remove =
            codec.encodeRequest(u"editevent"_s, request({{u"itemid"_s, 12}, {u"event"_s, QString()}}))
                .value();
        QVERIFY(remove.contains("<methodName>blogger.deletePost</methodName>"));
        QVERIFY(remove.contains("alice:12"));
        const QByteArray one =
            codec.encodeRequest(u"getevents"_s, request({{u"selecttype"_s, u"one"_s}, {u"itemid"_s, 3}}))
                .value();
        QVERIFY(one.contains("<methodName>blogger.getPost</methodName>"));
        const QByteArray many =
            codec.encodeRequest(u"getevents"_s, request({{u"selecttype"_s, u"lastn"_s}, {u"howmany"_s, 500}}))
                .value();
        QVERIFY(many.contains("<methodName>blogger.getRecentPosts</methodName>"));
        QVERIFY(many.contains("<int>50</int>"));

        const auto none = codec.encodeRequest(u"syncitems"_s, request({}));
        QVERIFY(!none);
        QCOMPARE(none.error().category(), ProtocolError::Category::Permanent);
        QVERIFY(!codec.encodeRequest(u"blogger.noSuchMethod"_s, request({})));
    }

    void repliesReadAsTheModesReplies()
    {
        const BloggerCodec lj = BloggerCodec::forAccount(account(u"https://lj.example"_s));
        QCOMPARE(lj.decodeResponse(reply("<string>alice:42</string>"), u"postevent"_s)
                     ->member(u"itemid"_s)
                     .toInt(),
                 42);
        const ProtocolValue edit =
            lj.decodeReply(reply("<int>1</int>"), u"editevent"_s, request({{u"itemid"_s, 9}})).value();
        QCOMPARE(postResultFromReply(edit).itemid, 9);
        const QByteArray posts =
            "<array><data><value><struct>"
            "<member><name>content</name><value><string>&lt;title&gt;T&lt;/title&gt;lj-music: "
            "M\n\nline\r\nnext</string></value></member>"
            "<member><name>userID</name><value><string>bob</string></value></member>"
            "<member><name>postId</name><value><string>garden:5</string></value></member>"
            "<member><name>dateCreated</name><value><dateTime.iso8601>20261207T10:11:12</dateTime.iso8601></"
            "value></member>"
            "</struct></value></data></array>";
        const QList<JournalEntry> entries =
            entriesFromReply(lj.decodeResponse(reply(posts), u"getevents"_s).value()).value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].itemid, 5);
        QCOMPARE(entries[0].subject, u"T"_s);
        QCOMPARE(entries[0].body, u"line\nnext"_s);
        QCOMPARE(entries[0].props.value(Props::CurrentMusic), u"M"_s);
        QCOMPARE(entries[0].eventtime, u"2026-12-07 10:11:12"_s);
        QCOMPARE(entries[0].poster, u"bob"_s);
        // The owner's own posts name no poster, as getevents leaves it out.
        const QByteArray own = QByteArray(posts).replace("<string>bob</string>", "<string>garden</string>");
        QVERIFY(
            entriesFromReply(
                lj.decodeReply(reply(own), u"getevents"_s, request({{u"usejournal"_s, u"garden"_s}})).value())
                .value()
                .first()
                .poster.isEmpty());

        // The wrapper's dies: a wrong password is one, a missing post is no entry.
        const auto login = lj.decodeResponse(fault("<string>Server</string>", "Invalid login\n"), u"login"_s);
        QCOMPARE(login.error().code(), 101);
        QCOMPARE(login.error().category(), ProtocolError::Category::Authentication);
        const auto missing =
            lj.decodeResponse(fault("<string>Server</string>", "Post not found\n"), u"getevents"_s);
        QVERIFY(missing);
        QCOMPARE(missing->member(u"events"_s).size(), 0);
        QCOMPARE(lj.decodeResponse(fault("<int>302</int>", "Can't edit post: it is gone"), u"editevent"_s)
                     .error()
                     .code(),
                 302);
    }

    void wordPressAnswersInItsOwnWords()
    {
        const BloggerCodec wp = BloggerCodec::forAccount(account(u"https://blog.example.org/xmlrpc.php"_s));
        QCOMPARE(wp.decodeResponse(reply("<string>17</string>"), u"postevent"_s)->member(u"itemid"_s).toInt(),
                 17);
        const QByteArray posts =
            "<array><data><value><struct>"
            "<member><name>userid</name><value><string>1</string></value></member>"
            "<member><name>dateCreated</name><value><dateTime.iso8601>20261207T10:11:12Z</dateTime.iso8601></"
            "value></member>"
            "<member><name>content</name><value><string>&lt;title&gt;T&lt;/title&gt;&lt;category&gt;1&lt;/"
            "category&gt;Body</string></value></member>"
            "<member><name>postid</name><value><string>17</string></value></member>"
            "</struct></value></data></array>";
        const QList<JournalEntry> entries =
            entriesFromReply(wp.decodeResponse(reply(posts), u"getevents"_s).value()).value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].itemid, 17);
        QCOMPARE(entries[0].subject, u"T"_s);
        QCOMPARE(entries[0].body, u"Body"_s);
        QVERIFY(entries[0].poster.isEmpty()); // an author number is no user name
        QCOMPARE(wp.decodeResponse(fault("<int>403</int>", "Incorrect username or password."), u"login"_s)
                     .error()
                     .code(),
                 101);
        QVERIFY(wp.decodeResponse(fault("<int>404</int>", "Sorry, no such post."), u"getevents"_s));
    }
};

QTEST_GUILESS_MAIN(TestBloggerCodec)
#include "TestBloggerCodec.moc"
