#include "ScriptedDialogs.h"
#include "TestAccounts.h"
#include "account/LoginInfoStore.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "editor/EditorWindow.h"
#include "editor/EntryForm.h"
#include "store/Database.h"
#include "store/DraftStore.h"
#include "store/JournalStore.h"
#include "store/Outbox.h"
#include "sync/OutboxService.h"
#include "writing/DraftsView.h"
#include "writing/WritingDesk.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// The writing desk: editors opened with what the account and the mirror know, drafts listed,
// edits and deletions of mirrored entries going through the outbox.
class TestWritingDesk : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    MemoryPasswordStore m_passwords; // empty: nothing is sent, everything waits
    ScriptedDialogs m_dialogs;

    Profile profile() const { return Profile::atDirectory(m_dir.path()); }

    qint64 mirrorEntry(qint64 itemid, const QString& subject)
    {
        JournalStore store(m_db->connection());
        JournalEntry entry;
        entry.itemid = itemid;
        entry.subject = subject;
        entry.body = QStringLiteral("mirrored text");
        entry.eventtime = QStringLiteral("2025-01-02 03:04:00");
        entry.props.insert(QStringLiteral("taglist"), QStringLiteral("garden, sea"));
        const qint64 journalId = store.journalId(QStringLiteral("dw"), QStringLiteral("alice"));
        store.upsertEntries(journalId, {entry});
        return journalId;
    }

private slots:
    void init()
    {
        QFile::remove(profile().databasePath());
        m_db = std::make_unique<Database>(profile().databasePath());
        QVERIFY(m_db->open());
        QVERIFY(addTestAccount(*m_db, QStringLiteral("dw"), QStringLiteral("Alice")));
    }

    void cleanup()
    {
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    }

    // The language picked in one editor is where the next one starts, also after a restart (it is
    // kept in the profile's settings.ini); "off" is remembered too.
    void theSpellingLanguageIsRemembered()
    {
        qputenv("INKWELL_DICTIONARY_DIRS", QByteArray(INKWELL_TEST_DICTIONARIES));
        const QString test = QStringLiteral("xx_TEST");
        {
            const auto services = ProfileServices::open(profile(), m_passwords, nullptr);
            QVERIFY(services);
            WritingDesk desk(*services, m_dialogs);
            EditorWindow* first = desk.newEntry();
            QComboBox* box = first->form()->spellingBox();
            QVERIFY(box->findData(test) > 0);
            QVERIFY(first->form()->spellLanguage() != test); // the locale's, or none
            box->setCurrentIndex(box->findData(test));
            QCOMPARE(first->form()->spellLanguage(), test);
            EditorWindow* second = desk.newEntry();
            QCOMPARE(second->form()->spellLanguage(), test);
            first->deleteLater();
            second->deleteLater();
        }
        {
            const auto services =
                ProfileServices::open(profile(), m_passwords, nullptr); // as after a restart
            QVERIFY(services);
            WritingDesk desk(*services, m_dialogs);
            EditorWindow* editor = desk.newEntry();
            QCOMPARE(editor->form()->spellLanguage(), test);
            editor->form()->spellingBox()->setCurrentIndex(0); // off
            QCOMPARE(editor->form()->spellLanguage(), QString());
            EditorWindow* next = desk.newEntry();
            QCOMPARE(next->form()->spellLanguage(), QString());
            editor->deleteLater();
            next->deleteLater();
        }
        qunsetenv("INKWELL_DICTIONARY_DIRS");
    }

    void editorsOfferWhatTheLoginAndTheMirrorKnow()
    {
        LoginInfo info;
        info.usejournals = {QStringLiteral("club")};
        info.moods = {{1, QStringLiteral("calm"), 0}};
        info.pictureKeywords = {QStringLiteral("portrait")};
        info.friendGroups = {{3, QStringLiteral("Close"), 10, false}};
        QString error;
        QVERIFY2(
            LoginInfoStore(*m_db).save(QStringLiteral("dw"), info, QDateTime::currentDateTimeUtc(), &error),
            qPrintable(error));
        mirrorEntry(1, QStringLiteral("old"));
        const auto services = ProfileServices::open(profile(), m_passwords, nullptr);
        QVERIFY(services);
        WritingDesk desk(*services, m_dialogs);
        const EditorChoices choices = desk.choicesFor(QStringLiteral("dw"));
        QCOMPARE(choices.ownJournal, QStringLiteral("alice"));
        QCOMPARE(choices.communities, QStringList{QStringLiteral("club")});
        QCOMPARE(choices.tags, (QStringList{QStringLiteral("garden"), QStringLiteral("sea")}));
        EditorWindow* editor = desk.newEntry();
        QCOMPARE(editor->accountBox()->currentText(), QStringLiteral("dw"));
        QCOMPARE(editor->form()->journalBox()->count(), 2);
        QVERIFY(editor->form()->pictureBox()->findText(QStringLiteral("portrait")) > 0);
    }

    void editingAMirroredEntryStartsFromIt()
    {
        mirrorEntry(7, QStringLiteral("as mirrored"));
        const auto services = ProfileServices::open(profile(), m_passwords, nullptr);
        QVERIFY(services);
        WritingDesk desk(*services, m_dialogs);
        EditorWindow* editor = desk.editEntry(QStringLiteral("dw"), QStringLiteral("alice"), 7);
        QVERIFY(editor);
        QCOMPARE(editor->form()->subjectEdit()->text(), QStringLiteral("as mirrored"));
        editor->form()->subjectEdit()->setText(QStringLiteral("changed offline"));
        QVERIFY(editor->post());
        const OutboxItem item = desk.outbox().outbox().items().first();
        QCOMPARE(toString(item.operation), toString(OutboxOperation::Edit));
        QCOMPARE(item.itemid, 7);
        QCOMPARE(item.base->subject, QStringLiteral("as mirrored"));
        QVERIFY(!desk.editEntry(QStringLiteral("dw"), QStringLiteral("alice"), 999)); // not mirrored
    }

    void anEditInProgressIsContinuedNotStartedAgain()
    {
        mirrorEntry(8, QStringLiteral("v1"));
        const auto services = ProfileServices::open(profile(), m_passwords, nullptr);
        QVERIFY(services);
        WritingDesk desk(*services, m_dialogs);
        EditorWindow* first = desk.editEntry(QStringLiteral("dw"), QStringLiteral("alice"), 8);
        first->form()->subjectEdit()->clear();
        QTest::keyClicks(first->form()->subjectEdit(), QStringLiteral("half edited"));
        first->close(); // the edit is kept as a draft
        QTRY_COMPARE(desk.drafts().drafts().size(), 1);
        EditorWindow* again = desk.editEntry(QStringLiteral("dw"), QStringLiteral("alice"), 8);
        QCOMPARE(again->form()->subjectEdit()->text(), QStringLiteral("half edited"));
        QCOMPARE(desk.openDraft(again->draftId()), again); // already open: raised, not duplicated
    }

    void deletingQueuesIntoTheOutbox()
    {
        mirrorEntry(9, QStringLiteral("to go"));
        const auto services = ProfileServices::open(profile(), m_passwords, nullptr);
        QVERIFY(services);
        WritingDesk desk(*services, m_dialogs);
        QSignalSpy messages(&desk, &WritingDesk::message);
        const qint64 id = desk.deleteEntry(QStringLiteral("dw"), QStringLiteral("alice"), 9);
        QVERIFY(id > 0);
        const OutboxItem item = *desk.outbox().outbox().item(id);
        QCOMPARE(toString(item.operation), toString(OutboxOperation::Delete));
        QCOMPARE(item.entry.subject, QStringLiteral("to go")); // shown in the outbox view
        QTRY_VERIFY(!messages.isEmpty()); // no password here: the user is told why it waits
    }

    void theDraftsListShowsAndOpensDrafts()
    {
        const auto services = ProfileServices::open(profile(), m_passwords, nullptr);
        QVERIFY(services);
        WritingDesk desk(*services, m_dialogs);
        DraftsView view(desk.drafts());
        QCOMPARE(view.list()->count(), 1); // the empty-state line
        QVERIFY(!(view.list()->item(0)->flags() & Qt::ItemIsEnabled));
        Draft draft;
        draft.account = QStringLiteral("dw");
        draft.journal = QStringLiteral("alice");
        draft.entry.subject = QStringLiteral("Kept");
        QVERIFY(desk.drafts().save(draft));
        view.refresh();
        QCOMPARE(view.list()->count(), 1);
        QVERIFY(view.list()->item(0)->text().startsWith(QStringLiteral("Kept\nalice (dw)")));
        QSignalSpy open(&view, &DraftsView::openRequested);
        emit view.list()->itemActivated(view.list()->item(0));
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().at(0).toLongLong(), draft.id);
    }
};

QTEST_MAIN(TestWritingDesk)
#include "TestWritingDesk.moc"
