#!/usr/bin/python3
"""The layering checker checked: run on fixture/, a small tree that breaks each rule once or more.

Every fixture line marked `// expect: TEXT` must be reported as an error whose reason contains TEXT,
every line marked `// allowed:` as allowed (fixture/allowlist.txt lists it), the allow-list entry
for a file that is gone as an error, and nothing else; the checker must then exit with status 1.

Usage: test_check_layering.py --qt-headers QT_INCLUDE_DIR
"""

import argparse
import os
import re
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "fixture")
CHECKER = os.path.join(HERE, "check_layering.py")
MARKER = re.compile(r"//\s*(expect|allowed):\s*(.*)$")
REPORT = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<kind>error|allowed): (?P<text>.*)$")

QT_HEADERS = None


def fixture_markers():
    """{(relpath, line): (kind, text)} from the fixture's comments."""
    markers = {}
    for folder, _, files in os.walk(FIXTURE):
        for file in files:
            path = os.path.join(folder, file)
            relpath = os.path.relpath(path, FIXTURE).replace(os.sep, "/")
            if not relpath.startswith(("core/", "ui/")):
                continue
            with open(path, encoding="utf-8") as source:
                for number, line in enumerate(source, 1):
                    match = MARKER.search(line)
                    if match:
                        markers[(relpath, number)] = (match.group(1), match.group(2).strip())
    return markers


class TestCheckLayering(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        allowlist = os.path.join(FIXTURE, "allowlist.txt")
        run = subprocess.run(
            [sys.executable, CHECKER, "--root", FIXTURE, "--qt-headers", QT_HEADERS, "--allow", allowlist],
            capture_output=True, text=True, check=False)
        cls.status = run.returncode
        cls.output = run.stdout + run.stderr
        cls.reports = {}
        cls.stale = []
        for line in run.stdout.splitlines():
            match = REPORT.match(line)
            if not match:
                continue
            if match["path"].endswith("allowlist.txt"):
                cls.stale.append(match["text"])
            else:
                cls.reports[(match["path"], int(match["line"]))] = (match["kind"], match["text"])

    def test_fails(self):
        self.assertEqual(self.status, 1, self.output)

    def test_every_marked_line_is_reported_as_marked(self):
        markers = fixture_markers()
        self.assertGreaterEqual(sum(1 for kind, _ in markers.values() if kind == "expect"), 20)
        for (path, line), (kind, text) in sorted(markers.items()):
            with self.subTest(f"{path}:{line}"):
                self.assertIn((path, line), self.reports, f"not reported; output:\n{self.output}")
                reported_kind, reported_text = self.reports[(path, line)]
                self.assertEqual(reported_kind, "error" if kind == "expect" else "allowed")
                if kind == "expect":
                    self.assertIn(text, reported_text)

    def test_nothing_else_is_reported(self):
        unexpected = sorted(set(self.reports) - set(fixture_markers()))
        self.assertEqual(unexpected, [], self.output)

    def test_each_rule_is_exercised(self):
        texts = " ".join(text for kind, text in self.reports.values() if kind == "error")
        for rule in ("protocol must not include store/", "protocol must not include account/",
                     "protocol must not include sync/", "protocol must not include friends/",
                     "store must not include protocol/", "store must not include account/",
                     "store must not include sync/", "journal includes only journal/ and QtCore",
                     "core must not include QtWidgets", "core must not include QtGui",
                     "ui must not include the protocol client", "ui must not include QtNetwork",
                     "ui must not hold a QNetworkAccessManager", "ui must not hold a LjClient",
                     "ui must not construct a core service or client"):
            self.assertIn(rule, texts)

    def test_a_stale_allowlist_entry_is_an_error(self):
        self.assertEqual(len(self.stale), 1, self.output)
        self.assertIn("ui/view/Gone.cpp: protocol/LjClient.h is allowed but no longer there", self.stale[0])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--qt-headers", required=True)
    args, rest = parser.parse_known_args()
    QT_HEADERS = args.qt_headers
    unittest.main(argv=[sys.argv[0]] + rest)
