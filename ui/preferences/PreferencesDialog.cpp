#include "preferences/PreferencesDialog.h"

#include "app/ProfileServices.h"
#include "common/ProblemText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Inkwell {

namespace {

// The intervals offered (0: only when asked); SyncScheduler keeps any other as it is.
const QList<int> intervals{0, 5, 15, 30, 60, 180};

QString intervalText(int minutes)
{
    // No translation gives English its plural forms yet: each wording is written out.
    if (minutes == 0)
        return PreferencesDialog::tr("Only when I ask");
    if (minutes == 60)
        return PreferencesDialog::tr("Every hour");
    return minutes < 60 ? PreferencesDialog::tr("Every %1 minutes").arg(minutes)
                        : PreferencesDialog::tr("Every %1 hours").arg(minutes / 60);
}

} // namespace

PreferencesDialog::PreferencesDialog(ProfileServices& services, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));

    m_interval = new QComboBox(this);
    m_interval->setObjectName(QStringLiteral("syncInterval"));
    const int current = int(services.syncInterval().count());
    for (int minutes : intervals)
        m_interval->addItem(intervalText(minutes), minutes);
    if (m_interval->findData(current) < 0) // set by hand in settings.ini: shown, kept
        m_interval->addItem(tr("Every %1 minutes").arg(current), current);
    m_interval->setCurrentIndex(m_interval->findData(current));
    auto* syncing = new QGroupBox(tr("Syncing"), this);
    auto* syncForm = new QFormLayout(syncing);
    syncForm->addRow(tr("Sync &automatically:"), m_interval);
    auto* syncNote =
        new QLabel(tr("Every journal is also synced when Inkwell starts and after each post."), this);
    syncNote->setWordWrap(true);
    syncForm->addRow(syncNote);

    m_newPosts = new QCheckBox(
        tr("&Tell me when friends post (checks friends pages as often as the server allows)"), this);
    m_newPosts->setObjectName(QStringLiteral("watchNewPosts"));
    m_newPosts->setChecked(services.watchesNewPosts());
    m_closeToTray = new QCheckBox(tr("&Keep Inkwell in the tray when its window is closed"), this);
    m_closeToTray->setObjectName(QStringLiteral("closeToTray"));
    auto* notices = new QGroupBox(tr("Notices"), this);
    auto* noticesLayout = new QVBoxLayout(notices);
    noticesLayout->addWidget(m_newPosts);
    noticesLayout->addWidget(m_closeToTray);

    m_ping = new QLineEdit(services.pingServer().toString(), this);
    m_ping->setObjectName(QStringLiteral("pingServer"));
    m_ping->setPlaceholderText(tr("none"));
    m_ping->setToolTip(tr("A Weblogs.com-style server (weblogUpdates.ping) told about each public post, e.g. "
                          "http://rpc.pingomatic.com/"));
    auto* posting = new QGroupBox(tr("Posting"), this);
    auto* postingForm = new QFormLayout(posting);
    postingForm->addRow(tr("&Ping after public posts:"), m_ping);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("preferencesError"));
    m_error->setWordWrap(true);
    m_error->hide();
    showAsProblem(m_error, true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(syncing);
    layout->addWidget(notices);
    layout->addWidget(posting);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

void PreferencesDialog::setCloseToTray(bool current, bool trayAvailable)
{
    m_closeToTray->setChecked(current && trayAvailable);
    m_closeToTray->setEnabled(trayAvailable);
    m_closeToTray->setToolTip(trayAvailable ? QString() : tr("This desktop shows no tray icons."));
}

bool PreferencesDialog::closeToTray() const
{
    return m_closeToTray->isChecked();
}

bool PreferencesDialog::apply()
{
    const QString pingText = m_ping->text().trimmed();
    const QUrl ping(pingText, QUrl::StrictMode);
    if (!pingText.isEmpty() &&
        (!ping.isValid() || ping.host().isEmpty() ||
         (ping.scheme() != QLatin1String("http") && ping.scheme() != QLatin1String("https")))) {
        m_error->setText(tr("The ping server must be an http:// or https:// address, or empty for none."));
        m_error->show();
        m_ping->setFocus();
        return false;
    }
    m_error->hide();
    m_services.setSyncInterval(std::chrono::minutes(m_interval->currentData().toInt()));
    m_services.setWatchesNewPosts(m_newPosts->isChecked());
    if (ping != m_services.pingServer())
        m_services.setPingServer(pingText.isEmpty() ? QUrl() : ping);
    return true;
}

void PreferencesDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace Inkwell
