#include "preferences/PreferencesDialog.h"

#include "app/InterfaceLanguage.h"
#include "app/ProfileServices.h"
#include "common/ProblemText.h"
#include "editor/SpellChecker.h"
#include "preferences/DesktopSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

namespace Inkwell {

namespace {

// The intervals offered (0: only when asked); SyncScheduler keeps any other as it is.
const QList<int> intervals{0, 5, 15, 30, 60, 180};

QString intervalText(int minutes)
{
    if (minutes == 0)
        return PreferencesDialog::tr("Only when I ask");
    return minutes % 60 == 0 ? PreferencesDialog::tr("Every %n hours", nullptr, minutes / 60)
                             : PreferencesDialog::tr("Every %n minutes", nullptr, minutes);
}

} // namespace

PreferencesDialog::PreferencesDialog(ProfileServices& services, DesktopSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_settings(settings)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));

    // Built in the order they show: the tab order follows.
    auto* layout = new QVBoxLayout(this);
    for (QGroupBox* group :
         {syncingGroup(), noticesGroup(), readingGroup(), writingGroup(), networkGroup(), languageGroup()})
        layout->addWidget(group);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("preferencesError"));
    m_error->setWordWrap(true);
    m_error->hide();
    showAsProblem(m_error, true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

QGroupBox* PreferencesDialog::syncingGroup()
{
    m_interval = new QComboBox(this);
    m_interval->setObjectName(QStringLiteral("syncInterval"));
    const int current = int(m_services.syncInterval().count());
    for (int minutes : intervals)
        m_interval->addItem(intervalText(minutes), minutes);
    if (m_interval->findData(current) < 0) // set by hand in settings.ini: shown, kept
        m_interval->addItem(intervalText(current), current);
    m_interval->setCurrentIndex(m_interval->findData(current));
    auto* syncing = new QGroupBox(tr("Syncing"), this);
    auto* syncForm = new QFormLayout(syncing);
    syncForm->addRow(tr("Sync &automatically:"), m_interval);
    auto* syncNote =
        new QLabel(tr("Every journal is also synced when Inkwell starts and after each post."), this);
    syncNote->setWordWrap(true);
    syncForm->addRow(syncNote);
    return syncing;
}

QGroupBox* PreferencesDialog::noticesGroup()
{
    m_newPosts = new QCheckBox(
        tr("&Tell me when friends post (checks friends pages as often as the server allows)"), this);
    m_newPosts->setObjectName(QStringLiteral("watchNewPosts"));
    m_newPosts->setChecked(m_services.watchesNewPosts());
    m_closeToTray = new QCheckBox(tr("&Keep Inkwell in the tray when its window is closed"), this);
    m_closeToTray->setObjectName(QStringLiteral("closeToTray"));
    m_closeToTray->setChecked(m_settings.closesToTray());
    m_startMinimised = new QCheckBox(tr("Start &minimised (in the tray, where the desktop has one)"), this);
    m_startMinimised->setObjectName(QStringLiteral("startMinimised"));
    m_startMinimised->setChecked(m_settings.startsMinimised());
    auto* notices = new QGroupBox(tr("Notices"), this);
    auto* noticesLayout = new QVBoxLayout(notices);
    noticesLayout->addWidget(m_newPosts);
    noticesLayout->addWidget(m_closeToTray);
    noticesLayout->addWidget(m_startMinimised);
    return notices;
}

QGroupBox* PreferencesDialog::readingGroup()
{
    m_remoteImages =
        new QCheckBox(tr("Show pictures and styles from &other sites in entries without asking"), this);
    m_remoteImages->setObjectName(QStringLiteral("loadRemoteImages"));
    m_remoteImages->setToolTip(tr("A picture from another site tells that site that the entry is read, "
                                  "and when. Without this, each entry asks first."));
    m_remoteImages->setChecked(m_settings.loadsRemoteImages());
    auto* reading = new QGroupBox(tr("Reading"), this);
    auto* readingLayout = new QVBoxLayout(reading);
    readingLayout->addWidget(m_remoteImages);
    return reading;
}

QGroupBox* PreferencesDialog::writingGroup()
{
    m_spelling = new QComboBox(this);
    m_spelling->setObjectName(QStringLiteral("spellingLanguage"));
    m_spelling->addItem(tr("Off"), QString());
    for (const QString& language : SpellChecker::availableLanguages())
        m_spelling->addItem(SpellChecker::displayName(language), language);
    if (m_settings.hasSpellingLanguage())
        m_spelling->setCurrentIndex(std::max(0, m_spelling->findData(m_settings.spellingLanguage())));
    else // as a new editor starts: in the interface's language, when its dictionary is installed
        m_spelling->setCurrentIndex(std::max(0, m_spelling->findData(SpellChecker::defaultLanguage())));
    m_initialSpelling = m_spelling->currentIndex();
    m_ping = new QLineEdit(m_services.pingServer().toString(), this);
    m_ping->setObjectName(QStringLiteral("pingServer"));
    m_ping->setPlaceholderText(tr("none"));
    m_ping->setToolTip(tr("A Weblogs.com-style server (weblogUpdates.ping) told about each public post, e.g. "
                          "http://rpc.pingomatic.com/"));
    auto* writing = new QGroupBox(tr("Writing"), this);
    auto* writingForm = new QFormLayout(writing);
    writingForm->addRow(tr("&Spelling:"), m_spelling);
    writingForm->addRow(tr("&Ping after public posts:"), m_ping);
    return writing;
}

QGroupBox* PreferencesDialog::networkGroup()
{
    m_proxy = new QLineEdit(m_services.proxy(), this);
    m_proxy->setObjectName(QStringLiteral("proxy"));
    m_proxy->setPlaceholderText(tr("the system's settings"));
    m_proxy->setToolTip(tr("http://host:port or socks5://host:port (with user:password@ when the proxy "
                           "asks). An account that names a proxy of its own (Accounts) keeps it."));
    auto* network = new QGroupBox(tr("Network"), this);
    auto* networkForm = new QFormLayout(network);
    networkForm->addRow(tr("Pro&xy:"), m_proxy);
    return network;
}

QGroupBox* PreferencesDialog::languageGroup()
{
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("interfaceLanguage"));
    // Following the system, Inkwell speaks its language, or English when it has no translation.
    const QString systemLanguage = QLocale::system().name().section(u'_', 0, 0);
    m_language->addItem(
        tr("The system's (%1)")
            .arg(InterfaceLanguage::displayName(InterfaceLanguage::available().contains(systemLanguage)
                                                    ? systemLanguage
                                                    : QStringLiteral("en"))),
        QString());
    for (const QString& code : InterfaceLanguage::available())
        m_language->addItem(InterfaceLanguage::displayName(code), code);
    const QString chosen = m_settings.interfaceLanguage();
    m_language->setCurrentIndex(std::max(0, m_language->findData(chosen)));
    m_languageNote = new QLabel(tr("Inkwell speaks the new language from its next start."), this);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    m_languageNote->hide();
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this, chosen] { m_languageNote->setVisible(m_language->currentData().toString() != chosen); });
    auto* group = new QGroupBox(tr("Language"), this);
    auto* languageForm = new QFormLayout(group);
    languageForm->addRow(tr("&Interface:"), m_language);
    languageForm->addRow(m_languageNote);
    return group;
}

void PreferencesDialog::setTrayAvailable(bool available)
{
    m_closeToTray->setEnabled(available);
    m_closeToTray->setToolTip(available ? QString() : tr("This desktop shows no tray icons."));
    if (!available)
        m_closeToTray->setChecked(false);
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
    if (!m_services.setProxy(m_proxy->text())) {
        m_error->setText(tr("The proxy must look like http://host:port or socks5://host:port, or be empty "
                            "for the system's settings."));
        m_error->show();
        m_proxy->setFocus();
        return false;
    }
    m_error->hide();
    m_services.setSyncInterval(std::chrono::minutes(m_interval->currentData().toInt()));
    m_services.setWatchesNewPosts(m_newPosts->isChecked());
    if (ping != m_services.pingServer())
        m_services.setPingServer(pingText.isEmpty() ? QUrl() : ping);
    if (m_closeToTray->isEnabled())
        m_settings.setClosesToTray(m_closeToTray->isChecked());
    m_settings.setStartsMinimised(m_startMinimised->isChecked());
    m_settings.setLoadsRemoteImages(m_remoteImages->isChecked());
    if (m_spelling->currentIndex() != m_initialSpelling) // else new editors keep choosing by themselves
        m_settings.setSpellingLanguage(m_spelling->currentData().toString());
    m_settings.setInterfaceLanguage(m_language->currentData().toString());
    return true;
}

void PreferencesDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace Inkwell
