"""ljserver.py as a program: the first stdout line, --help, options, signals, a database file that
survives restarts, bad arguments, and concurrent clients."""

import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest

from support import PYTHON, SERVER_SCRIPT, Api, Client, start_subprocess, stop_subprocess


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cli(unittest.TestCase):
    def run_server(self, *args):
        proc, url = start_subprocess(*args)
        self.addCleanup(lambda: proc.poll() is None and stop_subprocess(proc))
        return proc, url

    def test_first_line_and_loopback_only(self):
        proc, url = self.run_server("--user", "alice:pw")
        self.assertRegex(url, r"^http://127\.0\.0\.1:\d+$")
        port = int(url.rsplit(":", 1)[1])
        with socket.socket() as s:       # listening on loopback only, not on every address
            self.assertEqual(s.connect_ex(("127.0.0.1", port)), 0)
        client = Client(url)
        self.assertEqual(client.flat(mode="login", user="alice", password="pw")["success"], "OK")
        client.close()
        self.assertEqual(stop_subprocess(proc), 0)

    def test_fixed_port(self):
        port = free_port()
        proc, url = self.run_server("--port", str(port))
        self.assertEqual(url, "http://127.0.0.1:%d" % port)

    def test_help_documents_every_option(self):
        out = subprocess.run([PYTHON, SERVER_SCRIPT, "--help"], capture_output=True, text=True, timeout=30)
        self.assertEqual(out.returncode, 0)
        for option in ("--flavor", "--port", "--db", "--user", "--paid", "--community", "--seed", "--preset", "--clock",
                       "--site-url", "dw-transcripts", "/__control/"):
            self.assertIn(option, out.stdout)

    def test_signals_stop_cleanly(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(sig):
                proc, url = self.run_server()
                client = Client(url)
                client.flat(mode="getchallenge")          # and keep the connection open while stopping
                started = time.time()
                proc.send_signal(sig)
                self.assertEqual(proc.wait(10), 0)
                self.assertLess(time.time() - started, 5)
                proc.stdout.close()
                proc.stderr.close()
                client.close()

    def test_bad_arguments(self):
        for args, message in ((["--user", "nopassword"], "NAME:PASSWORD"),
                              (["--flavor", "xx"], "invalid choice"),
                              (["--seed", "12"], "--seed N needs a --user"),
                              (["--community", "c:nosuch"], "maintainer nosuch does not exist"),
                              (["--clock", "tomorrow"], "YYYY-MM-DD HH:MM:SS")):
            with self.subTest(args):
                out = subprocess.run([PYTHON, SERVER_SCRIPT] + args, capture_output=True, text=True, timeout=30)
                self.assertEqual(out.returncode, 2)
                self.assertIn(message, out.stderr)
                self.assertEqual(out.stdout, "")

    def test_database_file_survives_a_restart(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "journal.sqlite")
            proc, url = self.run_server("--db", path, "--flavor", "dw", "--user", "alice:pw:KEY")
            api = Api(Client(url), "flat")
            api("postevent", event="kept", username="alice", password="pw", year=2026, mon=1, day=1, hour=0, min=0)
            api.client.close()
            self.assertEqual(stop_subprocess(proc), 0)
            proc, url = self.run_server("--db", path, "--flavor", "dw")
            api = Api(Client(url), "xmlrpc")
            self.assertEqual(api("login", username="alice", password="KEY")["fullname"], "Test Alice")
            self.assertEqual(api("postevent", event="next", username="alice", password="pw", year=2026, mon=1, day=1,
                                 hour=0, min=0)["itemid"], 2)
            api.client.close()
            stop_subprocess(proc)

    def test_options_reach_the_server(self):
        proc, url = self.run_server("--flavor", "dw", "--user", "alice:pw", "--user", "bob:pw2:K1,K2",
                                    "--paid", "bob", "--community", "club:alice", "--clock", "2021-03-04 05:06:07")
        c = Client(url)
        info = c.ctl("GET", "info")
        self.assertEqual((info["flavor"], info["users"], info["clock"]["now"], info["clock"]["frozen"]),
                         ("dw", ["alice", "bob", "club"], "2021-03-04 05:06:07", True))
        api = Api(c, "xmlrpc")
        self.assertEqual(api("login", username="bob", password="K2", getcaps=1)["caps"], 10)
        self.assertEqual(api("login", username="alice", password="pw")["usejournals"], ["club"])
        c.close()

    def test_preset_and_demo_seed(self):
        proc, url = self.run_server("--flavor", "dw", "--preset", "dw-transcripts")
        c = Client(url)
        self.assertEqual(c.ctl("GET", "entries?journal=ljalice")["count"], 1)
        c.close()
        proc, url = self.run_server("--seed", "demo")
        c = Client(url)
        self.assertEqual(c.flat(mode="login", user="demo", password="demo")["name"], "Demo Writer")
        c.close()

    def test_concurrent_clients(self):
        proc, url = self.run_server("--user", "alice:pw")
        errors = []
        itemids = []
        lock = threading.Lock()

        def worker(n):
            client = Client(url)
            api = Api(client, "flat" if n % 2 else "xmlrpc")
            try:
                for i in range(25):
                    result = api("postevent", event="thread %d post %d" % (n, i), username="alice", password="pw",
                                 year=2037, mon=1, day=1, hour=0, min=0)
                    api("getevents", selecttype="lastn", howmany=5, username="alice", password="pw")
                    with lock:
                        itemids.append(int(result["itemid"]))
            except Exception as exc:        # collected and asserted below
                errors.append(exc)
            finally:
                client.close()

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(errors, [])
        self.assertEqual(sorted(itemids), list(range(1, 201)))


if __name__ == "__main__":
    unittest.main()
