#pragma once

#include <QMainWindow>

class QLabel;
class QStackedWidget;

namespace Inkwell {

class Database;

// The application window. It only assembles the views and shows where the local journal lives;
// each view owns its behaviour.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Database& database, QWidget* parent = nullptr);

    int entryCount() const { return m_entryCount; }

private:
    void createMenus();
    void showAbout();
    int countEntries() const;

    Database& m_database;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_storageLabel = nullptr;
    int m_entryCount = 0;
};

} // namespace Inkwell
