#!/usr/bin/env python3
"""Fails when a translation is not finished: a string of the sources that a .ts file lacks or
has not translated, a translation of a string the sources no longer have, placeholders (%1, %n)
or a keyboard mnemonic (&File) lost in translation.

usage: check_translations.py LUPDATE SOURCE_LIST TS_FILE... [-- LUPDATE_OPTION...]

lupdate runs on copies of the .ts files, so the check sees exactly what `update_translations`
would change, and the tree is left as it is.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(\d+|n)")
MNEMONIC = re.compile(r"&(?!&|amp;|quot;|lt;|gt;|apos;)\w")


def placeholders(text):
    return set(PLACEHOLDER.findall(text or ""))


def has_mnemonic(text):
    return bool(MNEMONIC.search((text or "").replace("&&", "")))


def message_problems(language, context, message):
    source = message.findtext("source") or ""
    where = f"{context}: \"{source[:70]}\""
    translation = message.find("translation")
    kind = translation.get("type", "") if translation is not None else "unfinished"
    if kind in ("vanished", "obsolete"):
        return [f"{where}: no longer in the sources (run the update_translations target)"]
    if kind == "unfinished":
        return [f"{where}: not translated"]
    numerus = message.get("numerus") == "yes"
    forms = [f.text or "" for f in translation.findall("numerusform")] if numerus else [translation.text or ""]
    if any(not form.strip() for form in forms):
        return [f"{where}: a plural form is empty"]
    problems = []
    wanted = placeholders(source) - {"n"}
    for form in forms:
        if placeholders(form) - {"n"} != wanted:
            problems.append(f"{where}: placeholders {sorted(wanted)} become {sorted(placeholders(form) - {'n'})}")
            break
    # Every form but a language's singular may stand for several numbers (Russian's "one" is
    # also 21, 31, ...), so each must say which.
    if numerus:
        must_count = forms if language == "ru" else forms[1:]
        if any("%n" not in form for form in must_count):
            problems.append(f"{where}: a plural form does not say %n")
    if has_mnemonic(source) and not all(has_mnemonic(form) for form in forms):
        problems.append(f"{where}: the keyboard mnemonic (&) is lost")
    return problems


def check(path):
    root = ET.parse(path).getroot()
    language = (root.get("language") or "").split("_")[0]
    problems = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            problems += message_problems(language, name, message)
    return problems


def main(argv):
    if "--" in argv:
        split = argv.index("--")
        argv, options = argv[:split], argv[split + 1:]
    else:
        options = []
    lupdate, source_list, ts_files = argv[1], argv[2], argv[3:]
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        for ts in ts_files:
            copy = os.path.join(work, os.path.basename(ts))
            shutil.copyfile(ts, copy)
            extra = ["-pluralonly"] if copy.endswith("_en.ts") else []
            run = subprocess.run([lupdate, "-locations", "none", "-silent", *options, *extra,
                                  "@" + source_list, "-ts", copy], capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{ts}: lupdate failed:\n{run.stderr}")
                failures += 1
                continue
            problems = check(copy)
            for problem in problems:
                print(f"{os.path.basename(ts)}: {problem}")
            print(f"{os.path.basename(ts)}: {len(problems)} problem(s)")
            failures += len(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
