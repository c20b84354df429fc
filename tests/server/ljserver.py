#!/usr/bin/python3
"""Local LiveJournal / Dreamwidth protocol server for Inkwell's tests, benchmarks and demo mode.

Serves /interface/flat and /interface/xmlrpc (LJ.XMLRPC.<mode>) on 127.0.0.1 and a JSON control API
under /__control/ (see README.md in this folder). The first line on stdout is always
``listening on http://127.0.0.1:PORT``.
"""

import argparse
import os
import signal
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ljsrv.app import App, Config  # noqa: E402
from ljsrv.clock import parse_datetime  # noqa: E402
from ljsrv.control import populate  # noqa: E402
from ljsrv.fuzz import FuzzError  # noqa: E402
from ljsrv.httpserver import Server  # noqa: E402
from ljsrv.seed import SeedError  # noqa: E402

EPILOG = """\
examples:
  ljserver.py --user alice:secret                       classic LiveJournal, one account
  ljserver.py --flavor dw --user alice:pw:APIKEY        Dreamwidth; challenge auth uses APIKEY
  ljserver.py --flavor dw --preset dw-transcripts       the accounts of the recorded transcripts
  ljserver.py --seed demo                               demo journal: user demo, password demo
  ljserver.py --user bench:pw --seed 50000 --db /tmp/bench.sqlite
  ljserver.py --flavor dw --user alice:pw --fuzz 42 --fuzz-rate 0.3   a third of the replies mutated

The control API (JSON, same port): /__control/stats, /__control/faults, /__control/clock,
/__control/reset, /__control/entries?journal=NAME, ... - see tests/server/README.md.
"""


def parse_user(text):
    parts = text.split(":")
    if len(parts) < 2 or not parts[0]:
        raise argparse.ArgumentTypeError("expected NAME:PASSWORD[:APIKEY[,APIKEY...]]")
    keys = [k for k in ":".join(parts[2:]).split(",") if k] if len(parts) > 2 else None
    return parts[0], parts[1], keys


def parse_community(text):
    parts = text.split(":")
    if len(parts) != 2 or not all(parts):
        raise argparse.ArgumentTypeError("expected NAME:MAINTAINER")
    return parts[0], parts[1]


def parse_seed(text):
    if text == "demo":
        return "demo"
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected 'demo' or a number of entries")
    if value < 0:
        raise argparse.ArgumentTypeError("the number of entries must be >= 0")
    return value


def parse_clock(text):
    try:
        return parse_datetime(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc))


def build_parser():
    parser = argparse.ArgumentParser(
        prog="ljserver.py", description=__doc__, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--flavor", choices=("lj", "dw"), default="lj",
                        help="lj: classic LiveJournal (seed documents, default); dw: Dreamwidth as it is today "
                             "(friends modes answer 504, getcircle/editcircle/gettrustgroups/checkforupdates, "
                             "API keys for challenge auth, the real server's bugs)")
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0 or none: the OS picks one)")
    parser.add_argument("--db", default=":memory:", help="SQLite database file (default: in memory)")
    parser.add_argument("--user", action="append", type=parse_user, default=[], metavar="NAME:PASSWORD[:APIKEY]",
                        help="create an account (repeatable). Without APIKEY the password also serves as the "
                             "API key on dw; several keys may be given separated by commas")
    parser.add_argument("--paid", action="append", default=[], metavar="NAME",
                        help="make an account paid (free+paid cap bits: checkforupdates allowed, interval 0)")
    parser.add_argument("--community", action="append", type=parse_community, default=[], metavar="NAME:MAINTAINER",
                        help="create a community maintained (and joined) by MAINTAINER (repeatable)")
    parser.add_argument("--seed", type=parse_seed, metavar="demo|N",
                        help="demo: the demo journal (user demo/demo, friends, a community); N: N generated "
                             "entries for the first --user")
    parser.add_argument("--preset", choices=("dw-transcripts", "dw-http-transcripts"),
                        help="dw-transcripts: the accounts, API keys, community and ljalice's itemid 1 that the "
                             "recorded Dreamwidth transcripts start from; dw-http-transcripts: the same for the "
                             "header-complete recordings (tests/data/transcripts-http)")
    parser.add_argument("--no-duplicate-check", dest="duplicate_check", action="store_false",
                        help="postevent never answers a repeated post with the previous item (the real servers "
                             "do; switch it off so a client test cannot pass thanks to it)")
    parser.add_argument("--clock", type=parse_clock, metavar="'YYYY-MM-DD HH:MM:SS'",
                        help="start the server clock (UTC) at this time, frozen until advanced via the control API")
    parser.add_argument("--site-url", help="base URL used in entry URLs and icon URLs (default: the listening URL)")
    parser.add_argument("--fuzz", type=int, metavar="SEED",
                        help="answer protocol requests with mutations of the recorded real-server replies, "
                             "deterministically from SEED (README \"Fuzzing\"; POST /__control/fuzz changes it)")
    parser.add_argument("--fuzz-rate", type=float, default=1.0, metavar="R",
                        help="with --fuzz: share of the requests that are fuzzed (0-1, default 1)")
    parser.add_argument("--fuzz-process", type=float, default=0.5, metavar="P",
                        help="with --fuzz: share of the fuzzed requests the server processes too (0-1, default 0.5)")
    parser.add_argument("--fuzz-modes", metavar="MODE[,MODE...]",
                        help="with --fuzz: fuzz only these modes (default: all)")
    return parser


def fuzz_settings(args):
    """The --fuzz options as fuzz.Fuzzer.configure takes them (None without --fuzz)."""
    if args.fuzz is None:
        return None
    settings = {"seed": args.fuzz, "rate": args.fuzz_rate, "process": args.fuzz_process}
    if args.fuzz_modes:
        settings["modes"] = [m for m in args.fuzz_modes.split(",") if m]
    return settings


def main(argv=None):
    args = build_parser().parse_args(argv)
    config = Config(flavor=args.flavor, db_path=args.db, users=args.user, communities=args.community,
                    seed=args.seed, preset=args.preset, clock=args.clock, site_url=args.site_url, paid=args.paid,
                    duplicate_check=args.duplicate_check, fuzz=fuzz_settings(args))
    try:
        app = App(config)
    except FuzzError as exc:
        print("ljserver.py: error: --fuzz: %s" % exc, file=sys.stderr)
        return 2
    fresh = app.db.value("SELECT COUNT(*) FROM users", (), 0) == 0
    try:
        if fresh:
            populate(app)
    except SeedError as exc:
        print("ljserver.py: error: %s" % exc, file=sys.stderr)
        return 2
    try:
        server = Server(app, args.port)
    except OSError as exc:
        print("ljserver.py: error: cannot listen on 127.0.0.1:%d: %s" % (args.port, exc), file=sys.stderr)
        return 2
    sys.stdout.write("listening on %s\n" % server.base_url)
    sys.stdout.flush()

    stopping = threading.Event()

    def stop(signum, frame):
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        app.db.conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
