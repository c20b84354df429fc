"""syncitems and getevents selecttype=syncitems (REFERENCE §3.6, §4.1, §4.2, §8): 500-item pages,
count/total, strict ">" cursors and the same-second page-break loss, create/update/C- items, no
deletes, the 406 loop detector keyed by unix second, and a full client-style sync whose mirror
equals the server's journal (checked through /__control/entries)."""

import time
import unittest
import urllib.parse

from ljsrv.clock import format_datetime, parse_datetime
from support import Api, InProcessServer

AUTH = {"username": "alice", "password": "pw1", "ver": 1}
START = "2026-03-01 10:00:00"


def syncitems(api, lastsync=None):
    fields = dict(AUTH)
    if lastsync is not None:
        fields["lastsync"] = lastsync
    result = api("syncitems", **fields)
    if api.interface == "xmlrpc":
        return [(i["time"], i["item"], i["action"]) for i in result["syncitems"]], result["count"], result["total"]
    n = int(result["sync_count"])
    items = [(result["sync_%d_time" % i], result["sync_%d_item" % i], result["sync_%d_action" % i]) for i in range(1, n + 1)]
    return items, n, int(result["sync_total"])


class SyncCase(unittest.TestCase):
    flavor = "dw"

    def setUp(self):
        self.server = InProcessServer(flavor=self.flavor, users=["alice:pw1"])
        self.c = self.server.client()
        self.c.ctl("POST", "clock", {"set": START, "frozen": True})

    def tearDown(self):
        self.server.stop()

    def apis(self):
        return [Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")]

    def post_many(self, count, per_second):
        """Post entries through the protocol, ``per_second`` of them in each clock second."""
        api = Api(self.c, "flat")
        for n in range(count):
            if n and n % per_second == 0:
                self.c.ctl("POST", "clock", {"advance": 1})
            api("postevent", event="entry %d" % n, subject="s%d" % n, year=2024, mon=1, day=1, hour=0, min=0,
                props={"opt_backdated": "1"}, **AUTH)

    def test_paging_count_total_and_the_same_second_loss(self):
        self.post_many(620, 4)          # 4 entries per second, like the recorded bulk run
        for api in self.apis():
            with self.subTest(api.interface):
                items, count, total = syncitems(api)
                self.assertEqual((count, total), (500, 620))
                self.assertEqual([t for t, _, _ in items], sorted(t for t, _, _ in items))
                self.assertTrue(all(a == "create" for _, _, a in items))
                last = items[-1][0]
                items2, count2, total2 = syncitems(api, last)
                self.assertEqual((count2, total2), (120, 120))      # page 1 ended on a second boundary here
                # a cursor inside a second loses the rest of that second (strict >)
                cut = format_datetime(parse_datetime(last) - 1)
                again, _, total3 = syncitems(api, cut)
                self.assertEqual(total3, 124)
                self.assertEqual({i for _, i, _ in items + items2}, {"L-%d" % n for n in range(1, 621)})

    def test_page_break_inside_a_second(self):
        self.post_many(603, 6)          # 500 is not a multiple of 6: page 1 ends inside a second
        api = self.apis()[0]
        items, count, total = syncitems(api)
        last = items[-1][0]
        in_last_second = [i for t, i, _ in items if t == last]
        self.assertEqual(len(in_last_second), 500 % 6)
        rest, count2, total2 = syncitems(api, last)
        self.assertEqual(count2, total2)
        self.assertEqual(count + count2, 603 - (6 - 500 % 6))    # the same-second loss
        # the recommended fix: step the cursor back one second and de-duplicate
        rest, _, _ = syncitems(api, format_datetime(parse_datetime(last) - 1))
        self.assertEqual(len({i for _, i, _ in items + rest}), 603)

    def test_updates_comments_and_deletes(self):
        api = self.apis()[1]
        for n in range(3):
            api("postevent", event="e%d" % n, year=2024, mon=1, day=1, hour=n, min=0, **AUTH)
            self.c.ctl("POST", "clock", {"advance": 10})
        cursor = self.server.app.clock.now_str()
        self.c.ctl("POST", "clock", {"advance": 10})
        api("editevent", itemid=1, event="edited", year=2024, mon=1, day=1, hour=0, min=0, **AUTH)
        self.c.ctl("POST", "comments", {"journal": "alice", "itemid": 2})
        api("editevent", itemid=3, event="", **AUTH)
        stamp = self.server.app.clock.now_str()
        for api_ in self.apis():
            with self.subTest(api_.interface):
                items, count, total = syncitems(api_, cursor)
                self.assertEqual(sorted(items), [(stamp, "C-2", "update"), (stamp, "L-1", "update")])
                self.assertEqual((count, total), (2, 2))
                # from the beginning with a cursor: edited entries are updates at their revtime
                items, _, _ = syncitems(api_, "2000-01-01 00:00:00")
                self.assertIn((stamp, "L-1", "update"), items)
                self.assertNotIn("L-3", [i for _, i, _ in items])            # deleted: simply absent
                # without lastsync every entry is a "create" at its logtime and there are no C- items
                items, count, total = syncitems(api_)
                self.assertEqual([i for _, i, _ in items], ["L-1", "L-2"])
                self.assertTrue(all(a == "create" for _, _, a in items))
                self.assertEqual(items[0][0], START)

    def test_a_cut_inside_a_crowded_second_keeps_a_random_part_of_it(self):
        """More items in one second than a page holds: the page lists 500 of them, a different 500 as the
        server's random order changes (the real server sorts Perl hash values by time only, so a C- item of
        that second competes for the page like the entries), and ``total`` still counts them all."""
        self.c.ctl("POST", "seed", {"user": "alice", "count": 700, "burst": START})
        self.c.ctl("POST", "comments", {"journal": "alice", "itemid": 3})
        api = self.apis()[0]
        before = format_datetime(parse_datetime(START) - 1)
        pages = []
        for seed in range(1, 9):
            self.server.app.rng.seed(seed)
            items, count, total = syncitems(api, before)
            self.assertEqual((count, total), (500, 701))
            self.assertTrue(all(t == START for t, _, _ in items))
            pages.append({i for _, i, _ in items})
        self.assertEqual(len({frozenset(p) for p in pages}), len(pages))
        self.assertEqual({"C-3" in p for p in pages}, {True, False})
        self.server.app.rng.seed(1)
        self.assertEqual({i for _, i, _ in syncitems(api, before)[0]}, pages[0])     # the seed decides
        # the strict cursor: from the crowded second on, none of it is listed again
        self.assertEqual(syncitems(api, START)[1:], (0, 0))
        # without lastsync (creates only) the cut also falls at random
        self.server.app.rng.seed(3)
        first = {i for _, i, _ in syncitems(api)[0]}
        self.server.app.rng.seed(4)
        self.assertNotEqual(first, {i for _, i, _ in syncitems(api)[0]})

    def test_bad_lastsync(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertEqual(api.fails("syncitems", lastsync="yesterday", **AUTH).text,
                                 "Client error: Invalid argument(s): Invalid date format")
                self.assertEqual(api.fails("getevents", selecttype="syncitems", lastsync="2026-01-01", **AUTH).text,
                                 "Client error: Invalid argument(s): Invalid syncitems date format")
                syncitems(api, "2026-03-01 09:00:00 and more")      # prefix-matched

    def test_getevents_syncitems_pages_of_100(self):
        self.post_many(250, 10)
        for api in self.apis():
            with self.subTest(api.interface):
                # sync times from syncitems (classic LJ's getevents has no logtime field)
                times = {}
                cursor = ""
                while True:
                    items, count, total = syncitems(api, cursor)
                    times.update({int(i[2:]): t for t, i, _ in items})
                    if count == total:
                        break
                    cursor = items[-1][0]
                seen, cursor = set(), None
                while True:
                    fields = dict(AUTH, selecttype="syncitems", noprops=1)
                    if cursor:
                        fields["lastsync"] = cursor
                    result = api("getevents", **fields)
                    if api.interface == "flat":
                        page = [int(result["events_%d_itemid" % i]) for i in range(1, int(result["events_count"]) + 1)]
                    else:
                        page = [e["itemid"] for e in result["events"]]
                    self.assertLessEqual(len(page), 100)
                    self.assertEqual(page, sorted(page))
                    if not set(page) - seen:
                        break
                    seen |= set(page)
                    # step back one second so that entries sharing the last second are not lost
                    cursor = format_datetime(parse_datetime(max(times[i] for i in page)) - 1)
                self.assertEqual(sorted(seen), list(range(1, 251)))
                self.c.ctl("POST", "clock", {"advance": 3601})     # let the loop history expire

    def test_loop_detector(self):
        api = self.apis()[0]
        xml = self.apis()[1]
        api("postevent", event="x", year=2024, mon=1, day=1, hour=0, min=0, **AUTH)
        fields = dict(AUTH, selecttype="syncitems", lastsync="2001-02-03 04:05:06")
        repeated = "Client error: Client is making repeated requests.  Perhaps it's broken?"
        # three calls within one second count once (the history is keyed by unix second)
        for _ in range(3):
            api("getevents", **fields)
        self.c.ctl("POST", "clock", {"advance": 2})
        api("getevents", **fields)
        self.c.ctl("POST", "clock", {"advance": 2})
        self.assertEqual(api.fails("getevents", **fields).text, repeated)
        failure = xml.fails("getevents", **fields)
        self.assertEqual((failure.code, failure.text), (406, repeated))
        # another cursor, an empty cursor and mode=syncitems are not affected
        api("getevents", **dict(fields, lastsync="2001-02-03 04:05:07"))
        for _ in range(3):
            api("getevents", **dict(AUTH, selecttype="syncitems"))
            syncitems(api, "2001-02-03 04:05:06")
        # the history forgets calls older than an hour
        self.c.ctl("POST", "clock", {"advance": 3601})
        api("getevents", **fields)

    def test_loop_detector_is_per_authenticated_user(self):
        self.c.ctl("POST", "users", {"user": "bob", "password": "pw2"})
        api = self.apis()[0]
        fields = dict(selecttype="syncitems", lastsync="2001-02-03 04:05:06", ver=1)
        for n in range(2):
            api("getevents", username="alice", password="pw1", **fields)
            self.c.ctl("POST", "clock", {"advance": 1})
        api("getevents", username="bob", password="pw2", **fields)

    def test_full_sync_mirror_equals_server(self):
        """A client-style sync (REFERENCE §8.2) over each interface reproduces /__control/entries."""
        self.c.ctl("POST", "seed", {"user": "alice", "count": 1234})
        api = Api(self.c, "flat")
        api("editevent", itemid=7, subject="edited", event="edited body\nline 2",
            year=2011, mon=1, day=1, hour=0, min=0, **AUTH)
        api("editevent", itemid=8, event="", **AUTH)
        truth = {e["itemid"]: e for e in self.c.ctl("GET", "entries?journal=alice")["entries"]}
        for api in self.apis():
            with self.subTest(api.interface):
                started = time.time()
                mirror = self.sync(api)
                elapsed = time.time() - started
                print("\n  full sync of %d entries over %s: %.2f s" % (len(mirror), api.interface, elapsed))
                self.assertEqual(sorted(mirror), sorted(truth))
                for itemid, entry in truth.items():
                    got = mirror[itemid]
                    self.assertEqual((got["subject"], got["event"], got["eventtime"]),
                                     (entry["subject"], entry["event"], entry["eventtime"]), itemid)
                    self.assertEqual(got.get("security", "public"), entry["security"])

    def sync(self, api):
        pending, cursor = {}, ""
        while True:
            items, count, total = syncitems(api, cursor)
            for stamp, item, action in items:
                if item.startswith("L-"):
                    pending[int(item[2:])] = stamp
            if count == total:
                break
            last = items[-1][0]
            cursor = format_datetime(parse_datetime(last) - 1) if items[0][0] != last else last
        mirror = {}
        ids = sorted(pending)
        for i in range(0, len(ids), 100):
            chunk = ids[i:i + 100]
            result = api("getevents", selecttype="multiple", itemids=",".join(map(str, chunk)), lineendings="unix",
                         **AUTH)
            if api.interface == "xmlrpc":
                for e in result["events"]:
                    e = dict(e)
                    for key in ("subject", "event"):
                        if isinstance(e.get(key), bytes):
                            e[key] = e[key].decode("utf-8")
                        elif key in e:
                            e[key] = str(e[key])
                    e.setdefault("subject", "")
                    mirror[e["itemid"]] = e
            else:
                for n in range(1, int(result["events_count"]) + 1):
                    e = {k.split("_", 2)[2]: v for k, v in result.items() if k.startswith("events_%d_" % n)}
                    e["event"] = urllib.parse.unquote_plus(e["event"])
                    e.setdefault("subject", "")
                    mirror[int(e["itemid"])] = e
        return mirror


class LiveJournalSync(SyncCase):
    flavor = "lj"


class DreamwidthSync(SyncCase):
    flavor = "dw"


del SyncCase

if __name__ == "__main__":
    unittest.main()
