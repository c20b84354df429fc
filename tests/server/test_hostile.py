"""Hostile-server fault kinds (README "Faults"), over real HTTP: proxy pages (http502, http503,
proxy_page), slow answers (stall_headers, trickle), oversized replies (huge, huge_field, gzip_bomb) and
replies that read but lie (bad_time, no_itemid, bad_challenge); whether each was processed, as the
request log tells it."""

import json
import os
import random
import socket
import time
import unittest
import urllib.parse
import urllib.request
import xmlrpc.client
import zlib

from ljsrv import hostile
from support import Api, InProcessServer, md5_hex, start_subprocess, stop_subprocess

ALICE = {"username": "alice", "password": "pw1", "ver": 1}
POST = dict(ALICE, event="x", year=2026, mon=1, day=1, hour=0, min=0)
FORM = "application/x-www-form-urlencoded"


def form(**fields):
    fields.setdefault("mode", "postevent")
    return urllib.parse.urlencode({("user" if k == "username" else k): v for k, v in fields.items()}).encode()


def xml_call(mode, **fields):
    return xmlrpc.client.dumps((fields,), "LJ.XMLRPC." + mode).encode()


class Raw:
    """One request on its own connection, the response read by hand: ``head()`` gives the status and
    headers, ``body()`` the body by Content-Length (``limit``: stop after that many bytes)."""

    def __init__(self, port, body, path="/interface/flat", ctype=FORM, extra=b""):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.sendall(b"POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n"
                          % (path.encode(), ctype.encode(), extra, len(body)) + body)
        self.buffer = b""
        self.status = None
        self.headers = {}

    def head(self):
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError(self.buffer)
            self.buffer += chunk
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        self.status = int(lines[0].split(" ")[1])
        self.headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
        return self.status, self.headers

    def body(self, limit=None, sink=None):
        """Read the body; with ``sink`` every piece goes to it and nothing is kept."""
        if self.status is None:
            self.head()
        length = int(self.headers["content-length"])
        want = length if limit is None else min(limit, length)
        got, kept = len(self.buffer), [self.buffer]
        if sink:
            sink(self.buffer)
            kept = []
        while got < want:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                break
            got += len(chunk)
            if sink:
                sink(chunk)
            else:
                kept.append(chunk)
        data = b"".join(kept)
        return data[:want] if not sink else got

    def close(self):
        self.sock.close()


def flat_pairs(body):
    lines = body.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return dict(zip(lines[0::2], lines[1::2]))


class Base(unittest.TestCase):
    flavor = "dw"

    def setUp(self):
        self.server = InProcessServer(flavor=self.flavor, users=["alice:pw1"])
        self.c = self.server.client()
        self.port = self.c.port
        self.flat, self.xml = Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")
        self.raws = []

    def tearDown(self):
        for raw in self.raws:
            raw.close()
        self.server.stop()

    def raw(self, body, **kwargs):
        raw = Raw(self.port, body, **kwargs)
        self.raws.append(raw)
        return raw

    def add(self, **spec):
        return self.c.ctl("POST", "faults", spec)

    def entries(self):
        return self.c.ctl("GET", "entries?journal=alice")["entries"]

    def log(self):
        return self.c.ctl("GET", "requests")["requests"]


class ProxyPages(Base):
    def test_http503_has_retry_after_and_is_not_processed(self):
        self.add(kind="http503", mode="postevent", seconds=42)
        raw = self.raw(form(**POST))
        status, headers = raw.head()
        body = raw.body()
        self.assertEqual(status, 503)
        self.assertEqual(headers["retry-after"], "42")
        self.assertEqual(headers["content-type"], "text/html")
        self.assertIn(b"Service Unavailable", body)
        self.assertNotIn("set-cookie", headers)                 # the proxy's page, not the application's
        self.assertEqual(self.entries(), [])
        self.assertEqual([(r["fault"], r["result"], r["processed"]) for r in self.log()],
                         [("http503", "http503", False)])
        self.assertEqual(self.add(kind="http503")["added"][0]["seconds"], 120)   # the default

    def test_http502_on_xmlrpc(self):
        self.add(kind="http502", interface="xmlrpc")
        self.flat("postevent", **POST)                          # other interface: unaffected
        resp = self.xml.client.xmlrpc_raw(xml_call("postevent", **POST))
        self.assertEqual((resp.status, resp.content_type), (502, "text/html"))
        self.assertIn(b"502 Bad Gateway", resp.body)
        self.assertEqual(len(self.entries()), 1)
        self.assertEqual([r["processed"] for r in self.log()], [True, False])

    def test_proxy_page_is_a_200_that_is_no_protocol_reply(self):
        for interface, call in (("flat", lambda: self.flat.client.flat_raw(form(**POST))),
                                ("xmlrpc", lambda: self.xml.client.xmlrpc_raw(xml_call("postevent", **POST)))):
            self.add(kind="proxy_page", mode="postevent", interface=interface)
            resp = call()
            self.assertEqual((resp.status, resp.content_type), (200, "text/html"), interface)
            self.assertIn(b"<form", resp.body)
            self.assertNotIn(b"success", resp.body)
            with self.assertRaises(Exception):
                xmlrpc.client.loads(resp.body)
        self.assertEqual(self.entries(), [])
        self.assertEqual([(r["result"], r["processed"]) for r in self.log()], [("proxy_page", False)] * 2)

    def test_header_form(self):
        resp = self.flat.client.flat_raw(form(**POST), headers={"X-Inkwell-Fault": "http503;seconds=5"})
        self.assertEqual((resp.status, resp.headers["Retry-After"]), (503, "5"))
        self.assertEqual(self.entries(), [])


class SlowAnswers(Base):
    def test_stall_headers_commits_first_then_sends_nothing_for_a_while(self):
        self.add(kind="stall_headers", ms=600, mode="postevent")
        started = time.time()
        raw = self.raw(form(**POST))
        deadline = time.time() + 5
        while not self.entries() and time.time() < deadline:    # committed while the answer waits
            time.sleep(0.02)
        self.assertLess(time.time() - started, 0.6)             # before the stall ends
        status, _ = raw.head()
        self.assertGreaterEqual(time.time() - started, 0.6)     # nothing came before the stall ended
        self.assertEqual(flat_pairs(raw.body())[b"itemid"], b"1")
        raw.close()
        self.assertEqual([(r["fault"], r["processed"]) for r in self.log() if r["mode"] == "postevent"],
                         [("stall_headers", True)])

    def test_trickle_sends_one_byte_at_a_time_without_holding_the_lock(self):
        self.add(kind="trickle", ms=15, mode="postevent")
        raw = self.raw(form(**POST))
        started = time.time()
        status, headers = raw.head()
        self.assertEqual(status, 200)
        self.assertLess(time.time() - started, 0.5)             # the head comes at once
        length = int(headers["content-length"])
        self.assertEqual(len(self.entries()), 1)                # processed
        # meanwhile the server answers others at once
        quick = time.time()
        self.flat("login", **ALICE)
        self.assertLess(time.time() - quick, 0.5)
        body, reads = raw.buffer, 0
        while len(body) < length:
            chunk = raw.sock.recv(65536)
            self.assertLess(len(chunk), length // 3)            # byte by byte (a busy reader may get a few)
            body += chunk
            reads += 1
        self.assertGreater(reads, 10)
        self.assertGreaterEqual(time.time() - started, length * 0.015 * 0.8)
        self.assertEqual(flat_pairs(body)[b"success"], b"OK")
        raw.close()

    def test_trickle_forever_never_finishes(self):
        self.add(kind="trickle", ms=5, forever=True)
        raw = self.raw(form(mode="getchallenge"))
        _, headers = raw.head()
        self.assertGreater(int(headers["content-length"]), 1 << 30)
        raw.sock.settimeout(1)
        received = len(raw.buffer)
        deadline = time.time() + 0.6
        while time.time() < deadline:
            received += len(raw.sock.recv(4096))
        self.assertGreater(received, 20)                        # still sending, slowly
        self.assertLess(received, 600)
        raw.close()


class Oversized(Base):
    def test_huge_flat_is_the_reply_then_padding(self):
        self.add(kind="huge", mb=2, mode="postevent")
        raw = self.raw(form(**POST))
        _, headers = raw.head()
        body = raw.body()
        self.assertEqual(int(headers["content-length"]), 2 * 1024 * 1024)
        self.assertEqual(len(body), 2 * 1024 * 1024)
        reply = body.rstrip(b"\n")
        self.assertEqual(flat_pairs(reply + b"\n")[b"itemid"], b"1")
        self.assertGreater(len(body) - len(reply), 2000000)    # LF padding
        self.assertEqual(len(self.entries()), 1)
        self.assertEqual([r["processed"] for r in self.log()], [True])

    def test_huge_xmlrpc_still_parses(self):
        self.add(kind="huge", mb=1, interface="xmlrpc")
        resp = self.xml.client.xmlrpc_raw(xml_call("login", **ALICE))
        self.assertEqual(len(resp.body), 1024 * 1024)
        (result,), _ = xmlrpc.client.loads(resp.body)
        self.assertEqual(result["fullname"], "Test Alice")

    def test_huge_is_streamed_not_built_in_memory(self):
        proc, url = start_subprocess("--flavor", "dw", "--user", "alice:pw1")
        try:
            port = int(url.rsplit(":", 1)[1])

            def peak():
                with open("/proc/%d/status" % proc.pid) as handle:
                    return int([l for l in handle if l.startswith("VmHWM:")][0].split()[1]) * 1024
            warm = Raw(port, form(mode="getchallenge"))
            warm.body()
            warm.close()
            before = peak()
            body = json_post(url, "faults", {"kind": "huge", "mb": 150})
            self.assertEqual(body["added"][0]["mb"], 150)
            raw = Raw(port, form(mode="getchallenge"))
            got = raw.body(sink=lambda piece: None)
            raw.close()
            self.assertEqual(got, 150 * 1024 * 1024)
            self.assertLess(peak() - before, 40 * 1024 * 1024)
        finally:
            stop_subprocess(proc)

    def test_huge_field_challenge(self):
        self.add(kind="huge_field", mb=3, mode="getchallenge")
        raw = self.raw(form(mode="getchallenge"))
        _, headers = raw.head()
        pairs = flat_pairs(raw.body())
        self.assertEqual(len(pairs[b"challenge"]), 3 * 1024 * 1024)
        self.assertEqual(set(pairs[b"challenge"][:64]), set(b"0123456789abcdef"))
        self.assertEqual((pairs[b"auth_scheme"], pairs[b"success"]), (b"c0", b"OK"))
        self.assertEqual(int(headers["content-length"]), sum(len(k) + len(v) + 2 for k, v in pairs.items()))
        self.assertEqual([(r["field"], r["processed"]) for r in self.log()], [("challenge", True)])

    def test_huge_field_subject_over_xmlrpc_and_a_chosen_field(self):
        self.flat("postevent", **dict(POST, subject="short"))
        self.add(kind="huge_field", mb=1, mode="getevents", interface="xmlrpc")
        resp = self.xml.client.xmlrpc_raw(xml_call("getevents", selecttype="one", itemid=1, **ALICE))
        (result,), _ = xmlrpc.client.loads(resp.body)
        self.assertEqual(len(result["events"][0]["subject"]), 1024 * 1024)
        self.assertEqual(result["events"][0]["event"], "x")
        # field paths name the XML-RPC result's keys (flat login writes fullname as "name")
        resp = self.flat.client.flat_raw(form(mode="login", **ALICE), headers={"X-Inkwell-Fault": "huge_field;mb=0.5;field=fullname"})
        self.assertEqual(len(resp.flat()["name"]), 512 * 1024)
        self.assertEqual([r.get("field") for r in self.log() if r["fault"]], ["events.0.subject", "fullname"])

    def test_gzip_bomb_inflates_to_what_it_says(self):
        self.add(kind="gzip_bomb", mb=64, mode="login")
        resp = self.flat.client.flat_raw(form(mode="login", **ALICE))
        self.assertEqual((resp.status, resp.headers["Content-Encoding"]), (200, "gzip"))
        self.assertLess(len(resp.body), 100 * 1024)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)      # gzip framing: the trailer's CRC and size are checked
        total, data = 0, resp.body
        while data:
            out = inflater.decompress(data, 1 << 22)
            self.assertEqual(out.count(0), len(out))
            total += len(out)
            data = inflater.unconsumed_tail
        self.assertTrue(inflater.eof)
        self.assertEqual(total, 64 * 1024 * 1024)
        self.assertEqual(self.log()[0]["processed"], False)

    def test_gzip_bomb_default_is_gigabytes_in_a_few_megabytes(self):
        self.add(kind="gzip_bomb")
        raw = self.raw(form(mode="getchallenge"))
        _, headers = raw.head()
        body = raw.body()
        self.assertLess(len(body), 3 * 1024 * 1024)
        self.assertEqual(int.from_bytes(body[-4:], "little"), (2048 * 1024 * 1024) & 0xFFFFFFFF)
        first = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body[:100000], 1 << 24)
        self.assertEqual(len(first), 1 << 24)

    def test_crc32_combine_agrees_with_zlib(self):
        rng = random.Random(5)
        for _ in range(20):
            a = os.urandom(rng.randrange(0, 3000))
            b = os.urandom(rng.randrange(0, 3000))
            self.assertEqual(hostile.crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)), zlib.crc32(a + b))
        block = bytes(1000)
        self.assertEqual(hostile.zeros_crc32(37, zlib.crc32(block), 1000), zlib.crc32(bytes(37000)))


class LyingReplies(Base):
    def post(self, n):
        for i in range(n):
            self.flat("postevent", **dict(POST, event="e%d" % i))

    def test_bad_time_in_syncitems_waits_for_a_syncitems_request(self):
        self.post(2)
        self.add(kind="bad_time")
        self.flat("login", **ALICE)                              # not a syncitems: passes, fault kept
        self.assertEqual(len(self.c.ctl("GET", "faults")["faults"]), 1)
        result = self.flat("syncitems", **ALICE)
        self.assertEqual([result["sync_%d_time" % n] for n in (1, 2)], ["2026-13-45 99:99:99"] * 2)
        self.assertEqual(result["sync_count"], "2")
        self.add(kind="bad_time", value="yesterday", interface="xmlrpc")
        items = self.xml("syncitems", **ALICE)["syncitems"]
        self.assertEqual([i["time"] for i in items], ["yesterday", "yesterday"])
        self.assertEqual(sorted(i["item"] for i in items), ["L-1", "L-2"])
        self.assertEqual([(r["fault"], r["processed"]) for r in self.log()[-3:]],
                         [(None, True), ("bad_time", True), ("bad_time", True)])

    def test_bad_time_in_getevents_and_refused_for_other_modes(self):
        self.post(1)
        resp = self.flat.client.flat_raw(form(mode="getevents", selecttype="one", itemid=1, **ALICE),
                                         headers={"X-Inkwell-Fault": "bad_time;value=2026-02-30 25:61:61"})
        self.assertEqual(resp.flat()["events_1_eventtime"], "2026-02-30 25:61:61")
        self.assertEqual(resp.flat()["events_1_logtime"], "2026-02-30 25:61:61")
        status, body = self.c.control("POST", "faults", {"kind": "bad_time", "mode": "login"})
        self.assertEqual(status, 400)
        self.assertIn("syncitems", body["error"])
        resp = self.flat.client.flat_raw(form(mode="login", **ALICE), headers={"X-Inkwell-Fault": "no_itemid"})
        self.assertEqual(resp.status, 400)

    def test_no_itemid_says_ok_but_the_entry_exists(self):
        self.add(kind="no_itemid", mode="postevent")
        result = self.flat("postevent", **POST)
        self.assertEqual(result, {"success": "OK"})
        self.add(kind="no_itemid", interface="xmlrpc")
        self.assertEqual(self.xml("postevent", **dict(POST, event="second")), {})
        self.assertEqual([e["event"] for e in self.entries()], ["x", "second"])
        self.add(kind="no_itemid")
        self.assertEqual(self.flat("editevent", itemid=1, **dict(POST, event="edited")), {"success": "OK"})
        self.assertEqual(self.entries()[0]["event"], "edited")
        self.assertEqual([(r["mode"], r["fault"], r["processed"]) for r in self.log()],
                         [("postevent", "no_itemid", True), ("postevent", "no_itemid", True),
                          ("editevent", "no_itemid", True)])

    def test_bad_challenge_variants(self):
        self.add(kind="bad_challenge")
        garbage = self.flat("getchallenge")["challenge"]
        self.assertFalse(garbage.startswith("c0:"))
        # a response computed from it is refused
        response = md5_hex(garbage + md5_hex("pw1"))
        self.flat.fails("login", username="alice", auth_method="challenge", auth_challenge=garbage,
                        auth_response=response)
        self.add(kind="bad_challenge", variant="empty", interface="xmlrpc")
        self.assertEqual(self.xml("getchallenge")["challenge"], "")
        self.add(kind="bad_challenge", variant="missing")
        self.assertNotIn("challenge", self.flat("getchallenge"))
        self.add(kind="bad_challenge", variant="scheme")
        answer = self.flat("getchallenge")
        self.assertEqual((answer["auth_scheme"], answer["challenge"][:3]), ("c1", "c0:"))
        self.assertEqual(self.flat("getchallenge")["auth_scheme"], "c0")     # one request each
        self.assertEqual(self.c.control("POST", "faults", {"kind": "bad_challenge", "variant": "odd"})[0], 400)


class LjFlavour(Base):
    flavor = "lj"

    def test_new_kinds_on_lj(self):
        self.add(kind="http503", seconds=1)
        self.assertEqual(self.flat.client.flat_raw(form(**POST)).status, 503)
        self.add(kind="no_itemid")
        self.assertEqual(self.xml("postevent", **POST), {})
        self.add(kind="huge", mb=0.25)
        self.assertEqual(len(self.flat.client.flat_raw(form(mode="getchallenge")).body), 256 * 1024)
        self.assertEqual([r["processed"] for r in self.log()], [False, True, True])


def json_post(url, path, payload):
    req = urllib.request.Request(url + "/__control/" + path, json.dumps(payload).encode(),
                                 {"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as resp:
        return json.loads(resp.read())


if __name__ == "__main__":
    unittest.main()
