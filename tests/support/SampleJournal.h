#pragma once

// A profile database with one account ("dw", user alice) and her journal, filled through core's
// own API: what the UI tests, the screenshots (ui_seed) and the browse benchmark read.

#include "account/AccountStore.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QStringList>

#include <memory>

namespace Inkwell::Sample {

inline JournalEntry entry(qint64 itemid, const QString& eventtime, const QString& subject,
                          const QString& body, Security security = Security::Public, quint64 allowmask = 0)
{
    JournalEntry e;
    e.itemid = itemid;
    e.anum = int(itemid % 256);
    e.url = QStringLiteral("https://alice.dreamwidth.org/%1.html").arg(itemid * 256 + e.anum);
    e.eventtime = eventtime;
    e.logtime = eventtime;
    e.subject = subject;
    e.body = body;
    e.security = security;
    e.allowmask = allowmask;
    return e;
}

// Opens (creates) the database at `path` with the account and returns alice's journal id (0 on
// failure, with `error` set).
inline qint64 prepare(Database& db, QString* error, const QString& accountName = QStringLiteral("dw"),
                      const QString& user = QStringLiteral("alice"))
{
    if (!db.isOpen() && !db.open()) {
        *error = db.error();
        return 0;
    }
    Account account;
    account.name = accountName;
    account.serverUrl = QUrl(QStringLiteral("https://www.dreamwidth.org"));
    account.username = user;
    AccountStore accounts(db);
    if (!accounts.add(account, error))
        return 0;
    JournalStore store(db.connection());
    const qint64 id = store.journalId(accountName, user);
    if (id == 0)
        *error = store.lastError();
    return id;
}

// `count` varied, realistic entries, one every ~`stepMinutes` going back from `newest`: Unicode
// subjects, subject-less HTML bodies, cuts, user mentions, images, every security, tags, moods.
// Deterministic for a given seed. Written in batches of 1,000 per transaction.
inline bool fill(Database& db, qint64 journalId, int count, const QDateTime& newest, int stepMinutes = 600,
                 quint32 seed = 42, QString* error = nullptr)
{
    static const QStringList subjects{
        QStringLiteral("Morning pages"),
        QStringLiteral("Первый снег ❄"),
        QStringLiteral("Notes from the train to Kraków"),
        QStringLiteral("雨の日の散歩"),
        QStringLiteral("On re-reading Middlemarch, again — and why it still matters after all these years "
                       "of reading it every single winter"),
        QStringLiteral("Recipe: lemon & thyme risotto"),
        QStringLiteral("😀 Good news!"),
        QStringLiteral("Weekly reading list"),
        QString(), // subject-less entries: the body's start is the line
        QString(),
        QStringLiteral("Garden log: tomatoes"),
        QStringLiteral("Ça va, ça vient"),
    };
    static const QStringList bodies{
        QStringLiteral("Woke early. The light through the kitchen window was <i>exactly</i> the colour of "
                       "weak tea.\nWrote three pages before the kettle boiled."),
        QStringLiteral("<p>Went for a long walk with <lj user=\"bob\"> along the river. We talked about "
                       "everything &amp; nothing.</p><p>Later: soup.</p>"),
        QStringLiteral("Short one today.<lj-cut text=\"The long part\">Behind the cut there is a much longer "
                       "story about the plumber, the neighbour's cat and a missing key.</lj-cut>"),
        QStringLiteral("<b>Books this week:</b><ul><li>Middlemarch</li><li>Трудно быть богом</li>"
                       "<li>The Left Hand of Darkness</li></ul>"),
        QStringLiteral("Photo from the hike: <img src=\"https://pics.example.com/hike.jpg\" width=\"320\"> "
                       "— more on the photo site."),
        QStringLiteral("Just a line of thought that did not need a subject, written quickly on the bus "
                       "between two stops, with a link to <a href=\"https://example.org/essay\">an essay"
                       "</a> I liked."),
        QStringLiteral("Привет всем! Сегодня был длинный день, но хороший. Завтра — снова в дорогу."),
        QStringLiteral("<blockquote>Not all those who wander are lost.</blockquote>Still true on Mondays."),
    };
    static const QStringList tagPool{QStringLiteral("books"),    QStringLiteral("garden"),
                                     QStringLiteral("travel"),   QStringLiteral("food"),
                                     QStringLiteral("family"),   QStringLiteral("music"),
                                     QStringLiteral("work"),     QStringLiteral("weather"),
                                     QStringLiteral("écriture"), QStringLiteral("photos")};
    static const QStringList moods{QStringLiteral("cheerful"), QStringLiteral("tired"),
                                   QStringLiteral("calm"), QStringLiteral("contemplative"), QString()};
    QRandomGenerator random(seed);
    JournalStore store(db.connection());
    QDateTime when = newest;
    QList<JournalEntry> batch;
    for (int i = 0; i < count; ++i) {
        const qint64 itemid = count - i;
        const int pick = int(random.bounded(quint32(subjects.size())));
        QString body = bodies.at(int(random.bounded(quint32(bodies.size()))));
        if (random.bounded(4u) == 0)
            body += QStringLiteral("\n\n") + bodies.at(int(random.bounded(quint32(bodies.size()))));
        Security security = Security::Public;
        quint64 mask = 0;
        switch (random.bounded(10u)) {
        case 0:
        case 1:
            security = Security::Private;
            break;
        case 2:
        case 3:
            security = Security::UseMask;
            mask = 1;
            break;
        case 4:
            security = Security::UseMask;
            mask = (quint64(1) << 3) | (quint64(1) << 5);
            break;
        default:
            break;
        }
        JournalEntry e = entry(itemid, when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                               subjects.at(pick), body, security, mask);
        QStringList tags;
        for (int t = int(random.bounded(3u)); t > 0; --t)
            tags.append(tagPool.at(int(random.bounded(quint32(tagPool.size())))));
        tags.removeDuplicates();
        if (!tags.isEmpty())
            e.setTags(tags);
        const QString mood = moods.at(int(random.bounded(quint32(moods.size()))));
        if (!mood.isEmpty())
            e.props.insert(QStringLiteral("current_mood"), mood);
        batch.append(e);
        when = when.addSecs(-60 * qint64(stepMinutes / 2 + int(random.bounded(quint32(stepMinutes)))));
        if (batch.size() == 1000 || i == count - 1) {
            Transaction transaction(store.connection());
            if (!store.upsertEntries(journalId, batch) || !transaction.commit()) {
                if (error)
                    *error = transaction.error().isEmpty() ? store.lastError() : transaction.error();
                return false;
            }
            batch.clear();
        }
    }
    return true;
}

} // namespace Inkwell::Sample
