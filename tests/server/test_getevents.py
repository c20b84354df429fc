"""getevents (REFERENCE §3.5, §4.3): selecttypes one / lastn / day / multiple and their limits, the
output options (truncate, prefersubject, noprops, notags, lineendings), ver=0, usejournal and
Dreamwidth's security filtering - on both interfaces."""

import unittest
import urllib.parse

from support import Api, InProcessServer

AUTH = {"username": "alice", "password": "pw1", "ver": 1}


def events(api, **fields):
    """getevents -> list of event dicts (flat bodies decoded) in response order."""
    result = api("getevents", **dict(AUTH, **fields))
    if api.interface == "xmlrpc":
        out = []
        for evt in result["events"]:
            evt = dict(evt)
            for key in ("subject", "event"):
                if isinstance(evt.get(key), bytes):
                    evt[key] = evt[key].decode("utf-8")
                elif key in evt:
                    evt[key] = str(evt[key])
            out.append(evt)
        return out
    out = []
    for n in range(1, int(result["events_count"]) + 1):
        evt = {k[len("events_%d_" % n):]: v for k, v in result.items() if k.startswith("events_%d_" % n)}
        evt["itemid"] = int(evt["itemid"])
        evt["event"] = urllib.parse.unquote_plus(evt["event"])
        out.append(evt)
    props = {}
    for n in range(1, int(result.get("prop_count", 0)) + 1):
        props.setdefault(int(result["prop_%d_itemid" % n]), {})[result["prop_%d_name" % n]] = result["prop_%d_value" % n]
    if "prop_count" in result:
        for evt in out:
            evt["props"] = props.get(evt["itemid"], {})
    return out


class GetEventsCase(unittest.TestCase):
    flavor = "dw"

    @classmethod
    def setUpClass(cls):
        cls.server = InProcessServer(flavor=cls.flavor, users=["alice:pw1", "bob:pw2", "carol:pw3"],
                                     communities=[("comm", "alice")])
        c = cls.server.client()
        c.ctl("POST", "clock", {"set": "2026-02-01 08:00:00", "frozen": True})
        cls.server.app.db.execute("INSERT INTO members (commid, userid, admin) VALUES (5, 3, 0)")   # bob
        api = Api(c, "xmlrpc")
        cls.items = {}

        def post(key, **fields):
            c.ctl("POST", "clock", {"advance": 10})
            base = dict(AUTH, year=2025, mon=6, day=1, hour=12, min=0)
            base.update(fields)
            cls.items[key] = api("postevent", **base)["itemid"]

        # in eventtime order: classic LJ refuses posting back in time without opt_backdated (153)
        post("early", subject="", event="early bird", day=1, hour=6)
        post("plain", subject="Plain", event="line one\nline two", props={"current_mood": "calm", "taglist": "b, a"})
        post("late", subject="Late", event="late", day=1, hour=23, min=59)
        post("other_day", subject="Other", event="x", day=2)
        post("private", subject="Priv", event="secret", security="private", day=3)
        post("friends", subject="Fr", event="friends", security="usemask", allowmask=1, day=3)
        post("group", subject="Gr", event="group", security="usemask", allowmask=2, day=3)
        post("unicode", subject="Ünïcödé", event="Grüße — “quotes” 🎉", day=4)
        post("backdated", subject="Old", event="backdated", year=2020, props={"opt_backdated": "1"})
        post("comm_admin", subject="C1", event="admin only", usejournal="comm",
             security="private" if cls.flavor == "dw" else "public")
        post("comm_members", subject="C2", event="members", usejournal="comm", security="usemask", allowmask=1)
        post("comm_public", subject="C3", event="public", usejournal="comm")
        for n in range(60):
            post("bulk%d" % n, subject="Bulk %d" % n, event="bulk body %d" % n, year=2019, mon=1 + n % 12,
                 day=1 + n % 28, props={"opt_backdated": "1"})
        cls.control = c

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def apis(self):
        return [Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")]

    def test_one(self):
        for api in self.apis():
            with self.subTest(api.interface):
                [evt] = events(api, selecttype="one", itemid=self.items["plain"], lineendings="unix")
                self.assertEqual((evt["subject"], evt["event"]), ("Plain", "line one\nline two"))
                self.assertEqual(evt["eventtime"], "2025-06-01 12:00:00")
                self.assertEqual(evt["props"]["current_mood"], "calm")
                self.assertEqual(evt["props"]["taglist"], "a, b")
                self.assertEqual(events(api, selecttype="one", itemid=999), [])
                self.assertEqual(events(api, selecttype="one"), [])

    def test_one_latest(self):
        for api in self.apis():
            with self.subTest(api.interface):
                [evt] = events(api, selecttype="one", itemid=-1)
                self.assertEqual(evt["itemid"], self.items["unicode"])     # newest eventtime, not newest post

    def test_lastn_order_default_and_limit(self):
        for api in self.apis():
            with self.subTest(api.interface):
                got = events(api, selecttype="lastn", howmany=4, noprops=1)
                self.assertEqual([e["itemid"] for e in got], [self.items[k] for k in ("unicode", "private", "friends", "group")])
                self.assertEqual(len(events(api, selecttype="lastn", noprops=1)), 20)
                self.assertEqual(len(events(api, selecttype="lastn", howmany=0, noprops=1)), 20)
                self.assertEqual(len(events(api, selecttype="lastn", howmany=1000, noprops=1)), 50)

    def test_lastn_beforedate(self):
        for api in self.apis():
            with self.subTest(api.interface):
                got = events(api, selecttype="lastn", howmany=3, beforedate="2025-06-02 00:00:00", noprops=1)
                self.assertEqual([e["itemid"] for e in got], [self.items[k] for k in ("late", "plain", "early")])
                got = events(api, selecttype="lastn", howmany=2, beforedate="2025-06-01 12:00:00", noprops=1)
                self.assertEqual([e["itemid"] for e in got][0], self.items["early"])     # strictly before
                self.assertEqual(api.fails("getevents", selecttype="lastn", beforedate="2025-06-02", **AUTH).text,
                                 "Client error: Invalid argument(s): Invalid beforedate format.")

    def test_day(self):
        for api in self.apis():
            with self.subTest(api.interface):
                got = events(api, selecttype="day", year=2025, month=6, day=1, noprops=1)
                self.assertEqual([e["itemid"] for e in got], [self.items[k] for k in ("early", "plain", "late")])
                for fields in ({"year": 2025, "month": 13, "day": 1}, {"year": 2025, "mon": 6, "day": 1},
                               {"year": 25, "month": 6, "day": 1}):
                    self.assertEqual(api.fails("getevents", selecttype="day", **dict(AUTH, **fields)).text,
                                     "Client error: Invalid argument(s)")

    def test_day_limit_is_200(self):
        api = self.apis()[1]
        c = self.server.client()
        rows = [(1000 + n, 2, n % 256, "2024-12-24 10:00:00", 1700000000 + n, "public", 0, "s", "b", None, 0, None)
                for n in range(205)]
        from ljsrv import seed
        with self.server.app.lock:
            seed.insert_entries(self.server.app.db, 2, rows)
        self.assertEqual(len(events(api, selecttype="day", year=2024, month=12, day=24, noprops=1)), 200)
        with self.server.app.lock:
            self.server.app.db.execute("DELETE FROM entries WHERE journalid = 2 AND jitemid >= 1000")
        c.close()

    def test_multiple(self):
        for api in self.apis():
            with self.subTest(api.interface):
                ids = [self.items["late"], self.items["plain"], 9999, self.items["early"]]
                got = events(api, selecttype="multiple", itemids=",".join(map(str, ids)), noprops=1)
                self.assertEqual([e["itemid"] for e in got], sorted(i for i in ids if i != 9999))
                self.assertEqual(api.fails("getevents", selecttype="multiple", itemids="1,x", **AUTH).text,
                                 "Client error: Invalid argument(s): Non-numeric itemid")
                self.assertEqual(api.fails("getevents", selecttype="multiple",
                                           itemids=",".join(str(i) for i in range(101)), **AUTH).text,
                                 "Client error: Parameter out of range: Can't retrieve more than 100 entries at once")
                self.assertEqual(len(events(api, selecttype="multiple", itemids=" 1 , 2 ", noprops=1)), 2)

    def test_invalid_selecttype(self):
        for api in self.apis():
            with self.subTest(api.interface):
                for fields in ({"selecttype": "bogus"}, {}):
                    failure = api.fails("getevents", **dict(AUTH, **fields))
                    self.assertEqual(failure.text, "Client error: Missing required argument(s): Invalid selecttype.")

    def test_truncate_prefersubject_noprops(self):
        for api in self.apis():
            with self.subTest(api.interface):
                got = events(api, selecttype="multiple", itemids="%d,%d" % (self.items["plain"], self.items["early"]),
                             truncate=8, prefersubject=1, noprops=1)
                self.assertEqual([(e.get("subject"), e["event"]) for e in got], [(None, "early..."), (None, "Plain")])
                self.assertNotIn("props", got[0])
                [evt] = events(api, selecttype="one", itemid=self.items["unicode"], truncate=10)
                self.assertEqual(evt["event"], "Grüße —...")
                [evt] = events(api, selecttype="one", itemid=self.items["unicode"], truncate=10, ver=2)
                self.assertEqual(evt["event"], "Grüße...")                 # ver 2 counts bytes
                # prefersubjects (plural) is not an option
                [evt] = events(api, selecttype="one", itemid=self.items["plain"], prefersubjects=1)
                self.assertEqual(evt["subject"], "Plain")

    def test_lineendings(self):
        expected = {"unix": "line one\nline two", "pc": "line one\r\nline two", "mac": "line one\rline two",
                    "space": "line one line two", "dots": "line one ... line two"}
        for api in self.apis():
            for style, body in expected.items():
                with self.subTest(api.interface, style=style):
                    [evt] = events(api, selecttype="one", itemid=self.items["plain"], lineendings=style)
                    self.assertEqual(evt["event"], body)
            [evt] = events(api, selecttype="one", itemid=self.items["plain"])
            self.assertEqual(evt["event"], expected["pc"])                        # the default

    def test_flat_event_is_url_encoded(self):
        c = self.server.client()
        result = c.flat(mode="getevents", user="alice", password="pw1", ver=1, selecttype="one",
                        itemid=self.items["unicode"])
        self.assertEqual(result["events_1_event"], "Gr%C3%BC%C3%9Fe+%E2%80%94+%E2%80%9Cquotes%E2%80%9D+%F0%9F%8E%89")
        self.assertEqual(result["events_1_subject"], "Ünïcödé")

    def test_ver0(self):
        for api in self.apis():
            with self.subTest(api.interface):
                failure = api.fails("getevents", selecttype="one", itemid=self.items["unicode"], **dict(AUTH, ver=0))
                self.assertEqual(failure.text, "Client error: Protocol version mismatch: Cannot display/edit a Unicode "
                                               "post with a non-Unicode client. Please see /support/encodings for more "
                                               "information.")
                got = events(api, selecttype="day", year=2025, month=6, day=4, ver=0)
                self.assertEqual((got[0]["subject"], got[0]["event"]), ("(cannot be shown)", "(cannot be shown)"))
                [evt] = events(api, selecttype="one", itemid=self.items["plain"], ver=0)
                self.assertEqual(evt["subject"], "Plain")

    def test_usejournal_and_poster(self):
        for api in self.apis():
            with self.subTest(api.interface):
                got = events(api, selecttype="lastn", usejournal="comm", noprops=1)
                self.assertEqual([e["subject"] for e in got], ["C3", "C2", "C1"])        # newest logtime first
                self.assertTrue(all(e["poster"] == "alice" for e in got))
                self.assertNotIn("poster", events(api, selecttype="one", itemid=1)[0])
                for user in ("carol", "bob"):
                    failure = api.fails("getevents", selecttype="lastn", usejournal="alice",
                                        username=user, password="pw3" if user == "carol" else "pw2", ver=1)
                    self.assertEqual(failure.text, "Client error: Don't have access to requested journal")

    def test_props_include_server_props(self):
        api = self.apis()[1]
        itemid = self.items["other_day"]
        api("editevent", itemid=itemid, subject="Other", event="edited", **AUTH)
        [evt] = events(api, selecttype="one", itemid=itemid)
        self.assertEqual(evt["props"]["revnum"], 1)
        self.assertEqual(evt["props"]["revtime"], self.server.app.clock.now())


class DreamwidthGetEvents(GetEventsCase):
    flavor = "dw"

    def test_logtime_and_picture_keyword(self):
        for api in self.apis():
            with self.subTest(api.interface):
                [evt] = events(api, selecttype="one", itemid=self.items["early"])
                self.assertRegex(evt["logtime"], r"^2026-02-01 08:\d\d:\d\d$")
                self.assertIn(evt["props"]["picture_keyword"], ("", None))

    def test_security_filtering_for_community_members(self):
        for api in self.apis():
            with self.subTest(api.interface):
                got = events(api, selecttype="lastn", usejournal="comm", username="bob", password="pw2", ver=1)
                self.assertEqual([e["subject"] for e in got], ["C3", "C2"])      # not the admin-only entry


class LiveJournalGetEvents(GetEventsCase):
    flavor = "lj"

    def test_no_logtime_no_synthetic_props(self):
        for api in self.apis():
            with self.subTest(api.interface):
                [evt] = events(api, selecttype="one", itemid=self.items["early"])
                self.assertNotIn("logtime", evt)
                self.assertNotIn("props", evt) if api.interface == "xmlrpc" else self.assertEqual(evt["props"], {})

    def test_no_security_filtering(self):
        api = self.apis()[0]
        got = events(api, selecttype="lastn", usejournal="comm", username="bob", password="pw2", ver=1)
        self.assertEqual(len(got), 3)


del GetEventsCase

if __name__ == "__main__":
    unittest.main()
