#pragma once

#include "store/DraftStore.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QTimer;

namespace Inkwell {

// Saves a draft while the user types: after a short pause, and at the latest `maxDelay` after the
// first unsaved change even if the typing never pauses, so a killed program loses at most that
// much. The owner also calls saveNow() on focus changes and before closing.
class DraftAutosaver : public QObject
{
    Q_OBJECT
public:
    // `current` gives the draft as the editor holds it now; its id is kept in step with the store.
    DraftAutosaver(DraftStore& store, std::function<Draft()> current, QObject* parent = nullptr);

    static constexpr int defaultPauseMs = 700;
    static constexpr int defaultMaxDelayMs = 1500;
    void setDelays(int pauseMs, int maxDelayMs);

    qint64 draftId() const { return m_draftId; }
    void setDraftId(qint64 id) { m_draftId = id; }
    bool hasUnsavedChanges() const { return m_dirty; }
    QDateTime lastSaved() const { return m_lastSaved; }

public slots:
    void noteEdit();
    // Saves if anything changed since the last save. Returns false (and emits failed) on error.
    bool saveNow();

signals:
    void saved(qint64 draftId);
    void failed(const QString& message);

private:
    DraftStore& m_store;
    std::function<Draft()> m_current;
    QTimer* m_pause = nullptr;
    QTimer* m_deadline = nullptr;
    qint64 m_draftId = 0;
    bool m_dirty = false;
    QDateTime m_lastSaved;
};

} // namespace Inkwell
