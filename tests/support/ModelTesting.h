#pragma once

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QCompleter>
#include <QObject>

// Puts Qt's model tester on every model a view builds (its own models, proxies, the lists behind
// its completers), so an index, a row count or a signal that breaks the model contract fails the
// running test, whatever the test itself looks at. Models Qt builds inside its own widgets
// (QListWidget's, QCompleter's) are left out: they are Qt's to test, and QListWidget's resets
// itself while half destroyed. Call it once the view is built; each tester lives as long as its model.
inline void testModelsUnder(const QObject& view)
{
    for (QAbstractItemModel* model : view.findChildren<QAbstractItemModel*>()) {
        if (qobject_cast<QAbstractItemView*>(model->parent()) || qobject_cast<QCompleter*>(model->parent()))
            continue;
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    }
}
