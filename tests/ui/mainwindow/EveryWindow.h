#pragma once

#include "SampleJournal.h"
#include "account/MemoryPasswordStore.h"
#include "accounts/AccountDialog.h"
#include "accounts/AccountListDialog.h"
#include "app/ProfileServices.h"
#include "common/Dialogs.h"
#include "editor/EditorWindow.h"
#include "friends/FriendsView.h"
#include "mainwindow/MainWindow.h"
#include "preferences/PreferencesDialog.h"
#include "store/Database.h"
#include "util/Profile.h"
#include "writing/WritingDesk.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

// The windows a user meets, over a profile that holds the sample journal: the main window, an
// editor, the account dialogs, the friends manager and Preferences. Each is shown and handed to
// `check` in turn; the walk stops at the first check that fails (QVERIFY).
class EveryWindow
{
public:
    // Fills and opens the profile; false when it cannot.
    bool open()
    {
        {
            Inkwell::Database db(QDir(m_dir.path()).filePath(QStringLiteral("journal.sqlite")));
            QString error;
            if (!db.open() || !Inkwell::Sample::prepare(db, &error)) {
                qWarning("EveryWindow: %s", qPrintable(error));
                return false;
            }
        }
        m_services =
            Inkwell::ProfileServices::open(Inkwell::Profile::atDirectory(m_dir.path()), m_passwords, nullptr);
        return m_services != nullptr;
    }

    void walk(Inkwell::Dialogs& dialogs, const std::function<void(QWidget& window)>& check)
    {
        Inkwell::ProfileServices& services = *m_services;
        Inkwell::MainWindow window(services, dialogs);
        const auto shown = [&check](QWidget& each) {
            each.show();
            check(each);
            return !QTest::currentTestFailed();
        };
        if (!shown(window))
            return;
        Inkwell::EditorWindow* editor = window.writingDesk()->newEntry();
        QVERIFY(editor);
        const bool editorPassed = shown(*editor);
        editor->close();
        if (!editorPassed)
            return;
        Inkwell::AccountDialog account(services.database(), services.passwords(), services.logins());
        Inkwell::AccountListDialog accounts(services.database(), services.passwords(), services.logins(),
                                            dialogs);
        Inkwell::FriendsView friends(services.friends(), services.database(), dialogs);
        Inkwell::PreferencesDialog preferences(services, window.settings());
        for (QWidget* each : std::initializer_list<QWidget*>{&account, &accounts, &friends, &preferences}) {
            if (!shown(*each))
                return;
            each->close();
        }
    }

private:
    QTemporaryDir m_dir;
    Inkwell::MemoryPasswordStore m_passwords;
    std::unique_ptr<Inkwell::ProfileServices> m_services;
};
