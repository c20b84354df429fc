#include "mainwindow/EmptyJournalPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
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

    auto* addAccount = new QPushButton(tr("Add an Account…"), this);
    addAccount->setObjectName(QStringLiteral("emptyJournalAddAccount"));
    auto* write = new QPushButton(tr("Write an Entry"), this);
    write->setObjectName(QStringLiteral("emptyJournalWrite"));
    write->setDefault(true);
    connect(addAccount, &QPushButton::clicked, this, &EmptyJournalPage::addAccountRequested);
    connect(write, &QPushButton::clicked, this, &EmptyJournalPage::newEntryRequested);
    auto* demo = new QPushButton(tr("Try the Demo Journal"), this);
    demo->setObjectName(QStringLiteral("emptyJournalDemo"));
    demo->setToolTip(tr("Opens a second window on a sample journal served from this computer: browse, "
                        "search, write and post there without an account. Your own journal is not touched."));
    connect(demo, &QPushButton::clicked, this, &EmptyJournalPage::demoRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(addAccount);
    buttons->addWidget(write);
    buttons->addWidget(demo);
    buttons->addStretch();

    // The command line does the same, for scripts and servers without a display.
    auto* howTo = new QLabel(this);
    howTo->setObjectName(QStringLiteral("emptyJournalHowTo"));
    howTo->setTextFormat(Qt::RichText);
    howTo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    howTo->setAlignment(Qt::AlignCenter);
    howTo->setForegroundRole(QPalette::PlaceholderText);
    howTo->setText(tr("Add your account: Inkwell mirrors your journal here by itself, and keeps it "
                      "current. Or from a terminal:") +
                   QStringLiteral("<pre>inkwell-cli account add NAME --server URL --user USER\n"
                                  "inkwell-cli sync NAME</pre>"));

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addWidget(explanation);
    layout->addSpacing(16);
    layout->addLayout(buttons);
    layout->addSpacing(16);
    layout->addWidget(howTo);
    layout->addStretch(3);
}

} // namespace Inkwell
