#pragma once

#include <QString>
#include <QStringList>

#include <memory>

struct Hunhandle;

namespace Inkwell {

// Hunspell with one dictionary (Debian's hunspell-* packages install them in /usr/share/hunspell).
// Words in and out are QStrings; the dictionary's own encoding is handled here.
class SpellChecker
{
public:
    SpellChecker();
    ~SpellChecker();
    SpellChecker(const SpellChecker&) = delete;
    SpellChecker& operator=(const SpellChecker&) = delete;

    // Where dictionaries are looked for: $INKWELL_DICTIONARY_DIRS (colon-separated), then the
    // system's folders.
    static QStringList dictionaryDirs();
    // Languages with an .aff and a .dic file ("en_US", "de_DE"), sorted.
    static QStringList availableLanguages();
    // The best language for `locale` ("en_GB" falls back to another "en_*"), or empty.
    static QString languageFor(const QString& localeName, const QStringList& available);
    // The dictionary of the interface's language (QLocale(); "C" counts as en_US), or empty: where
    // spell checking starts until the user picks another.
    static QString defaultLanguage();
    // How a dictionary's language is shown in a list: its own name and code, "Deutsch (de_DE)".
    static QString displayName(const QString& language);

    bool load(const QString& language);
    void unload();
    bool isLoaded() const { return m_handle != nullptr; }
    QString language() const { return m_language; }

    bool isCorrect(const QString& word) const;
    QStringList suggestions(const QString& word, int max = 8) const;
    // Accepts `word` until the program quits.
    void ignore(const QString& word);

private:
    QByteArray encode(const QString& word) const;
    QString decode(const char* text) const;

    Hunhandle* m_handle = nullptr;
    QString m_language;
    bool m_utf8 = true;
};

} // namespace Inkwell
