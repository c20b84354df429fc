#include "editor/DraftAutosaver.h"

#include <QTimer>

namespace Inkwell {

DraftAutosaver::DraftAutosaver(DraftStore& store, std::function<Draft()> current, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_current(std::move(current))
    , m_pause(new QTimer(this))
    , m_deadline(new QTimer(this))
{
    m_pause->setSingleShot(true);
    m_deadline->setSingleShot(true);
    setDelays(defaultPauseMs, defaultMaxDelayMs);
    connect(m_pause, &QTimer::timeout, this, &DraftAutosaver::saveNow);
    connect(m_deadline, &QTimer::timeout, this, &DraftAutosaver::saveNow);
}

void DraftAutosaver::setDelays(int pauseMs, int maxDelayMs)
{
    m_pause->setInterval(pauseMs);
    m_deadline->setInterval(maxDelayMs);
}

void DraftAutosaver::noteEdit()
{
    if (!m_dirty) {
        m_dirty = true;
        m_deadline->start(); // not restarted by further typing
    }
    m_pause->start();
}

bool DraftAutosaver::saveNow()
{
    m_pause->stop();
    m_deadline->stop();
    if (!m_dirty)
        return true;
    Draft draft = m_current();
    draft.id = m_draftId;
    if (!m_store.save(draft)) {
        // Stay dirty: the next edit or focus change tries again; the owner tells the user.
        emit failed(tr("The draft could not be saved: %1").arg(m_store.lastError()));
        return false;
    }
    m_draftId = draft.id;
    m_dirty = false;
    m_lastSaved = QDateTime::currentDateTime();
    emit saved(m_draftId);
    return true;
}

} // namespace Inkwell
