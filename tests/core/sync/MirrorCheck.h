#pragma once

#include "TestServer.h"
#include "store/JournalStore.h"

#include <QJsonArray>
#include <QTest>

// "The mirror equals the server": every entry of the server's journal (its control API dumps them
// regardless of security) is in the store with the same texts, times, security and props, and the
// store holds nothing else. Fails the calling test with the first difference.
inline void verifyMirrorMatchesServer(TestServer& server, const Inkwell::JournalStore& store,
                                      qint64 journalId, const QString& journal)
{
    const QJsonObject dump = server.control("GET", QStringLiteral("entries?journal=") + journal);
    const QJsonArray entries = dump.value(QStringLiteral("entries")).toArray();
    QCOMPARE(store.entryCount(journalId), int(entries.size()));
    for (const QJsonValue& value : entries) {
        const QJsonObject expected = value.toObject();
        const qint64 itemid = expected.value(QStringLiteral("itemid")).toInteger();
        const auto mirrored = store.entry(journalId, itemid);
        QVERIFY2(mirrored, qPrintable(QStringLiteral("itemid %1 is not mirrored").arg(itemid)));
        QCOMPARE(mirrored->subject, expected.value(QStringLiteral("subject")).toString());
        QCOMPARE(mirrored->body, expected.value(QStringLiteral("event")).toString());
        QCOMPARE(mirrored->eventtime, expected.value(QStringLiteral("eventtime")).toString());
        QCOMPARE(Inkwell::toString(mirrored->security),
                 expected.value(QStringLiteral("security")).toString());
        QCOMPARE(qint64(mirrored->allowmask), expected.value(QStringLiteral("allowmask")).toInteger());
        QCOMPARE(mirrored->anum, expected.value(QStringLiteral("anum")).toInt());
        const QString poster = expected.value(QStringLiteral("poster")).toString();
        QCOMPARE(mirrored->poster.isEmpty() ? journal : mirrored->poster, poster);
        const QJsonObject props = expected.value(QStringLiteral("props")).toObject();
        for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
            if (it.key() != QLatin1String("taglist")) // compared as a set below
                QCOMPARE(mirrored->props.value(it.key()), it.value().toVariant().toString());
        }
        QStringList tags;
        for (const QJsonValue& tag : expected.value(QStringLiteral("tags")).toArray())
            tags << tag.toString();
        QStringList mirroredTags = mirrored->tags();
        tags.sort();
        mirroredTags.sort();
        QCOMPARE(mirroredTags, tags);
    }
}
