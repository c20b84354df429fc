#include "editor/SpellHighlighter.h"

#include "editor/SpellChecker.h"

#include <QRegularExpression>
#include <QTextCharFormat>

namespace Inkwell {

SpellHighlighter::SpellHighlighter(SpellChecker& checker, QTextDocument* document)
    : QSyntaxHighlighter(document)
    , m_checker(checker)
{}

QList<std::pair<int, int>> SpellHighlighter::checkedWords(const QString& text)
{
    // Markup is blanked out first, keeping positions: tags (whole, attributes included), entities
    // and URLs.
    static const QRegularExpression markup(
        QStringLiteral(R"(<[^>]*>?|&#?\w+;|\b(?:https?|ftp)://\S+|\bwww\.\S+)"));
    QString plain = text;
    for (auto it = markup.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        plain.replace(match.capturedStart(), match.capturedLength(), QString(match.capturedLength(), u' '));
    }
    // Letters with inner apostrophes or hyphens ("don't", "well-known"); digits disqualify a word.
    static const QRegularExpression word(QStringLiteral(R"([\p{L}\p{M}\d]+(?:['’\-][\p{L}\p{M}\d]+)*)"));
    static const QRegularExpression digit(QStringLiteral(R"(\d)"));
    QList<std::pair<int, int>> words;
    for (auto it = word.globalMatch(plain); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (!match.captured().contains(digit))
            words.append({int(match.capturedStart()), int(match.capturedLength())});
    }
    return words;
}

void SpellHighlighter::highlightBlock(const QString& text)
{
    if (!m_checker.isLoaded())
        return;
    QTextCharFormat misspelt;
    misspelt.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    misspelt.setUnderlineColor(Qt::red);
    for (const auto& [start, length] : checkedWords(text)) {
        if (!m_checker.isCorrect(text.mid(start, length)))
            setFormat(start, length, misspelt);
    }
}

} // namespace Inkwell
