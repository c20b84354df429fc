#include "ModelTesting.h"
#include "ScriptedDialogs.h"
#include "TestAccounts.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "outbox/ConflictDialog.h"
#include "outbox/OutboxModel.h"
#include "outbox/OutboxView.h"
#include "store/Database.h"
#include "store/DraftStore.h"
#include "sync/OutboxService.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// The outbox view: what waits and why, and what the user may do with each item.
class TestOutboxView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    MemoryPasswordStore m_passwords; // empty: sending stops at "no password", nothing leaves
    std::unique_ptr<ProfileServices> m_services;
    OutboxService* m_service = nullptr; // the profile's
    std::unique_ptr<DraftStore> m_drafts;

    qint64 enqueue(const QString& subject, OutboxOperation operation = OutboxOperation::Post)
    {
        OutboxItem item;
        item.account = QStringLiteral("dw");
        item.journal = QStringLiteral("alice");
        item.operation = operation;
        item.itemid = operation == OutboxOperation::Post ? 0 : 5;
        item.entry.subject = subject;
        item.entry.body = QStringLiteral("body of ") + subject;
        return m_service->outbox().enqueue(item);
    }

    static int rowOf(OutboxView& view, qint64 id)
    {
        for (int row = 0; row < view.model()->rowCount(); ++row) {
            if (view.model()->itemAt(row)->id == id)
                return row;
        }
        return -1;
    }

private slots:
    void init()
    {
        const Profile profile = Profile::atDirectory(m_dir.path());
        QFile::remove(profile.databasePath());
        m_db = std::make_unique<Database>(profile.databasePath());
        QVERIFY(m_db->open());
        QVERIFY(addTestAccount(*m_db, QStringLiteral("dw"), QStringLiteral("alice")));
        m_services = ProfileServices::open(profile, m_passwords, nullptr);
        QVERIFY(m_services);
        m_service = &m_services->outboxService();
        m_drafts = std::make_unique<DraftStore>(m_db->connection());
    }

    void cleanup()
    {
        m_service = nullptr;
        m_services.reset();
        m_drafts.reset();
        m_db.reset();
    }

    void itemsShowWhatWaitsAndWhy()
    {
        const qint64 a = enqueue(QStringLiteral("first post"));
        const qint64 b = enqueue(QStringLiteral("an edit"), OutboxOperation::Edit);
        m_service->outbox().setState(b, OutboxState::Failed,
                                     QStringLiteral("Don't have access to requested journal"));
        ScriptedDialogs dialogs;
        OutboxView view(*m_service, *m_drafts, dialogs);
        testModelsUnder(view);
        QCOMPARE(view.model()->rowCount(), 2);
        const QAbstractItemModel* model = view.model();
        QCOMPARE(model->index(rowOf(view, a), OutboxModel::What).data().toString(),
                 QStringLiteral("New: first post"));
        QCOMPARE(model->index(rowOf(view, b), OutboxModel::What).data().toString(),
                 QStringLiteral("Edit: an edit"));
        QCOMPARE(model->index(rowOf(view, b), OutboxModel::State).data().toString(),
                 OutboxModel::stateText(OutboxState::Failed));
        QCOMPARE(model->index(rowOf(view, b), OutboxModel::Reason).data().toString(),
                 QStringLiteral("Don't have access to requested journal"));
        QCOMPARE(model->index(0, OutboxModel::Journal).data().toString(), QStringLiteral("alice (dw)"));
    }

    void itemsOnTheirWayCannotBeTakenBack()
    {
        const qint64 id = enqueue(QStringLiteral("in flight"));
        m_service->outbox().setState(id, OutboxState::Unknown, QStringLiteral("lost reply"));
        ScriptedDialogs dialogs;
        OutboxView view(*m_service, *m_drafts, dialogs);
        testModelsUnder(view);
        view.table()->selectRow(0);
        QVERIFY(!view.discardButton()->isEnabled());
        QVERIFY(!view.backToDraftsButton()->isEnabled());
        QVERIFY(!view.resolveButton()->isEnabled());
        dialogs.confirmAnswer = [](const Question&) {
            return true;
        };
        view.discardSelected(); // asked directly, too, it stays
        view.moveSelectedBackToDrafts();
        QCOMPARE(m_service->outbox().count(), 1);
        QVERIFY(m_drafts->drafts().isEmpty());
    }

    void anItemGoesBackToTheDraftsToBeChanged()
    {
        const qint64 id = enqueue(QStringLiteral("needs a fix"));
        m_service->outbox().setState(id, OutboxState::Failed, QStringLiteral("Invalid tag"));
        ScriptedDialogs dialogs;
        OutboxView view(*m_service, *m_drafts, dialogs);
        testModelsUnder(view);
        QSignalSpy open(&view, &OutboxView::openDraftRequested);
        view.table()->selectRow(0);
        QVERIFY(view.backToDraftsButton()->isEnabled());
        view.backToDraftsButton()->click();
        QCOMPARE(m_service->outbox().count(), 0);
        QCOMPARE(open.count(), 1);
        const auto draft = m_drafts->draft(open.first().at(0).toLongLong());
        QVERIFY(draft);
        QCOMPARE(draft->entry.subject, QStringLiteral("needs a fix"));
        QCOMPARE(draft->account, QStringLiteral("dw"));
        QCOMPARE(view.model()->rowCount(), 0);
    }

    void discardingAsksFirst()
    {
        enqueue(QStringLiteral("maybe"));
        ScriptedDialogs dialogs;
        OutboxView view(*m_service, *m_drafts, dialogs);
        testModelsUnder(view);
        view.table()->selectRow(0);
        dialogs.confirmAnswer = [](const Question&) {
            return false;
        };
        view.discardButton()->click();
        QCOMPARE(m_service->outbox().count(), 1);
        dialogs.confirmAnswer = [](const Question&) {
            return true;
        };
        view.discardButton()->click();
        QCOMPARE(m_service->outbox().count(), 0);
    }

    void aConflictIsResolvedByTheUsersChoice()
    {
        JournalEntry theirs;
        theirs.subject = QStringLiteral("theirs");
        theirs.body = QStringLiteral("server text");
        const qint64 keepMine = enqueue(QStringLiteral("mine"), OutboxOperation::Edit);
        QVERIFY(m_service->outbox().markConflict(keepMine, theirs));
        const qint64 keepTheirs = enqueue(QStringLiteral("also mine"), OutboxOperation::Edit);
        QVERIFY(m_service->outbox().markConflict(keepTheirs, theirs));

        ScriptedDialogs dialogs;
        OutboxView view(*m_service, *m_drafts, dialogs);
        testModelsUnder(view);
        QList<QString> shown;
        int choice = ConflictDialog::KeepMine;
        dialogs.dialogAnswer = [&](QDialog& dialog) {
            auto* conflict = qobject_cast<ConflictDialog*>(&dialog);
            if (!conflict)
                return int(QDialog::Rejected);
            shown << conflict->mineView()->toPlainText()
                  << conflict->serversView()->toPlainText(); // both shown
            return choice;
        };
        view.table()->selectRow(rowOf(view, keepMine));
        QVERIFY(view.resolveButton()->isEnabled());
        view.resolveButton()->click();
        QVERIFY(shown.at(0).contains(QStringLiteral("Subject: mine")));
        QVERIFY(shown.at(1).contains(QStringLiteral("server text")));
        const auto resolved = m_service->outbox().item(keepMine);
        QCOMPARE(toString(resolved->state), toString(OutboxState::Waiting));
        QCOMPARE(resolved->base->subject, QStringLiteral("theirs")); // sent knowingly over theirs

        choice = ConflictDialog::KeepServers;
        view.table()->selectRow(rowOf(view, keepTheirs));
        view.resolveButton()->click();
        QVERIFY(!m_service->outbox().item(keepTheirs));
    }

    void sendNowRetriesRefusedItems()
    {
        const qint64 id = enqueue(QStringLiteral("refused once"));
        m_service->outbox().setState(id, OutboxState::Failed, QStringLiteral("rate limit"));
        ScriptedDialogs dialogs;
        OutboxView view(*m_service, *m_drafts, dialogs);
        testModelsUnder(view);
        QSignalSpy problems(m_service, &OutboxService::problem);
        view.sendButton()->click();
        QCOMPARE(toString(m_service->outbox().item(id)->state), toString(OutboxState::Waiting));
        QTRY_COMPARE(problems.count(), 1); // no password here: the user is told, nothing is lost
        QCOMPARE(m_service->outbox().count(), 1);
    }
};

QTEST_MAIN(TestOutboxView)
#include "TestOutboxView.moc"
