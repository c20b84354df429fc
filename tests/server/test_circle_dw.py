"""Dreamwidth's circle modes (REFERENCE §3.9-3.11): editcircle and getcircle (XML-RPC only),
gettrustgroups and checkforupdates (both interfaces), including the behaviours the real server showed
in the transcripts (interval 0 for free+paid accounts, the nested-name truncation bug, bit 61 for
watched users)."""

import unittest

from support import Api, InProcessServer

ALICE = {"username": "alice", "password": "pw1", "ver": 1}
BOB = {"username": "bob", "password": "pw2", "ver": 1}
WATCH = 1 << 61


class Circle(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="dw", users=["alice:pw1", "bob:pw2", "carol:pw3", "paula:pw4"],
                                      communities=[("comm", "alice")], paid=["bob"])
        self.c = self.server.client()
        self.c.ctl("POST", "clock", {"set": "2026-06-01 12:00:00", "frozen": True})
        self.server.app.db.execute("UPDATE users SET paid = 2 WHERE user = 'paula'")   # paid class only
        self.flat, self.xml = Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")

    def tearDown(self):
        self.server.stop()

    def test_edit_and_get_circle(self):
        result = self.xml("editcircle", settrustgroups={"1": {"name": "Close", "sort": 10, "public": 0},
                                                        "2": {"name": "Work", "sort": 20, "public": 1}},
                          add=[{"username": "bob", "edge": 3},
                               {"username": "carol", "edge": 2, "fgcolor": "#112233", "bgcolor": "#ffeedd"}], **ALICE)
        self.assertEqual(result["added"], [
            {"username": "bob", "fullname": "Test Bob", "trusted": 1, "trustedby": 0, "watched": 1, "watchedby": 0},
            {"username": "carol", "fullname": "Test Carol", "trusted": 0, "trustedby": 0, "watched": 1, "watchedby": 0}])
        self.assertEqual(self.xml("editcircle", add=[{"username": "bob", "groupmask": 3}], **ALICE), {})
        back = self.xml("editcircle", add=[{"username": "alice", "edge": 3}], **BOB)["added"][0]
        self.assertEqual((back["trustedby"], back["watchedby"]), (1, 1))
        circle = self.xml("getcircle", includetrustgroups=1, includecontentfilters=1, includewatchedusers=1,
                          includewatchedby=1, includetrustedusers=1, includetrustedby=1, **ALICE)
        self.assertEqual(circle["trustgroups"], [{"id": 1, "name": "Close", "public": 0, "sortorder": 10},
                                                 {"id": 2, "name": "Work", "public": 1, "sortorder": 20}])
        self.assertEqual(circle["contentfilters"], [])
        watched = {u["username"]: u for u in circle["watchedusers"]}
        self.assertEqual(sorted(watched), ["bob", "carol", "comm"])          # joining comm also watched it
        self.assertEqual(watched["bob"]["groupmask"], WATCH | 3)
        self.assertEqual(watched["carol"], {"username": "carol", "fullname": "carol", "fgcolor": "#112233",
                                            "bgcolor": "#ffeedd", "groupmask": WATCH})
        self.assertEqual(watched["comm"]["type"], "community")
        self.assertEqual([u["username"] for u in circle["trustedusers"]], ["bob"])
        self.assertEqual(circle["trustedbys"], [{"username": "bob", "fullname": "bob"}])
        self.assertEqual(circle["watchedbys"], [{"username": "bob", "fullname": "bob"}])
        only = self.xml("getcircle", includetrustedby=1, **ALICE)
        self.assertEqual(list(only), ["trustedbys"])
        self.assertEqual(len(self.xml("getcircle", includewatchedusers=1, limit=1, **ALICE)["watchedusers"]), 1)

    def test_groupmask_wire_type_is_int(self):
        self.xml("editcircle", add=[{"username": "bob", "edge": 3}], **ALICE)
        kind, tree = self.xml.client.xmlrpc("getcircle", dict(includewatchedusers=1, **ALICE), typed=True)
        self.assertEqual(tree[1]["watchedusers"][1][0][1]["groupmask"], ("int", str(WATCH | 1)))

    def test_edge_zero_removes_and_unknown_user_fails(self):
        self.xml("editcircle", add=[{"username": "bob", "edge": 3}], **ALICE)
        self.assertEqual(self.xml("editcircle", add=[{"username": "bob", "edge": 0}], **ALICE), {})
        circle = self.xml("getcircle", includewatchedusers=1, includetrustedusers=1, **ALICE)
        self.assertEqual([u["username"] for u in circle["watchedusers"]], ["comm"])
        self.assertEqual(circle["trustedusers"], [])
        failure = self.xml.fails("editcircle", add=[{"username": "nosuch", "edge": 2}], **ALICE)
        self.assertEqual((failure.code, failure.text), (203, "Client error: Invalid argument(s)"))

    def test_nested_non_ascii_names_lose_their_tail(self):
        # observed in transcripts xmlrpc/061 + */gettrustgroups: "Wörk" is stored as "Wör"
        self.xml("editcircle", settrustgroups={"2": {"name": "Wörk", "sort": 20, "public": 1}}, **ALICE)
        self.assertEqual(self.flat("gettrustgroups", **ALICE)["tr_2_name"], "Wör")
        kind, tree = self.xml.client.xmlrpc("gettrustgroups", ALICE, typed=True)
        self.assertEqual(tree[1]["trustgroups"][1][0][1]["name"], ("string", "WÃ¶r"))   # and double-encoded

    def test_gettrustgroups_both_interfaces(self):
        self.xml("editcircle", settrustgroups={"3": {"name": "Three", "sort": 5},
                                               "60": {"name": "Last", "public": 1},
                                               "61": {"name": "ignored"}}, **ALICE)
        self.assertEqual(self.xml("gettrustgroups", **ALICE)["trustgroups"],
                         [{"id": 3, "name": "Three", "public": 0, "sortorder": 5},
                          {"id": 60, "name": "Last", "public": 1, "sortorder": 50}])
        self.assertEqual(self.flat("gettrustgroups", **ALICE),
                         {"tr_3_name": "Three", "tr_3_sortorder": "5", "tr_60_name": "Last", "tr_60_sortorder": "50",
                          "tr_60_public": "1", "tr_maxnum": "60", "success": "OK"})
        # login still reports no friend groups on DW
        self.assertEqual(self.xml("login", **ALICE)["friendgroups"], [])
        self.assertEqual(self.flat("login", **ALICE)["frgrp_maxnum"], "0")
        # deleting a group clears its bit from trusted users' masks
        self.xml("editcircle", add=[{"username": "bob", "groupmask": 1 | 8}], **ALICE)
        self.xml("editcircle", deletetrustgroups=[3], **ALICE)
        self.assertEqual(self.xml("gettrustgroups", **ALICE)["trustgroups"][0]["id"], 60)
        trusted = self.xml("getcircle", includetrustedusers=1, **ALICE)["trustedusers"]
        self.assertEqual(trusted[0]["groupmask"], 1)

    def test_content_filters(self):
        added = self.xml("editcircle", setcontentfilters={"7": {"name": "Reading", "public": 0, "sort": 1}}, **BOB)
        self.assertEqual(added, {"addedcontentfilters": [{"id": 1, "name": "Reading"}]})
        self.xml("editcircle", addtocontentfilters=[{"username": "alice", "id": 1}, {"username": "carol", "id": 1}], **BOB)
        self.xml("editcircle", setcontentfilters={"1": {"name": "Reading2", "public": 1}}, **BOB)
        self.assertEqual(self.xml("getcircle", includecontentfilters=1, **BOB)["contentfilters"],
                         [{"id": 1, "name": "Reading2", "public": 1, "sortorder": 1, "data": "alice carol"}])
        self.xml("editcircle", deletefromcontentfilters=[{"username": "carol", "id": 1}], **BOB)
        kind, tree = self.xml.client.xmlrpc("getcircle", dict(includecontentfilters=1, **BOB), typed=True)
        self.assertEqual(tree[1]["contentfilters"][1][0][1]["data"], ("string", "alice"))
        self.xml("editcircle", deletecontentfilters=[1], **BOB)
        self.assertEqual(self.xml("getcircle", includecontentfilters=1, **BOB)["contentfilters"], [])

    def test_circle_modes_are_xmlrpc_only(self):
        for mode in ("getcircle", "editcircle"):
            self.assertEqual(self.flat.fails(mode, **ALICE).text, "Client error: Unknown mode (%s)" % mode)

    def test_checkforupdates_free_account(self):
        self.assertEqual(self.xml("checkforupdates", **ALICE), {"new": 0, "interval": 36000})
        self.assertEqual(self.flat("checkforupdates", lastupdate="junk", **ALICE),
                         {"new": "0", "interval": "36000", "lastupdate": "", "success": "OK"})

    def test_checkforupdates_paid_account(self):
        self.xml("editcircle", add=[{"username": "alice", "edge": 2}], **BOB)
        self.xml("postevent", event="x", year=2026, mon=1, day=1, hour=0, min=0, **ALICE)
        posted = self.server.app.clock.now_str()
        for api in (self.flat, self.xml):
            with self.subTest(api.interface):
                first = api("checkforupdates", **BOB)
                self.assertEqual((int(first["new"]), int(first["interval"]), first["lastupdate"]), (0, 0, posted))
                same = api("checkforupdates", lastupdate=posted, **BOB)
                self.assertEqual(int(same["new"]), 0)
                old = api("checkforupdates", lastupdate="2000-01-01 00:00:00", **BOB)
                self.assertEqual((int(old["new"]), old["lastupdate"]), (1, posted))
                self.assertEqual(api.fails("checkforupdates", lastupdate="2026-11-08", **BOB).text,
                                 "Client error: Invalid argument(s)")
                self.assertEqual(api.fails("checkforupdates", filter="nosuch", **BOB).text,
                                 "Client error: Invalid argument(s): Invalid filter name. Trying to check updates "
                                 "for a filter that does not exist.")
        # interval 0: a new post shows immediately
        self.c.ctl("POST", "clock", {"advance": 5})
        self.xml("postevent", event="y", year=2026, mon=1, day=2, hour=0, min=0, **ALICE)
        self.assertEqual(int(self.xml("checkforupdates", lastupdate=posted, **BOB)["new"]), 1)

    def test_checkforupdates_filter(self):
        self.xml("editcircle", add=[{"username": "alice", "edge": 2}, {"username": "carol", "edge": 2}],
                 setcontentfilters={"1": {"name": "Carol only"}}, **BOB)
        self.xml("editcircle", addtocontentfilters=[{"username": "carol", "id": 1}], **BOB)
        self.xml("postevent", event="x", year=2026, mon=1, day=1, hour=0, min=0, **ALICE)
        result = self.xml("checkforupdates", filter="Carol only", lastupdate="2000-01-01 00:00:00", **BOB)
        self.assertEqual((result["new"], result["lastupdate"]), (0, "2000-01-01 00:00:00"))   # carol never posted
        self.assertEqual(int(self.xml("checkforupdates", lastupdate="2000-01-01 00:00:00", **BOB)["new"]), 1)

    def test_checkforupdates_caches_for_a_paid_only_account(self):
        paula = {"username": "paula", "password": "pw4"}
        self.xml("editcircle", add=[{"username": "alice", "edge": 2}], **paula)
        first = self.xml("checkforupdates", **paula)
        self.assertEqual(first["interval"], 600)
        self.c.ctl("POST", "clock", {"advance": 10})
        self.xml("postevent", event="x", year=2026, mon=1, day=1, hour=0, min=0, **ALICE)
        self.assertEqual(self.xml("checkforupdates", **paula)["lastupdate"], first["lastupdate"])
        posted = self.server.app.clock.now_str()
        self.c.ctl("POST", "clock", {"advance": 600})
        self.assertEqual(self.xml("checkforupdates", **paula)["lastupdate"], posted)

    def test_getreadpage(self):
        post = lambda who, pw, **f: self.xml("postevent", username=who, password=pw, year=2026, mon=1, day=1, hour=0,
                                             min=0, **f)
        self.xml("editcircle", add=[{"username": "bob", "edge": 2}, {"username": "comm", "edge": 2}], **ALICE)
        self.xml("editcircle", add=[{"username": "alice", "groupmask": 1 | 4}], **BOB)     # alice in bob's group 2
        self.xml("editcircle", add=[{"username": "carol", "edge": 2}], **BOB)
        for n, fields in enumerate(({"security": "public"}, {"security": "usemask", "allowmask": 1},
                                    {"security": "usemask", "allowmask": 4}, {"security": "usemask", "allowmask": 8},
                                    {"security": "private"}, {"props": {"opt_backdated": "1"}})):
            self.c.ctl("POST", "clock", {"advance": 10})
            post("bob", "pw2", subject="b%d" % n, event="bob %d ü" % n, **fields)
        self.c.ctl("POST", "clock", {"advance": 10})
        post("alice", "pw1", subject="c", event="comm", usejournal="comm")
        post("carol", "pw3", subject="not watched", event="x")
        entries = self.xml("getreadpage", **ALICE)["entries"]
        self.assertEqual([(e["journalname"], e["subject_raw"]) for e in entries],
                         [("comm", "c"), ("bob", "b2"), ("bob", "b1"), ("bob", "b0")])
        self.assertEqual((entries[0]["journaltype"], entries[0]["postername"], entries[0]["postertype"]), ("C", "alice", "P"))
        self.assertEqual(entries[1]["security"], "usemask")
        self.assertEqual(entries[1]["event_raw"], "bob 2 ü".encode())
        self.assertEqual(entries[3]["ditemid"] >> 8, 1)
        self.assertEqual([e["subject_raw"] for e in self.xml("getreadpage", itemshow=2, skip=1, **ALICE)["entries"]],
                         ["b2", "b1"])
        since = entries[2]["logtime"]
        self.assertEqual([e["subject_raw"] for e in self.xml("getreadpage", lastsync=since, **ALICE)["entries"]],
                         ["c", "b2"])
        flat = self.flat("getreadpage", itemshow=1, **ALICE)
        self.assertEqual((flat["entries_count"], flat["entries_1_journalname"], flat["entries_1_event"]),
                         ("1", "comm", "comm"))
        self.assertEqual(self.flat("getreadpage", skip=1, **BOB)["entries_count"], "0")      # bob watches carol only
        for bad, what in (({"itemshow": 0}, "itemshow"), ({"itemshow": 101}, "itemshow"), ({"skip": 101}, "skip")):
            self.assertEqual(self.xml.fails("getreadpage", **dict(ALICE, **bad)).text,
                             "Client error: Parameter out of range: Bad %s value" % what)

    def test_login_caps_and_fastserver(self):
        self.assertEqual(self.xml("login", getcaps=1, **BOB)["caps"], 10)
        self.assertEqual(self.xml("login", getcaps=1, **ALICE)["caps"], 2)
        self.assertEqual(self.flat("login", **BOB)["fastserver"], "1")
        self.assertNotIn("fastserver", self.flat("login", **ALICE))


if __name__ == "__main__":
    unittest.main()
