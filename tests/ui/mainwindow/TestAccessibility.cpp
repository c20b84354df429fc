#include "EveryWindow.h"
#include "ScriptedDialogs.h"
#include "account/MemoryPasswordStore.h"
#include "accounts/AccountDialog.h"
#include "app/ProfileServices.h"
#include "common/ProblemText.h"
#include "preferences/DesktopSettings.h"
#include "preferences/PreferencesDialog.h"
#include "util/Profile.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

#include <cmath>

using namespace Inkwell;

// Issue 19, accessibility: every control a user can reach has a name a screen reader can say, from
// its text, the label that is its buddy, or an accessible name set on it. The test walks each
// window's widget tree and lists the controls without one.
class TestAccessibility : public QObject
{
    Q_OBJECT
    MemoryPasswordStore m_passwords;
    ScriptedDialogs m_dialogs;

    // The controls under `root` a screen reader would announce without a name. Parts of composite
    // widgets (a combo box's line edit, a spin box's, scroll bars, a tab bar's arrows) are the
    // composite's to name.
    static QStringList unnamedControls(QWidget* root)
    {
        QStringList unnamed;
        QList<QWidget*> widgets = root->findChildren<QWidget*>();
        widgets.prepend(root);
        for (QWidget* widget : std::as_const(widgets)) {
            const bool control = qobject_cast<QAbstractButton*>(widget) || qobject_cast<QLineEdit*>(widget) ||
                                 qobject_cast<QComboBox*>(widget) ||
                                 qobject_cast<QAbstractSpinBox*>(widget) ||
                                 qobject_cast<QPlainTextEdit*>(widget) || qobject_cast<QTextEdit*>(widget) ||
                                 qobject_cast<QAbstractItemView*>(widget) || qobject_cast<QSlider*>(widget);
            if (!control || widget->focusPolicy() == Qt::NoFocus)
                continue;
            QWidget* parent = widget->parentWidget();
            if (parent && (qobject_cast<QComboBox*>(parent) || qobject_cast<QAbstractSpinBox*>(parent) ||
                           parent->inherits("QTabBar") || parent->inherits("QComboBoxPrivateContainer")))
                continue;
            if (widget->objectName().startsWith(QLatin1String("qt_"))) // Qt's own parts (the calendar's)
                continue;
            QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
            const QString name = accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
            if (name.isEmpty())
                unnamed << QStringLiteral("%1 '%2' in %3")
                               .arg(QString::fromLatin1(widget->metaObject()->className()),
                                    widget->objectName(),
                                    parent ? QString::fromLatin1(parent->metaObject()->className())
                                           : QString());
        }
        return unnamed;
    }

    static void verifyNamed(QWidget* root)
    {
        const QStringList unnamed = unnamedControls(root);
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(QStringLiteral("\n  ") + unnamed.join(QStringLiteral("\n  "))));
    }

    // WCAG's contrast ratio of two colours (1 to 21).
    static double contrast(const QColor& a, const QColor& b)
    {
        const auto luminance = [](const QColor& c) {
            const auto channel = [](double v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        const double x = luminance(a), y = luminance(b);
        return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
    }

    // The controls Tab reaches in `dialog`, in order, that sit above the one before them: keyboard
    // users move top to bottom through a dialog laid out in one column.
    static QStringList tabOrderJumpsBack(QDialog& dialog)
    {
        QStringList jumps;
        QWidget* first = dialog.nextInFocusChain();
        QWidget* previous = nullptr;
        int previousY = -1;
        for (QWidget* widget = first; widget; widget = widget->nextInFocusChain()) {
            if (widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus) &&
                widget->window() == &dialog && !widget->objectName().startsWith(QLatin1String("qt_"))) {
                const int y = widget->mapTo(&dialog, QPoint(0, widget->height() / 2)).y();
                if (previous && y < previousY - 4)
                    jumps << QStringLiteral("%1 '%2' after %3 '%4'")
                                 .arg(QString::fromLatin1(widget->metaObject()->className()),
                                      widget->objectName(),
                                      QString::fromLatin1(previous->metaObject()->className()),
                                      previous->objectName());
                previous = widget;
                previousY = y;
            }
            if (widget->nextInFocusChain() == first)
                break;
        }
        return jumps;
    }

private slots:
    // Text that reports a problem reads on a light and on a dark window alike (WCAG AA: 4.5:1).
    void problemTextReadsOnEveryPalette()
    {
        for (const QColor& window : {QColor(0xef, 0xef, 0xef), QColor(0xff, 0xff, 0xff),
                                     QColor(0x2b, 0x2b, 0x2b), QColor(0x1e, 0x1e, 0x1e)}) {
            QPalette palette;
            palette.setColor(QPalette::Window, window);
            QVERIFY2(contrast(problemColor(palette), window) >= 4.5, qPrintable(window.name()));
        }
        QLabel label;
        showAsProblem(&label, true);
        QCOMPARE(label.palette().color(QPalette::WindowText), problemColor(label.palette()));
        showAsProblem(&label, false);
        QCOMPARE(label.palette().color(QPalette::WindowText),
                 QApplication::palette().color(QPalette::WindowText));
    }

    // Keyboard-only use: Tab goes down the one-column dialogs, never back up.
    void tabGoesDownTheDialogs()
    {
        QTemporaryDir temp;
        const auto services =
            ProfileServices::open(Inkwell::Profile::atDirectory(temp.path()), m_passwords, nullptr);
        QVERIFY(services);
        DesktopSettings settings(services->profile().settingsPath());
        PreferencesDialog preferences(*services, settings);
        AccountDialog account(services->database(), services->passwords(), services->logins());
        for (QDialog* dialog : std::initializer_list<QDialog*>{&preferences, &account}) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            const QStringList jumps = tabOrderJumpsBack(*dialog);
            QVERIFY2(jumps.isEmpty(),
                     qPrintable(QStringLiteral("\n  ") + jumps.join(QStringLiteral("\n  "))));
        }
    }

    void everyControlOfTheWindowsHasAName()
    {
        EveryWindow windows;
        QVERIFY(windows.open());
        windows.walk(m_dialogs, [](QWidget& window) { verifyNamed(&window); });
    }
};

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"
