"""KNOWN_FAILURES: what the client does not survive yet, each named by the client's behaviour and the
line of issue 16 that describes it. A failure one of these explains is reported apart, as expected
to fail until fixed; each entry's witness cases always run, and an entry whose witnesses all pass is
an error ("fixed? remove it from KNOWN_FAILURES"). Keep this list as short as the truth allows:
everything not explained here must pass.

A matcher names the failure kind and what in the case or the failure ties it to that bug, never a
whole family or command: a known entry must not hide a duplicate or a loss of another cause."""

from .cases import MIRROR


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
        "id": "edit-during-interrupted-sync",
        "issue": "Each ends with: database integrity, mirror equals server (found by this suite: "
                 "not yet a line of the issue)",
        "behaviour": "an entry another client edits while a command is interrupted (kill -9, or a fault "
                     "that ends it) is not fetched by the next clean sync; the sync after that fetches it",
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
