#include "app/InterfaceLanguage.h"
#include "journal/Account.h"

#include <QCoreApplication>
#include <QDate>
#include <QLibraryInfo>
#include <QTest>

using namespace Inkwell;

namespace {

QString entries(int count)
{
    return QCoreApplication::translate("Inkwell::MainWindow", "%n entries", nullptr, count);
}

} // namespace

// The language both programs speak: Inkwell's strings (core's messages among them) with each
// language's plural forms, Qt's own strings, and dates in the language's locale.
class TestInterfaceLanguage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void russianHasItsThreePluralForms()
    {
        InterfaceLanguage language;
        language.apply(QStringLiteral("ru"));
        QCOMPARE(language.language(), QStringLiteral("ru"));
        QCOMPARE(entries(1), QStringLiteral("1 запись"));
        QCOMPARE(entries(3), QStringLiteral("3 записи"));
        QCOMPARE(entries(5), QStringLiteral("5 записей"));
        QCOMPARE(entries(11), QStringLiteral("11 записей"));
        QCOMPARE(entries(21), QStringLiteral("21 запись"));
        QCOMPARE(QLocale().language(), QLocale::Russian);
    }

    void germanReachesCoreMessagesDatesAndQtsOwnStrings()
    {
        InterfaceLanguage language;
        language.apply(QStringLiteral("de"));
        QCOMPARE(language.language(), QStringLiteral("de"));
        QCOMPARE(Account().validationError(), QStringLiteral("Das Konto braucht einen Namen."));
        QCOMPARE(entries(1), QStringLiteral("1 Eintrag"));
        QCOMPARE(QLocale().toString(QDate(2026, 12, 7), QLocale::ShortFormat), QStringLiteral("07.12.26"));
        // Standard buttons and context menus (Debian's qt6-translations-l10n).
        QVERIFY2(QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                               QStringLiteral("/qtbase_de.qm")),
                 "qt6-translations-l10n is not installed");
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    }

    // English has a translation too: the one that says "1 entry".
    void englishSaysOneEntry()
    {
        InterfaceLanguage language;
        language.apply(QStringLiteral("en"));
        QCOMPARE(language.language(), QStringLiteral("en"));
        QCOMPARE(entries(1), QStringLiteral("1 entry"));
        QCOMPARE(entries(2), QStringLiteral("2 entries"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    // The system's language when nothing is chosen; one Inkwell does not speak (ctest runs with
    // LC_ALL=C.UTF-8) gives English words in the system's formats.
    void theSystemsLanguageOrEnglish()
    {
        InterfaceLanguage language;
        language.apply({});
        QCOMPARE(language.language(), QStringLiteral("en"));
        QCOMPARE(entries(1), QStringLiteral("1 entry"));
        QCOMPARE(language.locale(), QLocale::system());
    }

    // Choosing again replaces the translation: the later choice is the one spoken.
    void aSecondChoiceReplacesTheFirst()
    {
        InterfaceLanguage language;
        language.apply(QStringLiteral("ru"));
        language.apply(QStringLiteral("de"));
        QCOMPARE(entries(5), QStringLiteral("5 Einträge"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    }

    void everyLanguageOfferedIsTranslated()
    {
        for (const QString& code : InterfaceLanguage::available()) {
            InterfaceLanguage language;
            language.apply(code);
            QCOMPARE(language.language(), code);
        }
    }
};

QTEST_GUILESS_MAIN(TestInterfaceLanguage)
#include "TestInterfaceLanguage.moc"
