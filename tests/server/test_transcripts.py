"""Replays the 239 recorded Dreamwidth exchanges (tests/data/transcripts) against
``--flavor dw --preset dw-transcripts`` and compares every parsed response with the recording.

How the replay works
* Order: transcripts.recorded_order (timestamps, then topic pairing inside one second).
* Clock: before each request the server clock is set (frozen) to the file's "recorded" second, so
  logtimes, syncitems times, revtimes, challenge server_time/expire_time and checkforupdates
  lastupdate values are compared EXACTLY. One pin: flat/130 is replayed at 11:42:14, the second of
  flat/131-132, because its header comment says the three calls fell within the same second of the
  server's loop detector (the recorder's file timestamps can lag the server by one second).
* The 618 bulk posts (carol's itemids 2-619, "not recorded", described in flat/118-119) are
  regenerated: subject "Bulk n", body "Bulk entry number n", eventtime 2025-01-01 + 7h*(n-1), each at
  the logtime the recorded syncitems/getevents listings show for it, so the server sees the same number
  of entries per second and paging reproduces the recorded losses at same-second page breaks.
* Auth values are substituted: a recorded challenge is replaced by the one our server issued in the
  corresponding getchallenge exchange; an auth_response that was md5(challenge . md5(API key)) or
  md5(challenge . md5(password)) is recomputed from the new challenge with the same secret, any other
  response (deliberately wrong) is kept as is.

What may differ (checked for format instead of value)
* challenge strings (random part and signature);
* ljsession cookies (random auth code; user id and session id must still match);
* anum, and the anum part of URLs: a URL must name the same journal and itemid (ditemid >> 8) and
  its ditemid & 255 must equal our anum; the host:port part is ours;
* the order of items the real server returns in Perl hash order: struct members (XML-RPC), tags of
  getusertags, syncitems sharing one second, user lists of getcircle;
* at a page cut inside a group of items sharing one second (syncitems with count < total,
  getevents selecttype=syncitems returning 100), WHICH items of that last second made it into the
  page: the real server breaks such ties arbitrarily (flat/130 and flat/132 got different ones for
  the same request). We require the same number of them, all with that time, each a real entry of
  that second with the right content.
Everything else - item ids, counts, error numbers and texts, subjects, bodies, props, times, HTTP
status and Content-Type, XML-RPC wire types, flat key order - must be equal.

After the transcripts, the fixtures (tests/data/fixtures, recorded later against the same instance)
are replayed the same way: ljbob's 30 rich-text entries are recreated from the fixture's own
getevents answer, then every fixture request is compared (see replay_fixtures for the one journal
change nobody recorded).
"""

import re
import unittest
import urllib.parse

import transcripts
from ljsrv import flatcodec, xmlrpccodec
from ljsrv.clock import format_datetime, parse_datetime
from support import FIXTURES, TRANSCRIPTS, Api, InProcessServer, md5_hex

ACCOUNTS = {
    "ljalice": ("alicepass1", "fttjTvuhC3c2W9bXYdpoV95qkty1vjtN"),
    "ljbob": ("bobpass22", "FxzTahdJLBNxfpZp7eAsF6O8LIES4Rgd"),
    "ljcarol": ("carolpass3", "kGGbdyZeYLUCF3b0u9eQASfH0CGkDc4B"),
    "ljdave": ("davepass44", "kpSKZyDofbWE6ttJdzIdszkFOCJ8F1O3"),
}
CLOCK_PINS = {"flat/130": "2026-11-23 11:42:14"}
BULK_FIRST_EVENTTIME = parse_datetime("2025-01-01 00:00:00")
URL_RE = re.compile(r"^http://127\.0\.0\.1:\d+/~(\w+)/(\d+)\.html$")
CHALLENGE_RE = re.compile(r"^c0:\d+:\d+:60:[A-Za-z0-9]{20}:[0-9a-f]{32}$")
SESSION_RE = re.compile(r"^v1:u(\d+):s(\d+):a[A-Za-z0-9]{10}//$")


def bulk_entry(n):
    when = format_datetime(BULK_FIRST_EVENTTIME + 7 * 3600 * (n - 1))
    return {"subject": "Bulk %d" % n, "event": "Bulk entry number %d" % n, "eventtime": when}


def request_params(ex):
    """The request's fields as a dict (flat form fields or the XML-RPC struct)."""
    if ex.interface == "flat":
        return flatcodec.parse_form(ex.request_body)
    _, params = xmlrpccodec.parse_call(ex.request_body)
    return params[0] if params and isinstance(params[0], dict) else {}


def request_user(ex):
    params = request_params(ex)
    return params.get("user") or params.get("username")


def request_mode(ex):
    if ex.interface == "flat":
        return request_params(ex).get("mode", "")
    name, _ = xmlrpccodec.parse_call(ex.request_body)
    return name.replace("LJ.XMLRPC.", "")


# ---------------------------------------------------------------------------------------------
# carol's bulk entries: logtime of every itemid from the recorded listings

def bulk_logtimes(exchanges):
    known = {}
    for ex in exchanges:
        if request_user(ex) != "ljcarol" or ex.status != 200:
            continue
        if ex.interface == "flat":
            d = dict(flatcodec.decode_response(ex.response_body))
            for key, value in d.items():
                m = re.match(r"^sync_(\d+)_item$", key)
                if m and value.startswith("L-") and d["sync_%s_action" % m.group(1)] == "create":
                    known[int(value[2:])] = d["sync_%s_time" % m.group(1)]
                m = re.match(r"^events_(\d+)_itemid$", key)
                if m and ("events_%s_logtime" % m.group(1)) in d:
                    known[int(value)] = d["events_%s_logtime" % m.group(1)]
        else:
            kind, tree = xmlrpccodec.decode_typed(ex.response_body)
            if kind != "params":
                continue
            struct = tree[1]
            for item in struct.get("syncitems", ("array", []))[1]:
                it = item[1]
                if it["action"][1] == "create":
                    known[int(it["item"][1][2:])] = it["time"][1]
            for evt in struct.get("events", ("array", []))[1]:
                e = evt[1]
                known[int(e["itemid"][1])] = e["logtime"][1]
    times = {}
    for n in range(1, 621):
        if n in known:
            times[n] = known[n]
            continue
        before = max(k for k in known if k < n)
        after = min(k for k in known if k > n)
        # Entries are posted in itemid order, so logtimes never decrease: an unseen entry between two
        # entries of the same second was posted in that second.
        assert known[before] == known[after], "cannot place bulk entry %d" % n
        times[n] = known[before]
    return times


# ---------------------------------------------------------------------------------------------
# auth substitution

class Substituter:
    def __init__(self):
        self.challenges = {}

    def learn(self, ex, ours):
        """Map the recorded challenge of a getchallenge exchange to the one we got."""
        if request_mode(ex) != "getchallenge":
            return
        self.challenges[self._challenge(ex.interface, ex.response_body)] = self._challenge(ex.interface, ours.body)

    @staticmethod
    def _challenge(interface, body):
        if interface == "flat":
            return dict(flatcodec.decode_response(body))["challenge"]
        return xmlrpccodec.decode_typed(body)[1][1]["challenge"][1]

    def new_response(self, user, old_chal, new_chal, old_resp):
        password, apikey = ACCOUNTS.get(user, ("", ""))
        for secret in (apikey, password):
            if secret and old_resp == md5_hex(old_chal + md5_hex(secret)):
                return md5_hex(new_chal + md5_hex(secret))
        return old_resp            # deliberately wrong: keep it wrong

    def body(self, ex):
        params = request_params(ex)
        chal = params.get("auth_challenge")
        if not chal or chal not in self.challenges:
            return ex.request_body
        new_chal = self.challenges[chal]
        new_resp = self.new_response(request_user(ex), chal, new_chal, params.get("auth_response", ""))
        body = ex.request_body
        if ex.interface == "flat":
            pairs = []
            for pair in body.split(b"&"):
                key = pair.split(b"=")[0]
                if key == b"auth_challenge":
                    pair = b"auth_challenge=" + urllib.parse.quote(new_chal, safe="").encode()
                elif key == b"auth_response":
                    pair = b"auth_response=" + new_resp.encode()
                pairs.append(pair)
            return b"&".join(pairs)
        body = body.replace(chal.encode(), new_chal.encode())
        return body.replace(params["auth_response"].encode(), new_resp.encode())


# ---------------------------------------------------------------------------------------------
# comparison

class Comparison:
    def __init__(self, ex, ours, logtimes):
        self.ex = ex
        self.ours = ours
        self.logtimes = logtimes
        self.diffs = []
        self.loosened = []

    def diff(self, text):
        self.diffs.append(text)

    def run(self):
        ex, ours = self.ex, self.ours
        if ex.status != ours.status:
            self.diff("HTTP status %s != recorded %s" % (ours.status, ex.status))
        if ex.response_headers.get("Content-Type") != ours.content_type:
            self.diff("Content-Type %r != recorded %r" % (ours.content_type, ex.response_headers.get("Content-Type")))
        if ex.status != 200:
            if ex.response_body != ours.body:
                self.diff("body %r != recorded %r" % (ours.body, ex.response_body))
            return self.diffs
        if ex.interface == "flat":
            self.flat()
        else:
            self.xmlrpc()
        return self.diffs

    # url / anum / challenge / session ----------------------------------------------------------
    def check_url(self, where, rec_url, our_url, our_anum, our_itemid):
        """Same journal as recorded; our URL's ditemid carries our itemid and anum (the itemid itself
        is compared with the recording as a field of its own)."""
        rm, om = URL_RE.match(rec_url or ""), URL_RE.match(our_url or "")
        if not om:
            return self.diff("%s: bad url %r" % (where, our_url))
        if not rm or rm.group(1) != om.group(1) or int(om.group(2)) >> 8 != int(our_itemid):
            return self.diff("%s: url %r does not match recorded %r / itemid %s" % (where, our_url, rec_url, our_itemid))
        if our_anum is not None and int(om.group(2)) & 255 != int(our_anum):
            self.diff("%s: url %r does not carry anum %s" % (where, our_url, our_anum))

    def check_anum(self, where, value):
        if not re.fullmatch(r"\d+", str(value)) or not 0 <= int(value) <= 255:
            self.diff("%s: bad anum %r" % (where, value))

    # flat --------------------------------------------------------------------------------------
    def flat(self):
        rec_pairs = flatcodec.decode_response(self.ex.response_body)
        our_pairs = flatcodec.decode_response(self.ours.body)
        our_keys = [k.encode("utf-8", "surrogateescape") for k, _ in our_pairs]
        if our_keys != sorted(our_keys):
            self.diff("flat keys are not sorted")
        rec, our = dict(rec_pairs), dict(our_pairs)
        mode = request_mode(self.ex)
        for key in list(rec):
            m = re.match(r"^(events_\d+_)?url$", key)
            if m and key in our:
                prefix = m.group(1) or ""
                self.check_url(key, rec[key], our[key], our.get(prefix + "anum"), our.get(prefix + "itemid"))
                rec[key] = our[key] = "<url>"
                self.loosened.append(key)
        for key in list(rec):
            if re.match(r"^(events_\d+_)?anum$", key) and key in our:
                self.check_anum(key, our[key])
                rec[key] = our[key] = "<anum>"
        for d in (rec, our):
            for key in list(d):
                m = re.match(r"^prop_(\d+)_name$", key)
                if m and d[key] == "taglist" and "prop_%s_value" % m.group(1) in d:
                    d["prop_%s_value" % m.group(1)] = self.taglist_set(d["prop_%s_value" % m.group(1)])
        if "challenge" in rec and "challenge" in our:
            if not CHALLENGE_RE.match(our["challenge"]):
                self.diff("bad challenge %r" % our["challenge"])
            rec["challenge"] = our["challenge"] = "<challenge>"
            self.loosened.append("challenge")
        if rec.get("ljsession") and "ljsession" in our:
            self.check_session(rec["ljsession"], our["ljsession"])
            rec["ljsession"] = our["ljsession"] = "<session>"
        if mode == "syncitems" and rec.get("success") == "OK":
            self.flat_syncitems(rec, our)
        if mode == "getusertags" and rec.get("success") == "OK":
            rec["tags"], our["tags"] = self.flat_group(rec, "tag"), self.flat_group(our, "tag")
        if mode == "getevents" and rec.get("events_count") == "100" and request_params(self.ex).get("selecttype") == "syncitems":
            self.flat_event_page(rec, our)
        if rec != our:
            for key in sorted(set(rec) | set(our)):
                if rec.get(key) != our.get(key):
                    self.diff("%s: %r != recorded %r" % (key, our.get(key), rec.get(key)))

    def check_session(self, rec_value, our_value):
        rm, om = SESSION_RE.match(rec_value), SESSION_RE.match(our_value)
        if not om or not rm or rm.groups() != om.groups():
            self.diff("ljsession %r does not match recorded %r" % (our_value, rec_value))

    @staticmethod
    def flat_group(d, prefix):
        """Pull PREFIX_N_field keys out of d into a list of dicts sorted by their content."""
        groups = {}
        for key in list(d):
            m = re.match(r"^%s_(\d+)_(.+)$" % prefix, key)
            if m:
                groups.setdefault(int(m.group(1)), {})[m.group(2)] = d.pop(key)
        return sorted((tuple(sorted(g.items())) for g in groups.values()))

    def flat_syncitems(self, rec, our):
        def items(d):
            n = int(d.get("sync_count", 0))
            out = [(d.pop("sync_%d_time" % i), d.pop("sync_%d_item" % i), d.pop("sync_%d_action" % i))
                   for i in range(1, n + 1)]
            return out
        r, o = items(rec), items(our)
        if [t for t, _, _ in o] != sorted(t for t, _, _ in o):
            self.diff("syncitems not sorted by time")
        rec["items"], our["items"] = self.cut_tolerant(r, o, int(rec.get("sync_count", 0)) < int(rec.get("sync_total", 0)))

    def cut_tolerant(self, r, o, cut):
        """Compare item lists as multisets; with a page cut, the last second's group may differ in
        which items it holds (see the module docstring)."""
        r, o = sorted(r), sorted(o)
        if not cut or not r:
            return r, o
        last = r[-1][0]
        r_group = [x for x in r if x[0] == last]
        o_group = [x for x in o if x[0] == last]
        if len(r_group) != len(o_group):
            self.diff("page cut: %d items of %s != recorded %d" % (len(o_group), last, len(r_group)))
        for time_, item, action in o_group:
            n = int(item[2:])
            if not item.startswith("L-") or self.logtimes.get(n) != time_ or action != "create":
                self.diff("page cut: %s %s is not an entry of that second" % (item, time_))
        self.loosened.append("page-cut group %s" % last)
        return [x for x in r if x[0] != last], [x for x in o if x[0] != last]

    def flat_event_page(self, rec, our):
        """getevents selecttype=syncitems page of 100: tolerate the last second's group."""
        def events(d):
            evs = {}
            for key in list(d):
                m = re.match(r"^events_(\d+)_(.+)$", key)
                if m:
                    evs.setdefault(int(m.group(1)), {})[m.group(2)] = d.pop(key)
            return {int(e["itemid"]): e for e in evs.values()}
        self.event_page(events(rec), events(our), lambda e, f: e.get(f))
        rec["events"] = our["events"] = "<compared>"

    def event_page(self, r, o, get):
        last = max(get(e, "logtime") for e in r.values())
        r_main = {k: e for k, e in r.items() if get(e, "logtime") != last}
        o_main = {k: e for k, e in o.items() if get(e, "logtime") != last}
        if r_main != o_main:
            for k in sorted(set(r_main) | set(o_main)):
                if r_main.get(k) != o_main.get(k):
                    self.diff("event %d: %r != recorded %r" % (k, o_main.get(k), r_main.get(k)))
        o_group = {k: e for k, e in o.items() if get(e, "logtime") == last}
        if len(o_group) != len(r) - len(r_main):
            self.diff("page cut: %d events of %s != recorded %d" % (len(o_group), last, len(r) - len(r_main)))
        for k, e in o_group.items():
            expect = bulk_entry(k)
            if self.logtimes.get(k) != last or get(e, "subject") != expect["subject"] \
                    or get(e, "eventtime") != expect["eventtime"] \
                    or str(get(e, "event")).replace("+", " ") != expect["event"]:
                self.diff("page cut: event %d %r is not the entry of that second" % (k, e))
        self.loosened.append("page-cut group %s" % last)

    # xmlrpc ------------------------------------------------------------------------------------
    def xmlrpc(self):
        # The recorder's redaction put a raw "<LJHOME>" into two XML bodies (xmlrpc/054-055); read it
        # as the text it replaced.
        rk, rec = xmlrpccodec.decode_typed(self.ex.response_body.replace(b"<LJHOME>", b"&lt;LJHOME&gt;"))
        ok, our = xmlrpccodec.decode_typed(self.ours.body)
        if rk != ok:
            return self.diff("%s != recorded %s: %r" % (ok, rk, self.ours.body[:300]))
        rec, our = self.normalise(rec, our, "")
        mode = request_mode(self.ex)
        if mode == "getevents" and rk == "params" and request_params(self.ex).get("selecttype") == "syncitems" \
                and len(rec[1]["events"][1]) == 100:
            get = lambda e, f: e.get(f, (None, None))[1]
            r = {int(e[1]["itemid"][1]): e[1] for e in rec[1]["events"][1]}
            o = {int(e[1]["itemid"][1]): e[1] for e in our[1]["events"][1]}
            self.event_page(r, o, get)
            rec[1]["events"] = our[1]["events"] = ("compared", None)
        if mode == "syncitems" and rk == "params":
            def items(tree):
                return [(i[1]["time"][1], i[1]["item"][1], i[1]["action"][1]) for i in tree[1]["syncitems"][1]]
            ro, oo = items(rec), items(our)
            if [t for t, _, _ in oo] != sorted(t for t, _, _ in oo):
                self.diff("syncitems not sorted by time")
            cut = int(rec[1]["count"][1]) < int(rec[1]["total"][1])
            rec[1]["syncitems"], our[1]["syncitems"] = self.cut_tolerant(ro, oo, cut)
        if rec != our:
            self.tree_diff("", rec, our)

    def normalise(self, rec, our, path):
        """Apply the volatile-value rules to a pair of typed trees; returns new trees."""
        if rec[0] != our[0] or rec[0] not in ("struct", "array"):
            return rec, our
        if rec[0] == "array":
            items = list(zip(rec[1], our[1]))
            pairs = [self.normalise(a, b, path + "[]") for a, b in items]
            r_list = [a for a, _ in pairs] + rec[1][len(items):]
            o_list = [b for _, b in pairs] + our[1][len(items):]
            if r_list and all(x[0] == "struct" for x in r_list + o_list):
                key = self.sort_key(path)
                if key:
                    r_list = sorted(r_list, key=key)
                    o_list = sorted(o_list, key=key)
            return ("array", r_list), ("array", o_list)
        r, o = dict(rec[1]), dict(our[1])
        for k in set(r) & set(o):
            r[k], o[k] = self.normalise(r[k], o[k], path + "." + k)
        if "url" in r and "url" in o and r["url"][0] == "string" and "itemid" in o:
            self.check_url(path + ".url", r["url"][1], o["url"][1], o.get("anum", (None, None))[1], o["itemid"][1])
            r["url"] = o["url"] = ("string", "<url>")
            self.loosened.append("url")
        if "anum" in r and "anum" in o and o["anum"][0] == "int":
            self.check_anum(path + ".anum", o["anum"][1])
            r["anum"] = o["anum"] = ("int", "<anum>")
        if "taglist" in r and "taglist" in o and path.endswith(".props"):
            r["taglist"], o["taglist"] = self.taglist_set(r["taglist"]), self.taglist_set(o["taglist"])
        if "challenge" in r and "challenge" in o:
            if not CHALLENGE_RE.match(o["challenge"][1] or ""):
                self.diff("bad challenge %r" % (o["challenge"],))
            r["challenge"] = o["challenge"] = ("string", "<challenge>")
            self.loosened.append("challenge")
        if "ljsession" in r and "ljsession" in o:
            self.check_session(r["ljsession"][1], o["ljsession"][1])
            r["ljsession"] = o["ljsession"] = ("string", "<session>")
        return ("struct", r), ("struct", o)

    def taglist_set(self, value):
        """The real server joins an entry's tags in Perl hash order (flat/150 and xmlrpc/087 read the
        same entry as "plain, ünï tag" and "ünï tag, plain"): compare taglists as sets."""
        self.loosened.append("taglist order")
        if isinstance(value, tuple):
            kind, data = value
            raw = data if isinstance(data, bytes) else data.encode("utf-8")
            joined = b", ".join(sorted(raw.split(b", ")))
            return (kind, joined if isinstance(data, bytes) else joined.decode("utf-8"))
        return ", ".join(sorted(value.split(", ")))

    @staticmethod
    def sort_key(path):
        """Arrays the real server fills in Perl hash order."""
        if path.endswith(".tags"):
            return lambda s: repr(s[1].get("name"))
        if re.search(r"\.(watchedusers|trustedusers|watchedbys|trustedbys)$", path):
            return lambda s: repr(s[1].get("username"))
        return None

    def tree_diff(self, path, rec, our):
        if rec == our:
            return
        if rec[0] == our[0] == "struct":
            for k in sorted(set(rec[1]) | set(our[1])):
                if k not in our[1]:
                    self.diff("%s.%s missing (recorded %r)" % (path, k, rec[1][k]))
                elif k not in rec[1]:
                    self.diff("%s.%s unexpected %r" % (path, k, our[1][k]))
                else:
                    self.tree_diff(path + "." + k, rec[1][k], our[1][k])
        elif rec[0] == our[0] == "array" and len(rec[1]) == len(our[1]):
            for i, (a, b) in enumerate(zip(rec[1], our[1])):
                self.tree_diff("%s[%d]" % (path, i), a, b)
        else:
            self.diff("%s: %r != recorded %r" % (path or "value", our, rec))


# ---------------------------------------------------------------------------------------------

class TranscriptReplay(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.exchanges = transcripts.load(TRANSCRIPTS)
        cls.order = transcripts.recorded_order(cls.exchanges)
        cls.logtimes = bulk_logtimes(cls.exchanges)
        cls.server = InProcessServer(flavor="dw", preset="dw-transcripts")
        cls.client = cls.server.client()
        cls.results = cls.replay()
        cls.fixtures = sorted(transcripts.load(FIXTURES), key=lambda e: (e.recorded, e.interface, e.number))
        cls.fixture_results = cls.replay_fixtures()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    @classmethod
    def set_clock(cls, stamp):
        cls.client.ctl("POST", "clock", {"set": stamp, "frozen": True})

    @classmethod
    def post_bulk(cls):
        current = None
        for n in range(2, 620):
            if cls.logtimes[n] != current:
                current = cls.logtimes[n]
                cls.set_clock(current)
            entry = bulk_entry(n)
            when = entry["eventtime"]
            resp = cls.client.flat(mode="postevent", user="ljcarol", password="carolpass3", ver=1,
                                   subject=entry["subject"], event=entry["event"], lineendings="unix",
                                   year=when[0:4], mon=int(when[5:7]), day=int(when[8:10]),
                                   hour=int(when[11:13]), min=int(when[14:16]))
            assert resp.get("itemid") == str(n), resp

    @classmethod
    def replay(cls):
        sub = Substituter()
        results = []
        for ex in cls.order:
            if ex.key == "flat/119":
                cls.post_bulk()
            cls.set_clock(CLOCK_PINS.get(ex.key, ex.recorded_str))
            body = sub.body(ex)
            headers = {"Content-Type": ex.request_headers["Content-Type"]}
            ours = cls.client.request(ex.method, ex.path, body, headers)
            sub.learn(ex, ours)
            comparison = Comparison(ex, ours, cls.logtimes)
            results.append((ex, comparison.run(), comparison.loosened))
        return results

    @classmethod
    def post_bob_entries(cls):
        """The fixtures were recorded after the transcripts, once ljbob had 30 more entries (posted over
        XML-RPC at 11:57:20-27, see fixtures/README.txt). Recreate them from the fixture's own
        getevents answer (xmlrpc/001, unix line endings) at their recorded logtimes."""
        [source] = [f for f in cls.fixtures if f.key == "xmlrpc/001"]
        api = Api(cls.client, "xmlrpc")
        for value in xmlrpccodec.decode_typed(source.response_body)[1][1]["events"][1]:
            evt = value[1]
            text = lambda v: v[1].decode("utf-8") if isinstance(v[1], bytes) else v[1]
            when = evt["eventtime"][1]
            fields = dict(username="ljbob", password="bobpass22", ver=1, lineendings="unix",
                          event=text(evt["event"]), subject=text(evt.get("subject", ("string", ""))),
                          year=int(when[0:4]), mon=int(when[5:7]), day=int(when[8:10]), hour=int(when[11:13]),
                          min=int(when[14:16]))
            if "security" in evt:
                fields["security"] = evt["security"][1]
            if "allowmask" in evt:
                fields["allowmask"] = int(evt["allowmask"][1])
            fields["props"] = {k: text(v) for k, v in evt["props"][1].items() if k != "picture_keyword"}
            cls.set_clock(evt["logtime"][1])
            assert api("postevent", **fields)["itemid"] == int(evt["itemid"][1])

    # Between the transcripts and the fixtures, carol's journal changed in ways nobody recorded: her
    # getdaycounts fixture (006) has two entries fewer on 2025-01-04, one more on 2025-01-05 and one on
    # 2026-11-22. Those three days are left out of that comparison; all other days must match.
    UNRECORDED_DAYS = (b"2025-01-04", b"2025-01-05", b"2026-11-22")

    @classmethod
    def without_unrecorded_days(cls, interface, body):
        for day in cls.UNRECORDED_DAYS:
            if interface == "flat":
                body = re.sub(rb"(^|\n)" + day + rb"\n\d+\n", rb"\1", body)
            else:
                body = re.sub(rb"<value><struct>(?:(?!</struct>).)*?" + day + rb"(?:(?!</struct>).)*?</struct></value>",
                              b"", body)
        return body

    @classmethod
    def replay_fixtures(cls):
        cls.post_bob_entries()
        results = []
        for ex in cls.fixtures:
            cls.set_clock(ex.recorded_str)
            ours = cls.client.request(ex.method, ex.path, ex.request_body,
                                      {"Content-Type": ex.request_headers["Content-Type"]})
            if ex.name == "getdaycounts-carol":
                ex.response_body = cls.without_unrecorded_days(ex.interface, ex.response_body)
                ours.body = cls.without_unrecorded_days(ex.interface, ours.body)
            comparison = Comparison(ex, ours, cls.logtimes)
            results.append((ex, comparison.run(), comparison.loosened))
        return results

    def test_fixtures_match_after_the_transcripts(self):
        """tests/data/fixtures: rich text (CRLF, tabs, '%', '+', emoji, CJK, HTML) over both interfaces
        and both line-ending styles, a full 100-entry batch, a 620-entry getdaycounts, 209."""
        self.assertEqual(len(self.fixture_results), 13)
        for ex, diffs, _ in self.fixture_results:
            with self.subTest("fixture " + ex.key + " " + ex.name):
                self.assertEqual(diffs, [], "\n".join(diffs[:20]))

    def test_all_239_exchanges_replayed(self):
        self.assertEqual(len(self.results), 239)
        self.assertEqual(sum(1 for ex, _, _ in self.results if ex.interface == "flat"), 150)

    def test_every_response_matches_the_recording(self):
        failures = 0
        for ex, diffs, _ in self.results:
            with self.subTest(ex.key + " " + ex.name):
                if diffs:
                    failures += 1
                self.assertEqual(diffs, [], "\n".join(diffs[:20]))
        loosened = sum(len(l) for _, _, l in self.results)
        print("\n%d exchanges, %d with differences, %d loosened values" % (len(self.results), failures, loosened))

    def test_order_reproduces_recorded_dependencies(self):
        position = {ex.key: i for i, ex in enumerate(self.order)}
        # posts made in the same second over both interfaces got consecutive itemids
        self.assertLess(position["flat/025"], position["xmlrpc/022"])
        self.assertLess(position["xmlrpc/027"], position["flat/036"])
        # failed logins numbered 1..4 in the file names, then the lockout
        self.assertLess(position["flat/018"], position["xmlrpc/014"])
        self.assertLess(position["xmlrpc/015"], position["flat/020"])
        # duplicate-post detection: xmlrpc/023 repeats flat/026 before flat/027 posts
        self.assertLess(position["flat/026"], position["xmlrpc/023"])
        self.assertLess(position["xmlrpc/023"], position["flat/027"])

    def test_bulk_logtimes_cover_all_620_entries(self):
        self.assertEqual(sorted(self.logtimes), list(range(1, 621)))
        self.assertEqual(self.logtimes[1], "2026-11-23 11:39:36")
        self.assertEqual(self.logtimes[620], "2026-11-23 11:42:10")
        values = [self.logtimes[n] for n in range(1, 621)]
        self.assertEqual(values, sorted(values))


if __name__ == "__main__":
    unittest.main()
