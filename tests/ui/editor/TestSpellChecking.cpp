#include "editor/EntryForm.h"
#include "editor/SpellChecker.h"
#include "editor/SpellHighlighter.h"
#include "util/RemoteFetcher.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace Inkwell;

// Spell checking with Hunspell, on a tiny dictionary shipped with the tests (xx_TEST).
class TestSpellChecking : public QObject
{
    Q_OBJECT
private:
    RemoteFetcher m_fetcher; // the userpic's (the profile's in the program)

    static bool underlined(const QPlainTextEdit& edit, int from, int length)
    {
        const QTextBlock block = edit.document()->findBlock(from);
        for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
            if (range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline &&
                range.start <= from - block.position() &&
                range.start + range.length >= from - block.position() + length)
                return true;
        }
        return false;
    }

private slots:
    void initTestCase() { qputenv("INKWELL_DICTIONARY_DIRS", QByteArray(INKWELL_TEST_DICTIONARIES)); }

    void dictionariesAreFoundAndWordsChecked()
    {
        QVERIFY(SpellChecker::availableLanguages().contains(QStringLiteral("xx_TEST")));
        SpellChecker checker;
        QVERIFY(!checker.load(QStringLiteral("zz_NONE")));
        QVERIFY(checker.load(QStringLiteral("xx_TEST")));
        QVERIFY(checker.isCorrect(QStringLiteral("hello")));
        QVERIFY(checker.isCorrect(QStringLiteral("Hello"))); // sentence case
        QVERIFY(checker.isCorrect(QStringLiteral("café")));  // UTF-8 dictionary
        QVERIFY(!checker.isCorrect(QStringLiteral("helo")));
        QVERIFY(checker.suggestions(QStringLiteral("helo")).contains(QStringLiteral("hello")));
        QVERIFY(checker.suggestions(QStringLiteral("cafe")).contains(QStringLiteral("café")));
        checker.ignore(QStringLiteral("Inkwell"));
        QVERIFY(checker.isCorrect(QStringLiteral("Inkwell")));
        QCOMPARE(SpellChecker::languageFor(QStringLiteral("xx_GB"), {QStringLiteral("xx_TEST")}),
                 QStringLiteral("xx_TEST"));
        QVERIFY(SpellChecker::languageFor(QStringLiteral("de_DE"), {QStringLiteral("xx_TEST")}).isEmpty());
    }

    void markupUrlsAndNumbersAreNotChecked()
    {
        const QString text =
            QStringLiteral("<a href=\"http://x.org/wrold\">helo</a> &nbsp; see https://example.com/abc "
                           "and 2nd well-known don't");
        QStringList words;
        for (const auto& [start, length] : SpellHighlighter::checkedWords(text))
            words << text.mid(start, length);
        QCOMPARE(words, (QStringList{QStringLiteral("helo"), QStringLiteral("see"), QStringLiteral("and"),
                                     QStringLiteral("well-known"), QStringLiteral("don't")}));
    }

    void theBodyUnderlinesMisspeltWordsInThePickedLanguage()
    {
        EntryForm form(m_fetcher);
        QVERIFY(form.spellingBox()->findData(QStringLiteral("xx_TEST")) > 0);
        form.setSpellLanguage(QString()); // the user's language may be installed: start from off
        form.bodyEdit()->setPlainText(QStringLiteral("hello wrold, <b>journal</b> helo"));
        QVERIFY(!underlined(*form.bodyEdit(), 6, 5));
        form.spellingBox()->setCurrentIndex(form.spellingBox()->findData(QStringLiteral("xx_TEST")));
        QCOMPARE(form.spellLanguage(), QStringLiteral("xx_TEST"));
        QVERIFY(underlined(*form.bodyEdit(), 6, 5));   // wrold
        QVERIFY(!underlined(*form.bodyEdit(), 0, 5));  // hello
        QVERIFY(!underlined(*form.bodyEdit(), 16, 7)); // journal, inside <b>
        QVERIFY(form.suggestionsAt(8).contains(QStringLiteral("world")));
        QVERIFY(form.suggestionsAt(2).isEmpty());
        form.setSpellLanguage(QString());
        QVERIFY(!underlined(*form.bodyEdit(), 6, 5));
        QCOMPARE(form.spellingBox()->currentIndex(), 0);
    }
};

QTEST_MAIN(TestSpellChecking)
#include "TestSpellChecking.moc"
