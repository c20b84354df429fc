#pragma once

#include <QList>
#include <QStringList>

namespace Inkwell {

// One step of the journal database's schema history. Steps are applied in order, each in its own
// transaction together with the new `PRAGMA user_version`, so a crash leaves either the old or the
// new schema. Never edit a released step: add a new one.
struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration>& journalMigrations();
int latestJournalSchemaVersion();

} // namespace Inkwell
