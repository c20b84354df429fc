#include "writing/WritingDesk.h"

#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "app/ProfileServices.h"
#include "editor/DraftAutosaver.h"
#include "editor/EditorWindow.h"
#include "editor/EntryForm.h"
#include "editor/SpellChecker.h"
#include "friends/FriendsStore.h"
#include "preferences/DesktopSettings.h"
#include "store/DraftStore.h"
#include "store/JournalStore.h"
#include "store/Outbox.h"
#include "sync/OutboxService.h"

#include <utility>

namespace Inkwell {

WritingDesk::WritingDesk(ProfileServices& services, Dialogs& dialogs, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_dialogs(dialogs)
{
    OutboxService* outbox = &services.outboxService();
    connect(outbox, &OutboxService::outboxChanged, this, &WritingDesk::outboxChanged);
    connect(outbox, &OutboxService::outboxChanged, this, &WritingDesk::draftsChanged); // sent drafts go
    connect(outbox, &OutboxService::problem, this, [this](const QString& account, const QString& text) {
        emit message(account + QStringLiteral(": ") + text);
    });
    connect(outbox, &OutboxService::finished, this,
            [this](const QString& account, const OutboxReport& report) {
                const auto posts = int(report.posts.size());
                if (posts > 0)
                    emit message(tr("%1: %n entries posted.", nullptr, posts).arg(account));
                else if (report.waiting > 0 && !report.stopReason.isEmpty())
                    emit message(tr("%1: %n changes wait in the outbox (%2).", nullptr, report.waiting)
                                     .arg(account, report.stopReason));
            });
}

WritingDesk::~WritingDesk()
{
    // Editors save their drafts as they close; they must do it while the stores still exist. The
    // window that owns this desk is going too: nobody is told.
    const QList<QPointer<EditorWindow>> editors = std::exchange(m_editors, {});
    for (const QPointer<EditorWindow>& editor : editors) {
        if (editor) {
            editor->disconnect(this);
            delete editor.data();
        }
    }
}

DraftStore& WritingDesk::drafts()
{
    return m_services.drafts();
}

OutboxService& WritingDesk::outbox()
{
    return m_services.outboxService();
}

EditorChoices WritingDesk::choicesFor(const QString& account) const
{
    EditorChoices choices;
    const std::optional<Account> found = m_services.accounts().find(account);
    if (!found)
        return choices;
    choices.ownJournal = canonicalUsername(found->username);
    choices.bloggerApi = !found->hasFullProtocol();
    if (const std::optional<StoredLogin> login = LoginInfoStore(m_services.database()).load(account)) {
        choices.communities = login->info.usejournals;
        choices.groups = login->info.friendGroups;
        choices.moods = login->info.moods;
        choices.pictureKeywords = login->info.pictureKeywords;
        choices.pictureUrls = login->info.pictureUrls;
        choices.defaultPictureUrl = login->info.defaultPictureUrl;
    }
    // The groups as the friends sync last fetched them (Dreamwidth's trust groups come only
    // from gettrustgroups, never with the login); those still waiting to be created on the
    // server have no bit there yet.
    const QSet<int> pending = m_services.friendsStore().pendingGroupIds(account);
    QList<FriendGroup> groups;
    for (const FriendGroup& group : m_services.friendsStore().groups(account)) {
        if (!pending.contains(group.id))
            groups.append(group);
    }
    if (!groups.isEmpty())
        choices.groups = groups;
    JournalStore& mirror = m_services.mirror();
    if (const qint64 journalId = mirror.findJournalId(account, choices.ownJournal))
        choices.tags = mirror.tags(journalId);
    return choices;
}

EditorWindow* WritingDesk::open(const Draft& draft)
{
    QStringList accounts;
    for (const Account& account : m_services.accounts().accounts())
        accounts.append(account.name);
    auto* editor = new EditorWindow(
        m_services.drafts(), m_services.outbox(), m_services.remoteFetcher(), m_dialogs, accounts,
        [this](const QString& account) { return choicesFor(account); }, draft);
    m_editors.append(editor);
    rememberSpelling(editor->form());
    connect(editor, &EditorWindow::queued, this, [this](qint64, const QString& account) {
        emit outboxChanged();
        outbox().send(account);
    });
    connect(editor->autosaver(), &DraftAutosaver::saved, this, &WritingDesk::draftsChanged);
    connect(editor, &QObject::destroyed, this, [this] {
        m_editors.removeAll(nullptr);
        emit draftsChanged();
    });
    editor->show();
    return editor;
}

// The spelling language picked last (or spell checking turned off) is where the next editor
// starts, kept in the profile's settings; until then, or when its dictionary is gone, the
// editor's own choice (the user's locale) stands.
void WritingDesk::rememberSpelling(EntryForm* form)
{
    const DesktopSettings settings(m_services.profile().settingsPath());
    if (settings.hasSpellingLanguage()) {
        const QString language = settings.spellingLanguage();
        if (language.isEmpty() || SpellChecker::availableLanguages().contains(language))
            form->setSpellLanguage(language);
    }
    connect(form, &EntryForm::spellLanguageChanged, this,
            [path = m_services.profile().settingsPath()](const QString& language) {
                DesktopSettings(path).setSpellingLanguage(language);
            });
}

EditorWindow* WritingDesk::newEntry(const QString& account, const QString& journal)
{
    Draft draft;
    draft.account = account;
    draft.journal = journal;
    if (draft.account.isEmpty()) {
        const QList<Account> accounts = m_services.accounts().accounts();
        if (!accounts.isEmpty())
            draft.account = accounts.first().name;
    }
    return open(draft);
}

void WritingDesk::closeEditors()
{
    for (const QPointer<EditorWindow>& editor : std::as_const(m_editors)) {
        if (editor)
            editor->close(); // saves its draft (EditorWindow::closeEvent)
    }
}

EditorWindow* WritingDesk::openDraft(qint64 draftId)
{
    for (const QPointer<EditorWindow>& editor : std::as_const(m_editors)) {
        if (editor && editor->draftId() == draftId) {
            editor->raise();
            editor->activateWindow();
            return editor;
        }
    }
    const std::optional<Draft> draft = drafts().draft(draftId);
    if (!draft) {
        emit message(tr("That draft is gone (it was posted or discarded)."));
        return nullptr;
    }
    return open(*draft);
}

EditorWindow* WritingDesk::editEntry(const QString& account, const QString& journal, qint64 itemid)
{
    // An edit already being written continues where it was.
    for (const Draft& draft : drafts().drafts()) {
        if (draft.itemid == itemid && draft.account == account && draft.journal == journal)
            return openDraft(draft.id);
    }
    JournalStore& mirror = m_services.mirror();
    const qint64 journalId = mirror.findJournalId(account, journal);
    const std::optional<JournalEntry> entry = journalId ? mirror.entry(journalId, itemid) : std::nullopt;
    if (!entry) {
        emit message(tr("That entry is not in the local journal."));
        return nullptr;
    }
    Draft draft;
    draft.account = account;
    draft.journal = journal;
    draft.itemid = itemid;
    draft.entry = *entry;
    draft.base = *entry;
    return open(draft);
}

qint64 WritingDesk::deleteEntry(const QString& account, const QString& journal, qint64 itemid)
{
    JournalStore& mirror = m_services.mirror();
    const qint64 journalId = mirror.findJournalId(account, journal);
    OutboxItem item;
    item.account = account;
    item.journal = journal;
    item.operation = OutboxOperation::Delete;
    item.itemid = itemid;
    if (const auto entry = journalId ? mirror.entry(journalId, itemid) : std::nullopt)
        item.entry = *entry; // for the outbox view: what is being deleted
    const qint64 id = m_services.outbox().enqueue(item);
    if (id == 0) {
        emit message(tr("Could not queue the deletion: %1").arg(m_services.outbox().lastError()));
        return 0;
    }
    emit outboxChanged();
    outbox().send(account);
    return id;
}

} // namespace Inkwell
