#pragma once

#include "sync/SyncEngine.h"
#include "sync/SyncReport.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Inkwell {

class Dialogs;
class OutboxService;
class SyncCoordinator;
class SyncScheduler;

// The status bar's account of syncing, in words a user understands: what is syncing now (with a
// progress bar and Cancel), when the journals were last synced, that Inkwell waits for the
// network, or why the last sync stopped (with the details one click away), and how many of the
// user's changes have not reached the server yet. It only shows what
// the coordinator and the scheduler report; it starts nothing but a cancel.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT
public:
    SyncStatusWidget(SyncCoordinator& sync, SyncScheduler& scheduler, OutboxService& outbox, Dialogs& dialogs,
                     QWidget* parent = nullptr);

    QString text() const;
    // Reads the outbox's count again (a change was queued or sent).
    void refresh() { showIdle(); }
    QProgressBar* progressBar() const { return m_progress; }
    QToolButton* cancelButton() const { return m_cancel; }
    QToolButton* detailsButton() const { return m_details; }

signals:
    // What the status bar says of syncing now (the tray icon says it too).
    void textChanged(const QString& text);

private:
    void setText(const QString& text);
    void onProgress(const QString& account, SyncEngine::Phase phase, int done, int total);
    void onFinished(const QString& account, const SyncReport& report);
    void onFailed(const QString& account, const QString& message);
    void showIdle();

    SyncCoordinator& m_sync;
    SyncScheduler& m_scheduler;
    OutboxService& m_outbox;
    Dialogs& m_dialogs;
    QLabel* m_label;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QToolButton* m_details;
    QString m_syncingAccount;
    QDateTime m_lastSynced;
    QString m_problem;        // the last failure in a sentence, until a sync succeeds
    QString m_problemDetails; // what the server or the network said
    QString m_notice;         // a cancelled sync, until the next one ends
};

} // namespace Inkwell
