#include "accounts/AccountDialog.h"

#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "account/LoginRunner.h"
#include "account/LoginService.h"
#include "account/PasswordStore.h"
#include "account/SessionFallbackPasswordStore.h"
#include "common/ProblemText.h"
#include "journal/BloggerContent.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Inkwell {

namespace {

QLabel* noteLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    return label;
}

// Where Dreamwidth users make API keys: "Account settings -> API keys" (transcripts README).
QUrl apiKeysPage(const QUrl& server)
{
    QUrl url = normalizedServerUrl(server);
    if (!url.isValid() || url.host().isEmpty())
        url = QUrl(QStringLiteral("https://www.dreamwidth.org"));
    url.setPath(url.path() + QStringLiteral("/manage/"));
    return url;
}

} // namespace

AccountDialog::AccountDialog(Database& database, PasswordStore& passwords, LoginService& logins,
                             QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_passwords(passwords)
    , m_logins(logins)
{
    setWindowTitle(tr("Add Account"));
    buildForm();
    presetChanged();
    probeKeychain(QStringLiteral("inkwell-probe"));
}

AccountDialog::~AccountDialog() = default;

QUrl AccountDialog::presetUrl(Preset preset)
{
    switch (preset) {
    case Preset::Dreamwidth:
        return QUrl(QStringLiteral("https://www.dreamwidth.org"));
    case Preset::LiveJournal:
        return QUrl(QStringLiteral("https://www.livejournal.com"));
    case Preset::Custom:
        break;
    }
    return {};
}

void AccountDialog::buildForm()
{
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("Defaults to the user name"));

    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("preset"));
    m_preset->addItem(tr("Dreamwidth"), int(Preset::Dreamwidth));
    m_preset->addItem(tr("LiveJournal"), int(Preset::LiveJournal));
    m_preset->addItem(tr("Custom URL"), int(Preset::Custom));
    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setAccessibleName(tr("Server address"));
    m_url->setPlaceholderText(QStringLiteral("https://journal.example.org"));
    auto* server = new QHBoxLayout;
    server->addWidget(m_preset);
    server->addWidget(m_url, 1);

    m_username = new QLineEdit;
    m_username->setObjectName(QStringLiteral("username"));

    m_passwordLabel = new QLabel;
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordLabel->setBuddy(m_password);
    m_passwordHelp = noteLabel(QStringLiteral("passwordHelp"));
    m_keychainNotice = noteLabel(QStringLiteral("keychainNotice"));
    m_exposureWarning = noteLabel(QStringLiteral("exposureWarning"));
    m_exposureWarning->hide();
    m_keychainNotice->setText(sessionOnlyNotice());
    m_keychainNotice->setVisible(false);

    m_interface = new QComboBox;
    m_interface->setObjectName(QStringLiteral("interface"));
    m_interface->addItem(tr("Flat"), toString(Interface::Flat));
    m_interface->addItem(tr("XML-RPC"), toString(Interface::XmlRpc));
    m_interface->addItem(tr("Blogger API (WordPress and other blogs)"), toString(Interface::Blogger));
    m_interfaceNote = noteLabel(QStringLiteral("interfaceNote"));
    m_interfaceNote->setText(
        tr("The Blogger API carries the subject, the text, the mood and the music, and lists the newest "
           "%1 posts: no security, tags, userpics or friends. For a WordPress blog, give the address of "
           "its xmlrpc.php as the server.")
            .arg(bloggerRecentPosts));
    m_interfaceNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_interfaceNote->hide();

    m_authMethod = new QComboBox;
    m_authMethod->setObjectName(QStringLiteral("authMethod"));
    m_authMethod->addItem(tr("Challenge/response (recommended)"), toString(AuthMethod::Challenge));
    m_authMethod->addItem(tr("Session cookie"), toString(AuthMethod::Cookie));
    m_authMethod->addItem(tr("Hashed password (hpassword)"), toString(AuthMethod::HPassword));
    m_authMethod->addItem(tr("Clear text (sends the password as is)"), toString(AuthMethod::Clear));

    m_testLogin = new QPushButton(tr("Test Login"));
    m_testLogin->setObjectName(QStringLiteral("testLogin"));
    m_testLogin->setAutoDefault(false);
    m_loginResult = noteLabel(QStringLiteral("loginResult"));
    m_loginResult->setTextFormat(Qt::PlainText);
    auto* test = new QHBoxLayout;
    test->addWidget(m_testLogin, 0, Qt::AlignTop);
    test->addWidget(m_loginResult, 1);

    m_error = noteLabel(QStringLiteral("error"));
    m_error->setTextFormat(Qt::PlainText);
    showAsProblem(m_error, true);
    m_error->setVisible(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->setObjectName(QStringLiteral("buttons"));

    // The notes go in the password's own row: empty extra rows would still take up space.
    auto* password = new QVBoxLayout;
    password->addWidget(m_password);
    password->addWidget(m_passwordHelp);
    password->addWidget(m_keychainNotice);

    auto* serverLabel = new QLabel(tr("&Server:"));
    serverLabel->setBuddy(m_preset);
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(serverLabel, server);
    form->addRow(tr("&User name:"), m_username);
    form->addRow(m_passwordLabel, password);
    form->addRow(tr("&Interface:"), m_interface);
    form->addRow(QString(), m_interfaceNote);
    form->addRow(tr("&Authentication:"), m_authMethod);
    form->addRow(QString(), m_exposureWarning);
    m_proxy = new QLineEdit;
    m_proxy->setObjectName(QStringLiteral("proxy"));
    m_proxy->setPlaceholderText(tr("the system's settings"));
    m_proxy->setToolTip(tr("http://host:port or socks5://host:port, for this account only"));
    form->addRow(tr("Pro&xy:"), m_proxy);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(test);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &AccountDialog::presetChanged);
    connect(m_url, &QLineEdit::textChanged, this, &AccountDialog::updatePasswordHelp);
    connect(m_url, &QLineEdit::textChanged, this, &AccountDialog::updateExposureWarning);
    connect(m_authMethod, &QComboBox::currentIndexChanged, this, &AccountDialog::updateExposureWarning);
    connect(m_interface, &QComboBox::currentIndexChanged, this, &AccountDialog::interfaceChanged);
    connect(m_testLogin, &QPushButton::clicked, this, &AccountDialog::testLogin);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountDialog::save);
    // A login refused at OK is checked again once the user changed it.
    const QString okText = m_buttons->button(QDialogButtonBox::Ok)->text();
    for (QLineEdit* edit : {m_password, m_username, m_url}) {
        connect(edit, &QLineEdit::textEdited, this, [this, okText] {
            m_saveUnchecked = false;
            m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
        });
    }
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);
}

AccountDialog::Preset AccountDialog::currentPreset() const
{
    return Preset(m_preset->currentData().toInt());
}

void AccountDialog::presetChanged()
{
    const Preset preset = currentPreset();
    const bool custom = preset == Preset::Custom;
    if (!custom)
        m_url->setText(presetUrl(preset).toString());
    else if (m_url->text() == presetUrl(Preset::Dreamwidth).toString() ||
             m_url->text() == presetUrl(Preset::LiveJournal).toString())
        m_url->clear();
    m_url->setReadOnly(!custom);
    if (custom)
        m_url->setFocus();
    updatePasswordHelp();
}

bool AccountDialog::isDreamwidth() const
{
    const Account current = account();
    return currentPreset() == Preset::Dreamwidth || looksLikeDreamwidth(current);
}

void AccountDialog::updatePasswordHelp()
{
    const bool editing = isEditing();
    const bool dreamwidth = isDreamwidth();
    if (dreamwidth) {
        m_passwordLabel->setText(tr("API &key:"));
        m_password->setPlaceholderText(editing ? tr("Leave empty to keep the stored API key") : QString());
        m_passwordHelp->setText(
            tr("Dreamwidth accepts an <b>API key</b> here, not your account password. Make one on "
               "Dreamwidth under Account settings → <a href=\"%1\">API keys</a>, and paste it here.")
                .arg(apiKeysPage(account().serverUrl).toString().toHtmlEscaped()));
    } else {
        m_passwordLabel->setText(tr("&Password:"));
        m_password->setPlaceholderText(editing ? tr("Leave empty to keep the stored password") : QString());
        m_passwordHelp->setText(tr("Kept in your system's keychain, never in Inkwell's files."));
    }
    // Without a keychain the notice below says where the password goes instead.
    m_passwordHelp->setVisible(dreamwidth || !m_sessionOnly);
    m_keychainNotice->setVisible(m_sessionOnly);
}

void AccountDialog::updateExposureWarning()
{
    // Said while the choice is made, as `inkwell-cli account add` says it: saving is still allowed
    // (a server may offer nothing else), but not without the user knowing.
    const QString warning = account().passwordExposureWarning();
    m_exposureWarning->setText(warning.isEmpty() ? QString()
                                                 : QStringLiteral("⚠ ") + warning.toHtmlEscaped());
    m_exposureWarning->setVisible(!warning.isEmpty());
}

void AccountDialog::interfaceChanged()
{
    const bool blogger = account().interface == Interface::Blogger;
    if (blogger)
        m_authMethod->setCurrentIndex(m_authMethod->findData(toString(AuthMethod::Clear)));
    else if (!m_authMethod->isEnabled()) // it was Blogger's: back to the default
        m_authMethod->setCurrentIndex(m_authMethod->findData(toString(AuthMethod::Challenge)));
    m_authMethod->setEnabled(!blogger);
    m_authMethod->setToolTip(blogger ? tr("The Blogger API sends the password itself with every request.")
                                     : QString());
    if (blogger != m_interfaceNote->isVisibleTo(this) && isVisible()) {
        // Room for the note, which the shown dialog would otherwise squeeze (a word-wrapped label's
        // height is known only for a width: the field's).
        const int note = m_interfaceNote->heightForWidth(m_interface->width()) +
                         style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing);
        resize(width(), height() + (blogger ? note : -note));
    }
    m_interfaceNote->setVisible(blogger);
    updateExposureWarning();
}

void AccountDialog::probeKeychain(const QString& key)
{
    // Asking for a key tells whether there is a keychain at all (TOOLCHAIN.md: error 7 at once).
    m_passwords.readPassword(key, this, [this](const PasswordResult& result) {
        m_sessionOnly = result.sessionOnly || result.status == PasswordStatus::Unavailable;
        updatePasswordHelp();
    });
}

void AccountDialog::setAccount(const Account& account)
{
    setWindowTitle(tr("Edit Account"));
    m_originalName = account.name;
    m_original = account;
    m_learntFlavor = account.flavor;
    m_name->setText(account.name);
    const QUrl url = normalizedServerUrl(account.serverUrl);
    Preset preset = Preset::Custom;
    if (url == presetUrl(Preset::Dreamwidth))
        preset = Preset::Dreamwidth;
    else if (url == presetUrl(Preset::LiveJournal))
        preset = Preset::LiveJournal;
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
    m_url->setText(url.toString());
    m_username->setText(account.username);
    m_interface->setCurrentIndex(m_interface->findData(toString(account.interface)));
    m_authMethod->setCurrentIndex(m_authMethod->findData(toString(account.authMethod)));
    m_proxy->setText(account.proxy);
    updatePasswordHelp();
}

Account AccountDialog::account() const
{
    Account account;
    account.username = m_username->text().trimmed();
    account.name = m_name->text().trimmed();
    if (account.name.isEmpty())
        account.name = canonicalUsername(account.username);
    account.serverUrl = normalizedServerUrl(QUrl(typedUrl(), QUrl::StrictMode));
    account.interface = interfaceFromString(m_interface->currentData().toString()).value_or(Interface::Flat);
    account.authMethod =
        authMethodFromString(m_authMethod->currentData().toString()).value_or(AuthMethod::Challenge);
    account.proxy = m_proxy->text().trimmed();
    switch (currentPreset()) {
    case Preset::Dreamwidth:
        account.flavor = Flavor::Dreamwidth;
        break;
    case Preset::LiveJournal:
        account.flavor = Flavor::LiveJournal;
        break;
    case Preset::Custom:
        // What the server showed at a test login, or what was known of this very server.
        if (m_testedLogin && m_testedLogin->first == account.passwordKey())
            account.flavor = m_learntFlavor;
        else if (normalizedServerUrl(m_original.serverUrl) == account.serverUrl)
            account.flavor = m_original.flavor;
        break;
    }
    return account;
}

QString AccountDialog::typedUrl() const
{
    // "www.dreamwidth.org" means the site, over https.
    QString text = m_url->text().trimmed();
    if (!text.isEmpty() && !text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    return text;
}

QString AccountDialog::problem() const
{
    // Checked before the account's own rules, which would first miss the name made from it.
    if (m_username->text().trimmed().isEmpty())
        return tr("Enter the user name.");
    const QUrl url(typedUrl(), QUrl::StrictMode);
    if (m_url->text().trimmed().isEmpty())
        return tr("Enter the server's address, for example https://www.dreamwidth.org.");
    if (!url.isValid() || url.host().isEmpty())
        return tr("\"%1\" is not a web address Inkwell can use. Write the server's address as in the "
                  "browser, for example https://www.dreamwidth.org.")
            .arg(m_url->text().trimmed());
    return account().validationError();
}

void AccountDialog::testLogin()
{
    const Account current = account();
    if (const QString problem = this->problem(); !problem.isEmpty()) {
        showError(problem);
        return;
    }
    m_error->setVisible(false);
    m_testLogin->setEnabled(false);
    m_loginResult->setStyleSheet(QString());
    m_loginResult->setText(tr("Logging in to %1…").arg(current.serverUrl.host()));
    // A test login should answer now; a sync retries, the user can press the button again.
    LoginService::Request request{current, std::nullopt, false};
    if (!m_password->text().isEmpty()) {
        request.typed = m_password->text();
    } else if (!isEditing() || current.passwordKey() != m_original.passwordKey()) {
        loginFinished(false,
                      isDreamwidth() ? tr("Enter the API key first.") : tr("Enter the password first."));
        return;
    } // else with the stored password
    m_logins.logIn(this, request, [this, typed = request.typed](const LoginService::Outcome& outcome) {
        loginFinished(outcome.ok, outcome.text);
        if (outcome.ok) {
            tested(outcome.info, outcome.flavor);
            m_testedPassword = typed.value_or(QString());
        }
    });
}

void AccountDialog::checkThenSave(const Account& account, const QString& typed)
{
    m_buttons->setEnabled(false);
    m_testLogin->setEnabled(false);
    m_loginResult->setStyleSheet(QString());
    m_loginResult->setText(tr("Checking the login with %1…").arg(account.serverUrl.host()));
    m_logins.logIn(this, {account, typed, false}, [this, typed](const LoginService::Outcome& outcome) {
        m_buttons->setEnabled(true);
        loginFinished(outcome.ok, outcome.text);
        if (outcome.ok) {
            tested(outcome.info, outcome.flavor);
            m_testedPassword = typed;
        } else if (outcome.waitsForUser) {
            // Refused: saved silently it would only show as a failed sync later.
            m_saveUnchecked = true;
            m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save Anyway"));
            showError(tr("The server did not accept this login (below). Correct it, or press Save Anyway to "
                         "keep it as it is."));
            return;
        }
        // Accepted, or the server could not be asked (offline): kept; the first sync tells the rest.
        m_saveUnchecked = true;
        save();
    });
}

void AccountDialog::loginFinished(bool ok, const QString& text)
{
    m_testLogin->setEnabled(true);
    m_loginResult->setText(text);
    showAsProblem(m_loginResult, !ok);
}

void AccountDialog::tested(const LoginInfo& info, Flavor flavor)
{
    m_testedLogin = std::pair{account().passwordKey(), info};
    if (flavor != Flavor::Unknown)
        m_learntFlavor = flavor;
    updatePasswordHelp();
}

void AccountDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(true);
}

void AccountDialog::save()
{
    const Account account = this->account();
    if (const QString problem = this->problem(); !problem.isEmpty()) {
        showError(problem);
        return;
    }
    m_error->setVisible(false); // an earlier problem is not this one's
    const QString typed = m_password->text();
    const bool triedAlready =
        m_testedLogin && m_testedLogin->first == account.passwordKey() && m_testedPassword == typed;
    if (!typed.isEmpty() && !triedAlready && !m_saveUnchecked) {
        checkThenSave(account, typed);
        return;
    }
    AccountStore accounts(m_database);
    QString error;
    const bool ok =
        isEditing() ? accounts.update(m_originalName, account, &error) : accounts.add(account, &error);
    if (!ok) {
        showError(error);
        return;
    }
    const Account old = isEditing() ? m_original : account;
    LoginInfoStore logins(m_database);
    if (isEditing() && old.passwordKey() != account.passwordKey())
        logins.forget(account.name); // what another login returned does not belong to this one
    if (m_testedLogin && m_testedLogin->first == account.passwordKey())
        logins.save(account.name, m_testedLogin->second, QDateTime::currentDateTimeUtc(), &error);
    // From here on a second OK (after a password problem) updates what was just saved.
    m_originalName = account.name;
    m_original = account;
    m_buttons->setEnabled(false);
    storePassword(old, account);
}

void AccountDialog::storePassword(const Account& old, const Account& stored)
{
    const QString typed = m_password->text();
    const bool moved = old.passwordKey() != stored.passwordKey();
    if (typed.isEmpty() && !moved) {
        finishSave(stored, {});
        return;
    }
    auto write = [this, old, stored, moved](const QString& password) {
        m_passwords.writePassword(
            stored.passwordKey(), password, this, [this, old, stored, moved](const PasswordResult& result) {
                if (result.status != PasswordStatus::Ok) {
                    finishSave(stored,
                               tr("The account was saved, but its password was not: %1").arg(result.message));
                    return;
                }
                if (moved)
                    forgetPassword(old.passwordKey(), stored.name);
                finishSave(stored, {});
            });
    };
    if (!typed.isEmpty()) {
        write(typed);
        return;
    }
    // The login changed (another server or user) and no password was typed: carry the old one over.
    m_passwords.readPassword(old.passwordKey(), this, [this, stored, write](const PasswordResult& result) {
        if (result.status == PasswordStatus::Ok)
            write(result.password);
        else
            finishSave(stored, {});
    });
}

void AccountDialog::forgetPassword(const QString& key, const QString& exceptName)
{
    // Two accounts of one login share its password (Account::passwordKey()); keep it for the other.
    const QList<Account> all = AccountStore(m_database).accounts();
    for (const Account& other : all) {
        if (other.name != exceptName && other.passwordKey() == key)
            return;
    }
    m_passwords.deletePassword(key, this, [](const PasswordResult&) {});
}

void AccountDialog::finishSave(const Account& stored, const QString& problem)
{
    m_buttons->setEnabled(true);
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    emit saved(stored.name);
    accept();
}

} // namespace Inkwell
