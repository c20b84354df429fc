#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace Inkwell {

// The language both programs speak: Inkwell's own strings, Qt's (standard buttons, context menus)
// and the locale that dates, numbers and the calendar follow. One per program, made after the
// QCoreApplication; its translators leave the application with it (~QTranslator).
class InterfaceLanguage
{
public:
    InterfaceLanguage() = default;
    InterfaceLanguage(const InterfaceLanguage&) = delete;
    InterfaceLanguage& operator=(const InterfaceLanguage&) = delete;

    // `choice`: a language Inkwell is translated into ("de", "ru", "en"), or empty for the
    // system's. A language without a translation falls back to English, in the system's locale.
    void apply(const QString& choice);

    // The language in use ("en" when nothing else applies) and the locale set as the default.
    QString language() const { return m_language; }
    QLocale locale() const { return m_locale; }

    // The languages Inkwell speaks, English first.
    static QStringList available();
    // A language in its own words ("Deutsch", "Русский"), as its speakers look for it in a list
    // whatever the interface speaks.
    static QString displayName(const QString& language);
    // The settings key (in the profile's settings.ini) that holds the user's choice.
    static QString settingsKey();

private:
    QTranslator m_inkwell;
    QTranslator m_qt;
    QString m_language = QStringLiteral("en");
    QLocale m_locale;
};

} // namespace Inkwell
