#include "editor/SpellChecker.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSet>

#include <hunspell.h>

namespace Inkwell {

SpellChecker::SpellChecker() = default;

SpellChecker::~SpellChecker()
{
    unload();
}

QStringList SpellChecker::dictionaryDirs()
{
    QStringList dirs;
    const QString extra = qEnvironmentVariable("INKWELL_DICTIONARY_DIRS");
    if (!extra.isEmpty())
        dirs += extra.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    dirs << QStringLiteral("/usr/share/hunspell") << QStringLiteral("/usr/share/myspell/dicts")
         << QStringLiteral("/usr/local/share/hunspell");
    return dirs;
}

QStringList SpellChecker::availableLanguages()
{
    QSet<QString> languages;
    for (const QString& dir : dictionaryDirs()) {
        const QStringList dics = QDir(dir).entryList({QStringLiteral("*.dic")}, QDir::Files | QDir::Readable);
        for (const QString& dic : dics) {
            const QString language = QFileInfo(dic).completeBaseName();
            if (QFileInfo::exists(QDir(dir).filePath(language + QStringLiteral(".aff"))))
                languages.insert(language);
        }
    }
    QStringList sorted(languages.begin(), languages.end());
    sorted.sort();
    return sorted;
}

QString SpellChecker::languageFor(const QString& localeName, const QStringList& available)
{
    if (available.contains(localeName))
        return localeName;
    const QString prefix = localeName.section(QLatin1Char('_'), 0, 0) + QLatin1Char('_');
    for (const QString& language : available) {
        if (language.startsWith(prefix))
            return language;
    }
    return {};
}

bool SpellChecker::load(const QString& language)
{
    unload();
    for (const QString& dir : dictionaryDirs()) {
        const QString aff = QDir(dir).filePath(language + QStringLiteral(".aff"));
        const QString dic = QDir(dir).filePath(language + QStringLiteral(".dic"));
        if (!QFileInfo::exists(aff) || !QFileInfo::exists(dic))
            continue;
        m_handle = Hunspell_create(QFile::encodeName(aff).constData(), QFile::encodeName(dic).constData());
        if (!m_handle)
            return false;
        m_language = language;
        // Older dictionaries are in ISO-8859-x; those are rare now and read as Latin-1 here.
        const QByteArray encoding = QByteArray(Hunspell_get_dic_encoding(m_handle)).toUpper();
        m_utf8 = encoding == "UTF-8" || encoding == "UTF8";
        return true;
    }
    return false;
}

void SpellChecker::unload()
{
    if (m_handle)
        Hunspell_destroy(m_handle);
    m_handle = nullptr;
    m_language.clear();
}

QByteArray SpellChecker::encode(const QString& word) const
{
    return m_utf8 ? word.toUtf8() : word.toLatin1();
}

QString SpellChecker::decode(const char* text) const
{
    return m_utf8 ? QString::fromUtf8(text) : QString::fromLatin1(text);
}

bool SpellChecker::isCorrect(const QString& word) const
{
    if (!m_handle || word.isEmpty())
        return true;
    return Hunspell_spell(m_handle, encode(word).constData()) != 0;
}

QStringList SpellChecker::suggestions(const QString& word, int max) const
{
    QStringList result;
    if (!m_handle)
        return result;
    char** list = nullptr;
    const int count = Hunspell_suggest(m_handle, &list, encode(word).constData());
    for (int i = 0; i < count && result.size() < max; ++i)
        result.append(decode(list[i]));
    Hunspell_free_list(m_handle, &list, count);
    return result;
}

void SpellChecker::ignore(const QString& word)
{
    if (m_handle)
        Hunspell_add(m_handle, encode(word).constData());
}

QString SpellChecker::defaultLanguage()
{
    const QString localeName =
        QLocale().name() == QLatin1String("C") ? QStringLiteral("en_US") : QLocale().name();
    return languageFor(localeName, availableLanguages());
}

QString SpellChecker::displayName(const QString& language)
{
    const QString native = QLocale(language).nativeLanguageName();
    return native.isEmpty() ? language : QStringLiteral("%1 (%2)").arg(native, language);
}

} // namespace Inkwell
