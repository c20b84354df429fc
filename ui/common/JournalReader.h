#pragma once

#include "store/JournalStore.h"

#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace Inkwell {

class Database;

// A JournalStore on its own read-only connection, for the thread that creates it (the views' reads
// on the GUI thread, a search on a worker); the connection is closed and removed with it.
class JournalReader
{
public:
    explicit JournalReader(const Database& database);
    ~JournalReader();
    JournalReader(const JournalReader&) = delete;
    JournalReader& operator=(const JournalReader&) = delete;

    bool isOpen() const;
    const JournalStore& store() const { return *m_store; }
    // SQLite's data_version: changes whenever another connection (a sync, inkwell-cli) commits.
    int dataVersion() const;

private:
    QString m_name;
    std::optional<JournalStore> m_store;
};

// Tells when another connection changed the mirror, by polling the reader's data_version (a read
// of shared memory, no disk): the views reload when a sync, here or in inkwell-cli, commits.
class MirrorWatcher : public QObject
{
    Q_OBJECT
public:
    MirrorWatcher(const JournalReader& reader, int intervalMs, QObject* parent = nullptr);
    // Checks now.
    void check();

signals:
    void mirrorChanged();

private:
    const JournalReader& m_reader;
    QTimer* m_timer = nullptr;
    int m_version = 0;
};

} // namespace Inkwell
