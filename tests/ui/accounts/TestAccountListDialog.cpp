#include "AccountDialogDriver.h"
#include "ScriptedDialogs.h"
#include "TestProfile.h"
#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "account/LoginService.h"
#include "account/MemoryPasswordStore.h"
#include "accounts/AccountListDialog.h"
#include "store/Database.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace Inkwell;
using namespace AccountDialogDriver;

namespace {

Account account(const QString& name, const QString& user)
{
    Account a;
    a.name = name;
    a.serverUrl = AccountDialog::presetUrl(AccountDialog::Preset::Dreamwidth);
    a.username = user;
    a.flavor = Flavor::Dreamwidth;
    return a;
}

QStringList listed(QWidget& dialog)
{
    auto* list = child<QTreeWidget>(dialog, "accounts");
    QStringList names;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        names << list->topLevelItem(i)->text(0);
    return names;
}

// Clicks Remove with the question that follows answered `yes` or not, and checks it was that question.
void removeAnswering(AccountListDialog& dialog, ScriptedDialogs& dialogs, bool yes)
{
    dialogs.confirmAnswer = [yes](const Question&) {
        return yes;
    };
    child<QPushButton>(dialog, "remove")->click();
    QVERIFY(!dialogs.asked.isEmpty());
    QVERIFY(dialogs.asked.last().contains(QStringLiteral("Remove the account")));
}

} // namespace

class TestAccountListDialog : public QObject
{
    Q_OBJECT
private:
    // A profile as the program opens it; the dialogs get its database, passwords and logins.
    std::unique_ptr<TestProfile> m_profile;
    Database* m_db = nullptr;
    MemoryPasswordStore* m_passwords = nullptr;
    LoginService* m_logins = nullptr;

private slots:
    void init()
    {
        m_profile = std::make_unique<TestProfile>();
        QVERIFY(m_profile->open());
        m_db = &m_profile->services->database();
        m_passwords = &m_profile->passwords;
        m_logins = &m_profile->services->logins();
    }
    void cleanup() { m_profile.reset(); }

    void listsTheProfilesAccounts()
    {
        QString error;
        QVERIFY(AccountStore(*m_db).add(account(QStringLiteral("work"), QStringLiteral("bob")), &error));
        QVERIFY(AccountStore(*m_db).add(account(QStringLiteral("home"), QStringLiteral("alice")), &error));
        ScriptedDialogs dialogs;
        AccountListDialog dialog(*m_db, *m_passwords, *m_logins, dialogs);
        QCOMPARE(listed(dialog), (QStringList{QStringLiteral("home"), QStringLiteral("work")}));
        QCOMPARE(dialog.selectedAccount(), QStringLiteral("home"));
        QCOMPARE(child<QTreeWidget>(dialog, "accounts")->topLevelItem(0)->text(4), QStringLiteral("never"));
    }

    void addEditRemoveRoundTrip()
    {
        ScriptedDialogs dialogs;
        AccountListDialog dialog(*m_db, *m_passwords, *m_logins, dialogs);
        QSignalSpy changed(&dialog, &AccountListDialog::accountsChanged);
        dialog.show();
        QVERIFY(!child<QPushButton>(dialog, "edit")->isEnabled());
        QVERIFY(labelText(dialog, "status").contains(QStringLiteral("No accounts")));

        // Add
        child<QPushButton>(dialog, "add")->click();
        QVERIFY(dialog.openAccountDialog());
        AccountDialog& add = *dialog.openAccountDialog();
        QVERIFY(add.isVisible());
        type(add, "name", QStringLiteral("dw"));
        type(add, "username", QStringLiteral("alice"));
        type(add, "password", QStringLiteral("APIKEY"));
        clickOk(add);
        QTRY_COMPARE(changed.count(), 1);
        QTRY_VERIFY(!dialog.openAccountDialog()); // closed and deleted
        QCOMPARE(listed(dialog), QStringList{QStringLiteral("dw")});
        const QString key = AccountStore(*m_db).find(QStringLiteral("dw"))->passwordKey();
        QVERIFY(readPassword(*m_passwords, key).status == PasswordStatus::Ok);

        // Edit: rename and switch the interface
        dialog.selectAccount(QStringLiteral("dw"));
        child<QPushButton>(dialog, "edit")->click();
        QVERIFY(dialog.openAccountDialog());
        AccountDialog& edit = *dialog.openAccountDialog();
        QVERIFY(edit.isEditing());
        QCOMPARE(child<QLineEdit>(edit, "name")->text(), QStringLiteral("dw"));
        type(edit, "name", QStringLiteral("dreamwidth"));
        chooseData(edit, "interface", QStringLiteral("xmlrpc"));
        clickOk(edit);
        QTRY_COMPARE(changed.count(), 2);
        QCOMPARE(listed(dialog), QStringList{QStringLiteral("dreamwidth")});
        QCOMPARE(toString(AccountStore(*m_db).find(QStringLiteral("dreamwidth"))->interface),
                 toString(Interface::XmlRpc));

        // Remove, cancelled first
        dialog.selectAccount(QStringLiteral("dreamwidth"));
        removeAnswering(dialog, dialogs, false);
        QCOMPARE(listed(dialog), QStringList{QStringLiteral("dreamwidth")});
        QCOMPARE(changed.count(), 2);

        removeAnswering(dialog, dialogs, true);
        QTRY_COMPARE(changed.count(), 3);
        QVERIFY(listed(dialog).isEmpty());
        QVERIFY(AccountStore(*m_db).accounts().isEmpty());
        QTRY_VERIFY(readPassword(*m_passwords, key).status == PasswordStatus::NotFound);
        QVERIFY(labelText(dialog, "status").contains(QStringLiteral("Removed")));
    }

    void removingAnAccountWithQueuedPostsIsRefusedWithTheReason()
    {
        QString error;
        QVERIFY(AccountStore(*m_db).add(account(QStringLiteral("dw"), QStringLiteral("alice")), &error));
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO outbox (account, journal, operation, entry, state, created_at, "
                           "updated_at) VALUES ('dw', 'alice', 'post', '{}', 'waiting', "
                           "'2026-11-23T12:00:00Z', '2026-11-23T12:00:00Z')")));
        ScriptedDialogs dialogs;
        AccountListDialog dialog(*m_db, *m_passwords, *m_logins, dialogs);
        dialog.show();
        dialog.selectAccount(QStringLiteral("dw"));
        removeAnswering(dialog, dialogs, true);
        QTRY_VERIFY(labelText(dialog, "status").contains(QStringLiteral("outbox")));
        QCOMPARE(listed(dialog), QStringList{QStringLiteral("dw")});
    }

    void twoAccountsOfOneLoginShareThePassword()
    {
        QString error;
        QVERIFY(AccountStore(*m_db).add(account(QStringLiteral("a"), QStringLiteral("alice")), &error));
        QVERIFY(AccountStore(*m_db).add(account(QStringLiteral("b"), QStringLiteral("alice")), &error));
        const QString key = account(QStringLiteral("a"), QStringLiteral("alice")).passwordKey();
        QObject context;
        bool written = false;
        m_passwords->writePassword(key, QStringLiteral("K"), &context,
                                   [&](const PasswordResult&) { written = true; });
        QTRY_VERIFY(written);
        ScriptedDialogs dialogs;
        AccountListDialog dialog(*m_db, *m_passwords, *m_logins, dialogs);
        dialog.show();
        dialog.selectAccount(QStringLiteral("a"));
        removeAnswering(dialog, dialogs, true);
        QTRY_COMPARE(listed(dialog), QStringList{QStringLiteral("b")});
        QVERIFY(readPassword(*m_passwords, key).status == PasswordStatus::Ok);
    }
};

QTEST_MAIN(TestAccountListDialog)
#include "TestAccountListDialog.moc"
