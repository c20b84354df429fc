"""Classic LiveJournal relationship modes (REFERENCE §3.9-3.11): getfriends, friendof, editfriends,
getfriendgroups, editfriendgroups, checkfriends, and friend groups in login - on both interfaces.
Also what Dreamwidth answers for the same modes (§3.0: empty lists and 504)."""

import unittest

from support import Api, InProcessServer

ALICE = {"username": "alice", "password": "pw1", "ver": 1}


def people(api, result, prefix, key):
    """Friend records from getfriends/friendof in one shape for both interfaces."""
    if api.interface == "xmlrpc":
        return [{k: str(v) for k, v in rec.items()} for rec in result.get(key, [])]
    out = []
    count = result["%s_count" % prefix] if "%s_count" % prefix in result else result["friends_added"]
    for n in range(1, int(count) + 1):
        rec = {}
        for field, name in (("user", "username"), ("name", "fullname"), ("fg", "fgcolor"), ("bg", "bgcolor"),
                            ("groupmask", "groupmask"), ("type", "type")):
            if "%s_%d_%s" % (prefix, n, field) in result:
                rec[name] = result["%s_%d_%s" % (prefix, n, field)]
        out.append(rec)
    return out


def groups(api, result, key="friendgroups", prefix="frgrp"):
    if api.interface == "xmlrpc":
        return [(g["id"], str(g["name"]), g["sortorder"], g["public"]) for g in result[key]]
    out = []
    for gid in range(1, int(result["%s_maxnum" % prefix]) + 1):
        if "%s_%d_name" % (prefix, gid) in result:
            out.append((gid, result["%s_%d_name" % (prefix, gid)], int(result["%s_%d_sortorder" % (prefix, gid)]),
                        int(result.get("%s_%d_public" % (prefix, gid), 0))))
    return sorted(out, key=lambda g: (g[2], g[0]))


class LiveJournalFriends(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="lj", users=["alice:pw1", "bob:pw2", "carol:pw3", "dave:pw4"],
                                      communities=[("comm", "bob")])
        self.c = self.server.client()
        self.c.ctl("POST", "clock", {"set": "2026-04-01 09:00:00", "frozen": True})
        self.flat, self.xml = Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")

    def tearDown(self):
        self.server.stop()

    def add_friends(self, api):
        if api.interface == "flat":
            return api("editfriends", editfriend_add_1_user="bob", editfriend_add_1_fg="#112233",
                       editfriend_add_1_bg="#FFEEDD", editfriend_add_2_user="comm",
                       editfriend_add_3_user="carol", editfriend_add_3_groupmask="5", **ALICE)
        return api("editfriends", add=[{"username": "bob", "fgcolor": "#112233", "bgcolor": "#FFEEDD"}, "comm",
                                       {"username": "carol", "groupmask": 5}], **ALICE)

    def test_editfriends_and_getfriends(self):
        for api in (self.flat, self.xml):
            with self.subTest(api.interface):
                self.c.ctl("POST", "reset", {})
                result = self.add_friends(api)
                added = people(api, result, "friend", "added")
                self.assertEqual([a["username"] for a in added], ["bob", "comm", "carol"])
                self.assertEqual(added[0]["fullname"], "Test Bob")
                if api.interface == "flat":
                    self.assertEqual(result["friends_added"], "3")
                friends = people(api, api("getfriends", **ALICE), "friend", "friends")
                self.assertEqual([f["username"] for f in friends], ["bob", "carol", "comm"])
                bob, carol, comm = friends
                self.assertEqual((bob["fgcolor"], bob["bgcolor"]), ("#112233", "#FFEEDD"))
                self.assertNotIn("groupmask", bob)                     # only when != 1
                self.assertEqual(carol["groupmask"], "5")
                self.assertEqual(comm["type"], "community")
                self.assertEqual((comm["fgcolor"], comm["bgcolor"]), ("#000000", "#FFFFFF"))
                limited = people(api, api("getfriends", friendlimit=1, **ALICE), "friend", "friends")
                self.assertEqual(len(limited), 1)

    def test_friendof_and_includes(self):
        self.add_friends(self.xml)
        self.xml("editfriends", add=["alice"], username="dave", password="pw4")
        for api in (self.flat, self.xml):
            with self.subTest(api.interface):
                self.assertEqual([p["username"] for p in people(api, api("friendof", username="bob", password="pw2"),
                                                                "friendof", "friendofs")], ["alice"])
                result = api("getfriends", includefriendof=1, includegroups=1, **ALICE)
                friendofs = people(api, result, "friendof", "friendofs")
                self.assertEqual(friendofs, [{"username": "dave", "fullname": "Test Dave", "fgcolor": "#000000",
                                              "bgcolor": "#ffffff"}])
                self.assertEqual(groups(api, result), [])
                if api.interface == "flat":
                    self.assertEqual(result["frgrp_maxnum"], "0")

    def test_editfriends_errors_and_updates(self):
        for api in (self.flat, self.xml):
            with self.subTest(api.interface):
                self.c.ctl("POST", "reset", {})
                if api.interface == "flat":
                    failure = api.fails("editfriends", editfriend_add_1_user="bob", editfriend_add_1_fg="red", **ALICE)
                    unknown = api.fails("editfriends", editfriend_add_1_user="nosuch", editfriend_add_2_user="bob", **ALICE)
                else:
                    failure = api.fails("editfriends", add=[{"username": "bob", "fgcolor": "red"}], **ALICE)
                    unknown = api.fails("editfriends", add=["nosuch", "bob"], **ALICE)
                self.assertEqual(failure.text, "Client error: Invalid argument(s): Invalid color values")
                self.assertEqual(unknown.text, "Error adding one or more friends")
                # ... but the valid one was added
                self.assertEqual([f["username"] for f in people(api, api("getfriends", **ALICE), "friend", "friends")],
                                 ["bob"])
                # an update without groupmask keeps the mask; delete removes
                self.xml("editfriendgroups", groupmasks={"bob": 6}, **ALICE)
                if api.interface == "flat":
                    api("editfriends", editfriend_add_1_user="bob", editfriend_add_1_fg="#000001", **ALICE)
                else:
                    api("editfriends", add=[{"username": "bob", "fgcolor": "#000001"}], **ALICE)
                [bob] = people(api, api("getfriends", **ALICE), "friend", "friends")
                self.assertEqual((bob["groupmask"], bob["fgcolor"]), ("7", "#000001"))
                if api.interface == "flat":
                    api("editfriends", editfriend_delete_bob=1, **ALICE)
                else:
                    api("editfriends", delete=["bob", "nosuch"], **ALICE)
                self.assertEqual(people(api, api("getfriends", **ALICE), "friend", "friends"), [])

    def test_community_cannot_add_friends(self):
        self.server.app.db.execute("UPDATE users SET password = 'c', journaltype = 'C' WHERE user = 'comm'")
        self.assertEqual(self.xml.fails("editfriends", add=["bob"], username="comm", password="c").code, 101)

    def test_friend_groups(self):
        for api in (self.flat, self.xml):
            with self.subTest(api.interface):
                self.c.ctl("POST", "reset", {})
                self.add_friends(self.xml)
                itemid = self.xml("postevent", event="for group 2", security="usemask", allowmask=4, year=2026, mon=1,
                                  day=1, hour=0, min=0, **ALICE)["itemid"]
                if api.interface == "flat":
                    api("editfriendgroups", efg_set_1_name="Close", efg_set_1_sort="10", efg_set_2_name="Work/",
                        efg_set_2_public="1", efg_set_31_name="ignored", **ALICE)
                else:
                    api("editfriendgroups", set={"1": {"name": "Close", "sort": 10}, "2": {"name": "Work/", "public": 1},
                                                 "31": {"name": "ignored"}}, **ALICE)
                self.assertEqual(groups(api, api("getfriendgroups", **ALICE)), [(1, "Close", 10, 0), (2, "Work", 50, 1)])
                # omitting sort resets it to 50, omitting public keeps it
                if api.interface == "flat":
                    api("editfriendgroups", efg_set_2_name="Work", efg_set_1_name="Close", **ALICE)
                else:
                    api("editfriendgroups", set={"2": {"name": "Work"}, "1": {"name": "Close"}}, **ALICE)
                self.assertEqual(groups(api, api("getfriendgroups", **ALICE)), [(1, "Close", 50, 0), (2, "Work", 50, 1)])
                login = api("login", **ALICE)
                self.assertEqual(groups(api, login), [(1, "Close", 50, 0), (2, "Work", 50, 1)])
                # groupmasks, then deleting group 2 clears bit 2 everywhere
                if api.interface == "flat":
                    api("editfriendgroups", editfriend_groupmask_bob="6", **ALICE)
                    api("editfriendgroups", efg_delete_2="1", **ALICE)
                else:
                    api("editfriendgroups", groupmasks={"bob": 6}, **ALICE)
                    api("editfriendgroups", delete=[2], **ALICE)
                friends = {f["username"]: f for f in people(api, api("getfriends", **ALICE), "friend", "friends")}
                self.assertEqual(friends["bob"]["groupmask"], "3")
                self.assertEqual(friends["carol"].get("groupmask", "1"), "1")
                entry = [e for e in self.c.ctl("GET", "entries?journal=alice")["entries"] if e["itemid"] == itemid][0]
                self.assertEqual(entry["allowmask"], 0)
                self.assertEqual(groups(api, api("getfriendgroups", **ALICE)), [(1, "Close", 50, 0)])

    def test_checkfriends(self):
        self.add_friends(self.xml)
        bob = Api(self.server.client(), "xmlrpc")
        for api in (self.flat, self.xml):
            with self.subTest(api.interface):
                first = api("checkfriends", **ALICE)
                self.assertEqual((int(first["new"]), int(first["interval"])), (0, 60))
                self.assertEqual(first["lastupdate"], "0000-00-00 00:00:00")     # no friend has posted
        bob("postevent", event="news", year=2026, mon=1, day=1, hour=0, min=0, username="bob", password="pw2")
        posted = self.server.app.clock.now_str()
        self.c.ctl("POST", "clock", {"advance": 61})      # results are cached for the interval
        for api in (self.flat, self.xml):
            with self.subTest(api.interface):
                result = api("checkfriends", **ALICE)
                self.assertEqual((int(result["new"]), result["lastupdate"]), (0, posted))
                result = api("checkfriends", lastupdate="2000-01-01 00:00:00", **ALICE)
                self.assertEqual((int(result["new"]), result["lastupdate"]), (1, posted))
                result = api("checkfriends", lastupdate=posted, **ALICE)
                self.assertEqual(int(result["new"]), 0)
                # mask: only friends in group 2 (carol, mask 5) - carol has not posted
                result = api("checkfriends", lastupdate="2000-01-01 00:00:00", mask=4, **ALICE)
                self.assertEqual(int(result["new"]), 0)
                self.assertEqual(api.fails("checkfriends", lastupdate="2026-01-01", **ALICE).text,
                                 "Client error: Invalid argument(s)")

    def test_checkfriends_caches_for_the_interval(self):
        self.add_friends(self.xml)
        first = self.xml("checkfriends", **ALICE)
        self.xml("postevent", event="news", year=2026, mon=1, day=1, hour=0, min=0, username="bob", password="pw2")
        self.assertEqual(self.xml("checkfriends", **ALICE)["lastupdate"], first["lastupdate"])
        self.c.ctl("POST", "clock", {"advance": 60})
        self.assertNotEqual(self.xml("checkfriends", **ALICE)["lastupdate"], first["lastupdate"])

    def test_dreamwidth_only_modes_are_unknown(self):
        for mode in ("checkforupdates", "gettrustgroups", "getcircle", "editcircle"):
            self.assertEqual(self.flat.fails(mode, **ALICE).text, "Client error: Unknown mode (%s)" % mode)
            self.assertEqual(self.xml.fails(mode, **ALICE).code, 201)


class DreamwidthFriendModes(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="dw", users=["alice:pw1", "bob:pw2"])
        self.flat, self.xml = Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")

    def tearDown(self):
        self.server.stop()

    def test_retired_modes_answer_504(self):
        for api in (self.flat, self.xml):
            with self.subTest(api.interface):
                for mode in ("getfriendgroups", "editfriends", "editfriendgroups", "getfriendspage"):
                    failure = api.fails(mode, **ALICE)
                    self.assertTrue(failure.text.startswith("Server error: Protocol mode no longer supported."))
                    self.assertIn(failure.code, (None, 504))
                self.assertEqual(api.fails("checkfriends", **ALICE).text,
                                 "Server error: Protocol mode no longer supported.: Use 'checkforupdates' instead.")

    def test_getfriends_and_friendof_are_empty(self):
        Api(self.server.client(), "xmlrpc")("editcircle", add=[{"username": "bob", "edge": 3}], **ALICE)
        self.assertEqual(self.xml("getfriends", includefriendof=1, includegroups=1, **ALICE),
                         {"friends": [], "friendofs": [], "friendgroups": []})
        self.assertEqual(self.flat("getfriends", **ALICE), {"friend_count": "0", "success": "OK"})
        self.assertEqual(self.flat("friendof", **ALICE), {"friendof_count": "0", "success": "OK"})
        self.assertEqual(self.xml("friendof", **ALICE), {"friendofs": []})
        self.assertEqual(self.flat.fails("friendof", username="alice", password="bad").text, "Invalid password")

    def test_uploadpic_is_unknown(self):
        self.assertEqual(self.flat.fails("uploadpic", **ALICE).text, "Client error: Unknown mode (uploadpic)")


if __name__ == "__main__":
    unittest.main()
