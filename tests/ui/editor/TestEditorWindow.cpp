#include "ScriptedDialogs.h"
#include "account/AccountStore.h"
#include "editor/DraftAutosaver.h"
#include "editor/EditorWindow.h"
#include "editor/EntryForm.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "util/RemoteFetcher.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// Writing in the editor window: drafts save themselves, Post goes through the outbox.
class TestEditorWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<Outbox> m_outbox;
    RemoteFetcher m_fetcher;
    ScriptedDialogs m_dialogs;
    QList<QPointer<EditorWindow>> m_windows;

    EditorWindow* openEditor(const Draft& draft = {})
    {
        auto* window = new EditorWindow(
            *m_drafts, *m_outbox, m_fetcher, m_dialogs, {QStringLiteral("dw"), QStringLiteral("lj")},
            [](const QString& account) {
                EditorChoices choices;
                choices.ownJournal =
                    account == QLatin1String("dw") ? QStringLiteral("alice") : QStringLiteral("alice_lj");
                return choices;
            },
            draft);
        m_windows.append(window);
        window->show();
        if (!QTest::qWaitForWindowExposed(window))
            qWarning("editor not exposed");
        return window;
    }

    static QString statusText(EditorWindow* window)
    {
        const auto labels = window->statusBar()->findChildren<QLabel*>();
        return labels.isEmpty() ? QString() : labels.first()->text();
    }

private slots:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("j.sqlite")));
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("j.sqlite")));
        QVERIFY(m_db->open());
        for (const QString& name : {QStringLiteral("dw"), QStringLiteral("lj")}) {
            Account account;
            account.name = name;
            account.serverUrl = QUrl(QStringLiteral("https://example.org"));
            account.username = QStringLiteral("alice");
            QString error;
            QVERIFY2(AccountStore(*m_db).add(account, &error), qPrintable(error));
        }
        m_drafts = std::make_unique<DraftStore>(m_db->connection());
        m_outbox = std::make_unique<Outbox>(m_db->connection());
    }

    void cleanup()
    {
        for (const QPointer<EditorWindow>& window : std::as_const(m_windows))
            delete window.data();
        m_windows.clear();
        m_outbox.reset();
        m_drafts.reset();
        m_db.reset();
    }

    void typingSavesADraftWithinSeconds()
    {
        EditorWindow* window = openEditor();
        QTest::keyClicks(window->form()->subjectEdit(), QStringLiteral("Morning"));
        QTest::keyClicks(window->form()->bodyEdit(), QStringLiteral("Tea, then the sea."));
        // Saved without any focus change, by the autosaver's timers.
        QTRY_COMPARE_WITH_TIMEOUT(m_drafts->drafts().size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_drafts->drafts().first().entry.body, QStringLiteral("Tea, then the sea."),
                                  10000);
        const Draft saved = m_drafts->drafts().first();
        QCOMPARE(saved.entry.subject, QStringLiteral("Morning"));
        QCOMPARE(saved.account, QStringLiteral("dw"));
        QCOMPARE(saved.journal, QStringLiteral("alice"));
        QVERIFY(statusText(window).contains(QStringLiteral("Draft saved")));
    }

    void continuousTypingIsSavedBeforeItPauses()
    {
        EditorWindow* window = openEditor();
        window->autosaver()->setDelays(60000, 300); // never a pause long enough; the deadline saves
        QSignalSpy saved(window->autosaver(), &DraftAutosaver::saved);
        for (int i = 0; i < 40 && saved.isEmpty(); ++i) {
            QTest::keyClicks(window->form()->bodyEdit(), QStringLiteral("word "));
            QTest::qWait(25);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 10000);
        QVERIFY(m_drafts->drafts().first().entry.body.startsWith(QStringLiteral("word word")));
    }

    void aFocusChangeSavesAtOnce()
    {
        EditorWindow* window = openEditor();
        window->autosaver()->setDelays(60000, 60000);
        window->form()->subjectEdit()->setFocus();
        QTest::keyClicks(window->form()->subjectEdit(), QStringLiteral("focus"));
        QVERIFY(m_drafts->drafts().isEmpty());
        window->form()->bodyEdit()->setFocus();
        QTRY_COMPARE(m_drafts->drafts().size(), 1);
        QCOMPARE(m_drafts->drafts().first().entry.subject, QStringLiteral("focus"));
    }

    void aSavedDraftReopensAsItWas()
    {
        Draft draft;
        draft.account = QStringLiteral("lj");
        draft.journal = QStringLiteral("alice_lj");
        draft.entry.subject = QStringLiteral("half done");
        draft.entry.body = QStringLiteral("to be continued\r\n");
        QVERIFY(m_drafts->save(draft));
        EditorWindow* window = openEditor(*m_drafts->draft(draft.id));
        QCOMPARE(window->accountBox()->currentText(), QStringLiteral("lj"));
        QCOMPARE(window->form()->subjectEdit()->text(), QStringLiteral("half done"));
        QCOMPARE(window->form()->journal(), QStringLiteral("alice_lj"));
        QCOMPARE(window->draftId(), draft.id);
        QTest::keyClicks(window->form()->subjectEdit(), QStringLiteral(", now done"));
        window->close();
        QCOMPARE(m_drafts->drafts().size(), 1); // the same draft, updated
        QCOMPARE(m_drafts->draft(draft.id)->entry.subject, QStringLiteral("half done, now done"));
    }

    void postingQueuesTheEntryWithItsDraft()
    {
        QPointer<EditorWindow> window = openEditor();
        QSignalSpy queued(window.data(), &EditorWindow::queued);
        QTest::keyClicks(window->form()->subjectEdit(), QStringLiteral("Posted"));
        QTest::keyClicks(window->form()->bodyEdit(), QStringLiteral("Body"));
        window->form()->securityBox()->setCurrentIndex(2);
        window->accountBox()->setCurrentText(QStringLiteral("lj"));
        QVERIFY(window->post());
        QCOMPARE(queued.count(), 1);
        QCOMPARE(queued.first().at(1).toString(), QStringLiteral("lj"));
        const QList<OutboxItem> items = m_outbox->items();
        QCOMPARE(items.size(), 1);
        const OutboxItem& item = items.first();
        QCOMPARE(item.id, queued.first().at(0).toLongLong());
        QCOMPARE(item.account, QStringLiteral("lj"));
        QCOMPARE(item.journal, QStringLiteral("alice_lj"));
        QCOMPARE(toString(item.operation), toString(OutboxOperation::Post));
        QCOMPARE(item.entry.subject, QStringLiteral("Posted"));
        QCOMPARE(toString(item.entry.security), toString(Security::Private));
        QVERIFY2(QDateTime::fromString(item.entry.eventtime, QStringLiteral("yyyy-MM-dd HH:mm:ss")).isValid(),
                 qPrintable(item.entry.eventtime)); // dated when posted
        // The draft stays until the server took the entry.
        QVERIFY(item.draftId != 0);
        QVERIFY(m_drafts->draft(item.draftId));
        QTRY_VERIFY(window.isNull()); // closed and deleted
    }

    void anEditIsQueuedAgainstTheVersionItStartedFrom()
    {
        JournalEntry mirrored;
        mirrored.itemid = 12;
        mirrored.subject = QStringLiteral("old");
        mirrored.body = QStringLiteral("text");
        mirrored.eventtime = QStringLiteral("2024-05-06 07:08:00");
        Draft draft;
        draft.account = QStringLiteral("dw");
        draft.journal = QStringLiteral("alice");
        draft.itemid = 12;
        draft.entry = mirrored;
        draft.base = mirrored;
        EditorWindow* window = openEditor(draft);
        QVERIFY(window->windowTitle().contains(QStringLiteral("Edit")));
        QVERIFY(!window->post()); // nothing changed yet
        QVERIFY(statusText(window).contains(QStringLiteral("Nothing was changed")));
        window->form()->subjectEdit()->setText(QStringLiteral("new"));
        QVERIFY(window->post());
        const OutboxItem item = m_outbox->items().first();
        QCOMPARE(toString(item.operation), toString(OutboxOperation::Edit));
        QCOMPARE(item.itemid, 12);
        QCOMPARE(item.base->subject, QStringLiteral("old"));
        QCOMPARE(item.entry.subject, QStringLiteral("new"));
        QCOMPARE(item.entry.eventtime, QStringLiteral("2024-05-06 07:08:00")); // the date stays
    }

    void anEmptyEntryIsNotPosted()
    {
        EditorWindow* window = openEditor();
        QVERIFY(!window->post());
        QCOMPARE(m_outbox->count(), 0);
        QVERIFY(statusText(window).contains(QStringLiteral("Write something")));
    }

    void aFailedSaveKeepsTheTextAndSaysSo()
    {
        EditorWindow* window = openEditor();
        window->autosaver()->setDelays(60000, 60000);
        QSqlQuery(m_db->connection()).exec(QStringLiteral("PRAGMA query_only = ON")); // like a full disk
        QTest::keyClicks(window->form()->bodyEdit(), QStringLiteral("precious words"));
        QVERIFY(!window->autosaver()->saveNow());
        QVERIFY(statusText(window).contains(QStringLiteral("could not be saved")));
        QCOMPARE(window->form()->bodyEdit()->toPlainText(), QStringLiteral("precious words"));
        QVERIFY(window->autosaver()->hasUnsavedChanges());
        QSqlQuery(m_db->connection()).exec(QStringLiteral("PRAGMA query_only = OFF"));
        QVERIFY(window->autosaver()->saveNow());
        QCOMPARE(m_drafts->drafts().first().entry.body, QStringLiteral("precious words"));
    }

    void discardingRemovesTheDraft()
    {
        EditorWindow* window = openEditor();
        QTest::keyClicks(window->form()->subjectEdit(), QStringLiteral("x"));
        QVERIFY(window->autosaver()->saveNow());
        QCOMPARE(m_drafts->drafts().size(), 1);
        window->form()->subjectEdit()->clear(); // empty: discarded without asking
        m_dialogs.asked.clear();
        window->discard();
        QVERIFY(m_drafts->drafts().isEmpty());
        QVERIFY(m_dialogs.asked.isEmpty());
    }

    // What the Blogger API cannot carry is never dropped on the way: the user is asked, and sees
    // it cleared before the entry is queued.
    void postingOnTheBloggerApiAsksBeforeLeavingAnythingOut()
    {
        auto* window = new EditorWindow(*m_drafts, *m_outbox, m_fetcher, m_dialogs, {QStringLiteral("dw")},
                                        [](const QString&) {
                                            EditorChoices choices;
                                            choices.ownJournal = QStringLiteral("alice");
                                            choices.bloggerApi = true;
                                            return choices;
                                        },
                                        {});
        m_windows.append(window);
        window->show();
        QTest::keyClicks(window->form()->subjectEdit(), QStringLiteral("Tea"));
        QTest::keyClicks(window->form()->bodyEdit(), QStringLiteral("with tags"));
        JournalEntry tagged = window->form()->entry();
        tagged.setTags({QStringLiteral("tea")});
        tagged.security = Security::Private;
        window->form()->setEntry(tagged, QStringLiteral("alice"));

        QString asked;
        m_dialogs.confirmAnswer = [&asked](const Question& question) {
            asked = question.text;
            return false;
        };
        QVERIFY(!window->post());
        QVERIFY2(asked.contains(QStringLiteral("tags")) && asked.contains(QStringLiteral("private")),
                 qPrintable(asked));
        QCOMPARE(m_outbox->count(), 0);
        QCOMPARE(window->form()->entry().tags(), QStringList{QStringLiteral("tea")}); // no: nothing changed

        m_dialogs.confirmAnswer = [](const Question&) {
            return true;
        };
        const QPointer<EditorWindow> guard(window);
        window->post();
        QCOMPARE(m_outbox->count(), 1);
        const OutboxItem queued = m_outbox->items().first();
        QVERIFY(queued.entry.tags().isEmpty());
        QCOMPARE(toString(queued.entry.security), toString(Security::Public));
        QCOMPARE(queued.entry.subject, QStringLiteral("Tea"));
        QCOMPARE(queued.entry.body, QStringLiteral("with tags"));
        m_dialogs.confirmAnswer = {};
        m_dialogs.asked.clear();
    }

    void discardingWordsAsksFirst()
    {
        EditorWindow* window = openEditor();
        QTest::keyClicks(window->form()->bodyEdit(), QStringLiteral("words worth keeping"));
        QVERIFY(window->autosaver()->saveNow());
        m_dialogs.confirmAnswer = [](const Question& question) {
            return !question.destructive;
        };
        window->discard(); // no: the draft and the window stay
        QCOMPARE(m_dialogs.asked.size(), 1);
        QCOMPARE(m_drafts->drafts().size(), 1);
        QVERIFY(window->isVisible());
        m_dialogs.confirmAnswer = [](const Question&) {
            return true;
        };
        const QPointer<EditorWindow> guard(window); // closing deletes it
        window->discard();
        QVERIFY(m_drafts->drafts().isEmpty());
        QTRY_VERIFY(!guard || !guard->isVisible());
    }
};

QTEST_MAIN(TestEditorWindow)
#include "TestEditorWindow.moc"
