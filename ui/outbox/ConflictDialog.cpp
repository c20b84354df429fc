#include "outbox/ConflictDialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace Inkwell {

ConflictDialog::ConflictDialog(const JournalEntry& mine, const JournalEntry& servers, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Entry changed in two places"));
    auto* intro = new QLabel(tr("This entry was edited here while offline and also changed on the server. "
                                "Choose the version to keep."),
                             this);
    intro->setWordWrap(true);
    m_mine = new QPlainTextEdit(describe(mine), this);
    m_servers = new QPlainTextEdit(describe(servers), this);
    for (QPlainTextEdit* view : {m_mine, m_servers})
        view->setReadOnly(true);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* keepMine = buttons->addButton(tr("Keep mine"), QDialogButtonBox::AcceptRole);
    QPushButton* keepServers = buttons->addButton(tr("Keep the server's"), QDialogButtonBox::DestructiveRole);
    buttons->addButton(tr("Decide later"), QDialogButtonBox::RejectRole);
    connect(keepMine, &QPushButton::clicked, this, [this] { done(KeepMine); });
    connect(keepServers, &QPushButton::clicked, this, [this] { done(KeepServers); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QGridLayout(this);
    layout->addWidget(intro, 0, 0, 1, 2);
    layout->addWidget(new QLabel(tr("<b>Mine</b> (edited here)"), this), 1, 0);
    layout->addWidget(new QLabel(tr("<b>The server's</b> (now)"), this), 1, 1);
    layout->addWidget(m_mine, 2, 0);
    layout->addWidget(m_servers, 2, 1);
    layout->addWidget(buttons, 3, 0, 1, 2);
    resize(900, 560);
}

QString ConflictDialog::describe(const JournalEntry& entry)
{
    QStringList lines;
    lines << tr("Subject: %1").arg(entry.subject);
    lines << tr("Date: %1").arg(entry.eventtime);
    lines << tr("Security: %1").arg(toString(entry.security));
    for (auto it = entry.props.cbegin(); it != entry.props.cend(); ++it) {
        if (!isServerOwnedProp(it.key()))
            lines << QStringLiteral("%1: %2").arg(it.key(), it.value());
    }
    lines << QString() << entry.body;
    return lines.join(QLatin1Char('\n'));
}

} // namespace Inkwell
