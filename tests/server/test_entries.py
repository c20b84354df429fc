"""postevent, editevent, getdaycounts, getusertags (REFERENCE §3.3-3.8, §4.4, §5, §6) on both
interfaces and both flavours."""

import unittest

from support import Api, InProcessServer

AUTH = {"username": "alice", "password": "pw1", "ver": 1}
DATE = {"year": 2025, "mon": 3, "day": 14, "hour": 15, "min": 9}


def post(api, **fields):
    args = dict(AUTH)
    args.update(DATE)
    args.update(fields)
    return api("postevent", **args)


def fetch(api, itemid, **fields):
    args = dict(AUTH, selecttype="one", itemid=itemid, lineendings="unix")
    args.update(fields)
    result = api("getevents", **args)
    if api.interface == "xmlrpc":
        return result["events"][0] if result["events"] else None
    if result["events_count"] == "0":
        return None
    event = {k[len("events_1_"):]: v for k, v in result.items() if k.startswith("events_1_")}
    event["props"] = {}
    for n in range(1, int(result.get("prop_count", 0)) + 1):
        event["props"][result["prop_%d_name" % n]] = result["prop_%d_value" % n]
    return event


def text(api, value):
    """Flat bodies are URL-encoded; XML-RPC values may come back as bytes (base64) or ints."""
    import urllib.parse
    if api.interface == "flat":
        return urllib.parse.unquote_plus(value)
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value)


class EntryCase(unittest.TestCase):
    flavor = "lj"

    def setUp(self):
        self.server = InProcessServer(flavor=self.flavor, users=["alice:pw1", "bob:pw2", "carol:pw3"],
                                      communities=[("comm", "alice")])
        self.control = self.server.client()
        self.control.ctl("POST", "clock", {"set": "2026-05-01 10:00:00", "frozen": True})
        # bob is a plain member of comm
        self.server.app.db.execute("INSERT INTO members (commid, userid, admin) VALUES (5, 3, 0)")

    def tearDown(self):
        self.server.stop()

    def apis(self):
        return [Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")]

    def error(self, api, mode, **fields):
        return api.fails(mode, **fields).text


class BothSites:
    def test_post_returns_itemid_anum_url(self):
        for api in self.apis():
            with self.subTest(api.interface):
                result = post(api, subject="Hi", event="Body over " + api.interface)
                itemid, anum = int(result["itemid"]), int(result["anum"])
                self.assertTrue(0 <= anum <= 255)
                self.assertEqual(result["url"], "%s/~alice/%d.html" % (self.server.url, itemid * 256 + anum))
        self.assertEqual([e["itemid"] for e in self.control.ctl("GET", "entries?journal=alice")["entries"]], [1, 2])

    def test_itemids_are_never_reused(self):
        api = self.apis()[1]
        first = post(api, event="one")["itemid"]
        api("editevent", itemid=first, event="", **AUTH)
        self.assertEqual(post(api, event="two")["itemid"], first + 1)

    def test_body_cleanup_and_lineendings(self):
        for api in self.apis():
            with self.subTest(api.interface):
                itemid = post(api, event="  a\r\nb\nc\r\n\r\nd  \r\n", lineendings="pc")["itemid"]
                self.assertEqual(text(api, fetch(api, itemid)["event"]), "a\nb\nc\n\nd")
                itemid = post(api, event="l1\rl2\rl3", lineendings="mac")["itemid"]
                self.assertEqual(text(api, fetch(api, itemid)["event"]), "l1\nl2\nl3")

    def test_missing_or_blank_event(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertEqual(self.error(api, "postevent", **dict(AUTH, **DATE)),
                                 "Client error: Missing required argument(s)")
                self.assertEqual(self.error(api, "postevent", event=" \n ", **dict(AUTH, **DATE)),
                                 "Client error: Missing required argument(s)")

    def test_date_validation(self):
        cases = [
            ({}, "Invalid year value (must be in the range 1970-2037)."),
            (dict(DATE, year=1969), "Invalid year value (must be in the range 1970-2037)."),
            (dict(DATE, year=2038), "Invalid year value (must be in the range 1970-2037)."),
            (dict(DATE, mon=13), "Invalid month value."),
            (dict(DATE, mon=2, day=29), "Invalid day of month value."),
            (dict(DATE, hour=24), "Invalid hour value."),
            (dict(DATE, min=60), "Invalid minute value."),
        ]
        for api in self.apis():
            for date, message in cases:
                with self.subTest(api.interface, date=date):
                    self.assertEqual(self.error(api, "postevent", event="x", **dict(AUTH, **date)),
                                     "Client error: Invalid argument(s): " + message)
        post(self.apis()[0], event="leap", year=2024, mon=2, day=29)

    def test_tz_fills_in_now(self):
        api = self.apis()[1]
        itemid = api("postevent", event="tz", tz="+0200", **AUTH)["itemid"]
        self.assertEqual(fetch(api, itemid)["eventtime"], "2026-05-01 12:00:00")
        itemid = api("postevent", event="tz2", tz="guess", **AUTH)["itemid"]
        self.assertEqual(fetch(api, itemid)["eventtime"], "2026-05-01 10:00:00")
        self.assertEqual(self.error(api, "postevent", event="x", tz="CET", **AUTH),
                         "Client error: Invalid argument(s): Invalid tz")

    def test_props(self):
        for api in self.apis():
            with self.subTest(api.interface):
                itemid = post(api, event="p", props={"current_mood": "happy", "current_moodid": "15",
                                                     "current_music": "Björk – Jóga", "opt_nocomments": "1",
                                                     "current_location": "Home", "current_coords": "45.29N 123.34W",
                                                     "opt_noemail": "0", "taglist": "Tea, GARDEN  party"})["itemid"]
                props = fetch(api, itemid)["props"]
                self.assertEqual(text(api, props["current_music"]), "Björk – Jóga")
                self.assertEqual(str(props["current_moodid"]), "15")
                self.assertNotIn("opt_noemail", props)                 # false values are not stored
                self.assertEqual(text(api, props["taglist"]), "garden party, tea")

    def test_prop_errors(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertEqual(self.error(api, "postevent", event="x", props={"no_such": "1"}, **dict(AUTH, **DATE)),
                                 "Client error: Unknown metadata: no_such")
                self.assertEqual(self.error(api, "postevent", event="x", props={"opt_backdated": "yes"}, **dict(AUTH, **DATE)),
                                 'Client error: Invalid metadata datatype: Property "opt_backdated" should be 0 or 1')
                self.assertEqual(self.error(api, "postevent", event="x", props={"current_moodid": "1a"}, **dict(AUTH, **DATE)),
                                 'Client error: Invalid metadata datatype: Property "current_moodid" should be numeric')
                self.assertEqual(self.error(api, "postevent", event="x", props={"current_coords": "here"}, **dict(AUTH, **DATE)),
                                 'Client error: Invalid metadata datatype: Property "current_coords" has invalid value')
                self.assertEqual(self.error(api, "postevent", event="x", props={"taglist": "a<b"}, **dict(AUTH, **DATE)),
                                 "Client error: Invalid or malformed tag list")

    def test_long_props_are_trimmed(self):
        api = self.apis()[0]
        itemid = post(api, event="x", props={"current_music": "é" * 150})["itemid"]
        self.assertEqual(fetch(api, itemid)["props"]["current_music"], "é" * 100)

    def test_security_levels(self):
        for api in self.apis():
            with self.subTest(api.interface):
                i1 = post(api, event="x", security="private")["itemid"]
                i2 = post(api, event="x", security="usemask", allowmask=6)["itemid"]
                i3 = post(api, event="x", security="friendsonly")["itemid"]     # unknown values: public
                i4 = post(api, event="x", security="private", allowmask=6)["itemid"]
                e1, e2, e3, e4 = (fetch(api, i) for i in (i1, i2, i3, i4))
                self.assertEqual((e1["security"], "allowmask" in e1), ("private", False))
                self.assertEqual((e2["security"], int(e2["allowmask"])), ("usemask", 6))
                self.assertNotIn("security", e3)
                self.assertNotIn("allowmask", e4)
                self.assertEqual(self.error(api, "postevent", event="x", security="usemask", allowmask=3,
                                            **dict(AUTH, **DATE)),
                                 "Client error: Invalid argument(s): Invalid friends group security set")

    def test_usejournal_rules(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertEqual(self.error(api, "postevent", event="x", usejournal="bad name!", **dict(AUTH, **DATE)),
                                 "Client error: Invalid destination journal username.")
                self.assertEqual(self.error(api, "postevent", event="x", usejournal="bob", **dict(AUTH, **DATE)),
                                 "Client error: Don't have access to requested journal")
                self.assertEqual(self.error(api, "postevent", event="x", usejournal="comm", username="carol",
                                            password="pw3", ver=1, **DATE),
                                 "Client error: Don't have access to requested journal")
                result = post(api, event="member post", usejournal="comm", username="bob", password="pw2")
                self.assertIn("/~comm/", result["url"])
                self.assertEqual(self.error(api, "postevent", event="x", usejournal="comm",
                                            props={"opt_backdated": "1"}, **dict(AUTH, **DATE)),
                                 "Can't make back-dated entries in non-personal journal.")

    def test_ban_blocks_community_posting(self):
        api = self.apis()[1]
        self.server.app.db.execute("INSERT INTO bans VALUES (5, 3)")
        self.assertEqual(self.error(api, "postevent", event="x", usejournal="comm", username="bob", password="pw2",
                                    **DATE), "Banned from journal")

    def test_community_account_cannot_post(self):
        self.server.app.db.execute("UPDATE users SET password = 'c' WHERE user = 'comm'")
        api = self.apis()[0]
        self.assertEqual(self.error(api, "postevent", event="x", username="comm", password="c", **DATE),
                         "Invalid password")

    def test_ver0_rules(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertEqual(self.error(api, "postevent", event="café", usejournal="comm",
                                            **dict(AUTH, ver=0, **DATE)),
                                 "Client error: Protocol version mismatch: Posting in a community with international "
                                 "or special characters require a Unicode-capable LiveJournal client.  Download one "
                                 "at http://www.livejournal.com/download/.")
                itemid = post(api, event="café", ver=0)["itemid"]      # own journal, valid UTF-8: accepted
                self.assertEqual(text(api, fetch(api, itemid)["event"]), "café")

    def test_invalid_utf8_and_gzip(self):
        api = self.apis()[0]
        c = api.client
        body = (b"mode=postevent&user=alice&password=pw1&ver=1&event=bad+%FF%FE&year=2025&mon=1&day=1&hour=0&min=0")
        self.assertEqual(c.flat_raw(body).flat()["errmsg"],
                         "Client error: Invalid text encoding: The text entered is not a valid UTF-8 stream")
        body = b"mode=postevent&user=alice&password=pw1&ver=1&event=%1F%8Bxx&year=2025&mon=1&day=1&hour=0&min=0"
        self.assertEqual(c.flat_raw(body).flat()["errmsg"],
                         "Client error: Invalid text encoding: Cannot send gzipped data")

    def test_duplicate_post_returns_the_earlier_item(self):
        flat, xml = self.apis()
        first = post(flat, subject="same", event="same body")
        again = post(xml, subject="same", event="same body", day=20)       # the date is not part of the check
        self.assertEqual((again["itemid"], again["anum"]), (int(first["itemid"]), int(first["anum"])))
        other = post(xml, subject="same", event="same body", security="private")
        self.assertNotEqual(other["itemid"], again["itemid"])
        # deleting clears the signature: the same post is then a new entry
        xml("editevent", itemid=other["itemid"], event="", **AUTH)
        self.assertEqual(post(xml, subject="same", event="same body", security="private")["itemid"], other["itemid"] + 1)

    def test_editevent_rewrites_subject_and_allowmask(self):
        for api in self.apis():
            with self.subTest(api.interface):
                itemid = int(post(api, subject="Subject", event="Body " + api.interface, security="usemask",
                                  allowmask=4, props={"current_mood": "happy", "current_music": "m"})["itemid"])
                result = api("editevent", itemid=itemid, event="New body", props={"current_mood": ""}, **AUTH)
                self.assertEqual(int(result["itemid"]), itemid)
                self.assertIn("url", result)
                event = fetch(api, itemid)
                self.assertNotIn("subject", event)                     # omitted subject becomes empty
                self.assertEqual((event["security"], int(event["allowmask"])), ("usemask", 0))
                self.assertEqual(event["eventtime"], "2025-03-14 15:09:00")   # omitted date fields kept
                self.assertNotIn("current_mood", event["props"])          # empty value deletes the prop
                self.assertEqual(text(api, event["props"]["current_music"]), "m")
                self.assertEqual(str(event["props"]["revnum"]), "1")
                self.assertEqual(str(event["props"]["revtime"]), str(self.server.app.clock.now()))
                api("editevent", itemid=itemid, event="Again", security="bogus", hour=3, **AUTH)
                event = fetch(api, itemid)
                self.assertEqual((event["security"], event["eventtime"]), ("usemask", "2025-03-14 03:09:00"))
                self.assertEqual(str(event["props"]["revnum"]), "2")

    def test_editevent_errors(self):
        for api in self.apis():
            with self.subTest(api.interface):
                mine = post(api, event="mine")["itemid"]
                comm_entry = post(api, event="bob's", usejournal="comm", username="bob", password="pw2")["itemid"]
                cant = "Client error: Can't edit post from requested journal"
                self.assertEqual(self.error(api, "editevent", itemid=999, event="x", **AUTH), cant)
                self.assertEqual(self.error(api, "editevent", event="x", **AUTH), cant)
                self.assertEqual(self.error(api, "editevent", itemid=999, event="", **AUTH), cant)
                self.assertEqual(self.error(api, "editevent", itemid=mine, event="(cannot be shown)", **AUTH),
                                 "Client error: Client tried to edit with corrupt data.  Preventing.")
                self.assertEqual(self.error(api, "editevent", itemid=mine, event="x", username="bob", password="pw2",
                                            usejournal="alice"), "Client error: Can't edit post in community journal")
                # alice administers comm: she may delete bob's entry but not edit it
                self.assertEqual(self.error(api, "editevent", itemid=comm_entry, event="x", usejournal="comm", **AUTH),
                                 "Client error: Can't edit post in community journal")
                other = post(api, event="alice's", usejournal="comm")["itemid"]
                self.assertEqual(self.error(api, "editevent", itemid=other, event="", usejournal="comm",
                                            username="bob", password="pw2"),
                                 "Client error: Can't delete post in this community journal")
                deleted = api("editevent", itemid=comm_entry, event="", usejournal="comm", **AUTH)
                self.assertEqual(sorted(deleted), ["anum", "itemid"] if api.interface == "xmlrpc"
                                 else ["anum", "itemid", "success"])

    def test_delete_removes_the_entry(self):
        for api in self.apis():
            with self.subTest(api.interface):
                itemid = post(api, event="doomed", props={"taglist": "x"})["itemid"]
                api("editevent", itemid=itemid, event="  ", **AUTH)
                self.assertIsNone(fetch(api, itemid))

    def test_getdaycounts(self):
        flat, xml = self.apis()
        self.assertEqual(xml("getdaycounts", **AUTH), {})
        self.assertEqual(flat("getdaycounts", **AUTH), {"success": "OK"})
        for day, security in ((1, "public"), (1, "private"), (3, "usemask")):
            post(xml, event="d%d%s" % (day, security), day=day, security=security, allowmask=1)
        post(xml, event="backdated", day=1, year=2020, props={"opt_backdated": "1"})
        expected = {"2020-03-01": 1, "2025-03-01": 2, "2025-03-03": 1}
        self.assertEqual({d["date"]: d["count"] for d in xml("getdaycounts", **AUTH)["daycounts"]}, expected)
        self.assertEqual(flat("getdaycounts", **AUTH), dict({k: str(v) for k, v in expected.items()}, success="OK"))

    def test_getusertags(self):
        flat, xml = self.apis()
        post(xml, event="a", props={"taglist": "cats, Weather"})
        post(xml, event="b", props={"taglist": "cats"}, security="private")
        post(xml, event="c", props={"taglist": "cats, secret"}, security="usemask", allowmask=6)
        post(xml, event="d", props={"taglist": "close"}, security="usemask", allowmask=1)
        e = post(xml, event="e", props={"taglist": "gone"})
        xml("editevent", itemid=e["itemid"], event="e", props={"taglist": ""}, **dict(AUTH, **DATE))
        friends = "protected" if self.flavor == "dw" else "friends"
        tags = {t["name"]: t for t in xml("getusertags", **AUTH)["tags"]}
        self.assertEqual(sorted(tags), ["cats", "close", "gone", "secret", "weather"])
        self.assertEqual(tags["cats"]["uses"], 3)
        self.assertEqual(tags["cats"]["security"], {"public": 1, "private": 1, friends: 0, "groups": {"1": 1, "2": 1}})
        self.assertEqual(tags["cats"]["security_level"], "public")
        self.assertEqual(tags["close"]["security_level"], friends)
        self.assertEqual(tags["secret"]["security_level"], "group")
        self.assertEqual((tags["gone"]["uses"], tags["gone"]["security_level"]), (0, "private"))
        result = flat("getusertags", **AUTH)
        self.assertEqual(result["tag_count"], "5")
        by_name = {result["tag_%d_name" % n]: n for n in range(1, 6)}
        n = by_name["cats"]
        self.assertEqual((result["tag_%d_security" % n], result["tag_%d_uses" % n]), ("public", "3"))
        self.assertEqual(result["tag_%d_sb_group_count" % n], "2")
        self.assertEqual((result["tag_%d_sb_group_1_id" % n], result["tag_%d_sb_group_1_count" % n]), ("1", "1"))
        self.assertNotIn("tag_%d_sb_public" % n, result)       # never emitted by the real flat wrapper
        self.assertNotIn("tag_%d_uses" % by_name["gone"], result)


class LiveJournalEntries(EntryCase, BothSites):
    flavor = "lj"

    def test_subject_is_trimmed(self):
        api = self.apis()[1]
        itemid = post(api, subject="S" * 300, event="x")["itemid"]
        self.assertEqual(len(text(api, fetch(api, itemid)["subject"])), 100)

    def test_posting_back_in_time_needs_backdating(self):
        api = self.apis()[0]
        post(api, event="newer", year=2026)
        message = self.error(api, "postevent", event="older", **dict(AUTH, **DATE))
        self.assertTrue(message.startswith("Incorrect time value: You have an entry which was posted at a later date"))
        post(api, event="older", props={"opt_backdated": "1"})

    def test_community_security(self):
        api = self.apis()[1]
        message = "Can't use custom/private security on shared/community journals."
        self.assertEqual(self.error(api, "postevent", event="x", usejournal="comm", security="private",
                                    **dict(AUTH, **DATE)), message)
        self.assertEqual(self.error(api, "postevent", event="x", usejournal="comm", security="usemask", allowmask=2,
                                    **dict(AUTH, **DATE)), message)
        post(api, event="members", usejournal="comm", security="usemask", allowmask=1)

    def test_body_limit(self):
        api = self.apis()[0]
        self.assertEqual(self.error(api, "postevent", event="x" * 65535, **dict(AUTH, **DATE)),
                         "Client error: Post too large.")

    def test_ver0_non_utf8_is_stored_as_unknown8bit(self):
        c = self.server.client()
        body = b"mode=postevent&user=alice&password=pw1&ver=0&event=caf%E9&year=2025&mon=1&day=1&hour=0&min=0"
        itemid = c.flat_raw(body).flat()["itemid"]
        raw = c.flat_raw(b"mode=getevents&user=alice&password=pw1&ver=0&selecttype=one&itemid=" + itemid.encode()).flat()
        self.assertEqual(raw["events_1_event"], "caf%E9")
        self.assertEqual(raw["prop_1_name"], "unknown8bit")
        converted = c.flat_raw(b"mode=getevents&user=alice&password=pw1&ver=1&selecttype=one&itemid=" + itemid.encode()).flat()
        self.assertEqual(converted["events_1_event"], "caf%C3%A9")

    def test_no_interface_prop(self):
        api = self.apis()[0]
        self.assertNotIn("interface", fetch(api, post(api, event="x")["itemid"])["props"])


class DreamwidthEntries(EntryCase, BothSites):
    flavor = "dw"

    def test_subject_too_long(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertEqual(self.error(api, "postevent", subject="S" * 101, event="x", **dict(AUTH, **DATE)),
                                 "Client error: Subject too long.")
                self.assertEqual(self.error(api, "postevent", subject="é" * 128, event="x", **dict(AUTH, **DATE)),
                                 "Client error: Subject too long.")          # 256 bytes
                post(api, subject="S" * 100, event="x")

    def test_no_back_in_time_check(self):
        api = self.apis()[0]
        post(api, event="newer", year=2026)
        post(api, event="older")

    def test_community_security(self):
        api = self.apis()[1]
        self.assertEqual(self.error(api, "postevent", event="x", usejournal="comm", security="usemask", allowmask=2,
                                    **dict(AUTH, **DATE)), "Can't use custom security on community journals.")
        post(api, event="admin only", usejournal="comm", security="private")          # alice administers comm
        self.assertEqual(self.error(api, "postevent", event="x", usejournal="comm", security="private",
                                    username="bob", password="pw2", **DATE),
                         "Can only use administrator-locked security on community journals you manage.")

    def test_body_limit(self):
        api = self.apis()[0]
        self.assertEqual(self.error(api, "postevent", event="x" * 450000, **dict(AUTH, **DATE)),
                         "Client error: Post too large.")
        post(api, event="x" * 70000)

    def test_system_props_are_refused(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertEqual(self.error(api, "postevent", event="x", props={"revnum": "3"}, **dict(AUTH, **DATE)),
                                 "Client error: Unknown metadata: revnum")

    def test_flat_posts_are_marked(self):
        flat, xml = self.apis()
        self.assertEqual(fetch(flat, post(flat, event="f")["itemid"])["props"]["interface"], "flat")
        self.assertNotIn("interface", fetch(xml, post(xml, event="x")["itemid"])["props"])

    def test_unknown_usejournal_reproduces_the_server_die(self):
        flat, xml = self.apis()
        resp = flat.client.flat_raw(b"mode=postevent&user=alice&password=pw1&usejournal=nosuch&event=x")
        self.assertEqual((resp.status, resp.content_type), (500, "text/plain"))
        self.assertEqual(resp.body, b"Error: Invalid users passed to LJ::User->can_post_to. at "
                                    b"<LJHOME>/cgi-bin/LJ/Protocol.pm line 3428. @ vm")
        failure = xml.fails("getevents", usejournal="nosuch", selecttype="lastn", **AUTH)
        self.assertEqual(failure.code, "Server")
        self.assertTrue(failure.text.startswith("Invalid users passed to LJ::User->can_post_to."))

    def test_ver0_invalid_utf8_is_refused(self):
        c = self.server.client()
        body = b"mode=postevent&user=alice&password=pw1&ver=0&event=caf%E9&year=2025&mon=1&day=1&hour=0&min=0"
        self.assertEqual(c.flat_raw(body).flat()["errmsg"],
                         "Client error: Invalid text encoding: The text entered is not a valid UTF-8 stream")


if __name__ == "__main__":
    unittest.main()
