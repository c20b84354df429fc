"""XML-RPC marshalling with Perl XMLRPC::Lite's content-based typing (REFERENCE §1.3, §1.3.1), checked
with the ljsrv codec directly and over HTTP with Python's xmlrpc.client as an independent peer."""

import base64
import unittest
import xmlrpc.client

from ljsrv import xmlrpccodec
from ljsrv.xmlrpccodec import DW_FORCED_STRING_KEYS
from support import InProcessServer


def typed(value, forced=frozenset()):
    return xmlrpccodec.decode_typed(xmlrpccodec.encode_response(value, forced))[1]


class ResponseTyping(unittest.TestCase):
    def test_content_based_types(self):
        self.assertEqual(typed("42"), ("int", "42"))
        self.assertEqual(typed("-7"), ("int", "-7"))
        self.assertEqual(typed("2305843009213693955"), ("int", "2305843009213693955"))   # no range check
        self.assertEqual(typed("3.25"), ("double", "3.25"))
        self.assertEqual(typed("20240301T18:05:00"), ("dateTime.iso8601", "20240301T18:05:00"))
        self.assertEqual(typed("2024-03-01 18:05:00"), ("string", "2024-03-01 18:05:00"))
        self.assertEqual(typed("plain text"), ("string", "plain text"))
        self.assertEqual(typed("Grüße"), ("base64", "Grüße".encode()))
        self.assertEqual(typed("bell\x07"), ("base64", b"bell\x07"))      # control characters too
        self.assertEqual(typed("tab\tand\r\nnewline"), ("string", "tab\tand\r\nnewline"))
        self.assertEqual(typed(None), ("nil", None))
        self.assertEqual(typed(5), ("int", "5"))

    def test_wire_forms_of_empty_values(self):
        body = xmlrpccodec.encode_response({"s": "", "u": None, "a": [], "d": {}})
        self.assertIn(b"<member><name>s</name><value><string /></value></member>", body)
        self.assertIn(b"<member><name>u</name><value /></member>", body)
        self.assertIn(b"<array><data /></array>", body)
        self.assertIn(b"<struct />", body)
        self.assertTrue(body.startswith(b'<?xml version="1.0" encoding="UTF-8"?><methodResponse><params>'))

    def test_carriage_return_is_escaped(self):
        self.assertIn(b"a&#xd;\nb &amp; &lt;c&gt;", xmlrpccodec.encode_response("a\r\nb & <c>"))

    def test_invalid_utf8_bytes_go_out_unchanged_in_base64(self):
        value = b"\xff\xfe".decode("utf-8", "surrogateescape")
        self.assertEqual(typed(value), ("base64", b"\xff\xfe"))

    def test_dw_forced_string_keys_double_encode(self):
        value = {"name": "Wör", "username": "12345", "subject": "Wör", "nested": [{"fullname": "ü"}]}
        tree = typed(value, DW_FORCED_STRING_KEYS)[1]
        self.assertEqual(tree["name"], ("string", "WÃ¶r"))        # observed: transcripts xmlrpc/067
        self.assertEqual(tree["username"], ("string", "12345"))
        self.assertEqual(tree["subject"], ("base64", "Wör".encode()))
        self.assertEqual(tree["nested"][1][0][1]["fullname"], ("string", "Ã¼"))
        # classic LJ does not force anything
        self.assertEqual(typed(value)[1]["name"], ("base64", "Wör".encode()))

    def test_faults(self):
        kind, tree = xmlrpccodec.decode_typed(xmlrpccodec.encode_fault(101, "Invalid password"))
        self.assertEqual(kind, "fault")
        self.assertEqual(tree[1]["faultCode"], ("int", "101"))
        self.assertEqual(tree[1]["faultString"], ("string", "Invalid password"))
        kind, tree = xmlrpccodec.decode_typed(xmlrpccodec.encode_fault("Server", "die"))
        self.assertEqual(tree[1]["faultCode"], ("string", "Server"))


class RequestParsing(unittest.TestCase):
    def parse(self, value_xml):
        body = ("<?xml version='1.0'?><methodCall><methodName>LJ.XMLRPC.x</methodName><params><param><value>"
                + value_xml + "</value></param></params></methodCall>").encode()
        return xmlrpccodec.parse_call(body)[1][0]

    def test_every_scalar_type_becomes_a_string(self):
        self.assertEqual(self.parse("<int>1</int>"), "1")
        self.assertEqual(self.parse("<i4>7</i4>"), "7")
        self.assertEqual(self.parse("<boolean>1</boolean>"), "1")
        self.assertEqual(self.parse("<string>1</string>"), "1")
        self.assertEqual(self.parse("<double>1.5</double>"), "1.5")
        self.assertEqual(self.parse("untyped text"), "untyped text")
        self.assertEqual(self.parse(""), "")
        self.assertIsNone(self.parse("<nil/>"))

    def test_base64_is_raw_bytes(self):
        encoded = base64.b64encode("Grüße \xff".encode("latin-1")).decode()
        self.assertEqual(self.parse("<base64>%s</base64>" % encoded).encode("utf-8", "surrogateescape"),
                         "Grüße \xff".encode("latin-1"))

    def test_nested_structs_and_arrays(self):
        value = self.parse("<struct><member><name>props</name><value><struct><member><name>a</name>"
                           "<value><int>1</int></value></member></struct></value></member>"
                           "<member><name>l</name><value><array><data><value>x</value><value><string>y</string>"
                           "</value></data></array></value></member></struct>")
        self.assertEqual(value, {"props": {"a": "1"}, "l": ["x", "y"]})

    def test_malformed(self):
        with self.assertRaises(xmlrpccodec.XmlRpcParseError):
            xmlrpccodec.parse_call(b"<methodCall><methodName>x</methodName><params>")


class OverHttp(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dw = InProcessServer(flavor="dw", users=["alice:pw1"])
        cls.lj = InProcessServer(flavor="lj", users=["alice:pw1"])

    @classmethod
    def tearDownClass(cls):
        cls.dw.stop()
        cls.lj.stop()

    def test_getchallenge_without_params_with_python_client(self):
        for server in (self.dw, self.lj):
            with xmlrpc.client.ServerProxy(server.url + "/interface/xmlrpc") as proxy:
                result = proxy.LJ.XMLRPC.getchallenge()
            self.assertEqual(result["auth_scheme"], "c0")
            self.assertEqual(result["expire_time"] - result["server_time"], 60)

    def test_unknown_method_extra_param_bad_prefix(self):
        c = self.dw.client()
        with self.assertRaises(xmlrpc.client.Fault) as cm:
            c.xmlrpc("GetEvents", {"username": "alice", "password": "pw1"})    # names are case-sensitive
        self.assertEqual((cm.exception.faultCode, cm.exception.faultString), (201, "Client error: Unknown method"))
        body = xmlrpc.client.dumps(({"username": "alice", "password": "pw1"}, "extra"), "LJ.XMLRPC.login").encode()
        kind, tree = xmlrpccodec.decode_typed(c.xmlrpc_raw(body).body)
        self.assertEqual(tree[1]["faultCode"], ("int", "202"))
        self.assertEqual(tree[1]["faultString"], ("string", "Client error: Too many arguments"))
        body = xmlrpc.client.dumps(({},), "blogger.newPost").encode()
        kind, tree = xmlrpccodec.decode_typed(c.xmlrpc_raw(body).body)
        self.assertEqual((kind, tree[1]["faultCode"][0]), ("fault", "string"))
        resp = c.xmlrpc_raw(b"<methodCall><oops")
        self.assertEqual(resp.status, 200)
        self.assertEqual(xmlrpccodec.decode_typed(resp.body)[1][1]["faultCode"], ("string", "Client"))

    def test_faults_are_http_200_text_xml(self):
        c = self.lj.client()
        resp = c.xmlrpc_raw(xmlrpc.client.dumps(({"username": "alice", "password": "nope"},), "LJ.XMLRPC.login").encode())
        self.assertEqual((resp.status, resp.content_type), (200, "text/xml"))
        self.assertEqual(xmlrpccodec.decode_typed(resp.body)[1][1]["faultCode"], ("int", "101"))

    def test_any_scalar_type_is_accepted_for_any_field(self):
        c = self.lj.client()
        body = (b"<?xml version='1.0'?><methodCall><methodName>LJ.XMLRPC.postevent</methodName><params><param>"
                b"<value><struct>"
                b"<member><name>username</name><value>alice</value></member>"
                b"<member><name>password</name><value><base64>cHcx</base64></value></member>"
                b"<member><name>ver</name><value><boolean>1</boolean></value></member>"
                b"<member><name>event</name><value><base64>" + base64.b64encode("Grüße".encode()) + b"</base64></value></member>"
                b"<member><name>year</name><value><string>2024</string></value></member>"
                b"<member><name>mon</name><value><i4>2</i4></value></member>"
                b"<member><name>day</name><value><int>3</int></value></member>"
                b"<member><name>hour</name><value><double>4</double></value></member>"
                b"<member><name>min</name><value><int>5</int></value></member>"
                b"</struct></value></param></params></methodCall>")
        kind, tree = xmlrpccodec.decode_typed(c.xmlrpc_raw(body).body)
        self.assertEqual(kind, "params", tree)
        events = c.xmlrpc("getevents", {"username": "alice", "password": "pw1", "ver": 1, "selecttype": "one",
                                        "itemid": 1}, typed=True)[1]
        event = events[1]["events"][1][0][1]
        self.assertEqual(event["event"], ("base64", "Grüße".encode()))
        self.assertEqual(event["eventtime"], ("string", "2024-02-03 04:05:00"))
        self.assertEqual(event["itemid"], ("int", "1"))

    def test_numeric_looking_text_arrives_as_int(self):
        c = self.lj.client()
        c.xmlrpc("postevent", {"username": "alice", "password": "pw1", "ver": 1, "subject": "2024", "event": "42",
                               "year": 2030, "mon": 1, "day": 1, "hour": 0, "min": 0})
        kind, tree = c.xmlrpc("getevents", {"username": "alice", "password": "pw1", "ver": 1, "selecttype": "lastn",
                                            "howmany": 1}, typed=True)
        event = tree[1]["events"][1][0][1]
        self.assertEqual((event["subject"], event["event"]), (("int", "2024"), ("int", "42")))


if __name__ == "__main__":
    unittest.main()
