"""Fault injection (README "Faults"): every kind, queued through /__control/faults or per request with
X-Inkwell-Fault, matching by mode and interface, skip/count; and the request statistics."""

import http.client
import socket
import time
import unittest
import urllib.parse
import xmlrpc.client

from support import Api, InProcessServer

ALICE = {"username": "alice", "password": "pw1", "ver": 1}
POST = dict(ALICE, event="x", year=2026, mon=1, day=1, hour=0, min=0)


def raw_exchange(port, body, headers=b""):
    """Send one flat request on a fresh socket; return everything received until the server closes
    (or 2 s pass)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=2)
    sock.sendall(b"POST /interface/flat HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 + headers + b"Content-Length: %d\r\n\r\n" % len(body) + body)
    data = b""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        pass
    sock.close()
    return data


class Faults(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="dw", users=["alice:pw1"])
        self.c = self.server.client()
        self.port = self.c.port
        self.flat, self.xml = Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")

    def tearDown(self):
        self.server.stop()

    def entries(self):
        return self.c.ctl("GET", "entries?journal=alice")["count"]

    def add(self, **spec):
        return self.c.ctl("POST", "faults", spec)

    def flat_body(self, **fields):
        params = {"mode": "postevent"}
        params.update({("user" if k == "username" else k): v for k, v in dict(POST, **fields).items()})
        return urllib.parse.urlencode(params).encode()

    def test_queue_listing_and_clearing(self):
        added = self.add(kind="http500", mode="postevent", count=2)
        self.assertEqual(added["faults"][0]["count"], 2)
        self.assertEqual(self.c.ctl("GET", "faults")["faults"][0]["kind"], "http500")
        self.assertEqual(self.c.ctl("DELETE", "faults")["faults"], [])
        self.flat("postevent", **POST)
        status, body = self.c.control("POST", "faults", {"kind": "explode"})
        self.assertEqual(status, 400)
        self.assertIn("unknown fault kind", body["error"])

    def test_http500_matches_mode_interface_skip_and_count(self):
        self.add(kind="http500", mode="postevent", interface="xmlrpc", skip=1, count=2)
        self.flat("login", **ALICE)                                    # other mode: unaffected
        self.flat("postevent", **POST)                                 # other interface: unaffected
        self.xml("postevent", **dict(POST, event="skipped"))           # skip 1
        for n in range(2):
            resp = self.xml.client.xmlrpc_raw(xmlrpc.client.dumps((dict(POST, event="f%d" % n),), "LJ.XMLRPC.postevent").encode())
            self.assertEqual(resp.status, 500)
            self.assertIn(b"Internal Server Error", resp.body)
        self.xml("postevent", **dict(POST, event="after"))
        self.assertEqual(self.entries(), 3)                            # the two faulted posts were not processed
        self.assertEqual(self.c.ctl("GET", "faults")["faults"], [])

    def test_drop_before_does_not_process(self):
        self.add(kind="drop_before")
        data = raw_exchange(self.port, self.flat_body())
        self.assertEqual(data, b"")
        self.assertEqual(self.entries(), 0)

    def test_drop_after_commit_processes(self):
        self.add(kind="drop_after_commit", mode="postevent")
        self.assertEqual(raw_exchange(self.port, self.flat_body()), b"")
        self.assertEqual(self.entries(), 1)                           # the outcome-unknown case
        # a retry of the same post is recognised as a duplicate
        self.assertEqual(self.flat("postevent", **POST)["itemid"], "1")

    def test_truncate_processes_and_cuts_the_body(self):
        self.add(kind="truncate")
        data = raw_exchange(self.port, self.flat_body())
        head, _, body = data.partition(b"\r\n\r\n")
        length = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
        self.assertTrue(head.startswith(b"HTTP/1.1 200"))
        self.assertLess(len(body), length)
        self.assertEqual(self.entries(), 1)

    def test_damaged_says_success_but_does_not_read(self):
        self.add(kind="damaged")
        resp = self.flat.client.flat_raw(self.flat_body())
        self.assertEqual(resp.status, 200)
        self.assertIn(b"success\nOK\n", resp.body)
        self.assertNotIn(b"_itemid", resp.body)
        self.add(kind="damaged", interface="xmlrpc")
        resp = self.xml.client.xmlrpc_raw(xmlrpc.client.dumps((ALICE,), "LJ.XMLRPC.login").encode())
        self.assertEqual((resp.status, resp.content_type), (200, "text/xml"))
        self.assertIn(b"<params>", resp.body)
        with self.assertRaises(Exception):                            # a non-numeric <int>
            xmlrpc.client.loads(resp.body)
        self.assertEqual(self.entries(), 0)

    def test_malformed(self):
        self.add(kind="malformed", interface="xmlrpc")
        resp = self.xml.client.xmlrpc_raw(xmlrpc.client.dumps((ALICE,), "LJ.XMLRPC.login").encode())
        self.assertEqual((resp.status, resp.content_type), (200, "text/xml"))
        with self.assertRaises(Exception):
            xmlrpc.client.loads(resp.body)
        self.add(kind="malformed")
        resp = self.flat.client.flat_raw(self.flat_body())
        self.assertNotIn(b"success\n", resp.body)
        self.assertEqual(self.entries(), 0)

    def test_ratelimit_and_error(self):
        self.add(kind="ratelimit", mode="postevent")
        self.assertEqual(self.flat.fails("postevent", **POST).text, "Client error: Post frequency limit.")
        self.add(kind="error", code=406, mode="getevents")
        failure = self.xml.fails("getevents", selecttype="one", itemid=1, **ALICE)
        self.assertEqual((failure.code, failure.text),
                         (406, "Client error: Client is making repeated requests.  Perhaps it's broken?"))
        self.add(kind="error", code=502, detail="maintenance")
        self.assertEqual(self.flat.fails("login", **ALICE).text,
                         "Server error: Database temporarily unavailable: maintenance")
        self.assertEqual(self.entries(), 0)

    def test_delay(self):
        self.add(kind="delay", ms=300, mode="login")
        started = time.time()
        self.flat("login", **ALICE)
        self.assertGreaterEqual(time.time() - started, 0.3)
        started = time.time()
        self.flat("login", **ALICE)
        self.assertLess(time.time() - started, 0.3)

    def test_per_request_header(self):
        flat = self.flat.client
        resp = flat.flat_raw(self.flat_body(), headers={"X-Inkwell-Fault": "ratelimit"})
        self.assertEqual(resp.flat()["errmsg"], "Client error: Post frequency limit.")
        resp = flat.flat_raw(self.flat_body(), headers={"X-Inkwell-Fault": "error;code=503"})
        self.assertEqual(resp.flat()["errmsg"], "Server error: Error obtaining necessary database lock")
        started = time.time()
        self.assertEqual(flat.flat_raw(self.flat_body(), headers={"X-Inkwell-Fault": "delay;ms=200"}).flat()["itemid"], "1")
        self.assertGreaterEqual(time.time() - started, 0.2)
        self.assertEqual(raw_exchange(self.port, self.flat_body(event="y"), b"X-Inkwell-Fault: drop_after_commit\r\n"), b"")
        self.assertEqual(self.entries(), 2)
        self.assertEqual(flat.flat_raw(self.flat_body(), headers={"X-Inkwell-Fault": "bogus"}).status, 400)
        # the header affects only its own request
        self.assertEqual(self.flat("postevent", **dict(POST, event="z"))["itemid"], "3")

    def test_log_tells_processed_from_not_processed(self):
        for kind in ("drop_before", "drop_after_commit", "truncate", "http500", "malformed", "ratelimit"):
            self.add(kind=kind, mode="postevent")
            raw_exchange(self.port, self.flat_body(event=kind))
        self.flat("postevent", **dict(POST, event="plain"))
        log = self.c.ctl("GET", "requests")["requests"]
        self.assertEqual([(r["fault"], r["result"], r["processed"]) for r in log],
                         [("drop_before", "dropped", False), ("drop_after_commit", "ok", True),
                          ("truncate", "ok", True), ("http500", "http500", False), ("malformed", "malformed", False),
                          ("ratelimit", 405, False), (None, "ok", True)])
        arrivals = self.c.ctl("GET", "arrivals")["arrivals"]
        self.assertEqual([a["requests"][0]["processed"] for a in arrivals], [False, True, True, False, False, False, True])
        self.assertEqual(self.entries(), 3)

    def test_keep_alive_survives_protocol_faults(self):
        self.add(kind="ratelimit", count=3)
        conn = http.client.HTTPConnection("127.0.0.1", self.port)
        for _ in range(5):
            conn.request("POST", "/interface/flat", self.flat_body(), {"Content-Type": "application/x-www-form-urlencoded"})
            conn.getresponse().read()
        self.assertEqual(self.entries(), 1)
        conn.close()


class Stats(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="lj", users=["alice:pw1"])
        self.c = self.server.client()

    def tearDown(self):
        self.server.stop()

    def test_counts_every_protocol_request(self):
        flat, xml = Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")
        flat("getchallenge")
        xml("getchallenge")
        flat("login", **ALICE)
        xml.fails("login", username="alice", password="bad")
        flat.client.flat_raw(b"mode=nosuch&user=alice")
        self.c.ctl("POST", "faults", {"kind": "http500", "mode": "login"})
        flat.client.flat_raw(b"mode=login&user=alice&password=pw1")
        stats = self.c.ctl("GET", "stats")
        self.assertEqual(stats["modes"], {"getchallenge": 2, "login": 3, "nosuch": 1})
        self.assertEqual(stats["interfaces"], {"flat": 4, "xmlrpc": 2})
        self.assertEqual(stats["total"], 6)
        self.c.ctl("POST", "stats/reset")
        self.assertEqual(self.c.ctl("GET", "stats"), {"modes": {}, "interfaces": {"flat": 0, "xmlrpc": 0}, "total": 0})

    def test_request_log(self):
        flat = Api(self.server.client(), "flat")
        flat("login", **ALICE)
        flat.fails("login", username="alice", password="bad")
        log = self.c.ctl("GET", "requests")["requests"]
        self.assertEqual([(r["mode"], r["result"], r["user"]) for r in log],
                         [("login", "ok", "alice"), ("login", 101, "alice")])
        self.c.ctl("DELETE", "requests")
        self.assertEqual(self.c.ctl("GET", "requests")["requests"], [])


if __name__ == "__main__":
    unittest.main()
