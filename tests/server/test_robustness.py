"""Robustness: every mode of both flavours over both interfaces with missing fields, wrong XML-RPC
types (structs/arrays where scalars belong and the reverse), odd values and random bytes. The server
must always answer with a well-formed protocol response - never an internal error."""

import random
import unittest
import urllib.parse
import xmlrpc.client

from ljsrv import protocol, xmlrpccodec
from support import InProcessServer

ODD_VALUES = ["", "0", "-1", "99999999999999999999", "1e5", " 7 ", "abc", "ü", "\x00", "%", "+", "&=", "-" * 300,
              "2026-13-45 99:99:99", "0000-00-00 00:00:00"]
FIELDS = ["username", "password", "hpassword", "auth_method", "auth_challenge", "auth_response", "ver", "usejournal",
          "event", "subject", "security", "allowmask", "year", "mon", "day", "hour", "min", "tz", "props", "itemid",
          "itemids", "selecttype", "howmany", "beforedate", "lastsync", "month", "truncate", "lineendings",
          "prefersubject", "noprops", "notags", "getmoods", "getpickws", "getpickwurls", "getmenus", "expiration",
          "bindtoip", "expire", "expireall", "commands", "add", "delete", "set", "groupmasks", "lastupdate", "mask",
          "filter", "settrustgroups", "deletetrustgroups", "setcontentfilters", "deletecontentfilters",
          "addtocontentfilters", "deletefromcontentfilters", "includetrustgroups", "includecontentfilters",
          "includewatchedusers", "includewatchedby", "includetrustedusers", "includetrustedby", "limit",
          "includefriendof", "includegroups", "friendlimit", "itemshow", "skip", "keywords", "data", "url", "default"]


class Robustness(unittest.TestCase):
    def check_flat(self, client, body):
        resp = client.flat_raw(body)
        if resp.status == 500:      # only the reproduced DW die is allowed
            self.assertTrue(resp.body.startswith(b"Error: Invalid users passed"), (body, resp.body))
            return
        self.assertEqual(resp.status, 200, body)
        self.assertIn(resp.flat()["success"], ("OK", "FAIL"), body)

    def check_xmlrpc(self, client, body):
        resp = client.xmlrpc_raw(body)
        self.assertEqual(resp.status, 200, body[:300])
        kind, _ = xmlrpccodec.decode_typed(resp.body)
        self.assertIn(kind, ("params", "fault"))

    def test_random_requests(self):
        rng = random.Random(7)
        for flavor in ("lj", "dw"):
            server = InProcessServer(flavor=flavor, users=["alice:pw1", "bob:pw2"], communities=[("comm", "alice")])
            try:
                client = server.client()
                client.ctl("POST", "seed", {"user": "alice", "count": 20})
                modes = protocol.mode_names(flavor, "xmlrpc") + ["uploadpic", "nosuch"]
                for n in range(1200):
                    mode = rng.choice(modes)
                    fields = {"username": "alice", "password": "pw1", "ver": 1}
                    for name in rng.sample(FIELDS, rng.randrange(0, 8)):
                        fields[name] = rng.choice(ODD_VALUES + [rng.randrange(-5, 300)])
                    if rng.random() < 0.3:
                        name = rng.choice(FIELDS)
                        fields[name] = rng.choice([{"a": "1"}, ["x", {"y": [1]}], {"1": {"name": ["x"]}}, [], {}])
                    body = xmlrpc.client.dumps((fields,), "LJ.XMLRPC." + mode, allow_none=True).encode()
                    self.check_xmlrpc(client, body)
                    flat = {"mode": mode, "user": "alice", "password": "pw1"}
                    for name, value in fields.items():
                        if isinstance(value, (str, int)):
                            flat[name if name != "username" else "user"] = value
                    flat["prop_" + rng.choice(["current_mood", "opt_backdated", "taglist", "x"])] = rng.choice(ODD_VALUES)
                    self.check_flat(client, urllib.parse.urlencode(flat).encode())
                for n in range(200):
                    garbage = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 200)))
                    self.check_flat(client, b"mode=" + rng.choice([b"login", b"postevent", b"getevents"]) + b"&" + garbage)
                    self.check_xmlrpc(client, garbage)
                    self.check_xmlrpc(client, b"<?xml version='1.0'?><methodCall><methodName>LJ.XMLRPC.login"
                                              b"</methodName><params><param><value>" + garbage + b"</value></param>"
                                              b"</params></methodCall>")
                log = client.ctl("GET", "requests")["requests"]
                self.assertNotIn("exception", [r["result"] for r in log])
            finally:
                server.stop()


if __name__ == "__main__":
    unittest.main()
