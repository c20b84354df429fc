#pragma once

#include <QSyntaxHighlighter>

namespace Inkwell {

class SpellChecker;

// Underlines misspelt words as the user types. HTML tags, entities, URLs and words with digits
// are left alone, so an HTML body is checked as the text a reader sees.
class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    SpellHighlighter(SpellChecker& checker, QTextDocument* document);

    // The word ranges of `text` that are checked (start, length): words outside markup.
    static QList<std::pair<int, int>> checkedWords(const QString& text);

protected:
    void highlightBlock(const QString& text) override;

private:
    SpellChecker& m_checker;
};

} // namespace Inkwell
