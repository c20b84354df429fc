#pragma once

#include "editor/EditorChoices.h"
#include "journal/JournalEntry.h"

#include <QHash>
#include <QPixmap>
#include <QSet>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;

namespace Inkwell {

class EntryBrowser;
class RemoteFetcher;
class SpellChecker;
class SpellHighlighter;

// The fields of one entry: journal, subject, body (with a preview that loads nothing remote) and
// every common prop, security with custom groups, date and backdating. It only maps widgets to a
// JournalEntry and back; saving and sending are its owner's business. Props it has no field for
// are kept as they came, so editing an entry never drops what another client set.
class EntryForm : public QWidget
{
    Q_OBJECT
public:
    // `fetcher` fetches the chosen userpic (the profile's). Not owned.
    explicit EntryForm(RemoteFetcher& fetcher, QWidget* parent = nullptr);
    ~EntryForm() override;

    void setChoices(const EditorChoices& choices);
    const EditorChoices& choices() const { return m_choices; }
    // Shows `entry` posted (or to be posted) to `journal`; an empty eventtime means "now".
    void setEntry(const JournalEntry& entry, const QString& journal);
    JournalEntry entry() const;
    QString journal() const;

    // The time is "now" until the user sets one; entry() then gives the current time.
    bool usesCurrentTime() const;

    QLineEdit* subjectEdit() const { return m_subject; }
    QPlainTextEdit* bodyEdit() const { return m_body; }
    QComboBox* journalBox() const { return m_journal; }
    QComboBox* securityBox() const { return m_security; }
    QListWidget* groupList() const { return m_groups; }
    QComboBox* moodBox() const { return m_mood; }
    QLineEdit* musicEdit() const { return m_music; }
    QLineEdit* locationEdit() const { return m_location; }
    QLineEdit* tagsEdit() const { return m_tags; }
    QComboBox* pictureBox() const { return m_picture; }
    QComboBox* commentsBox() const { return m_comments; }
    QComboBox* screeningBox() const { return m_screening; }
    QCheckBox* currentTimeBox() const { return m_now; }
    QDateTimeEdit* timeEdit() const { return m_time; }
    QCheckBox* backdateBox() const { return m_backdate; }
    QCheckBox* preformattedBox() const { return m_preformatted; }
    QTabWidget* bodyTabs() const { return m_bodyTabs; }
    EntryBrowser* preview() const { return m_preview; }
    QComboBox* spellingBox() const { return m_spelling; }
    // Shows the chosen userpic (fetched from the account's own server, http(s) only).
    QLabel* pictureView() const { return m_pictureView; }

    // Spell checking in `language` ("en_US"), or off when empty or not installed.
    void setSpellLanguage(const QString& language);
    QString spellLanguage() const;
    // Suggestions for the misspelt word at `position` in the body (empty if it is spelt right).
    QStringList suggestionsAt(int position) const;

signals:
    // Any change the user made (for autosaving).
    void edited();
    void spellLanguageChanged(const QString& language);

private:
    QWidget* createMetadataPanel();
    void updateSecurityWidgets();
    // Disables, with the reason, what the account's interface cannot carry (the Blogger API).
    void applyInterfaceLimits();
    void updatePreview();
    void fillGroups(quint64 allowmask);
    quint64 allowmask() const;
    void setMood(const JournalEntry& entry);
    void connectEdits();
    void showBodyMenu(const QPoint& position);
    void showPicture();
    void showPictureIcons();

    EditorChoices m_choices;
    QMap<QString, QString> m_otherProps; // props without a field here, kept as they are
    JournalEntry m_loaded;               // itemid, anum, url, logtime, poster of the entry shown

    QComboBox* m_journal = nullptr;
    QLineEdit* m_subject = nullptr;
    QTabWidget* m_bodyTabs = nullptr;
    QPlainTextEdit* m_body = nullptr;
    EntryBrowser* m_preview = nullptr;
    QComboBox* m_security = nullptr;
    QListWidget* m_groups = nullptr;
    QCheckBox* m_now = nullptr;
    QDateTimeEdit* m_time = nullptr;
    QCheckBox* m_backdate = nullptr;
    QComboBox* m_mood = nullptr;
    QLineEdit* m_music = nullptr;
    QLineEdit* m_location = nullptr;
    QLineEdit* m_tags = nullptr;
    QComboBox* m_picture = nullptr;
    QComboBox* m_comments = nullptr;
    QComboBox* m_screening = nullptr;
    QCheckBox* m_noEmail = nullptr;
    QCheckBox* m_preformatted = nullptr;
    QComboBox* m_spelling = nullptr;
    QLabel* m_pictureView = nullptr;
    QLabel* m_interfaceNote = nullptr;
    RemoteFetcher& m_fetcher;
    QHash<QString, QPixmap> m_pictures; // by URL, for this form's life
    QSet<QString> m_fetching;
    std::unique_ptr<SpellChecker> m_spellChecker;
    SpellHighlighter* m_highlighter = nullptr;
    bool m_filling = false; // setEntry() is filling the widgets: no edited()
};

} // namespace Inkwell
