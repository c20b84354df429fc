"""The Blogger API 1.0 at /interface/blogger (REFERENCE §7.1-7.2, lj flavour only): every method over
real HTTP with Python's own XML-RPC client, the content mapping of <title>/lj-mood/lj-music both ways,
the postId rules, the numberOfPosts clamp, the faults (numeric protocol codes, "Server" for the
wrapper's dies, "Client" for the transport's), communities through blogid, the shared entry store
(Blogger <-> flat/XML-RPC), and the server's generic accounting and faults (arrivals, request log,
statistics, drop_after_commit, header faults, huge_field). Dreamwidth has no such route."""

import calendar
import hashlib
import socket
import time
import unittest
import xmlrpc.client

from support import Api, InProcessServer
from ljsrv import xmlrpccodec
from ljsrv.errors import error_text

START = calendar.timegm((2026, 12, 7, 10, 30, 0))
TEMPLATE = ("LiveJournal.com doesn't support Blogger Templates.  To customize your journal, visit "
            "LiveJournal.com/customize/")
RICH_BODY = ("<p>Ünïcode ✓ — 日本語 😀 &amp; <a href=\"http://example.org/?a=1&b=2\">a link</a></p>\n"
             "second line\n\n  indented fourth line <br/>\n<pre>tab\there</pre>")


def text(value):
    """A text field as a client must read it: <base64> (any non-ASCII) arrives as bytes."""
    return value.decode("utf-8") if isinstance(value, bytes) else value


def call_body(method, params):
    return xmlrpc.client.dumps(tuple(params), method, encoding="utf-8", allow_none=True).encode("utf-8")


class Blogger:
    """Calls to /interface/blogger on one keep-alive connection."""

    def __init__(self, client):
        self.client = client

    def raw(self, method, *params, headers=None, content_type="text/xml"):
        hdrs = {"Content-Type": content_type} if content_type else {}
        hdrs.update(headers or {})
        return self.client.request("POST", "/interface/blogger", call_body(method, params), hdrs)

    def __call__(self, method, *params, headers=None):
        resp = self.raw(method, *params, headers=headers)
        assert resp.status == 200, (resp.status, resp.body)
        (result,), _ = xmlrpc.client.loads(resp.body, use_builtin_types=True)
        return result

    def typed(self, method, *params, headers=None):
        resp = self.raw(method, *params, headers=headers)
        assert resp.status == 200, (resp.status, resp.body)
        return xmlrpccodec.decode_typed(resp.body)

    def fault(self, method, *params, headers=None):
        """(faultCode, faultString) of a call that must fail."""
        try:
            result = self(method, *params, headers=headers)
        except xmlrpc.client.Fault as fault:
            return fault.faultCode, fault.faultString
        raise AssertionError("%s succeeded: %r" % (method, result))


class BloggerCase(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="lj", users=["alice:pw", "bob:pw2", "carol:pw3"],
                                      communities=[("comm", "alice")], clock=START)
        self.c = self.server.client()
        self.c.ctl("POST", "users", {"user": "my_comm", "community": True, "maintainer": "alice",
                                     "members": ["bob"], "name": "Mÿ Community"})
        self.b = Blogger(self.server.client())
        self.flat = Api(self.server.client(), "flat")
        self.xml = Api(self.server.client(), "xmlrpc")

    def tearDown(self):
        self.server.stop()

    def entries(self, journal="alice"):
        return self.c.ctl("GET", "entries?journal=" + journal)["entries"]

    def getevents(self, journal=None, **fields):
        req = dict(username="alice", password="pw", ver=1, lineendings="unix", **fields)
        if journal:
            req["usejournal"] = journal
        return self.xml("getevents", **req)["events"]


class Methods(BloggerCase):
    # newPost ------------------------------------------------------------------------------------
    def test_new_post_returns_journal_itemid_and_maps_title_mood_music(self):
        content = "<title>Ünïcode <b>title</b> ✓</title>\nlj-mood: happy\nlj-music: Bach — Goldberg\n" + RICH_BODY
        self.assertEqual(self.b("blogger.newPost", "appkey", "alice", "alice", "pw", content, True), "alice:1")
        kind, value = self.b.typed("blogger.newPost", "k", "alice", "alice", "pw", "second", False)
        self.assertEqual((kind, value), ("params", ("string", "alice:2")))
        # publish is ignored: a post with publish false is published (public) all the same
        self.assertEqual([(e["itemid"], e["security"]) for e in self.entries()], [(1, "public"), (2, "public")])
        (evt,) = self.getevents(selecttype="one", itemid=1)
        self.assertEqual(text(evt["subject"]), "Ünïcode <b>title</b> ✓")
        self.assertEqual(text(evt["event"]), RICH_BODY)
        self.assertEqual(text(evt["props"]["current_mood"]), "happy")
        self.assertEqual(text(evt["props"]["current_music"]), "Bach — Goldberg")
        self.assertNotIn("interface", evt["props"])           # lj-r26 knows no "interface" prop
        # tz=guess: the server stamps "now" (the user's time zone: UTC here); public, no security
        self.assertEqual(evt["eventtime"], "2026-12-07 10:30:00")
        self.assertNotIn("security", evt)

    def test_new_post_title_rules(self):
        # the first <title> on one line anywhere is the subject and is cut out; the rest is trimmed
        self.b("blogger.newPost", "", "alice", "alice", "pw", "  Intro\n<title>A</title> middle <title>B</title>\n ", 1)
        # a <title> split over lines is no title
        self.b("blogger.newPost", "", "alice", "alice", "pw", "<title>split\nover lines</title>", 1)
        # lj-mood takes the newline before it along (not at the start); case-insensitive
        self.b("blogger.newPost", "", "alice", "alice", "pw", "before\nLJ-Mood:   calm\nafter", 1)
        events = {e["itemid"]: e for e in self.getevents(selecttype="lastn", howmany=10)}
        self.assertEqual((events[1]["subject"], events[1]["event"]), ("A", "Intro\n middle <title>B</title>"))
        self.assertNotIn("subject", events[2])
        self.assertEqual(events[2]["event"], "<title>split\nover lines</title>")
        self.assertEqual((events[3]["event"], events[3]["props"]["current_mood"]), ("beforeafter", "calm"))

    def test_new_post_empty_content_is_a_protocol_fault(self):
        self.assertEqual(self.b.fault("blogger.newPost", "", "alice", "alice", "pw", "<title>only</title>\n  ", 1),
                         (200, "Client error: Missing required argument(s)"))
        self.assertEqual(self.entries(), [])

    # getPost / getRecentPosts ---------------------------------------------------------------------
    def test_get_post_serialises_title_mood_music_without_newline_after_title(self):
        self.flat("postevent", username="alice", password="pw", ver=1, event="line one\nline two",
                  subject="Subj", year=2025, mon=3, day=4, hour=5, min=6,
                  props={"current_mood": "tired", "current_music": "Ünï"})
        post = self.b("blogger.getPost", "k", "alice:1", "alice", "pw")
        self.assertEqual(set(post), {"content", "userID", "postId", "dateCreated"})
        # getevents' default line endings are CRLF (pc): the body comes back with CRLF, the header with LF
        self.assertEqual(text(post["content"]),
                         "<title>Subj</title>lj-mood: tired\nlj-music: Ünï\n\nline one\r\nline two")
        self.assertEqual((post["userID"], post["postId"]), ("alice", "alice:1"))
        kind, typed = self.b.typed("blogger.getPost", "k", "alice:1", "alice", "pw")
        members = typed[1]
        self.assertEqual(members["dateCreated"], ("dateTime.iso8601", "20250304T05:06:00"))
        self.assertEqual(members["content"][0], "base64")          # non-ASCII: XMLRPC::Lite's typing
        self.assertEqual(members["postId"], ("string", "alice:1"))

    def test_get_post_without_header_is_the_body_only(self):
        self.flat("postevent", username="alice", password="pw", ver=1, event="plain body", year=2025, mon=1,
                  day=1, hour=0, min=0)
        post = self.b("blogger.getPost", "k", "alice:1", "alice", "pw")
        self.assertEqual(post["content"], "plain body")
        kind, typed = self.b.typed("blogger.getPost", "k", "alice:1", "alice", "pw")
        self.assertEqual(typed[1]["content"], ("string", "plain body"))

    def test_round_trip_unicode_html_and_line_breaks(self):
        content = "<title>Tïtle & <i>more</i></title>\n" + RICH_BODY
        post_id = self.b("blogger.newPost", "", "alice", "alice", "pw", content, True)
        got = text(self.b("blogger.getPost", "", post_id, "alice", "pw")["content"])
        self.assertEqual(got.replace("\r\n", "\n"), content)
        (recent,) = self.b("blogger.getRecentPosts", "", "alice", "alice", "pw", 1)
        self.assertEqual(text(recent["content"]).replace("\r\n", "\n"), content)
        # what came back can be sent back unchanged (a Blogger client's edit round trip)
        self.assertEqual(self.b("blogger.editPost", "", post_id, "alice", "pw", got, True), 1)
        (evt,) = self.getevents(selecttype="one", itemid=1)
        self.assertEqual((text(evt["subject"]), text(evt["event"])), ("Tïtle & <i>more</i>", RICH_BODY))

    def test_get_recent_posts_order_and_clamp(self):
        self.c.ctl("POST", "seed", {"user": "alice", "count": 60})
        newest = [e["itemid"] for e in self.getevents(selecttype="lastn", howmany=50)]
        for sent, expected in ((0, 1), (-5, 1), ("abc", 1), (3, 3), ("7.9", 7), (100, 50), ("1e3", 50), (None, 1)):
            posts = self.b("blogger.getRecentPosts", "", "alice", "alice", "pw", sent)
            self.assertEqual(len(posts), expected, sent)
            self.assertEqual([p["postId"] for p in posts], ["alice:%d" % i for i in newest[:expected]])
        # numberOfPosts may come as <int> or <string>
        self.assertEqual(len(self.b("blogger.getRecentPosts", "", "alice", "alice", "pw", "2")), 2)

    def test_get_recent_posts_of_an_empty_journal(self):
        self.assertEqual(self.b.typed("blogger.getRecentPosts", "", "alice", "alice", "pw", 10),
                         ("params", ("array", [])))

    # editPost / deletePost --------------------------------------------------------------------------
    def test_edit_post_replaces_subject_keeps_date_and_security(self):
        self.xml("postevent", username="alice", password="pw", ver=1, event="old", subject="Old subject",
                 security="usemask", allowmask=1, year=2024, mon=2, day=3, hour=4, min=5,
                 props={"current_mood": "meh"})
        kind, value = self.b.typed("blogger.editPost", "", "alice:1", "alice", "pw", "new\nbody", True)
        self.assertEqual((kind, value), ("params", ("int", "1")))    # <int>, not <boolean>
        (evt,) = self.getevents(selecttype="one", itemid=1)
        self.assertNotIn("subject", evt)                           # no <title>: the subject is replaced
        self.assertEqual(evt["event"], "new\nbody")
        self.assertEqual(evt["eventtime"], "2024-02-03 04:05:00")  # date fields omitted: unchanged
        self.assertEqual((evt["security"], evt["allowmask"]), ("usemask", 0))   # kept, allowmask reset
        self.assertEqual(evt["props"]["current_mood"], "meh")      # props not sent are kept
        self.assertEqual(evt["props"]["revnum"], 1)
        self.b("blogger.editPost", "", "alice:1", "alice", "pw", "<title>New</title>lj-mood: glad\nbody", True)
        (evt,) = self.getevents(selecttype="one", itemid=1)
        self.assertEqual((evt["subject"], evt["event"], evt["props"]["current_mood"]), ("New", "body", "glad"))

    def test_delete_post(self):
        self.b("blogger.newPost", "", "alice", "alice", "pw", "one", True)
        self.b("blogger.newPost", "", "alice", "alice", "pw", "two", True)
        self.assertEqual(self.b.typed("blogger.deletePost", "", "alice:1", "alice", "pw", True), ("params", ("int", "1")))
        self.assertEqual([e["itemid"] for e in self.entries()], [2])
        self.assertEqual(self.getevents(selecttype="one", itemid=1), [])
        self.assertEqual(self.b.fault("blogger.getPost", "", "alice:1", "alice", "pw"), ("Server", "Post not found\n"))
        # deleting again: editevent's error for an entry that is not there
        code, message = self.b.fault("blogger.deletePost", "", "alice:1", "alice", "pw", True)
        self.assertEqual(code, 302)
        # editPost with empty content deletes too
        self.b("blogger.editPost", "", "alice:2", "alice", "pw", "  \n ", True)
        self.assertEqual(self.entries(), [])

    # postId rules ---------------------------------------------------------------------------------
    def test_post_id_rules(self):
        for bad in ("alice", "alice:", ":1", "alice:1x", "alice:-1", "ali ce:1", "alice:1:2", ""):
            self.assertEqual(self.b.fault("blogger.editPost", "", bad, "alice", "pw", "x", True),
                             ("Server", "Invalid postid\n"), bad)
            self.assertEqual(self.b.fault("blogger.getPost", "", bad, "alice", "pw"), ("Server", "Invalid postid\n"))
            self.assertEqual(self.b.fault("blogger.deletePost", "", bad, "alice", "pw", True),
                             ("Server", "Invalid postid\n"))
        # the postId is checked before the password
        self.assertEqual(self.b.fault("blogger.getPost", "", "nope", "alice", "wrong"), ("Server", "Invalid postid\n"))
        # a hyphen is allowed by editPost/deletePost, not by getPost (the journal name is canonicalised)
        self.assertEqual(self.b("blogger.newPost", "", "my_comm", "bob", "pw2", "in the community", True), "my_comm:1")
        self.assertEqual(self.b("blogger.editPost", "", "my-comm:1", "bob", "pw2", "edited", True), 1)
        self.assertEqual(self.b.fault("blogger.getPost", "", "my-comm:1", "bob", "pw2"), ("Server", "Invalid postid\n"))
        self.assertEqual(text(self.b("blogger.getPost", "", "my_comm:1", "bob", "pw2")["content"]), "edited")
        # Perl's $ also matches before a final newline
        self.assertEqual(self.b("blogger.getPost", "", "my_comm:1\n", "bob", "pw2")["postId"], "my_comm:1")

    # communities through blogid -----------------------------------------------------------------------
    def test_posting_to_a_community_through_blogid(self):
        self.assertEqual(self.b("blogger.newPost", "", "my_comm", "bob", "pw2", "<title>Hi</title>from bob", 1),
                         "my_comm:1")
        self.assertEqual(self.b("blogger.newPost", "", "my_comm", "alice", "pw", "from alice", 1), "my_comm:2")
        entries = self.entries("my_comm")
        self.assertEqual([(e["poster"], e["subject"], e["event"]) for e in entries],
                         [("bob", "Hi", "from bob"), ("alice", "", "from alice")])
        posts = self.b("blogger.getRecentPosts", "", "my_comm", "bob", "pw2", 10)
        self.assertEqual(sorted((p["postId"], p["userID"]) for p in posts), [("my_comm:1", "bob"), ("my_comm:2", "alice")])
        # the poster edits his own community entry; the journal name in postIds is kept as sent
        self.assertEqual(self.b("blogger.editPost", "", "my_comm:1", "bob", "pw2", "changed", 1), 1)
        self.assertEqual(self.b("blogger.newPost", "", "My_Comm", "bob", "pw2", "case", 1), "My_Comm:3")
        # not a member: the protocol's numeric error
        self.assertEqual(self.b.fault("blogger.newPost", "", "my_comm", "carol", "pw3", "x", 1)[0], 300)
        # someone else's entry: editevent's 303
        self.assertEqual(self.b.fault("blogger.editPost", "", "my_comm:2", "bob", "pw2", "mine now", 1)[0], 303)
        # a blog that does not exist
        self.assertEqual(self.b.fault("blogger.newPost", "", "nosuchblog", "bob", "pw2", "x", 1)[0], 206)

    def test_blogid_equal_to_username_is_no_usejournal(self):
        self.assertEqual(self.b("blogger.newPost", "", "", "alice", "pw", "empty blogid", 1), ":1")
        self.assertEqual(self.b("blogger.newPost", "", "Alice", "alice", "pw", "other case", 1), "Alice:2")
        self.assertEqual([e["event"] for e in self.entries()], ["empty blogid", "other case"])

    # getUsersBlogs / getUserInfo ----------------------------------------------------------------------
    def test_get_users_blogs(self):
        blogs = self.b("blogger.getUsersBlogs", "appkey", "alice", "pw")
        base = self.server.app.site_url
        self.assertEqual(blogs, [{"url": base + "/~alice/", "blogid": "alice", "blogName": "Test Alice"},
                                 {"url": base + "/~comm/", "blogid": "comm", "blogName": "Test Comm"},
                                 {"url": base + "/~my_comm/", "blogid": "my_comm", "blogName": "Mÿ Community".encode()}])
        self.assertEqual([b["blogid"] for b in self.b("blogger.getUsersBlogs", "", "BOB", "pw2")], ["bob", "my_comm"])
        self.assertEqual([b["blogid"] for b in self.b("blogger.getUsersBlogs", "", "carol", "pw3")], ["carol"])
        # journals that are not visible are left out
        with self.server.app.lock:
            self.server.app.db.execute("UPDATE users SET statusvis = 'D' WHERE user = 'comm'")
        self.assertEqual([b["blogid"] for b in self.b("blogger.getUsersBlogs", "", "alice", "pw")], ["alice", "my_comm"])

    def test_get_user_info(self):
        kind, typed = self.b.typed("blogger.getUserInfo", "appkey", "alice", "pw")
        self.assertEqual(kind, "params")
        info = typed[1]
        self.assertEqual(info["userid"], ("int", "2"))
        self.assertEqual((info["nickname"], info["firstname"], info["lastname"]),
                         (("string", "alice"), ("string", "Test Alice"), ("string", "Test Alice")))
        self.assertEqual(info["email"][0], "string")
        self.assertEqual(info["url"], ("nil", None))                 # undef: an empty <value />

    def test_direct_lookups_take_the_clear_password_only(self):
        for method in ("blogger.getUsersBlogs", "blogger.getUserInfo"):
            for user, password in (("alice", "wrong"), ("nosuch", "pw"), ("alice", ""), ("my_comm", ""),
                                   ("alice", hashlib.md5(b"pw").hexdigest()), ("", "pw")):
                self.assertEqual(self.b.fault(method, "", user, password), ("Server", "Invalid login\n"),
                                 (method, user, password))
            self.assertEqual(self.b.fault(method, ""), ("Server", "Invalid login\n"))   # missing parameters

    def test_failed_direct_logins_count_towards_the_lockout(self):
        for _ in range(4):
            self.b.fault("blogger.getUserInfo", "", "bob", "wrong")
        # bob+IP is now stalled: the right password fails too, on every interface
        self.assertEqual(self.b.fault("blogger.getUserInfo", "", "bob", "pw2"), ("Server", "Invalid login\n"))
        self.assertEqual(self.b.fault("blogger.newPost", "", "bob", "bob", "pw2", "x", 1)[0], 402)
        self.assertEqual(self.xml.fails("login", username="bob", password="pw2").code, 402)
        self.c.ctl("POST", "clock", {"advance": 301})
        self.assertEqual(self.b("blogger.getUserInfo", "", "bob", "pw2")["nickname"], "bob")

    # templates, faults of the protocol and of the transport -------------------------------------------
    def test_templates_always_fail(self):
        for params in (("k", "blogid", "alice", "pw", "main"), ("k", "blogid", "alice", "pw", "<html/>", "main"), ()):
            for method in ("blogger.getTemplate", "blogger.setTemplate"):
                self.assertEqual(self.b.fault(method, *params), ("Server", TEMPLATE))
        kind, typed = self.b.typed("blogger.getTemplate")
        self.assertEqual((kind, typed[1]["faultCode"]), ("fault", ("string", "Server")))

    def test_protocol_errors_are_numeric_faults(self):
        self.assertEqual(self.b.fault("blogger.newPost", "", "alice", "alice", "wrong", "x", 1), (101, "Invalid password"))
        self.assertEqual(self.b.fault("blogger.getRecentPosts", "", "alice", "nosuch", "pw", 5), (100, "Invalid username"))
        self.assertEqual(self.b.fault("blogger.getPost", "", "alice:1", "alice", "wrong")[0], 101)
        kind, typed = self.b.typed("blogger.editPost", "", "alice:1", "alice", "wrong", "x", 1)
        self.assertEqual((kind, typed[1]["faultCode"]), ("fault", ("int", "101")))
        # an hpassword is not what the wrapper sends: the MD5 of the password is a wrong password
        self.assertEqual(self.b.fault("blogger.newPost", "", "alice", "alice", hashlib.md5(b"pw").hexdigest(), "x", 1)[0],
                         101)

    def test_transport_faults(self):
        self.assertEqual(self.b.fault("blogger.noSuchMethod", "a"),
                         ("Client", "Failed to locate method (noSuchMethod) in class "
                                    "(Apache::LiveJournal::Interface::Blogger)"))
        self.assertEqual(self.b.fault("LJ.XMLRPC.login", {"username": "alice", "password": "pw"})[0], "Client")
        self.assertEqual(self.b.fault("blogger.new'Post"), ("Client", "Access denied"))
        resp = self.b.client.request("POST", "/interface/blogger", b"<methodCall><oops", {"Content-Type": "text/xml"})
        self.assertEqual((resp.status, xmlrpccodec.decode_typed(resp.body)[1][1]["faultCode"]),
                         (200, ("string", "Client")))
        resp = self.b.raw("blogger.getUserInfo", "", "alice", "pw", content_type="application/xml")
        self.assertEqual(xmlrpccodec.decode_typed(resp.body)[1][1]["faultCode"], ("string", "Client"))
        # text/xml with parameters or no Content-Type at all pass, like /interface/xmlrpc
        self.assertEqual(self.b.raw("blogger.getUserInfo", "", "alice", "pw", content_type=None).status, 200)
        resp = self.b.raw("blogger.getUserInfo", "", "alice", "pw", content_type="text/xml; charset=utf-8")
        self.assertIn(b"<name>nickname</name>", resp.body)
        for method in ("GET", "HEAD", "PUT"):
            self.assertEqual(self.b.client.request(method, "/interface/blogger").status, 405)

    def test_http_headers_are_those_of_xmlrpc(self):
        resp = self.b.raw("blogger.getUserInfo", "", "alice", "pw")
        names = [name for name, _ in resp.raw_headers]
        xml = self.xml.client.xmlrpc_raw(call_body("LJ.XMLRPC.getchallenge", ()))
        self.assertEqual(names, [name for name, _ in xml.raw_headers])
        self.assertEqual((resp.headers["Content-Type"], resp.headers["SOAPServer"]), ("text/xml", "SOAP::Lite/Perl/1.27"))

    def test_duplicate_post_returns_the_previous_item(self):
        # postevent's duplicate check applies (the same content twice is one post) unless switched off
        first = self.b("blogger.newPost", "", "alice", "alice", "pw", "<title>t</title>same", 1)
        self.assertEqual(self.b("blogger.newPost", "", "alice", "alice", "pw", "<title>t</title>same", 1), first)
        self.c.ctl("POST", "settings", {"duplicate_check": False})
        self.assertEqual(self.b("blogger.newPost", "", "alice", "alice", "pw", "<title>t</title>same", 1), "alice:2")


class SharedStore(BloggerCase):
    """A Blogger post is an ordinary entry for the flat and XML-RPC interfaces, and the other way round."""

    def test_blogger_posts_show_up_in_syncitems_and_getevents(self):
        self.b("blogger.newPost", "", "alice", "alice", "pw", "<title>Über</title>\nbody ✓", 1)
        self.c.ctl("POST", "clock", {"advance": 10})
        self.b("blogger.editPost", "", "alice:1", "alice", "pw", "<title>Über 2</title>\nbody ✓✓", 1)
        self.b("blogger.newPost", "", "my_comm", "alice", "pw", "community", 1)
        sync = self.flat("syncitems", username="alice", password="pw", ver=1, lastsync="2026-01-01 00:00:00")
        self.assertEqual((sync["sync_1_item"], sync["sync_1_action"], sync["sync_1_time"]),
                         ("L-1", "update", "2026-12-07 10:30:10"))
        flat = self.flat("getevents", username="alice", password="pw", ver=1, selecttype="syncitems", lineendings="unix")
        self.assertEqual((flat["events_count"], flat["events_1_subject"]), ("1", "Über 2"))
        self.assertEqual(flat["events_1_event"], "body+%E2%9C%93%E2%9C%93")
        (evt,) = self.getevents(journal="my_comm", selecttype="one", itemid=1)
        self.assertEqual((evt["event"], evt["poster"]), ("community", "alice"))

    def test_entries_of_other_interfaces_show_up_in_blogger(self):
        self.flat("postevent", username="alice", password="pw", ver=1, event="from flat", subject="F",
                  year=2026, mon=1, day=1, hour=9, min=0)
        self.xml("postevent", username="alice", password="pw", ver=1, event="from xmlrpc",
                 year=2026, mon=2, day=1, hour=9, min=0)
        self.c.ctl("POST", "entries", {"journal": "alice", "event": "from the web", "eventtime": "2026-03-01 09:00"})
        posts = self.b("blogger.getRecentPosts", "", "alice", "alice", "pw", 10)
        self.assertEqual([(p["postId"], text(p["content"]), p["dateCreated"].strftime("%Y%m%dT%H:%M:%S"))
                          for p in posts],
                         [("alice:3", "from the web", "20260301T09:00:00"), ("alice:2", "from xmlrpc", "20260201T09:00:00"),
                          ("alice:1", "<title>F</title>\nfrom flat", "20260101T09:00:00")])
        # deleted elsewhere: gone for Blogger too
        self.xml("editevent", username="alice", password="pw", ver=1, itemid=2, event="")
        self.assertEqual(self.b.fault("blogger.getPost", "", "alice:2", "alice", "pw"), ("Server", "Post not found\n"))


class Accounting(BloggerCase):
    """The server's statistics, request log, arrivals and faults apply to Blogger requests too."""

    def drop_exchange(self, body, headers=b""):
        sock = socket.create_connection(("127.0.0.1", self.c.port), timeout=2)
        sock.sendall(b"POST /interface/blogger HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n" + headers
                     + b"Content-Length: %d\r\n\r\n" % len(body) + body)
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

    def test_stats_and_request_log(self):
        self.b("blogger.newPost", "", "alice", "alice", "pw", "<title>Logged</title>body", 1)
        self.b("blogger.getRecentPosts", "", "alice", "alice", "pw", 1)
        self.b.fault("blogger.getTemplate")
        stats = self.c.ctl("GET", "stats")
        self.assertEqual(stats["interfaces"], {"flat": 0, "xmlrpc": 0, "blogger": 3})
        self.assertEqual(stats["modes"], {"blogger.newPost": 1, "blogger.getRecentPosts": 1, "blogger.getTemplate": 1})
        log = self.c.ctl("GET", "requests")["requests"]
        self.assertEqual([(r["interface"], r["mode"], r["user"], r["result"]) for r in log],
                         [("blogger", "blogger.newPost", "alice", "ok"), ("blogger", "blogger.getRecentPosts", "alice", "ok"),
                          ("blogger", "blogger.getTemplate", None, "die")])
        self.assertEqual((log[0]["subject"], log[0]["itemid"], log[0]["usejournal"], log[0]["event_md5"]),
                         ("Logged", None, None, hashlib.md5(b"<title>Logged</title>body").hexdigest()[:12]))
        info = self.c.ctl("GET", "info")
        self.assertIn("blogger.newPost", info["modes"]["blogger"])

    def test_arrivals_count_new_edit_and_delete(self):
        self.b("blogger.newPost", "", "my_comm", "alice", "pw", "<title>A</title>x", 1)
        self.b("blogger.editPost", "", "my_comm:1", "alice", "pw", "<title>B</title>y", 1)
        self.b("blogger.deletePost", "", "my_comm:1", "alice", "pw", 1)
        self.flat("postevent", username="alice", password="pw", ver=1, event="flat", year=2026, mon=1, day=1,
                  hour=0, min=0)
        got = self.c.ctl("GET", "arrivals")
        self.assertEqual([(a["mode"], a["user"], a["usejournal"], a["itemid"], a["subject"], a["count"])
                          for a in got["arrivals"]],
                         [("blogger.newPost", "alice", "my_comm", None, "A", 1),
                          ("blogger.editPost", "alice", "my_comm", 1, "B", 1),
                          ("blogger.deletePost", "alice", "my_comm", 1, None, 1),
                          ("postevent", "alice", None, None, None, 1)])
        self.assertEqual(got["arrivals"][2]["event_md5"], hashlib.md5(b"").hexdigest()[:12])
        only = self.c.ctl("GET", "arrivals?mode=blogger.newPost,blogger.editPost")
        self.assertEqual([a["mode"] for a in only["arrivals"]], ["blogger.newPost", "blogger.editPost"])
        self.assertEqual(self.c.control("GET", "arrivals?mode=blogger.getPost")[0], 400)

    def test_a_lost_post_arrives_exactly_once(self):
        """drop_after_commit: the post is committed and the connection closes without an answer; the
        client can find the post with getRecentPosts and must not post it again."""
        self.c.ctl("POST", "faults", {"kind": "drop_after_commit", "mode": "blogger.newPost"})
        content = "<title>Lost reply</title>\nÜnïcode body ✓"
        self.assertEqual(self.drop_exchange(call_body("blogger.newPost", ("", "alice", "alice", "pw", content, True))),
                         b"")
        self.assertEqual(len(self.entries()), 1)
        (recent,) = self.b("blogger.getRecentPosts", "", "alice", "alice", "pw", 5)
        self.assertEqual((recent["postId"], text(recent["content"]).replace("\r\n", "\n")), ("alice:1", content))
        got = self.c.ctl("GET", "arrivals?mode=blogger.newPost")
        self.assertEqual((got["total"], got["duplicates"]), (1, 0))
        (request,) = got["arrivals"][0]["requests"]
        self.assertEqual((request["fault"], request["processed"], request["result"]), ("drop_after_commit", True, "ok"))
        # a blind retry would have been a second arrival of the same post (here caught by the duplicate check)
        self.b("blogger.newPost", "", "alice", "alice", "pw", content, True)
        self.assertEqual(self.c.ctl("GET", "arrivals?mode=blogger.newPost")["duplicates"], 1)

    def test_queued_faults_select_by_interface_and_mode(self):
        self.c.ctl("POST", "faults", {"kind": "http500", "interface": "blogger"})
        self.assertEqual(self.b.raw("blogger.getUserInfo", "", "alice", "pw").status, 500)
        self.c.ctl("POST", "faults", {"kind": "error", "code": 503, "mode": "blogger.getRecentPosts"})
        self.assertEqual(self.b("blogger.getUserInfo", "", "alice", "pw")["nickname"], "alice")   # not selected
        self.assertEqual(self.b.fault("blogger.getRecentPosts", "", "alice", "alice", "pw", 1),
                         (503, error_text(503)))
        # a postevent fault does not hit blogger.newPost, nor an xmlrpc one a Blogger request
        self.c.ctl("POST", "faults", {"faults": [{"kind": "drop_before", "mode": "postevent"},
                                                 {"kind": "drop_before", "interface": "xmlrpc"}]})
        self.assertEqual(self.b("blogger.newPost", "", "alice", "alice", "pw", "kept", 1), "alice:1")
        self.assertEqual(len(self.c.ctl("GET", "faults")["faults"]), 2)
        self.assertEqual(self.c.control("POST", "faults", {"kind": "delay", "interface": "soap"})[0], 400)

    def test_header_faults(self):
        resp = self.b.raw("blogger.newPost", "", "alice", "alice", "pw", "rate", 1, headers={"X-Inkwell-Fault": "ratelimit"})
        self.assertEqual(xmlrpccodec.decode_typed(resp.body)[1][1]["faultCode"], ("int", "405"))
        self.assertEqual(self.entries(), [])
        self.assertEqual(self.drop_exchange(call_body("blogger.editPost", ("", "alice:1", "alice", "pw", "x", 1)),
                                            b"X-Inkwell-Fault: drop_before\r\n"), b"")
        started = time.time()
        self.assertEqual(self.b("blogger.getUserInfo", "", "alice", "pw", headers={"X-Inkwell-Fault": "delay;ms=200"})
                         ["nickname"], "alice")
        self.assertGreaterEqual(time.time() - started, 0.2)
        # the kinds bound to some protocol modes do not apply to Blogger methods
        for kind in ("no_itemid", "bad_time", "bad_challenge"):
            resp = self.b.raw("blogger.newPost", "", "alice", "alice", "pw", "x", 1, headers={"X-Inkwell-Fault": kind})
            self.assertEqual(resp.status, 400, kind)

    def test_huge_field(self):
        self.b("blogger.newPost", "", "alice", "alice", "pw", "short", 1)
        post_id = "alice:1"
        resp = self.b.raw("blogger.getRecentPosts", "", "alice", "alice", "pw", 1,
                          headers={"X-Inkwell-Fault": "huge_field;mb=1"})
        (posts,), _ = xmlrpc.client.loads(resp.body)
        self.assertEqual((len(posts[0]["content"]), posts[0]["postId"]), (1024 * 1024, post_id))
        resp = self.b.raw("blogger.newPost", "", "alice", "alice", "pw", "another", 1,
                          headers={"X-Inkwell-Fault": "huge_field;mb=0.5"})
        (new_id,), _ = xmlrpc.client.loads(resp.body)
        self.assertEqual(len(new_id), 512 * 1024)
        # editPost's 1 has no string to grow: answered normally
        self.assertEqual(self.b("blogger.editPost", "", post_id, "alice", "pw", "x", 1,
                                headers={"X-Inkwell-Fault": "huge_field;mb=1"}), 1)
        fields = [r.get("field") for r in self.c.ctl("GET", "requests")["requests"] if r["fault"]]
        self.assertEqual(fields, ["0.content", "postId", None])

    def test_fuzzing_leaves_blogger_requests_alone(self):
        self.c.ctl("POST", "fuzz", {"seed": 1, "rate": 1})
        self.assertEqual(self.b("blogger.getUserInfo", "", "alice", "pw")["nickname"], "alice")
        self.assertEqual(self.b("blogger.newPost", "", "alice", "alice", "pw", "not fuzzed", 1), "alice:1")


class Dreamwidth(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="dw", users=["alice:pw"])
        self.c = self.server.client()

    def tearDown(self):
        self.server.stop()

    def test_no_blogger_route(self):
        body = call_body("blogger.getUserInfo", ("", "alice", "pw"))
        blogger = self.c.request("POST", "/interface/blogger", body, {"Content-Type": "text/xml"})
        unknown = self.c.request("POST", "/interface/FLAT", body, {"Content-Type": "text/xml"})
        self.assertEqual((blogger.status, blogger.body), (unknown.status, unknown.body))
        self.assertEqual(blogger.status, 404)
        self.assertEqual([n for n, _ in blogger.raw_headers], [n for n, _ in unknown.raw_headers])
        self.assertEqual(self.c.request("GET", "/interface/blogger").status, 404)
        self.assertEqual(self.c.ctl("GET", "stats")["total"], 0)           # not a protocol request
        self.assertNotIn("blogger", self.c.ctl("GET", "info")["modes"])


if __name__ == "__main__":
    unittest.main()
