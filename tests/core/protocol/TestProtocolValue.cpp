#include "ValuePrinting.h"
#include "protocol/ProtocolValue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Inkwell;
using namespace Qt::StringLiterals;
using Type = ProtocolValue::Type;

class TestProtocolValue : public QObject
{
    Q_OBJECT
private slots:
    void scalarsKeepTheirBytes()
    {
        const QString text = u"Grüße 🎉\r\n<b>&amp;</b>"_s;
        const ProtocolValue value(text);
        QCOMPARE(value.type(), Type::String);
        QCOMPARE(value.toText(), text);
        QCOMPARE(value.toUtf8(), text.toUtf8());

        // Invalid UTF-8 (a ver=0 reply) is kept as bytes; only toText() replaces it.
        const QByteArray latin1("caf\xE9", 4);
        const ProtocolValue raw = ProtocolValue::fromUtf8(latin1);
        QCOMPARE(raw.toUtf8(), latin1);
        QCOMPARE(raw.toText(), u"caf\uFFFD"_s);
    }

    void leadingByteOrderMarkIsKept()
    {
        const ProtocolValue value(u"\uFEFFtext"_s);
        QCOMPARE(value.toUtf8(), QByteArray("\xEF\xBB\xBFtext"));
        QCOMPARE(value.toText(), u"\uFEFFtext"_s);
        QCOMPARE(value.toJson().toString(), u"\uFEFFtext"_s);
    }

    void everyScalarCoercesToText()
    {
        // REFERENCE.md 1.3.1: a subject "2024" may arrive as <int>, a body as <base64>.
        QCOMPARE(ProtocolValue::fromLexeme(Type::Int, "007").toText(), u"007"_s);
        QCOMPARE(ProtocolValue::fromLexeme(Type::Double, "1.50").toText(), u"1.50"_s);
        QCOMPARE(ProtocolValue::fromBytes("\xE2\x98\x83").toText(), u"☃"_s);
        QCOMPARE(ProtocolValue::fromLexeme(Type::DateTime, "20240301T18:05:00").toText(),
                 u"20240301T18:05:00"_s);
        QCOMPARE(ProtocolValue(true).toText(), u"1"_s);
        QCOMPARE(ProtocolValue(false).toText(), u"0"_s);
        QCOMPARE(ProtocolValue::fromLexeme(Type::Bool, "true").toText(), u"1"_s);
        QCOMPARE(ProtocolValue().toText(), QString());
        QCOMPARE(ProtocolValue::emptyMap().toText(), QString());
        QCOMPARE(ProtocolValue(qint64(-42)).toText(), u"-42"_s);
    }

    void integersAre64Bit()
    {
        bool ok = false;
        // Dreamwidth masks use bits up to 60 (4.7); xmlrpc/071 shows 2^61 + 3.
        QCOMPARE(ProtocolValue::fromLexeme(Type::Int, "2305843009213693955").toInt(&ok),
                 2305843009213693955LL);
        QVERIFY(ok);
        QCOMPARE(ProtocolValue(u"9223372036854775807"_s).toInt(&ok), std::numeric_limits<qint64>::max());
        QVERIFY(ok);
        QCOMPARE(ProtocolValue(u"-9223372036854775808"_s).toInt(&ok), std::numeric_limits<qint64>::min());
        QVERIFY(ok);
        QCOMPARE(ProtocolValue(u"9223372036854775808"_s).toInt(&ok), 0);
        QVERIFY(!ok);
        QCOMPARE(ProtocolValue(u" 12 "_s).toInt(&ok), 12);
        QVERIFY(ok);
        QCOMPARE(ProtocolValue(u"+12"_s).toInt(&ok), 12);
        QVERIFY(ok);
        QCOMPARE(ProtocolValue(u"3.0"_s).toInt(&ok), 3);
        QVERIFY(ok);
        QCOMPARE(ProtocolValue(u"3.5"_s).toInt(&ok), 0);
        QVERIFY(!ok);
        QCOMPARE(ProtocolValue(u"12abc"_s).toInt(&ok), 0);
        QVERIFY(!ok);
        QCOMPARE(ProtocolValue().toInt(&ok), 0);
        QVERIFY(!ok);
        QCOMPARE(ProtocolValue(true).toInt(&ok), 1);
        QVERIFY(ok);
        QCOMPARE(ProtocolValue::emptyList().toInt(&ok), 0);
        QVERIFY(!ok);
    }

    void doubles()
    {
        bool ok = false;
        QCOMPARE(ProtocolValue(1.5).toDouble(&ok), 1.5);
        QVERIFY(ok);
        QCOMPARE(ProtocolValue(u"-2.25e2"_s).toDouble(&ok), -225.0);
        QVERIFY(ok);
        ProtocolValue(u"x"_s).toDouble(&ok);
        QVERIFY(!ok);
    }

    void truthIsPerls()
    {
        QVERIFY(!ProtocolValue().toBool());
        QVERIFY(!ProtocolValue(QString()).toBool());
        QVERIFY(!ProtocolValue(u"0"_s).toBool());
        QVERIFY(!ProtocolValue(0).toBool());
        QVERIFY(!ProtocolValue(false).toBool());
        QVERIFY(ProtocolValue(u"0.0"_s).toBool()); // a true string in Perl
        QVERIFY(ProtocolValue(u"no"_s).toBool());
        QVERIFY(ProtocolValue(1).toBool());
    }

    void navigationNeverNeedsChecks()
    {
        const ProtocolValue reply(ProtocolValue::Map{
            {u"events"_s, ProtocolValue(ProtocolValue::List{
                              ProtocolValue(ProtocolValue::Map{{u"itemid"_s, ProtocolValue(42)}})})},
        });
        QCOMPARE(reply.member(u"events").at(0).member(u"itemid").toInt(), 42);
        QCOMPARE(reply[u"events"_s].size(), 1);
        QVERIFY(reply.member(u"events").at(1).isNil());
        QVERIFY(reply.member(u"events").at(-1).isNil());
        QVERIFY(reply.member(u"missing").member(u"deeper").at(3).isNil());
        QVERIFY(reply.member(u"events").member(u"itemid").isNil()); // an array has no members
        QVERIFY(reply.at(0).isNil());                               // a struct has no items
        QVERIFY(reply.contains(u"events"_s));
        QVERIFY(!reply.contains(u"itemid"_s));
        QCOMPARE(ProtocolValue(u"x"_s).size(), 0);
        QVERIFY(ProtocolValue(u"x"_s).items().isEmpty());
        QVERIFY(ProtocolValue(u"x"_s).members().isEmpty());
    }

    void building()
    {
        ProtocolValue request;
        QVERIFY(request.insert(u"username"_s, u"bob"_s));
        QCOMPARE(request.type(), Type::Struct);
        QVERIFY(!request.append(1)); // a struct is not an array
        ProtocolValue list;
        QVERIFY(list.append(1));
        QVERIFY(list.append(u"two"_s));
        QCOMPARE(list.type(), Type::Array);
        QVERIFY(!list.insert(u"k"_s, 1));
        QVERIFY(!ProtocolValue(u"scalar"_s).insert(u"k"_s, 1));
        request.insert(u"list"_s, list);
        QCOMPARE(request.take(u"list"_s), list);
        QVERIFY(!request.contains(u"list"_s));
        QVERIFY(ProtocolValue(u"s"_s).take(u"x"_s).isNil());
    }

    void jsonKeepsNumbersAndText()
    {
        const ProtocolValue value(ProtocolValue::Map{
            {u"mask"_s, ProtocolValue::fromLexeme(Type::Int, "2305843009213693955")},
            {u"subject"_s, ProtocolValue::fromLexeme(Type::Int, "007")}, // not a number in disguise
            {u"huge"_s, ProtocolValue::fromLexeme(Type::Int, "123456789012345678901234567890")},
            {u"ratio"_s, ProtocolValue(0.5)},
            {u"price"_s, ProtocolValue::fromLexeme(Type::Double, "1.50")},
            {u"flag"_s, ProtocolValue(true)},
            {u"nothing"_s, ProtocolValue()},
            {u"body"_s, ProtocolValue::fromBytes("Gr\xC3\xBC\xC3\x9F"
                                                 "e")},
            {u"binary"_s, ProtocolValue::fromBytes(QByteArray("\xFF\x00\x01", 3))},
            {u"list"_s, ProtocolValue(ProtocolValue::List{ProtocolValue(1), ProtocolValue(u"a"_s)})},
        });
        const QByteArray text = value.toJsonText(false);
        QVERIFY2(text.contains("\"mask\":2305843009213693955"), text.constData());
        QVERIFY(text.contains("\"subject\":\"007\""));
        QVERIFY(text.contains("\"huge\":\"123456789012345678901234567890\""));
        QVERIFY(text.contains("\"ratio\":0.5"));
        QVERIFY(text.contains("\"price\":\"1.50\""));
        QVERIFY(text.contains("\"flag\":true"));
        QVERIFY(text.contains("\"nothing\":null"));
        QVERIFY(text.contains("\"body\":\"Grüße\""));
        QVERIFY(text.contains("\"binary\":{\"base64\":\"/wAB\"}"));
        QVERIFY(text.contains("\"list\":[1,\"a\"]"));
        QCOMPARE(ProtocolValue(u"x"_s).toJsonText(false), QByteArray("\"x\""));
        QCOMPARE(ProtocolValue(7).toJsonText(false), QByteArray("7"));
    }

    void jsonBuildsRequests()
    {
        const QJsonDocument json = QJsonDocument::fromJson(
            R"({"username":"bob","allowmask":2305843009213693955,"ratio":0.25,"props":{"opt_backdated":true},
                "itemids":[1,2],"nothing":null})");
        const ProtocolValue value = ProtocolValue::fromJson(json.object());
        QCOMPARE(value.member(u"username").type(), Type::String);
        QCOMPARE(value.member(u"allowmask").type(), Type::Int);
        QCOMPARE(value.member(u"allowmask").toInt(), 2305843009213693955LL);
        QCOMPARE(value.member(u"ratio").type(), Type::Double);
        QCOMPARE(value.member(u"props").member(u"opt_backdated").type(), Type::Bool);
        QCOMPARE(value.member(u"itemids").size(), 2);
        QVERIFY(value.member(u"nothing").isNil());
        QVERIFY(value.contains(u"nothing"_s));
        // JSON -> tree -> JSON is stable.
        QCOMPARE(ProtocolValue::fromJson(value.toJson()), value);
    }

    void exactEquality()
    {
        QCOMPARE(ProtocolValue(u"1"_s), ProtocolValue(u"1"_s));
        QVERIFY(ProtocolValue(u"1"_s) != ProtocolValue(1));
        QVERIFY(ProtocolValue() != ProtocolValue(QString()));
        QVERIFY(ProtocolValue::emptyMap() != ProtocolValue::emptyList());
    }

    void equivalenceIsTheServersView()
    {
        // Scalars by text, whatever the wire type.
        QVERIFY(ProtocolValue(u"1"_s).isEquivalent(ProtocolValue(1)));
        QVERIFY(ProtocolValue(u"1"_s).isEquivalent(ProtocolValue(true)));
        QVERIFY(ProtocolValue::fromBytes("x").isEquivalent(ProtocolValue(u"x"_s)));
        QVERIFY(!ProtocolValue(u"01"_s).isEquivalent(ProtocolValue(1)));
        // Absent == nil == "".
        QVERIFY(ProtocolValue().isEquivalent(ProtocolValue(QString())));
        const ProtocolValue withNil(
            ProtocolValue::Map{{u"a"_s, ProtocolValue(1)}, {u"url"_s, ProtocolValue()}});
        const ProtocolValue withEmpty(
            ProtocolValue::Map{{u"a"_s, ProtocolValue(1)}, {u"url"_s, ProtocolValue(QString())}});
        const ProtocolValue without(ProtocolValue::Map{{u"a"_s, ProtocolValue(u"1"_s)}});
        QVERIFY(withNil.isEquivalent(without));
        QVERIFY(without.isEquivalent(withNil));
        QVERIFY(withEmpty.isEquivalent(withNil));
        // But a non-empty member is not optional, and containers keep their shape and order.
        const ProtocolValue withUrl(
            ProtocolValue::Map{{u"a"_s, ProtocolValue(1)}, {u"url"_s, ProtocolValue(u"/"_s)}});
        QVERIFY(!withUrl.isEquivalent(without));
        QVERIFY(!without.isEquivalent(withUrl));
        QVERIFY(!ProtocolValue::emptyList().isEquivalent(ProtocolValue()));
        QVERIFY(!ProtocolValue::emptyList().isEquivalent(ProtocolValue::emptyMap()));
        const ProtocolValue ab(ProtocolValue::List{ProtocolValue(u"a"_s), ProtocolValue(u"b"_s)});
        const ProtocolValue ba(ProtocolValue::List{ProtocolValue(u"b"_s), ProtocolValue(u"a"_s)});
        QVERIFY(!ab.isEquivalent(ba));
        QVERIFY(!ab.isEquivalent(ProtocolValue(ProtocolValue::List{ProtocolValue(u"a"_s)})));
        const ProtocolValue nested(ProtocolValue::Map{{u"s"_s, withNil}});
        QVERIFY(nested.isEquivalent(ProtocolValue(ProtocolValue::Map{{u"s"_s, without}})));
        QVERIFY(!nested.isEquivalent(ProtocolValue(ProtocolValue::Map{{u"s"_s, withUrl}})));
    }
};

QTEST_GUILESS_MAIN(TestProtocolValue)
#include "TestProtocolValue.moc"
