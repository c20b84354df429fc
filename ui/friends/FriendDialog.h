#pragma once

#include "friends/Friend.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLineEdit;

namespace Inkwell {

// Adds a friend or changes one: user name (fixed when editing), colours, and on Dreamwidth whether
// to give access and whether to read them.
class FriendDialog : public QDialog
{
    Q_OBJECT
public:
    FriendDialog(Flavor flavor, const std::optional<Friend>& existing, QWidget* parent = nullptr);

    FriendChange change() const;

    QLineEdit* usernameEdit() const { return m_username; }

private:
    void validate();

    QLineEdit* m_username;
    QLineEdit* m_fg;
    QLineEdit* m_bg;
    QCheckBox* m_trust;
    QCheckBox* m_watch;
    quint64 m_groupMask = 1;
};

} // namespace Inkwell
