"""Seeding (README "Seeding"): --seed N generated entries (10,000 in well under 10 s), --seed demo for
the GUI's demo mode, determinism, the dw-transcripts preset, and rich journals (seed_rich, also
written into a database file by ``python3 -m ljsrv.seed``)."""

import os
import subprocess
import tempfile
import time
import unittest
from urllib.parse import unquote_plus

from ljsrv import seed
from support import HERE, PYTHON, Api, InProcessServer, start_subprocess, stop_subprocess

DEMO = {"username": "demo", "password": "demo", "ver": 1}


class GeneratedEntries(unittest.TestCase):
    def test_10000_entries_are_fast_and_syncable(self):
        started = time.time()
        server = InProcessServer(users=["bench:pw"], seed=10000)
        elapsed = time.time() - started
        print("\n  seeding 10,000 entries took %.2f s" % elapsed)
        try:
            self.assertLess(elapsed, 10.0)        # the requirement; typically well under a second
            c = server.client()
            dump = c.ctl("GET", "entries?journal=bench")
            self.assertEqual(dump["count"], 10000)
            self.assertEqual([e["itemid"] for e in dump["entries"]], list(range(1, 10001)))
            securities = {e["security"] for e in dump["entries"]}
            self.assertEqual(securities, {"public", "private", "usemask"})
            api = Api(c, "flat")
            result = api("syncitems", username="bench", password="pw")
            self.assertEqual((result["sync_count"], result["sync_total"]), ("500", "10000"))
            # new posts go after the seeded ones
            self.assertEqual(api("postevent", event="new", username="bench", password="pw", year=2037, mon=1, day=1,
                                 hour=0, min=0)["itemid"], "10001")
        finally:
            server.stop()

    def test_deterministic(self):
        dumps = []
        for _ in range(2):
            server = InProcessServer(users=["bench:pw"], seed=300)
            try:
                entries = server.client().ctl("GET", "entries?journal=bench")["entries"]
                dumps.append([{k: v for k, v in e.items() if k != "url"} for e in entries])   # URLs carry the port
            finally:
                server.stop()
        self.assertEqual(dumps[0], dumps[1])

    def test_seed_goes_to_the_first_user(self):
        server = InProcessServer(users=["first:pw", "second:pw"], seed=5)
        try:
            c = server.client()
            self.assertEqual(c.ctl("GET", "entries?journal=first")["count"], 5)
            self.assertEqual(c.ctl("GET", "entries?journal=second")["count"], 0)
        finally:
            server.stop()


def _rich_server(count, flavor="dw", seed_value=1):
    server = InProcessServer(flavor=flavor, users=["alice:pw"])
    with server.app.lock:
        seed.seed_rich(server.app, "alice", count, seed_value)
    return server


class BurstJournal(unittest.TestCase):
    def test_entries_packed_into_one_or_two_seconds(self):
        server = InProcessServer(flavor="lj", users=["alice:pw"], seed=3)
        try:
            c = server.client()
            for seconds, at in ((1, "2026-11-23 11:41:40"), (2, "2026-11-23 12:00:00")):
                self.assertEqual(c.ctl("POST", "seed", {"user": "alice", "count": 600, "burst": at,
                                                        "seconds": seconds})["count"], 600)
            entries = c.ctl("GET", "entries?journal=alice")["entries"]
            self.assertEqual([e["itemid"] for e in entries], list(range(1, 1204)))
            logtimes = [e["logtime"] for e in entries[3:]]
            self.assertEqual(logtimes.count("2026-11-23 11:41:40"), 600)
            self.assertEqual(logtimes.count("2026-11-23 12:00:00"), 300)
            self.assertEqual(logtimes.count("2026-11-23 12:00:01"), 300)
            events = [e["event"] for e in entries[3:]]
            self.assertEqual(sum(1 for e in events if len(e.encode("utf-8")) >= 60 * 1024), 6)
            self.assertTrue(all(len(e.encode("utf-8")) < 65535 for e in events))
            self.assertTrue(any("\r\n" in e for e in events))
            self.assertTrue(any(ord(ch) > 0xFFFF for e in events for ch in e))
            self.assertLess(len({e["eventtime"][:10] for e in entries[3:]}), 600)       # some days hold several
            status, answer = c.control("POST", "seed", {"user": "alice", "count": 1, "burst": "2026-11-23 12:00:00",
                                                        "seconds": 3})
            self.assertEqual((status, answer["error"][:7]), (400, "a burst"))
        finally:
            server.stop()


class RichJournal(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = _rich_server(3000)
        cls.entries = cls.server.client().ctl("GET", "entries?journal=alice")["entries"]

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_content(self):
        entries = self.entries
        self.assertEqual(len(entries), 3000)
        itemids = [e["itemid"] for e in entries]
        self.assertEqual(len(set(itemids)), 3000)
        self.assertGreater(max(itemids), 3000)                                    # gaps
        texts = [e["subject"] + e["event"] for e in entries]
        for sample in ("ещё", "日本語", "中文", "😀", "👨‍👩‍👧‍👦", "𝄞", "שלום", "e\u0301", "\u2028", "<lj user="):
            self.assertTrue(any(sample in t for t in texts), sample)
        crlf = [e for e in entries if "\r\n" in e["event"]]
        self.assertGreater(len(crlf), 500)
        self.assertTrue(all("\n" not in e["event"].replace("\r\n", "") for e in crlf))
        self.assertTrue(any(e["event"].startswith("\ufeff") for e in entries))
        self.assertTrue(any(e["event"].startswith("  ") for e in entries))
        big = [e for e in entries if len(e["event"].encode("utf-8")) >= 100 * 1024]
        self.assertEqual(len(big), 1)
        self.assertLess(len(big[0]["event"].encode("utf-8")), 120 * 1024)
        props = set().union(*(e["props"] for e in entries))
        self.assertTrue({"current_mood", "current_moodid", "current_music", "current_location", "opt_backdated",
                         "opt_preformatted"} <= props)
        self.assertTrue(any(len(e["tags"]) >= 3 for e in entries))
        self.assertIn("книги", {t for e in entries for t in e["tags"]})
        self.assertEqual({e["security"] for e in entries}, {"public", "private", "usemask"})
        self.assertTrue(any(e["revnum"] and e["revtime"] for e in entries))
        logtimes = [e["logtime"] for e in entries]
        self.assertLess(len(set(logtimes)), len(logtimes))                       # shared seconds
        days = {}
        for e in entries:
            days[e["eventtime"][:10]] = days.get(e["eventtime"][:10], 0) + 1
        self.assertLess(max(days.values()), 20)

    def test_bodies_come_back_unchanged_with_unix_lineendings(self):
        # The server converts only LF on output, so CRLF stored in the database reaches the client.
        dump = {e["itemid"]: e for e in self.entries}
        crlf = [e["itemid"] for e in self.entries if "\r\n" in e["event"]][:40]
        big = [e["itemid"] for e in self.entries if len(e["event"]) > 50000]
        for interface in ("flat", "xmlrpc"):
            with self.subTest(interface):
                api = Api(self.server.client(), interface)
                result = api("getevents", username="alice", password="pw", ver=1, selecttype="multiple",
                             lineendings="unix", itemids=",".join(str(i) for i in crlf + big))
                if interface == "flat":
                    events = {int(result["events_%d_itemid" % n]): unquote_plus(result["events_%d_event" % n])
                              for n in range(1, int(result["events_count"]) + 1)}
                else:
                    events = {e["itemid"]: e["event"] for e in result["events"]}
                    events = {k: v.decode("utf-8") if isinstance(v, bytes) else v for k, v in events.items()}
                self.assertEqual(sorted(events), sorted(crlf + big))
                for itemid, event in events.items():
                    self.assertEqual(event, dump[itemid]["event"])

    def test_deterministic(self):
        dumps = []
        for _ in range(2):
            server = _rich_server(400, seed_value=7)
            try:
                entries = server.client().ctl("GET", "entries?journal=alice")["entries"]
                dumps.append([{k: v for k, v in e.items() if k != "url"} for e in entries])
            finally:
                server.stop()
        self.assertEqual(dumps[0], dumps[1])
        self.assertEqual(len(dumps[0]), 400)

    def test_module_writes_a_database_file_that_the_server_serves(self):
        with tempfile.TemporaryDirectory() as temp:
            path = os.path.join(temp, "rich.sqlite")
            command = [PYTHON, "-m", "ljsrv.seed", "--db", path, "--user", "alice:pw", "--rich", "1200"]
            started = time.time()
            subprocess.run(command, cwd=HERE, check=True)
            self.assertLess(time.time() - started, 20)
            again = subprocess.run(command, cwd=HERE, capture_output=True)
            self.assertEqual(again.returncode, 2)                                 # never over an existing file
            proc, url = start_subprocess("--flavor", "dw", "--db", path)
            try:
                from support import Client
                client = Client(url)
                self.assertEqual(client.ctl("GET", "entries?journal=alice")["count"], 1200)
                result = Api(client, "flat")("syncitems", username="alice", password="pw")
                self.assertEqual((result["sync_count"], result["sync_total"]), ("500", "1200"))
                client.close()
            finally:
                stop_subprocess(proc)


class DemoJournal(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.servers = {flavor: InProcessServer(flavor=flavor, seed="demo") for flavor in ("lj", "dw")}

    @classmethod
    def tearDownClass(cls):
        for server in cls.servers.values():
            server.stop()

    def test_demo_journal_content(self):
        c = self.servers["lj"].client()
        entries = c.ctl("GET", "entries?journal=demo")["entries"]
        self.assertGreater(len(entries), 250)
        years = {e["eventtime"][:4] for e in entries}
        self.assertGreaterEqual(len(years), 5)
        self.assertEqual({e["security"] for e in entries}, {"public", "private", "usemask"})
        self.assertTrue(any(e["allowmask"] > 1 for e in entries))
        self.assertTrue(any(e["revnum"] for e in entries))                       # edits
        self.assertTrue(any(e["commentalter"] for e in entries))                 # comment activity
        itemids = [e["itemid"] for e in entries]
        self.assertLess(len(itemids), max(itemids))                               # deletions left gaps
        props = set().union(*(e["props"] for e in entries))
        self.assertTrue({"current_mood", "current_music", "current_location", "picture_keyword",
                         "opt_backdated"} <= props)
        self.assertTrue(any(e["tags"] for e in entries))
        self.assertTrue(any(any(ord(ch) > 127 for ch in e["subject"] + e["event"]) for e in entries))
        self.assertEqual(len(c.ctl("GET", "entries?journal=demo_comm")["entries"]), 40)

    def test_demo_account_works_over_the_protocol(self):
        for flavor, server in self.servers.items():
            with self.subTest(flavor):
                c = server.client()
                xml = Api(c, "xmlrpc")
                login = xml("login", getpickws=1, getpickwurls=1, getmoods=0, **DEMO)
                self.assertEqual(login["fullname"], "Demo Writer")
                self.assertEqual(login["usejournals"], ["demo_comm"])
                self.assertIn("smile", login["pickws"])
                self.assertTrue(login["defaultpicurl"])
                if flavor == "lj":
                    self.assertEqual([g["name"] for g in login["friendgroups"]], ["Close friends", "Work", "Family"])
                    friends = xml("getfriends", includefriendof=1, **DEMO)
                    self.assertEqual([f["username"] for f in friends["friends"]], ["alex", "demo_comm", "robin", "sam"])
                    self.assertEqual([f["username"] for f in friends["friendofs"]], ["alex", "sam"])
                else:
                    circle = xml("getcircle", includetrustgroups=1, includewatchedusers=1, includetrustedby=1,
                                 includecontentfilters=1, **DEMO)
                    self.assertEqual(len(circle["trustgroups"]), 3)
                    self.assertEqual(sorted(u["username"] for u in circle["watchedusers"]),
                                     ["alex", "demo_comm", "robin", "sam"])
                    self.assertEqual(circle["contentfilters"][0]["data"], "alex")
                days = xml("getdaycounts", **DEMO)["daycounts"]
                self.assertGreater(len(days), 200)
                events = xml("getevents", selecttype="lastn", howmany=50, usejournal="demo_comm", **DEMO)["events"]
                self.assertEqual(len(events), 40)
                self.assertEqual(len(xml("getusertags", **DEMO)["tags"]), 10)
                # the demo user can also log in with a challenge (password = API key on dw)
                chal = xml("getchallenge")["challenge"]
                import hashlib
                md5 = lambda s: hashlib.md5(s.encode()).hexdigest()
                xml("login", username="demo", auth_method="challenge", auth_challenge=chal,
                    auth_response=md5(chal + md5("demo")))


class TranscriptPreset(unittest.TestCase):
    def test_accounts_and_first_entry(self):
        server = InProcessServer(flavor="dw", preset="dw-transcripts")
        try:
            c = server.client()
            xml = Api(c, "xmlrpc")
            for user, password, key, userid in (("ljalice", "alicepass1", "fttjTvuhC3c2W9bXYdpoV95qkty1vjtN", 2),
                                                ("ljbob", "bobpass22", "FxzTahdJLBNxfpZp7eAsF6O8LIES4Rgd", 3),
                                                ("ljcarol", "carolpass3", "kGGbdyZeYLUCF3b0u9eQASfH0CGkDc4B", 4),
                                                ("ljdave", "davepass44", "kpSKZyDofbWE6ttJdzIdszkFOCJ8F1O3", 5)):
                self.assertEqual(xml("login", username=user, password=password)["userid"], userid)
                xml("login", username=user, password=key)
            self.assertEqual(xml("login", username="ljalice", password="alicepass1")["usejournals"], ["ljcomm"])
            self.assertEqual(xml("login", username="ljbob", password="bobpass22", getcaps=1)["caps"], 10)
            [entry] = c.ctl("GET", "entries?journal=ljalice")["entries"]
            self.assertEqual((entry["itemid"], entry["subject"], entry["event"], entry["eventtime"], entry["logtime"]),
                             (1, "t", "hello world", "2026-11-23 12:00:00", "2026-11-23 11:33:51"))
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
