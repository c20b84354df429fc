#include "common/ProblemText.h"

#include <QApplication>
#include <QWidget>

namespace Inkwell {

QColor problemColor(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

void showAsProblem(QWidget* label, bool problem)
{
    // The application's palette, not the widget's: a problem shown once must not stay red.
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : QApplication::palette();
    if (problem)
        palette.setColor(QPalette::WindowText, problemColor(palette));
    label->setPalette(palette);
}

} // namespace Inkwell
