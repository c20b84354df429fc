"""The HTTP layer and the accounting for client tests (README "HTTP behaviour", "Control API"):
faults chosen by the request's place on its connection, the request log's post summaries, arrival
counts past the log's cap, the duplicate-post switch, live sessions, challenge pruning, the lj
flavour's transport and cookies, /export_comments and Starman's own errors."""

import hashlib
import socket
import time
import unittest
import urllib.parse

from ljsrv.auth import AuthState
from support import Api, InProcessServer

ALICE = {"username": "alice", "password": "pw1", "ver": 1}
POST = dict(ALICE, event="x", year=2026, mon=1, day=1, hour=0, min=0)


def form(**fields):
    fields.setdefault("mode", "postevent")
    params = {("user" if k == "username" else k): v for k, v in fields.items()}
    return urllib.parse.urlencode(params).encode()


def flat_request(body, extra=b""):
    return (b"POST /interface/flat HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + extra + b"Content-Length: %d\r\n\r\n" % len(body) + body)


class RawConnection:
    """One client connection; ``exchange`` sends a request and returns the response bytes, or b"" when
    the server closed the connection without answering."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)

    def exchange(self, data):
        self.sock.sendall(data)
        received = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except ConnectionResetError:
                return received
            if not chunk:
                return received
            received += chunk
            head, sep, body = received.partition(b"\r\n\r\n")
            if sep:
                length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:")]
                if length and len(body) >= length[0]:
                    return received

    def close(self):
        self.sock.close()


class DreamwidthHttp(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="dw", users=["alice:pw1", "bob:pw2"], communities=[("comm", "alice")])
        self.c = self.server.client()
        self.port = self.c.port
        self.flat = Api(self.server.client(), "flat")

    def tearDown(self):
        self.server.stop()

    def entries(self):
        return self.c.ctl("GET", "entries?journal=alice")["count"]

    # faults by connection ----------------------------------------------------------------------
    def test_drop_after_commit_on_a_reused_connection_only(self):
        self.c.ctl("POST", "faults", {"kind": "drop_after_commit", "mode": "postevent", "connection": "reused"})
        conn = RawConnection(self.port)
        first = conn.exchange(flat_request(form(**dict(POST, event="first"))))
        self.assertIn(b"itemid\n1\n", first)                     # fresh: not hit
        self.assertEqual(conn.exchange(flat_request(form(**dict(POST, event="second")))), b"")   # reused: hit
        conn.close()
        self.assertEqual(self.entries(), 2)                      # ... and committed
        log = self.c.ctl("GET", "requests")["requests"]
        self.assertEqual([(r["connection"], r["fault"], r["result"]) for r in log if r["mode"] == "postevent"],
                         [("fresh", None, "ok"), ("reused", "drop_after_commit", "ok")])
        self.assertEqual(self.c.ctl("GET", "faults")["faults"], [])

    def test_drop_after_commit_on_a_fresh_connection_only(self):
        self.c.ctl("POST", "faults", {"kind": "drop_after_commit", "mode": "postevent", "connection": "fresh"})
        conn = RawConnection(self.port)
        self.assertIn(b"success\nOK", conn.exchange(flat_request(b"mode=getchallenge")))
        self.assertIn(b"itemid\n1\n", conn.exchange(flat_request(form(**dict(POST, event="on reused")))))
        conn.close()
        self.assertEqual(self.c.ctl("GET", "faults")["faults"][0]["connection"], "fresh")   # not fired yet
        conn = RawConnection(self.port)
        self.assertEqual(conn.exchange(flat_request(form(**dict(POST, event="on fresh")))), b"")
        conn.close()
        self.assertEqual(self.entries(), 2)
        self.assertEqual(self.c.ctl("GET", "faults")["faults"], [])

    def test_fault_connection_field_is_validated(self):
        status, body = self.c.control("POST", "faults", {"kind": "drop_before", "connection": "sometimes"})
        self.assertEqual(status, 400)
        self.assertIn("connection", body["error"])
        added = self.c.ctl("POST", "faults", {"kind": "drop_before"})["added"][0]
        self.assertEqual(added["connection"], "*")

    # request log and arrivals ------------------------------------------------------------------
    def test_request_log_tells_posts_apart(self):
        xml = Api(self.server.client(), "xmlrpc")
        self.flat("postevent", **dict(POST, subject="one", event="Ünï body"))
        xml("postevent", **dict(POST, subject="two", event="other", usejournal="comm"))
        self.flat("editevent", **dict(ALICE, itemid=1, subject="one*", event="new text"))
        posts = [r for r in self.c.ctl("GET", "requests")["requests"] if r["mode"] in ("postevent", "editevent")]
        md5 = lambda text: hashlib.md5(text.encode()).hexdigest()[:12]
        self.assertEqual([(r["subject"], r["itemid"], r["usejournal"], r["event_md5"]) for r in posts],
                         [("one", None, None, md5("Ünï body")), ("two", None, "comm", md5("other")),
                          ("one*", 1, None, md5("new text"))])

    def test_arrivals_count_every_post_past_the_log_cap(self):
        self.flat("postevent", **dict(POST, subject="same"))
        self.flat("postevent", **dict(POST, subject="same"))          # a retry: the same post arrives twice
        self.flat("postevent", **dict(POST, subject="other"))
        self.c.ctl("POST", "faults", {"kind": "drop_before", "mode": "postevent"})
        conn = RawConnection(self.port)
        self.assertEqual(conn.exchange(flat_request(form(**dict(POST, subject="dropped")))), b"")
        conn.close()
        for _ in range(520):                                           # push the posts out of the request log
            self.flat("getchallenge")
        self.assertNotIn("postevent", [r["mode"] for r in self.c.ctl("GET", "requests")["requests"]])
        got = self.c.ctl("GET", "arrivals?mode=postevent")
        self.assertEqual(got["total"], 4)
        self.assertEqual(got["duplicates"], 1)
        self.assertEqual([(a["subject"], a["count"], [q["result"] for q in a["requests"]]) for a in got["arrivals"]],
                         [("same", 2, ["ok", "ok"]), ("other", 1, ["ok"]), ("dropped", 1, ["dropped"])])
        self.assertEqual(got["arrivals"][0]["event_md5"], hashlib.md5(b"x").hexdigest()[:12])
        self.assertEqual(got["arrivals"][2]["requests"][0]["fault"], "drop_before")
        self.assertEqual(self.c.ctl("GET", "arrivals?mode=editevent")["total"], 0)
        self.assertEqual(self.c.control("GET", "arrivals?mode=login")[0], 400)
        self.c.ctl("DELETE", "arrivals")
        self.assertEqual(self.c.ctl("GET", "arrivals")["arrivals"], [])

    # duplicate-post check ------------------------------------------------------------------------
    def test_duplicate_check_switch(self):
        self.assertEqual(self.flat("postevent", **POST)["itemid"], "1")
        self.assertEqual(self.flat("postevent", **POST)["itemid"], "1")      # like the real server
        self.assertEqual(self.c.ctl("POST", "settings", {"duplicate_check": False}), {"duplicate_check": False})
        self.assertEqual(self.flat("postevent", **POST)["itemid"], "2")
        self.assertEqual(self.c.control("POST", "settings", {"duplicate_check": "no"})[0], 400)
        self.c.ctl("POST", "reset")                                          # back to the command line's value
        self.assertEqual(self.c.ctl("GET", "settings"), {"duplicate_check": True})

    def test_no_duplicate_check_option(self):
        server = InProcessServer(flavor="dw", users=["alice:pw1"], duplicate_check=False)
        try:
            flat = Api(server.client(), "flat")
            self.assertEqual([flat("postevent", **POST)["itemid"] for _ in range(2)], ["1", "2"])
        finally:
            server.stop()

    # sessions ----------------------------------------------------------------------------------------
    def test_live_sessions(self):
        made = [self.flat("sessiongenerate", **dict(ALICE, expiration=e))["ljsession"] for e in ("short", "long")]
        self.flat("sessiongenerate", username="bob", password="pw2", bindtoip=1)
        listed = self.c.ctl("GET", "sessions")
        self.assertEqual(listed["count"], 3)
        alice = self.c.ctl("GET", "sessions?user=alice")["sessions"]
        self.assertEqual([(s["sessid"], s["exptype"], s["ljsession"]) for s in alice],
                         [(1, "short", made[0]), (2, "long", made[1])])
        self.assertEqual(self.c.ctl("GET", "sessions?user=bob")["sessions"][0]["bindtoip"], "127.0.0.1")
        self.flat("sessionexpire", **dict(ALICE, expire_id_1=1))
        self.assertEqual([s["sessid"] for s in self.c.ctl("GET", "sessions?user=alice")["sessions"]], [2])
        changed = self.c.ctl("POST", "sessions", {"user": "alice", "sessid": 2, "expires_in": -1})
        self.assertLess(changed["expires_unix"], self.c.ctl("GET", "clock")["unix"])
        self.assertEqual(self.c.ctl("GET", "sessions?user=alice")["count"], 0)     # expired: not live
        self.assertEqual(self.c.control("POST", "sessions", {"user": "alice", "sessid": 9, "expires_in": 5})[0], 404)
        self.c.ctl("DELETE", "sessions?user=bob")
        self.assertEqual(self.c.ctl("GET", "sessions")["count"], 0)

    def test_long_session_renewal_and_account_class(self):
        session = self.flat("sessiongenerate", **dict(ALICE, expiration="long"))["ljsession"]
        self.c.ctl("POST", "sessions", {"user": "alice", "sessid": 1, "expires_in": 10 * 86400})
        resp = self.flat.client.flat_raw(form(mode="login", user="alice", auth_method="cookie"),
                                         headers={"X-LJ-Auth": "cookie", "Cookie": "ljsession=" + session})
        self.assertEqual(resp.flat()["success"], "OK")
        cookies = [c.split("=")[0] for c in self.set_cookies(resp)]
        self.assertEqual(cookies, ["ljtrust", "ljuniq", "ljmastersession", "ljloggedin", "BMLschemepref", "ljtrust"])
        now = self.c.ctl("GET", "clock")["unix"]
        self.assertEqual(self.c.ctl("GET", "sessions?user=alice")["sessions"][0]["expires_unix"], now + 60 * 86400)
        self.assertEqual(self.c.ctl("POST", "account", {"user": "bob", "paid": 2}), {"user": "bob", "userid": 3, "paid": 2})

    def set_cookies(self, resp):
        return [v for k, v in resp.raw_headers if k == "Set-Cookie"]

    # web pages ---------------------------------------------------------------------------------------
    def test_export_comments_authentication(self):
        session = self.flat("sessiongenerate", **ALICE)["ljsession"]
        c = self.server.client()
        resp = c.request("GET", "/export_comments?get=comment_meta&startid=0&authas=comm",
                         headers={"Cookie": "ljsession=" + session})
        self.assertEqual((resp.status, resp.content_type), (200, "text/xml; charset=utf-8"))
        self.assertIn(b"<maxid>0</maxid>", resp.body)
        bob = self.flat("sessiongenerate", username="bob", password="pw2")["ljsession"]
        resp = c.request("GET", "/export_comments?get=comment_meta&startid=0&authas=comm",
                         headers={"Cookie": "ljsession=" + bob})
        self.assertEqual((resp.status, resp.content_type), (200, "text/html; charset=utf-8"))   # not his to export
        resp = c.request("GET", "/export_comments?get=comment_body&startid=0",
                         headers={"Cookie": "ljsession=" + session.replace(":a", ":aX")})
        self.assertEqual((resp.status, resp.headers["Location"], resp.body),
                         (302, "/login?returnto=/export_comments%3Fget%3Dcomment_body%26startid%3D0", b""))

    def test_starman_errors_and_plack_answers(self):
        conn = RawConnection(self.port)
        answer = conn.exchange(b"GARBAGE\r\n\r\n")
        self.assertTrue(answer.startswith(b"HTTP/1.0 400 Bad Request\r\nContent-Type: text/plain\r\n"), answer)
        self.assertNotIn(b"Set-Cookie", answer)
        conn.close()
        conn = RawConnection(self.port)
        answer = conn.exchange(b"PATCH /interface/flat HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertTrue(answer.startswith(b"HTTP/1.1 405 Method Not Allowed\r\n"), answer)
        self.assertIn(b"Transfer-Encoding: chunked", answer)
        conn.close()
        resp = self.c.request("HEAD", "/")
        self.assertEqual((resp.status, resp.body), (200, b""))
        self.assertGreater(int(resp.headers["Content-Length"]), 0)

    def test_idle_connection_closed_after_one_second(self):
        conn = RawConnection(self.port)
        self.assertIn(b"success\nOK", conn.exchange(flat_request(b"mode=getchallenge")))
        started = time.monotonic()
        conn.sock.settimeout(3)
        self.assertEqual(conn.sock.recv(10), b"")
        self.assertTrue(0.9 <= time.monotonic() - started < 1.8, time.monotonic() - started)
        conn.close()


class ChallengePruning(unittest.TestCase):
    def test_use_counts_are_forgotten_hour_by_hour(self):
        state = AuthState()
        start = 1800000000 - 1800000000 % 3600
        sizes = []
        for hour in range(6):
            now = start + hour * 3600
            for n in range(2000):
                chal = state.make_challenge(now + n % 50)
                self.assertIsNone(state.check_challenge(chal, now + n % 50))
                self.assertEqual(state.check_challenge(chal, now + n % 50), 101)      # single use
            sizes.append(len(state.challenge_uses))
        self.assertEqual(sizes[:2], [2000, 4000])
        self.assertTrue(all(size <= 6000 for size in sizes), sizes)                   # flat, not growing
        old = state.make_challenge(start)
        self.assertEqual(state.check_challenge(old, start + 6 * 3600), 105)


class ClassicLjHttp(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="lj", users=["alice:pw1"])
        self.c = self.server.client()

    def tearDown(self):
        self.server.stop()

    def test_ljuniq_only_and_no_modern_headers(self):
        resp = self.c.flat_raw(b"mode=getchallenge")
        self.assertEqual([k for k, _ in resp.raw_headers],
                         ["Content-Length", "Content-Type", "Set-Cookie", "Date", "Connection"])
        cookie = resp.headers["Set-Cookie"]
        self.assertRegex(cookie, r"^ljuniq=[A-Za-z0-9]{15}%3A\d+; path=/; expires=\w{3}, \d\d-\w{3}-\d{4} "
                                 r"\d\d:\d\d:\d\d GMT$")
        session = Api(self.c, "flat")("sessiongenerate", **dict(ALICE, expiration="long"))["ljsession"]
        self.c.ctl("POST", "sessions", {"user": "alice", "sessid": 1, "expires_in": 86400})
        resp = self.c.flat_raw(form(mode="login", user="alice", auth_method="cookie"),
                               headers={"X-LJ-Auth": "cookie", "Cookie": "ljsession=" + session})
        self.assertEqual(resp.flat()["success"], "OK")
        self.assertEqual([v.split("=")[0] for k, v in resp.raw_headers if k == "Set-Cookie"], ["ljuniq"])

    def test_pipelined_posts_are_served_and_connections_kept(self):
        conn = RawConnection(self.c.port)
        conn.sock.sendall(flat_request(b"mode=getchallenge") * 2)
        data = b""
        while data.count(b"success\nOK\n") < 2:
            chunk = conn.sock.recv(65536)
            self.assertTrue(chunk)
            data += chunk
        time.sleep(1.3)                                  # still open after the dw flavour's 1 s
        self.assertIn(b"success\nOK", conn.exchange(flat_request(b"mode=getchallenge")))
        conn.close()


if __name__ == "__main__":
    unittest.main()
