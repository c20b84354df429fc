"""The control API (README "Control API"): clock, reset, entries dump, users, relations, comments,
seed, info, and its error handling."""

import time
import unittest

from ljsrv.clock import parse_datetime
from support import Api, InProcessServer

ALICE = {"username": "alice", "password": "pw1", "ver": 1}


class ClockApi(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(users=["alice:pw1"])
        self.c = self.server.client()

    def tearDown(self):
        self.server.stop()

    def test_real_by_default(self):
        clock = self.c.ctl("GET", "clock")
        self.assertTrue(clock["real"])
        self.assertFalse(clock["frozen"])
        self.assertLessEqual(abs(clock["unix"] - time.time()), 2)

    def test_set_freeze_advance_real(self):
        clock = self.c.ctl("POST", "clock", {"set": "2030-01-02 03:04:05", "frozen": True})
        self.assertEqual((clock["now"], clock["unix"], clock["frozen"], clock["real"]),
                         ("2030-01-02 03:04:05", parse_datetime("2030-01-02 03:04:05"), True, False))
        time.sleep(1.1)
        self.assertEqual(self.c.ctl("GET", "clock")["now"], "2030-01-02 03:04:05")
        self.assertEqual(self.c.ctl("POST", "clock", {"advance": 3600.5})["now"], "2030-01-02 04:04:05")
        running = self.c.ctl("POST", "clock", {"frozen": False})
        self.assertFalse(running["frozen"])
        time.sleep(1.1)
        self.assertGreater(self.c.ctl("GET", "clock")["unix"], parse_datetime("2030-01-02 04:04:05"))
        self.assertTrue(self.c.ctl("POST", "clock", {"real": True})["real"])
        self.assertEqual(self.c.control("POST", "clock", {"set": "soon"})[0], 400)

    def test_protocol_times_follow_the_clock(self):
        self.c.ctl("POST", "clock", {"set": "2031-05-06 07:08:09", "frozen": True})
        api = Api(self.c, "xmlrpc")
        challenge = api("getchallenge")
        self.assertEqual(challenge["server_time"], parse_datetime("2031-05-06 07:08:09"))
        api("postevent", event="x", year=2031, mon=1, day=1, hour=0, min=0, **ALICE)
        self.c.ctl("POST", "clock", {"advance": 61})
        api("editevent", itemid=1, event="y", **ALICE)
        entry = self.c.ctl("GET", "entries?journal=alice")["entries"][0]
        self.assertEqual((entry["logtime"], entry["revtime"]),
                         ("2031-05-06 07:08:09", parse_datetime("2031-05-06 07:09:10")))
        items = api("syncitems", lastsync="2031-01-01 00:00:00", **ALICE)["syncitems"]
        self.assertEqual(items, [{"item": "L-1", "action": "update", "time": "2031-05-06 07:09:10"}])

    def test_clock_option_starts_frozen(self):
        server = InProcessServer(clock=parse_datetime("2020-02-02 02:02:02"))
        try:
            clock = server.client().ctl("GET", "clock")
            self.assertEqual((clock["now"], clock["frozen"]), ("2020-02-02 02:02:02", True))
        finally:
            server.stop()


class DataApi(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="dw", users=["alice:pw1"], communities=[("comm", "alice")])
        self.c = self.server.client()
        self.api = Api(self.c, "flat")

    def tearDown(self):
        self.server.stop()

    def test_entries_dump(self):
        self.api("postevent", subject="Sü", event="body\nline", security="usemask", allowmask=1,
                 props={"current_mood": "ok", "taglist": "b, a"}, year=2026, mon=1, day=2, hour=3, min=4, **ALICE)
        dump = self.c.ctl("GET", "entries?journal=alice")
        self.assertEqual((dump["journal"], dump["count"]), ("alice", 1))
        entry = dump["entries"][0]
        self.assertEqual((entry["itemid"], entry["subject"], entry["event"], entry["eventtime"], entry["security"],
                          entry["allowmask"], entry["poster"], entry["tags"]),
                         (1, "Sü", "body\nline", "2026-01-02 03:04:00", "usemask", 1, "alice", ["a", "b"]))
        self.assertEqual(entry["props"]["current_mood"], "ok")
        self.assertEqual(entry["url"], "%s/~alice/%d.html" % (self.server.url, 256 + entry["anum"]))
        self.assertEqual(self.c.control("GET", "entries?journal=nosuch")[0], 404)

    def test_reset(self):
        self.api("postevent", event="x", year=2026, mon=1, day=1, hour=0, min=0, **ALICE)
        self.c.ctl("POST", "faults", {"kind": "http500"})
        result = self.c.ctl("POST", "reset")
        self.assertEqual(result["users"], ["alice", "comm"])
        self.assertEqual(self.c.ctl("GET", "entries?journal=alice")["count"], 0)
        self.assertEqual(self.c.ctl("GET", "faults")["faults"], [])
        self.assertEqual(self.c.ctl("GET", "stats")["total"], 0)
        self.assertEqual(self.api("postevent", event="x", year=2026, mon=1, day=1, hour=0, min=0, **ALICE)["itemid"], "1")
        self.assertEqual(self.c.ctl("POST", "reset", {"empty": True})["users"], [])
        self.assertEqual(self.api.fails("login", **ALICE).text, "Invalid username")

    def test_users_relations_comments_seed_info(self):
        self.c.ctl("POST", "users", {"user": "bob", "password": "pw2", "apikeys": ["BOBKEY"], "name": "Bob B", "paid": 1})
        self.c.ctl("POST", "users", {"user": "club", "community": True, "maintainer": "bob", "members": ["alice"]})
        self.assertEqual(self.c.control("POST", "users", {"user": "bob", "password": "x"})[0], 400)
        xml = Api(self.c, "xmlrpc")
        login = xml("login", username="bob", password="BOBKEY")
        self.assertEqual((login["fullname"], login["usejournals"], login["fastserver"]), ("Bob B", ["club"], 1))
        self.assertEqual(xml("login", **ALICE)["usejournals"], ["club", "comm"])
        self.c.ctl("POST", "relations", {"user": "bob", "target": "alice", "trust": 1, "groupmask": 2, "watch": 1})
        circle = xml("getcircle", includetrustedusers=1, username="bob", password="pw2")
        self.assertEqual(circle["trustedusers"][0]["groupmask"], (1 << 61) | 3)
        self.c.ctl("POST", "seed", {"user": "alice", "count": 25})
        self.c.ctl("POST", "clock", {"set": "2030-01-01 00:00:00", "frozen": True})
        self.c.ctl("POST", "comments", {"journal": "alice", "itemid": 3})
        self.assertEqual(self.c.control("POST", "comments", {"journal": "alice", "itemid": 999})[0], 404)
        items = xml("syncitems", lastsync="2029-12-31 00:00:00", **ALICE)["syncitems"]
        self.assertEqual(items, [{"item": "C-3", "action": "update", "time": "2030-01-01 00:00:00"}])
        info = self.c.ctl("GET", "info")
        self.assertEqual(info["flavor"], "dw")
        self.assertIn("getcircle", info["modes"]["xmlrpc"])
        self.assertNotIn("getcircle", info["modes"]["flat"])

    def test_errors(self):
        status, body = self.c.control("GET", "nosuch")
        self.assertEqual(status, 404)
        self.assertIn("stats", body["paths"])
        self.assertEqual(self.c.control("DELETE", "stats")[0], 405)
        resp = self.c.request("POST", "/__control/clock", b"{not json", {"Content-Type": "application/json"})
        self.assertEqual(resp.status, 400)
        self.assertEqual(self.c.request("GET", "/elsewhere").status, 404)


if __name__ == "__main__":
    unittest.main()
