#include "editor/EditorWindow.h"

#include "common/Dialogs.h"
#include "common/ProblemText.h"
#include "editor/DraftAutosaver.h"
#include "editor/EntryForm.h"
#include "journal/BloggerContent.h"
#include "store/Outbox.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QToolBar>

namespace Inkwell {

EditorWindow::EditorWindow(DraftStore& drafts, Outbox& outbox, RemoteFetcher& fetcher, Dialogs& dialogs,
                           const QStringList& accounts, ChoicesProvider choices, const Draft& draft,
                           QWidget* parent)
    : QMainWindow(parent)
    , m_drafts(drafts)
    , m_outbox(outbox)
    , m_dialogs(dialogs)
    , m_choices(std::move(choices))
    , m_draft(draft)
{
    setAttribute(Qt::WA_DeleteOnClose);
    m_form = new EntryForm(fetcher, this);
    setCentralWidget(m_form);

    auto* toolbar = addToolBar(tr("Entry"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction* postAction = toolbar->addAction(tr("Post"), this, &EditorWindow::post);
    postAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    postAction->setToolTip(tr("Post (Ctrl+Enter). Without a connection it waits in the outbox."));
    QAction* saveAction = toolbar->addAction(tr("Save draft"), this, [this] { m_autosaver->saveNow(); });
    saveAction->setShortcut(QKeySequence::Save);
    toolbar->addAction(tr("Discard draft"), this, &EditorWindow::discard);
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr("Account "), toolbar));
    m_account = new QComboBox(toolbar);
    m_account->addItems(accounts);
    toolbar->addWidget(m_account);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("editorStatus"));
    statusBar()->addWidget(m_status, 1);

    m_autosaver = new DraftAutosaver(
        m_drafts, [this] { return currentDraft(); }, this);
    m_autosaver->setDraftId(draft.id);
    connect(m_autosaver, &DraftAutosaver::saved, this, [this] {
        showStatus(
            tr("Draft saved at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    });
    connect(m_autosaver, &DraftAutosaver::failed, this, [this](const QString& message) {
        showStatus(message + tr(" Your text is still here; Inkwell keeps trying."), true);
    });

    if (!draft.account.isEmpty() && m_account->findText(draft.account) < 0)
        m_account->addItem(draft.account); // an account removed since: keep showing it
    if (!draft.account.isEmpty())
        m_account->setCurrentText(draft.account);
    accountChanged();
    m_form->setEntry(draft.entry, draft.journal);
    connect(m_account, &QComboBox::currentTextChanged, this, [this] {
        accountChanged();
        m_autosaver->noteEdit();
    });
    connect(m_form, &EntryForm::edited, m_autosaver, &DraftAutosaver::noteEdit);
    connect(m_form, &EntryForm::edited, this, &EditorWindow::updateTitle);
    // Every focus change inside the window saves (leaving a field, switching windows).
    m_focusConnection = connect(qApp, &QApplication::focusChanged, this, [this](QWidget* old, QWidget*) {
        if (!m_done && old && isAncestorOf(old))
            m_autosaver->saveNow();
    });
    updateTitle();
    resize(1000, 700);
    m_form->subjectEdit()->setFocus();
}

EditorWindow::~EditorWindow()
{
    // QWidget's own destructor moves the focus away; by then this is no EditorWindow any more.
    disconnect(m_focusConnection);
    if (!m_done)
        m_autosaver->saveNow();
}

qint64 EditorWindow::draftId() const
{
    return m_autosaver->draftId();
}

Draft EditorWindow::currentDraft() const
{
    Draft draft = m_draft;
    draft.id = m_autosaver ? m_autosaver->draftId() : m_draft.id;
    draft.account = m_account->currentText();
    draft.journal = m_form->journal();
    draft.entry = m_form->entry();
    return draft;
}

void EditorWindow::accountChanged()
{
    if (m_choices)
        m_form->setChoices(m_choices(m_account->currentText()));
}

void EditorWindow::updateTitle()
{
    const QString subject = m_form->subjectEdit()->text().trimmed();
    const QString what = m_draft.itemid != 0 ? tr("Edit entry") : tr("New entry");
    setWindowTitle(subject.isEmpty() ? what : QStringLiteral("%1 — %2").arg(subject, what));
}

void EditorWindow::showStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    showAsProblem(m_status, problem);
    QFont font = m_status->font();
    font.setBold(problem);
    m_status->setFont(font);
}

bool EditorWindow::post()
{
    Draft draft = currentDraft();
    if (draft.account.isEmpty()) {
        showStatus(tr("Add an account first (Accounts menu); the draft is kept."), true);
        return false;
    }
    if (draft.entry.body.trimmed().isEmpty() && draft.entry.subject.trimmed().isEmpty()) {
        showStatus(tr("Write something before posting."), true);
        return false;
    }
    if (draft.entry.security == Security::UseMask && draft.entry.allowmask == 0) {
        // The server would keep it from everyone (a private entry) without saying so.
        showStatus(tr("Tick at least one group to show this entry to, or choose Private."), true);
        return false;
    }
    if (const QStringList lost = bloggerCannotCarry(draft.entry);
        m_form->choices().bloggerApi && !lost.isEmpty()) {
        // Never dropped on the way: the user sees the fields cleared and posts again.
        m_dialogs.confirm(this,
                          {tr("Post"),
                           tr("This account uses the Blogger API, which cannot carry %1.")
                               .arg(lost.join(QStringLiteral(", "))),
                           tr("Clear them from the entry and post the rest?"), false},
                          [this](bool yes) {
                              if (!yes)
                                  return;
                              const Draft current = currentDraft();
                              m_form->setEntry(bloggerCarried(current.entry), current.journal);
                              post();
                          });
        return false;
    }
    if (draft.itemid != 0 && draft.base && hasSameContent(*draft.base, draft.entry) &&
        draft.entry.isBackdated() == draft.base->isBackdated()) {
        showStatus(tr("Nothing was changed."), true);
        return false;
    }
    // The draft stays until the server took the entry (the outbox removes it then).
    if (!m_autosaver->saveNow())
        return false;
    draft.id = m_autosaver->draftId();
    if (draft.entry.eventtime.isEmpty())
        draft.entry.setEventDateTime(QDateTime::currentDateTime()); // "now" is when Post was pressed

    OutboxItem item;
    item.account = draft.account;
    item.journal = draft.journal;
    item.operation = draft.itemid != 0 ? OutboxOperation::Edit : OutboxOperation::Post;
    item.itemid = draft.itemid;
    item.entry = draft.entry;
    item.base = draft.base;
    item.draftId = draft.id;
    const qint64 id = m_outbox.enqueue(item);
    if (id == 0) {
        showStatus(tr("Could not queue the entry: %1. The draft is kept.").arg(m_outbox.lastError()), true);
        return false;
    }
    m_done = true;
    emit queued(id, draft.account);
    close();
    return true;
}

void EditorWindow::discard()
{
    const bool empty = m_form->bodyEdit()->toPlainText().trimmed().isEmpty() &&
                       m_form->subjectEdit()->text().trimmed().isEmpty();
    if (empty) {
        discardNow();
        return;
    }
    m_dialogs.confirm(
        this, {tr("Discard draft"), tr("Throw away this draft? This cannot be undone."), QString(), true},
        [this](bool yes) {
            if (yes)
                discardNow();
        });
}

void EditorWindow::discardNow()
{
    if (draftId() != 0)
        m_drafts.remove(draftId());
    m_done = true;
    close();
}

void EditorWindow::closeEvent(QCloseEvent* event)
{
    if (!m_done) {
        const Draft draft = currentDraft();
        if (draft.id != 0 || !draft.entry.body.isEmpty() || !draft.entry.subject.isEmpty())
            m_autosaver->saveNow(); // closing keeps the draft; the Drafts list reopens it
        m_done = true;
    }
    event->accept();
}

void EditorWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ActivationChange && !isActiveWindow() && !m_done)
        m_autosaver->saveNow();
    QMainWindow::changeEvent(event);
}

} // namespace Inkwell
