#include "EntryOptions.h"

#include "CliArguments.h"
#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "journal/BloggerContent.h"
#include "journal/PropNames.h"

#include <QFile>

#include <cstdio>

namespace Inkwell::Cli {

namespace {

const QString bodyFileOption = QStringLiteral("body-file");

} // namespace

EntryOptions::EntryOptions(const CliArguments& arguments, Database& database, QString accountName)
    : m_arguments(arguments)
    , m_database(database)
    , m_account(std::move(accountName))
{}

bool EntryOptions::changesAnything() const
{
    for (const char* option : {"subject", "body-file", "security", "prop", "date", "backdate"}) {
        if (m_arguments.isSet(QLatin1String(option)))
            return true;
    }
    return false;
}

bool EntryOptions::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool EntryOptions::applyTo(JournalEntry& entry)
{
    if (m_arguments.isSet(QStringLiteral("subject")))
        entry.subject = m_arguments.value(QStringLiteral("subject"));
    if (!readBody(entry) || !applyProps(entry) || !applyDate(entry) || !applySecurity(entry))
        return false;
    if (entry.body.trimmed().isEmpty() && entry.subject.trimmed().isEmpty())
        return fail(tr("The entry is empty: give a subject or some text."));
    return fitsInterface(entry);
}

bool EntryOptions::fitsInterface(const JournalEntry& entry)
{
    const std::optional<Account> account = AccountStore(m_database).find(m_account);
    if (!account || account->interface != Interface::Blogger)
        return true;
    // Refused rather than dropped on the way: the user decides what to give up.
    QStringList lost = bloggerCannotCarry(entry);
    if (m_arguments.isSet(QStringLiteral("date")))
        //: Goes into "... it cannot carry %2." with other such things.
        lost.prepend(tr("the date"));
    if (lost.isEmpty())
        return true;
    //: %1 is the account's name, %2 a list of what the entry holds besides that ("the date,
    //: tags, the security").
    return fail(tr("The account '%1' uses the Blogger API, which carries only the subject, the text, the "
                   "mood and the music; it cannot carry %2.")
                    .arg(m_account, lost.join(QStringLiteral(", "))));
}

bool EntryOptions::readBody(JournalEntry& entry)
{
    if (!m_arguments.isSet(bodyFileOption))
        return true;
    const QString bodyFile = m_arguments.value(bodyFileOption);
    const bool fromStdin = bodyFile == QLatin1String("-");
    if (fromStdin && m_arguments.isSet(QStringLiteral("password-stdin")))
        return fail(tr("--body-file - and --password-stdin both want standard input: store the password with "
                       "'inkwell-cli account edit %1 --password-stdin', or give the text in a file.")
                        .arg(m_account));
    QFile file;
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly)
                                  : (file.setFileName(bodyFile), file.open(QIODevice::ReadOnly));
    if (!opened)
        return fail(tr("Cannot read '%1': %2").arg(bodyFile, file.errorString()));
    entry.body = QString::fromUtf8(file.readAll());
    return true;
}

bool EntryOptions::applyProps(JournalEntry& entry)
{
    for (const QString& prop : m_arguments.values(QStringLiteral("prop"))) {
        const qsizetype equals = prop.indexOf(u'=');
        if (equals <= 0 || prop.left(equals).trimmed().isEmpty())
            return fail(tr("--prop takes NAME=VALUE, not '%1'.").arg(prop));
        const QString name = prop.left(equals).trimmed();
        const QString value = prop.mid(equals + 1);
        // An empty value is no prop: the server deletes a prop sent empty (REFERENCE.md 3.4).
        if (value.isEmpty())
            entry.props.remove(name);
        else
            entry.props.insert(name, value);
    }
    if (m_arguments.isSet(QStringLiteral("backdate")))
        entry.props.insert(Props::OptBackdated, QStringLiteral("1"));
    return true;
}

bool EntryOptions::applyDate(JournalEntry& entry)
{
    if (!m_arguments.isSet(QStringLiteral("date")))
        return true;
    const QString text = m_arguments.value(QStringLiteral("date"));
    const QDateTime when = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!when.isValid())
        return fail(tr("--date takes YYYY-MM-DD HH:MM, not '%1'.").arg(text));
    entry.setEventDateTime(when);
    return true;
}

bool EntryOptions::applySecurity(JournalEntry& entry)
{
    if (!m_arguments.isSet(QStringLiteral("security")))
        return true;
    const QString security = m_arguments.value(QStringLiteral("security"));
    entry.allowmask = 0;
    if (security == QLatin1String("public")) {
        entry.security = Security::Public;
    } else if (security == QLatin1String("private")) {
        entry.security = Security::Private;
    } else if (security == QLatin1String("friends")) {
        entry.security = Security::UseMask;
        entry.allowmask = 1; // bit 0: everyone on the access (friends) list
    } else if (security.startsWith(QLatin1String("groups:"))) {
        entry.security = Security::UseMask;
        return resolveGroups(entry, security.mid(7).split(u',', Qt::SkipEmptyParts));
    } else {
        return fail(tr("--security is public, private, friends or groups:G1,G2, not '%1'.").arg(security));
    }
    return true;
}

bool EntryOptions::resolveGroups(JournalEntry& entry, const QStringList& groups)
{
    // Group names as the last login listed them (the GUI's Accounts dialog or 'login' refreshes it).
    const std::optional<StoredLogin> login = LoginInfoStore(m_database).load(m_account);
    for (const QString& wanted : groups) {
        bool found = false;
        for (const FriendGroup& group : login ? login->info.friendGroups : QList<FriendGroup>{}) {
            if (group.name.compare(wanted.trimmed(), Qt::CaseInsensitive) == 0) {
                entry.allowmask |= quint64(1) << group.id;
                found = true;
            }
        }
        if (!found && login)
            return fail(tr("No friend group '%1' is known for '%2'.").arg(wanted.trimmed(), m_account));
        if (!found)
            return fail(tr("No friend group '%1' is known for '%2' (log in once to fetch the groups).")
                            .arg(wanted.trimmed(), m_account));
    }
    return true;
}

} // namespace Inkwell::Cli
