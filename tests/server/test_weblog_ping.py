"""The Weblogs.com ping stand-in on /RPC2 (REFERENCE §7.3): weblogUpdates.ping answers like
rpc.weblogs.com, spoken to with Python's own xmlrpc.client, and records each ping."""

import unittest
import xmlrpc.client

from support import InProcessServer


class WeblogPing(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(users=["alice:pw"])
        self.proxy = xmlrpc.client.ServerProxy(self.server.url + "/RPC2")

    def tearDown(self):
        self.proxy("close")()
        self.server.stop()

    def test_ping_is_thanked_and_recorded(self):
        answer = self.proxy.weblogUpdates.ping("alice @ Test", "http://alice.example.org/")
        self.assertEqual(answer, {"flerror": False, "message": "Thanks for the ping."})
        self.proxy.weblogUpdates.ping("Ünïcode ✓", "http://u.example.org/", "http://u.example.org/changes", "rss")
        status, body = self.server.client().control("GET", "pings")
        self.assertEqual(status, 200)
        self.assertEqual(body["pings"], [
            {"name": "alice @ Test", "url": "http://alice.example.org/", "changesurl": "", "category": ""},
            {"name": "Ünïcode ✓", "url": "http://u.example.org/", "changesurl": "http://u.example.org/changes",
             "category": "rss"}])

    def test_bad_calls_get_flerror(self):
        self.assertTrue(self.proxy.weblogUpdates.ping("only a name")["flerror"])
        self.assertTrue(self.proxy.weblogUpdates.extendedPing("a", "b")["flerror"])
        status, body = self.server.client().control("GET", "pings")
        self.assertEqual(body["pings"], [])

    def test_reset_forgets_pings(self):
        self.proxy.weblogUpdates.ping("a", "http://a/")
        self.server.client().control("POST", "reset")
        self.assertEqual(self.server.client().control("GET", "pings")[1]["pings"], [])


if __name__ == "__main__":
    unittest.main()
