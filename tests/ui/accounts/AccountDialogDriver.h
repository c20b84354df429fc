#pragma once

#include "account/PasswordStore.h"
#include "accounts/AccountDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <optional>

// Drives an AccountDialog through its widgets, as a user would.
namespace AccountDialogDriver {

template <typename T>
T* child(QWidget& dialog, const char* name)
{
    T* widget = dialog.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child widget %s", name);
    return widget;
}

inline void choosePreset(QWidget& dialog, Inkwell::AccountDialog::Preset preset)
{
    auto* combo = child<QComboBox>(dialog, "preset");
    combo->setCurrentIndex(combo->findData(int(preset)));
}

inline void chooseData(QWidget& dialog, const char* comboName, const QString& data)
{
    auto* combo = child<QComboBox>(dialog, comboName);
    combo->setCurrentIndex(combo->findData(data));
}

inline void type(QWidget& dialog, const char* name, const QString& text)
{
    auto* edit = child<QLineEdit>(dialog, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

inline void clickOk(QWidget& dialog)
{
    child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Ok)->click();
}

inline QString labelText(QWidget& dialog, const char* name)
{
    return child<QLabel>(dialog, name)->text();
}

// What `store` answers for `key`, waited for (stores answer through the event loop); a store that
// does not answer in 15 s (a keychain that hangs) gives a Failed result.
inline Inkwell::PasswordResult readPassword(Inkwell::PasswordStore& store, const QString& key)
{
    std::optional<Inkwell::PasswordResult> result;
    QObject context;
    store.readPassword(key, &context, [&](const Inkwell::PasswordResult& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        qWarning("the password store did not answer for %s", qPrintable(key));
    return result.value_or(Inkwell::PasswordResult{});
}

// Whether a file (and its WAL, where SQLite may still hold the newest pages) contains `secret`
// in any of the encodings a string could be stored in.
inline bool fileContains(const QString& path, const QString& secret)
{
    for (const QString& file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-journal")}) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        const QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2);
        if (bytes.contains(secret.toUtf8()) || bytes.contains(utf16))
            return true;
    }
    return false;
}

} // namespace AccountDialogDriver
