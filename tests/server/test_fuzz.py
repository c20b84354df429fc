"""The fuzzing mode (README "Fuzzing"): replies are mutations of the recorded real-server replies of the
same interface and mode, decided by the seed alone, logged with what was done and whether the server
processed the request; rate, modes, process share, mutation filter, switching off, reset and --fuzz."""

import json
import os
import random
import socket
import subprocess
import tempfile
import unittest
import urllib.parse
import urllib.request
import xmlrpc.client

from ljsrv import fuzz, recorded
from support import PYTHON, SERVER_SCRIPT, InProcessServer, start_subprocess, stop_subprocess

ALICE = {"username": "alice", "password": "pw1", "ver": 1}
POST = dict(ALICE, year=2026, mon=1, day=1, hour=0, min=0)


def flat_body(mode, **fields):
    fields = {("user" if k == "username" else k): v for k, v in fields.items()}
    return urllib.parse.urlencode(dict(fields, mode=mode)).encode()


def xml_body(mode, **fields):
    return xmlrpc.client.dumps((fields,), "LJ.XMLRPC." + mode).encode()


def exchange(port, interface, body):
    """One request with Connection: close on its own connection: (status, declared length, every body
    byte received until the server closed)."""
    path, ctype = (("/interface/flat", "application/x-www-form-urlencoded") if interface == "flat"
                   else ("/interface/xmlrpc", "text/xml"))
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"POST %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
                 % (path.encode(), ctype.encode(), len(body)) + body)
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    sock.close()
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(b":", 1) for line in lines[1:])}
    return int(lines[0].split(b" ")[1]), int(headers[b"content-length"]), rest


REQUESTS = [("flat", "getchallenge", {}), ("xmlrpc", "getchallenge", {}), ("flat", "login", ALICE),
            ("xmlrpc", "login", ALICE)] + \
           [(i, "postevent", dict(POST, event="post %d" % n)) for n, i in enumerate(["flat", "xmlrpc"] * 4)] + \
           [("flat", "syncitems", ALICE), ("xmlrpc", "syncitems", ALICE),
            ("flat", "getevents", dict(ALICE, selecttype="lastn", howmany=5)),
            ("xmlrpc", "getevents", dict(ALICE, selecttype="lastn", howmany=5))]


class Base(unittest.TestCase):
    def setUp(self):
        self.servers = []
        self.server = self.start()
        self.c = self.server.client()

    def tearDown(self):
        for server in self.servers:
            server.stop()

    def start(self, **kwargs):
        server = InProcessServer(flavor="dw", users=["alice:pw1"], **kwargs)
        self.servers.append(server)
        return server

    def run_requests(self, server, requests=REQUESTS):
        port = server.client().port
        out = []
        for interface, mode, fields in requests:
            body = flat_body(mode, **fields) if interface == "flat" else xml_body(mode, **fields)
            out.append(exchange(port, interface, body))
        return out

    def log(self, server=None):
        return (server or self.server).client().ctl("GET", "requests")["requests"]


class Determinism(Base):
    def test_same_seed_same_replies_other_seed_others(self):
        runs = []
        for seed in (11, 11, 12):
            server = self.start()
            server.client().ctl("POST", "fuzz", {"seed": seed, "rate": 0.8})
            replies = self.run_requests(server)
            runs.append((replies, [r["fuzz"] for r in self.log(server)]))
        # the fuzzed replies and their descriptions (the others carry random challenges and anums)
        runs = [[(reply, f) for reply, f in zip(*run) if f] for run in runs]
        self.assertEqual(runs[0], runs[1])
        self.assertNotEqual([reply for reply, _ in runs[0]], [reply for reply, _ in runs[2]])
        fuzzed = [f for _, f in runs[0]]
        self.assertTrue(fuzzed)
        self.assertLess(len(fuzzed), len(REQUESTS))             # rate 0.8: some pass untouched
        self.assertEqual([f["n"] for f in fuzzed], sorted(set(f["n"] for f in fuzzed)))

    def test_replies_are_recordings_of_the_same_interface_and_mode(self):
        corpus = recorded.load()
        by_source = {r.source: r for r in corpus.replies}
        self.c.ctl("POST", "fuzz", {"seed": 3, "mutations": ["truncate"]})
        replies = self.run_requests(self.server)
        for (interface, mode, _), (status, declared, body), entry in zip(REQUESTS, replies, self.log()):
            source = by_source[entry["fuzz"]["source"]]
            self.assertEqual((source.interface, source.mode), (interface, mode))
            self.assertEqual(status, source.status)
            cut = entry["fuzz"]["mutations"]
            self.assertEqual(cut[-1]["op"], "truncate")
            self.assertEqual((declared, len(body)), (len(body), entry["fuzz"]["length"]))
            if len(cut) == 1:
                self.assertEqual(body, source.body[:cut[0]["at"]])
            self.assertTrue(source.body.startswith(body))


class Settings(Base):
    def test_rate_and_modes(self):
        state = self.c.ctl("POST", "fuzz", {"seed": 1, "rate": 0.5, "modes": ["getchallenge"]})
        self.assertEqual((state["on"], state["rate"], state["modes"], state["seen"]), (True, 0.5, ["getchallenge"], 0))
        self.assertGreater(state["recordings"], 400)
        self.run_requests(self.server, [("flat", "getchallenge", {})] * 40 + [("flat", "login", ALICE)] * 5)
        log = self.log()
        self.assertEqual([r["fuzz"] for r in log if r["mode"] == "login"], [None] * 5)
        fuzzed = sum(1 for r in log if r["fuzz"])
        self.assertTrue(8 <= fuzzed <= 32, fuzzed)
        self.assertEqual(self.c.ctl("GET", "fuzz")["seen"], 40)
        self.assertEqual(self.c.ctl("GET", "fuzz")["fuzzed"], fuzzed)
        self.c.ctl("POST", "fuzz", {"seed": 1, "rate": 0, "interface": "xmlrpc"})
        self.c.ctl("DELETE", "requests")
        self.run_requests(self.server, [("flat", "getchallenge", {}), ("xmlrpc", "getchallenge", {})])
        self.assertEqual([r["fuzz"] for r in self.log()], [None, None])
        self.assertEqual(self.c.ctl("GET", "fuzz")["seen"], 1)       # only the xmlrpc one matched

    def test_processed_flag_matches_what_the_server_stored(self):
        self.c.ctl("POST", "fuzz", {"seed": 5, "modes": ["postevent"]})
        posts = [("flat" if n % 2 else "xmlrpc", "postevent", dict(POST, event="p%d" % n)) for n in range(20)]
        self.run_requests(self.server, posts)
        log = self.log()
        processed = [r for r in log if r["processed"]]
        self.assertTrue(0 < len(processed) < 20)
        self.assertTrue(all(r["fuzz"]["processed"] == r["processed"] for r in log))
        self.assertEqual({r["result"] for r in log if not r["processed"]}, {"fuzzed"})
        self.assertEqual({r["result"] for r in processed}, {"ok"})
        stored = self.c.ctl("GET", "entries?journal=alice")["entries"]
        self.assertEqual(len(stored), len(processed))
        arrivals = self.c.ctl("GET", "arrivals")["arrivals"]
        self.assertEqual(sum(a["requests"][0]["processed"] for a in arrivals), len(processed))
        self.assertTrue(all(a["requests"][0]["fuzzed"] for a in arrivals))
        for share, expected in ((0, 0), (1, 4)):
            self.c.ctl("POST", "reset")
            self.c.ctl("POST", "fuzz", {"seed": 5, "process": share})
            self.run_requests(self.server, posts[:4])
            self.assertEqual(self.c.ctl("GET", "entries?journal=alice")["count"], expected)

    def test_faults_come_first(self):
        self.c.ctl("POST", "fuzz", {"seed": 2})
        self.c.ctl("POST", "faults", {"kind": "http500", "mode": "getchallenge"})
        status, _, body = self.run_requests(self.server, [("flat", "getchallenge", {})])[0]
        self.assertEqual(status, 500)
        self.assertEqual((self.log()[0]["fault"], self.log()[0]["fuzz"]), ("http500", None))
        self.assertEqual(self.c.ctl("GET", "fuzz")["seen"], 0)

    def test_off_and_errors(self):
        self.c.ctl("POST", "fuzz", {"seed": 2})
        self.assertEqual(self.c.ctl("POST", "fuzz", {"off": True})["on"], False)
        status, _, body = self.run_requests(self.server, [("flat", "getchallenge", {})])[0]
        self.assertIn(b"success\nOK\n", body)
        self.assertIsNone(self.log()[0]["fuzz"])
        for bad in ({"rate": 0.5}, {"seed": 1, "rate": 2}, {"seed": "x"}, {"seed": 1, "mutations": ["explode"]},
                    {"seed": 1, "modes": "login"}, {"seed": 1, "interface": "soap"}, {"seed": 1, "process": -1}):
            status, answer = self.c.control("POST", "fuzz", bad)
            self.assertEqual(status, 400, bad)
            self.assertIn("error", answer)
        self.assertEqual(self.c.ctl("DELETE", "fuzz")["on"], False)

    def test_reset_returns_to_the_command_line_setting(self):
        server = self.start(fuzz={"seed": 4, "rate": 1.0, "modes": ["login"]})
        c = server.client()
        self.assertEqual(c.ctl("GET", "fuzz")["seed"], 4)
        c.ctl("POST", "fuzz", {"off": True})
        self.run_requests(server, [("flat", "login", ALICE)])
        state = c.ctl("POST", "reset") and c.ctl("GET", "fuzz")
        self.assertEqual((state["on"], state["seed"], state["modes"], state["seen"]), (True, 4, ["login"], 0))
        self.assertEqual(self.c.ctl("POST", "reset") and self.c.ctl("GET", "fuzz")["on"], False)

    def test_no_recordings(self):
        empty = tempfile.mkdtemp()
        saved = {k: os.environ.get(k) for k in ("INKWELL_TRANSCRIPTS", "INKWELL_TRANSCRIPTS_HTTP")}
        os.environ.update({k: empty for k in saved})
        try:
            status, answer = self.c.control("POST", "fuzz", {"seed": 1})
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            os.rmdir(empty)
        self.assertEqual(status, 400)
        self.assertIn("no recorded replies", answer["error"])


class Mutations(Base):
    def test_every_mutation_over_http(self):
        for op in fuzz.OPS:
            interfaces = [i for i, ops in (("flat", fuzz.FLAT_OPS), ("xmlrpc", fuzz.XML_OPS)) if op in ops]
            self.c.ctl("POST", "fuzz", {"seed": len(op), "mutations": [op]})
            self.c.ctl("DELETE", "requests")
            # dates are in syncitems and getevents replies
            chosen = REQUESTS[-4:] if op == "date" else REQUESTS[:6]
            requests = [(i, m, f) for i in interfaces for (_, m, f) in chosen]
            replies = self.run_requests(self.server, requests)
            applied = 0
            for (status, declared, body), entry in zip(replies, self.log()):
                done = entry["fuzz"]["mutations"]
                # an op that finds nothing to change (no number in the reply, ...) flips bits instead
                self.assertTrue(all(m["op"] == op or m.get("instead_of") == op for m in done), (op, done))
                applied += any(m["op"] == op for m in done)
                self.assertEqual(len(body), entry["fuzz"]["length"])
                if op == "length":
                    self.assertEqual((declared, len(body)), (done[-1]["declared"], done[-1]["actual"]))
                    self.assertNotEqual(declared, len(body))
                else:
                    self.assertEqual(declared, len(body))
            self.assertGreater(applied, len(requests) // 2, op)

    def check(self, op, body, interface, seeds=60):
        """Run ``op`` on ``body`` with many seeds; return [(new body, description)]."""
        out = []
        for seed in range(seeds):
            new, declared, done = fuzz.mutate(random.Random(seed), body, interface, [op])
            self.assertIsNone(declared)
            self.assertNotEqual(new, body, (op, seed))
            if len(done) == 1:                  # one mutation: its description must say exactly what changed
                self.assertEqual(done[0]["op"], op)
                out.append((new, done))
        self.assertGreater(len(out), seeds // 3)
        return out

    FLAT = b"anum\n166\nitemid\n6\nsuccess\nOK\nurl\nhttp://127.0.0.1:8089/~ljalice/1702.html\n"
    XML = (b'<?xml version="1.0" encoding="UTF-8"?><methodResponse><params><param><value><struct>'
           b"<member><name>syncitems</name><value><array><data><value><struct><member><name>item</name>"
           b"<value><string>L-1</string></value></member><member><name>time</name><value><string>"
           b"2026-11-23 11:33:51</string></value></member></struct></value></data></array></value></member>"
           b"<member><name>total</name><value><int>1</int></value></member></struct></value></param></params>"
           b"</methodResponse>")

    def test_descriptions_match_the_changes(self):
        for new, done in self.check("truncate", self.FLAT, "flat"):
            self.assertEqual(new, self.FLAT[:done[0]["at"]])
        for new, done in self.check("flip", self.FLAT, "flat"):
            positions = [i for i, (a, b) in enumerate(zip(new, self.FLAT)) if a != b]
            self.assertTrue(set(positions) <= set(done[0]["at"]) and positions, (positions, done))
        for new, done in self.check("number", self.XML, "xmlrpc"):
            m = done[0]
            self.assertTrue(new[m["at"]:].startswith(m["now"].encode()))
            self.assertTrue(self.XML[m["at"]:].startswith(m["was"].encode()))
        for new, done in self.check("date", self.XML, "xmlrpc"):
            self.assertEqual(done[0]["was"], "2026-11-23 11:33:51")
            self.assertNotIn(b"2026-11-23 11:33:51", new)
        for new, done in self.check("dup_line", self.FLAT, "flat"):
            lines = new.split(b"\n")
            self.assertEqual(lines[0::2].count(done[0]["key"].encode()), 2)
        for new, done in self.check("drop_line", self.FLAT, "flat"):
            self.assertEqual(len(new.split(b"\n")), len(self.FLAT.split(b"\n")) - done[0]["lines"])
        for new, done in self.check("dup_member", self.XML, "xmlrpc"):
            self.assertEqual(new.count(b"<member>"), 5)
        for new, done in self.check("drop_member", self.XML, "xmlrpc"):
            self.assertEqual(new.count(b"<member>"), 3)
            self.assertNotIn(b"<name>%s</name>" % done[0]["name"].encode(), new)
        for new, done in self.check("cut_tag", self.XML, "xmlrpc"):
            self.assertEqual(len(new) < len(self.XML), True)
            with self.assertRaises(Exception):
                xmlrpc.client.loads(new)
        for new, done in self.check("utf8", self.FLAT, "flat"):
            with self.assertRaises(UnicodeDecodeError):
                new.decode("utf-8")

    def test_mutations_keep_to_the_interface(self):
        for seed in range(50):
            _, _, done = fuzz.mutate(random.Random(seed), self.FLAT, "flat")
            self.assertTrue({m["op"] for m in done} <= set(fuzz.FLAT_OPS))
            self.assertTrue(1 <= len(done) <= 3)
            _, _, done = fuzz.mutate(random.Random(seed), self.XML, "xmlrpc")
            self.assertTrue({m["op"] for m in done} <= set(fuzz.XML_OPS))


class CommandLine(unittest.TestCase):
    def test_fuzz_options(self):
        proc, url = start_subprocess("--flavor", "lj", "--user", "alice:pw1", "--fuzz", "9", "--fuzz-modes",
                                     "getchallenge", "--fuzz-process", "0")
        try:
            with urllib.request.urlopen(url + "/__control/fuzz") as resp:
                state = json.loads(resp.read())
            self.assertEqual((state["on"], state["seed"], state["modes"], state["process"], state["rate"]),
                             (True, 9, ["getchallenge"], 0.0, 1.0))
            port = int(url.rsplit(":", 1)[1])
            exchange(port, "flat", flat_body("getchallenge"))
            status, _, body = exchange(port, "flat", flat_body("login", **ALICE))
            self.assertIn(b"success\nOK\n", body)
            with urllib.request.urlopen(url + "/__control/requests") as resp:
                log = json.loads(resp.read())["requests"]
            self.assertEqual([(r["mode"], bool(r["fuzz"]), r["processed"]) for r in log],
                             [("getchallenge", True, False), ("login", False, True)])
        finally:
            stop_subprocess(proc)

    def test_bad_fuzz_options(self):
        done = subprocess.run([PYTHON, SERVER_SCRIPT, "--fuzz", "1", "--fuzz-rate", "3"], capture_output=True,
                              timeout=30)
        self.assertEqual(done.returncode, 2)
        self.assertIn(b"rate", done.stderr)
        done = subprocess.run([PYTHON, SERVER_SCRIPT, "--fuzz", "x"], capture_output=True, timeout=30)
        self.assertEqual(done.returncode, 2)


if __name__ == "__main__":
    unittest.main()
