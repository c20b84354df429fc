#include "mainwindow/SyncStatusWidget.h"

#include "common/Dialogs.h"
#include "store/Outbox.h"
#include "sync/OutboxService.h"
#include "sync/SyncCoordinator.h"
#include "sync/SyncScheduler.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace Inkwell {

namespace {

// Why a sync stopped, in a phrase for the status bar; the advice and the protocol's own words go
// to the details.
QString reason(const SyncReport& report)
{
    const ProtocolError& error = report.error;
    if (error.isNull())
        return SyncStatusWidget::tr("the local journal could not be written");
    switch (error.category()) {
    case ProtocolError::Category::Transport:
        return error.httpStatus() != 0 ? SyncStatusWidget::tr("the server answered with an error (HTTP %1)")
                                             .arg(error.httpStatus())
                                       : SyncStatusWidget::tr("the server could not be reached");
    case ProtocolError::Category::Temporary:
        return SyncStatusWidget::tr("the server is busy or having trouble");
    case ProtocolError::Category::Authentication:
        return SyncStatusWidget::tr("the server did not accept the login");
    case ProtocolError::Category::Malformed:
        return SyncStatusWidget::tr("the server's answer could not be read");
    case ProtocolError::Category::Permanent:
        return SyncStatusWidget::tr("the server refused it");
    }
    return report.errorText;
}

QString details(const SyncReport& report, const QString& account)
{
    const QString advice = report.error.advice(account);
    if (!advice.isEmpty())
        return advice + QStringLiteral("\n\n") + report.errorText;
    if (report.error.isTemporary())
        return SyncStatusWidget::tr("Inkwell tries again by itself in a little while.") +
               QStringLiteral("\n\n") + report.errorText;
    return report.errorText;
}

} // namespace

SyncStatusWidget::SyncStatusWidget(SyncCoordinator& sync, SyncScheduler& scheduler, OutboxService& outbox,
                                   Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_scheduler(scheduler)
    , m_outbox(outbox)
    , m_dialogs(dialogs)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
    , m_details(new QToolButton(this))
{
    setObjectName(QStringLiteral("syncStatus"));
    m_label->setObjectName(QStringLiteral("syncLabel"));
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("syncCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this sync; what was mirrored so far is kept."));
    m_details->setObjectName(QStringLiteral("syncDetails"));
    m_details->setText(tr("Details…"));
    m_details->setAutoRaise(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_details);

    connect(&m_sync, &SyncCoordinator::progress, this,
            [this](const QString& account, SyncEngine::Phase phase, int done, int total) {
                onProgress(account, phase, done, total);
            });
    connect(&m_sync, &SyncCoordinator::finished, this, &SyncStatusWidget::onFinished);
    connect(&m_sync, &SyncCoordinator::failed, this, &SyncStatusWidget::onFailed);
    connect(&m_scheduler, &SyncScheduler::waitingForNetworkChanged, this, &SyncStatusWidget::showIdle);
    connect(&m_outbox, &OutboxService::outboxChanged, this, &SyncStatusWidget::showIdle);
    connect(&m_outbox, &OutboxService::finished, this, &SyncStatusWidget::showIdle);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (!m_syncingAccount.isEmpty())
            m_sync.cancel(m_syncingAccount);
    });
    connect(m_details, &QToolButton::clicked, this, [this] {
        m_dialogs.inform(window(), tr("Sync"), m_problem + QStringLiteral("\n\n") + m_problemDetails);
    });
    showIdle();
}

QString SyncStatusWidget::text() const
{
    return m_label->text();
}

void SyncStatusWidget::onProgress(const QString& account, SyncEngine::Phase phase, int done, int total)
{
    m_syncingAccount = account;
    if (phase == SyncEngine::Phase::Fetching && total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        setText(tr("Syncing %1: %2 of %3 entries")
                    .arg(account, QLocale().toString(done), QLocale().toString(total)));
    } else {
        m_progress->setRange(0, 0); // busy: how much is left is not known yet
        setText(phase == SyncEngine::Phase::CheckingDeletions
                    ? tr("Syncing %1: looking for deleted entries…").arg(account)
                    : tr("Syncing %1…").arg(account));
    }
    m_progress->show();
    m_cancel->show();
    m_details->hide();
}

void SyncStatusWidget::onFinished(const QString& account, const SyncReport& report)
{
    if (account == m_syncingAccount)
        m_syncingAccount.clear();
    m_notice.clear();
    if (report.succeeded()) {
        m_lastSynced = QDateTime::currentDateTime();
        m_problem.clear();
        m_problemDetails.clear();
    } else if (report.cancelled) {
        m_notice = tr("The sync of %1 was cancelled; what came so far is kept.").arg(account);
    } else {
        m_problem = tr("%1 could not be synced: %2.").arg(account, reason(report));
        m_problemDetails = details(report, account);
    }
    showIdle();
}

void SyncStatusWidget::onFailed(const QString& account, const QString& message)
{
    if (account == m_syncingAccount)
        m_syncingAccount.clear();
    m_problem = tr("%1 could not be synced.").arg(account);
    m_problemDetails = message;
    showIdle();
}

void SyncStatusWidget::showIdle()
{
    if (!m_syncingAccount.isEmpty())
        return; // its progress says more
    m_progress->hide();
    m_cancel->hide();
    m_details->setVisible(!m_problem.isEmpty() && !m_problemDetails.isEmpty() &&
                          !m_scheduler.isWaitingForNetwork());
    QString text;
    if (m_scheduler.isWaitingForNetwork())
        text = tr("Offline: waiting for the network");
    else if (!m_problem.isEmpty())
        text = m_problem;
    else if (!m_notice.isEmpty())
        text = m_notice;
    else if (m_lastSynced.isValid())
        text = tr("Synced at %1").arg(QLocale().toString(m_lastSynced.time(), QLocale::ShortFormat));
    // Written here, not on the server yet (waiting, refused or in conflict: the Outbox tab says).
    if (const int unsent = m_outbox.outbox().count(); unsent > 0) {
        const QString waiting = tr("%n changes not sent yet", nullptr, unsent);
        text = text.isEmpty() ? waiting : text + QStringLiteral(" · ") + waiting;
    }
    setText(text);
}

void SyncStatusWidget::setText(const QString& text)
{
    if (text == m_label->text())
        return;
    m_label->setText(text);
    m_label->setToolTip(text);
    emit textChanged(text);
}

} // namespace Inkwell
