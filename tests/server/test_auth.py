"""Authentication (REFERENCE §2): clear password, hpassword, API keys (dw), challenge/response (single
use, 60 s, 105 vs 101), failed-login lockout (402), session cookies (sessiongenerate /
sessionexpire, X-LJ-Auth: cookie) - on both interfaces and both flavours."""

import unittest

from support import Api, InProcessServer, md5_hex

CLOCK = "2026-01-01 12:00:00"
KEY = "K3yForAliceK3yForAliceK3yForAlic"


class AuthCase(unittest.TestCase):
    flavor = None

    def setUp(self):
        self.server = InProcessServer(flavor=self.flavor, users=["alice:secret1:" + KEY, "bob:secret2"],
                                      communities=[("comm", "alice")], clock=None)
        self.control = self.server.client()
        self.control.ctl("POST", "clock", {"set": CLOCK, "frozen": True})

    def tearDown(self):
        self.server.stop()

    def apis(self):
        return [Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")]

    def advance(self, seconds):
        self.control.ctl("POST", "clock", {"advance": seconds})

    def challenge_login(self, api, secret, user="alice"):
        chal = api("getchallenge")["challenge"]
        return api("login", username=user, auth_method="challenge", auth_challenge=chal,
                   auth_response=md5_hex(chal + md5_hex(secret)), ver=1), chal

    def assertFails(self, failure, text, code):
        self.assertEqual(failure.text, text)
        if failure.code is not None:
            self.assertEqual(failure.code, code)


class Common:
    """Tests that hold on both sites."""

    def test_clear_password(self):
        for api in self.apis():
            with self.subTest(api.interface):
                result = api("login", username="alice", password="secret1", ver=1)
                self.assertEqual(result["fullname" if api.interface == "xmlrpc" else "name"], "Test Alice")

    def test_wrong_password_and_unknown_user(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertFails(api.fails("login", username="alice", password="nope"), "Invalid password", 101)
                self.assertFails(api.fails("login", username="nosuch", password="x"), "Invalid username", 100)
                self.assertFails(api.fails("login", username="alice"), "Invalid password", 101)

    def test_xmlrpc_username_checks(self):
        api = self.apis()[1]
        self.assertFails(api.fails("login", password="x"), "Client error: Missing required argument(s)", 200)
        self.assertFails(api.fails("login", username="bad user!", password="x"), "Invalid username", 100)
        # canonicalisation: case, surrounding spaces and '-' for '_'
        self.assertEqual(api("login", username="  ALICE ", password="secret1")["userid"], 2)

    def test_community_cannot_log_in(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertFails(api.fails("login", username="comm", password=""), "Invalid password", 101)

    def test_unknown_auth_method(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertFails(api.fails("login", username="alice", password="secret1", auth_method="magic"),
                                 "Invalid password", 101)

    def test_challenge_is_single_use(self):
        for api in self.apis():
            with self.subTest(api.interface):
                chal = api("getchallenge")["challenge"]
                response = md5_hex(chal + md5_hex(self.secret))
                fields = dict(username="alice", auth_method="challenge", auth_challenge=chal, auth_response=response)
                api("login", **fields)
                self.assertFails(api.fails("login", **fields), "Invalid password", 101)

    def test_wrong_response_burns_the_challenge(self):
        api = self.apis()[0]
        chal = api("getchallenge")["challenge"]
        api.fails("login", username="alice", auth_method="challenge", auth_challenge=chal, auth_response="0" * 32)
        self.assertFails(api.fails("login", username="alice", auth_method="challenge", auth_challenge=chal,
                                   auth_response=md5_hex(chal + md5_hex(self.secret))), "Invalid password", 101)

    def test_challenge_expires_after_60_seconds(self):
        for api in self.apis():
            with self.subTest(api.interface):
                first = api("getchallenge")
                self.assertEqual(int(first["expire_time"]) - int(first["server_time"]), 60)
                self.assertRegex(first["challenge"], r"^c0:\d+:\d+:60:[A-Za-z0-9]{20}:[0-9a-f]{32}$")
                second = api("getchallenge")
                self.advance(59)
                chal = first["challenge"]
                api("login", username="alice", auth_method="challenge", auth_challenge=chal,
                    auth_response=md5_hex(chal + md5_hex(self.secret)))
                self.advance(1)
                chal = second["challenge"]
                self.assertFails(api.fails("login", username="alice", auth_method="challenge", auth_challenge=chal,
                                           auth_response=md5_hex(chal + md5_hex(self.secret))),
                                 "Challenge expired", 105)

    def test_forged_or_malformed_challenge(self):
        api = self.apis()[1]
        chal = api("getchallenge")["challenge"]
        forged = chal[:-32] + ("0" * 32)
        for bad in (forged, "c0:garbage", "c1" + chal[2:]):
            self.assertFails(api.fails("login", username="alice", auth_method="challenge", auth_challenge=bad,
                                       auth_response=md5_hex(bad + md5_hex(self.secret))), "Invalid password", 101)

    def test_failed_login_lockout(self):
        flat, xml = self.apis()
        for n, api in enumerate((flat, xml, flat, xml)):
            self.assertFails(api.fails("login", username="bob", password="wrong%d" % n), "Invalid password", 101)
        stalled = "Client error: Your IP address is temporarily banned for exceeding the login failure rate."
        for api in (flat, xml):
            self.assertFails(api.fails("login", username="bob", password="secret2"), stalled, 402)
        api("login", username="alice", password="secret1")           # other accounts are unaffected
        self.advance(299)
        self.assertFails(flat.fails("login", username="bob", password="secret2"), stalled, 402)
        self.advance(1)
        flat("login", username="bob", password="secret2")

    def test_failures_outside_the_window_do_not_add_up(self):
        api = self.apis()[0]
        for n in range(3):
            api.fails("login", username="bob", password="wrong")
        self.advance(301)
        api.fails("login", username="bob", password="wrong")
        api("login", username="bob", password="secret2")

    def test_cookie_session(self):
        for api in self.apis():
            with self.subTest(api.interface):
                cookie = api("sessiongenerate", username="alice", password="secret1", ver=1)["ljsession"]
                self.assertRegex(cookie, r"^v1:u2:s\d+:a[A-Za-z0-9]{10}//$")
                headers = {"X-LJ-Auth": "cookie", "Cookie": "ljsession=" + cookie}
                api("login", username="alice", auth_method="cookie", headers=headers)
                # the header is required, the user must match, the cookie must be genuine
                self.assertFails(api.fails("login", username="alice", auth_method="cookie"), "Invalid password", 101)
                result = api.fails("login", username="bob", auth_method="cookie", headers=headers)
                self.assertFails(result, "Invalid password", 101)
                bad = {"X-LJ-Auth": "cookie", "Cookie": "ljsession=" + cookie.replace(":a", ":aX")}
                self.assertFails(api.fails("login", username="alice", auth_method="cookie", headers=bad),
                                 "Invalid password", 101)
                # ljmastersession needs the matching ljloggedin cookie
                sessid = cookie.split(":")[2][1:]
                master = {"X-LJ-Auth": "cookie",
                          "Cookie": "ljmastersession=%s; ljloggedin=u2:s%s" % (cookie, sessid)}
                api("login", username="alice", auth_method="cookie", headers=master)
                master["Cookie"] = "ljmastersession=%s; ljloggedin=u2:s999" % cookie
                api.fails("login", username="alice", auth_method="cookie", headers=master)

    def test_an_injected_101_on_a_session_request_ends_that_session(self):
        # As a real server's 101 to a session's request means it no longer has the session.
        api = self.apis()[0]
        cookie = api("sessiongenerate", username="alice", password="secret1")["ljsession"]
        other = api("sessiongenerate", username="alice", password="secret1")["ljsession"]
        headers = {"X-LJ-Auth": "cookie", "Cookie": "ljsession=" + cookie}
        self.assertEqual(self.control.ctl("GET", "sessions")["count"], 2)
        self.control.ctl("POST", "faults", {"kind": "error", "code": 101, "mode": "login"})
        self.assertFails(api.fails("login", username="alice", auth_method="cookie", headers=headers),
                         "Invalid password", 101)
        self.assertEqual(self.control.ctl("GET", "sessions")["count"], 1)
        self.assertFails(api.fails("login", username="alice", auth_method="cookie", headers=headers),
                         "Invalid password", 101)  # gone for good, not only for the fault
        api("login", username="alice", auth_method="cookie",
            headers={"X-LJ-Auth": "cookie", "Cookie": "ljsession=" + other})
        # Without a session the fault ends nothing.
        self.control.ctl("POST", "faults", {"kind": "error", "code": 101, "mode": "login"})
        api.fails("login", username="alice", password="secret1")
        self.assertEqual(self.control.ctl("GET", "sessions")["count"], 1)

    def test_session_lifetimes(self):
        api = self.apis()[0]
        short = api("sessiongenerate", username="alice", password="secret1")["ljsession"]
        long_ = api("sessiongenerate", username="alice", password="secret1", expiration="long")["ljsession"]
        unused = api("sessiongenerate", username="alice", password="secret1", expiration="long")["ljsession"]
        auth = lambda cookie: api("login", username="alice", auth_method="cookie",
                                  headers={"X-LJ-Auth": "cookie", "Cookie": "ljsession=" + cookie})
        self.advance(36 * 3600 - 1)
        auth(short)
        self.advance(1)
        self.assertRaises(Exception, auth, short)
        self.advance(60 * 86400 - 36 * 3600 - 1)
        auth(long_)
        self.advance(1)
        if self.flavor == "dw":
            # used with less than 30 days left, a long session was renewed for 60 days (cookies/075)
            auth(long_)
        else:
            self.assertRaises(Exception, auth, long_)
        self.assertRaises(Exception, auth, unused)

    def test_bindtoip(self):
        api = self.apis()[1]
        cookie = api("sessiongenerate", username="alice", password="secret1", bindtoip=1)["ljsession"]
        headers = {"X-LJ-Auth": "cookie", "Cookie": "ljsession=" + cookie}
        api("login", username="alice", auth_method="cookie", headers=headers)
        self.server.app.db.execute("UPDATE sessions SET ipfixed = '10.0.0.1'")
        api.fails("login", username="alice", auth_method="cookie", headers=headers)

    def test_sessionexpire(self):
        for api in self.apis():
            with self.subTest(api.interface):
                cookies = [api("sessiongenerate", username="alice", password="secret1")["ljsession"] for _ in range(3)]
                ids = [c.split(":")[2][1:] for c in cookies]
                auth = lambda cookie: api("login", username="alice", auth_method="cookie",
                                          headers={"X-LJ-Auth": "cookie", "Cookie": "ljsession=" + cookie})
                if api.interface == "flat":
                    api("sessionexpire", username="alice", password="secret1", **{"expire_id_" + ids[0]: 1})
                else:
                    api("sessionexpire", username="alice", password="secret1", expire=[int(ids[0]), 99999])
                self.assertRaises(Exception, auth, cookies[0])
                auth(cookies[1])
                api("sessionexpire", username="alice", password="secret1", expireall=1)
                self.assertRaises(Exception, auth, cookies[1])
                self.assertRaises(Exception, auth, cookies[2])

    def test_flat_session_modes_report_ok_on_failure(self):
        c = self.server.client()
        result = c.flat(mode="sessiongenerate", user="alice", password="wrong")
        self.assertEqual(result, {"errmsg": "Invalid password", "ljsession": "", "success": "OK"})
        result = c.flat(mode="sessionexpire", user="alice", password="wrong", expireall=1)
        self.assertEqual(result, {"errmsg": "Invalid password", "success": "OK"})
        # ... XML-RPC reports them as faults
        self.assertFails(Api(c, "xmlrpc").fails("sessiongenerate", username="alice", password="wrong"),
                         "Invalid password", 101)


class LiveJournalAuth(AuthCase, Common):
    flavor = "lj"
    secret = "secret1"

    def test_hpassword_of_the_password(self):
        for api in self.apis():
            with self.subTest(api.interface):
                api("login", username="alice", hpassword=md5_hex("secret1"))
                api("login", username="alice", hpassword=md5_hex("secret1").upper())
                api.fails("login", username="alice", hpassword=md5_hex("wrong"))

    def test_api_key_is_not_a_password(self):
        api = self.apis()[0]
        self.assertFails(api.fails("login", username="alice", password=KEY), "Invalid password", 101)


class DreamwidthAuth(AuthCase, Common):
    flavor = "dw"
    secret = KEY

    def test_api_key_and_its_md5_work_as_clear_password(self):
        for api in self.apis():
            with self.subTest(api.interface):
                api("login", username="alice", password=KEY)
                api("login", username="alice", hpassword=md5_hex(KEY))

    def test_hpassword_of_the_real_password_fails(self):
        for api in self.apis():
            with self.subTest(api.interface):
                self.assertFails(api.fails("login", username="alice", hpassword=md5_hex("secret1")),
                                 "Invalid password", 101)

    def test_challenge_checks_only_api_keys(self):
        for api in self.apis():
            with self.subTest(api.interface):
                chal = api("getchallenge")["challenge"]
                self.assertFails(api.fails("login", username="alice", auth_method="challenge", auth_challenge=chal,
                                           auth_response=md5_hex(chal + md5_hex("secret1"))), "Invalid password", 101)

    def test_without_apikey_the_password_is_the_key(self):
        api = self.apis()[1]
        self.challenge_login(api, "secret2", user="bob")
        api("login", username="bob", hpassword=md5_hex("secret2"))

    def test_password_is_checked_before_hpassword(self):
        api = self.apis()[0]
        # DW looks only at password when it is present
        api.fails("login", username="alice", password="wrong", hpassword=md5_hex(KEY))




if __name__ == "__main__":
    unittest.main()
