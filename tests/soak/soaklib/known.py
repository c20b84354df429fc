"""KNOWN_FAILURES: what the client does not survive yet, each named by the client's behaviour and the
line of issue 16 that describes it. A failure one of these explains is reported apart, as expected
to fail until fixed; each entry's witness cases always run, and an entry whose witnesses all pass is
an error ("fixed? remove it from KNOWN_FAILURES"). Keep this list as short as the truth allows:
everything not explained here must pass.

A matcher names the failure kind and what in the case or the failure ties it to that bug, never a
whole family or command: a known entry must not hide a duplicate or a loss of another cause."""

from .cases import MIRROR, READONLY, RECOVERY, UNNOTICED


def _read_only_profile(case, failure):
    return case.family == "readonly" and failure.kind == READONLY and "not an Inkwell journal database" in failure.detail


def _damaged_database(case, failure):
    return case.family == "damage" and failure.kind == UNNOTICED


def _bad_time_poisons_cursor(case, failure):
    # The reply's "time" that is not a date becomes the stored cursor: the server refuses every later
    # syncitems/getevents with 203. Only after a bad_time fault or a fuzzed (mutated) reply.
    caused = (case.family == "fault" and case.get("kind") == "bad_time") or case.family == "fuzz"
    return caused and failure.kind == RECOVERY and "(error 203, permanent)" in failure.detail


def _edit_during_interrupted_sync(case, failure):
    # Only the other client's edit made while the command ran ("during the command" is in its text):
    # a mirror difference of any other entry is a failure. Any command: a killed `post` in a chain
    # with a killed sync shows it too (seed 1, kill/lj/flat/challenge/post/...ms=24/s516406).
    detail = failure.detail
    return (failure.kind == MIRROR and "Edited by another client during the command" in detail
            and detail.startswith("after a clean sync: 1 fields differ") and "missing" not in detail
            and "only in the mirror" not in detail)


KNOWN_FAILURES = [
    {
        "id": "read-only-profile",
        "issue": "A read-only profile is called \"not an Inkwell journal database\" even for read-only commands.",
        "behaviour": "export and outbox on a read-only profile exit 1",
        "match": _read_only_profile,
        "witnesses": ["readonly/dw/xmlrpc/hpassword/export/what=profile/s126582"],
    },
    {
        "id": "damaged-database-unnoticed",
        "issue": "A damaged database is not noticed",
        "behaviour": "export of a database failing quick_check exits 0 with entries missing; post carries on "
                     "writing into it",
        "match": _damaged_database,
        "witnesses": ["damage/dw/xmlrpc/cookie/export/bytes=512,where=entries/s800569",
                      "damage/dw/flat/cookie/post/bytes=512,where=entries/s159040"],
    },
    {
        "id": "bad-time-poisons-sync",
        "issue": "One bad syncitems reply poisons every later sync",
        "behaviour": "a getevents/syncitems time that is not a date is stored as the cursor; every later sync "
                     "fails with error 203 against a healthy server",
        "match": _bad_time_poisons_cursor,
        "witnesses": ["fault/lj/xmlrpc/cookie/fullsync/kind=bad_time,step=getevents#12/s874756"],
    },
    {
        "id": "edit-during-interrupted-sync",
        "issue": "Each ends with: database integrity, mirror equals server (found by this suite: "
                 "not yet a line of the issue)",
        "behaviour": "an entry another client edits while a sync is interrupted (kill -9, or a fault that "
                     "ends it) is not fetched by the next clean sync; the sync after that fetches it",
        "match": _edit_during_interrupted_sync,
        "witnesses": ["kill/dw/flat/hpassword/sync/how=stall,step=getevents#1/s614188"],
    },
]


def explain(case, failure):
    """The KNOWN_FAILURES entry that explains `failure` in `case`, or None."""
    for entry in KNOWN_FAILURES:
        try:
            if entry["match"](case, failure):
                return entry
        except Exception:  # noqa: BLE001 - a broken matcher explains nothing
            continue
    return None
