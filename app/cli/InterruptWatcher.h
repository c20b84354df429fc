#pragma once

#include <QObject>

class QSocketNotifier;

namespace Inkwell::Cli {

// Turns SIGINT (Ctrl-C) into a signal delivered by the event loop, so that a command can stop at a
// clean point instead of dying in the middle of a step. A signal handler may do next to nothing, so
// it only writes a byte to a pipe that the event loop watches (the self-pipe trick). One watcher at
// a time; the default disposition comes back when it is destroyed.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject* parent = nullptr);
    ~InterruptWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

signals:
    // `count`: how many interrupts arrived so far (a second one usually means "stop now").
    void interrupted(int count);

private:
    void drain();

    QSocketNotifier* m_notifier = nullptr;
    int m_count = 0;
};

} // namespace Inkwell::Cli
