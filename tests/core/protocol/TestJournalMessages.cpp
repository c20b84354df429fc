#include "Transcript.h"
#include "protocol/FlatCodec.h"
#include "protocol/JournalMessages.h"
#include "protocol/XmlRpcCodec.h"

#include <QTest>

using namespace Inkwell;

namespace {

// The decoded reply of a recorded fixture, through the codec of its interface.
ProtocolValue decodedFixture(const QString& interface, const QString& name)
{
    const Transcript t =
        Transcript::load(qEnvironmentVariable("INKWELL_FIXTURES") + u'/' + interface + u'/' + name);
    if (!t.error.isEmpty())
        qFatal("%s: %s", qPrintable(t.path), qPrintable(t.error));
    const ProtocolResult<ProtocolValue> reply = interface == QLatin1String("flat")
                                                    ? FlatCodec().decodeResponse(t.responseBody, t.mode)
                                                    : XmlRpcCodec().decodeResponse(t.responseBody, t.mode);
    if (!reply)
        qFatal("%s: %s", qPrintable(t.path), qPrintable(reply.error().toString()));
    return reply.value();
}

} // namespace

class TestJournalMessages : public QObject
{
    Q_OBJECT
private slots:
    void richEntriesAreTheSameOverBothInterfaces_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("unix line endings") << QStringLiteral("001-getevents-multiple-rich-unix.txt");
        QTest::newRow("pc line endings") << QStringLiteral("002-getevents-multiple-rich-pc.txt");
        QTest::newRow("full batch of 100") << QStringLiteral("005-getevents-multiple-100.txt");
    }

    void richEntriesAreTheSameOverBothInterfaces()
    {
        QFETCH(QString, fixture);
        const auto flat = entriesFromReply(decodedFixture(QStringLiteral("flat"), fixture));
        const auto xmlrpc = entriesFromReply(decodedFixture(QStringLiteral("xmlrpc"), fixture));
        QVERIFY(flat.isOk());
        QVERIFY(xmlrpc.isOk());
        QVERIFY(flat->size() >= 30); // 40 ids asked, 30 exist
        QCOMPARE(flat->size(), xmlrpc->size());
        // Replies list entries in no particular order (REFERENCE.md 3.5); compare by itemid.
        QMap<qint64, JournalEntry> byId;
        for (const JournalEntry& entry : xmlrpc.value())
            byId.insert(entry.itemid, entry);
        for (const JournalEntry& entry : flat.value()) {
            QVERIFY(byId.contains(entry.itemid));
            const JournalEntry& other = byId.value(entry.itemid);
            QCOMPARE(entry.subject, other.subject);
            QCOMPARE(entry.body, other.body);
            QCOMPARE(entry.eventtime, other.eventtime);
            QCOMPARE(entry.props, other.props);
            QVERIFY(entry.security == other.security);
            QCOMPARE(entry.allowmask, other.allowmask);
            QVERIFY(entry == other);
        }
    }

    void lineEndingsAreAsRequested()
    {
        bool sawUnixNewline = false;
        for (const JournalEntry& entry :
             entriesFromReply(decodedFixture(QStringLiteral("xmlrpc"),
                                             QStringLiteral("001-getevents-multiple-rich-unix.txt")))
                 .value()) {
            QVERIFY2(!entry.body.contains(u'\r'), qPrintable(entry.body.left(80)));
            sawUnixNewline |= entry.body.contains(u'\n');
        }
        QVERIFY(sawUnixNewline);
        bool sawCrlf = false;
        for (const JournalEntry& entry :
             entriesFromReply(
                 decodedFixture(QStringLiteral("flat"), QStringLiteral("002-getevents-multiple-rich-pc.txt")))
                 .value())
            sawCrlf |= entry.body.contains(QStringLiteral("\r\n"));
        QVERIFY(sawCrlf);
    }

    void nonAsciiTextSurvives()
    {
        QString all;
        for (const JournalEntry& entry :
             entriesFromReply(decodedFixture(QStringLiteral("flat"),
                                             QStringLiteral("001-getevents-multiple-rich-unix.txt")))
                 .value())
            all += entry.subject + entry.body + entry.props.value(QStringLiteral("taglist"));
        QVERIFY2(all.contains(QRegularExpression(QStringLiteral("[\\x{0400}-\\x{04FF}]"))), "Cyrillic");
        QVERIFY2(all.contains(QRegularExpression(QStringLiteral("[\\x{4E00}-\\x{9FFF}]"))), "CJK");
        bool emoji = false;
        for (QChar c : all)
            emoji |= c.isHighSurrogate();
        QVERIFY2(emoji, "an emoji (a character outside the BMP)");
    }

    // Every recorded flat syncitems reply that succeeded (real servers, and the fixtures) has the
    // plain shape: read straight from its lines, it gives the page the generic way gives.
    void plainSyncItemsPagesReadAsTheGenericWayReadsThem()
    {
        int pages = 0;
        for (const QString& root :
             {qEnvironmentVariable("INKWELL_TRANSCRIPTS"), qEnvironmentVariable("INKWELL_FIXTURES")}) {
            for (const QString& path : Transcript::files(root, QStringLiteral("flat"))) {
                const Transcript t = Transcript::load(path);
                QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
                if (t.mode != QLatin1String("syncitems"))
                    continue;
                const auto generic = FlatCodec().decodeResponse(t.responseBody, t.mode);
                const std::optional<SyncItemsPage> plain = syncItemsFromPlainFlatReply(t.responseBody);
                if (!generic) {
                    QVERIFY2(!plain, qPrintable(path));
                    continue;
                }
                QVERIFY2(plain.has_value(), qPrintable(path));
                const auto page = syncItemsFromReply(generic.value());
                QVERIFY(page.isOk());
                QVERIFY2(*plain == page.value(), qPrintable(path));
                ++pages;
            }
        }
        QVERIFY2(pages >= 10, qPrintable(QString::number(pages)));
    }

    // Anything but the plain shape is left to the generic way.
    void syncItemsRepliesOfAnyOtherShapeAreLeftToTheGenericReader_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray item1 =
            "sync_1_action\ncreate\nsync_1_item\nL-7\nsync_1_time\n2026-01-02 03:04:05\n";
        const QByteArray counts = "sync_count\n1\nsync_total\n1\n";
        QTest::newRow("plain (the control)") << QByteArray("success\nOK\n" + item1 + counts);
        QTest::newRow("no final newline") << QByteArray("success\nOK\n" + item1 + counts).chopped(1);
        QTest::newRow("CRLF") << QByteArray("success\r\nOK\r\n" + item1 + counts);
        QTest::newRow("failure") << QByteArray("success\nFAIL\nerrmsg\nno\n");
        QTest::newRow("no success") << QByteArray(item1 + counts);
        QTest::newRow("another key") << QByteArray("success\nOK\n" + item1 + counts + "note\nhi\n");
        QTest::newRow("a key twice") << QByteArray("success\nOK\n" + item1 + counts + "sync_1_item\nL-8\n");
        QTest::newRow("count twice") << QByteArray("success\nOK\n" + item1 + counts + "sync_count\n1\n");
        QTest::newRow("fewer items than counted")
            << QByteArray("success\nOK\n" + item1 + "sync_count\n2\nsync_total\n2\n");
        QTest::newRow("a gap") << QByteArray("success\nOK\n" +
                                             QByteArray(item1).replace("sync_1_", "sync_2_") +
                                             "sync_count\n2\nsync_total\n2\n");
        QTest::newRow("a field missing")
            << QByteArray("success\nOK\nsync_1_item\nL-7\nsync_1_time\n2026-01-02 03:04:05\n" + counts);
        QTest::newRow("an unknown field")
            << QByteArray("success\nOK\n" + item1 + "sync_1_colour\nred\n" + counts);
        QTest::newRow("a leading zero")
            << QByteArray("success\nOK\n" + QByteArray(item1).replace("sync_1_", "sync_01_") + counts);
        QTest::newRow("item id with a sign")
            << QByteArray("success\nOK\n" + QByteArray(item1).replace("L-7", "L-+7") + counts);
        QTest::newRow("item id too long")
            << QByteArray("success\nOK\n" + QByteArray(item1).replace("L-7", "L-1234567890123456") + counts);
        QTest::newRow("lower-case kind")
            << QByteArray("success\nOK\n" + QByteArray(item1).replace("L-7", "l-7") + counts);
        QTest::newRow("another time form")
            << QByteArray("success\nOK\n" +
                          QByteArray(item1).replace("2026-01-02 03:04:05", "2026-01-02T03:04:05") + counts);
        QTest::newRow("an action with a digit")
            << QByteArray("success\nOK\n" + QByteArray(item1).replace("create", "create2") + counts);
        QTest::newRow("a count in another form")
            << QByteArray("success\nOK\n" + item1 + "sync_count\n01\nsync_total\n1\n");
        QTest::newRow("a value cut") << QByteArray("success\nOK\n" + item1 + "sync_count\n1\nsync_total\n");
        QTest::newRow("empty") << QByteArray();
    }

    void syncItemsRepliesOfAnyOtherShapeAreLeftToTheGenericReader()
    {
        QFETCH(QByteArray, body);
        const std::optional<SyncItemsPage> plain = syncItemsFromPlainFlatReply(body);
        const bool control = QByteArray(QTest::currentDataTag()).startsWith("plain");
        QCOMPARE(plain.has_value(), control);
        if (control) {
            QCOMPARE(plain->count, 1);
            QCOMPARE(plain->total, 1);
            QCOMPARE(plain->items.size(), 1);
            QCOMPARE(plain->items.at(0).kind, QLatin1Char('L'));
            QCOMPARE(plain->items.at(0).itemid, 7);
            QCOMPARE(plain->items.at(0).action, QStringLiteral("create"));
            QCOMPARE(plain->items.at(0).time, QStringLiteral("2026-01-02 03:04:05"));
            const auto generic = FlatCodec().decodeResponse(body, QStringLiteral("syncitems"));
            QVERIFY(generic.isOk());
            QVERIFY(*plain == syncItemsFromReply(generic.value()).value());
        }
    }

    void aSyncItemsPageWithATimeThatIsNoMomentIsRefused_data()
    {
        QTest::addColumn<QString>("time");
        QTest::newRow("month 13") << QStringLiteral("2026-13-02 03:04:05");
        QTest::newRow("31 February") << QStringLiteral("2026-02-31 03:04:05");
        QTest::newRow("hour 24") << QStringLiteral("2026-01-02 24:00:00");
        QTest::newRow("all nines") << QStringLiteral("9999-99-99 99:99:99");
        QTest::newRow("a word") << QStringLiteral("yesterday");
        QTest::newRow("empty") << QString();
    }

    void aSyncItemsPageWithATimeThatIsNoMomentIsRefused()
    {
        // Its times make the next sync's cursor: stored, one of these would fail every sync after it.
        QFETCH(QString, time);
        const QByteArray body = "success\nOK\nsync_1_action\ncreate\nsync_1_item\nL-7\nsync_1_time\n" +
                                time.toUtf8() + "\nsync_count\n1\nsync_total\n1\n";
        QVERIFY(!syncItemsFromPlainFlatReply(body));
        const auto decoded = FlatCodec().decodeResponse(body, QStringLiteral("syncitems"));
        QVERIFY(decoded.isOk());
        const ProtocolResult<SyncItemsPage> page = syncItemsFromReply(decoded.value());
        QVERIFY(!page);
        QVERIFY(page.error().category() == ProtocolError::Category::Malformed);
        QVERIFY2(page.error().message().contains(QStringLiteral("L-7")), qPrintable(page.error().message()));
        // A real moment is read (the last second of a leap year's February, say).
        const QByteArray good = QByteArray(body).replace("sync_1_time\n" + time.toUtf8() + '\n',
                                                         "sync_1_time\n2024-02-29 23:59:59\n");
        QVERIFY(syncItemsFromPlainFlatReply(good));
    }

    void anEntryLargerThanAnyServerWritesIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("size");
        QTest::newRow("subject") << QStringLiteral("subject") << 3000;
        QTest::newRow("text") << QStringLiteral("event") << 5'000'000;
        QTest::newRow("a prop") << QStringLiteral("props.current_music") << 70'000;
    }

    void anEntryLargerThanAnyServerWritesIsRefused()
    {
        QFETCH(QString, field);
        QFETCH(int, size);
        ProtocolValue event = ProtocolValue::emptyMap();
        event.insert(QStringLiteral("itemid"), 42);
        event.insert(QStringLiteral("eventtime"), QStringLiteral("2026-01-02 03:04:00"));
        event.insert(QStringLiteral("event"), QStringLiteral("short"));
        event.insert(QStringLiteral("props"), ProtocolValue::emptyMap());
        const QString big(size, u'x');
        if (field.startsWith(QLatin1String("props."))) {
            ProtocolValue props = ProtocolValue::emptyMap();
            props.insert(field.mid(6), big);
            event.insert(QStringLiteral("props"), props);
        } else {
            event.insert(field, big);
        }
        ProtocolValue reply = ProtocolValue::emptyMap();
        reply.insert(QStringLiteral("events"), ProtocolValue(ProtocolValue::List{event}));
        const auto entries = entriesFromReply(reply);
        QVERIFY(!entries);
        QVERIFY2(entries.error().message().contains(QStringLiteral("entry 42")),
                 qPrintable(entries.error().message()));
        // Within the bounds it reads.
        event.insert(field.startsWith(QLatin1String("props.")) ? QStringLiteral("subject") : field,
                     QString(field == QLatin1String("event") ? 400'000 : 200, u'y'));
        if (field.startsWith(QLatin1String("props.")))
            event.insert(QStringLiteral("props"), ProtocolValue::emptyMap());
        reply.insert(QStringLiteral("events"), ProtocolValue(ProtocolValue::List{event}));
        QVERIFY(entriesFromReply(reply));
    }

    void anEntryWhoseTimeNamesNoMomentIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("time");
        QTest::newRow("eventtime, 30 February")
            << QStringLiteral("eventtime") << QStringLiteral("2026-02-30 25:61:61");
        QTest::newRow("eventtime, words") << QStringLiteral("eventtime") << QStringLiteral("yesterday");
        QTest::newRow("eventtime, missing") << QStringLiteral("eventtime") << QString();
        QTest::newRow("logtime, month 13")
            << QStringLiteral("logtime") << QStringLiteral("2026-13-45 09:00:00");
    }

    // Kept, such a time would be asked about again (the day's getevents, the sync cursor) and
    // refused by the server for good (203), failing every later sync.
    void anEntryWhoseTimeNamesNoMomentIsRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, time);
        ProtocolValue event = ProtocolValue::emptyMap();
        event.insert(QStringLiteral("itemid"), 7);
        event.insert(QStringLiteral("eventtime"), QStringLiteral("2026-01-02 03:04:00"));
        event.insert(QStringLiteral("logtime"), QStringLiteral("2026-01-02 03:05:06"));
        event.insert(QStringLiteral("event"), QStringLiteral("text"));
        ProtocolValue reply = ProtocolValue::emptyMap();
        reply.insert(QStringLiteral("events"), ProtocolValue(ProtocolValue::List{event}));
        QVERIFY(entriesFromReply(reply)); // sound, it reads
        if (time.isNull())
            event = [&] {
                ProtocolValue without = ProtocolValue::emptyMap();
                for (auto it = event.members().cbegin(); it != event.members().cend(); ++it)
                    if (it.key() != field)
                        without.insert(it.key(), it.value());
                return without;
            }();
        else
            event.insert(field, time);
        reply.insert(QStringLiteral("events"), ProtocolValue(ProtocolValue::List{event}));
        const auto entries = entriesFromReply(reply);
        QVERIFY(!entries);
        QVERIFY(entries.error().category() == ProtocolError::Category::Malformed);
        QVERIFY2(entries.error().message().contains(QStringLiteral("entry 7")),
                 qPrintable(entries.error().message()));
    }

    void syncItemsAndDayCountsDecodeAlike()
    {
        const auto flatItems = syncItemsFromReply(
            decodedFixture(QStringLiteral("flat"), QStringLiteral("003-syncitems-bob.txt")));
        const auto xmlItems = syncItemsFromReply(
            decodedFixture(QStringLiteral("xmlrpc"), QStringLiteral("003-syncitems-bob.txt")));
        QVERIFY(flatItems.isOk() && xmlItems.isOk());
        QVERIFY(flatItems->count > 0);
        QCOMPARE(flatItems->count, flatItems->items.size());
        QCOMPARE(flatItems->total, xmlItems->total);
        QCOMPARE(flatItems->items.size(), xmlItems->items.size());
        for (qsizetype i = 0; i < flatItems->items.size(); ++i) {
            QCOMPARE(flatItems->items[i].kind, QLatin1Char('L'));
            QVERIFY(flatItems->items[i].itemid > 0);
            QVERIFY(QStringList({QStringLiteral("create"), QStringLiteral("update")})
                        .contains(flatItems->items[i].action));
            QCOMPARE(flatItems->items[i].time.size(), 19);
        }

        const auto flatDays = dayCountsFromReply(
            decodedFixture(QStringLiteral("flat"), QStringLiteral("006-getdaycounts-carol.txt")));
        const auto xmlDays = dayCountsFromReply(
            decodedFixture(QStringLiteral("xmlrpc"), QStringLiteral("006-getdaycounts-carol.txt")));
        QVERIFY(flatDays.isOk() && xmlDays.isOk());
        int total = 0;
        for (const DayCount& day : flatDays.value())
            total += day.count;
        QVERIFY(total > 0);
        auto byDate = [](QList<DayCount> days) {
            std::sort(days.begin(), days.end(),
                      [](const DayCount& a, const DayCount& b) { return a.date < b.date; });
            return days;
        };
        QCOMPARE(byDate(flatDays.value()), byDate(xmlDays.value()));
    }

    void loginInfoFromBothInterfaces()
    {
        const LoginInfo flat = loginInfoFromReply(
            decodedFixture(QStringLiteral("flat"), QStringLiteral("004-login-full-bob.txt")));
        const LoginInfo xml = loginInfoFromReply(
            decodedFixture(QStringLiteral("xmlrpc"), QStringLiteral("004-login-full-bob.txt")));
        QVERIFY(!flat.fullName.isEmpty());
        QCOMPARE(flat.fullName, xml.fullName);
        QVERIFY(flat.moods.size() > 100);
        QCOMPARE(flat.moods.size(), xml.moods.size());
        QCOMPARE(flat.pictureKeywords, xml.pictureKeywords);
        QCOMPARE(flat.pictureUrls.size(), flat.pictureKeywords.size());
        QCOMPARE(flat.usejournals, xml.usejournals);
        QVERIFY2(flat.userId == 0 && xml.userId > 0, "userid only travels over XML-RPC");
    }

    void editSendsTheWholeEntryAndClearsRemovedProps()
    {
        JournalEntry entry;
        entry.itemid = 42;
        entry.subject = QString(); // an empty subject must still be sent, or the server clears it anyway
        entry.body = QStringLiteral("Body ✓\r\nline two");
        entry.security = Security::UseMask;
        entry.allowmask = (quint64(1) << 45) | 2;
        entry.eventtime = QStringLiteral("2024-03-01 18:05:00");
        entry.props = {{QStringLiteral("current_mood"), QStringLiteral("happy")},
                       {QStringLiteral("revnum"), QStringLiteral("3")}};
        const QMap<QString, QString> onServer{{QStringLiteral("current_music"), QStringLiteral("old song")},
                                              {QStringLiteral("current_mood"), QStringLiteral("sad")},
                                              {QStringLiteral("revtime"), QStringLiteral("1700000000")}};
        const ProtocolValue request = editEventRequest(entry, onServer, QStringLiteral("community"));
        QCOMPARE(request[u"itemid"].toInt(), 42);
        QVERIFY(request.contains(QStringLiteral("subject")));
        QCOMPARE(request[u"security"].toText(), QStringLiteral("usemask"));
        QCOMPARE(request[u"allowmask"].toText(), QString::number((quint64(1) << 45) | 2));
        QCOMPARE(request[u"year"].toInt(), 2024);
        QCOMPARE(request[u"mon"].toInt(), 3);
        QCOMPARE(request[u"day"].toInt(), 1);
        QCOMPARE(request[u"hour"].toInt(), 18);
        QCOMPARE(request[u"min"].toInt(), 5);
        QCOMPARE(request[u"usejournal"].toText(), QStringLiteral("community"));
        const ProtocolValue& props = request[u"props"];
        QCOMPARE(props[u"current_mood"].toText(), QStringLiteral("happy"));
        QVERIFY(props.contains(QStringLiteral("current_music")));
        QCOMPARE(props[u"current_music"].toText(), QString());
        QVERIFY2(!props.contains(QStringLiteral("revnum")) && !props.contains(QStringLiteral("revtime")),
                 "server-owned props are never sent back");
    }

    void postLeavesOutEmptyAndServerProps()
    {
        JournalEntry entry;
        entry.body = QStringLiteral("hello");
        entry.eventtime = QStringLiteral("2026-01-02 03:04:00");
        entry.props = {{QStringLiteral("current_music"), QString()},
                       {QStringLiteral("picture_mapid"), QStringLiteral("3")},
                       {QStringLiteral("opt_backdated"), QStringLiteral("1")}};
        const ProtocolValue request = postEventRequest(entry);
        QCOMPARE(request[u"props"].members().keys(), QStringList{QStringLiteral("opt_backdated")});
        QCOMPARE(request[u"security"].toText(), QStringLiteral("public"));
        QCOMPARE(request[u"allowmask"].toText(), QStringLiteral("0"));
        QVERIFY(!request.contains(QStringLiteral("usejournal")));
        QCOMPARE(request[u"lineendings"].toText(), QStringLiteral("unix"));
    }

    void tagsRoundTripThroughTaglist()
    {
        JournalEntry entry;
        entry.props.insert(QStringLiteral("taglist"), QStringLiteral(" cats,  rainy   days ,,weather"));
        QCOMPARE(entry.tags(), (QStringList{QStringLiteral("cats"), QStringLiteral("rainy days"),
                                            QStringLiteral("weather")}));
        entry.setTags({QStringLiteral("a"), QStringLiteral("b c")});
        QCOMPARE(entry.props.value(QStringLiteral("taglist")), QStringLiteral("a, b c"));
        entry.setTags({});
        QVERIFY(!entry.props.contains(QStringLiteral("taglist")));
    }
};

QTEST_GUILESS_MAIN(TestJournalMessages)
#include "TestJournalMessages.moc"
