"""consolecommand (REFERENCE §3.14) on both interfaces, and the classic-LiveJournal flat uploadpic
(seed 002) with its effect on login's icon lists and on picture_keyword."""

import base64
import struct
import unittest
import urllib.parse
import zlib

from support import Api, InProcessServer

ALICE = {"username": "alice", "password": "pw1", "ver": 1}


def gif(width, height, salt=b""):
    return (b"GIF89a" + struct.pack("<HH", width, height) + b"\x80\x00\x00\x00\x00\x00\xff\xff\xff"
            b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;" + salt)


def png(width, height):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def jpeg(width, height):
    return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            b"\xff\xc0\x00\x11\x08" + struct.pack(">HH", height, width) + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
            b"\xff\xd9")


class Console(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="dw", users=["alice:pw1", "bob:pw2"], communities=[("comm", "alice")])
        self.flat, self.xml = Api(self.server.client(), "flat"), Api(self.server.client(), "xmlrpc")

    def tearDown(self):
        self.server.stop()

    def run_flat(self, command, **auth):
        result = self.flat("consolecommand", command=command, **(auth or ALICE))
        lines = [(result.get("cmd_line_%d_type" % n, ""), result["cmd_line_%d" % n])
                 for n in range(1, int(result["cmd_line_count"]) + 1)]
        return int(result["cmd_success"]), lines

    def run_xml(self, *commands, **auth):
        result = self.xml("consolecommand", commands=list(commands), **(auth or ALICE))
        return [(r["success"], [tuple(line) for line in r["output"]]) for r in result["results"]]

    def test_help(self):
        success, lines = self.run_flat("help")
        self.assertEqual(success, 1)
        self.assertEqual(len(lines), 25)
        self.assertEqual(lines[0], ("info", "ban_list: Lists users who are banned from an account. Requires priv:"))
        self.assertEqual(lines[1], ("info", "\t  none."))
        [(success, lines)] = self.run_xml("help print")
        self.assertEqual(lines[0], ("info", "print ..."))
        self.assertEqual(lines[-1], ("info", "  --------"))

    def test_print_and_quoting(self):
        [(success, lines)] = self.run_xml('print one "two words" !oops')
        self.assertEqual(lines, [("info", "Welcome to 'print'!"), ("info", "one"), ("info", "two words"),
                                 ("error", "!oops")])
        [(success, lines)] = self.run_xml(["print", "pre split"])
        self.assertEqual(lines[1], ("info", "pre split"))

    def test_ban_commands(self):
        self.assertEqual(self.run_xml("ban_set bob"), [(1, [("success", "User bob banned from alice")])])
        self.assertEqual(self.run_flat("ban_list"), (1, [("info", "bob")]))
        self.assertEqual(self.run_flat("ban_unset bob"), (1, [("success", "User bob unbanned from alice")]))
        self.assertEqual(self.run_flat("ban_list")[1], [("info", "alice has not banned any other users.")])
        self.assertEqual(self.run_flat("ban_set nosuch"), (0, [("error", "Invalid user nosuch")]))
        # banning from a community blocks posting there
        self.run_xml("community comm add bob")
        self.run_xml("ban_set bob from comm")
        failure = self.xml.fails("postevent", event="x", usejournal="comm", username="bob", password="pw2",
                                 year=2026, mon=1, day=1, hour=0, min=0)
        self.assertEqual(failure.text, "Banned from journal")
        self.assertEqual(self.run_xml("ban_set alice from comm", username="bob", password="pw2")[0][0], 0)

    def test_community_membership(self):
        self.assertEqual(self.run_flat("community comm add bob"), (1, [("success", "User bob added to comm")]))
        self.assertEqual(self.xml("login", username="bob", password="pw2")["usejournals"], ["comm"])
        self.run_flat("community comm remove bob")
        self.assertEqual(self.xml("login", username="bob", password="pw2")["usejournals"], [])

    def test_unknown_and_unavailable_commands(self):
        self.assertEqual(self.run_xml("no_such_command"), [(1, [("error", "There is no such command 'no_such_command'.")])])
        self.assertEqual(self.run_xml("priv grant x")[0][0], 0)
        self.assertEqual(len(self.run_xml("help", "print a")), 2)      # several commands per call

    def test_authentication_is_optional_on_flat_only(self):
        # flat: the command runs anonymously
        success, lines = self.run_flat("ban_list", username="alice", password="wrong")
        self.assertEqual((success, lines), (0, [("error", "You must be logged in to run this command.")]))
        # XML-RPC: a fault, even without a username
        self.assertEqual(self.xml.fails("consolecommand", commands=["help"], ver=1).code, 200)
        self.assertEqual(self.xml.fails("consolecommand", commands=["help"], username="alice", password="x").code, 101)


class UploadPic(unittest.TestCase):
    def setUp(self):
        self.server = InProcessServer(flavor="lj", users=["alice:pw1"])
        self.c = self.server.client()

    def tearDown(self):
        self.server.stop()

    def upload(self, data, **fields):
        params = {"mode": "uploadpic", "user": "alice", "password": "pw1"}
        params.update(fields)
        body = urllib.parse.urlencode(params).encode() + b"&data=" + urllib.parse.quote_from_bytes(data).encode()
        return self.c.flat_raw(body).flat()

    def test_upload_formats_and_login_lists(self):
        first = self.upload(gif(100, 80), keywords="happy, at work", default="1")
        self.assertEqual((first["success"], first["width"], first["height"]), ("OK", "100", "80"))
        second = self.upload(png(64, 48), keywords="Beach")
        self.assertEqual((second["width"], second["height"]), ("64", "48"))
        third = self.upload(base64.b64encode(jpeg(32, 20)))                         # base64 accepted too
        self.assertEqual((third["width"], third["height"]), ("32", "20"))
        again = self.upload(gif(100, 80), keywords="Beach")           # identical picture: same id, keyword moves
        self.assertEqual(again["picid"], first["picid"])
        login = Api(self.c, "xmlrpc")("login", getpickws=1, getpickwurls=1, **ALICE)
        self.assertEqual(login["pickws"], ["at work", "Beach", "happy", "pic#%s" % second["picid"], "pic#%s" % third["picid"]])
        url = "%s/userpic/%s/2" % (self.server.url, first["picid"])
        self.assertEqual(login["pickwurls"][0], url)
        self.assertEqual(login["defaultpicurl"], url)
        flat = self.c.flat(mode="login", user="alice", password="pw1", getpickws=1, getpickwurls=0)
        self.assertEqual((flat["pickw_count"], flat["pickwurl_count"], flat["pickw_2"]), ("5", "0", "Beach"))

    def test_picture_keyword_must_exist(self):
        self.upload(gif(10, 10), keywords="smile")
        api = Api(self.c, "flat")
        for keyword, kept in (("smile", True), ("frown", False)):
            itemid = api("postevent", event=keyword, props={"picture_keyword": keyword}, year=2026, mon=1, day=1,
                         hour=0, min=0, **ALICE)["itemid"]
            entry = [e for e in self.c.ctl("GET", "entries?journal=alice")["entries"] if e["itemid"] == int(itemid)][0]
            self.assertEqual(entry["props"].get("picture_keyword"), "smile" if kept else None)

    def test_errors(self):
        self.assertEqual(self.upload(b"not an image")["errmsg"],
                         "Client error: Invalid argument(s): Unsupported image format (GIF, PNG or JPEG expected)")
        self.assertEqual(self.upload(gif(101, 10))["errmsg"],
                         "Client error: Invalid argument(s): Picture dimensions must be at most 100x100")
        self.assertEqual(self.upload(gif(10, 10, salt=b"x" * 41000))["errmsg"],
                         "Client error: Post too large.: Picture larger than 40 KB")
        self.assertEqual(self.c.flat(mode="uploadpic", user="alice", password="pw1", url="http://x/y.gif")["errmsg"],
                         "Client error: Invalid argument(s): Fetching pictures by URL is not supported by this test server")
        self.assertEqual(self.c.flat(mode="uploadpic", user="alice", password="pw1")["errmsg"],
                         "Client error: Missing required argument(s): Either data or url must be given, but not both")
        self.assertEqual(self.upload(gif(10, 10), password="bad")["errmsg"], "Invalid password")
        self.assertEqual(Api(self.c, "xmlrpc").fails("uploadpic", **ALICE).code, 201)     # flat only


if __name__ == "__main__":
    unittest.main()
