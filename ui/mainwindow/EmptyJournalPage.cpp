#include "mainwindow/EmptyJournalPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Inkwell {

EmptyJournalPage::EmptyJournalPage(QWidget* parent)
    : QWidget(parent)
{
    auto* title = new QLabel(tr("Your journal is empty"), this);
    title->setObjectName(QStringLiteral("emptyJournalTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto* explanation =
        new QLabel(tr("Entries you write or sync from your journal appear here.\n"
                      "Inkwell keeps everything on this computer and works without a network."),
                   this);
    explanation->setAlignment(Qt::AlignCenter);
    explanation->setWordWrap(true);
    explanation->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addWidget(explanation);
    layout->addStretch(3);
}

} // namespace Inkwell
