#!/usr/bin/python3
"""The soak suite's own tests: a checker that reports nothing would pass every soak run.

CheckerTests judge hand-made server states (entries, arrivals, outbox lines) with the code the soak
judges real ones with. BrokenClientTests run soak.py against the real server with a deliberately
broken client, a wrapper around inkwell-cli that posts twice, claims a post it never queued, damages
the database or crashes: each must make the soak fail with that figure. They need $INKWELL_CLI.

    INKWELL_CLI=build/app/cli/inkwell-cli /usr/bin/python3 -m unittest -v test_soak   (in tests/soak)
"""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import random  # noqa: E402
import signal  # noqa: E402
import sqlite3  # noqa: E402
import stat  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import unittest  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from soaklib import cases as C  # noqa: E402
from soaklib.cli import Result  # noqa: E402
from soaklib.known import KNOWN_FAILURES, explain  # noqa: E402
from soaklib.profile import flip_bytes, quick_check  # noqa: E402

EMPTY_MD5 = "d41d8cd98f00"


class FakeServer:
    """What CaseRun asks the server after a case, from hand-made data."""

    def __init__(self, entries=(), posts=(), edits=()):
        self._entries = list(entries)
        self._arrivals = {"postevent": list(posts), "editevent": list(edits)}

    def entries(self):
        return self._entries

    def arrivals(self, mode):
        return self._arrivals[mode]


def arrival(subject=None, itemid=None, event_md5="abc", results=("ok",)):
    return {"subject": subject, "itemid": itemid, "event_md5": event_md5,
            "requests": [{"seq": n + 1, "processed": r != "dropped_before", "result": r} for n, r in enumerate(results)]}


def judge(intents, server, outbox=(), family="fault", faulted=(), logged=()):
    """The failures CaseRun's checks report for `intents` against `server` and outbox lines."""
    case = C.Case(family, "lj", "flat", "challenge", "post", {}, 1)
    run = object.__new__(C.CaseRun)  # no worker, no processes: only the judging
    run.case = case
    run.result = C.CaseResult(case)
    run.server = server
    run.intents = list(intents)
    run.faulted_requests = list(faulted)
    run.command_requests = list(logged)
    run.judge_intents(C.parse_outbox("\n".join(outbox)))
    return run.result


def kinds(result):
    return sorted(f.kind for f in result.failures)


def promised_post(marker="SOAKaa", kind="plain"):
    intent = C.Intent("post", marker, kind)
    intent.promised = True
    return intent


class CheckerTests(unittest.TestCase):
    def test_post_once_passes(self):
        r = judge([promised_post()], FakeServer([{"itemid": 7, "subject": "[SOAKaa] x"}], [arrival("[SOAKaa] x")]))
        self.assertEqual(kinds(r), [])

    def test_two_copies_are_a_duplicate(self):
        server = FakeServer([{"itemid": 7, "subject": "[SOAKaa] x"}, {"itemid": 8, "subject": "[SOAKaa] x"}],
                            [arrival("[SOAKaa] x", results=("dropped", "ok"))])
        self.assertEqual(kinds(judge([promised_post()], server)), [C.DUPLICATE])

    def test_two_applied_requests_are_a_duplicate_even_with_one_entry(self):
        # Counted at the server as requests arrive: a server that merged the copies hides nothing.
        server = FakeServer([{"itemid": 7, "subject": "[SOAKaa] x"}], [arrival("[SOAKaa] x", results=("ok", "ok"))])
        self.assertEqual(kinds(judge([promised_post()], server)), [C.DUPLICATE])

    def test_a_taken_post_nowhere_is_lost(self):
        self.assertEqual(kinds(judge([promised_post()], FakeServer())), [C.LOST])

    def test_a_post_never_taken_is_not_lost(self):
        intent = C.Intent("post", "SOAKaa", "plain")  # killed before the outbox had it
        self.assertEqual(kinds(judge([intent], FakeServer())), [])

    def test_failed_without_refusal_and_stuck(self):
        line = "3\tfailed\tpost\talice\t[SOAKaa] x\tsomething"
        self.assertEqual(kinds(judge([promised_post()], FakeServer(), [line])), [C.WRONGLY_FAILED])
        refused = promised_post()
        refused.refused = True
        self.assertEqual(kinds(judge([refused], FakeServer(), [line])), [])
        waiting = "3\twaiting\tpost\talice\t[SOAKaa] x\tno network"
        self.assertEqual(kinds(judge([promised_post()], FakeServer(), [waiting])), [C.STUCK])

    def test_a_healthy_servers_refusal_of_the_write_is_rightful(self):
        # lj's 153 may meet the command's write or, after a fault hid its outcome, the recovery
        # sync's; either is the server's own refusal. A faulted answer or another entry's is not.
        line = "3\tfailed\tpost\talice\t[SOAKaa] x\tIncorrect time value"
        for log, rightful in (([{"mode": "postevent", "subject": "[SOAKaa] x", "result": "153"}], True),
                              ([{"mode": "postevent", "subject": "[SOAKaa] x", "result": "153", "fault": "error"}], False),
                              ([{"mode": "postevent", "subject": "[SOAKbb] y", "result": "153"}], False),
                              ([{"mode": "postevent", "subject": "[SOAKaa] x", "result": "ok"}], False)):
            intent = promised_post()
            run = object.__new__(C.CaseRun)
            run.intents = [intent]
            run.note_rightful_refusals(log)
            self.assertEqual(intent.refused, rightful, log)
            expected = [] if rightful else [C.WRONGLY_FAILED]
            self.assertEqual(kinds(judge([intent], FakeServer(), [line])), expected, log)

    def test_on_the_server_and_still_in_the_outbox(self):
        server = FakeServer([{"itemid": 7, "subject": "[SOAKaa] x"}], [arrival("[SOAKaa] x")])
        line = "3\tunknown\tpost\talice\t[SOAKaa] x\tno reply"
        self.assertEqual(kinds(judge([promised_post()], server, [line])), [C.SENT_BUT_KEPT])

    def test_wrong_itemid_claimed(self):
        intent = promised_post()
        intent.claimed = "posted 9 http://x/9.html"
        server = FakeServer([{"itemid": 7, "subject": "[SOAKaa] x"}], [arrival("[SOAKaa] x")])
        self.assertEqual(kinds(judge([intent], server)), [C.WRONG_CLAIM])

    def test_edit_and_delete_applied_twice_are_duplicates(self):
        edit = C.Intent("edit", "EDITbb", "plain", 5)
        edit.promised = True
        server = FakeServer([{"itemid": 5, "subject": "[EDITbb] y"}],
                            edits=[arrival("[EDITbb] y", itemid=5, results=("ok", "ok"))])
        self.assertEqual(kinds(judge([edit], server)), [C.DUPLICATE])
        delete = C.Intent("delete", None, None, 6)
        delete.promised = True
        twice = FakeServer([], edits=[arrival("", itemid=6, event_md5=EMPTY_MD5, results=("ok", "ok"))])
        self.assertEqual(kinds(judge([delete], twice)), [C.DUPLICATE])
        once = FakeServer([], edits=[arrival("", itemid=6, event_md5=EMPTY_MD5)])
        self.assertEqual(kinds(judge([delete], once)), [])
        # Refused first (its session had expired), carried out once when sent again: no duplicate.
        refused_then_ok = FakeServer([{"itemid": 5, "subject": "[EDITbb] y"}],
                                     edits=[arrival("[EDITbb] y", itemid=5, results=("101", "ok"))])
        self.assertEqual(kinds(judge([edit], refused_then_ok)), [])

    def test_a_deletion_that_never_happened_is_lost(self):
        delete = C.Intent("delete", None, None, 6)
        delete.promised = True
        self.assertEqual(kinds(judge([delete], FakeServer([{"itemid": 6, "subject": "kept"}]))), [C.LOST])

    def test_an_expected_conflict_that_overwrote(self):
        edit = C.Intent("edit", "EDITbb", "plain", 5)
        edit.promised = edit.expect_conflict = True
        server = FakeServer([{"itemid": 5, "subject": "[EDITbb] y"}], edits=[arrival("[EDITbb] y", itemid=5)])
        self.assertEqual(kinds(judge([edit], server)), [C.OVERWROTE])
        line = "4\tconflict\tedit\talice\t[EDITbb] y\tchanged on the server"
        self.assertEqual(kinds(judge([edit], FakeServer([{"itemid": 5, "subject": "web"}]), [line])), [])

    def test_fuzzing_excuses_only_lies_about_the_change_itself(self):
        intent = promised_post()
        write = {"seq": 10, "mode": "postevent", "subject": "[SOAKaa] x"}
        mirror_lie = {"seq": 4, "mode": "getevents", "fuzz": {"mutation": "x"}}
        lookup_lie = {"seq": 12, "mode": "getevents", "fuzz": {"mutation": "x"}}
        # A fuzzed getevents of the mirror, before the post was ever written, is no excuse for a loss.
        r = judge([intent], FakeServer(), family="fuzz", faulted=[mirror_lie], logged=[mirror_lie, write])
        self.assertEqual(kinds(r), [C.LOST])
        r = judge([intent], FakeServer(), family="fuzz", faulted=[lookup_lie], logged=[write, lookup_lie])
        self.assertEqual((kinds(r), len(r.lied)), ([], 1))

    def test_fuzzing_excuses_a_conflict_only_after_a_fuzzed_read(self):
        edit = C.Intent("edit", "EDITbb", "plain", 5)
        edit.promised = True
        line = "4\tconflict\tedit\talice\t[EDITbb] y\tchanged on the server"
        server = FakeServer([{"itemid": 5, "subject": "kept"}])
        lie = {"seq": 3, "mode": "getevents", "fuzz": {"mutation": "x"}}
        r = judge([edit], server, [line], family="fuzz", faulted=[lie], logged=[lie])
        self.assertEqual((kinds(r), len(r.lied)), ([], 1))
        # Without a fuzzed read, or outside fuzzing, the same conflict is a failure.
        self.assertEqual(kinds(judge([edit], server, [line], family="fuzz")), [C.WRONG_CONFLICT])
        self.assertEqual(kinds(judge([edit], server, [line], faulted=[lie], logged=[lie])), [C.WRONG_CONFLICT])

    def test_compare_mirror(self):
        server = [{"itemid": 1, "subject": "a", "event": "x\r\ny", "security": "public", "eventtime": "2020-01-02 03:04:00",
                   "tags": ["Food", "travel"], "props": {"current_mood": "ok", "opt_nocomments": "0"}}]
        mirror = ['{"itemid": 1, "subject": "a", "event": "x\\ny", "security": "public", '
                  '"eventtime": "2020-01-02 03:04:00", "props": {"current_mood": "ok", "taglist": "food, travel"}}']
        self.assertIsNone(C.compare_mirror(mirror, server))
        self.assertIn("missing", C.compare_mirror([], server))
        self.assertIn("only in the mirror", C.compare_mirror(mirror, []))
        changed = [mirror[0].replace('"x\\ny"', '"x\\nz"')]
        self.assertIn("item 1 event", C.compare_mirror(changed, server))

    def test_crash_and_its_absence(self):
        def result(code, killed=False, stderr=""):
            r = Result([])
            r.returncode, r.killed, r.stderr = code, killed, stderr
            return r
        self.assertIsNone(result(0).crash())
        self.assertIsNone(result(1).crash())
        self.assertIsNone(result(-signal.SIGKILL, killed=True).crash())  # the harness's own kill -9
        self.assertIn("SIGABRT", result(-signal.SIGABRT).crash())         # std::bad_variant_access
        self.assertIn("SIGSEGV", result(-signal.SIGSEGV).crash())
        self.assertIn("SIGKILL", result(-signal.SIGKILL).crash())        # nobody here sent it
        self.assertIn("134", result(134).crash())
        self.assertIn("sanitizer", result(1, stderr="==1==ERROR: AddressSanitizer: heap-use-after-free").crash())

    def test_quick_check_sees_a_damaged_page(self):
        with tempfile.TemporaryDirectory() as profile:
            db = os.path.join(profile, "journal.sqlite")
            conn = sqlite3.connect(db)
            conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
            conn.execute("CREATE INDEX tv ON t (v)")
            conn.executemany("INSERT INTO t (v) VALUES (?)", [("row %d " % n * 20,) for n in range(2000)])
            conn.commit()
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            size = conn.execute("PRAGMA page_size").fetchone()[0]
            conn.close()
            self.assertIsNone(quick_check(profile))
            flip_bytes(db, random.Random(3), size * (pages // 2), size, 512)
            self.assertIsNotNone(quick_check(profile))


class KnownFailureTests(unittest.TestCase):
    def test_entries_are_complete_and_witnessed(self):
        for entry in KNOWN_FAILURES:
            for key in ("id", "issue", "behaviour", "match", "witnesses"):
                self.assertIn(key, entry)
            self.assertTrue(entry["witnesses"], entry["id"])  # without one, staleness goes unseen
            for witness in entry["witnesses"]:
                self.assertEqual(C.Case.parse(witness).id(), witness)

    def test_nothing_explains_a_duplicate_or_loss(self):
        # The look-up recognises what the server makes of an entry: a post sent twice after a lost
        # reply, or any loss, is a failure whatever its content.
        case = C.Case.parse("fault/lj/flat/clear/post/content=plain,kind=truncate,step=postevent#0/s1")
        for content in ("plain", "tags_duplicate"):
            promised = promised_post(kind=content)
            for kind in (C.DUPLICATE, C.LOST, C.CORRUPT, C.CRASH):
                self.assertIsNone(explain(case, C.Failure(kind, "x", promised)), (content, kind))


BROKEN = r'''#!/usr/bin/python3
# A deliberately broken inkwell-cli for the soak's own test: {how}.
import os, signal, sqlite3, subprocess, sys
REAL, HOW = {real!r}, {how!r}
args = sys.argv[1:]
command = args[2] if len(args) > 2 else ""
data = sys.stdin.buffer.read()
def real():
    p = subprocess.run([REAL] + args, input=data, capture_output=True)
    return p
if HOW == "lose" and command == "post":
    print("posted 4242 http://example.invalid/4242.html")  # claimed, never queued, never sent
    sys.exit(0)
if HOW == "crash" and command == "export":
    os.kill(os.getpid(), signal.SIGSEGV)
p = real()
if HOW == "duplicate" and command == "post":
    real()  # the same entry queued and sent a second time
if HOW == "corrupt" and command == "sync" and p.returncode == 0:
    db = os.path.join(args[1], "journal.sqlite")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    size, pages = conn.execute("PRAGMA page_size").fetchone()[0], conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(db, "r+b") as f:
        f.seek(size * (pages // 2))
        f.write(bytes(range(256)) * (size // 256))
sys.stdout.buffer.write(p.stdout)
sys.stderr.buffer.write(p.stderr)
sys.exit(p.returncode)
'''

# A harmless fault (a 1 ms delay), so that the case is an ordinary fault case with its other client.
CASE = "fault/lj/flat/challenge/post/content=plain,kind=delay,ms=1,step=postevent#0/s7"


@unittest.skipUnless(os.environ.get("INKWELL_CLI"), "needs $INKWELL_CLI (the inkwell-cli binary)")
class BrokenClientTests(unittest.TestCase):
    def soak(self, how):
        with tempfile.TemporaryDirectory(prefix="soak-broken-") as tmp:
            os.chmod(tmp, 0o755)
            wrapper = os.path.join(tmp, "inkwell-cli")
            with open(wrapper, "w") as f:
                f.write(BROKEN.format(real=os.path.abspath(os.environ["INKWELL_CLI"]), how=how))
            os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            p = subprocess.run([sys.executable, os.path.join(HERE, "soak.py"), "--cli", wrapper, "--case", CASE],
                               capture_output=True, text=True, timeout=300)
        return p.returncode, p.stdout

    def figure(self, out, label):
        line = [l for l in out.splitlines() if l.startswith("  %-15s" % label)]
        self.assertTrue(line, out)
        return int(line[0][17:].split()[0])

    def test_the_real_client_passes_this_case(self):
        self.soak_and_expect("honest", None)

    def soak_and_expect(self, how, label):
        code, out = self.soak(how)
        if label is None:
            self.assertEqual(code, 0, out)
            return
        self.assertEqual(code, 1, out)
        self.assertGreaterEqual(self.figure(out, label), 1, out)
        self.assertIn("FAILURES", out)
        self.assertRegex(out.splitlines()[-1], r"^soak totals: .* FAIL$")

    def test_a_post_sent_twice_is_a_duplicate(self):
        self.soak_and_expect("duplicate", "duplicates")

    def test_a_post_claimed_but_never_queued_is_lost(self):
        self.soak_and_expect("lose", "lost")

    def test_a_damaged_database_is_corrupt(self):
        self.soak_and_expect("corrupt", "corrupt")

    def test_a_segfault_is_a_crash(self):
        self.soak_and_expect("crash", "crashes")


if __name__ == "__main__":
    unittest.main()
