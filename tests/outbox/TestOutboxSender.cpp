#include "TestServer.h"
#include "account/AccountStore.h"
#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/DraftStore.h"
#include "store/JournalStore.h"
#include "store/Outbox.h"
#include "sync/OutboxSender.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// Outbox states and operations are compared by name (QTest cannot print the enums).

namespace {

// A profile (database, outbox, mirror) for account "test" = alice on a local server.
class Harness
{
public:
    bool start(const QStringList& serverArgs)
    {
        if (!server.start(serverArgs)) {
            qWarning() << server.errorString();
            return false;
        }
        database = std::make_unique<Database>(dir.filePath(QStringLiteral("journal.sqlite")));
        if (!database->open())
            return false;
        Account account;
        account.name = QStringLiteral("test");
        account.serverUrl = server.baseUrl();
        account.username = QStringLiteral("alice");
        QString error;
        if (!AccountStore(*database).add(account, &error))
            return false;
        outbox = std::make_unique<Outbox>(database->connection());
        mirror = std::make_unique<JournalStore>(database->connection());
        return true;
    }

    std::unique_ptr<LjClient> client(const QUrl& url, const QString& user = QStringLiteral("alice"))
    {
        Account account;
        account.name = QStringLiteral("test");
        account.serverUrl = url;
        account.username = user;
        auto c = std::make_unique<LjClient>(account);
        c->setPassword(QStringLiteral("pw"));
        c->setRetryPolicy(RetryPolicy{{std::chrono::milliseconds(10), std::chrono::milliseconds(10)}});
        return c;
    }

    // One run of the sender with a fresh client, as a program start or a reconnect would do.
    OutboxReport send(const QUrl& url)
    {
        auto c = client(url);
        OutboxSender sender(*c, *outbox, *mirror, QStringLiteral("test"));
        std::optional<OutboxReport> report;
        QObject::connect(&sender, &OutboxSender::finished, [&](const OutboxReport& r) { report = r; });
        sender.start();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 60000);
        }();
        return report.value_or(OutboxReport{});
    }
    OutboxReport send() { return send(server.baseUrl()); }

    // A call outside the outbox (another client changing the journal), waited for.
    ProtocolValue direct(const QString& mode, const ProtocolValue& request,
                         const QString& user = QStringLiteral("alice"))
    {
        auto c = client(server.baseUrl(), user);
        ProtocolValue reply;
        bool done = false;
        c->call(mode, request, c.get(), [&](ProtocolCall& call) {
            if (!call.succeeded())
                qWarning() << mode << call.error().toString();
            reply = call.reply();
            done = true;
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        }();
        return reply;
    }

    QJsonArray serverEntries(const QString& journal = QStringLiteral("alice"))
    {
        return server.control("GET", QStringLiteral("entries?journal=") + journal)
            .value(QStringLiteral("entries"))
            .toArray();
    }

    void fault(const QString& kind, const QString& mode, int count)
    {
        server.control("POST", QStringLiteral("faults"),
                       QJsonObject{{QStringLiteral("kind"), kind},
                                   {QStringLiteral("mode"), mode},
                                   {QStringLiteral("count"), count}});
    }

    TestServer server;
    QTemporaryDir dir;
    std::unique_ptr<Database> database;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<JournalStore> mirror;
};

JournalEntry entry(const QString& subject, const QString& eventtime = QStringLiteral("2026-11-20 09:30:00"))
{
    JournalEntry e;
    e.subject = subject;
    e.body = QStringLiteral("Written offline ✓ 😀\nsecond line <b>bold</b>");
    e.eventtime = eventtime;
    e.props.insert(QStringLiteral("current_mood"), QStringLiteral("hopeful"));
    e.props.insert(QStringLiteral("taglist"), QStringLiteral("offline, tests"));
    return e;
}

OutboxItem post(const JournalEntry& e, const QString& journal = QStringLiteral("alice"))
{
    OutboxItem item;
    item.account = QStringLiteral("test");
    item.journal = journal;
    item.entry = e;
    return item;
}

QJsonObject entryWithSubject(const QJsonArray& entries, const QString& subject)
{
    for (const QJsonValue& value : entries) {
        if (value.toObject().value(QStringLiteral("subject")).toString() == subject)
            return value.toObject();
    }
    return {};
}

} // namespace

// Posts, edits and deletions leave the outbox exactly once, whatever the network does.
class TestOutboxSender : public QObject
{
    Q_OBJECT
private slots:
    void queuedWhileOfflineThenSentInOrderWhenOnline()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        Draft draft;
        draft.account = QStringLiteral("test");
        draft.entry = entry(QStringLiteral("first"));
        DraftStore drafts(h.database->connection());
        QVERIFY(drafts.save(draft));
        OutboxItem first = post(entry(QStringLiteral("first")));
        first.draftId = draft.id;
        const qint64 a = h.outbox->enqueue(first);
        const qint64 b =
            h.outbox->enqueue(post(entry(QStringLiteral("second"), QStringLiteral("2026-11-21 08:00:00"))));

        // Nothing listens on port 1: the network is "down".
        OutboxReport offline = h.send(QUrl(QStringLiteral("http://127.0.0.1:1/")));
        QVERIFY(offline.sent.isEmpty());
        QCOMPARE(offline.waiting, 2);
        QVERIFY(!offline.stopReason.isEmpty());
        QCOMPARE(toString(h.outbox->item(a)->state), toString(OutboxState::Waiting));
        QVERIFY2(!h.outbox->item(a)->reason.isEmpty(), "the user sees why it waits");
        QCOMPARE(h.outbox->item(b)->attempts, 0); // the run stopped at the first item
        QCOMPARE(h.serverEntries().size(), 0);

        const OutboxReport online = h.send();
        QCOMPARE(online.sent, (QList<qint64>{a, b}));
        QCOMPARE(online.waiting, 0);
        QCOMPARE(h.outbox->count(), 0);
        const QJsonArray onServer = h.serverEntries();
        QCOMPARE(onServer.size(), 2);
        QCOMPARE(onServer.at(0).toObject().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("first"));
        QCOMPARE(onServer.at(1).toObject().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("second"));
        QCOMPARE(online.posts.size(), 2);
        QVERIFY(online.posts.at(0).itemid > 0);
        QVERIFY(!online.posts.at(0).url.isEmpty());
        // The mirror shows the posts at once, and the draft they came from is gone.
        const qint64 journalId = h.mirror->findJournalId(QStringLiteral("test"), QStringLiteral("alice"));
        const auto mirrored = h.mirror->entry(journalId, online.posts.at(0).itemid);
        QVERIFY(mirrored);
        QCOMPARE(mirrored->subject, QStringLiteral("first"));
        QVERIFY(!drafts.draft(draft.id));
    }

    void aPostWhoseReplyWasLostIsNotSentTwice()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        const qint64 id = h.outbox->enqueue(post(entry(QStringLiteral("exactly once"))));
        // The server commits the post, then the connection drops (every re-send too).
        h.fault(QStringLiteral("drop_after_commit"), QStringLiteral("postevent"), 5);
        const OutboxReport lost = h.send();
        QVERIFY(lost.sent.isEmpty());
        QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Unknown));
        QCOMPARE(h.serverEntries().size(), 1); // it did arrive
        h.server.control("DELETE", QStringLiteral("faults"));

        const int postsBefore = h.server.requestCount(QStringLiteral("postevent"));
        const OutboxReport resolved = h.send();
        QCOMPARE(resolved.sent, QList<qint64>{id});
        QCOMPARE(h.server.requestCount(QStringLiteral("postevent")), postsBefore); // found, not re-sent
        QCOMPARE(h.serverEntries().size(), 1);
        QCOMPARE(h.outbox->count(), 0);
        const qint64 itemid = h.serverEntries().at(0).toObject().value(QStringLiteral("itemid")).toInteger();
        const qint64 journalId = h.mirror->findJournalId(QStringLiteral("test"), QStringLiteral("alice"));
        QVERIFY(h.mirror->entry(journalId, itemid));
    }

    void anUnknownPostThatNeverArrivedIsSentAgain()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        const qint64 id = h.outbox->enqueue(post(entry(QStringLiteral("lost on the way"))));
        QVERIFY(h.outbox->markSending(id)); // the program died while sending...
        // ...and the request never reached the server. The next start asks, finds nothing, sends.
        const OutboxReport report = h.send();
        QCOMPARE(report.sent, QList<qint64>{id});
        QCOMPARE(h.server.requestCount(QStringLiteral("postevent")), 1);
        QCOMPARE(h.serverEntries().size(), 1);
    }

    void anOfflineEditSendsTheWholeEntryAndClearsRemovedProps()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        JournalEntry original = entry(QStringLiteral("original subject"));
        original.props.insert(QStringLiteral("current_music"), QStringLiteral("a song"));
        const ProtocolValue posted = h.direct(QStringLiteral("postevent"), postEventRequest(original));
        original.itemid = postResultFromReply(posted).itemid;
        QVERIFY(original.itemid > 0);

        OutboxItem edit = post(original);
        edit.operation = OutboxOperation::Edit;
        edit.itemid = original.itemid;
        edit.base = original;
        edit.entry.body = QStringLiteral("edited body");
        edit.entry.props.remove(QStringLiteral("current_music")); // the user cleared the music
        const qint64 id = h.outbox->enqueue(edit);
        const OutboxReport report = h.send();
        QCOMPARE(report.sent, QList<qint64>{id});
        const QJsonObject onServer = h.serverEntries().at(0).toObject();
        QCOMPARE(onServer.value(QStringLiteral("event")).toString(), QStringLiteral("edited body"));
        QCOMPARE(onServer.value(QStringLiteral("subject")).toString(), QStringLiteral("original subject"));
        const QJsonObject props = onServer.value(QStringLiteral("props")).toObject();
        QVERIFY2(!props.contains(QStringLiteral("current_music")), "the cleared prop is gone on the server");
        QCOMPARE(props.value(QStringLiteral("current_mood")).toString(), QStringLiteral("hopeful"));
    }

    void anEntryChangedOnBothSidesBecomesAConflictUntilTheUserChooses()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        JournalEntry original = entry(QStringLiteral("v1"));
        original.itemid =
            postResultFromReply(h.direct(QStringLiteral("postevent"), postEventRequest(original))).itemid;

        OutboxItem edit = post(original);
        edit.operation = OutboxOperation::Edit;
        edit.itemid = original.itemid;
        edit.base = original;
        edit.entry.subject = QStringLiteral("mine, offline");
        const qint64 id = h.outbox->enqueue(edit);

        JournalEntry theirs = original;
        theirs.subject = QStringLiteral("theirs, on the web");
        h.direct(QStringLiteral("editevent"), editEventRequest(theirs, original.props));

        const int editsBefore = h.server.requestCount(QStringLiteral("editevent"));
        const OutboxReport report = h.send();
        QCOMPARE(report.conflicts, 1);
        QVERIFY(report.sent.isEmpty());
        QCOMPARE(h.server.requestCount(QStringLiteral("editevent")), editsBefore); // nothing overwritten
        const OutboxItem conflict = *h.outbox->item(id);
        QCOMPARE(toString(conflict.state), toString(OutboxState::Conflict));
        QCOMPARE(conflict.server->subject, QStringLiteral("theirs, on the web"));
        QCOMPARE(conflict.entry.subject, QStringLiteral("mine, offline"));
        QCOMPARE(h.serverEntries().at(0).toObject().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("theirs, on the web"));

        // A second run leaves the conflict alone; choosing "mine" sends it.
        QVERIFY(h.send().sent.isEmpty());
        QVERIFY(h.outbox->keepMine(id));
        QCOMPARE(h.send().sent, QList<qint64>{id});
        QCOMPARE(h.serverEntries().at(0).toObject().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("mine, offline"));
    }

    void deletionsGoOutOnceAndAnAlreadyDeletedEntryIsDone()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        const qint64 keep = postResultFromReply(h.direct(QStringLiteral("postevent"),
                                                         postEventRequest(entry(QStringLiteral("keep")))))
                                .itemid;
        const qint64 gone = postResultFromReply(h.direct(QStringLiteral("postevent"),
                                                         postEventRequest(entry(QStringLiteral("gone")))))
                                .itemid;
        const qint64 journalId = h.mirror->journalId(QStringLiteral("test"), QStringLiteral("alice"));
        JournalEntry mirrored = entry(QStringLiteral("gone"));
        mirrored.itemid = gone;
        QVERIFY(h.mirror->upsertEntries(journalId, {mirrored}));

        OutboxItem del = post(mirrored);
        del.operation = OutboxOperation::Delete;
        del.itemid = gone;
        const qint64 first = h.outbox->enqueue(del);
        const qint64 again = h.outbox->enqueue(del); // deleted twice (two windows, say)
        const OutboxReport report = h.send();
        QCOMPARE(report.sent, (QList<qint64>{first, again}));
        QCOMPARE(h.serverEntries().size(), 1);
        QCOMPARE(h.serverEntries().at(0).toObject().value(QStringLiteral("itemid")).toInteger(), keep);
        QVERIFY(!h.mirror->entry(journalId, gone));
    }

    void aRefusedItemIsKeptWithTheServersMessageAndTheRestGoOut()
    {
        Harness h;
        QVERIFY(
            h.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--user"),
                     QStringLiteral("bob:pw"), QStringLiteral("--community"), QStringLiteral("club:bob")}));
        // alice is not a member of bob's community: the server refuses for good.
        const qint64 refused =
            h.outbox->enqueue(post(entry(QStringLiteral("to the club")), QStringLiteral("club")));
        const qint64 fine = h.outbox->enqueue(post(entry(QStringLiteral("to my journal"))));
        const OutboxReport report = h.send();
        QCOMPARE(report.failed, 1);
        QCOMPARE(report.sent, QList<qint64>{fine});
        const OutboxItem failed = *h.outbox->item(refused);
        QCOMPARE(toString(failed.state), toString(OutboxState::Failed));
        QVERIFY2(!failed.reason.isEmpty(), qPrintable(failed.reason));
        QCOMPARE(h.serverEntries(QStringLiteral("club")).size(), 0);
        QVERIFY(!entryWithSubject(h.serverEntries(), QStringLiteral("to my journal")).isEmpty());
        // Refused items are not retried by themselves.
        const int posts = h.server.requestCount(QStringLiteral("postevent"));
        h.send();
        QCOMPARE(h.server.requestCount(QStringLiteral("postevent")), posts);
    }

    void temporaryServerErrorsKeepItemsWaiting()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        const qint64 id = h.outbox->enqueue(post(entry(QStringLiteral("later"))));
        h.fault(QStringLiteral("http500"), QStringLiteral("*"), 50);
        const OutboxReport report = h.send();
        QCOMPARE(report.waiting, 1);
        QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Waiting));
        QCOMPARE(h.serverEntries().size(), 0);
        h.server.control("DELETE", QStringLiteral("faults"));
        QCOMPARE(h.send().sent, QList<qint64>{id});
        QCOMPARE(h.serverEntries().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "TestOutboxSender.moc"
