#include "friends/FriendDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>

namespace Inkwell {

FriendDialog::FriendDialog(Flavor flavor, const std::optional<Friend>& existing, QWidget* parent)
    : QDialog(parent)
    , m_username(new QLineEdit(this))
    , m_fg(new QLineEdit(existing ? existing->fgColor : QStringLiteral("#000000"), this))
    , m_bg(new QLineEdit(existing ? existing->bgColor : QStringLiteral("#ffffff"), this))
    , m_trust(new QCheckBox(tr("Give access to locked entries"), this))
    , m_watch(new QCheckBox(tr("Read their journal"), this))
{
    setWindowTitle(existing ? tr("Edit %1").arg(existing->username) : tr("Add friend"));
    m_username->setObjectName(QStringLiteral("username"));
    m_fg->setObjectName(QStringLiteral("foreground"));
    m_bg->setObjectName(QStringLiteral("background"));
    m_trust->setObjectName(QStringLiteral("trust"));
    m_watch->setObjectName(QStringLiteral("watch"));
    // The server wants # and six hex digits (REFERENCE.md 3.11).
    const QRegularExpression colour(QStringLiteral("#[0-9a-fA-F]{6}"));
    m_fg->setValidator(new QRegularExpressionValidator(colour, m_fg));
    m_bg->setValidator(new QRegularExpressionValidator(colour, m_bg));
    if (existing) {
        m_username->setText(existing->username);
        m_username->setReadOnly(true);
        m_groupMask = existing->groupMask | 1;
    }
    m_trust->setChecked(!existing || existing->trusted);
    m_watch->setChecked(!existing || existing->watched);

    auto* form = new QFormLayout(this);
    form->addRow(tr("User name:"), m_username);
    form->addRow(tr("Text colour:"), m_fg);
    form->addRow(tr("Background:"), m_bg);
    if (flavor == Flavor::Dreamwidth) {
        form->addRow(QString(), m_trust);
        form->addRow(QString(), m_watch);
    } else {
        m_trust->hide();
        m_watch->hide();
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!m_username->text().trimmed().isEmpty() && m_fg->hasAcceptableInput() &&
                         m_bg->hasAcceptableInput() && (m_trust->isChecked() || m_watch->isChecked()));
    };
    for (QLineEdit* edit : {m_username, m_fg, m_bg})
        connect(edit, &QLineEdit::textChanged, this, update);
    connect(m_trust, &QCheckBox::toggled, this, update);
    connect(m_watch, &QCheckBox::toggled, this, update);
    update();
}

FriendChange FriendDialog::change() const
{
    FriendChange change;
    change.kind = FriendChangeKind::SetFriend;
    change.username = m_username->text().trimmed();
    change.fgColor = m_fg->text().toLower();
    change.bgColor = m_bg->text().toLower();
    change.trust = m_trust->isChecked();
    change.watch = m_watch->isChecked();
    change.groupMask = m_groupMask;
    return change;
}

} // namespace Inkwell
