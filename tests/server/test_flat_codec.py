"""The flat interface's wire format (REFERENCE §1.1-1.2): request decoding, response encoding, the
content-type rules of both sites, responseenc=urlenc, keep-alive."""

import socket
import unittest

from ljsrv import flatcodec
from ljsrv.text import eurl
from support import InProcessServer


class RequestDecoding(unittest.TestCase):
    def test_plus_percent_and_raw_bytes(self):
        params = flatcodec.parse_form(b"mode=login&user=bad+user%21&event=caf%C3%A9+%FF")
        self.assertEqual(params["user"], "bad user!")
        self.assertEqual(params["event"].encode("utf-8", "surrogateescape"), b"caf\xc3\xa9 \xff")

    def test_literal_equals_truncates_the_value(self):
        # LJ::TextUtil::parse_args keeps only the first two pieces of split(/=/)
        self.assertEqual(flatcodec.parse_form(b"subject=a=b&x=1")["subject"], "a")

    def test_key_without_value_and_bad_escapes(self):
        params = flatcodec.parse_form(b"flag&x=%ZZ%4&y=%41")
        self.assertEqual(params, {"flag": "", "x": "%ZZ%4", "y": "A"})

    def test_duplicate_keys(self):
        body = b"a=1&a=2"
        self.assertEqual(flatcodec.parse_form(body)["a"], "2")                       # DW: last value
        self.assertEqual(flatcodec.parse_form(body, join_duplicates=True)["a"], "1\x002")  # LJ: NUL-joined


class ResponseEncoding(unittest.TestCase):
    def test_sorted_by_bytes_and_cr_lf_removed(self):
        body = flatcodec.encode_response({"sync_10_item": "x", "sync_1_item": "y", "b": "two\r\nlines", "A": 1})
        self.assertEqual(body, b"A\n1\nb\ntwolines\nsync_10_item\nx\nsync_1_item\ny\n")

    def test_empty_values_are_kept(self):
        self.assertEqual(flatcodec.decode_response(b"a\n\nb\nx\n"), [("a", ""), ("b", "x")])

    def test_eurl(self):
        self.assertEqual(eurl("Non-ASCII with ver=0: café"), "Non-ASCII+with+ver%3D0:+caf%C3%A9")
        self.assertEqual(eurl("a\r\nb\t#%+&/\\,._-"), "a%0D%0Ab%09%23%25%2B%26/\\,._-")

    def test_urlenc(self):
        self.assertEqual(flatcodec.encode_urlenc({"b": "x y", "a": "1&2"}), b"a=1%262&b=x+y&")


class OverHttp(unittest.TestCase):
    def setUp(self):
        self.servers = []

    def tearDown(self):
        for server in self.servers:
            server.stop()

    def client(self, flavor):
        server = InProcessServer(flavor=flavor, users=["alice:pw1"])
        self.servers.append(server)
        return server.client()

    def test_dw_parses_only_the_urlencoded_content_type(self):
        c = self.client("dw")
        body = b"mode=login&user=alice&password=pw1&ver=1"
        self.assertEqual(c.flat_raw(body).flat()["success"], "OK")
        self.assertEqual(c.flat_raw(body, "application/x-www-form-urlencoded; charset=UTF-8").flat()["success"], "OK")
        for ctype in ("application/x-www-form-urlescaped", "text/plain"):
            resp = c.flat_raw(body, ctype)
            self.assertEqual(resp.flat(), {"success": "FAIL", "errmsg": "Client error: No mode specified."})
        self.assertEqual(resp.content_type, "text/plain; charset=utf-8")

    def test_lj_accepts_the_perl_clients_misspelt_content_type(self):
        c = self.client("lj")
        body = b"mode=login&user=alice&password=pw1&ver=1"
        resp = c.flat_raw(body, "application/x-www-form-urlescaped")
        self.assertEqual(resp.flat()["success"], "OK")
        self.assertEqual(resp.content_type, "text/plain")
        # ... and the legacy path
        legacy = c.request("POST", "/cgi-bin/log.cgi", body, {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(legacy.flat()["name"], "Test Alice")

    def test_lj_parses_bodies_of_clients_that_do_not_escape_everything(self):
        # like the Debian liblivejournal-perl client: spaces, line breaks and UTF-8 left unescaped
        c = self.client("lj")
        body = ("mode=postevent&user=alice&password=pw1&ver=1&subject=Hi there&event=two words\nline 2 ü"
                "&year=2025&mon=1&day=2&hour=3&min=4").encode("utf-8")
        self.assertEqual(c.flat_raw(body, "application/x-www-form-urlescaped").flat()["itemid"], "1")
        got = c.flat(mode="getevents", user="alice", password="pw1", ver=1, selecttype="one", itemid=1,
                     lineendings="unix")
        self.assertEqual((got["events_1_subject"], got["events_1_event"]), ("Hi there", "two+words%0Aline+2+%C3%BC"))

    def test_version_is_an_alias_of_ver(self):
        c = self.client("dw")
        c.flat(mode="postevent", user="alice", password="pw1", ver=1, event="café", year=2025, mon=1, day=1,
               hour=0, min=0)
        for key in ("ver", "version"):
            got = c.flat(mode="getevents", user="alice", password="pw1", selecttype="one", itemid=1, **{key: "1"})
            self.assertEqual(got["events_1_event"], "caf%C3%A9")
        self.assertEqual(c.flat(mode="getevents", user="alice", password="pw1", selecttype="one", itemid=1)["errmsg"][:40],
                         "Client error: Protocol version mismatch:")

    def test_get_ignores_the_query_string(self):
        for flavor in ("lj", "dw"):
            c = self.client(flavor)
            resp = c.request("GET", "/interface/flat?mode=getchallenge")
            self.assertEqual(resp.flat()["errmsg"], "Client error: No mode specified.")

    def test_pre_dispatch_errors(self):
        c = self.client("dw")
        self.assertEqual(c.flat(user="alice")["errmsg"], "Client error: No mode specified.")
        self.assertEqual(c.flat(mode="login", password="x")["errmsg"], "Client error: No username sent.")
        self.assertEqual(c.flat(mode="login", user="bad user!")["errmsg"], "Client error: No username sent.")
        self.assertEqual(c.flat(mode="nosuch", user="alice")["errmsg"], "Client error: Unknown mode (nosuch)")
        self.assertEqual(c.flat(mode="getchallenge")["success"], "OK")   # needs no user

    def test_response_is_sorted_and_values_have_no_line_breaks(self):
        c = self.client("lj")
        c.flat(mode="postevent", user="alice", password="pw1", ver=1, subject="two\nlines", event="x",
               year=2024, mon=1, day=2, hour=3, min=4)
        resp = c.flat_raw(b"mode=getevents&user=alice&password=pw1&ver=1&selecttype=one&itemid=1")
        keys = [line for i, line in enumerate(resp.body.split(b"\n")[:-1]) if i % 2 == 0]
        self.assertEqual(keys, sorted(keys))
        self.assertEqual(resp.flat()["events_1_subject"], "two lines")

    def test_responseenc_urlenc(self):
        c = self.client("lj")
        resp = c.flat_raw(b"mode=login&user=alice&password=pw1&responseenc=urlenc")
        self.assertEqual(resp.body, b"frgrp_maxnum=0&name=Test+Alice&success=OK&")

    def test_keep_alive_serves_many_requests_on_one_connection(self):
        c = self.client("lj")
        sock = socket.create_connection((c.host, c.port))
        request = (b"POST /interface/flat HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                   b"Content-Length: 17\r\n\r\nmode=getchallenge")
        sock.sendall(request * 3)
        data = b""
        while data.count(b"success\nOK\n") < 3:
            chunk = sock.recv(65536)
            self.assertTrue(chunk, "connection closed early")
            data += chunk
        sock.close()
        self.assertEqual(data.count(b"HTTP/1.1 200 OK"), 3)
        self.assertEqual(data.count(b"Content-Length:"), 3)


if __name__ == "__main__":
    unittest.main()
