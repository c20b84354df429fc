#include "account/AccountStore.h"
#include "store/Database.h"
#include "store/DraftStore.h"
#include "store/Outbox.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// Outbox states and operations are compared by name (QTest cannot print the enums).

// The outbox and the drafts as the database keeps them: order, states, restarts, accounts.
class TestOutbox : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    QString path() const { return m_dir.filePath(QStringLiteral("journal.sqlite")); }

    static JournalEntry entry(const QString& subject)
    {
        JournalEntry e;
        e.subject = subject;
        e.body = QStringLiteral("\uFEFFbody ✓ 😀\r\nline two");
        e.eventtime = QStringLiteral("2026-11-23 10:00:00");
        e.security = Security::UseMask;
        e.allowmask = 6;
        e.props.insert(QStringLiteral("current_mood"), QStringLiteral("calm"));
        e.props.insert(QStringLiteral("taglist"), QStringLiteral("a, b"));
        return e;
    }

    static OutboxItem post(const QString& subject, const QString& account = QStringLiteral("dw"))
    {
        OutboxItem item;
        item.account = account;
        item.journal = QStringLiteral("alice");
        item.entry = entry(subject);
        return item;
    }

private slots:
    void init()
    {
        QFile::remove(path());
        m_db = std::make_unique<Database>(path());
        QVERIFY2(m_db->open(), qPrintable(m_db->error()));
        for (const QString& name : {QStringLiteral("dw"), QStringLiteral("lj")}) {
            Account account;
            account.name = name;
            account.serverUrl = QUrl(QStringLiteral("https://example.org"));
            account.username = QStringLiteral("alice");
            QString error;
            QVERIFY2(AccountStore(*m_db).add(account, &error), qPrintable(error));
        }
    }

    void cleanup() { m_db.reset(); }

    void itemsKeepTheirOrderAndContentAcrossRestarts()
    {
        Outbox outbox(m_db->connection());
        const qint64 first = outbox.enqueue(post(QStringLiteral("first")));
        OutboxItem edit = post(QStringLiteral("second"), QStringLiteral("lj"));
        edit.operation = OutboxOperation::Edit;
        edit.itemid = 42;
        edit.base = entry(QStringLiteral("before"));
        const qint64 second = outbox.enqueue(edit);
        const qint64 third = outbox.enqueue(post(QStringLiteral("third")));
        QVERIFY(first > 0 && second > first && third > second);

        m_db.reset(); // a restart
        m_db = std::make_unique<Database>(path());
        QVERIFY(m_db->open());
        Outbox reopened(m_db->connection());
        const QList<OutboxItem> all = reopened.items();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).id, first);
        QCOMPARE(all.at(0).entry, entry(QStringLiteral("first"))); // BOM, CRLF, emoji, mask, props
        QCOMPARE(toString(all.at(0).state), toString(OutboxState::Waiting));
        QCOMPARE(toString(all.at(1).operation), toString(OutboxOperation::Edit));
        QCOMPARE(all.at(1).itemid, 42);
        QVERIFY(all.at(1).base.has_value());
        QCOMPARE(all.at(1).base->subject, QStringLiteral("before"));
        QVERIFY(!all.at(0).base.has_value());
        QCOMPARE(reopened.items(QStringLiteral("dw")).size(), 2);
        QCOMPARE(reopened.count(QStringLiteral("lj")), 1);
        QCOMPARE(reopened.count(), 3);
    }

    void aProgramThatDiedWhileSendingLeavesTheOutcomeUnknown()
    {
        Outbox outbox(m_db->connection());
        const qint64 id = outbox.enqueue(post(QStringLiteral("in flight")));
        QVERIFY(outbox.markSending(id));
        QCOMPARE(outbox.item(id)->attempts, 1);
        QCOMPARE(outbox.recoverInterrupted(), 1);
        QCOMPARE(toString(outbox.item(id)->state), toString(OutboxState::Unknown));
        QVERIFY(!outbox.item(id)->reason.isEmpty());
        QCOMPARE(outbox.recoverInterrupted(), 0);
    }

    void onlyItemsThatHaveNotLeftCanChange()
    {
        Outbox outbox(m_db->connection());
        const qint64 id = outbox.enqueue(post(QStringLiteral("v1")));
        QVERIFY(outbox.updateEntry(id, entry(QStringLiteral("v2"))));
        QCOMPARE(outbox.item(id)->entry.subject, QStringLiteral("v2"));

        QVERIFY(outbox.markSending(id));
        QVERIFY(!outbox.updateEntry(id, entry(QStringLiteral("v3"))));
        QVERIFY(!outbox.lastError().isEmpty());
        QVERIFY(outbox.setState(id, OutboxState::Unknown));
        QVERIFY(!outbox.updateEntry(id, entry(QStringLiteral("v3")))); // it may have arrived
        QCOMPARE(outbox.item(id)->entry.subject, QStringLiteral("v2"));

        // A refused item, corrected by the user, waits to be sent again.
        QVERIFY(outbox.setState(id, OutboxState::Failed, QStringLiteral("Invalid text encoding")));
        QVERIFY(outbox.updateEntry(id, entry(QStringLiteral("fixed"))));
        QCOMPARE(toString(outbox.item(id)->state), toString(OutboxState::Waiting));
        QVERIFY(outbox.item(id)->reason.isEmpty());
    }

    void keepingMineAfterAConflictSendsOverTheServersVersion()
    {
        Outbox outbox(m_db->connection());
        OutboxItem edit = post(QStringLiteral("mine"));
        edit.operation = OutboxOperation::Edit;
        edit.itemid = 7;
        edit.base = entry(QStringLiteral("original"));
        const qint64 id = outbox.enqueue(edit);
        QVERIFY(!outbox.keepMine(id)); // not a conflict
        QVERIFY(outbox.markConflict(id, entry(QStringLiteral("theirs"))));
        const OutboxItem conflict = *outbox.item(id);
        QCOMPARE(toString(conflict.state), toString(OutboxState::Conflict));
        QCOMPARE(conflict.server->subject, QStringLiteral("theirs"));
        QCOMPARE(conflict.entry.subject, QStringLiteral("mine")); // both versions are kept
        QVERIFY(outbox.keepMine(id));
        const OutboxItem resolved = *outbox.item(id);
        QCOMPARE(toString(resolved.state), toString(OutboxState::Waiting));
        QCOMPARE(resolved.base->subject, QStringLiteral("theirs"));
        QVERIFY(!resolved.server.has_value());
        QCOMPARE(resolved.entry.subject, QStringLiteral("mine"));
    }

    void anAccountWithQueuedItemsIsNotRemoved()
    {
        Outbox outbox(m_db->connection());
        const qint64 id = outbox.enqueue(post(QStringLiteral("waiting")));
        QString error;
        QVERIFY(!AccountStore(*m_db).remove(QStringLiteral("dw"), &error));
        QVERIFY2(error.contains(QStringLiteral("outbox")), qPrintable(error));
        QCOMPARE(outbox.count(QStringLiteral("dw")), 1);
        QVERIFY(outbox.remove(id));
        QVERIFY2(AccountStore(*m_db).remove(QStringLiteral("dw"), &error), qPrintable(error));
        // Renaming an account carries its drafts along; removing it keeps them, unassigned.
    }

    void draftsAreSavedUpdatedListedAndOutliveTheirAccount()
    {
        DraftStore drafts(m_db->connection());
        Draft a;
        a.account = QStringLiteral("dw");
        a.journal = QStringLiteral("alice");
        a.entry = entry(QStringLiteral("draft a"));
        QVERIFY2(drafts.save(a), qPrintable(drafts.lastError()));
        QVERIFY(a.id > 0);
        Draft b;
        b.entry.body = QStringLiteral("no account yet");
        QVERIFY(drafts.save(b));
        QVERIFY(b.id > a.id);

        a.entry.body += QStringLiteral(" more words");
        QVERIFY(drafts.save(a));
        QCOMPARE(drafts.drafts().size(), 2);
        QCOMPARE(drafts.draft(a.id)->entry.body, a.entry.body);
        QCOMPARE(drafts.draft(a.id)->entry, a.entry);
        QVERIFY(drafts.draft(b.id)->account.isEmpty());

        QString error;
        QVERIFY2(AccountStore(*m_db).remove(QStringLiteral("dw"), &error), qPrintable(error));
        const auto orphan = drafts.draft(a.id);
        QVERIFY(orphan); // the words stay
        QVERIFY(orphan->account.isEmpty());
        QCOMPARE(orphan->entry.subject, QStringLiteral("draft a"));

        QVERIFY(drafts.remove(a.id));
        QVERIFY(!drafts.draft(a.id));
        QCOMPARE(drafts.drafts().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "TestOutbox.moc"
