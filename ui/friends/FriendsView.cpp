#include "friends/FriendsView.h"

#include "account/AccountStore.h"
#include "common/Dialogs.h"
#include "friends/FriendDialog.h"
#include "friends/FriendsModel.h"
#include "friends/FriendsService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Inkwell {

namespace {

constexpr int GroupIdRole = Qt::UserRole + 1;

} // namespace

FriendsView::FriendsView(FriendsService& service, Database& database, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_database(database)
    , m_dialogs(dialogs)
{
    build();
    connect(&m_service, &FriendsService::friendsChanged, this, [this](const QString& account) {
        if (account == m_account)
            reload();
    });
    connect(&m_service, &FriendsService::syncFinished, this, &FriendsView::syncFinished);
    connect(&m_service, &FriendsService::problem, this,
            [this](const QString& account, const QString& message) {
                if (account == m_account) {
                    m_lastMessage = message;
                    showStatus();
                }
            });
    reloadAccounts();
}

void FriendsView::build()
{
    m_accounts = new QComboBox(this);
    m_filter = new QLineEdit(this);
    m_filter->setAccessibleName(tr("Filter friends"));
    m_filter->setPlaceholderText(tr("Filter by name, group or relation"));
    m_filter->setClearButtonEnabled(true);
    m_refresh = new QPushButton(tr("Refresh"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Account:"), this));
    top->addWidget(m_accounts);
    top->addWidget(m_filter, 1);
    top->addWidget(m_refresh);

    m_model = new FriendsModel(m_service.store(), this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_table = new QTableView(this);
    m_table->setAccessibleName(tr("Friends"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FriendsModel::UserColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setDragEnabled(true);
    m_table->setDragDropMode(QAbstractItemView::DragOnly);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_add = new QPushButton(tr("Add…"), this);
    m_edit = new QPushButton(tr("Edit…"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* friendButtons = new QHBoxLayout;
    friendButtons->addWidget(m_add);
    friendButtons->addWidget(m_edit);
    friendButtons->addWidget(m_remove);
    friendButtons->addWidget(m_status, 1);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table);
    leftLayout->addLayout(friendButtons);

    auto* groupsBox = new QGroupBox(tr("Groups"), this);
    m_groups = new QListWidget(groupsBox);
    m_groups->setAccessibleName(tr("Groups"));
    m_groups->setAcceptDrops(true);
    m_groups->viewport()->setAcceptDrops(true);
    m_groups->viewport()->installEventFilter(this);
    m_groups->setToolTip(tr("Drag friends here to put them in a group."));
    m_newGroup = new QPushButton(tr("New…"), groupsBox);
    m_renameGroup = new QPushButton(tr("Rename…"), groupsBox);
    m_deleteGroup = new QPushButton(tr("Delete"), groupsBox);
    m_up = new QPushButton(tr("Up"), groupsBox);
    m_down = new QPushButton(tr("Down"), groupsBox);
    m_public = new QCheckBox(tr("Public (others can see this group)"), groupsBox);
    auto* groupButtons = new QGridLayout;
    groupButtons->addWidget(m_newGroup, 0, 0);
    groupButtons->addWidget(m_renameGroup, 0, 1);
    groupButtons->addWidget(m_deleteGroup, 0, 2);
    groupButtons->addWidget(m_up, 1, 0);
    groupButtons->addWidget(m_down, 1, 1);
    auto* groupsLayout = new QVBoxLayout(groupsBox);
    groupsLayout->addWidget(m_groups);
    groupsLayout->addLayout(groupButtons);
    groupsLayout->addWidget(m_public);

    auto* membershipBox = new QGroupBox(tr("Membership"), this);
    m_membershipTitle = new QLabel(membershipBox);
    m_membership = new QListWidget(membershipBox);
    m_membership->setAccessibleName(tr("Groups of the selected friend"));
    auto* membershipLayout = new QVBoxLayout(membershipBox);
    membershipLayout->addWidget(m_membershipTitle);
    membershipLayout->addWidget(m_membership);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(groupsBox, 3);
    rightLayout->addWidget(membershipBox, 2);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_accounts, &QComboBox::currentTextChanged, this, &FriendsView::setAccount);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_refresh, &QPushButton::clicked, this, &FriendsView::refresh);
    connect(m_add, &QPushButton::clicked, this, &FriendsView::addFriend);
    connect(m_edit, &QPushButton::clicked, this, &FriendsView::editSelectedFriend);
    connect(m_remove, &QPushButton::clicked, this, &FriendsView::removeSelectedFriend);
    connect(m_table, &QTableView::doubleClicked, this, &FriendsView::editSelectedFriend);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        reloadMembership();
        updateButtons();
    });
    connect(m_newGroup, &QPushButton::clicked, this, &FriendsView::newGroup);
    connect(m_renameGroup, &QPushButton::clicked, this, &FriendsView::renameSelectedGroup);
    connect(m_deleteGroup, &QPushButton::clicked, this, &FriendsView::deleteSelectedGroup);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelectedGroup(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelectedGroup(1); });
    connect(m_groups, &QListWidget::currentRowChanged, this, &FriendsView::updateButtons);
    connect(m_public, &QCheckBox::toggled, this, [this](bool on) {
        const int id = selectedGroupId();
        const auto group = m_service.store().findGroup(m_account, id);
        if (!m_reloading && group && group->isPublic != on)
            m_service.setGroupPublic(m_account, id, on);
    });
    connect(m_membership, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (!m_reloading)
            membershipToggled(item->data(GroupIdRole).toInt(), item->checkState() == Qt::Checked);
    });
}

void FriendsView::reloadAccounts()
{
    const QSignalBlocker blocker(m_accounts);
    m_accounts->clear();
    bool leftOut = false; // accounts on the Blogger API, which has no friends
    for (const Account& account : AccountStore(m_database).accounts()) {
        if (account.hasFullProtocol())
            m_accounts->addItem(account.name);
        else
            leftOut = true;
    }
    setAccount(m_accounts->currentText());
    if (m_accounts->count() == 0 && leftOut) {
        m_lastMessage = tr("Your accounts use the Blogger API, which has no friends or groups.");
        showStatus();
    }
}

void FriendsView::setAccount(const QString& account)
{
    if (m_accounts->currentText() != account) {
        const QSignalBlocker blocker(m_accounts);
        m_accounts->setCurrentText(account);
    }
    m_account = account;
    m_lastMessage.clear();
    m_model->setAccount(account, m_service.flavorOf(account));
    reload();
    if (!account.isEmpty() && m_service.store().fetchedAt(account).isEmpty())
        refresh(); // never fetched: do it now
}

void FriendsView::refresh()
{
    if (m_account.isEmpty())
        return;
    m_lastMessage = tr("Updating…");
    showStatus();
    m_service.sync(m_account);
}

void FriendsView::reload()
{
    const std::optional<Friend> selected = selectedFriend();
    m_model->setAccount(m_account, m_service.flavorOf(m_account));
    m_table->resizeColumnsToContents();
    if (selected)
        selectFriend(selected->username);
    reloadGroups();
    reloadMembership();
    updateButtons();
    showStatus();
}

void FriendsView::reloadGroups()
{
    const int selected = selectedGroupId();
    const QSet<int> pending = m_service.store().pendingGroupIds(m_account);
    m_reloading = true;
    m_groups->clear();
    for (const FriendGroup& group : m_service.store().groups(m_account)) {
        QString text = group.name;
        if (group.isPublic)
            text += tr(" (public)");
        if (pending.contains(group.id))
            text += tr(" — waiting to be sent");
        auto* item = new QListWidgetItem(text, m_groups);
        item->setData(GroupIdRole, group.id);
        item->setToolTip(tr("Group %1").arg(group.id));
        if (group.id == selected)
            m_groups->setCurrentItem(item);
    }
    m_reloading = false;
}

void FriendsView::reloadMembership()
{
    const std::optional<Friend> person = selectedFriend();
    m_reloading = true;
    m_membership->clear();
    if (!person) {
        m_membershipTitle->setText(tr("Select a friend to choose their groups."));
    } else if (!person->trusted) {
        m_membershipTitle->setText(
            m_service.flavorOf(m_account) == Flavor::Dreamwidth
                ? tr("Give %1 access to put them in groups.").arg(person->username)
                : tr("Add %1 as a friend to put them in groups.").arg(person->username));
    } else {
        m_membershipTitle->setText(tr("Groups of %1:").arg(person->username));
        for (const FriendGroup& group : m_service.store().groups(m_account)) {
            auto* item = new QListWidgetItem(group.name, m_membership);
            item->setData(GroupIdRole, group.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(person->inGroup(group.id) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_reloading = false;
}

void FriendsView::updateButtons()
{
    const bool hasAccount = !m_account.isEmpty();
    const std::optional<Friend> person = selectedFriend();
    m_refresh->setEnabled(hasAccount);
    m_add->setEnabled(hasAccount);
    m_edit->setEnabled(person.has_value());
    m_remove->setEnabled(person && person->isListedByMe());
    const int row = m_groups->currentRow();
    const bool hasGroup = row >= 0;
    m_newGroup->setEnabled(hasAccount);
    m_renameGroup->setEnabled(hasGroup);
    m_deleteGroup->setEnabled(hasGroup);
    m_up->setEnabled(hasGroup && row > 0);
    m_down->setEnabled(hasGroup && row < m_groups->count() - 1);
    m_public->setEnabled(hasGroup);
    m_reloading = true;
    const auto group = m_service.store().findGroup(m_account, selectedGroupId());
    m_public->setChecked(group && group->isPublic);
    m_reloading = false;
}

void FriendsView::showStatus()
{
    QStringList parts;
    const QList<FriendChange> changes = m_service.store().changes(m_account);
    const auto waiting = std::count_if(changes.cbegin(), changes.cend(), [](const FriendChange& change) {
        return change.state == FriendChangeState::Waiting;
    });
    const auto failed = changes.size() - waiting;
    if (waiting > 0)
        parts << tr("%n changes waiting to be sent.", nullptr, int(waiting));
    if (failed > 0)
        parts << tr("%n changes refused by the server: %1", nullptr, int(failed))
                     .arg(changes.constLast().reason);
    if (!m_lastMessage.isEmpty())
        parts << m_lastMessage;
    m_status->setText(parts.join(QLatin1Char(' ')));
}

void FriendsView::syncFinished(const QString& account, const FriendsSyncReport& report)
{
    if (account != m_account)
        return;
    m_lastMessage = report.ok        ? QString()
                    : report.offline ? tr("Offline: changes will be sent later (%1).").arg(report.message)
                                     : report.message;
    reload();
}

std::optional<Friend> FriendsView::selectedFriend() const
{
    const QModelIndexList rows =
        m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty())
        return std::nullopt;
    const Friend* person = m_model->friendAt(m_proxy->mapToSource(rows.first()).row());
    return person ? std::optional<Friend>(*person) : std::nullopt;
}

void FriendsView::selectFriend(const QString& username)
{
    const int row = m_model->rowOf(username);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_table->selectRow(index.row());
}

int FriendsView::selectedGroupId() const
{
    const QListWidgetItem* item = m_groups->currentItem();
    return item ? item->data(GroupIdRole).toInt() : 0;
}

void FriendsView::selectGroup(int id)
{
    for (int row = 0; row < m_groups->count(); ++row) {
        if (m_groups->item(row)->data(GroupIdRole).toInt() == id)
            m_groups->setCurrentRow(row);
    }
}

void FriendsView::ask(const QString& question, std::function<void()> ifYes)
{
    m_dialogs.confirm(this, {tr("Friends"), question, QString(), true}, [ifYes = std::move(ifYes)](bool yes) {
        if (yes)
            ifYes();
    });
}

void FriendsView::askName(const QString& label, const QString& current,
                          std::function<void(const QString&)> then)
{
    m_dialogs.askText(this, tr("Group"), label, current, [then = std::move(then)](const QString& text) {
        if (!text.trimmed().isEmpty())
            then(text);
    });
}

void FriendsView::editFriend(const std::optional<Friend>& person)
{
    // The answer is for the account the question was about, even if the user switched since.
    const QString account = m_account;
    auto* dialog = new FriendDialog(m_service.flavorOf(account), person, this);
    m_dialogs.run(dialog, [this, dialog, account](int result) {
        if (result != QDialog::Accepted)
            return;
        const FriendChange change = dialog->change();
        if (!m_service.setFriend(account, change)) {
            m_lastMessage = m_service.lastError();
            showStatus();
            return;
        }
        if (account == m_account)
            selectFriend(canonicalUsername(change.username));
    });
}

void FriendsView::addFriend()
{
    editFriend(std::nullopt);
}

void FriendsView::editSelectedFriend()
{
    if (const std::optional<Friend> person = selectedFriend())
        editFriend(person);
}

void FriendsView::removeSelectedFriend()
{
    const std::optional<Friend> person = selectedFriend();
    if (!person || !person->isListedByMe())
        return;
    const QString account = m_account;
    const QString username = person->username;
    ask(tr("Remove %1 from your friends? They are also taken out of every group.").arg(username),
        [this, account, username] { m_service.removeFriend(account, username); });
}

void FriendsView::newGroup()
{
    const QString account = m_account;
    askName(tr("Name of the new group:"), QString(), [this, account](const QString& name) {
        const int id = m_service.createGroup(account, name);
        if (id == 0) {
            m_lastMessage = m_service.lastError();
            showStatus();
            return;
        }
        if (account == m_account)
            selectGroup(id);
    });
}

void FriendsView::renameSelectedGroup()
{
    const auto group = m_service.store().findGroup(m_account, selectedGroupId());
    if (!group)
        return;
    const QString account = m_account;
    askName(tr("New name of the group:"), group->name, [this, account, group](const QString& name) {
        if (name != group->name)
            m_service.renameGroup(account, group->id, name);
    });
}

void FriendsView::deleteSelectedGroup()
{
    const auto group = m_service.store().findGroup(m_account, selectedGroupId());
    if (!group)
        return;
    const QString account = m_account;
    const int id = group->id;
    ask(tr("Delete the group \"%1\"? Entries shown only to it become private.").arg(group->name),
        [this, account, id] { m_service.deleteGroup(account, id); });
}

void FriendsView::moveSelectedGroup(int delta)
{
    const int id = selectedGroupId();
    if (id > 0 && m_service.moveGroup(m_account, id, delta))
        selectGroup(id);
}

void FriendsView::membershipToggled(int groupId, bool member)
{
    const std::optional<Friend> person = selectedFriend();
    if (person && !m_service.setMembership(m_account, person->username, groupId, member)) {
        m_lastMessage = m_service.lastError();
        showStatus();
    }
}

bool FriendsView::dropFriends(const QStringList& usernames, int groupId)
{
    bool any = false;
    for (const QString& username : usernames) {
        if (m_service.setMembership(m_account, username, groupId, true)) {
            any = true;
        } else {
            // Like a refused checkbox: say why (not on the access list, no such group).
            m_lastMessage = m_service.lastError();
            showStatus();
        }
    }
    return any;
}

bool FriendsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_groups->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto* drag = static_cast<QDropEvent*>(event);
            const bool onGroup = m_groups->itemAt(drag->position().toPoint()) != nullptr;
            if (drag->mimeData()->hasFormat(FriendsModel::mimeType()) &&
                (onGroup || event->type() == QEvent::DragEnter))
                drag->acceptProposedAction();
            else
                drag->ignore();
            return true;
        }
        if (event->type() == QEvent::Drop) {
            auto* drop = static_cast<QDropEvent*>(event);
            const QListWidgetItem* item = m_groups->itemAt(drop->position().toPoint());
            const QStringList names = QString::fromUtf8(drop->mimeData()->data(FriendsModel::mimeType()))
                                          .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            if (item && dropFriends(names, item->data(GroupIdRole).toInt()))
                drop->acceptProposedAction();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Inkwell
