"""One soak case: its identity (a line that names everything needed to run it again), and its run.

A case id reads `family/flavour/interface/auth/command/key=value,.../sSEED`, for example
`fault/dw/xmlrpc/challenge/post/step=postevent#0,kind=drop_after_commit,conn=reused,content=crlf/s81`.
Everything random in a case (markers, the entry chosen for an edit, what the other client writes,
bytes flipped) comes from random.Random(id), so the same id runs the same case; only the timing of
processes (where a delay-based SIGKILL lands) varies from one run to the next.

families  kill      SIGKILL after a random delay, or while a request is held by a `delay` or
                    `stall_headers` fault; optionally more killed syncs after it (chain=N)
          fault     one server fault on one protocol step of the command (step=MODE#N: the N-th request
                    of that mode the command makes), another client writing meanwhile
          disk      the command under RLIMIT_FSIZE=limit (a full disk at that size)
          readonly  the command as an unprivileged user on a profile it may not write (what=...)
          damage    bytes flipped in a page of journal.sqlite, then the command
          spool     a sync killed with replies in journal.sqlite-fetched/, one of them cut, then sync
          fuzz      the command against the fuzzing server (fseed, rate, process, modes)
commands  post, edit, delete (one queued change each), conflict (an edit of an entry the other client
          changed first: it must become a conflict), sync (the mirror is behind the server), fullsync
          (an empty mirror), outbox (two posts, an edit and a deletion queued offline, then sync),
          export, outbox-list (read-only commands)
"""

import json
import os
import random
import shutil
import threading
import time
import traceback

from . import content
from .profile import (DB, SPOOL, checkpoint, chown_tree, copy_profile, flip_bytes, make_read_only,
                      page_size_and_count, quick_check, spool_files, table_pages, writable_by_all_parents)
from .server import PASSWORD, USER

FAMILIES = ("kill", "fault", "disk", "readonly", "damage", "spool", "fuzz")
FLAVOURS = ("lj", "dw")
INTERFACES = ("flat", "xmlrpc")
AUTHS = ("challenge", "cookie", "clear", "hpassword")
WRITE_COMMANDS = ("post", "edit", "delete", "conflict", "outbox")
COMMANDS = WRITE_COMMANDS + ("sync", "fullsync")

# Error codes a fault may answer with (REFERENCE.md 5). A refusal of the entry itself legitimately
# fails the outbox item, but only when it answers the post or edit itself.
REFUSAL_CODES = {151, 409}
TEMPORARY_CODES = (500, 502, 503, 506, 507, 306)
# What a healthy server refuses an entry with (REFERENCE.md 5): bad text, a time before the newest
# entry (lj), too long.
ENTRY_REFUSAL_CODES = {151, 153, 409}

# Failure kinds; the first six are the figures the issue asks for.
DUPLICATE = "duplicate"
LOST = "lost"
CORRUPT = "corrupt"
CRASH = "crash"
HANG = "hang"
SESSION_LEFT = "session-left"
WRONGLY_FAILED = "wrongly-failed"
WRONG_CONFLICT = "wrong-conflict"
STUCK = "stuck-in-outbox"
SENT_BUT_KEPT = "sent-but-kept"
OVERWROTE = "overwrote-other-change"
NO_ITEMID = "posted-without-itemid"
WRONG_CLAIM = "wrong-claim"
RECOVERY = "recovery-sync-failed"
MIRROR = "mirror-differs"
UNNOTICED = "damage-unnoticed"
READONLY = "read-only-refused"
HARNESS = "harness-error"
# What a client answered with a lie (a fuzzed reply) may get wrong without being at fault.
LIE_KINDS = {DUPLICATE, LOST, WRONGLY_FAILED, WRONG_CONFLICT, SENT_BUT_KEPT, WRONG_CLAIM, NO_ITEMID, STUCK}


class Case:
    def __init__(self, family, flavour, interface, auth, command, params=None, seed=0):
        self.family = family
        self.flavour = flavour
        self.interface = interface
        self.auth = auth
        self.command = command
        self.params = dict(params or {})
        self.seed = int(seed)

    def id(self):
        params = ",".join("%s=%s" % (k, self.params[k]) for k in sorted(self.params)) or "-"
        return "/".join([self.family, self.flavour, self.interface, self.auth, self.command, params,
                         "s%d" % self.seed])

    __str__ = id

    @staticmethod
    def parse(text):
        parts = text.strip().split("/")
        if len(parts) != 7 or not parts[6].startswith("s"):
            raise ValueError("not a case id: %r" % text)
        family, flavour, interface, auth, command, params, seed = parts
        if family not in FAMILIES or flavour not in FLAVOURS or interface not in INTERFACES or auth not in AUTHS:
            raise ValueError("not a case id: %r" % text)
        values = {}
        if params != "-":
            for pair in params.split(","):
                key, _, value = pair.partition("=")
                values[key] = value
        return Case(family, flavour, interface, auth, command, values, int(seed[1:]))

    def get(self, key, default=None):
        return self.params.get(key, default)


class Failure:
    def __init__(self, kind, detail, intent=None):
        self.kind = kind
        self.detail = detail
        self.intent = intent  # the queued change it is about, if any
        self.known = None     # the KNOWN_FAILURES entry that explains it

    def line(self):
        return "%s: %s" % (self.kind, self.detail)


class Intent:
    """One queued change the harness follows to the server and checks: exactly once, or rightly not."""

    def __init__(self, op, marker, kind=None, itemid=None):
        self.op = op            # post, edit, delete
        self.marker = marker    # in the subject (posts, edits)
        self.kind = kind        # content kind
        self.itemid = itemid    # edit/delete target
        self.promised = False   # the client took it: it was said to be queued/sent or seen in the outbox
        self.claimed = None     # what the command printed about it ("posted 12 URL", ...)
        self.expect_conflict = False
        self.refused = False    # a fault answered its own write with a refusal
        self.faulted = False    # a fault, fuzzing, a full disk or a read-only profile was armed
        self.unknown_outcome = False  # a reply to its write was lost or unreadable

    def describe(self):
        if self.op == "post":
            return "post [%s] (%s)" % (self.marker, self.kind)
        if self.op == "edit":
            return "edit of %d [%s] (%s)" % (self.itemid, self.marker, self.kind)
        return "delete of %d" % self.itemid


class CaseResult:
    def __init__(self, case):
        self.case = case
        self.failures = []
        self.kill_points = 0
        self.faulted_posts = 0
        self.fault_fired = None
        self.notes = []
        self.seconds = 0.0
        self.commands = 0
        self.intents = []
        self.trace = []      # the commands run and what they said, for --case and --verbose
        self.lied = []       # fuzz: failures that followed a lie (a fuzzed reply), counted apart
        self.requests = []   # the server's request log at the end of the case


def parse_outbox(stdout):
    items = []
    for line in stdout.splitlines():
        parts = line.split("\t")
        if len(parts) >= 6 and parts[0].isdigit():
            items.append({"id": int(parts[0]), "state": parts[1], "op": parts[2], "journal": parts[3],
                          "subject": parts[4], "reason": parts[5]})
    return items


def _norm_subject(text):
    return (text or "").replace("\r", " ").replace("\n", " ")


def _norm_event(text):
    return (text or "").replace("\r\n", "\n").replace("\r", "")


def _norm_props(props):
    skip = {"taglist", "revnum", "revtime", "unknown8bit"}
    return {k: str(v).replace("\n", " ") for k, v in (props or {}).items() if k not in skip and str(v) not in ("", "0")}


def _tags_of_mirror(props):
    return sorted(t.strip().lower() for t in (props or {}).get("taglist", "").split(",") if t.strip())


def compare_mirror(mirror_lines, server_entries):
    """A one-line difference between the exported mirror and the server's entries, or None."""
    mirror = {}
    for line in mirror_lines:
        line = line.strip()
        if line:
            entry = json.loads(line)
            mirror[int(entry["itemid"])] = entry
    server = {int(e["itemid"]): e for e in server_entries}
    missing = sorted(set(server) - set(mirror))
    extra = sorted(set(mirror) - set(server))
    differing = []
    for itemid in sorted(set(server) & set(mirror)):
        s, m = server[itemid], mirror[itemid]
        checks = {
            "subject": (_norm_subject(s.get("subject")), _norm_subject(m.get("subject"))),
            "event": (_norm_event(s.get("event")), _norm_event(m.get("event"))),
            "security": (s.get("security"), m.get("security")),
            "allowmask": (int(s.get("allowmask") or 0) if s.get("security") == "usemask" else 0,
                          int(m.get("allowmask") or 0) if m.get("security") == "usemask" else 0),
            "eventtime": ((s.get("eventtime") or "")[:16], (m.get("eventtime") or "")[:16]),
            "poster": ((s.get("poster") or USER).lower(), (m.get("poster") or USER).lower()),
            "tags": (sorted(t.lower() for t in s.get("tags") or []), _tags_of_mirror(m.get("props"))),
            "props": (_norm_props(s.get("props")), _norm_props(m.get("props"))),
        }
        for field, (a, b) in checks.items():
            if a != b:
                differing.append((itemid, field, a, b))
    if not missing and not extra and not differing:
        return None
    parts = []
    if missing:
        parts.append("%d entries missing from the mirror (%s)" % (len(missing), missing[:5]))
    if extra:
        parts.append("%d entries only in the mirror (%s)" % (len(extra), extra[:5]))
    if differing:
        itemid, field, a, b = differing[0]
        parts.append("%d fields differ (first: item %d %s server %r mirror %r)"
                     % (len(differing), itemid, field, str(a)[:80], str(b)[:80]))
    return "; ".join(parts)


class CaseRun:
    """Runs one case on one worker (its servers, CLI runner and templates)."""

    def __init__(self, worker, case):
        self.worker = worker
        self.case = case
        self.rng = random.Random(case.id())
        self.result = CaseResult(case)
        self.server = worker.server(case.flavour)
        self.cli = worker.cli
        self.dir = os.path.join(worker.dir, "case")
        self.profile = os.path.join(self.dir, "profile")
        self.intents = []
        self.other_thread = None
        self.faulted_requests = []
        self.command_requests = []  # the server's request log after the command, before the clean sync
        self.seen_seq = 0    # requests up to this one have been looked at by a session check

    # helpers ---------------------------------------------------------------------------------------

    def fail(self, kind, detail, intent=None):
        self.result.failures.append(Failure(kind, detail, intent))

    def marker(self, prefix):
        return "%s%08x" % (prefix, self.rng.getrandbits(32))

    def run(self, args, password=True, **kw):
        argv = list(args) + (["--password-stdin"] if password else [])
        kw.setdefault("timeout", self.worker.options.timeout)
        result = self.cli.run(self.profile, argv, password=PASSWORD if password else None, **kw)
        self.result.commands += 1
        self.result.trace.append("$ inkwell-cli %s -> %s" % (" ".join(argv[:3]), result.brief()))
        if result.returncode not in (0, None):
            said = [line for line in result.stderr.splitlines() if not line.startswith("sync %s:" % USER)]
            self.result.trace += ["    stderr: " + line for line in said[-6:]]
        if result.killed:
            self.result.kill_points += 1
        return result

    def check_run(self, result, what, sessions=True):
        """After every run: no crash, no hang, a sound database, and no session left behind by a
        command that ended by itself."""
        crash = result.crash()
        if crash:
            self.fail(CRASH, "%s: %s (%s)" % (what, crash, result.brief()))
        if result.timed_out:
            self.fail(HANG, "%s: still running after %.0f s" % (what, result.seconds))
        problem = quick_check(self.profile)
        if problem:
            self.fail(CORRUPT, "%s left journal.sqlite failing quick_check: %s" % (what, problem))
        if sessions:
            live = self.server.sessions()
            # A session whose sessiongenerate reply a fault or the fuzzing took away was never known to
            # the client: nobody can end it but the server's own expiry.
            orphans = self.orphan_sessions()
            if len(live) > orphans and result.exited():
                self.fail(SESSION_LEFT, "%s exited (%s) leaving %d live session(s)%s"
                          % (what, result.brief(), len(live) - orphans,
                             " besides %d whose sessiongenerate reply was lost" % orphans if orphans else ""))
        if self.server.sessions():
            self.server.end_sessions()
        self.seen_seq = max([self.seen_seq] + [q.get("seq", 0) for q in self.server.requests()])
        return crash is None and not result.timed_out

    def orphan_sessions(self):
        """Sessions nobody could end: one whose sessiongenerate reply a fault or the fuzzing took away
        (the client never learnt of it), and one whose sessionexpire a fault or the fuzzing kept from
        the server (the client did ask; the short session then expires by itself, README "Sessions")."""
        fresh = [q for q in self.server.requests() if q.get("seq", 0) > self.seen_seq]
        hit = [q for q in fresh if q.get("fault") not in (None, "delay") or q.get("fuzz")]
        return (sum(1 for q in hit if q.get("mode") == "sessiongenerate" and q.get("processed"))
                + sum(1 for q in hit if q.get("mode") == "sessionexpire" and not q.get("processed")))

    # setup -----------------------------------------------------------------------------------------

    def fresh_profile(self, synced=True):
        if os.path.exists(self.dir):
            shutil.rmtree(self.dir)
        os.makedirs(self.dir)
        template = self.worker.template(self.case.flavour, self.case.interface, self.case.auth, synced)
        copy_profile(template, self.profile)

    def seeded_itemids(self):
        return list(range(1, self.worker.options.entries + 1))

    def other_writes_before(self, how_many):
        """Another client (the web site) writes while the client under test is away."""
        ids = self.seeded_itemids()
        for n in range(how_many):
            self.server.other_post("other %s" % self.marker("W"), "Written elsewhere %d.\nSecond line." % n)
        if how_many:
            self.server.other_edit(self.rng.choice(ids[len(ids) // 2:]), subject="edited elsewhere " + self.marker("X"))

    def other_writer(self, avoid=()):
        """Another client's writes during the command: a post, and an edit of another entry."""
        target = self.rng.choice([i for i in self.seeded_itemids()[: len(self.seeded_itemids()) // 2] if i not in avoid])
        subject = "during " + self.marker("D")

        def write():
            try:
                self.server.other_post(subject, "Posted by another client during the command.")
                self.server.other_edit(target, event="Edited by another client during the command. " + subject)
                self.result.notes.append("the other client edited %d during the command" % target)
            except Exception as exc:  # noqa: BLE001 - reported, not fatal
                self.result.notes.append("other writer: %s" % exc)

        return write

    def start_other_writer(self, avoid=()):
        """The other client's writes from a thread, a random moment after the command starts."""
        delay = self.rng.uniform(0.0, 0.25)
        write = self.other_writer(avoid)

        def later():
            time.sleep(delay)
            write()

        self.other_thread = threading.Thread(target=later, daemon=True)
        self.other_thread.start()

    def join_other_writer(self):
        if self.other_thread:
            self.other_thread.join(30)
            self.other_thread = None

    def write_body(self, name, body):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(body)
        os.chmod(path, 0o644)
        return path

    def content_kind(self):
        kind = self.case.get("content")
        if kind:
            return kind
        return self.rng.choice(content.kinds_for(self.case.flavour))

    def post_args(self, intent, kind):
        subject, body, options = content.entry(kind, intent.marker)
        path = self.write_body("body-%s.txt" % intent.marker, body)
        return ["post", USER, "--body-file", path, "--subject", subject] + options

    def edit_args(self, intent, kind):
        subject, body, options = content.entry(kind, intent.marker)
        # An edit keeps the entry's date unless told: dates and backdating are posts' business here.
        options = [o for i, o in enumerate(options)
                   if o not in ("--date", "--backdate") and (i == 0 or options[i - 1] != "--date")]
        path = self.write_body("edit-%s.txt" % intent.marker, body)
        return ["edit", USER, str(intent.itemid), "--subject", subject, "--body-file", path] + options

    def prepare(self):
        """The state before the command, and the command's arguments. Returns (argv, synced)."""
        command = self.case.command
        ids = self.seeded_itemids()
        if command == "post":
            intent = Intent("post", self.marker("SOAK"), self.content_kind())
            self.intents.append(intent)
            self.fresh_profile(True)
            self.other_writes_before(1)
            return self.post_args(intent, intent.kind)
        if command in ("edit", "conflict"):
            intent = Intent("edit", self.marker("EDIT"), self.content_kind(), self.rng.choice(ids[:len(ids) // 2]))
            self.intents.append(intent)
            self.fresh_profile(True)
            self.other_writes_before(1)
            if command == "conflict":
                intent.expect_conflict = True
                self.server.other_edit(intent.itemid, event="Changed on the web first. " + self.marker("C"))
            return self.edit_args(intent, intent.kind)
        if command == "delete":
            intent = Intent("delete", None, None, self.rng.choice(ids[:len(ids) // 2]))
            self.intents.append(intent)
            self.fresh_profile(True)
            self.other_writes_before(1)
            return ["delete", USER, str(intent.itemid)]
        if command == "outbox":
            self.fresh_profile(True)
            self.other_writes_before(2)
            targets = self.rng.sample(ids[:len(ids) // 2], 2)
            queued = [Intent("post", self.marker("SOAK"), self.content_kind()),
                      Intent("post", self.marker("SOAK"), self.rng.choice(content.kinds_for(self.case.flavour))),
                      Intent("edit", self.marker("EDIT"), self.rng.choice(content.ORDINARY), targets[0]),
                      Intent("delete", None, None, targets[1])]
            for intent in queued:
                if intent.op == "post":
                    args = self.post_args(intent, intent.kind)
                elif intent.op == "edit":
                    args = self.edit_args(intent, intent.kind)
                else:
                    args = ["delete", USER, str(intent.itemid)]
                r = self.run(args, password=False)  # no password, no keychain: it waits in the outbox
                self.check_run(r, "queueing %s" % intent.describe(), sessions=False)
                if r.returncode != 0 or not r.stdout.startswith("queued "):
                    raise RuntimeError("could not queue %s offline: %s" % (intent.describe(), r.brief()))
                intent.promised = True
                self.intents.append(intent)
            return ["sync", USER]
        if command == "sync":
            self.fresh_profile(True)
            self.other_writes_before(self.rng.randrange(3, 40))
            self.server.other_delete(self.rng.choice(ids[len(ids) // 2:]))
            return ["sync", USER]
        if command == "fullsync":
            self.fresh_profile(False)
            self.other_writes_before(self.rng.randrange(0, 10))
            return ["sync", USER]
        raise ValueError("unknown command %r" % command)

    # the checks after the run -------------------------------------------------------------------------

    def note_claims(self, result):
        """What the command said about its change (post/edit/delete print one line)."""
        if self.case.command not in ("post", "edit", "delete", "conflict") or not self.intents:
            return
        intent = self.intents[0]
        line = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
        if result.exited() and result.returncode == 0:
            intent.promised = True
            intent.claimed = line
            if line.startswith("posted"):
                fields = line.split()
                if len(fields) < 2 or not fields[1].isdigit() or int(fields[1]) <= 0:
                    self.fail(NO_ITEMID, "post said %r: taken as posted without an itemid" % line, intent)
        elif result.exited() and result.returncode == 1 and ("stays in the outbox" in result.stderr
                                                             or "waits in the outbox" in result.stderr):
            intent.promised = True

    def note_outbox(self, what):
        r = self.run(["outbox", USER], password=False)
        self.check_run(r, "outbox (%s)" % what, sessions=False)
        if r.returncode != 0:
            return None
        items = parse_outbox(r.stdout)
        for intent in self.intents:
            if self.find_in_outbox(intent, items):
                intent.promised = True
        return items

    def find_in_outbox(self, intent, items):
        for item in items:
            if item["op"] != intent.op:
                continue
            if intent.op in ("post", "edit") and intent.marker in item["subject"]:
                return item
            if intent.op == "delete":
                return item if len([i for i in self.intents if i.op == "delete"]) == 1 else None
        return None

    def note_requests(self):
        """Which requests a fault or the fuzzing hit, and whose they were."""
        self.command_requests = self.server.requests()
        self.note_rightful_refusals(self.command_requests)
        for request in self.command_requests:
            if not request.get("fault") and not request.get("fuzz"):
                continue
            self.faulted_requests.append(request)
            for intent in self.intents:
                mine = (intent.op == "post" and request.get("mode") == "postevent" and intent.marker in (request.get("subject") or "")) or \
                       (intent.op == "edit" and request.get("mode") == "editevent" and intent.marker in (request.get("subject") or "")) or \
                       (intent.op == "delete" and request.get("mode") == "editevent" and request.get("itemid") == intent.itemid
                        and request.get("event_md5") == "d41d8cd98f00")
                if not mine:
                    continue
                fault = request.get("fault") or ""
                result = str(request.get("result"))
                if fault == "error" and result.isdigit() and int(result) in REFUSAL_CODES:
                    intent.refused = True
                if fault in ("drop_after_commit", "truncate", "drop_before", "malformed", "damaged", "http500",
                             "http502", "http503", "proxy_page", "gzip_bomb", "huge", "no_itemid") or request.get("fuzz"):
                    intent.unknown_outcome = True

    def note_rightful_refusals(self, requests):
        """A refusal of the change itself by a healthy server is a rightful "failed" too: lj answers 153
        to an entry dated before the journal's newest one, which the other client's post (stamped by
        the server's clock, not the client's) can make at a minute's edge. The write that meets it may
        be the command's or, after a fault left its outcome unknown, the recovery sync's."""
        for request in requests:
            result = str(request.get("result"))
            if not request.get("fault") and result.isdigit() and int(result) in ENTRY_REFUSAL_CODES:
                for intent in self.intents:
                    if self.is_write_of(intent, request):
                        intent.refused = True

    def recover(self):
        """A clean sync against a healthy server: after it the mirror must equal the server and the
        outbox hold nothing but rightful refusals and conflicts. True when it ran to the end."""
        self.server.clear_faults()
        self.server.fuzz_off()
        r = self.run(["sync", USER])
        ok = self.check_run(r, "recovery sync")
        # A sync that mirrored everything but left a queued change refused or in conflict exits 1
        # with its summary on stdout: it ran to the end, and the outbox check judges whether the
        # refusal or conflict was rightful.
        completed = r.exited() and r.returncode in (0, 1) and r.stdout.startswith("added ") \
            and "of your queued changes did not go" in r.stderr
        if completed:
            return ok
        if r.exited() and r.returncode != 0:
            # brief() shows the last line ("What was fetched is kept ..."); the cause is the first.
            said = [line for line in r.stderr.splitlines() if line.startswith("inkwell-cli:")]
            cause = (" | cause: " + said[0][:200]) if len(said) > 1 else ""
            self.fail(RECOVERY, "a clean sync after the case failed: %s%s" % (r.brief(), cause))
            return False
        return ok and r.returncode == 0

    def check_mirror(self):
        r = self.run(["export", USER, "--format", "jsonl"], password=False)
        if not self.check_run(r, "export", sessions=False) or r.returncode != 0:
            self.fail(MIRROR, "export after the clean sync failed: %s" % r.brief())
            return
        difference = compare_mirror(r.stdout.splitlines(), self.server.entries())
        if difference:
            self.fail(MIRROR, "after a clean sync: " + difference)

    def lied_to(self, intent, kind=None):
        """Under fuzzing, whether the client was answered about this change with a mutation of a recorded
        reply (to its own post or edit, or to a look-up): what it then believed may be a lie no client
        could see through, so losses and duplicates are counted apart, not as failures."""
        if self.case.family != "fuzz":
            return False
        # An edit is checked against the server's version before it is written: a fuzzed getevents
        # there shows a change nobody made, and a conflict (the user chooses, nothing is lost) is the
        # safe answer to it. The log does not say which entry a getevents asked for, so any fuzzed
        # one excuses a conflict; the fault and kill families judge conflicts without lies.
        if kind == WRONG_CONFLICT and any(q.get("fuzz") and q.get("mode") == "getevents"
                                          for q in self.faulted_requests):
            return True
        # A look-up for this change comes after its first write: a fuzzed getevents before it (the
        # mirror's, another change's) told the client nothing about it and excuses nothing.
        writes = [q.get("seq", 0) for q in self.command_requests if self.is_write_of(intent, q)]
        first_write = min(writes) if writes else None
        for q in self.faulted_requests:
            if not q.get("fuzz"):
                continue
            if q.get("mode") == "getevents":
                if first_write is not None and q.get("seq", 0) > first_write:
                    return True
                continue
            if q.get("mode") == "postevent" and intent.op == "post" and intent.marker in (q.get("subject") or ""):
                return True
            if q.get("mode") == "editevent" and intent.op != "post" and q.get("itemid") == intent.itemid:
                return True
        return False

    @staticmethod
    def is_write_of(intent, q):
        """Whether request-log entry `q` is a postevent/editevent carrying this change."""
        if intent.op == "post":
            return q.get("mode") == "postevent" and intent.marker in (q.get("subject") or "")
        if intent.op == "edit":
            return q.get("mode") == "editevent" and intent.marker in (q.get("subject") or "")
        return q.get("mode") == "editevent" and q.get("itemid") == intent.itemid and q.get("event_md5") == "d41d8cd98f00"

    def judge_intents(self, outbox):
        before = len(self.result.failures)
        self._judge_intents(outbox)
        kept = self.result.failures[:before]
        for failure in self.result.failures[before:]:
            if failure.intent is not None and failure.kind in LIE_KINDS and self.lied_to(failure.intent, failure.kind):
                self.result.lied.append(failure)
            else:
                kept.append(failure)
        self.result.failures = kept

    def _judge_intents(self, outbox):
        entries = self.server.entries()
        posts = self.server.arrivals("postevent")
        edits = self.server.arrivals("editevent")
        by_id = {int(e["itemid"]): e for e in entries}
        for intent in self.intents:
            box = self.find_in_outbox(intent, outbox or [])
            state = box["state"] if box else None
            if intent.op == "post":
                requests = [q for g in posts if intent.marker in (g.get("subject") or "") for q in g["requests"]]
                copies = [e for e in entries if intent.marker in (e.get("subject") or "")]
            elif intent.op == "edit":
                requests = [q for g in edits if g.get("itemid") == intent.itemid and intent.marker in (g.get("subject") or "")
                            for q in g["requests"]]
                target = by_id.get(intent.itemid)
                copies = [target] if target and intent.marker in (target.get("subject") or "") else []
            else:
                requests = [q for g in edits if g.get("itemid") == intent.itemid and g.get("event_md5") == "d41d8cd98f00"
                            for q in g["requests"]]
                copies = [] if intent.itemid in by_id else [None]  # "applied" = gone
            processed = [q for q in requests if q.get("processed")]
            applied_ok = [q for q in processed if str(q.get("result")) == "ok"]
            arrived = len(copies)
            what = intent.describe()
            counted = "%d arrival(s), %d processed" % (len(requests), len(processed))
            if intent.op == "post" and (arrived > 1 or len(applied_ok) > 1):
                self.fail(DUPLICATE, "%s is on the server %d times (%s)" % (what, max(arrived, len(applied_ok)), counted), intent)
                continue
            # An edit or deletion the server refused (an expired session's 101, say) changed nothing:
            # sending it again is no second copy. What the server carried out twice is.
            if intent.op != "post" and len(applied_ok) > 1:
                self.fail(DUPLICATE, "%s reached the server %d times (%s)" % (what, len(applied_ok), counted), intent)
                continue
            if intent.expect_conflict:
                if arrived:
                    self.fail(OVERWROTE, "%s overwrote the other client's change (%s)" % (what, counted), intent)
                elif intent.promised and state != "conflict" and not intent.refused:
                    self.fail(LOST if state is None else WRONGLY_FAILED,
                              "%s: expected a conflict in the outbox, found %s" % (what, state or "nothing"), intent)
                continue
            if arrived:
                if state is not None:
                    self.fail(SENT_BUT_KEPT if state != "failed" else WRONGLY_FAILED,
                              "%s arrived but its outbox item is still %s (%s)" % (what, state, box.get("reason", "")[:120]), intent)
                elif intent.claimed and intent.claimed.startswith("posted"):
                    fields = intent.claimed.split()
                    if len(fields) > 1 and fields[1].isdigit() and int(fields[1]) != int(copies[0]["itemid"]):
                        self.fail(WRONG_CLAIM, "%s: the command said %r, the server's entry is %s"
                                  % (what, intent.claimed, copies[0]["itemid"]), intent)
                continue
            # not on the server
            if state == "failed":
                if not intent.refused:
                    self.fail(WRONGLY_FAILED, "%s failed without a refusal of it: %s" % (what, box.get("reason", "")[:160]), intent)
            elif state == "conflict":
                self.fail(WRONG_CONFLICT, "%s became a conflict with nothing changed elsewhere: %s"
                          % (what, box.get("reason", "")[:120]), intent)
            elif state is not None:
                self.fail(STUCK, "%s still %s after a clean sync: %s" % (what, state, box.get("reason", "")[:160]), intent)
            elif intent.promised:
                self.fail(LOST, "%s was taken (%s) but is neither on the server nor in the outbox (%s)"
                          % (what, intent.claimed or "seen in the outbox", counted), intent)

    # the case -----------------------------------------------------------------------------------------

    def execute(self):
        started = time.monotonic()
        try:
            self.server.reset()
            family = getattr(self, "family_" + self.case.family)
            family()
        except Exception as exc:  # noqa: BLE001 - a harness error is a failure, never a pass
            self.fail(HARNESS, "%s: %s" % (type(exc).__name__, str(exc)[:300] or traceback.format_exc(limit=1)))
            if self.worker.options.verbose:
                traceback.print_exc()
        finally:
            self.join_other_writer()
            try:
                self.server.clear_faults()
                self.server.fuzz_off()
            except Exception:  # noqa: BLE001
                pass
            self.result.seconds = time.monotonic() - started
            self.result.intents = self.intents
            self.result.faulted_posts = sum(1 for i in self.intents if i.op == "post" and i.faulted)
            if self.worker.options.case:
                try:
                    self.result.requests = self.server.requests()
                except Exception:  # noqa: BLE001
                    pass
        return self.result

    def finish_write_case(self, first):
        """The common end of kill, fault, disk, readonly and fuzz cases: what the command claimed,
        then a clean sync, then every promise."""
        self.note_claims(first)
        self.note_requests()
        self.server.clear_faults()
        self.server.fuzz_off()
        self.join_other_writer()
        self.note_outbox("after the command")
        recovered = self.recover()
        self.note_rightful_refusals(self.server.requests())
        if recovered:
            self.check_mirror()
        outbox = self.note_outbox("after the clean sync")
        self.judge_intents(outbox)

    # kill -9 ---------------------------------------------------------------------------------------

    def family_kill(self):
        args = self.prepare()
        how = self.case.get("how", "delay")
        kw = {}
        hold_ms = 0
        if how == "delay":
            kw["kill_after"] = int(self.case.get("ms", "50")) / 1000.0
            self.start_other_writer(avoid=[i.itemid for i in self.intents if i.itemid])
        else:  # inflight: a fault holds the request, SIGKILL lands while it is in flight
            mode, _, index = self.case.get("step").partition("#")
            hold_ms = 3000
            kind = "stall_headers" if how == "stall" else "delay"  # how == "hold": held unprocessed
            self.server.fault({"kind": kind, "mode": mode, "skip": int(index), "count": 1, "ms": hold_ms})
            seen = {"n": 0}

            write = self.other_writer(avoid=[i.itemid for i in self.intents if i.itemid])

            def arrived():
                seen["n"] += 1
                if seen["n"] % 4 or self.server.faults().get("fired", 0) == 0:
                    return False
                if self.case.get("tick"):
                    self.server.control("POST", "clock", {"advance": int(self.case.get("tick"))})
                write()  # the other client writes while the request is held, then SIGKILL
                return True

            kw["kill_when"] = arrived
            kw["poll"] = 0.005
        first = self.run(args, **kw)
        self.check_run(first, "killed %s" % self.case.command, sessions=not first.killed)
        if how != "delay":
            if self.server.faults().get("fired", 0) == 0:
                self.result.notes.append("the holding fault did not fire")
                self.result.fault_fired = False
            else:
                self.result.fault_fired = True
            if how == "hold":
                time.sleep(hold_ms / 1000.0 + 0.3)  # let the held request be processed before anything asks
        self.server.clear_faults()
        self.server.end_sessions()
        # More kills of the syncs that resume the work.
        for n in range(int(self.case.get("chain", "0"))):
            self.note_outbox("before chained kill %d" % (n + 1))
            r = self.run(["sync", USER], kill_after=self.rng.uniform(0.0, self.worker.typical_seconds("sync")))
            self.check_run(r, "chained sync %d" % (n + 1), sessions=not r.killed)
            self.server.end_sessions()
        self.finish_write_case(first)

    # one server fault ------------------------------------------------------------------------------------

    def fault_spec(self):
        mode, _, index = self.case.get("step").partition("#")
        kind = self.case.get("kind")
        spec = {"kind": kind, "mode": mode, "skip": int(index), "count": int(self.case.get("count", "1"))}
        if self.case.get("conn"):
            spec["connection"] = self.case.get("conn")
        for key in ("code", "ms", "mb", "seconds", "variant", "value"):
            if self.case.get(key) is not None:
                spec[key] = self.case.get(key) if key in ("variant", "value") else int(self.case.get(key))
        return spec

    def family_fault(self):
        args = self.prepare()
        spec = self.fault_spec()
        self.server.fault(spec)
        for intent in self.intents:
            intent.faulted = True
        self.start_other_writer(avoid=[i.itemid for i in self.intents if i.itemid])
        first = self.run(args)
        fired = self.server.faults().get("fired", 0)
        self.result.fault_fired = fired > 0
        self.check_run(first, "%s under %s" % (self.case.command, spec["kind"]))
        self.finish_write_case(first)

    # a full disk -------------------------------------------------------------------------------------------

    def family_disk(self):
        args = self.prepare()
        for intent in self.intents:
            intent.faulted = True
        limit = int(self.case.get("limit"))
        self.start_other_writer(avoid=[i.itemid for i in self.intents if i.itemid])
        first = self.run(args, fsize=limit)
        self.check_run(first, "%s with the disk full at %d bytes" % (self.case.command, limit))
        self.finish_write_case(first)

    # a read-only profile -------------------------------------------------------------------------------------

    def family_readonly(self):
        what = self.case.get("what", "profile")
        command = self.case.command
        read_only_command = command in ("export", "outbox-list")
        if read_only_command:
            self.fresh_profile(True)
            args = ["export", USER, "--format", "jsonl"] if command == "export" else ["outbox", USER]
        else:
            args = self.prepare()
        for intent in self.intents:
            intent.faulted = True
        checkpoint(self.profile)
        expected = self.server.entries() if command == "export" else None
        writable_by_all_parents(self.dir, self.worker.dir)
        chown_tree(self.profile, 65534, 65534)
        target = {"profile": self.profile, "database": os.path.join(self.profile, DB),
                  "spool": os.path.join(self.profile, SPOOL)}[what]
        if os.path.isdir(target):
            make_read_only(target)
        elif os.path.exists(target):
            os.chown(target, 0, 0)
            os.chmod(target, 0o644)
        for name in os.listdir(self.dir):
            if name != "profile":
                os.chmod(os.path.join(self.dir, name), 0o644)
        os.chmod(self.dir, 0o755)
        first = self.run(args, password=not read_only_command, as_nobody=True)
        chown_tree(self.profile, 0, 0)
        self.check_run(first, "%s on a read-only %s" % (command, what), sessions=not read_only_command)
        if read_only_command:
            if first.returncode != 0:
                self.fail(READONLY, "%s on a read-only %s: %s" % (command, what, first.brief()))
            elif expected is not None:
                difference = compare_mirror(first.stdout.splitlines(), expected)
                if difference:
                    self.fail(MIRROR, "export from a read-only %s: %s" % (what, difference))
            return
        self.finish_write_case(first)

    # a damaged database ----------------------------------------------------------------------------------------

    def family_damage(self):
        self.fresh_profile(True)
        checkpoint(self.profile)
        expected = self.server.entries()
        db = os.path.join(self.profile, DB)
        page_size, pages = page_size_and_count(self.profile)
        where = self.case.get("where", "entries")
        if where == "header":
            page = 1
        else:
            candidates = table_pages(self.profile, where) or list(range(2, pages + 1))
            page = self.rng.choice(candidates)
        count = int(self.case.get("bytes", "8"))
        flip_bytes(db, self.rng, (page - 1) * page_size + (100 if page == 1 else 0), page_size - (100 if page == 1 else 0), count)
        damaged = quick_check(self.profile)
        self.result.notes.append("page %d of %d (%s), %d bytes: %s" % (page, pages, where, count, damaged or "quick_check still ok"))
        command = self.case.command
        if command == "export":
            args, password = ["export", USER, "--format", "jsonl"], False
        elif command == "post":
            intent = Intent("post", self.marker("SOAK"), "plain")
            self.intents.append(intent)
            args, password = self.post_args(intent, "plain"), True
        else:
            args, password = ["sync", USER], True
        first = self.run(args, password=password)
        crash = first.crash()
        if crash:
            self.fail(CRASH, "%s on a damaged database: %s (%s)" % (command, crash, first.brief()))
        if first.timed_out:
            self.fail(HANG, "%s on a damaged database: still running after %.0f s" % (command, first.seconds))
        live = self.server.sessions()
        if live and first.exited():
            self.fail(SESSION_LEFT, "%s on a damaged database exited leaving %d session(s)" % (command, len(live)))
        self.server.end_sessions()
        if not damaged or crash or not first.exited():
            return
        after = quick_check(self.profile)
        if first.returncode == 0:
            if command == "export":
                difference = compare_mirror(first.stdout.splitlines(), expected)
                if difference:
                    self.fail(UNNOTICED, "export of a damaged database exited 0: %s" % difference)
                elif after:
                    self.fail(UNNOTICED, "export exited 0 on a database failing quick_check (%s)" % damaged)
            elif after:
                self.fail(UNNOTICED, "%s exited 0 and carried on in a database failing quick_check (%s)"
                          % (command, after))

    # a damaged spool ------------------------------------------------------------------------------------------

    def family_spool(self):
        self.fresh_profile(False)
        expected_before = self.server.entries()
        mode_index = int(self.case.get("at", "2"))
        self.server.fault({"kind": "stall_headers", "mode": "getevents", "skip": mode_index, "count": 1, "ms": 4000})
        files = {"list": []}

        def spooled():
            files["list"] = spool_files(self.profile)
            return bool(files["list"]) and self.server.faults().get("fired", 0) > 0

        first = self.run(["sync", USER], kill_when=spooled, poll=0.002)
        self.check_run(first, "sync killed with a spool", sessions=False)
        self.server.clear_faults()
        self.server.end_sessions()
        victims = spool_files(self.profile)
        if not victims:
            self.result.notes.append("no spool file was left to damage")
            self.result.fault_fired = False
        else:
            self.result.fault_fired = True
            victim = self.rng.choice(victims)
            size = os.path.getsize(victim)
            how = self.case.get("damage", "truncate")
            if how == "truncate":
                with open(victim, "r+b") as f:
                    f.truncate(self.rng.randrange(0, max(1, size)))
            elif how == "empty":
                open(victim, "wb").close()
            else:
                flip_bytes(victim, self.rng, 0, size, 16)
            self.result.notes.append("%s %s of %d bytes" % (how, os.path.basename(victim), size))
        del expected_before
        if self.recover():
            self.check_mirror()

    # the fuzzing server -------------------------------------------------------------------------------------------

    def family_fuzz(self):
        args = self.prepare()
        for intent in self.intents:
            intent.faulted = True
        modes = self.case.get("modes", "all")
        settings = {"seed": int(self.case.get("fseed")), "rate": float(self.case.get("rate", "1")),
                    "process": float(self.case.get("process", "0.5"))}
        groups = {"write": ["postevent", "editevent"],
                  "read": ["getevents", "syncitems", "getdaycounts"],
                  "auth": ["getchallenge", "sessiongenerate", "sessionexpire", "login"]}
        if modes != "all":
            settings["modes"] = groups[modes]
        self.server.fuzz(settings)
        self.start_other_writer(avoid=[i.itemid for i in self.intents if i.itemid])
        first = self.run(args)
        state = self.server.control("GET", "fuzz")
        self.result.fault_fired = state.get("fuzzed", 0) > 0
        self.server.fuzz_off()
        # A fuzzed sessionexpire the server did not process leaves the session: nobody could end it.
        fuzzed_expire = any(r.get("mode") == "sessionexpire" and r.get("fuzz") and not r.get("processed")
                            for r in self.server.requests())
        self.check_run(first, "%s against the fuzzing server" % self.case.command, sessions=not fuzzed_expire)
        if fuzzed_expire:
            self.server.end_sessions()
        self.finish_write_case(first)
