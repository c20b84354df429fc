#include "app/InterfaceLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace Inkwell {

namespace {

// Where CMake puts the compiled translations (translations/CMakeLists.txt): inside the programs,
// so a build that is not installed speaks them too.
const QString translationsDirectory = QStringLiteral(":/i18n");

} // namespace

void InterfaceLanguage::apply(const QString& choice)
{
    QCoreApplication::removeTranslator(&m_inkwell);
    QCoreApplication::removeTranslator(&m_qt);
    const QLocale wanted = choice.isEmpty() ? QLocale::system() : QLocale(choice);
    // QTranslator::load(QLocale, ...) tries each of the locale's UI languages in turn ("de-AT",
    // "de", ...). English has a translation too: it holds the plural forms ("1 entry").
    if (!m_inkwell.load(wanted, QStringLiteral("inkwell"), QStringLiteral("_"), translationsDirectory) &&
        !m_inkwell.load(QStringLiteral("inkwell_en"), translationsDirectory))
        qWarning("Inkwell's translations are missing from the program (%s)",
                 qPrintable(translationsDirectory));
    m_language = m_inkwell.language().section(u'_', 0, 0);
    if (m_language.isEmpty())
        m_language = QStringLiteral("en");
    QCoreApplication::installTranslator(&m_inkwell);
    // Qt's own strings (Debian's qt6-translations-l10n); English needs none.
    if (m_language != QLatin1String("en") &&
        m_qt.load(QLocale(m_language), QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    // Dates and numbers follow the wanted locale (its country too: de_AT, en_GB), or, for a
    // system language Inkwell does not speak, still the system's: English words, French dates.
    const bool spoken = m_language == wanted.name().section(u'_', 0, 0);
    m_locale = spoken || choice.isEmpty() ? wanted : QLocale(m_language);
    QLocale::setDefault(m_locale);
}

QStringList InterfaceLanguage::available()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ru")};
}

QString InterfaceLanguage::displayName(const QString& language)
{
    if (language == QLatin1String("en")) // not "American English"
        return QStringLiteral("English");
    const QString native = QLocale(language).nativeLanguageName();
    return native.left(1).toUpper() + native.mid(1);
}

QString InterfaceLanguage::settingsKey()
{
    return QStringLiteral("interface/language");
}

} // namespace Inkwell
