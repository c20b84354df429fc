"""Application state shared by all requests: configuration, clock, database, auth state, request
statistics and the fault queue. One re-entrant lock serialises protocol processing (one writer)."""

import collections
import random
import threading

from .auth import AuthState
from .clock import Clock
from .db import Database
from .faults import FaultQueue
from .fuzz import Fuzzer


class Config:
    def __init__(self, flavor="lj", db_path=":memory:", users=(), communities=(), seed=None,
                 preset=None, clock=None, site_url=None, paid=(), duplicate_check=True, fuzz=None):
        self.flavor = flavor
        self.db_path = db_path
        self.users = list(users)              # [(name, password, [apikeys] or None)]
        self.communities = list(communities)  # [(name, maintainer)]
        self.seed = seed                      # None, "demo" or an int
        self.preset = preset                  # None or "dw-transcripts"
        self.clock = clock                    # None or unix seconds (frozen start)
        self.site_url = site_url              # None: http://127.0.0.1:<port>
        self.paid = list(paid)
        self.duplicate_check = duplicate_check  # False: --no-duplicate-check
        self.fuzz = fuzz                      # None or the fuzzing settings of --fuzz (fuzz.Fuzzer.configure)


class App:
    def __init__(self, config):
        self.config = config
        self.flavor = config.flavor
        self.clock = Clock(config.clock)
        self.db = Database(config.db_path)
        self.lock = threading.RLock()
        self.faults = FaultQueue()
        self.fuzzer = Fuzzer()
        if config.fuzz is not None:
            self.fuzzer.configure(config.fuzz)
        self.site_url = config.site_url or "http://127.0.0.1"
        self.rng = random.Random()
        self.reset_runtime_state()

    def reset_runtime_state(self):
        """Forget everything that lives outside the database (challenges, lockouts, the 406 loop
        history, checkforupdates caches, statistics)."""
        self.auth = AuthState()
        self.loop_history = {}            # userid -> {unix second: lastsync}
        self.update_cache = {}            # (userid, filter id) -> (lastupdate, expires)
        self.reset_stats()
        self.request_log = collections.deque(maxlen=500)
        self.request_seq = 0
        self.arrivals = {}                # (mode, user, usejournal, itemid, subject, event_md5) -> record
        self.pings = []                   # weblogUpdates.ping calls received on /RPC2
        self.duplicate_check = self.config.duplicate_check

    def reset_stats(self):
        self.stats_modes = collections.Counter()
        self.stats_interfaces = collections.Counter({"flat": 0, "xmlrpc": 0})
        self.stats_total = 0

    def count_request(self, interface, mode):
        with self.lock:
            self.stats_modes[mode or ""] += 1
            self.stats_interfaces[interface] += 1
            self.stats_total += 1
            self.request_seq += 1
            return self.request_seq

    def stats(self):
        with self.lock:
            return {"modes": dict(self.stats_modes), "interfaces": dict(self.stats_interfaces),
                    "total": self.stats_total}

    def record_arrival(self, mode, user, summary, request):
        """Count a postevent/editevent as it arrives (README "Control API", arrivals): requests with
        the same user, journal, itemid, subject and event digest are one record. Unbounded, unlike the
        request log. ``request`` is the small dict kept per arrival (its "result" is filled in later)."""
        key = (mode, user, summary.get("usejournal"), summary.get("itemid"), summary.get("subject"),
               summary.get("event_md5"))
        with self.lock:
            record = self.arrivals.get(key)
            if record is None:
                record = dict(summary, mode=mode, user=user, count=0, requests=[])
                self.arrivals[key] = record
            record["count"] += 1
            record["requests"].append(request)

    def entry_url(self, journal, jitemid, anum):
        return "%s/~%s/%d.html" % (self.site_url, journal, jitemid * 256 + anum)


class Context:
    """Per-request data handed to the mode implementations."""

    def __init__(self, app, interface, client_ip="127.0.0.1", headers=None, web=None):
        self.app = app
        self.web = web                    # cookies.WebRequest of the HTTP request, if any
        self.flavor = app.flavor
        self.interface = interface
        self.client_ip = client_ip
        self.headers = headers or {}
        self.now = app.clock.now()
        self.user = None
