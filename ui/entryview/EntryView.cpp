#include "entryview/EntryView.h"

#include "entryview/EntryBrowser.h"
#include "entryview/EntryHtml.h"
#include "store/JournalStore.h"

#include <QAction>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace Inkwell {

EntryView::EntryView(RemoteFetcher& fetcher, QWidget* parent)
    : QWidget(parent)
    , m_openLink([](const QUrl& url) { QDesktopServices::openUrl(url); })
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("entryToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_edit = m_toolBar->addAction(style()->standardIcon(QStyle::SP_FileDialogDetailedView), tr("&Edit"));
    m_edit->setObjectName(QStringLiteral("actionEditEntry"));
    m_delete = m_toolBar->addAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("&Delete"));
    m_delete->setObjectName(QStringLiteral("actionDeleteEntry"));
    connect(m_edit, &QAction::triggered, this, [this] {
        if (m_actionsAvailable && hasEntry())
            emit editRequested(m_journalId, m_itemid);
    });
    connect(m_delete, &QAction::triggered, this, [this] {
        if (m_actionsAvailable && hasEntry())
            emit deleteRequested(m_journalId, m_itemid);
    });

    m_remoteBar = new QWidget(this);
    m_remoteBar->setObjectName(QStringLiteral("remoteContentBar"));
    m_remoteBar->setAutoFillBackground(true);
    // An amber notice, dark on light or light on dark to match the palette.
    QPalette barPalette = m_remoteBar->palette();
    const bool darkPalette = barPalette.color(QPalette::Window).lightness() < 128;
    barPalette.setColor(QPalette::Window, darkPalette ? QColor(0x4a, 0x3b, 0x00) : QColor(0xff, 0xf4, 0xce));
    barPalette.setColor(QPalette::WindowText,
                        darkPalette ? QColor(0xff, 0xe9, 0xa8) : QColor(0x4a, 0x3b, 0x00));
    m_remoteBar->setPalette(barPalette);
    auto* barIcon = new QLabel(m_remoteBar);
    barIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));
    m_remoteText = new QLabel(m_remoteBar);
    m_remoteText->setObjectName(QStringLiteral("remoteContentText"));
    m_remoteText->setWordWrap(true);
    m_loadRemote = new QPushButton(tr("&Load"), m_remoteBar);
    m_loadRemote->setObjectName(QStringLiteral("loadRemoteContentButton"));
    m_loadRemote->setToolTip(tr("Load the images and styles of this entry from the sites that host them"));
    auto* barLayout = new QHBoxLayout(m_remoteBar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    barLayout->addWidget(barIcon);
    barLayout->addWidget(m_remoteText, 1);
    barLayout->addWidget(m_loadRemote);
    m_remoteBar->hide();
    connect(m_loadRemote, &QPushButton::clicked, this, &EntryView::loadRemoteContent);

    m_browser = new EntryBrowser(&fetcher, this);
    m_browser->setFrameShape(QFrame::NoFrame);
    connect(m_browser, &EntryBrowser::blockedContentChanged, this, &EntryView::onBlockedContentChanged);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &EntryView::openLink);
    connect(m_browser, qOverload<const QUrl&>(&QTextBrowser::highlighted), this,
            [this](const QUrl& url) { emit linkHovered(url.toString()); });

    m_placeholder = new QLabel(tr("Select an entry to read it."), this);
    m_placeholder->setObjectName(QStringLiteral("entryPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto* page = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    pageLayout->addWidget(m_toolBar);
    pageLayout->addWidget(m_remoteBar);
    pageLayout->addWidget(m_browser, 1);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    updateActions();
}

void EntryView::setJournal(const JournalStore* store, qint64 journalId, const QString& journalName)
{
    m_store = store;
    m_storeJournalId = journalId;
    m_journalName = journalName;
    clear();
}

void EntryView::setLinkOpener(std::function<void(const QUrl&)> opener)
{
    m_openLink = std::move(opener);
}

void EntryView::clear()
{
    m_journalId = 0;
    m_itemid = 0;
    m_browser->showHtml(QString(), false);
    m_remoteBar->hide();
    m_placeholder->setText(tr("Select an entry to read it."));
    m_stack->setCurrentWidget(m_placeholder);
    updateActions();
}

void EntryView::showEntry(qint64 journalId, qint64 itemid)
{
    if (!m_store || journalId == 0 || itemid == 0) {
        clear();
        return;
    }
    const std::optional<JournalEntry> entry = m_store->entry(journalId, itemid);
    m_remoteBar->hide();
    if (!entry) {
        m_journalId = 0;
        m_itemid = 0;
        m_browser->showHtml(QString(), false);
        m_placeholder->setText(tr("This entry is no longer in the local journal."));
        m_stack->setCurrentWidget(m_placeholder);
        updateActions();
        return;
    }
    m_journalId = journalId;
    m_itemid = itemid;
    const QString journal = journalId == m_storeJournalId ? m_journalName : QString();
    m_browser->showHtml(EntryHtml::page(*entry, journal, palette(), m_moodNames),
                        m_alwaysRemote || m_remoteAllowed.contains({journalId, itemid}));
    m_stack->setCurrentIndex(1);
    updateActions();
}

void EntryView::reload()
{
    if (hasEntry()) {
        const int scroll = m_browser->verticalScrollBar()->value();
        showEntry(m_journalId, m_itemid);
        m_browser->verticalScrollBar()->setValue(scroll);
    }
}

void EntryView::setLoadsRemoteContent(bool always)
{
    if (always == m_alwaysRemote)
        return;
    m_alwaysRemote = always;
    reload();
}

void EntryView::onBlockedContentChanged(int count)
{
    if (count == 0 || !hasEntry()) {
        m_remoteBar->hide();
        return;
    }
    m_remoteText->setText(tr("Remote content blocked: images or styles from other sites (%1) were not "
                             "loaded, so no one learns that you read this entry.")
                              .arg(count));
    m_remoteBar->show();
}

void EntryView::loadRemoteContent()
{
    if (!hasEntry())
        return;
    m_remoteAllowed.insert({m_journalId, m_itemid});
    m_browser->allowRemoteContent();
    m_remoteBar->hide();
}

void EntryView::openLink(const QUrl& url)
{
    // Only links a browser or mail program should take; never files or scripts.
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
        scheme == QLatin1String("mailto")) {
        if (m_openLink)
            m_openLink(url);
    }
}

void EntryView::setEntryActionsAvailable(bool available)
{
    m_actionsAvailable = available;
    updateActions();
}

void EntryView::updateActions()
{
    m_edit->setEnabled(m_actionsAvailable && hasEntry());
    m_delete->setEnabled(m_actionsAvailable && hasEntry());
    if (m_actionsAvailable) {
        m_edit->setToolTip(tr("Edit this entry"));
        m_delete->setToolTip(tr("Delete this entry from the journal"));
    } else {
        const QString later = tr("Not available yet: editing and deleting come with the entry editor.");
        m_edit->setToolTip(later);
        m_delete->setToolTip(later);
    }
}

} // namespace Inkwell
