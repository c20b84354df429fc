#pragma once

#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

// "The mirror equals the server", seen from outside: the lines of `inkwell-cli export --format
// jsonl` against the server's own dump of the journal (/__control/entries, every entry whatever
// its security). Same entries in itemid order, exactly the documented keys, texts equal to the
// last code unit, props equal as the interface delivers them (deliveredPropValue; the mirror's
// taglist prop against the dump's tag list, as a set; revnum, revtime and commentalter against the
// dump's fields of those names).
// Fails the calling test with the first difference.
inline QJsonArray serverDump(TestServer& server, const QString& journal)
{
    return server.control("GET", QStringLiteral("entries?journal=") + journal)
        .value(QStringLiteral("entries"))
        .toArray();
}

// The interface the mirror was fetched over; it decides what getevents can deliver of a prop.
enum class WireFormat { Flat, XmlRpc };

// A stored prop value as getevents delivers it (REFERENCE.md 3.5 and 1.2, and the real server's
// Protocol.pm): on both interfaces the server replaces every LF in a prop value by a space; the flat
// interface then deletes every CR from every value it sends, and prop values are not URL-encoded
// there, so a flat client can never see a line break in a prop ("Song\r\nsecond line" arrives as
// "Song second line"). XML-RPC keeps the CR ("Song\r second line").
inline QString deliveredPropValue(QString stored, WireFormat format)
{
    stored.replace(u'\n', u' ');
    if (format == WireFormat::Flat)
        stored.remove(u'\r');
    return stored;
}

inline void verifyJsonlMatchesDump(const QByteArray& jsonl, const QJsonArray& dumped,
                                   WireFormat format = WireFormat::Flat)
{
    QList<QJsonObject> expected;
    for (const QJsonValue& value : dumped)
        expected.append(value.toObject());
    std::sort(expected.begin(), expected.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(QStringLiteral("itemid")).toInteger() < b.value(QStringLiteral("itemid")).toInteger();
    });
    QVERIFY2(jsonl.isEmpty() || jsonl.endsWith('\n'), "the last line ends with a line feed");
    QList<QByteArray> lines = jsonl.split('\n');
    lines.removeLast(); // after the last "\n"
    QCOMPARE(lines.size(), expected.size());
    QStringList keys{QStringLiteral("itemid"),    QStringLiteral("eventtime"), QStringLiteral("logtime"),
                     QStringLiteral("subject"),   QStringLiteral("event"),     QStringLiteral("security"),
                     QStringLiteral("allowmask"), QStringLiteral("poster"),    QStringLiteral("props")};
    keys.sort();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines[i], &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(),
                 qPrintable(
                     QStringLiteral("line %1 is not a JSON object: %2").arg(i + 1).arg(error.errorString())));
        const QJsonObject line = document.object();
        QCOMPARE(line.keys(), keys); // QJsonObject sorts them
        const QJsonObject& want = expected[i];
        const qint64 itemid = want.value(QStringLiteral("itemid")).toInteger();
        QCOMPARE(line.value(QStringLiteral("itemid")).toInteger(), itemid);
        for (const char* text : {"eventtime", "subject", "event", "security", "poster"}) {
            const QString key = QLatin1String(text);
            QVERIFY2(line.value(key).isString(), text);
            if (line.value(key).toString() != want.value(key).toString())
                QFAIL(qPrintable(QStringLiteral("itemid %1, %2: %3 instead of %4")
                                     .arg(itemid)
                                     .arg(key, line.value(key).toString(), want.value(key).toString())));
        }
        const QString logtime = line.value(QStringLiteral("logtime")).toString();
        QVERIFY(logtime.isEmpty() || logtime == want.value(QStringLiteral("logtime")).toString());
        QCOMPARE(line.value(QStringLiteral("allowmask")).toInteger(),
                 want.value(QStringLiteral("allowmask")).toInteger());
        QJsonObject props = line.value(QStringLiteral("props")).toObject();
        QStringList tags;
        for (const QString& tag : props.take(QStringLiteral("taglist")).toString().split(u','))
            if (!tag.trimmed().isEmpty())
                tags.append(tag.trimmed());
        QStringList wantTags;
        for (const QJsonValue& tag : want.value(QStringLiteral("tags")).toArray())
            wantTags.append(tag.toString());
        tags.sort();
        wantTags.sort();
        QCOMPARE(tags, wantTags);
        QJsonObject wantProps = want.value(QStringLiteral("props")).toObject();
        wantProps.remove(QStringLiteral("taglist"));
        for (auto it = wantProps.begin(); it != wantProps.end(); ++it) // the dump may give numbers
            it.value() = deliveredPropValue(it.value().toVariant().toString(), format);
        // The server's bookkeeping, which getevents sends as props too (REFERENCE.md 3.5): the dump
        // has it as fields of the entry (null when there is none; revnum 0 for an entry never edited).
        for (const char* field : {"revnum", "revtime", "commentalter"}) {
            const QJsonValue value = want.value(QLatin1String(field));
            if (value.isDouble() && !(value.toInteger() == 0 && qstrcmp(field, "revnum") == 0))
                wantProps.insert(QLatin1String(field), QString::number(value.toInteger()));
        }
        QCOMPARE(props, wantProps);
    }
}

inline void verifyJsonlMatchesServer(const QByteArray& jsonl, TestServer& server, const QString& journal,
                                     WireFormat format = WireFormat::Flat)
{
    verifyJsonlMatchesDump(jsonl, serverDump(server, journal), format);
}
