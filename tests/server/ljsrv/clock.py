"""The server clock.

Every server-side time (entry logtime, syncitems times, revtime, challenge timestamps and expiry, the
406 loop detector, failed-login windows, session expiry, checkforupdates) is read from one Clock so
that tests can drive time: freeze it, set it, advance it (README "Clock"). Times are UTC; the
protocol's server times are naive ``YYYY-MM-DD HH:MM:SS`` strings in that zone (REFERENCE §4.5).
"""

import calendar
import re
import threading
import time

_DATETIME_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)$")


def parse_datetime(text):
    """'YYYY-MM-DD HH:MM:SS' (UTC) -> unix seconds; ValueError if malformed."""
    m = _DATETIME_RE.match(text.strip())
    if not m:
        raise ValueError("expected 'YYYY-MM-DD HH:MM:SS', got %r" % text)
    y, mo, d, h, mi, s = (int(x) for x in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31 and h < 24 and mi < 60 and s < 61):
        raise ValueError("date out of range: %r" % text)
    return calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0))


def format_datetime(unix):
    """unix seconds -> 'YYYY-MM-DD HH:MM:SS' (UTC)."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(int(unix)))


class Clock:
    """A settable clock. Real time by default; ``freeze``/``set``/``advance`` make it virtual.

    Internally: virtual = base_virtual + (real - base_real) while running, base_virtual while frozen.
    """

    def __init__(self, start=None, frozen=None):
        self._lock = threading.Lock()
        self._base_real = time.time()
        self._base_virtual = self._base_real if start is None else float(start)
        # A start time given on the command line freezes the clock (README: "frozen unless advanced").
        self._frozen = (start is not None) if frozen is None else frozen
        self._is_real = start is None

    def now_float(self):
        with self._lock:
            return self._now_locked()

    def _now_locked(self):
        if self._frozen:
            return self._base_virtual
        return self._base_virtual + (time.time() - self._base_real)

    def now(self):
        """Current server time in whole unix seconds (what the protocol uses)."""
        return int(self.now_float())

    def now_str(self):
        return format_datetime(self.now())

    def set(self, unix):
        with self._lock:
            self._base_virtual = float(unix)
            self._base_real = time.time()
            self._is_real = False

    def advance(self, seconds):
        with self._lock:
            self._base_virtual = self._now_locked() + float(seconds)
            self._base_real = time.time()
            self._is_real = False

    def freeze(self, frozen):
        with self._lock:
            current = self._now_locked()
            self._base_virtual = current
            self._base_real = time.time()
            self._frozen = bool(frozen)

    def real(self):
        with self._lock:
            self._base_real = time.time()
            self._base_virtual = self._base_real
            self._frozen = False
            self._is_real = True

    def describe(self):
        with self._lock:
            now = self._now_locked()
            return {"now": format_datetime(now), "unix": int(now), "frozen": self._frozen,
                    "real": self._is_real}
