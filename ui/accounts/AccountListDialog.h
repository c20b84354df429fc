#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Inkwell {

class AccountDialog;
class Database;
class LoginService;
class PasswordStore;
class Dialogs;

// The profile's accounts: add, edit, remove (after a question; AccountStore refuses to drop one
// with queued outbox items, and the reason is shown) and log in again to refresh what the editor
// offers offline (userpics, moods, groups, journals). Opened with open(); nothing here blocks.
class AccountListDialog : public QDialog
{
    Q_OBJECT
public:
    // `passwords` should be the application's SessionFallbackPasswordStore (see AccountDialog);
    // `logins` logs accounts in (the profile's); `dialogs` asks before an account is removed.
    AccountListDialog(Database& database, PasswordStore& passwords, LoginService& logins, Dialogs& dialogs,
                      QWidget* parent = nullptr);

    QString selectedAccount() const;
    void selectAccount(const QString& name);

    // The dialog for adding or editing that is open now, if any (for tests and the main window).
    AccountDialog* openAccountDialog() const { return m_accountDialog; }

signals:
    // An account was added, changed or removed; lists of accounts elsewhere should reload.
    void accountsChanged();

private:
    void reload();
    void updateButtons();
    void addAccount();
    void editAccount();
    void askToRemove();
    void removeAccount(const QString& name);
    void logIn();
    void showAccountDialog(AccountDialog* dialog);
    void showStatus(const QString& text, bool problem);

    Database& m_database;
    PasswordStore& m_passwords;
    LoginService& m_logins;
    Dialogs& m_dialogs;
    bool m_loggingIn = false;
    QPointer<AccountDialog> m_accountDialog;

    QTreeWidget* m_list = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_logIn = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace Inkwell
