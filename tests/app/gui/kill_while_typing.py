#!/usr/bin/env python3
"""Kill the real Inkwell while someone types (SIGKILL, no chance to save), then look at the draft.

The promise (issue #5): a killed program loses at most the last 2 seconds of typing. The test runs
the GUI under its own Xvfb, types into a new entry with xdotool (real X key events), kills the
program at a random moment and reads the draft from the profile database. Everything sent more
than 2 seconds before the kill must be there, in order, plus 0.5 s for the X server to deliver the
keys under load. Then the program starts again on the same profile and the draft is still there.

usage: kill_while_typing.py PATH/TO/inkwell [ROUNDS]
"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

PROMISE_S = 2.0
DELIVERY_SLACK_S = 0.5
WORDS = ("morning tea garden letter river quiet window evening journey autumn city rain book "
         "candle forest dream winter coffee train").split()


def start_xvfb():
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write_end,), stderr=subprocess.DEVNULL)
    os.close(write_end)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read_end, 16)
        if not chunk:
            raise SystemExit("Xvfb did not start")
        number += chunk
    os.close(read_end)
    return xvfb, ":" + number.decode().strip()


def xdotool(env, *args, timeout=60):
    return subprocess.run(["xdotool", *args], env=env, check=True, capture_output=True, text=True,
                          timeout=timeout).stdout


def draft_subjects(database):
    con = sqlite3.connect(database)
    try:
        return [json.loads(row[0]).get("subject", "") for row in con.execute("SELECT entry FROM drafts")]
    finally:
        con.close()


def one_round(inkwell, env, rng, number):
    profile = tempfile.mkdtemp(prefix="inkwell-kill-")
    database = os.path.join(profile, "journal.sqlite")
    app = subprocess.Popen([inkwell, "--profile", profile, "--new-entry"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        window = xdotool(env, "search", "--sync", "--onlyvisible", "--name", "New entry").split()[0]
        xdotool(env, "windowfocus", "--sync", window)
        time.sleep(0.5)
        typed = ""
        sent = []  # (monotonic time when xdotool returned, characters sent so far)
        started = time.monotonic()
        kill_at = started + rng.uniform(3.0, 6.0)
        while time.monotonic() < kill_at:
            word = rng.choice(WORDS) + " "
            xdotool(env, "type", "--delay", "15", word)
            typed += word
            sent.append((time.monotonic(), len(typed)))
        app.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()

    subjects = draft_subjects(database)
    if len(subjects) != 1:
        raise AssertionError("round %d: expected one draft, found %r" % (number, subjects))
    kept = subjects[0]
    due = max((count for when, count in sent if when <= killed - PROMISE_S - DELIVERY_SLACK_S), default=0)
    if not typed.startswith(kept):
        raise AssertionError("round %d: the draft %r is not what was typed (%r)" % (number, kept, typed))
    if len(kept) < due:
        raise AssertionError("round %d: the draft has %d of the %d characters typed more than %.1f s "
                             "before the kill (%d typed in all)" % (number, len(kept), due,
                                                                    PROMISE_S + DELIVERY_SLACK_S, len(typed)))

    # The next start opens the profile (the killed program's WAL included) and keeps the draft.
    again = subprocess.Popen([inkwell, "--profile", profile], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        xdotool(env, "search", "--sync", "--onlyvisible", "--name", "Inkwell")
    finally:
        again.terminate()
        again.wait(timeout=30)
    if draft_subjects(database) != [kept]:
        raise AssertionError("round %d: the draft changed after a restart" % number)
    print("round %d: kept %d of %d characters (%d were due)" % (number, len(kept), len(typed), due))


def main():
    inkwell = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    xvfb, display = start_xvfb()
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
               # No keychain here: Inkwell says so and keeps passwords in memory.
               DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent", XDG_RUNTIME_DIR=tempfile.mkdtemp())
    env.pop("WAYLAND_DISPLAY", None)
    rng = random.Random(int(os.environ.get("INKWELL_TEST_SEED", time.time())))
    try:
        for number in range(1, rounds + 1):
            one_round(inkwell, env, rng, number)
    finally:
        xvfb.terminate()
        xvfb.wait()


if __name__ == "__main__":
    main()
