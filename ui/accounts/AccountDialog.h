#pragma once

#include "journal/Account.h"
#include "journal/LoginInfo.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Inkwell {

class Database;
class LoginService;
class PasswordStore;

// Adds or edits one account: server (Dreamwidth, LiveJournal or a custom address), user, password
// (on Dreamwidth: an API key, REFERENCE.md 2.3), interface and authentication method; "Test login"
// tries it against the server. OK saves the account in the profile and the password in the
// password store, never anywhere else. Opened with open(), not exec(): nothing here blocks.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Preset { Dreamwidth, LiveJournal, Custom };

    // An empty dialog for a new account. `passwords` should be the application's
    // SessionFallbackPasswordStore, so that without a keychain the password lasts for the session;
    // `logins` runs "Test Login" (the profile's).
    AccountDialog(Database& database, PasswordStore& passwords, LoginService& logins,
                  QWidget* parent = nullptr);
    ~AccountDialog() override;

    // Turns the dialog into editing `account`, an account of the profile. The password field stays
    // empty: leaving it so keeps the stored password.
    void setAccount(const Account& account);
    bool isEditing() const { return !m_originalName.isEmpty(); }

    // The account as the form describes it now.
    Account account() const;

    static QUrl presetUrl(Preset preset);

signals:
    // The account was saved under `name` (the dialog then closes with accept()).
    void saved(const QString& name);

private:
    void buildForm();
    void presetChanged();
    void updatePasswordHelp();
    void updateExposureWarning();
    // The Blogger API takes only clear authentication and carries less: said beside the choice.
    void interfaceChanged();
    void probeKeychain(const QString& key);
    void testLogin();
    void loginFinished(bool ok, const QString& text);
    void tested(const LoginInfo& info, Flavor flavor);
    void save();
    // Tries a typed password before it is kept; saves unless the server refused it.
    void checkThenSave(const Account& account, const QString& typed);
    QString typedUrl() const;
    void storePassword(const Account& old, const Account& stored);
    void forgetPassword(const QString& key, const QString& exceptName);
    void finishSave(const Account& stored, const QString& problem);
    void showError(const QString& text);
    QString problem() const; // empty when the form can be saved
    Preset currentPreset() const;
    bool isDreamwidth() const;

    Database& m_database;
    PasswordStore& m_passwords;
    LoginService& m_logins;

    QString m_originalName; // empty when adding
    Account m_original;
    // What the last successful test login returned, for the login it was made with.
    std::optional<std::pair<QString, LoginInfo>> m_testedLogin;
    QString m_testedPassword; // the password m_testedLogin was tried with
    // The typed password was refused at OK and the user may keep it anyway (Save Anyway).
    bool m_saveUnchecked = false;
    Flavor m_learntFlavor = Flavor::Unknown;
    bool m_sessionOnly = false;

    QLineEdit* m_name = nullptr;
    QComboBox* m_preset = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_username = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_passwordHelp = nullptr;
    QLabel* m_keychainNotice = nullptr;
    QLabel* m_exposureWarning = nullptr; // clear or hpassword over plain http
    QLabel* m_interfaceNote = nullptr;   // what the Blogger API cannot do
    QComboBox* m_interface = nullptr;
    QComboBox* m_authMethod = nullptr;
    QLineEdit* m_proxy = nullptr;
    QPushButton* m_testLogin = nullptr;
    QLabel* m_loginResult = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace Inkwell
