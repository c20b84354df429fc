#include "EveryWindow.h"
#include "ScriptedDialogs.h"
#include "app/InterfaceLanguage.h"

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTest>
#include <QTextDocumentFragment>

using namespace Inkwell;

// Issue 19, translations: in Russian, no window shows English. Every text a user reads (labels,
// buttons, group titles, menu entries, tabs, tooltips, placeholders, window titles) is walked; three
// Latin words in a row are English left untranslated (names like "Dreamwidth" or "Blogger API",
// addresses and shortcuts are one or two words; commands to type are left out). Catches strings
// never passed to tr().
class TestTranslatedWindows : public QObject
{
    Q_OBJECT
    MemoryPasswordStore m_passwords;
    ScriptedDialogs m_dialogs;

    static QStringList texts(QWidget* root)
    {
        QStringList found;
        QList<QWidget*> widgets = root->findChildren<QWidget*>();
        widgets.prepend(root);
        for (QWidget* widget : std::as_const(widgets)) {
            if (widget->objectName().startsWith(QLatin1String("qt_")))
                continue;
            found << widget->windowTitle() << widget->toolTip() << widget->accessibleName();
            if (auto* label = qobject_cast<QLabel*>(widget))
                found << QTextDocumentFragment::fromHtml(label->text()).toPlainText();
            if (auto* button = qobject_cast<QAbstractButton*>(widget))
                found << button->text();
            if (auto* group = qobject_cast<QGroupBox*>(widget))
                found << group->title();
            if (auto* edit = qobject_cast<QLineEdit*>(widget))
                found << edit->placeholderText();
            if (auto* tabs = qobject_cast<QTabWidget*>(widget)) {
                for (int i = 0; i < tabs->count(); ++i)
                    found << tabs->tabText(i) << tabs->tabToolTip(i);
            }
            for (QAction* action : widget->actions())
                found << action->text() << action->toolTip() << action->statusTip();
        }
        return found;
    }

    static QStringList english(QWidget* root)
    {
        static const QRegularExpression threeWords(
            QStringLiteral("(?<![\\w./:-])[A-Za-z]{2,}[,;:]?(\\s+[A-Za-z]{2,}[,;:]?){2,}(?![\\w./:-])"));
        QStringList english;
        for (QString text : texts(root)) {
            text.remove(u'&');
            const QStringList lines = text.split(u'\n');
            for (const QString& line : lines) {
                if (line.startsWith(QLatin1String("inkwell-cli "))) // a command to type, as it is
                    continue;
                if (threeWords.match(line).hasMatch() && !english.contains(line))
                    english << line;
            }
        }
        return english;
    }

    static void verifyTranslated(QWidget* root)
    {
        const QStringList left = english(root);
        QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("%1:\n  %2")
                                                .arg(QString::fromLatin1(root->metaObject()->className()),
                                                     left.join(QStringLiteral("\n  ")))));
    }

    // The letter after "&" in `text` (lower case), or none ("&&" is a literal ampersand).
    static QChar mnemonic(const QString& text)
    {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != u'&')
                continue;
            if (text.at(i + 1) == u'&') {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
        return {};
    }

    // Letters that two visible controls of one window (or two entries of one menu) share: Alt+letter
    // then reaches only one of them at first press.
    static QStringList sharedMnemonics(QWidget* root)
    {
        QStringList shared;
        const auto collect = [&shared](const QString& where, const QList<QString>& texts) {
            QHash<QChar, QString> seen;
            for (const QString& text : texts) {
                const QChar letter = mnemonic(text);
                if (letter.isNull())
                    continue;
                if (seen.contains(letter))
                    shared << QStringLiteral("%1: '%2' and '%3'").arg(where, seen.value(letter), text);
                else
                    seen.insert(letter, text);
            }
        };
        QList<QString> controls;
        QList<QWidget*> widgets = root->findChildren<QWidget*>();
        for (QWidget* widget : std::as_const(widgets)) {
            if (!widget->isVisible() || widget->window() != root)
                continue;
            if (auto* button = qobject_cast<QAbstractButton*>(widget))
                controls << button->text();
            else if (auto* label = qobject_cast<QLabel*>(widget); label && label->buddy())
                controls << label->text();
            else if (auto* tabs = qobject_cast<QTabWidget*>(widget)) {
                for (int i = 0; i < tabs->count(); ++i)
                    controls << tabs->tabText(i);
            }
        }
        if (auto* window = qobject_cast<QMainWindow*>(root)) {
            QList<QString> menus;
            for (QAction* menuAction : window->menuBar()->actions()) {
                menus << menuAction->text();
                if (QMenu* menu = menuAction->menu()) {
                    QList<QString> entries;
                    for (QAction* action : menu->actions())
                        entries << action->text();
                    collect(menuAction->text(), entries);
                }
            }
            // The menu bar's letters are pressed with Alt too, beside the window's controls.
            controls << menus;
        }
        collect(QString::fromLatin1(root->metaObject()->className()), controls);
        return shared;
    }

    static void verifyMnemonicsDistinct(QWidget* root)
    {
        const QStringList shared = sharedMnemonics(root);
        QVERIFY2(shared.isEmpty(), qPrintable(QStringLiteral("\n  ") + shared.join(QStringLiteral("\n  "))));
    }

private slots:
    void noWindowShowsEnglishInRussian()
    {
        InterfaceLanguage language;
        language.apply(QStringLiteral("ru"));
        EveryWindow windows;
        QVERIFY(windows.open());
        windows.walk(m_dialogs, [](QWidget& window) { verifyTranslated(&window); });
    }

    // Keyboard use in every language: no two controls of a window, and no two entries of a menu,
    // answer to the same Alt+letter.
    void everyMnemonicOfAWindowIsItsOwn_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString& code : InterfaceLanguage::available())
            QTest::newRow(qPrintable(code)) << code;
    }

    void everyMnemonicOfAWindowIsItsOwn()
    {
        QFETCH(QString, language);
        InterfaceLanguage speaking;
        speaking.apply(language);
        EveryWindow windows;
        QVERIFY(windows.open());
        windows.walk(m_dialogs, [](QWidget& window) { verifyMnemonicsDistinct(&window); });
    }
};

QTEST_MAIN(TestTranslatedWindows)
#include "TestTranslatedWindows.moc"
