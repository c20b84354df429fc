#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QDialog;
class QWidget;

namespace Inkwell {

// A yes-or-no question. `detail` is a second paragraph; a destructive question defaults to No.
struct Question
{
    QString title;
    QString text;
    QString detail;
    bool destructive = false;
};

// Every question a view asks the user goes through here (KeePassXC's MessageBox is the model).
// The program's WindowDialogs opens window-modal dialogs without a nested event loop; a test hands
// the views a Dialogs that answers as the test says, so no modal dialog ever blocks a test.
// Each answer comes once, through the callback, and only while `parent` still exists; a
// cancelled choice of text, item or file does not call back at all.
class Dialogs
{
public:
    virtual ~Dialogs() = default;

    virtual void confirm(QWidget* parent, const Question& question,
                         std::function<void(bool yes)> answered) = 0;
    virtual void askText(QWidget* parent, const QString& title, const QString& label, const QString& current,
                         std::function<void(const QString& text)> answered) = 0;
    virtual void chooseItem(QWidget* parent, const QString& title, const QString& label,
                            const QStringList& items, std::function<void(const QString& item)> chosen) = 0;
    virtual void chooseFileToOpen(QWidget* parent, const QString& title, const QString& filter,
                                  std::function<void(const QString& path)> chosen) = 0;
    virtual void inform(QWidget* parent, const QString& title, const QString& text) = 0;
    virtual void warn(QWidget* parent, const QString& title, const QString& text) = 0;
    // A dialog of the view's own (a conflict, a friend): `finished` gets its result while the
    // dialog still exists (read its fields there); the dialog is deleted afterwards.
    virtual void run(QDialog* dialog, std::function<void(int result)> finished) = 0;
};

// The dialogs the program shows: window-modal over `parent`, opened with open(), answered by signal.
class WindowDialogs final : public Dialogs
{
public:
    void confirm(QWidget* parent, const Question& question, std::function<void(bool yes)> answered) override;
    void askText(QWidget* parent, const QString& title, const QString& label, const QString& current,
                 std::function<void(const QString& text)> answered) override;
    void chooseItem(QWidget* parent, const QString& title, const QString& label, const QStringList& items,
                    std::function<void(const QString& item)> chosen) override;
    void chooseFileToOpen(QWidget* parent, const QString& title, const QString& filter,
                          std::function<void(const QString& path)> chosen) override;
    void inform(QWidget* parent, const QString& title, const QString& text) override;
    void warn(QWidget* parent, const QString& title, const QString& text) override;
    void run(QDialog* dialog, std::function<void(int result)> finished) override;
};

} // namespace Inkwell
