#include "SampleJournal.h"
#include "ScriptedDialogs.h"
#include "account/MemoryPasswordStore.h"
#include "accounts/AccountDialog.h"
#include "accounts/AccountListDialog.h"
#include "app/InterfaceLanguage.h"
#include "app/ProfileServices.h"
#include "editor/EditorWindow.h"
#include "friends/FriendsView.h"
#include "mainwindow/MainWindow.h"
#include "preferences/PreferencesDialog.h"
#include "store/Database.h"
#include "util/Profile.h"
#include "writing/WritingDesk.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
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

private slots:
    void noWindowShowsEnglishInRussian()
    {
        InterfaceLanguage language;
        language.apply(QStringLiteral("ru"));
        QTemporaryDir temp;
        {
            Database db(QDir(temp.path()).filePath(QStringLiteral("journal.sqlite")));
            QVERIFY(db.open());
            QString error;
            QVERIFY2(Sample::prepare(db, &error), qPrintable(error));
        }
        const auto services =
            ProfileServices::open(Inkwell::Profile::atDirectory(temp.path()), m_passwords, nullptr);
        QVERIFY(services);
        MainWindow window(*services, m_dialogs);
        window.show();
        verifyTranslated(&window);

        EditorWindow* editor = window.writingDesk()->newEntry();
        QVERIFY(editor);
        verifyTranslated(editor);
        editor->close();

        AccountDialog account(services->database(), services->passwords(), services->logins());
        verifyTranslated(&account);
        AccountListDialog accounts(services->database(), services->passwords(), services->logins(),
                                   m_dialogs);
        verifyTranslated(&accounts);
        FriendsView friends(services->friends(), services->database(), m_dialogs);
        verifyTranslated(&friends);
        PreferencesDialog preferences(*services, window.settings());
        verifyTranslated(&preferences);
    }
};

QTEST_MAIN(TestTranslatedWindows)
#include "TestTranslatedWindows.moc"
