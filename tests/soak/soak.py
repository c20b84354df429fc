#!/usr/bin/python3
"""Inkwell's soak suite (issue 16): the real inkwell-cli against the real local journal server, under
kill -9, every server fault on every protocol step, full disks, read-only profiles, damaged databases
and spool files and a fuzzing server; after each case the promises are checked and counted.

    /usr/bin/python3 tests/soak/soak.py --cli build/app/cli/inkwell-cli             # short form
    /usr/bin/python3 tests/soak/soak.py --cli build/app/cli/inkwell-cli --long      # long form
    /usr/bin/python3 tests/soak/soak.py --cli ... --case 'fault/dw/flat/challenge/post/.../s123'

See tests/soak/README.md. Standard library only; exit status 0 when every case kept every promise
(known failures aside, each of which must still fail), 1 otherwise, 2 for bad arguments."""

import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import os  # noqa: E402
import queue  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from soaklib.cases import (CORRUPT, CRASH, DUPLICATE, FAMILIES, HANG, HARNESS, LOST,  # noqa: E402
                           SESSION_LEFT, Case)
from soaklib.known import KNOWN_FAILURES, explain  # noqa: E402
from soaklib.plan import Planner  # noqa: E402
from soaklib.worker import Worker  # noqa: E402

SHORT = {"kills": 36, "posts": 40, "others_per_post": 0.6, "disk": 10, "readonly": 8, "damage": 9, "spool": 3, "fuzz": 12}
LONG = {"kills": 520, "posts": 1050, "others_per_post": 0.6, "disk": 120, "readonly": 24, "damage": 60, "spool": 24,
        "fuzz": 150}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=os.environ.get("INKWELL_CLI"), help="the inkwell-cli binary (or $INKWELL_CLI)")
    parser.add_argument("--server", default=os.environ.get("INKWELL_TEST_SERVER",
                                                           os.path.join(HERE, "..", "server", "ljserver.py")),
                        help="tests/server/ljserver.py (started as a process)")
    parser.add_argument("--python", default=os.environ.get("INKWELL_PYTHON", "/usr/bin/python3"),
                        help="the interpreter for the server (default /usr/bin/python3)")
    parser.add_argument("--seed", type=int, default=1, help="the plan's seed (default 1)")
    parser.add_argument("--long", action="store_true", help="the long form: >= 500 kill points, >= 1,000 faulted posts")
    parser.add_argument("--kills", type=int, help="kill points to reach (short 36, long 520)")
    parser.add_argument("--posts", type=int, help="faulted posts to reach (short 40, long 1050)")
    parser.add_argument("--only", action="append", choices=FAMILIES, help="run only these families")
    parser.add_argument("--case", action="append", default=[], help="run this case id only (repeatable)")
    parser.add_argument("--jobs", type=int, default=1, help="cases run in parallel (each with its own servers)")
    parser.add_argument("--entries", type=int, default=1200, help="entries in the server's journal (default 1200)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a command counts as hung")
    parser.add_argument("--workdir", help="keep profiles and server logs here (default: a temporary folder)")
    parser.add_argument("--list", action="store_true", help="print the planned case ids and stop")
    parser.add_argument("--verbose", "-v", action="store_true", help="a line per case, harness tracebacks")
    options = parser.parse_args()
    if not options.cli or not os.access(options.cli, os.X_OK):
        parser.error("--cli must name the inkwell-cli binary (got %r)" % options.cli)
    options.cli = os.path.abspath(options.cli)
    options.server = os.path.abspath(options.server)
    if not os.path.exists(options.server):
        parser.error("no server at %s" % options.server)
    if options.jobs < 1:
        parser.error("--jobs must be at least 1")
    return options


def plan(options, worker, log):
    sizes = dict(LONG if options.long else SHORT)
    if options.kills is not None:
        sizes["kills"] = options.kills
    if options.posts is not None:
        sizes["posts"] = options.posts
    planner = Planner(options, worker, log)
    families = options.only or FAMILIES
    cases = []
    # The known failures' witnesses come first: each must still fail, or the entry is stale.
    if not options.only:
        for known in KNOWN_FAILURES:
            cases += [Case.parse(w) for w in known["witnesses"]]
    if os.geteuid() != 0:
        # A read-only profile needs another user than the owner (root makes it root's and runs the
        # CLI as nobody): without root the family cannot be set up, and is left out, said aloud.
        log("soak: not root: the readonly family is left out")
        families = [f for f in families if f != "readonly"]
        cases = [c for c in cases if c.family != "readonly"]
    if "kill" in families:
        cases += planner.kill_cases(sizes["kills"], options.long)
    if "fault" in families:
        cases += planner.fault_cases(sizes["posts"], sizes["others_per_post"], options.long)
    if "disk" in families:
        cases += planner.disk_cases(sizes["disk"])
    if "readonly" in families:
        cases += planner.readonly_cases(sizes["readonly"])
    if "damage" in families:
        cases += planner.damage_cases(sizes["damage"])
    if "spool" in families:
        cases += planner.spool_cases(sizes["spool"])
    if "fuzz" in families:
        cases += planner.fuzz_cases(sizes["fuzz"])
    seen = set()
    unique = []
    for case in cases:
        if case.id() not in seen:
            seen.add(case.id())
            unique.append(case)
    return unique, planner, sizes


def reproduction(options, case):
    return "%s %s --cli %s --case %s" % (shlex.quote(options.python if os.path.exists(options.python) else sys.executable),
                                         shlex.quote(os.path.join(HERE, "soak.py")), shlex.quote(options.cli),
                                         shlex.quote(case.id()))


def run_all(options, workers, cases, log):
    jobs = queue.Queue()
    for n, case in enumerate(cases):
        jobs.put((n, case))
    results = [None] * len(cases)
    done = [0]
    lock = threading.Lock()
    started = time.monotonic()

    def work(worker):
        while True:
            try:
                n, case = jobs.get_nowait()
            except queue.Empty:
                return
            result = worker.run_case(case)
            results[n] = result
            with lock:
                done[0] += 1
                if options.verbose or result.failures:
                    # A known failure is labelled with its KNOWN_FAILURES id, so that the progress lines
                    # read like the report: only FAIL lines fail the run.
                    labels = []
                    for f in result.failures:
                        entry = explain(case, f)
                        labels.append(("known [%s] " % entry["id"] if entry else "FAIL ") + f.line()[:200])
                    state = "ok" if not result.failures else "; ".join(labels)
                    log("[%d/%d %.0fs] %s %.1fs %s" % (done[0], len(cases), time.monotonic() - started, case.id(),
                                                       result.seconds, state))
                elif done[0] % 25 == 0:
                    log("[%d/%d %.0fs] ..." % (done[0], len(cases), time.monotonic() - started))

    threads = [threading.Thread(target=work, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def report(options, cases, results, seconds, log):
    by_family = {}
    for case in cases:
        by_family[case.family] = by_family.get(case.family, 0) + 1
    failures = [(r, f) for r in results for f in r.failures]
    for result, failure in failures:
        failure.known = explain(result.case, failure)
    unexpected = [(r, f) for r, f in failures if not f.known]
    known = [(r, f) for r, f in failures if f.known]
    ran = set(c.id() for c in cases)
    failed_by_known = {}
    for r, f in known:
        failed_by_known.setdefault(f.known["id"], set()).add(r.case.id())
    stale = []
    for entry in KNOWN_FAILURES:
        witnesses = entry["witnesses"]
        if witnesses and all(w in ran for w in witnesses) and not (failed_by_known.get(entry["id"], set()) & set(witnesses)):
            stale.append(entry)

    def count(kind, among=failures):
        return sum(1 for _, f in among if f.kind == kind)

    form = "long" if options.long else "custom" if (options.kills or options.posts or options.case or options.only) else "short"
    log("")
    log("soak: seed %d, %s form, %s, %d cases in %.0f s" % (options.seed, form, os.path.basename(options.cli), len(cases), seconds))
    log("  cases run       %6d   (%s)" % (len(cases), ", ".join("%s %d" % (f, by_family[f]) for f in FAMILIES if f in by_family)))
    log("  kill points     %6d" % sum(r.kill_points for r in results))
    log("  faulted posts   %6d" % sum(r.faulted_posts for r in results))
    log("  commands run    %6d" % sum(r.commands for r in results))
    for label, kind in (("duplicates", DUPLICATE), ("lost", LOST), ("corrupt", CORRUPT), ("crashes", CRASH),
                        ("hangs", HANG), ("sessions left", SESSION_LEFT)):
        log("  %-15s %6d   (known %d, unexpected %d)" % (label, count(kind), count(kind, known), count(kind, unexpected)))
    others = sorted(set(f.kind for _, f in failures) - {DUPLICATE, LOST, CORRUPT, CRASH, HANG, SESSION_LEFT})
    for kind in others:
        log("  %-15s %6d   (known %d, unexpected %d)" % (kind, count(kind), count(kind, known), count(kind, unexpected)))
    lied = [(r, f) for r in results for f in r.lied]
    log("  %-15s %6d   (fuzzing: losses or duplicates after a fuzzed reply to the change or its look-up;"
        " counted apart)" % ("lied to", len(lied)))
    not_fired = [r for r in results if r.fault_fired is False]
    if not_fired:
        log("  faults that did not fire: %d (the step was not reached that way; not a failure)" % len(not_fired))
        if options.verbose:
            for r in not_fired:
                log("    %s" % r.case.id())
    if known:
        log("")
        log("known failures (issue 16; expected to fail until fixed): %d in %d cases" % (len(known), len(set(r.case.id() for r, _ in known))))
        for entry in KNOWN_FAILURES:
            mine = [(r, f) for r, f in known if f.known is entry]
            if not mine:
                continue
            log("  [%s] %d: %s" % (entry["id"], len(mine), entry["behaviour"]))
            log("      issue: \"%s\"" % entry["issue"])
            for r, f in mine[:3]:
                log("      e.g. %s" % f.line()[:220])
                log("           %s" % reproduction(options, r.case))
    if unexpected:
        log("")
        log("FAILURES (%d in %d cases):" % (len(unexpected), len(set(r.case.id() for r, _ in unexpected))))
        for r, f in unexpected:
            log("  %s" % f.line()[:400])
            log("    seed %d, case %s" % (r.case.seed, r.case.id()))
            log("    reproduce: %s" % reproduction(options, r.case))
            for note in r.notes[:3]:
                log("    note: %s" % note[:200])
    if options.case or options.verbose:
        for r in results:
            if not r.failures and not options.case:
                continue
            log("")
            log("trace of %s:" % r.case.id())
            for line in r.trace:
                log("  " + line[:300])
            for q in r.requests:
                log("  server #%s %s %s %s fault=%s processed=%s result=%s%s" % (
                    q.get("seq"), q.get("interface"), q.get("mode"), q.get("connection"), q.get("fault"),
                    q.get("processed"), q.get("result"), " fuzzed" if q.get("fuzz") else ""))
    if stale:
        log("")
        for entry in stale:
            log("ERROR: known failure [%s] did not fail in its witness case(s): fixed? remove it from KNOWN_FAILURES "
                "(tests/soak/soaklib/known.py)" % entry["id"])
    log("")
    verdict = "PASS" if not unexpected and not stale else "FAIL"
    log("soak: %s (%d unexpected failures, %d known failures, %d stale known entries)" % (verdict, len(unexpected), len(known), len(stale)))
    # The last line carries the figures the issue asks for, known failures included: the promise is
    # kept when all four are 0, whatever KNOWN_FAILURES excuses.
    log("soak totals: seed %d, %d kills, %d faulted posts, %d duplicates, %d lost, %d corrupt, %d crashes, "
        "%d other failures, %.0f s: %s" % (
            options.seed, sum(r.kill_points for r in results), sum(r.faulted_posts for r in results),
            count(DUPLICATE), count(LOST), count(CORRUPT), count(CRASH),
            len(failures) - sum(count(k) for k in (DUPLICATE, LOST, CORRUPT, CRASH)), seconds, verdict))
    if options.case:
        return 0 if not failures else 1
    return 0 if verdict == "PASS" else 1


def main():
    options = arguments()
    own_workdir = not options.workdir
    options.workdir = os.path.abspath(options.workdir or tempfile.mkdtemp(prefix="inkwell-soak-"))
    os.makedirs(options.workdir, exist_ok=True)
    os.chmod(options.workdir, 0o755)

    def log(line):
        print(line, flush=True)

    started = time.monotonic()
    workers = [Worker(options, n) for n in range(options.jobs)]
    try:
        planner = None
        if options.case:
            cases = [Case.parse(c) for c in options.case]
        else:
            log("soak: calibrating (the protocol steps each command makes on a healthy server)...")
            cases, planner, sizes = plan(options, workers[0], log)
        if options.list:
            for case in cases:
                print(case.id())
            return 0
        log("soak: seed %d, %d cases, %d job(s), workdir %s" % (options.seed, len(cases), options.jobs, options.workdir))
        results = run_all(options, workers, cases, log)
        # A delay-based SIGKILL that comes after the command has finished is no kill point: top up
        # with more kill cases (the plan's own continuation, so still from the seed) until the
        # kill points reach the target.
        if planner is not None and (not options.only or "kill" in options.only):
            for _ in range(20):
                missing = sizes["kills"] - sum(r.kill_points for r in results)
                if missing <= 0:
                    break
                more = planner.kill_cases(missing, options.long)
                log("soak: %d kill points short of %d: %d more kill cases" % (missing, sizes["kills"], len(more)))
                cases += more
                results += run_all(options, workers, more, log)
        return report(options, cases, results, time.monotonic() - started, log)
    finally:
        for worker in workers:
            worker.stop()
        if own_workdir:
            shutil.rmtree(options.workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
