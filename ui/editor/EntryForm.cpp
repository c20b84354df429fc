#include "editor/EntryForm.h"

#include "common/EntryText.h"
#include "editor/SpellChecker.h"
#include "editor/SpellHighlighter.h"
#include "entryview/EntryBrowser.h"
#include "entryview/EntryHtml.h"
#include "journal/PropNames.h"
#include "util/RemoteFetcher.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStringListModel>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace Inkwell {

namespace {

// Props with a field of their own in the form; everything else is carried through untouched.
const QStringList formProps{Props::CurrentMood,     Props::CurrentMoodId,  Props::CurrentMusic,
                            Props::CurrentLocation, Props::TagList,        Props::PictureKeyword,
                            Props::OptBackdated,    Props::OptNoComments,  Props::OptScreening,
                            Props::OptNoEmail,      Props::OptPreformatted};

enum SecurityChoice { PublicChoice, FriendsChoice, PrivateChoice, CustomChoice };

// Bit 0 of an allowmask is "all friends" (the access list); groups are bits 1-30 (DW: 1-60).
constexpr quint64 friendsBit = 1;

// Completes the tag being typed after the last comma, not the whole line.
class TagCompleter : public QCompleter
{
public:
    using QCompleter::QCompleter;

    QStringList splitPath(const QString& path) const override
    {
        return {path.section(QLatin1Char(','), -1).trimmed()};
    }

    QString pathFromIndex(const QModelIndex& index) const override
    {
        const auto* edit = qobject_cast<QLineEdit*>(widget());
        QString before = edit ? edit->text() : QString();
        const int comma = before.lastIndexOf(QLatin1Char(','));
        before = comma < 0 ? QString() : before.left(comma + 1) + QLatin1Char(' ');
        return before + QCompleter::pathFromIndex(index);
    }
};

} // namespace

EntryForm::EntryForm(RemoteFetcher& fetcher, QWidget* parent)
    : QWidget(parent)
    , m_fetcher(fetcher)
{
    m_journal = new QComboBox(this);
    m_journal->setEditable(true); // a community the last login did not list can still be typed
    m_journal->setToolTip(tr("Your journal, or a community you may post to"));
    m_subject = new QLineEdit(this);
    m_subject->setAccessibleName(tr("Subject"));
    m_subject->setPlaceholderText(tr("Subject"));

    m_body = new QPlainTextEdit(this);
    m_body->setAccessibleName(tr("Entry text"));
    m_body->setPlaceholderText(tr("Write here. HTML is welcome."));
    m_body->setTabChangesFocus(false);
    m_spellChecker = std::make_unique<SpellChecker>();
    m_highlighter = new SpellHighlighter(*m_spellChecker, m_body->document());
    m_body->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_body, &QPlainTextEdit::customContextMenuRequested, this, &EntryForm::showBodyMenu);
    m_preview = new EntryBrowser(nullptr, this); // the preview loads nothing remote
    m_preview->setAccessibleName(tr("Preview"));
    m_bodyTabs = new QTabWidget(this);
    m_bodyTabs->setDocumentMode(true);
    m_bodyTabs->addTab(m_body, tr("Write"));
    m_bodyTabs->addTab(m_preview, tr("Preview"));
    connect(m_bodyTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            updatePreview();
    });

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Post to"), this));
    top->addWidget(m_journal, 1);
    auto* writing = new QWidget(this);
    auto* writingLayout = new QVBoxLayout(writing);
    writingLayout->setContentsMargins(0, 0, 0, 0);
    writingLayout->addLayout(top);
    writingLayout->addWidget(m_subject);
    writingLayout->addWidget(m_bodyTabs, 1);

    auto* scroll = new QScrollArea(this);
    QWidget* panel = createMetadataPanel();
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The fields scroll up and down, never sideways: the panel is as wide as it needs to be.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(panel->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());

    auto* splitter = new QSplitter(this);
    splitter->addWidget(writing);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    setEntry(JournalEntry{}, QString());
    connectEdits();
}

QWidget* EntryForm::createMetadataPanel()
{
    auto* panel = new QWidget(this);
    auto* form = new QFormLayout(panel);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_interfaceNote = new QLabel(tr("This account uses the Blogger API: only the subject, the text, the "
                                    "mood and the music are sent. The blog's own settings decide the rest."),
                                 panel);
    m_interfaceNote->setObjectName(QStringLiteral("interfaceNote"));
    m_interfaceNote->setWordWrap(true);
    m_interfaceNote->hide();
    form->addRow(m_interfaceNote);

    m_security = new QComboBox(panel);
    m_security->addItem(tr("Public"));
    m_security->addItem(tr("Friends (access list)"));
    m_security->addItem(tr("Private"));
    m_security->addItem(tr("Custom groups"));
    m_groups = new QListWidget(panel);
    m_groups->setAccessibleName(tr("Groups that may read the entry"));
    m_groups->setMaximumHeight(120);
    form->addRow(tr("Security"), m_security);
    form->addRow(QString(), m_groups);
    connect(m_security, &QComboBox::currentIndexChanged, this, &EntryForm::updateSecurityWidgets);

    m_now = new QCheckBox(tr("Use the time of posting"), panel);
    m_time = new QDateTimeEdit(panel);
    m_time->setAccessibleName(tr("Date and time of the entry"));
    m_time->setCalendarPopup(true);
    m_time->setDisplayFormat(dateTimeFormatToTheMinute());
    m_backdate = new QCheckBox(tr("Backdate (keep off friends pages)"), panel);
    form->addRow(tr("Date"), m_now);
    form->addRow(QString(), m_time);
    form->addRow(QString(), m_backdate);
    connect(m_now, &QCheckBox::toggled, this, [this](bool now) {
        m_time->setEnabled(!now);
        if (!now && !m_filling)
            m_time->setDateTime(QDateTime::currentDateTime());
    });

    m_mood = new QComboBox(panel);
    m_mood->setEditable(true);
    m_mood->setInsertPolicy(QComboBox::NoInsert);
    m_music = new QLineEdit(panel);
    m_location = new QLineEdit(panel);
    m_tags = new QLineEdit(panel);
    m_tags->setPlaceholderText(tr("comma, separated"));
    auto* completer = new TagCompleter(new QStringListModel(m_tags), m_tags);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_tags->setCompleter(completer);
    m_picture = new QComboBox(panel);
    form->addRow(tr("Mood"), m_mood);
    form->addRow(tr("Music"), m_music);
    form->addRow(tr("Location"), m_location);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(tr("Userpic"), m_picture);
    m_pictureView = new QLabel(panel);
    m_pictureView->setFixedSize(100, 100); // userpics are at most 100x100
    m_pictureView->setAlignment(Qt::AlignCenter);
    form->addRow(QString(), m_pictureView);
    connect(m_picture, &QComboBox::currentIndexChanged, this, &EntryForm::showPicture);

    m_comments = new QComboBox(panel);
    m_comments->addItem(tr("Comments allowed"));
    m_comments->addItem(tr("Comments disabled"));
    m_screening = new QComboBox(panel);
    m_screening->addItem(tr("Journal default"), QString());
    m_screening->addItem(tr("Screen all comments"), QStringLiteral("A"));
    m_screening->addItem(tr("Screen anonymous comments"), QStringLiteral("R"));
    m_screening->addItem(tr("Screen non-friends' comments"), QStringLiteral("F"));
    m_screening->addItem(tr("Screen no comments"), QStringLiteral("N"));
    m_noEmail = new QCheckBox(tr("Don't email me comments"), panel);
    m_preformatted = new QCheckBox(tr("Raw HTML (no automatic line breaks)"), panel);
    form->addRow(tr("Comments"), m_comments);
    form->addRow(tr("Screening"), m_screening);
    form->addRow(QString(), m_noEmail);
    form->addRow(QString(), m_preformatted);

    m_spelling = new QComboBox(panel);
    m_spelling->addItem(tr("Off"), QString());
    for (const QString& language : SpellChecker::availableLanguages())
        m_spelling->addItem(SpellChecker::displayName(language), language);
    m_spelling->setToolTip(m_spelling->count() > 1
                               ? tr("Spell checking as you type")
                               : tr("No dictionaries are installed (Debian: hunspell-en-us, "
                                    "hunspell-de-de, ...)"));
    form->addRow(tr("Spelling"), m_spelling);
    // Checking starts in the user's language when its dictionary is installed.
    const QString language = SpellChecker::defaultLanguage();

    connect(m_spelling, &QComboBox::currentIndexChanged, this, [this] {
        setSpellLanguage(m_spelling->currentData().toString());
        emit spellLanguageChanged(spellLanguage());
    });
    if (!language.isEmpty())
        setSpellLanguage(language);
    return panel;
}

void EntryForm::connectEdits()
{
    auto changed = [this] {
        if (!m_filling)
            emit edited();
    };
    connect(m_journal, &QComboBox::currentTextChanged, this, changed);
    connect(m_subject, &QLineEdit::textEdited, this, changed);
    connect(m_body, &QPlainTextEdit::textChanged, this, changed);
    connect(m_security, &QComboBox::currentIndexChanged, this, changed);
    connect(m_groups, &QListWidget::itemChanged, this, changed);
    connect(m_now, &QCheckBox::toggled, this, changed);
    connect(m_time, &QDateTimeEdit::dateTimeChanged, this, changed);
    connect(m_backdate, &QCheckBox::toggled, this, changed);
    connect(m_mood, &QComboBox::currentTextChanged, this, changed);
    for (QLineEdit* edit : {m_music, m_location, m_tags})
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_picture, &QComboBox::currentIndexChanged, this, changed);
    connect(m_comments, &QComboBox::currentIndexChanged, this, changed);
    connect(m_screening, &QComboBox::currentIndexChanged, this, changed);
    connect(m_noEmail, &QCheckBox::toggled, this, changed);
    connect(m_preformatted, &QCheckBox::toggled, this, changed);
}

EntryForm::~EntryForm() = default;

void EntryForm::setSpellLanguage(const QString& language)
{
    if (language == m_spellChecker->language())
        return;
    if (language.isEmpty() || !m_spellChecker->load(language))
        m_spellChecker->unload();
    const QSignalBlocker blocker(m_spelling);
    m_spelling->setCurrentIndex(std::max(0, m_spelling->findData(m_spellChecker->language())));
    m_highlighter->rehighlight();
}

QString EntryForm::spellLanguage() const
{
    return m_spellChecker->language();
}

QStringList EntryForm::suggestionsAt(int position) const
{
    const QTextBlock block = m_body->document()->findBlock(position);
    const int offset = position - block.position();
    for (const auto& [start, length] : SpellHighlighter::checkedWords(block.text())) {
        if (offset >= start && offset <= start + length) {
            const QString word = block.text().mid(start, length);
            return m_spellChecker->isCorrect(word) ? QStringList() : m_spellChecker->suggestions(word);
        }
    }
    return {};
}

void EntryForm::showBodyMenu(const QPoint& position)
{
    std::unique_ptr<QMenu> menu(m_body->createStandardContextMenu(position));
    QTextCursor cursor = m_body->cursorForPosition(position);
    const int at = cursor.position();
    const QTextBlock block = cursor.block();
    for (const auto& [start, length] : SpellHighlighter::checkedWords(block.text())) {
        const int offset = at - block.position();
        if (offset < start || offset > start + length)
            continue;
        const QString word = block.text().mid(start, length);
        if (m_spellChecker->isCorrect(word))
            break;
        QAction* first = menu->actions().value(0);
        const QStringList suggestions = m_spellChecker->suggestions(word);
        for (const QString& suggestion : suggestions) {
            auto* action = new QAction(suggestion, menu.get());
            connect(action, &QAction::triggered, this,
                    [this, block, start = start, length = length, suggestion] {
                        QTextCursor replace(m_body->document());
                        replace.setPosition(block.position() + start);
                        replace.setPosition(block.position() + start + length, QTextCursor::KeepAnchor);
                        replace.insertText(suggestion);
                    });
            menu->insertAction(first, action);
        }
        if (suggestions.isEmpty()) {
            auto* none = new QAction(tr("(no suggestions)"), menu.get());
            none->setEnabled(false);
            menu->insertAction(first, none);
        }
        auto* ignore = new QAction(tr("Ignore \"%1\"").arg(word), menu.get());
        connect(ignore, &QAction::triggered, this, [this, word] {
            m_spellChecker->ignore(word);
            m_highlighter->rehighlight();
        });
        menu->insertAction(first, ignore);
        menu->insertSeparator(first);
        break;
    }
    menu->exec(m_body->mapToGlobal(position));
}

void EntryForm::showPicture()
{
    const int index = m_picture->currentIndex();
    const QString url = index <= 0 ? m_choices.defaultPictureUrl : m_choices.pictureUrls.value(index - 1);
    m_pictureView->setToolTip(url);
    if (m_pictures.contains(url)) {
        m_pictureView->setPixmap(m_pictures.value(url));
        return;
    }
    m_pictureView->clear();
    const QUrl address(url);
    if (address.scheme() != QLatin1String("https") && address.scheme() != QLatin1String("http"))
        return;
    if (m_fetching.contains(url))
        return; // on its way; shown when it arrives
    m_fetching.insert(url);
    // 40 KB is the server's own limit; anything much bigger is not a userpic.
    // Kept on disk: the editor shows it offline too.
    m_fetcher.fetch(
        address, {256 * 1024, 15000}, this,
        [this, url](const std::optional<QByteArray>& body) {
            m_fetching.remove(url);
            QPixmap picture;
            if (body && picture.loadFromData(*body))
                m_pictures.insert(url,
                                  picture.scaled(100, 100, Qt::KeepAspectRatio, Qt::SmoothTransformation));
            if (m_pictureView->toolTip() == url)
                m_pictureView->setPixmap(m_pictures.value(url));
        },
        RemoteFetcher::Keep::OnDisk);
}

void EntryForm::showPictureIcons()
{
    // Each keyword with its picture, as the site shows them; kept on disk for offline use.
    m_picture->setIconSize(QSize(24, 24));
    for (int i = 0; i < m_choices.pictureUrls.size() && i < m_choices.pictureKeywords.size(); ++i) {
        const QUrl address(m_choices.pictureUrls.at(i));
        if (address.scheme() != QLatin1String("https") && address.scheme() != QLatin1String("http"))
            continue;
        const QString keyword = m_choices.pictureKeywords.at(i);
        m_fetcher.fetch(
            address, {256 * 1024, 15000}, this,
            [this, keyword](const std::optional<QByteArray>& body) {
                QPixmap picture;
                const int index = m_picture->findData(keyword);
                if (index > 0 && body && picture.loadFromData(*body))
                    m_picture->setItemIcon(index, QIcon(picture));
            },
            RemoteFetcher::Keep::OnDisk);
    }
}

void EntryForm::setChoices(const EditorChoices& choices)
{
    const JournalEntry current = entry();
    QString journal = this->journal();
    if (journal.isEmpty() || journal == m_choices.ownJournal)
        journal = choices.ownJournal; // another account: its own journal, not the last one's
    m_choices = choices;
    const bool wasFilling = m_filling;
    m_filling = true;
    m_journal->clear();
    if (!choices.ownJournal.isEmpty())
        m_journal->addItem(choices.ownJournal);
    for (const QString& community : choices.communities)
        m_journal->addItem(community);
    m_mood->clear();
    m_mood->addItem(QString());
    QList<Mood> moods = choices.moods;
    std::sort(moods.begin(), moods.end(),
              [](const Mood& a, const Mood& b) { return a.name.localeAwareCompare(b.name) < 0; });
    for (const Mood& mood : moods)
        m_mood->addItem(mood.name, mood.id);
    m_picture->clear();
    m_picture->addItem(tr("(default)"), QString());
    for (const QString& keyword : choices.pictureKeywords)
        m_picture->addItem(keyword, keyword);
    showPictureIcons();
    if (auto* model = qobject_cast<QStringListModel*>(m_tags->completer()->model()))
        model->setStringList(choices.tags);
    m_filling = wasFilling;
    setEntry(current, journal); // what was typed stays
    showPicture();
    m_loaded = current;
    applyInterfaceLimits();
}

void EntryForm::applyInterfaceLimits()
{
    const bool limited = m_choices.bloggerApi;
    const QString reason = limited ? tr("The Blogger API cannot carry this.") : QString();
    for (QWidget* field :
         std::initializer_list<QWidget*>{m_security, m_groups, m_backdate, m_location, m_tags, m_picture,
                                         m_comments, m_screening, m_noEmail, m_preformatted}) {
        field->setEnabled(!limited);
        field->setToolTip(reason);
    }
    // The server dates a new post itself, and an edit keeps its date.
    m_now->setEnabled(!limited);
    m_time->setEnabled(!limited && !m_now->isChecked());
    m_now->setToolTip(limited ? tr("The blog dates the post when it arrives.") : QString());
    m_interfaceNote->setVisible(limited);
}

void EntryForm::setEntry(const JournalEntry& entry, const QString& journal)
{
    const bool wasFilling = m_filling;
    m_filling = true;
    m_loaded = entry;
    m_otherProps.clear();
    for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
        if (!formProps.contains(it.key()))
            m_otherProps.insert(it.key(), it.value());
    }
    if (m_journal->findText(journal) < 0 && !journal.isEmpty())
        m_journal->addItem(journal);
    m_journal->setCurrentText(journal.isEmpty() ? m_choices.ownJournal : journal);
    m_subject->setText(entry.subject);
    if (m_body->toPlainText() != entry.body)
        m_body->setPlainText(entry.body);

    if (entry.security == Security::Public)
        m_security->setCurrentIndex(PublicChoice);
    else if (entry.security == Security::Private)
        m_security->setCurrentIndex(PrivateChoice);
    else if (entry.allowmask == friendsBit)
        m_security->setCurrentIndex(FriendsChoice);
    else
        m_security->setCurrentIndex(CustomChoice);
    fillGroups(entry.security == Security::UseMask ? entry.allowmask : 0);
    updateSecurityWidgets();

    const bool now = entry.eventtime.isEmpty();
    m_now->setChecked(now);
    m_time->setEnabled(!now);
    m_time->setDateTime(now ? QDateTime::currentDateTime() : entry.eventDateTime());
    m_backdate->setChecked(entry.isBackdated());

    setMood(entry);
    m_music->setText(entry.props.value(Props::CurrentMusic));
    m_location->setText(entry.props.value(Props::CurrentLocation));
    m_tags->setText(entry.tags().join(QStringLiteral(", ")));
    const QString keyword = entry.props.value(Props::PictureKeyword);
    if (!keyword.isEmpty() && m_picture->findData(keyword) < 0)
        m_picture->addItem(keyword, keyword); // not in the last login's list: keep it anyway
    m_picture->setCurrentIndex(std::max(0, m_picture->findData(keyword)));
    m_comments->setCurrentIndex(entry.props.value(Props::OptNoComments) == QLatin1String("1") ? 1 : 0);
    m_screening->setCurrentIndex(std::max(0, m_screening->findData(entry.props.value(Props::OptScreening))));
    m_noEmail->setChecked(entry.props.value(Props::OptNoEmail) == QLatin1String("1"));
    m_preformatted->setChecked(entry.props.value(Props::OptPreformatted) == QLatin1String("1"));
    m_filling = wasFilling;
    applyInterfaceLimits();
    if (m_bodyTabs->currentIndex() == 1)
        updatePreview();
}

void EntryForm::setMood(const JournalEntry& entry)
{
    const int moodId = entry.props.value(Props::CurrentMoodId).toInt();
    const int index = moodId > 0 ? m_mood->findData(moodId) : -1;
    if (index >= 0) {
        m_mood->setCurrentIndex(index);
        return;
    }
    m_mood->setCurrentText(entry.props.value(Props::CurrentMood));
    if (moodId > 0) // a mood id this login's list lacks: kept unless the user picks another mood
        m_otherProps.insert(Props::CurrentMoodId, QString::number(moodId));
}

JournalEntry EntryForm::entry() const
{
    JournalEntry entry = m_loaded;
    entry.subject = m_subject->text();
    entry.body = m_body->toPlainText();
    switch (m_security->currentIndex()) {
    case PublicChoice:
        entry.security = Security::Public;
        entry.allowmask = 0;
        break;
    case PrivateChoice:
        entry.security = Security::Private;
        entry.allowmask = 0;
        break;
    case FriendsChoice:
        entry.security = Security::UseMask;
        entry.allowmask = friendsBit;
        break;
    default:
        entry.security = Security::UseMask;
        entry.allowmask = allowmask();
        break;
    }
    entry.eventtime =
        usesCurrentTime() ? QString() : m_time->dateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:00"));

    entry.props = m_otherProps;
    auto set = [&entry](const QString& name, const QString& value) {
        if (!value.isEmpty())
            entry.props.insert(name, value);
    };
    const QString moodText = m_mood->currentText().trimmed();
    const int moodIndex = m_mood->findText(moodText);
    if (moodIndex > 0 && m_mood->itemData(moodIndex).toInt() > 0) {
        entry.props.insert(Props::CurrentMoodId, QString::number(m_mood->itemData(moodIndex).toInt()));
    } else {
        if (moodText != m_loaded.props.value(Props::CurrentMood))
            entry.props.remove(Props::CurrentMoodId); // the user chose another mood
        set(Props::CurrentMood, moodText);
    }
    set(Props::CurrentMusic, m_music->text().trimmed());
    set(Props::CurrentLocation, m_location->text().trimmed());
    QStringList tags;
    for (const QString& tag : m_tags->text().split(QLatin1Char(','))) {
        if (!tag.trimmed().isEmpty() && !tags.contains(tag.trimmed(), Qt::CaseInsensitive))
            tags.append(tag.trimmed());
    }
    entry.setTags(tags);
    set(Props::PictureKeyword, m_picture->currentData().toString());
    if (m_backdate->isChecked())
        entry.props.insert(Props::OptBackdated, QStringLiteral("1"));
    if (m_comments->currentIndex() == 1)
        entry.props.insert(Props::OptNoComments, QStringLiteral("1"));
    set(Props::OptScreening, m_screening->currentData().toString());
    if (m_noEmail->isChecked())
        entry.props.insert(Props::OptNoEmail, QStringLiteral("1"));
    if (m_preformatted->isChecked())
        entry.props.insert(Props::OptPreformatted, QStringLiteral("1"));
    return entry;
}

QString EntryForm::journal() const
{
    return m_journal->currentText().trimmed();
}

bool EntryForm::usesCurrentTime() const
{
    return m_now->isChecked();
}

void EntryForm::fillGroups(quint64 mask)
{
    m_groups->clear();
    QList<FriendGroup> groups = m_choices.groups;
    std::sort(groups.begin(), groups.end(), [](const FriendGroup& a, const FriendGroup& b) {
        return a.sortOrder != b.sortOrder ? a.sortOrder < b.sortOrder : a.id < b.id;
    });
    QSet<int> shown;
    for (const FriendGroup& group : groups) {
        auto* item = new QListWidgetItem(group.name, m_groups);
        item->setData(Qt::UserRole, group.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(mask & (quint64(1) << group.id) ? Qt::Checked : Qt::Unchecked);
        shown.insert(group.id);
    }
    // Bits of groups the last login did not list (deleted since, or never logged in) are kept.
    for (int bit = 1; bit < 64; ++bit) {
        if ((mask & (quint64(1) << bit)) && !shown.contains(bit)) {
            auto* item = new QListWidgetItem(tr("Group %1").arg(bit), m_groups);
            item->setData(Qt::UserRole, bit);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
}

quint64 EntryForm::allowmask() const
{
    quint64 mask = 0;
    for (int row = 0; row < m_groups->count(); ++row) {
        const QListWidgetItem* item = m_groups->item(row);
        if (item->checkState() == Qt::Checked)
            mask |= quint64(1) << item->data(Qt::UserRole).toInt();
    }
    return mask;
}

void EntryForm::updateSecurityWidgets()
{
    const bool custom = m_security->currentIndex() == CustomChoice;
    m_groups->setVisible(custom);
    if (custom && m_groups->count() == 0) {
        auto* item = new QListWidgetItem(
            tr("No groups known yet: they come with the next sync, or make some in the Friends window."),
            m_groups);
        item->setFlags(Qt::NoItemFlags);
    }
}

void EntryForm::updatePreview()
{
    // As the entry view will show it: line breaks as the server makes them (unless preformatted),
    // <lj user> mentions and cuts made readable, nothing active.
    const JournalEntry shown = entry();
    const QString subject = shown.subject.toHtmlEscaped();
    m_preview->showHtml((subject.isEmpty() ? QString() : QStringLiteral("<h2>%1</h2>").arg(subject)) +
                            EntryHtml::body(shown),
                        false);
}

} // namespace Inkwell
