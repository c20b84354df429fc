"""Which cases a run holds: deterministic from --seed (and from the protocol steps each command makes
on a healthy server, measured first: the calibration).

The short form (CTest) draws a sample that still names every fault kind, every protocol step of every
command, both flavours, both interfaces and every authentication; the long form walks the fault matrix
until the faulted posts reach --posts and kills until the kill points reach --kills."""

import random

from . import content
from .cases import AUTHS, FLAVOURS, INTERFACES, REFUSAL_CODES, TEMPORARY_CODES, Case

WRITE_MODES = ("postevent", "editevent")
SMALL_REPLY_MODES = ("getchallenge", "sessiongenerate", "sessionexpire", "postevent", "editevent", "login")


def fault_kinds(mode, long_form):
    """(kind, params) of every fault that applies to a request of `mode` (tests/server/README.md,
    "Faults"). `trickle` only where replies are small: the CLI has no option for a short deadline,
    and a byte every few milliseconds over a 100-entry getevents reply takes minutes."""
    kinds = [("drop_before", {}), ("drop_after_commit", {}), ("truncate", {}), ("malformed", {}),
             ("damaged", {}), ("http500", {}), ("http502", {}), ("http503", {"seconds": 2}),
             ("proxy_page", {}), ("ratelimit", {}), ("error", {"code": 406}), ("error", {"code": 101}),
             ("delay", {"ms": 1500}), ("stall_headers", {"ms": 1500}), ("huge", {"mb": 3}),
             ("huge_field", {"mb": 3}), ("gzip_bomb", {"mb": 256})]
    kinds += [("error", {"code": c}) for c in TEMPORARY_CODES]
    if mode in SMALL_REPLY_MODES:
        kinds.append(("trickle", {"ms": 4}))
    if mode in WRITE_MODES:
        kinds += [("error", {"code": c}) for c in sorted(REFUSAL_CODES)] + [("no_itemid", {})]
    if mode in ("syncitems", "getevents"):
        kinds += [("bad_time", {}), ("bad_time", {"value": "yesterday"})]
    if mode == "getchallenge":
        kinds += [("bad_challenge", {"variant": v}) for v in ("garbage", "empty", "missing", "scheme")]
    if long_form:
        kinds.append(("huge", {"mb": 70}))  # over the client's 64 MiB cap
    return kinds


def kind_label(kind, params):
    return kind + "".join(":%s=%s" % (k, params[k]) for k in sorted(params))


def named_steps(steps):
    """[(mode, connection)] -> [("mode#n", connection)]: the n-th request of that mode."""
    seen = {}
    out = []
    for mode, connection in steps:
        n = seen.get(mode, 0)
        seen[mode] = n + 1
        out.append(("%s#%d" % (mode, n), connection))
    return out


def thin_steps(steps):
    """A full sync asks getevents a dozen times: the first two and the last stand for them all."""
    by_mode = {}
    for name, connection in steps:
        by_mode.setdefault(name.split("#")[0], []).append((name, connection))
    keep = set()
    for mode, items in by_mode.items():
        for item in (items[:2] + items[-1:]):
            keep.add(item[0])
    return [(n, c) for n, c in steps if n in keep]


class Planner:
    def __init__(self, options, worker, log):
        self.options = options
        self.worker = worker
        self.log = log
        self.rng = random.Random("plan:%s" % options.seed)

    def seed(self):
        return self.rng.randrange(1, 10 ** 6)

    def combo(self):
        return self.rng.choice(FLAVOURS), self.rng.choice(INTERFACES), self.rng.choice(AUTHS)

    def steps(self, flavour, interface, auth, command):
        steps, _ = self.worker.calibrate(flavour, interface, auth, command)
        return thin_steps(named_steps(steps))

    # kills ---------------------------------------------------------------------------------------------

    def kill_cases(self, points, long_form):
        commands = ["sync", "fullsync", "post", "edit", "delete", "outbox", "sync", "fullsync", "outbox", "post"]
        cases = []
        total = 0
        n = 0
        while total < points:
            command = commands[n % len(commands)]
            n += 1
            flavour, interface, auth = self.combo()
            how = self.rng.choice(["delay", "delay", "delay", "stall", "hold"])
            params = {}
            if command in ("post", "edit"):
                params["content"] = self.rng.choice(content.kinds_for(flavour))
            if how == "delay":
                _, seconds = self.worker.calibrate(flavour, interface, auth, command)
                params["ms"] = str(int(self.rng.uniform(0.0, seconds * 1.15 + 0.03) * 1000))
            else:
                steps = self.steps(flavour, interface, auth, command)
                params["step"] = self.rng.choice(steps)[0]
            params["how"] = how
            chain = 0
            if command in ("outbox", "post", "sync", "fullsync") and self.rng.random() < (0.35 if long_form else 0.25):
                chain = self.rng.randrange(1, 4)
                params["chain"] = str(chain)
            cases.append(Case("kill", flavour, interface, auth, command, params, self.seed()))
            total += 1 + chain
        return cases

    # faults ----------------------------------------------------------------------------------------------

    def fault_matrix(self, long_form, commands):
        """Every (command, step, fault) with the flavour, interface and authentication that carry it;
        each row once per authentication (their protocol steps differ: clear and hpassword send the
        post first on a fresh connection, cookie opens and ends a session), and in the long form once
        per flavour and interface too (the short form draws one of them per command and auth)."""
        rows = []
        for command in commands:
            for auth in AUTHS:
                combos = [(f, i) for f in FLAVOURS for i in INTERFACES]
                if not long_form:
                    combos = [self.rng.choice(combos)]
                for flavour, interface in combos:
                    for step, connection in self.steps(flavour, interface, auth, command):
                        mode = step.split("#")[0]
                        for kind, params in fault_kinds(mode, long_form):
                            rows.append((command, flavour, interface, auth, step, connection, kind, params))
        return rows

    def fault_case(self, row):
        command, flavour, interface, auth, step, connection, kind, params = row
        values = {"step": step, "kind": kind}
        values.update({k: str(v) for k, v in params.items()})
        if kind == "drop_after_commit":
            values["conn"] = connection
        if command in ("post", "edit", "conflict", "outbox"):
            values["content"] = self.rng.choice(content.kinds_for(flavour))
        return Case("fault", flavour, interface, auth, command, values, self.seed())

    def fault_cases(self, posts_target, others_per_post, long_form):
        posting = ["post", "outbox"]
        others = ["edit", "delete", "sync", "fullsync", "conflict"]
        rows = self.fault_matrix(long_form, posting + others)
        self.rng.shuffle(rows)
        chosen = []
        covered = set()
        # First a cover: every fault kind on every mode of every command, and on every flavour and
        # interface, at least once; then every step of every command once.
        for row in rows:
            command, flavour, interface, auth, step, connection, kind, params = row
            label = kind_label(kind, params)
            if long_form:
                keys = [(command, step.split("#")[0], label), (label, flavour, interface), (command, auth, step)]
            else:
                keys = [(label,), (command, step.split("#")[0]), (label, step.split("#")[0] in WRITE_MODES)]
            if any(k not in covered for k in keys):
                covered.update(keys)
                chosen.append(row)
        posts = sum(1 if r[0] == "post" else 2 if r[0] == "outbox" else 0 for r in chosen)
        other = len([r for r in chosen if r[0] not in posting])
        taken = set(id(r) for r in chosen)
        for row in rows:
            if posts >= posts_target and other >= posts_target * others_per_post:
                break
            if id(row) in taken:
                continue
            if row[0] in posting and posts < posts_target:
                chosen.append(row)
                posts += 1 if row[0] == "post" else 2
            elif row[0] not in posting and other < posts_target * others_per_post:
                chosen.append(row)
                other += 1
        return [self.fault_case(r) for r in chosen]

    # disk, read-only, damage, spool, fuzz ------------------------------------------------------------------

    def disk_cases(self, count):
        commands = ["post", "sync", "fullsync", "outbox", "edit", "delete"]
        cases = []
        for n in range(count):
            command = commands[n % len(commands)]
            flavour, interface, auth = self.combo()
            # Sizes from nothing at all to past the database's size: every write fails somewhere.
            limit = self.rng.choice([0, 1, 4096, self.rng.randrange(0, 600 * 1024), self.rng.randrange(0, 2 * 1024 * 1024),
                                     self.rng.randrange(1024 * 1024, 3 * 1024 * 1024)])
            params = {"limit": str(limit)}
            if command in ("post", "edit", "outbox"):
                params["content"] = self.rng.choice(content.kinds_for(flavour))
            cases.append(Case("disk", flavour, interface, auth, command, params, self.seed()))
        return cases

    def readonly_cases(self, count):
        variants = [("export", "profile"), ("outbox-list", "profile"), ("post", "profile"), ("sync", "profile"),
                    ("export", "database"), ("post", "spool"), ("fullsync", "spool"), ("sync", "database")]
        cases = []
        for n in range(count):
            command, what = variants[n % len(variants)]
            flavour, interface, auth = self.combo()
            cases.append(Case("readonly", flavour, interface, auth, command, {"what": what}, self.seed()))
        return cases

    def damage_cases(self, count):
        variants = [("export", "entries"), ("sync", "entries"), ("post", "entries"), ("export", "header"),
                    ("sync", "entries_fts_data"), ("post", "outbox"), ("export", "entries_by_eventtime"),
                    ("sync", "sync_state"), ("post", "header")]
        cases = []
        for n in range(count):
            command, where = variants[n % len(variants)]
            flavour, interface, auth = self.combo()
            params = {"where": where, "bytes": str(self.rng.choice([1, 8, 64, 512]))}
            cases.append(Case("damage", flavour, interface, auth, command, params, self.seed()))
        return cases

    def spool_cases(self, count):
        cases = []
        for n in range(count):
            flavour, interface, auth = self.combo()
            params = {"damage": ("truncate", "empty", "flip")[n % 3], "at": str(self.rng.randrange(2, 10))}
            cases.append(Case("spool", flavour, interface, auth, "fullsync", params, self.seed()))
        return cases

    def fuzz_cases(self, count):
        commands = ["post", "sync", "outbox", "edit", "fullsync", "delete"]
        cases = []
        for n in range(count):
            command = commands[n % len(commands)]
            flavour, interface, auth = self.combo()
            params = {"fseed": str(self.rng.randrange(1, 10 ** 6)), "rate": self.rng.choice(["0.3", "0.6", "1"]),
                      "process": self.rng.choice(["0", "0.5", "1"]), "modes": self.rng.choice(["all", "write", "read", "auth"])}
            if command in ("post", "edit", "outbox"):
                params["content"] = self.rng.choice(content.kinds_for(flavour))
            cases.append(Case("fuzz", flavour, interface, auth, command, params, self.seed()))
        return cases
