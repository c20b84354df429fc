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

    // Until the window can add accounts and sync, say how to fill the local journal.
    auto* howTo = new QLabel(this);
    howTo->setObjectName(QStringLiteral("emptyJournalHowTo"));
    howTo->setTextFormat(Qt::RichText);
    howTo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    howTo->setAlignment(Qt::AlignCenter);
    howTo->setText(tr("To mirror a journal, add its account and sync it with the command-line tool:") +
                   QStringLiteral("<pre>inkwell-cli account add NAME --server URL --user USER\n"
                                  "inkwell-cli sync NAME</pre>") +
                   tr("This window shows the entries as soon as they are written."));

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addWidget(explanation);
    layout->addSpacing(16);
    layout->addWidget(howTo);
    layout->addStretch(3);
}

} // namespace Inkwell
