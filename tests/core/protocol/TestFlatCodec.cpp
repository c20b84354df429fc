#include "ValuePrinting.h"
#include "protocol/FlatCodec.h"
#include "protocol/JournalMessages.h"

#include <QTest>

#include <functional>

using namespace Inkwell;
using namespace Qt::StringLiterals;
using Type = ProtocolValue::Type;
using Category = ProtocolError::Category;
using Map = ProtocolValue::Map;
using List = ProtocolValue::List;

namespace {

QByteArray encode(const QString& mode, const ProtocolValue& request)
{
    const auto result = FlatCodec().encodeRequest(mode, request);
    if (!result)
        qFatal("encode failed: %s", qPrintable(result.error().toString()));
    return result.value();
}

QList<FlatCodec::Field> fields(const QString& mode, const ProtocolValue& request)
{
    const auto result = FlatCodec::flattenRequest(mode, request);
    if (!result)
        qFatal("flatten failed: %s", qPrintable(result.error().toString()));
    return result.value();
}

QByteArray field(const QList<FlatCodec::Field>& list, const QByteArray& key)
{
    for (const auto& pair : list) {
        if (pair.first == key)
            return pair.second;
    }
    return "<absent>";
}

ProtocolResult<ProtocolValue> decode(const QByteArray& body, const QString& mode,
                                     const DecodeLimits& limits = {})
{
    FlatCodec codec;
    codec.setLimits(limits);
    return codec.decodeResponse(body, mode);
}

ProtocolValue decodeOk(const QByteArray& body, const QString& mode)
{
    const auto result = decode(body, mode);
    if (!result)
        qFatal("decode failed: %s", qPrintable(result.error().toString()));
    return result.value();
}

ProtocolValue map(std::initializer_list<std::pair<const QString, ProtocolValue>> members)
{
    return ProtocolValue(Map(members));
}

} // namespace

class TestFlatCodec : public QObject
{
    Q_OBJECT
private slots:
    // ---- encoding ----------------------------------------------------------------------------

    void encodesAForm()
    {
        const QByteArray body =
            encode(u"login"_s, map({{u"username"_s, u"bob"_s}, {u"password"_s, u"p&ss=w+rd %x"_s}}));
        QCOMPARE(body, QByteArray("mode=login&user=bob&ver=1&password=p%26ss%3Dw%2Brd%20%25x"));
        // A caller's own ver is kept (ver=2 counts truncate in bytes, 3.5).
        QCOMPARE(encode(u"getevents"_s, map({{u"ver"_s, 2}})), QByteArray("mode=getevents&ver=2"));
        QCOMPARE(encode(u"getchallenge"_s, ProtocolValue()), QByteArray("mode=getchallenge&ver=1"));
        QCOMPARE(FlatCodec().contentType(), QByteArray("application/x-www-form-urlencoded"));
    }

    void percentEncodesEverythingButUnreserved()
    {
        QByteArray all;
        for (int c = 0; c < 256; ++c)
            all.append(char(c));
        const QByteArray body = encode(u"postevent"_s, map({{u"event"_s, ProtocolValue::fromUtf8(all)}}));
        const QByteArray value = body.mid(body.indexOf("event=") + 6);
        for (qsizetype i = 0; i < value.size(); ++i) {
            const char c = value.at(i);
            const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
            QVERIFY2(unreserved || c == '%', value.mid(i, 10).constData());
        }
        QVERIFY(value.startsWith("%00%01%02"));
        QVERIFY(value.contains("%0C%0D%0E"));
        QVERIFY(value.contains("%FF"));
        QVERIFY(value.contains("%20%21%22"));
        QVERIFY(value.contains("-.%2F0123456789%3A") && value.contains("Z%5B%5C%5D%5E_%60a") &&
                value.contains("z%7B%7C%7D~%7F"));
        QCOMPARE(QByteArray::fromPercentEncoding(value), all);
    }

    void flattensPropsAndScalars()
    {
        const auto list =
            fields(u"postevent"_s,
                   map({{u"username"_s, u"alice"_s},
                        {u"event"_s, u"Body"_s},
                        {u"allowmask"_s, ProtocolValue(qint64(1) << 60 | 1)},
                        {u"flag"_s, true},
                        {u"empty"_s, ProtocolValue()},
                        {u"data"_s, ProtocolValue::fromBytes(QByteArray("\x00\xFF", 2))},
                        {u"props"_s, map({{u"current_mood"_s, u"happy"_s},
                                          {u"opt_backdated"_s, true},
                                          {u"taglist"_s, ProtocolValue(List{u"cats"_s, u"dogs"_s})}})}}));
        QCOMPARE(list.at(0), FlatCodec::Field("mode", "postevent"));
        QCOMPARE(list.at(1), FlatCodec::Field("user", "alice"));
        QCOMPARE(list.at(2), FlatCodec::Field("ver", "1"));
        QCOMPARE(field(list, "event"), QByteArray("Body"));
        QCOMPARE(field(list, "allowmask"), QByteArray("1152921504606846977"));
        QCOMPARE(field(list, "flag"), QByteArray("1"));
        QCOMPARE(field(list, "empty"), QByteArray());
        QCOMPARE(field(list, "data"), QByteArray("\x00\xFF", 2));
        QCOMPARE(field(list, "prop_current_mood"), QByteArray("happy"));
        QCOMPARE(field(list, "prop_opt_backdated"), QByteArray("1"));
        QCOMPARE(field(list, "prop_taglist"), QByteArray("cats, dogs"));
        QCOMPARE(field(list, "props"), QByteArray("<absent>"));
        QCOMPARE(field(list, "username"), QByteArray("<absent>"));
    }

    void flattensEditFriends()
    {
        const auto list =
            fields(u"editfriends"_s,
                   map({{u"add"_s, ProtocolValue(List{u"carol"_s, map({{u"username"_s, u"dave"_s},
                                                                       {u"fgcolor"_s, u"#000000"_s},
                                                                       {u"bgcolor"_s, u"#FFFFFF"_s},
                                                                       {u"groupmask"_s, 5}})})},
                        {u"delete"_s, ProtocolValue(List{u"eve"_s})}}));
        QCOMPARE(field(list, "editfriend_add_1_user"), QByteArray("carol"));
        QCOMPARE(field(list, "editfriend_add_2_user"), QByteArray("dave"));
        QCOMPARE(field(list, "editfriend_add_2_fg"), QByteArray("#000000"));
        QCOMPARE(field(list, "editfriend_add_2_bg"), QByteArray("#FFFFFF"));
        QCOMPARE(field(list, "editfriend_add_2_groupmask"), QByteArray("5"));
        QCOMPARE(field(list, "editfriend_delete_eve"), QByteArray("1"));
        QVERIFY(!FlatCodec::flattenRequest(
            u"editfriends"_s, map({{u"add"_s, ProtocolValue(List{map({{u"nickname"_s, u"x"_s}})})}})));
    }

    void flattensEditFriendGroups()
    {
        const auto list =
            fields(u"editfriendgroups"_s,
                   map({{u"set"_s,
                         map({{u"3"_s, map({{u"name"_s, u"Close"_s}, {u"sort"_s, 10}, {u"public"_s, 1}})}})},
                        {u"delete"_s, ProtocolValue(List{4, 5})},
                        {u"groupmasks"_s, map({{u"bob"_s, 9}})}}));
        QCOMPARE(field(list, "efg_set_3_name"), QByteArray("Close"));
        QCOMPARE(field(list, "efg_set_3_sort"), QByteArray("10"));
        QCOMPARE(field(list, "efg_set_3_public"), QByteArray("1"));
        QCOMPARE(field(list, "efg_delete_4"), QByteArray("1"));
        QCOMPARE(field(list, "efg_delete_5"), QByteArray("1"));
        QCOMPARE(field(list, "editfriend_groupmask_bob"), QByteArray("9"));
    }

    void flattensSessionExpireAndConsole()
    {
        const auto expire = fields(u"sessionexpire"_s, map({{u"expire"_s, ProtocolValue(List{17, 99999})}}));
        QCOMPARE(field(expire, "expire_id_17"), QByteArray("1"));
        QCOMPARE(field(expire, "expire_id_99999"), QByteArray("1"));

        QCOMPARE(
            field(fields(u"consolecommand"_s, map({{u"commands"_s, ProtocolValue(List{u"help print"_s})}})),
                  "command"),
            QByteArray("help print"));
        const ProtocolValue split(List{u"ban_set"_s, u"some user"_s, u"say \"hi\"\\"_s, QString()});
        QCOMPARE(
            field(fields(u"consolecommand"_s, map({{u"commands"_s, ProtocolValue(List{split})}})), "command"),
            QByteArray("ban_set \"some user\" \"say \\\"hi\\\"\\\\\" \"\""));
        const auto two = FlatCodec::flattenRequest(
            u"consolecommand"_s, map({{u"commands"_s, ProtocolValue(List{u"a"_s, u"b"_s})}}));
        QVERIFY(!two);
        QCOMPARE(two.error().category(), Category::Permanent);
    }

    void refusesWhatFlatCannotCarry()
    {
        for (const QString& mode : {u"getcircle"_s, u"editcircle"_s, u"getinbox"_s, u"sendmessage"_s,
                                    u"setmessageread"_s, u"addcomment"_s}) {
            const auto result = FlatCodec().encodeRequest(mode, map({{u"username"_s, u"bob"_s}}));
            QVERIFY(!result);
            QCOMPARE(result.error().category(), Category::Permanent);
            QCOMPARE(result.error().mode(), mode);
        }
        QVERIFY(!FlatCodec().encodeRequest(u"postevent"_s, map({{u"nested"_s, map({{u"a"_s, 1}})}})));
        QVERIFY(!FlatCodec().encodeRequest(u"postevent"_s, map({{u"props"_s, ProtocolValue(List{1})}})));
        QVERIFY(!FlatCodec().encodeRequest(u"postevent"_s, map({{u"props"_s, map({{u"a"_s, map({})}})}})));
        QVERIFY(!FlatCodec().encodeRequest(u"postevent"_s, ProtocolValue(u"x"_s)));
    }

    // ---- decoding: the wire format -----------------------------------------------------------

    void emptyValuesAreValues()
    {
        // flat/106: `lastupdate` with an empty value; blank lines are never skipped.
        const ProtocolValue reply =
            decodeOk("interval\n36000\nlastupdate\n\nnew\n0\nsuccess\nOK\n", u"checkforupdates"_s);
        QCOMPARE(reply.member(u"interval").toInt(), 36000);
        QVERIFY(reply.contains(u"lastupdate"_s));
        QCOMPARE(reply.member(u"lastupdate").toText(), QString());
        QCOMPARE(reply.member(u"new").toInt(), 0);
        QVERIFY(!reply.contains(u"success"_s));
        // An empty key with an empty value, and a last value that is empty.
        const ProtocolValue odd = decodeOk("\n\nsuccess\nOK\nzz\n\n", u"x"_s);
        QVERIFY(odd.contains(QString()));
        QVERIFY(odd.contains(u"zz"_s));
    }

    void leadingByteOrderMarkIsKept()
    {
        const ProtocolValue reply = decodeOk("\xEF\xBB\xBFkey\n\xEF\xBB\xBFvalue\nsuccess\nOK\n", u"x"_s);
        QCOMPARE(reply.member(u"\uFEFFkey"_s).toText(), u"\uFEFFvalue"_s);
    }

    void onlyEntryBodiesAreUrlDecoded()
    {
        const ProtocolValue reply =
            decodeOk("events_1_event\n100%25+sure+%2B+a%2Bb+%E2%98%83%0D%0Anext+%ZZ+%\n"
                     "events_1_itemid\n1\nevents_1_subject\n100%25 + %41\nevents_count\n1\n"
                     "prop_1_itemid\n1\nprop_1_name\ncurrent_music\nprop_1_value\nA+B %20\n"
                     "prop_count\n1\nsuccess\nOK\n",
                     u"getevents"_s);
        const ProtocolValue event = reply.member(u"events").at(0);
        QCOMPARE(event.member(u"event").toUtf8(), QByteArray("100% sure + a+b \xE2\x98\x83\r\nnext %ZZ %"));
        QCOMPARE(event.member(u"subject").toText(), u"100%25 + %41"_s);
        QCOMPARE(event.member(u"props").member(u"current_music").toText(), u"A+B %20"_s);
    }

    void toleratesWhatAProxyMightDo()
    {
        // Missing final LF, one LF too many, CRLF line ends, keys out of order, a duplicate key.
        QCOMPARE(decodeOk("a\n1\nsuccess\nOK", u"x"_s).member(u"a").toInt(), 1);
        QCOMPARE(decodeOk("a\n1\nsuccess\nOK\n\n", u"x"_s).member(u"a").toInt(), 1);
        QCOMPARE(decodeOk("a\r\n1\r\nsuccess\r\nOK\r\n", u"x"_s).member(u"a").toInt(), 1);
        const ProtocolValue unsorted = decodeOk("success\nOK\nz\n2\na\n1\nz\n3\n", u"x"_s);
        QCOMPARE(unsorted.member(u"a").toInt(), 1);
        QCOMPARE(unsorted.member(u"z").toInt(), 3);
        const ProtocolValue events = decodeOk(
            "success\nOK\nevents_2_itemid\n7\nevents_1_itemid\n5\nevents_count\n2\n", u"getevents"_s);
        QCOMPARE(events.member(u"events").at(0).member(u"itemid").toInt(), 5);
        QCOMPARE(events.member(u"events").at(1).member(u"itemid").toInt(), 7);
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("category");
        QTest::addColumn<bool>("byStatus"); // told by the status keys alone (replyError)
        QTest::newRow("errmsg") << QByteArray("errmsg\nInvalid password\nsuccess\nFAIL\n") << u"login"_s
                                << 101 << int(Category::Authentication) << true;
        // 3.12: flat sessiongenerate says OK after failing.
        QTest::newRow("errmsg with OK")
            << QByteArray("errmsg\nInvalid password\nljsession\n\nsuccess\nOK\n") << u"sessiongenerate"_s
            << 101 << int(Category::Authentication) << true;
        QTest::newRow("empty session") << QByteArray("ljsession\n\nsuccess\nOK\n") << u"sessiongenerate"_s
                                       << 0 << int(Category::Temporary) << false;
        QTest::newRow("no session") << QByteArray("success\nOK\n") << u"sessiongenerate"_s << 0
                                    << int(Category::Temporary) << false;
        QTest::newRow("empty body") << QByteArray() << u"login"_s << 0 << int(Category::Temporary) << true;
        QTest::newRow("html page") << QByteArray("<html>\n<body>Proxy Error</body>\n</html>\n") << u"login"_s
                                   << 0 << int(Category::Temporary) << true;
        QTest::newRow("perl die") << QByteArray(
                                         "Error: Invalid users passed to LJ::User->can_post_to. @ vm\n")
                                  << u"getevents"_s << 0 << int(Category::Temporary) << true;
        QTest::newRow("FAIL without errmsg")
            << QByteArray("success\nFAIL\n") << u"login"_s << 0 << int(Category::Temporary) << true;
        QTest::newRow("odd success") << QByteArray("success\nMAYBE\n") << u"login"_s << 0
                                     << int(Category::Malformed) << true;
        QTest::newRow("key without value")
            << QByteArray("a\n1\nsuccess\nOK\nb\n") << u"login"_s << 0 << int(Category::Malformed) << true;
    }

    void failures()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mode);
        QFETCH(int, code);
        QFETCH(int, category);
        QFETCH(bool, byStatus);
        const auto result = decode(body, mode);
        QVERIFY(!result);
        const ProtocolError status = FlatCodec().replyError(body, mode);
        if (byStatus)
            QCOMPARE(status, result.error());
        else
            QVERIFY(status.isNull()); // the reply says OK; what it lacks shows when it is read
        QCOMPARE(result.error().code(), code);
        QCOMPARE(int(result.error().category()), category);
        QCOMPARE(result.error().mode(), mode);
    }

    void replyErrorReadsOnlyTheStatus()
    {
        // OK, and a getevents entry without an itemid: the status passes, reading the entries fails.
        const QByteArray damaged("events_count\n1\nevents_1_subject\nx\nsuccess\nOK\n");
        QVERIFY(FlatCodec().replyError(damaged, u"getevents"_s).isNull());
        const auto tree = decode(damaged, u"getevents"_s);
        QVERIFY(tree);
        QVERIFY(!entriesFromReply(tree.value()));
        // The last of repeated status keys counts, as when decoding.
        QVERIFY(FlatCodec().replyError("success\nFAIL\nsuccess\nOK\n", u"login"_s).isNull());
        QCOMPARE(FlatCodec().replyError("success\nOK\nsuccess\nFAIL\n", u"login"_s).category(),
                 Category::Temporary);
    }

    void scalarsAreTypedLikeXmlRpc()
    {
        const ProtocolValue reply =
            decodeOk("a\n42\nb\n-0042\nc\n1.5\nd\n2024-03-01 18:05:00\ne\n20240301T18:05:00\n"
                     "f\n1e5\ng\n.5\nh\n1.\ni\n\nname\n12345\nsuccess\nOK\nj\n+\nk\n12a\n",
                     u"x"_s);
        QCOMPARE(reply.member(u"a").type(), Type::Int);
        QCOMPARE(reply.member(u"b").type(), Type::Int);
        QCOMPARE(reply.member(u"b").toText(), u"-0042"_s); // the lexeme stays
        QCOMPARE(reply.member(u"c").type(), Type::Double);
        QCOMPARE(reply.member(u"d").type(), Type::String);
        QCOMPARE(reply.member(u"e").type(), Type::DateTime);
        QCOMPARE(reply.member(u"f").type(), Type::Double);
        QCOMPARE(reply.member(u"g").type(), Type::Double);
        QCOMPARE(reply.member(u"h").type(), Type::Double);
        QCOMPARE(reply.member(u"i").type(), Type::String);
        QCOMPARE(reply.member(u"j").type(), Type::String);
        QCOMPARE(reply.member(u"k").type(), Type::String);
        // Dreamwidth sends these keys as <string> whatever they hold (1.3.1).
        QCOMPARE(reply.member(u"name").type(), Type::String);
    }

    // ---- decoding: per-mode shapes -----------------------------------------------------------

    void getevents()
    {
        const ProtocolValue reply = decodeOk(
            "events_1_anum\n77\nevents_1_event\nHello%2C+world%21%0AIt+is+%E2%98%83.\nevents_1_eventtime\n"
            "2024-03-01 18:05:00\nevents_1_itemid\n42\nevents_1_poster\n123\nevents_1_subject\nFirst post\n"
            "events_2_itemid\n43\nevents_2_event\nx\nevents_count\n2\nprop_1_itemid\n42\nprop_1_"
            "name\ncurrent_mood\n"
            "prop_1_value\ncheerful\nprop_2_itemid\n42\nprop_2_name\ncurrent_moodid\nprop_2_value\n15\n"
            "prop_3_itemid\n999\nprop_3_name\norphan\nprop_3_value\nx\nprop_count\n3\nsuccess\nOK\n",
            u"getevents"_s);
        QCOMPARE(reply.members().keys(), QStringList{u"events"_s});
        const ProtocolValue first = reply.member(u"events").at(0);
        QCOMPARE(first.member(u"event").toText(), u"Hello, world!\nIt is ☃."_s);
        QCOMPARE(first.member(u"itemid").toInt(), 42);
        QCOMPARE(first.member(u"poster").type(), Type::String);
        QCOMPARE(first.member(u"props").member(u"current_mood").toText(), u"cheerful"_s);
        QCOMPARE(first.member(u"props").member(u"current_moodid").type(), Type::Int);
        QCOMPARE(first.member(u"props").size(), 2);
        QVERIFY(!reply.member(u"events").at(1).contains(u"props"_s));

        const ProtocolValue none = decodeOk("events_count\n0\nprop_count\n0\nsuccess\nOK\n", u"getevents"_s);
        QCOMPARE(none.member(u"events").type(), Type::Array);
        QCOMPARE(none.member(u"events").size(), 0);
    }

    void geteventsPropsByNumber()
    {
        // Props are grouped by their number in numeric order (prop_10 sorts before prop_2 as a key),
        // one number may come as several spellings (prop_01_, prop_1_: the later key wins per
        // field), and a prop without a name is no prop.
        const ProtocolValue reply = decodeOk(
            "events_1_itemid\n42\nevents_1_event\nx\nevents_2_subject\ny\nevents_count\n2\n"
            "prop_01_name\nb\nprop_01_value\nold\nprop_10_itemid\n42\nprop_10_name\na\nprop_10_value\nten\n"
            "prop_1_itemid\n42\nprop_1_value\nnew\nprop_2_itemid\n42\nprop_2_name\na\nprop_2_value\ntwo\n"
            "prop_3_itemid\n42\nprop_3_value\nnameless\nprop_4_itemid\n42\nprop_4_name\n\nprop_4_value\nx\n"
            "prop_5_name\nc\nprop_count\n5\nsuccess\nOK\n",
            u"getevents"_s);
        const ProtocolValue& events = reply.member(u"events");
        QCOMPARE(events.at(0).member(u"props"), map({{u"a"_s, u"ten"_s}, {u"b"_s, u"new"_s}}));
        // An event without itemid gets the props without one (and fails as an entry).
        QCOMPARE(events.at(1).member(u"props"), map({{u"c"_s, u""_s}}));
        QCOMPARE(reply.members().keys(), QStringList{u"events"_s});

        const JournalEntry entry = entryFromEvent(events.at(0));
        QCOMPARE(entry.itemid, 42);
        QCOMPARE(entry.body, u"x"_s);
        QCOMPARE(entry.props, (QMap<QString, QString>{{u"a"_s, u"ten"_s}, {u"b"_s, u"new"_s}}));
        QVERIFY(!entriesFromReply(reply));
    }

    void login()
    {
        const ProtocolValue reply = decodeOk(
            "access_1\nljcomm\naccess_2\nother\naccess_count\n2\ndefaultpicurl\nhttp://pic/1\nfastserver\n1\n"
            "frgrp_1_name\nClose\nfrgrp_1_sortorder\n20\nfrgrp_3_name\nWork\nfrgrp_3_public\n1\nfrgrp_3_"
            "sortorder\n10\n"
            "frgrp_maxnum\n3\nmenu_0_1_text\nRecent\nmenu_0_1_url\n/r\nmenu_0_2_text\n-\nmenu_0_3_sub\n1\n"
            "menu_0_3_text\nMore\nmenu_0_count\n3\nmenu_1_1_sub\n2\nmenu_1_1_text\nDeeper\nmenu_1_count\n1\n"
            "menu_2_1_sub\n0\nmenu_2_1_text\nLoop\nmenu_2_count\n1\nmessage\nHi there\nmood_1_id\n1\n"
            "mood_1_name\naggravated\nmood_1_parent\n2\nmood_2_id\n2\nmood_2_name\nangry\nmood_2_parent\n0\n"
            "mood_count\n2\nname\nBob Smith\npickw_1\nkw one\npickw_count\n1\npickwurl_1\nhttp://pic/2\n"
            "pickwurl_count\n1\nsuccess\nOK\n",
            u"login"_s);
        QCOMPARE(reply.member(u"fullname").toText(), u"Bob Smith"_s);
        QVERIFY(!reply.contains(u"name"_s));
        QCOMPARE(reply.member(u"usejournals").items(), (List{u"ljcomm"_s, u"other"_s}));
        const ProtocolValue groups = reply.member(u"friendgroups");
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.at(0).member(u"id").toInt(), 3); // by sortorder
        QCOMPARE(groups.at(0).member(u"public").toInt(), 1);
        QCOMPARE(groups.at(1).member(u"name").toText(), u"Close"_s);
        QCOMPARE(groups.at(1).member(u"public").toInt(), 0);
        QCOMPARE(reply.member(u"moods").size(), 2);
        QCOMPARE(reply.member(u"moods").at(1).member(u"name").toText(), u"angry"_s);
        QCOMPARE(reply.member(u"pickws").items(), List{u"kw one"_s});
        QCOMPARE(reply.member(u"pickwurls").at(0).toText(), u"http://pic/2"_s);
        QCOMPARE(reply.member(u"defaultpicurl").toText(), u"http://pic/1"_s);
        QCOMPARE(reply.member(u"fastserver").toInt(), 1);
        QCOMPARE(reply.member(u"message").toText(), u"Hi there"_s);
        const ProtocolValue menus = reply.member(u"menus");
        QCOMPARE(menus.size(), 3);
        QCOMPARE(menus.at(1).member(u"text").toText(), u"-"_s);
        const ProtocolValue more = menus.at(2).member(u"sub");
        QCOMPARE(more.at(0).member(u"text").toText(), u"Deeper"_s);
        // Menu 2 points back at menu 0: the loop is cut, not followed.
        QCOMPARE(more.at(0).member(u"sub").at(0).member(u"text").toText(), u"Loop"_s);
        QCOMPARE(more.at(0).member(u"sub").at(0).member(u"sub").size(), 0);

        // No access_* keys (flat sends them only when >= 1): still an array, as on XML-RPC.
        const ProtocolValue plain = decodeOk("frgrp_maxnum\n0\nname\nX\nsuccess\nOK\n", u"login"_s);
        QCOMPARE(plain.member(u"usejournals").type(), Type::Array);
        QCOMPARE(plain.member(u"friendgroups").type(), Type::Array);
        QVERIFY(!plain.contains(u"moods"_s));
        QVERIFY(!plain.contains(u"menus"_s));
    }

    void syncitemsAndDaycounts()
    {
        const ProtocolValue sync =
            decodeOk("success\nOK\nsync_1_action\ncreate\nsync_1_item\nL-3\nsync_1_time\n"
                     "2026-11-23 11:57:20\nsync_2_action\nupdate\nsync_2_item\nC-3\nsync_2_time\n"
                     "2026-11-23 11:58:00\nsync_count\n2\nsync_total\n5\n",
                     u"syncitems"_s);
        QCOMPARE(sync.member(u"total").toInt(), 5);
        QCOMPARE(sync.member(u"count").toInt(), 2);
        QCOMPARE(sync.member(u"syncitems").size(), 2);
        QCOMPARE(sync.member(u"syncitems").at(1).member(u"item").toText(), u"C-3"_s);
        QCOMPARE(sync.size(), 3);

        const ProtocolValue days = decodeOk("2025-01-02\n2\n2025-01-01\n4\nsuccess\nOK\n", u"getdaycounts"_s);
        QCOMPARE(days.size(), 1);
        QCOMPARE(days.member(u"daycounts").at(0).member(u"date").toText(), u"2025-01-01"_s);
        QCOMPARE(days.member(u"daycounts").at(0).member(u"count").toInt(), 4);
        QCOMPARE(days.member(u"daycounts").at(1).member(u"count").toInt(), 2);
        // No entries: no daycounts key, as on XML-RPC (3.7).
        QVERIFY(!decodeOk("success\nOK\n", u"getdaycounts"_s).contains(u"daycounts"_s));
    }

    void getusertags()
    {
        const ProtocolValue reply = decodeOk("success\nOK\ntag_1_display\n1\ntag_1_name\ncats\ntag_1_sb_"
                                             "group_1_count\n2\ntag_1_sb_group_1_id\n3\n"
                                             "tag_1_sb_group_count\n1\ntag_1_security\ngroup\ntag_1_"
                                             "uses\n5\ntag_2_name\ndogs\ntag_2_security\npublic\n"
                                             "tag_count\n2\n",
                                             u"getusertags"_s);
        const ProtocolValue cats = reply.member(u"tags").at(0);
        QCOMPARE(cats.member(u"name").toText(), u"cats"_s);
        QCOMPARE(cats.member(u"security_level").toText(), u"group"_s);
        QCOMPARE(cats.member(u"uses").toInt(), 5);
        QCOMPARE(cats.member(u"display").toInt(), 1);
        QCOMPARE(cats.member(u"security").member(u"groups").member(u"3").toInt(), 2);
        QCOMPARE(cats.size(), 5);
        const ProtocolValue dogs = reply.member(u"tags").at(1);
        QCOMPARE(dogs.member(u"uses").toInt(), 0);
        QCOMPARE(dogs.member(u"display").toInt(), 0);
        QCOMPARE(dogs.member(u"security").member(u"groups").type(), Type::Struct);
    }

    void friendsAndGroups()
    {
        const ProtocolValue friends = decodeOk(
            "frgrp_2_name\nFamily\nfrgrp_2_sortorder\n5\nfrgrp_maxnum\n2\nfriend_1_bg\n#ffffff\nfriend_1_"
            "fg\n#000000\n"
            "friend_1_groupmask\n5\nfriend_1_name\nCarol C\nfriend_1_type\ncommunity\nfriend_1_user\ncarol\n"
            "friend_count\n1\nfriendof_1_name\nDave\nfriendof_1_user\ndave\nfriendof_count\n1\nsuccess\nOK\n",
            u"getfriends"_s);
        const ProtocolValue carol = friends.member(u"friends").at(0);
        QCOMPARE(carol.member(u"username").toText(), u"carol"_s);
        QCOMPARE(carol.member(u"fullname").toText(), u"Carol C"_s);
        QCOMPARE(carol.member(u"fgcolor").toText(), u"#000000"_s);
        QCOMPARE(carol.member(u"bgcolor").toText(), u"#ffffff"_s);
        QCOMPARE(carol.member(u"groupmask").toInt(), 5);
        QCOMPARE(carol.member(u"type").toText(), u"community"_s);
        QCOMPARE(friends.member(u"friendofs").at(0).member(u"username").toText(), u"dave"_s);
        QCOMPARE(friends.member(u"friendgroups").at(0).member(u"id").toInt(), 2);

        QCOMPARE(decodeOk("friendof_count\n0\nsuccess\nOK\n", u"friendof"_s).member(u"friendofs").type(),
                 Type::Array);
        QCOMPARE(decodeOk("frgrp_1_name\nA\nfrgrp_maxnum\n1\nsuccess\nOK\n", u"getfriendgroups"_s)
                     .member(u"friendgroups")
                     .size(),
                 1);
        const ProtocolValue trust =
            decodeOk("success\nOK\ntr_1_name\nClose\ntr_1_sortorder\n10\ntr_2_name\nWork\n"
                     "tr_2_public\n1\ntr_2_sortorder\n20\ntr_maxnum\n2\n",
                     u"gettrustgroups"_s);
        QCOMPARE(trust.size(), 1);
        QCOMPARE(trust.member(u"trustgroups").at(1).member(u"public").toInt(), 1);
        QCOMPARE(trust.member(u"trustgroups").at(0).member(u"id").toInt(), 1);
        const ProtocolValue added = decodeOk("friend_1_name\nCarol\nfriend_1_user\ncarol\nfriends_added\n1\n"
                                             "success\nOK\n",
                                             u"editfriends"_s);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.member(u"added").at(0).member(u"username").toText(), u"carol"_s);
        QCOMPARE(added.member(u"added").at(0).member(u"fullname").toText(), u"Carol"_s);
    }

    void console()
    {
        const ProtocolValue reply =
            decodeOk("cmd_line_1\nUser unbanned\ncmd_line_1_type\nsuccess\ncmd_line_2\n"
                     "\tno type\ncmd_line_count\n2\ncmd_success\n1\nsuccess\nOK\n",
                     u"consolecommand"_s);
        QCOMPARE(reply.size(), 1);
        const ProtocolValue result = reply.member(u"results").at(0);
        QCOMPARE(result.member(u"success").toInt(), 1);
        QCOMPARE(result.member(u"output").at(0).items(), (List{u"success"_s, u"User unbanned"_s}));
        QCOMPARE(result.member(u"output").at(1).items(), (List{QString(), u"\tno type"_s}));
    }

    void otherModes()
    {
        const ProtocolValue session =
            decodeOk("ljsession\nv1:u2:s1:apNf//\nsuccess\nOK\n", u"sessiongenerate"_s);
        QCOMPARE(session.member(u"ljsession").toText(), u"v1:u2:s1:apNf//"_s);
        const ProtocolValue page = decodeOk("entries_1_event\na+%26+b\nentries_1_journalname\n42\n"
                                            "entries_1_subject_raw\nS\nentries_count\n1\nsuccess\nOK\n",
                                            u"getreadpage"_s);
        QCOMPARE(page.member(u"entries").at(0).member(u"event_raw").toText(), u"a & b"_s);
        QCOMPARE(page.member(u"entries").at(0).member(u"journalname").type(), Type::String);
        const ProtocolValue pic = decodeOk("height\n100\npicid\n7\nsuccess\nOK\nwidth\n90\n", u"uploadpic"_s);
        QCOMPARE(pic.member(u"picid").toInt(), 7);
        // A mode nobody shaped: every key passes through, numbered or not.
        const ProtocolValue unknown = decodeOk("foo_1_bar\nx\nsuccess\nOK\n", u"newmode"_s);
        QCOMPARE(unknown.member(u"foo_1_bar").toText(), u"x"_s);
        // Extra keys next to known ones pass through too (9.18).
        QCOMPARE(decodeOk("events_count\n0\nnewfield\n1\nsuccess\nOK\n", u"getevents"_s)
                     .member(u"newfield")
                     .toInt(),
                 1);
    }

    // ---- robustness --------------------------------------------------------------------------

    void hugeIndexesAllocateNothing()
    {
        const ProtocolValue reply =
            decodeOk("events_1000000000000_itemid\n1\nevents_99999999999999999999_itemid\n2\n"
                     "events_count\n1000000000000000\nmenu_0_1_sub\n999999999999\n"
                     "menu_0_1_text\nx\nsuccess\nOK\n",
                     u"getevents"_s);
        QCOMPARE(reply.member(u"events").size(), 1);
        // An index beyond 64 bits is not an index: the key passes through.
        QCOMPARE(reply.member(u"events_99999999999999999999_itemid").toInt(), 2);
        const ProtocolValue menus =
            decodeOk("menu_0_1_sub\n999999999999\nmenu_0_1_text\nx\nsuccess\nOK\n", u"login"_s);
        QCOMPARE(menus.member(u"menus").at(0).member(u"sub").size(), 0);
    }

    void noBlowUp()
    {
        // Menus that all point at the next one, ten times each, 40 deep: expanding every
        // reference would build 10^40 items; each menu is expanded once.
        QByteArray menus;
        for (int m = 0; m < 40; ++m) {
            for (int i = 1; i <= 10; ++i) {
                const QByteArray key = "menu_" + QByteArray::number(m) + '_' + QByteArray::number(i) + '_';
                menus += key + "sub\n" + QByteArray::number(m + 1) + '\n' + key + "text\nx\n";
            }
        }
        const ProtocolValue login = decodeOk(menus + "success\nOK\n", u"login"_s);
        qsizetype items = 0;
        std::function<void(const ProtocolValue&)> count = [&](const ProtocolValue& list) {
            for (const ProtocolValue& item : list.items()) {
                ++items;
                count(item.member(u"sub"));
            }
        };
        count(login.member(u"menus"));
        QCOMPARE(items, 400); // every flat item exactly once
        QCOMPARE(login.member(u"menus").at(0).member(u"sub").size(), 10);
        QCOMPARE(login.member(u"menus").at(1).member(u"sub").size(), 0); // menu 1 already placed

        // One itemid repeated by 2,000 events, with 2,000 props: linear, every event gets them.
        QByteArray events;
        for (int n = 1; n <= 2000; ++n) {
            const QByteArray i = QByteArray::number(n);
            events += "events_" + i + "_itemid\n7\nprop_" + i + "_itemid\n7\nprop_" + i + "_name\np" + i +
                      "\nprop_" + i + "_value\nv\n";
        }
        const ProtocolValue reply = decodeOk(events + "success\nOK\n", u"getevents"_s);
        QCOMPARE(reply.member(u"events").size(), 2000);
        QCOMPARE(reply.member(u"events").at(1999).member(u"props").size(), 2000);
    }

    void limits()
    {
        DecodeLimits small;
        small.maxBodyBytes = 10;
        QCOMPARE(decode("success\nOK\nabc\ndef\n", u"x"_s, small).error().category(), Category::Malformed);
        DecodeLimits few;
        few.maxValues = 3;
        QCOMPARE(decode("a\n1\nb\n2\nc\n3\nd\n4\nsuccess\nOK\n", u"x"_s, few).error().category(),
                 Category::Malformed);
        QVERIFY(decode("a\n1\nb\n2\nsuccess\nOK\n", u"x"_s, few));
        // A menu chain deeper than the nesting limit is cut, not recursed into.
        QByteArray chain;
        for (int i = 0; i < 5000; ++i)
            chain += "menu_" + QByteArray::number(i) + "_1_sub\n" + QByteArray::number(i + 1) + "\nmenu_" +
                     QByteArray::number(i) + "_1_text\nm\n";
        QVERIFY(decode(chain + "success\nOK\n", u"login"_s));
    }

    void everyPrefixDecodesSafely()
    {
        const QByteArray body =
            "events_1_event\na%2Bb\nevents_1_itemid\n1\nevents_count\n1\nprop_1_itemid\n1\n"
            "prop_1_name\ntaglist\nprop_1_value\ncats\nprop_count\n1\nsuccess\nOK\n";
        QVERIFY(decode(body, u"getevents"_s));
        const qsizetype successAt = body.indexOf("success\nOK");
        for (qsizetype length = 0; length < body.size(); ++length) {
            const auto result = decode(body.left(length), u"getevents"_s);
            if (length <= successAt + 9) // up to "success\nO": no complete success=OK
                QVERIFY2(!result, body.left(length).constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestFlatCodec)
#include "TestFlatCodec.moc"
