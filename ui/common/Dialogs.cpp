#include "common/Dialogs.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace Inkwell {

namespace {

// The dialog goes when it is answered, or with its parent if that goes first (then without an answer).
template <typename Dialog>
Dialog* ownedDialog(QWidget* parent)
{
    auto* dialog = new Dialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    return dialog;
}

void showMessage(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text)
{
    auto* box = ownedDialog<QMessageBox>(parent);
    box->setIcon(icon);
    box->setWindowTitle(title);
    box->setText(text);
    box->open();
}

} // namespace

void WindowDialogs::confirm(QWidget* parent, const Question& question, std::function<void(bool yes)> answered)
{
    auto* box = ownedDialog<QMessageBox>(parent);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(question.title);
    box->setText(question.text);
    box->setInformativeText(question.detail);
    box->setStandardButtons(QMessageBox::Yes | QMessageBox::No);
    box->setDefaultButton(question.destructive ? QMessageBox::No : QMessageBox::Yes);
    QObject::connect(box, &QMessageBox::finished, box,
                     [answered = std::move(answered)](int result) { answered(result == QMessageBox::Yes); });
    box->open();
}

void WindowDialogs::askText(QWidget* parent, const QString& title, const QString& label,
                            const QString& current, std::function<void(const QString& text)> answered)
{
    auto* input = ownedDialog<QInputDialog>(parent);
    input->setWindowTitle(title);
    input->setLabelText(label);
    input->setTextValue(current);
    QObject::connect(input, &QInputDialog::textValueSelected, input, std::move(answered));
    input->open();
}

void WindowDialogs::chooseItem(QWidget* parent, const QString& title, const QString& label,
                               const QStringList& items, std::function<void(const QString& item)> chosen)
{
    auto* input = ownedDialog<QInputDialog>(parent);
    input->setWindowTitle(title);
    input->setLabelText(label);
    input->setComboBoxItems(items);
    input->setComboBoxEditable(false);
    QObject::connect(input, &QInputDialog::textValueSelected, input, std::move(chosen));
    input->open();
}

void WindowDialogs::chooseFileToOpen(QWidget* parent, const QString& title, const QString& filter,
                                     std::function<void(const QString& path)> chosen)
{
    auto* files = ownedDialog<QFileDialog>(parent);
    files->setWindowTitle(title);
    files->setNameFilter(filter);
    files->setFileMode(QFileDialog::ExistingFile);
    files->setAcceptMode(QFileDialog::AcceptOpen);
    QObject::connect(files, &QFileDialog::fileSelected, files, std::move(chosen));
    files->open();
}

void WindowDialogs::inform(QWidget* parent, const QString& title, const QString& text)
{
    showMessage(parent, QMessageBox::Information, title, text);
}

void WindowDialogs::warn(QWidget* parent, const QString& title, const QString& text)
{
    showMessage(parent, QMessageBox::Warning, title, text);
}

void WindowDialogs::run(QDialog* dialog, std::function<void(int result)> finished)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QDialog::finished, dialog, std::move(finished));
    dialog->open();
}

} // namespace Inkwell
