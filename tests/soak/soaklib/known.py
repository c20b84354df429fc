"""KNOWN_FAILURES: what the client does not survive yet, each named by the client's behaviour and the
line of issue 16 that describes it. A failure one of these explains is reported apart, as expected
to fail until fixed; each entry's witness cases always run, and an entry whose witnesses all pass is
an error ("fixed? remove it from KNOWN_FAILURES"). Keep this list as short as the truth allows:
everything not explained here must pass.

A matcher names the failure kind and what in the case or the failure ties it to that bug, never a
whole family or command: a known entry must not hide a duplicate or a loss of another cause."""

KNOWN_FAILURES = []


def explain(case, failure):
    """The KNOWN_FAILURES entry that explains `failure` in `case`, or None."""
    for entry in KNOWN_FAILURES:
        try:
            if entry["match"](case, failure):
                return entry
        except Exception:  # noqa: BLE001 - a broken matcher explains nothing
            continue
    return None
