#include "mainwindow/MainWindow.h"
#include "store/Database.h"

#include <QLabel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void opensOnAnEmptyJournalWithoutAccountOrNetwork()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(db.open());

        MainWindow window(db);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Inkwell"));
        QCOMPARE(window.entryCount(), 0);

        auto* title = window.findChild<QLabel*>(QStringLiteral("emptyJournalTitle"));
        QVERIFY(title);
        QVERIFY(title->isVisible());
        QCOMPARE(title->text(), QStringLiteral("Your journal is empty"));

        auto* storage = window.findChild<QLabel*>(QStringLiteral("storageLabel"));
        QVERIFY(storage);
        QVERIFY2(storage->text().contains(db.path()), qPrintable(storage->text()));
        QVERIFY2(storage->text().contains(QStringLiteral("0 entries")), qPrintable(storage->text()));

        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() >= 600);
    }

    void quitActionClosesTheWindow()
    {
        QTemporaryDir temp;
        Database db(temp.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(db.open());
        MainWindow window(db);
        window.show();
        auto* quit = window.findChild<QAction*>(QStringLiteral("actionQuit"));
        QVERIFY(quit);
        quit->trigger();
        QVERIFY(!window.isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
