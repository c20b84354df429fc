"""The control API (README "Control API"): clock, reset, entries dump, entries written by another
client, users, relations, comments, seed, info, and its error handling."""

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


class OtherClientWrites(unittest.TestCase):
    """POST /__control/entries, entries/edit, entries/delete: another client (the web site) writing while
    the client under test syncs and posts."""

    def setUp(self):
        self.server = InProcessServer(flavor="dw", users=["alice:pw1", "bob:pw2"], communities=[("comm", "alice")],
                                      clock=parse_datetime("2030-03-04 05:06:07"))
        self.c = self.server.client()
        self.flat, self.xml = Api(self.c, "flat"), Api(self.server.client(), "xmlrpc")

    def tearDown(self):
        self.server.stop()

    def dump(self, journal="alice"):
        return self.c.ctl("GET", "entries?journal=" + journal)["entries"]

    def sync(self, lastsync="2030-01-01 00:00:00"):
        return self.xml("syncitems", lastsync=lastsync, **ALICE)["syncitems"]

    def test_create_shows_up_like_a_post_made_now(self):
        made = self.c.ctl("POST", "entries", {"journal": "alice", "subject": "from the web", "event": "a\r\nb",
                                              "security": "usemask", "props": {"current_mood": "busy"},
                                              "tags": ["Web", "two"]})
        self.assertEqual((made["itemid"], made["logtime"]), (1, "2030-03-04 05:06:07"))
        self.assertEqual(made["url"], "%s/~alice/%d.html" % (self.server.url, 256 + made["anum"]))
        entry = self.dump()[0]
        self.assertEqual((entry["subject"], entry["event"], entry["eventtime"], entry["security"], entry["allowmask"],
                          entry["poster"], entry["revnum"], entry["tags"]),
                         ("from the web", "a\nb", "2030-03-04 05:06:00", "usemask", 1, "alice", 0, ["two", "web"]))
        self.assertEqual(self.sync(), [{"item": "L-1", "action": "create", "time": "2030-03-04 05:06:07"}])
        event = self.flat("getevents", selecttype="one", itemid=1, **ALICE)
        self.assertEqual((event["events_1_subject"], event["events_1_anum"]), ("from the web", str(made["anum"])))
        props = {event["prop_%d_name" % n]: event["prop_%d_value" % n] for n in range(1, int(event["prop_count"]) + 1)}
        self.assertEqual((props["current_mood"], props["taglist"]), ("busy", "two, web"))
        # the itemids go on from there for the client's own posts
        self.assertEqual(self.flat("postevent", event="mine", year=2030, mon=3, day=4, hour=5, min=7, **ALICE)["itemid"], "2")

    def test_create_with_an_eventtime_and_in_a_community(self):
        made = self.c.ctl("POST", "entries", {"journal": "alice", "event": "old", "eventtime": "2001-02-03 04:05"})
        self.assertEqual(self.dump()[0]["eventtime"], "2001-02-03 04:05:00")
        self.assertEqual(made["itemid"], 1)
        self.assertEqual(self.c.control("POST", "entries", {"journal": "comm", "event": "x"})[0], 400)
        made = self.c.ctl("POST", "entries", {"journal": "comm", "event": "x", "poster": "bob"})
        self.assertEqual((made["journal"], made["itemid"]), ("comm", 1))
        self.assertEqual(self.dump("comm")[0]["poster"], "bob")

    def test_edit_is_an_update_at_the_edit_time(self):
        self.c.ctl("POST", "entries", {"journal": "alice", "subject": "s", "event": "e", "props": {"current_mood": "ok"}})
        self.c.ctl("POST", "clock", {"advance": 60})
        edited = self.c.ctl("POST", "entries/edit", {"journal": "alice", "itemid": 1, "subject": "s2",
                                                     "security": "private", "props": {"current_mood": ""}})
        self.assertEqual((edited["revnum"], edited["synctime"]), (1, "2030-03-04 05:07:07"))
        entry = self.dump()[0]
        self.assertEqual((entry["subject"], entry["event"], entry["security"], entry["revnum"], entry["props"]),
                         ("s2", "e", "private", 1, {}))
        self.assertEqual(self.sync("2030-03-04 05:06:07"),
                         [{"item": "L-1", "action": "update", "time": "2030-03-04 05:07:07"}])
        self.c.ctl("POST", "entries/edit", {"journal": "alice", "itemid": 1, "event": "e2", "tags": ["t"]})
        self.assertEqual((self.dump()[0]["event"], self.dump()[0]["revnum"], self.dump()[0]["tags"]), ("e2", 2, ["t"]))

    def test_delete(self):
        for n in range(3):
            self.c.ctl("POST", "entries", {"journal": "alice", "event": "e%d" % n})
        self.assertEqual(self.c.ctl("POST", "entries/delete", {"journal": "alice", "itemid": 2})["ok"], True)
        self.assertEqual([e["itemid"] for e in self.dump()], [1, 3])
        self.assertEqual(self.flat("getevents", selecttype="one", itemid=2, **ALICE)["events_count"], "0")
        self.assertEqual(sorted(i["item"] for i in self.sync()), ["L-1", "L-3"])

    def test_errors(self):
        self.assertEqual(self.c.control("POST", "entries", {"journal": "nosuch", "event": "x"})[0], 404)
        self.assertEqual(self.c.control("POST", "entries", {"journal": "alice", "event": "  "})[0], 400)
        self.assertEqual(self.c.control("POST", "entries", {"journal": "alice", "event": "x", "security": "odd"})[0], 400)
        self.assertEqual(self.c.control("POST", "entries", {"journal": "alice", "event": "x", "eventtime": "soon"})[0], 400)
        self.assertEqual(self.c.control("POST", "entries/edit", {"journal": "alice", "itemid": 9, "event": "x"})[0], 404)
        self.assertEqual(self.c.control("POST", "entries/delete", {"journal": "alice", "itemid": 9})[0], 404)
        self.c.ctl("POST", "entries", {"journal": "alice", "event": "x"})
        self.assertEqual(self.c.control("POST", "entries/edit", {"journal": "alice", "itemid": 1, "event": ""})[0], 400)
        self.assertEqual(self.dump()[0]["revnum"], 0)


if __name__ == "__main__":
    unittest.main()
