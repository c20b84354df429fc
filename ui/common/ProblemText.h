#pragma once

#include <QColor>
#include <QPalette>

class QWidget;

namespace Inkwell {

// The one colour for text that reports a problem (a refused login, an item the server refused): a
// red that reads on the palette it is drawn on, dark on a light window and light on a dark one.
QColor problemColor(const QPalette& palette);
// Shows `label`'s text in problemColor() (problem) or in the palette's own colour again.
void showAsProblem(QWidget* label, bool problem);

} // namespace Inkwell
