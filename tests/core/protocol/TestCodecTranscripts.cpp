// Every recorded Dreamwidth reply (tests/data/transcripts, tests/data/fixtures) decodes on its
// interface, failures decode to the expected ProtocolError (and replyError() agrees on both), and
// the flat and XML-RPC fixtures of the same request decode to the same tree.

#include "Transcript.h"
#include "protocol/FlatCodec.h"
#include "protocol/XmlRpcCodec.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace Inkwell;
using namespace Qt::StringLiterals;
using Category = ProtocolError::Category;

namespace {

struct ExpectedError
{
    int code;
    Category category;
};

// What each failing exchange must decode to, read off the recordings by hand (file name -> error).
const QHash<QString, ExpectedError>& expectedErrors()
{
    static const QHash<QString, ExpectedError> errors = {
        {u"flat/005-login-unknown-user"_s, {100, Category::Authentication}},
        // Pre-dispatch "No username sent." (1.2.3): XML-RPC says 100 for the same request.
        {u"flat/006-login-invalid-username"_s, {100, Category::Authentication}},
        {u"flat/007-login-missing-user"_s, {100, Category::Authentication}},
        {u"flat/008-no-mode"_s, {200, Category::Permanent}},
        {u"flat/009-unknown-mode"_s, {201, Category::Permanent}},
        {u"flat/014-login-challenge-reused"_s, {101, Category::Authentication}},
        {u"flat/016-login-challenge-real-password-fails"_s, {101, Category::Authentication}},
        {u"flat/017-login-challenge-garbage"_s, {101, Category::Authentication}},
        {u"flat/018-login-bad-password-1"_s, {101, Category::Authentication}},
        {u"flat/019-login-hpassword-of-real-password-3"_s, {101, Category::Authentication}},
        {u"flat/020-login-correct-password-after-lockout"_s, {402, Category::Authentication}},
        // success=OK *and* errmsg (3.12).
        {u"flat/022-sessiongenerate-bad-password"_s, {101, Category::Authentication}},
        {u"flat/028-postevent-utf8-ver0-community"_s, {207, Category::Permanent}},
        {u"flat/029-postevent-invalid-utf8"_s, {208, Category::Permanent}},
        {u"flat/033-postevent-unknown-prop"_s, {205, Category::Permanent}},
        {u"flat/037-postevent-missing-event"_s, {200, Category::Permanent}},
        {u"flat/038-postevent-missing-date"_s, {203, Category::Permanent}},
        {u"flat/039-postevent-bad-year"_s, {203, Category::Permanent}},
        {u"flat/040-postevent-bad-day"_s, {203, Category::Permanent}},
        {u"flat/041-postevent-bad-password"_s, {101, Category::Authentication}},
        {u"flat/042-postevent-usejournal-no-access"_s, {300, Category::Temporary}},
        {u"flat/044-postevent-community-backdated"_s, {152, Category::Permanent}},
        {u"flat/046-postevent-subject-too-long"_s, {411, Category::Permanent}},
        {u"flat/048-editevent-nonexistent"_s, {302, Category::Temporary}},
        {u"flat/049-editevent-missing-itemid"_s, {302, Category::Temporary}},
        {u"flat/050-editevent-other-users-entry"_s, {303, Category::Temporary}},
        {u"flat/054-editevent-delete-again"_s, {302, Category::Temporary}},
        {u"flat/060-getevents-utf8-ver0"_s, {207, Category::Permanent}},
        {u"flat/070-getevents-lastn-bad-beforedate"_s, {203, Category::Permanent}},
        {u"flat/072-getevents-day-bad-month"_s, {203, Category::Permanent}},
        {u"flat/073-getevents-day-using-mon"_s, {203, Category::Permanent}},
        {u"flat/074-getevents-invalid-selecttype"_s, {200, Category::Permanent}},
        {u"flat/075-getevents-missing-selecttype"_s, {200, Category::Permanent}},
        {u"flat/081-getevents-other-journal-public-only"_s, {300, Category::Temporary}},
        // HTTP 500 with a Perl die, no success key: the server failed before the protocol code.
        {u"flat/082-getevents-usejournal-nonexistent"_s, {0, Category::Temporary}},
        {u"flat/085-syncitems-bad-lastsync"_s, {203, Category::Permanent}},
        {u"flat/088-getdaycounts-other-user-view"_s, {300, Category::Temporary}},
        {u"flat/089-postevent-usejournal-invalid-name"_s, {206, Category::Permanent}},
        {u"flat/093-editfriends-add"_s, {504, Category::Permanent}},
        {u"flat/094-getfriendgroups"_s, {504, Category::Permanent}},
        {u"flat/095-editfriendgroups"_s, {504, Category::Permanent}},
        {u"flat/096-checkfriends"_s, {504, Category::Permanent}},
        {u"flat/097-editcircle-flat"_s, {201, Category::Permanent}},
        {u"flat/104-friendof-bad-password"_s, {101, Category::Authentication}},
        {u"flat/105-getevents-trusted-reader"_s, {300, Category::Temporary}},
        {u"flat/112-checkforupdates-bad-lastupdate"_s, {203, Category::Permanent}},
        {u"flat/113-checkforupdates-bad-filter"_s, {203, Category::Permanent}},
        {u"flat/117-getdaycounts-bad-password"_s, {101, Category::Authentication}},
        {u"flat/142-login-challenge-expired"_s, {105, Category::Authentication}},
        {u"flat/145-getevents-syncitems-repeat-spaced-3"_s, {406, Category::Temporary}},
        {u"xmlrpc/004-login-unknown-user"_s, {100, Category::Authentication}},
        {u"xmlrpc/005-login-invalid-username"_s, {100, Category::Authentication}},
        {u"xmlrpc/006-login-missing-username"_s, {200, Category::Permanent}},
        {u"xmlrpc/007-unknown-method"_s, {201, Category::Permanent}},
        {u"xmlrpc/008-login-extra-arg"_s, {202, Category::Permanent}},
        {u"xmlrpc/013-login-challenge-real-password-fails"_s, {101, Category::Authentication}},
        {u"xmlrpc/014-login-bad-password-2"_s, {101, Category::Authentication}},
        {u"xmlrpc/015-login-bad-password-4"_s, {101, Category::Authentication}},
        {u"xmlrpc/016-login-correct-password-after-lockout"_s, {402, Category::Authentication}},
        {u"xmlrpc/019-sessiongenerate-bad-password"_s, {101, Category::Authentication}},
        {u"xmlrpc/026-postevent-unknown-prop"_s, {205, Category::Permanent}},
        {u"xmlrpc/028-postevent-missing-event"_s, {200, Category::Permanent}},
        {u"xmlrpc/029-postevent-usejournal-no-access"_s, {300, Category::Temporary}},
        {u"xmlrpc/031-editevent-nonexistent"_s, {302, Category::Temporary}},
        {u"xmlrpc/032-editevent-delete-nonexistent"_s, {302, Category::Temporary}},
        {u"xmlrpc/039-getevents-utf8-ver0"_s, {207, Category::Permanent}},
        {u"xmlrpc/046-getevents-invalid-selecttype"_s, {200, Category::Permanent}},
        {u"xmlrpc/051-getevents-usejournal-community"_s, {300, Category::Temporary}},
        // The recording replaced a server path by "<LJHOME>" inside the faultString, which
        // made the XML ill-formed (an unclosed <LJHOME> tag): malformed is the right answer for
        // those bytes. The unredacted fault ("Server" code) is tested in TestXmlRpcCodec.
        {u"xmlrpc/054-getevents-usejournal-nonexistent"_s, {0, Category::Malformed}},
        {u"xmlrpc/055-postevent-usejournal-nonexistent"_s, {0, Category::Malformed}},
        {u"xmlrpc/057-editfriends-add"_s, {504, Category::Permanent}},
        {u"xmlrpc/058-getfriendgroups"_s, {504, Category::Permanent}},
        {u"xmlrpc/059-editfriendgroups"_s, {504, Category::Permanent}},
        {u"xmlrpc/060-checkfriends"_s, {504, Category::Permanent}},
        {u"xmlrpc/065-editcircle-unknown-user"_s, {203, Category::Permanent}},
        {u"xmlrpc/083-getevents-syncitems-repeat-spaced-4"_s, {406, Category::Temporary}},
        {u"xmlrpc/085-consolecommand-no-auth"_s, {200, Category::Permanent}},
        {u"fixtures-flat/007-getevents-multiple-101"_s, {209, Category::Permanent}},
    };
    return errors;
}

QString transcriptsDir()
{
    return qEnvironmentVariable("INKWELL_TRANSCRIPTS");
}

QString fixturesDir()
{
    return qEnvironmentVariable("INKWELL_FIXTURES");
}

const ProtocolCodec& codecFor(const QString& interface)
{
    static const FlatCodec flat;
    static const XmlRpcCodec xmlrpc;
    if (interface == u"flat")
        return flat;
    return xmlrpc;
}

Transcript loadFixture(const QString& interface, const QString& number)
{
    const QStringList files = Transcript::files(fixturesDir(), interface);
    for (const QString& path : files) {
        if (QFileInfo(path).fileName().startsWith(number))
            return Transcript::load(path);
    }
    Transcript missing;
    missing.error = QStringLiteral("no fixture %1/%2").arg(interface, number);
    return missing;
}

ProtocolValue decodeOrFail(const Transcript& t)
{
    if (!t.error.isEmpty())
        qFatal("%s: %s", qPrintable(t.path), qPrintable(t.error));
    auto result = codecFor(t.interface).decodeResponse(t.responseBody, t.mode);
    if (!result)
        qFatal("%s: %s", qPrintable(t.path), qPrintable(result.error().toString()));
    return std::move(result).value();
}

// Flat-only structure left in a decoded tree: a numbered key (events_3_itemid, pickw_2) or a
// count/success key means a shaper missed something.
void collectFlatLeftovers(const ProtocolValue& value, const QString& path, QStringList* found)
{
    static const QRegularExpression numbered(QStringLiteral("^[a-z]+(_[a-z]+)*_\\d+(_|$)"));
    static const QRegularExpression counter(QStringLiteral("_(count|maxnum)$"));
    for (auto it = value.members().cbegin(); it != value.members().cend(); ++it) {
        const QString key = it.key();
        const bool topLevel = path.isEmpty();
        if (numbered.match(key).hasMatch() ||
            (topLevel && (counter.match(key).hasMatch() || key == u"success" || key == u"errmsg")))
            found->append(path + u'/' + key);
        collectFlatLeftovers(it.value(), path + u'/' + key, found);
    }
    for (qsizetype i = 0; i < value.items().size(); ++i)
        collectFlatLeftovers(value.items().at(i), path + QStringLiteral("[%1]").arg(i), found);
}

// Documented normalisation before comparing the flat and XML-RPC trees of one request:
//  - `taglist` is the entry's tags joined in server hash order, which differs per request:
//    compared as a sorted list;
//  - entries (getevents multiple) and syncitems come in unspecified order (3.5, 3.6):
//    sorted by itemid / (time, item);
//  - login: the flat interface does not send `userid` (3.2, 4.9): dropped from the XML-RPC tree.
// Everything else is compared with isEquivalent(): by text, absent == nil == "".
ProtocolValue normalised(ProtocolValue tree, bool dropUserId)
{
    ProtocolValue::Map members = tree.members();
    if (dropUserId)
        members.remove(QStringLiteral("userid"));
    if (members.contains(QStringLiteral("events"))) {
        ProtocolValue::List events = members.value(QStringLiteral("events")).items();
        for (ProtocolValue& event : events) {
            ProtocolValue::Map fields = event.members();
            ProtocolValue::Map props = fields.value(QStringLiteral("props")).members();
            if (props.contains(QStringLiteral("taglist"))) {
                QStringList tags =
                    props.value(QStringLiteral("taglist")).toText().split(QStringLiteral(", "));
                tags.sort();
                props.insert(QStringLiteral("taglist"), tags.join(QStringLiteral(", ")));
                fields.insert(QStringLiteral("props"), props);
            }
            event = fields;
        }
        std::sort(events.begin(), events.end(), [](const ProtocolValue& a, const ProtocolValue& b) {
            return a.member(u"itemid").toInt() < b.member(u"itemid").toInt();
        });
        members.insert(QStringLiteral("events"), events);
    }
    if (members.contains(QStringLiteral("syncitems"))) {
        ProtocolValue::List items = members.value(QStringLiteral("syncitems")).items();
        std::sort(items.begin(), items.end(), [](const ProtocolValue& a, const ProtocolValue& b) {
            return std::pair(a.member(u"time").toText(), a.member(u"item").toText()) <
                   std::pair(b.member(u"time").toText(), b.member(u"item").toText());
        });
        members.insert(QStringLiteral("syncitems"), items);
    }
    return members;
}

// First difference between two trees, for a readable failure.
QString firstDifference(const ProtocolValue& a, const ProtocolValue& b, const QString& path = {})
{
    if (a.isEquivalent(b))
        return {};
    if (a.isStruct() && b.isStruct()) {
        QStringList keys = a.members().keys() + b.members().keys();
        keys.removeDuplicates();
        for (const QString& key : keys) {
            const QString difference = firstDifference(a.member(key), b.member(key), path + u'/' + key);
            if (!difference.isEmpty())
                return difference;
        }
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString difference =
                firstDifference(a.at(i), b.at(i), path + QStringLiteral("[%1]").arg(i));
            if (!difference.isEmpty())
                return difference;
        }
    }
    return QStringLiteral("%1: %2 vs %3")
        .arg(path, QString::fromUtf8(a.toJsonText(false).left(300)),
             QString::fromUtf8(b.toJsonText(false).left(300)));
}

} // namespace

class TestCodecTranscripts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QDir(transcriptsDir()).exists(), "INKWELL_TRANSCRIPTS must point to tests/data/transcripts");
        QVERIFY2(QDir(fixturesDir()).exists(), "INKWELL_FIXTURES must point to tests/data/fixtures");
    }

    void everyReplyDecodes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("name");
        int count = 0;
        for (const QString& interface : {QStringLiteral("flat"), QStringLiteral("xmlrpc")}) {
            for (const QString& path : Transcript::files(transcriptsDir(), interface)) {
                const QString name = interface + u'/' + QFileInfo(path).completeBaseName();
                QTest::newRow(qPrintable(name)) << path << name;
                ++count;
            }
            for (const QString& path : Transcript::files(fixturesDir(), interface)) {
                const QString name =
                    QStringLiteral("fixtures-") + interface + u'/' + QFileInfo(path).completeBaseName();
                QTest::newRow(qPrintable(name)) << path << name;
                ++count;
            }
        }
        // 150 flat + 89 XML-RPC transcripts, 7 + 6 fixtures: a missing folder must not pass quietly.
        QVERIFY(count >= 252);
    }

    void everyReplyDecodes()
    {
        QFETCH(QString, path);
        QFETCH(QString, name);
        const Transcript t = Transcript::load(path);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        const auto result = codecFor(t.interface).decodeResponse(t.responseBody, t.mode);
        // The status-only check (what a call that decodes later relies on) says the same.
        const ProtocolError status = codecFor(t.interface).replyError(t.responseBody, t.mode);
        QCOMPARE(status, result ? ProtocolError() : result.error());
        const auto expected = expectedErrors().constFind(name);
        if (expected != expectedErrors().cend()) {
            QVERIFY2(!result, "expected a ProtocolError");
            QCOMPARE(result.error().code(), expected->code);
            QCOMPARE(result.error().category(), expected->category);
            QCOMPARE(result.error().mode(), t.mode);
            QVERIFY(!result.error().message().isEmpty());
            return;
        }
        QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
        QVERIFY(result.value().isStruct());
        if (t.interface == u"flat") {
            QStringList leftovers;
            collectFlatLeftovers(result.value(), {}, &leftovers);
            QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u", ")));
        }
    }

    void everyExpectedErrorExists()
    {
        // A renamed recording must not turn an error expectation into a silent no-op.
        for (auto it = expectedErrors().cbegin(); it != expectedErrors().cend(); ++it) {
            const bool fixture = it.key().startsWith(u"fixtures-");
            const QString relative = fixture ? it.key().mid(9) : it.key();
            const QString root = fixture ? fixturesDir() : transcriptsDir();
            QVERIFY2(QFile::exists(root + u'/' + relative + QStringLiteral(".txt")), qPrintable(it.key()));
        }
    }

    void flatAndXmlRpcFixturesGiveTheSameTree_data()
    {
        QTest::addColumn<QString>("number");
        QTest::newRow("001-getevents-multiple-rich-unix") << QStringLiteral("001");
        QTest::newRow("002-getevents-multiple-rich-pc") << QStringLiteral("002");
        QTest::newRow("003-syncitems-bob") << QStringLiteral("003");
        QTest::newRow("004-login-full-bob") << QStringLiteral("004");
        QTest::newRow("005-getevents-multiple-100") << QStringLiteral("005");
        QTest::newRow("006-getdaycounts-carol") << QStringLiteral("006");
    }

    void flatAndXmlRpcFixturesGiveTheSameTree()
    {
        QFETCH(QString, number);
        const Transcript flat = loadFixture(QStringLiteral("flat"), number);
        const Transcript xmlrpc = loadFixture(QStringLiteral("xmlrpc"), number);
        QVERIFY2(flat.error.isEmpty() && xmlrpc.error.isEmpty(), qPrintable(flat.error + xmlrpc.error));
        QCOMPARE(flat.mode, xmlrpc.mode);
        const bool login = flat.mode == u"login";
        const ProtocolValue flatTree = normalised(decodeOrFail(flat), false);
        const ProtocolValue xmlrpcTree = normalised(decodeOrFail(xmlrpc), login);
        QVERIFY(flatTree.size() > 0);
        if (login)
            QVERIFY(decodeOrFail(xmlrpc).contains(QStringLiteral("userid")));
        QVERIFY2(flatTree.isEquivalent(xmlrpcTree), qPrintable(firstDifference(flatTree, xmlrpcTree)));
    }

    void fixturePairsMatchInDetail()
    {
        // Spot checks that the equivalence above compares real content.
        const ProtocolValue flat =
            normalised(decodeOrFail(loadFixture(QStringLiteral("flat"), QStringLiteral("001"))), false);
        const ProtocolValue xmlrpc =
            normalised(decodeOrFail(loadFixture(QStringLiteral("xmlrpc"), QStringLiteral("001"))), false);
        QCOMPARE(flat.member(u"events").size(), 30);
        QCOMPARE(xmlrpc.member(u"events").size(), 30);
        // Entry 11: emoji, CJK, '%' and '+' in the body, URL-encoded on flat, base64 on XML-RPC.
        const auto entry = [](const ProtocolValue& tree, qint64 itemid) {
            for (const ProtocolValue& event : tree.member(u"events").items()) {
                if (event.member(u"itemid").toInt() == itemid)
                    return event;
            }
            return ProtocolValue();
        };
        const ProtocolValue flat11 = entry(flat, 11);
        const ProtocolValue xmlrpc11 = entry(xmlrpc, 11);
        QVERIFY(
            flat11.member(u"event").toText().contains(u"percent %41 plus + signs = equals & ampersand"_s));
        QVERIFY(
            flat11.member(u"event").toText().contains(QString::fromUtf8("\xF0\x9F\x98\x80\xF0\x9F\x8E\x89")));
        QCOMPARE(xmlrpc11.member(u"event").type(), ProtocolValue::Type::Bytes);
        QCOMPARE(flat11.member(u"event").toUtf8(), xmlrpc11.member(u"event").toUtf8());
        QCOMPARE(flat11.member(u"subject").toText(),
                 QString::fromUtf8("Subject 11 \xE2\x80\x94 \xD1\x82\xD0\xB5\xD0\xBC\xD0\xB0 \xCE\xB2"));
        QCOMPARE(flat11.member(u"itemid").type(), ProtocolValue::Type::Int);
        QCOMPARE(flat11.member(u"allowmask").toInt(), 1);

        // CRLF bodies (lineendings=pc) survive on both interfaces.
        const ProtocolValue flatPc = decodeOrFail(loadFixture(QStringLiteral("flat"), QStringLiteral("002")));
        const ProtocolValue xmlrpcPc =
            decodeOrFail(loadFixture(QStringLiteral("xmlrpc"), QStringLiteral("002")));
        int crlf = 0;
        for (const ProtocolValue& event : flatPc.member(u"events").items())
            crlf += event.member(u"event").toUtf8().count("\r\n");
        QVERIFY(crlf > 10);
        int xmlrpcCrlf = 0;
        for (const ProtocolValue& event : xmlrpcPc.member(u"events").items())
            xmlrpcCrlf += event.member(u"event").toUtf8().count("\r\n");
        QCOMPARE(xmlrpcCrlf, crlf);
    }

    void loginShapeFromFlat()
    {
        const ProtocolValue login = decodeOrFail(loadFixture(QStringLiteral("flat"), QStringLiteral("004")));
        QCOMPARE(login.member(u"fullname").toText(), u"Test Ljbob"_s);
        QCOMPARE(login.member(u"moods").size(), 132);
        QCOMPARE(login.member(u"moods").at(0).member(u"name").toText(), u"aggravated"_s);
        QCOMPARE(login.member(u"usejournals").type(), ProtocolValue::Type::Array);
        QCOMPARE(login.member(u"friendgroups").type(), ProtocolValue::Type::Array);
        const ProtocolValue menus = login.member(u"menus");
        QCOMPARE(menus.size(), 9);
        QCOMPARE(menus.at(6).member(u"text").toText(), u"Change Settings"_s);
        QCOMPARE(menus.at(6).member(u"sub").size(), 2);
        QCOMPARE(menus.at(6).member(u"sub").at(1).member(u"url").toText(), u"/customize/"_s);
        QVERIFY(!login.contains(QStringLiteral("userid"))); // not sent on flat
    }

    void transcriptPairsOfTheSameStateAgree_data()
    {
        QTest::addColumn<QString>("flatName");
        QTest::addColumn<QString>("xmlrpcName");
        QTest::addColumn<QStringList>("xmlrpcOnly");
        // Recorded back to back against the same server state.
        QTest::newRow("login-after-groups")
            << u"099-login-after-groups"_s << u"068-login-after-groups"_s << QStringList{u"userid"_s};
        QTest::newRow("getfriends") << u"100-getfriends"_s << u"069-getfriends"_s << QStringList{};
        QTest::newRow("friendof") << u"103-friendof"_s << u"070-friendof"_s << QStringList{};
        QTest::newRow("checkforupdates-free")
            << u"106-checkforupdates-free-user"_s << u"073-checkforupdates-free-user"_s << QStringList{};
        QTest::newRow("sessionexpire-all")
            << u"024-sessionexpire-all"_s << u"021-sessionexpire-all"_s << QStringList{};
        QTest::newRow("getevents-one-deleted")
            << u"055-getevents-one-deleted"_s << u"035-getevents-one-deleted"_s << QStringList{};
    }

    void transcriptPairsOfTheSameStateAgree()
    {
        QFETCH(QString, flatName);
        QFETCH(QString, xmlrpcName);
        QFETCH(QStringList, xmlrpcOnly);
        ProtocolValue flat =
            decodeOrFail(Transcript::load(transcriptsDir() + u"/flat/"_s + flatName + u".txt"_s));
        ProtocolValue xmlrpc =
            decodeOrFail(Transcript::load(transcriptsDir() + u"/xmlrpc/"_s + xmlrpcName + u".txt"_s));
        for (const QString& key : xmlrpcOnly)
            xmlrpc.take(key);
        QVERIFY2(flat.isEquivalent(xmlrpc), qPrintable(firstDifference(flat, xmlrpc)));
    }
};

QTEST_GUILESS_MAIN(TestCodecTranscripts)
#include "TestCodecTranscripts.moc"
