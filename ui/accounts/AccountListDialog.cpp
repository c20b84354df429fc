#include "accounts/AccountListDialog.h"

#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "account/LoginService.h"
#include "account/PasswordStore.h"
#include "accounts/AccountDialog.h"
#include "common/Dialogs.h"
#include "common/ProblemText.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Inkwell {

namespace {

enum Column { NameColumn, UserColumn, ServerColumn, InterfaceColumn, LoginColumn };

QString interfaceText(const Account& account)
{
    switch (account.interface) {
    case Interface::Flat:
        return QStringLiteral("Flat, %1").arg(toString(account.authMethod));
    case Interface::XmlRpc:
        return QStringLiteral("XML-RPC, %1").arg(toString(account.authMethod));
    case Interface::Blogger:
        return QStringLiteral("Blogger API"); // always the clear password
    }
    return {};
}

} // namespace

AccountListDialog::AccountListDialog(Database& database, PasswordStore& passwords, LoginService& logins,
                                     Dialogs& dialogs, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_passwords(passwords)
    , m_logins(logins)
    , m_dialogs(dialogs)
{
    setWindowTitle(tr("Accounts"));

    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("accounts"));
    m_list->setAccessibleName(tr("Accounts"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Name"), tr("User"), tr("Server"), tr("Interface"), tr("Last login")});
    m_list->header()->setStretchLastSection(true);

    m_add = new QPushButton(tr("&Add…"));
    m_add->setObjectName(QStringLiteral("add"));
    m_edit = new QPushButton(tr("&Edit…"));
    m_edit->setObjectName(QStringLiteral("edit"));
    m_remove = new QPushButton(tr("&Remove…"));
    m_remove->setObjectName(QStringLiteral("remove"));
    m_logIn = new QPushButton(tr("&Log In"));
    m_logIn->setObjectName(QStringLiteral("logIn"));
    m_logIn->setToolTip(
        tr("Log in now and refresh the userpics, moods, groups and journals the editor offers"));
    for (QPushButton* button : {m_add, m_edit, m_remove, m_logIn})
        button->setAutoDefault(false);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addSpacing(12);
    buttons->addWidget(m_logIn);
    buttons->addStretch();

    auto* body = new QHBoxLayout;
    body->addWidget(m_list, 1);
    body->addLayout(buttons);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_status);
    layout->addWidget(close);
    resize(760, 360);

    connect(close, &QDialogButtonBox::rejected, this, &AccountListDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &AccountListDialog::addAccount);
    connect(m_edit, &QPushButton::clicked, this, &AccountListDialog::editAccount);
    connect(m_remove, &QPushButton::clicked, this, &AccountListDialog::askToRemove);
    connect(m_logIn, &QPushButton::clicked, this, &AccountListDialog::logIn);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &AccountListDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &AccountListDialog::editAccount);
    reload();
}

void AccountListDialog::reload()
{
    const QString selected = selectedAccount();
    m_list->clear();
    LoginInfoStore logins(m_database);
    const QList<Account> accounts = AccountStore(m_database).accounts();
    for (const Account& account : accounts) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, account.name);
        item->setText(UserColumn, account.username);
        item->setText(ServerColumn, normalizedServerUrl(account.serverUrl).toString());
        item->setText(InterfaceColumn, interfaceText(account));
        const std::optional<StoredLogin> login = logins.load(account.name);
        item->setText(LoginColumn,
                      login ? QLocale().toString(login->fetchedAt.toLocalTime(), QLocale::ShortFormat)
                            : tr("never"));
        item->setData(NameColumn, Qt::UserRole, account.name);
    }
    for (int column = NameColumn; column < LoginColumn; ++column)
        m_list->resizeColumnToContents(column);
    if (accounts.isEmpty())
        showStatus(tr("No accounts yet. Add one to start."), false);
    selectAccount(selected.isEmpty() && !accounts.isEmpty() ? accounts.first().name : selected);
    updateButtons();
}

QString AccountListDialog::selectedAccount() const
{
    const QList<QTreeWidgetItem*> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(NameColumn, Qt::UserRole).toString();
}

void AccountListDialog::selectAccount(const QString& name)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (item->data(NameColumn, Qt::UserRole).toString() == name) {
            m_list->setCurrentItem(item);
            return;
        }
    }
}

void AccountListDialog::updateButtons()
{
    const bool selected = !selectedAccount().isEmpty();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_logIn->setEnabled(selected && !m_loggingIn);
}

void AccountListDialog::showStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    showAsProblem(m_status, problem);
}

void AccountListDialog::showAccountDialog(AccountDialog* dialog)
{
    m_accountDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::saved, this, [this](const QString& name) {
        reload();
        selectAccount(name);
        showStatus(tr("Saved the account \"%1\".").arg(name), false);
        emit accountsChanged();
    });
    dialog->open();
}

void AccountListDialog::addAccount()
{
    showAccountDialog(new AccountDialog(m_database, m_passwords, m_logins, this));
}

void AccountListDialog::editAccount()
{
    const std::optional<Account> account = AccountStore(m_database).find(selectedAccount());
    if (!account)
        return;
    auto* dialog = new AccountDialog(m_database, m_passwords, m_logins, this);
    dialog->setAccount(*account);
    showAccountDialog(dialog);
}

void AccountListDialog::askToRemove()
{
    const QString name = selectedAccount();
    if (name.isEmpty())
        return;
    m_dialogs.confirm(this,
                      {tr("Remove Account"), tr("Remove the account \"%1\" from Inkwell?").arg(name),
                       tr("Its journals' copies in this profile and its stored password go too. Nothing "
                          "changes on the server."),
                       true},
                      [this, name](bool yes) {
                          if (yes)
                              removeAccount(name);
                      });
}

void AccountListDialog::removeAccount(const QString& name)
{
    AccountStore accounts(m_database);
    const std::optional<Account> account = accounts.find(name);
    QString error;
    if (!account || !accounts.remove(name, &error)) {
        showStatus(error, true); // e.g. items still waiting in the outbox
        return;
    }
    const QString key = account->passwordKey();
    const QList<Account> others = accounts.accounts();
    const bool shared = std::any_of(others.cbegin(), others.cend(),
                                    [&](const Account& other) { return other.passwordKey() == key; });
    if (!shared)
        m_passwords.deletePassword(key, this, [](const PasswordResult&) {});
    reload();
    showStatus(tr("Removed the account \"%1\".").arg(name), false);
    emit accountsChanged();
}

void AccountListDialog::logIn()
{
    const std::optional<Account> account = AccountStore(m_database).find(selectedAccount());
    if (!account)
        return;
    m_loggingIn = true;
    m_logIn->setEnabled(false);
    showStatus(tr("Logging in to %1…").arg(account->serverUrl.host()), false);
    m_logins.logIn(this, {*account, std::nullopt, true}, [this](const LoginService::Outcome& outcome) {
        m_loggingIn = false;
        reload();
        showStatus(outcome.text, !outcome.ok);
    });
}

} // namespace Inkwell
