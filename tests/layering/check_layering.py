#!/usr/bin/python3
"""Checks the include arrows ARCHITECTURE.md allows, and fails naming each file and line that breaks one.

Usage: check_layering.py --root SOURCE_DIR --qt-headers QT_INCLUDE_DIR [--allow ALLOWLIST]

Every C++ file under core/ and ui/ is read for its #include lines (and, in ui/, for forward
declarations of the classes it must not touch, and for what it constructs). The rules:

  core/protocol  must not include store/, account/, sync/, friends/
  core/store     must not include protocol/, account/, sync/, friends/
  core/journal   includes journal/, QtCore and the C++ standard library, nothing else
  core/          no QtWidgets or QtGui header (core has no widgets)
  ui/            not protocol/LjClient.h and no QtNetwork header (QNetworkAccessManager...):
                 widgets ask core services and never talk to the network themselves
  ui/            constructs no core service or client (`new X`, make_unique/make_shared<X>, or a
                 variable or member X held by value), where X is a class with Q_OBJECT declared in
                 a core/ header outside journal/ and store/: the composition root
                 (core/app/ProfileServices) builds those, and widgets get references

An include "a/b.h" is looked up as the compiler would: beside the file, then in ui/ (for ui files),
then in core/. A Qt header is placed in its module by the folder of QT_INCLUDE_DIR that holds it.

The allow-list holds arrows that are known and may not yet go (one `path: include` a line, with a
comment saying why). An arrow on the list is reported as allowed; an entry that matches nothing is
an error, so the list can only shrink. Exit status: 0 clean, 1 violations, 2 usage error.
"""

import argparse
import os
import re
import sys

SOURCE_SUFFIXES = (".h", ".hpp", ".cpp", ".cc")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
# Forward declarations a widget would write to hold one without including it.
DECLARATION = re.compile(r"^\s*class\s+(QNetworkAccessManager|LjClient)\s*;")
# A class definition's head (a forward declaration ends with ';' on its line).
CLASS_HEAD = re.compile(r"^\s*class\s+(\w+)\b")
# Ways to construct an object of a class: new, the standard factories, a variable or member by value.
CONSTRUCTIONS = (
    re.compile(r"\bnew\s+(?:Inkwell::)?(\w+)\s*[({]"),
    re.compile(r"\bmake_(?:unique|shared)\s*<\s*(?:Inkwell::)?(\w+)\s*>"),
    re.compile(r"^\s*(?:static\s+)?(?:const\s+)?(?:Inkwell::)?(\w+)\s+\w+\s*[({;=]"),
)
# Core layers whose classes are values and stores, which a widget may make for itself.
NOT_SERVICES = ("journal", "store")

PROTOCOL_MUST_NOT = ("store", "account", "sync", "friends")
STORE_MUST_NOT = ("protocol", "account", "sync", "friends")
CORE_FORBIDDEN_QT = ("QtWidgets", "QtGui")


class QtModules:
    """Which Qt module a header such as <QWidget> or <QtNetwork/QNetworkReply> belongs to."""

    def __init__(self, include_dir):
        self.by_header = {}
        if not include_dir or not os.path.isdir(include_dir):
            raise SystemExit(f"check_layering: no Qt include folder at {include_dir!r}")
        for module in sorted(os.listdir(include_dir)):
            folder = os.path.join(include_dir, module)
            if module.startswith("Qt") and os.path.isdir(folder):
                for header in os.listdir(folder):
                    self.by_header.setdefault(header, module)

    def module(self, name):
        first, _, rest = name.partition("/")
        if rest and first.startswith("Qt"):
            return first
        return self.by_header.get(name)


def area_of(relpath):
    """('core', 'protocol'), ('ui', 'editor'), ... for a path relative to the source root."""
    parts = relpath.split("/")
    if len(parts) >= 3 and parts[0] in ("core", "ui"):
        return parts[0], parts[1]
    return None


def resolve(root, relpath, name):
    """The area an #include "name" in relpath reaches, or None (generated files, unknown)."""
    top = relpath.split("/")[0]
    candidates = [os.path.join(os.path.dirname(relpath), name)]
    if top == "ui":
        candidates.append(os.path.join("ui", name))
    candidates.append(os.path.join("core", name))
    for candidate in candidates:
        candidate = os.path.normpath(candidate)
        if os.path.isfile(os.path.join(root, candidate)):
            return area_of(candidate.replace(os.sep, "/"))
    # Not on disk (a fixture, a file about to be written): go by the first folder of the name.
    first = name.split("/")[0]
    if "/" in name:
        for base in (["ui", "core"] if top == "ui" else ["core"]):
            if os.path.isdir(os.path.join(root, base, first)):
                return base, first
    return None


def is_standard_header(name):
    # <optional>, <algorithm>, <cstdint>: no folder, no suffix, not Qt's.
    return "/" not in name and "." not in name and not name.startswith("Q")


def check_include(area, quoted, name, target, qt):
    """A sentence naming the broken rule, or None when the include is allowed."""
    top, layer = area
    module = None if quoted else qt.module(name)
    if top == "core":
        if layer == "protocol" and target and target[0] == "core" and target[1] in PROTOCOL_MUST_NOT:
            return f"protocol must not include {target[1]}/"
        if layer == "store" and target and target[0] == "core" and target[1] in STORE_MUST_NOT:
            return f"store must not include {target[1]}/"
        if module in CORE_FORBIDDEN_QT:
            return f"core must not include {module} (no widgets in core)"
        if layer == "journal":
            if quoted and target != ("core", "journal"):
                where = f"{target[0]}/{target[1]}/" if target else "outside journal/"
                return f"journal includes only journal/ and QtCore, not {where}"
            if not quoted and module != "QtCore" and not is_standard_header(name):
                return f"journal includes only journal/ and QtCore, not {module or name}"
    elif top == "ui":
        if quoted and target == ("core", "protocol") and name.endswith("LjClient.h"):
            return "ui must not include the protocol client (LjClient): it asks core services"
        if module == "QtNetwork":
            return "ui must not include QtNetwork (QNetworkAccessManager...): core fetches for it"
    return None


def source_files(root):
    for top in ("core", "ui"):
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for file in sorted(files):
                if file.endswith(SOURCE_SUFFIXES):
                    yield os.path.relpath(os.path.join(folder, file), root).replace(os.sep, "/")


def service_classes(root):
    """The core classes a widget must be given: those with Q_OBJECT in a core/ header outside
    journal/ and store/ (services, clients, the composition root)."""
    names = set()
    for relpath in source_files(root):
        area = area_of(relpath)
        if not area or area[0] != "core" or area[1] in NOT_SERVICES or not relpath.endswith((".h", ".hpp")):
            continue
        current = None
        with open(os.path.join(root, relpath), encoding="utf-8", errors="replace") as file:
            for line in file:
                head = CLASS_HEAD.match(line)
                if head and not line.split("//", 1)[0].rstrip().endswith(";"):
                    current = head.group(1)
                elif current and "Q_OBJECT" in line:
                    names.add(current)
    return names


def constructed(line, services):
    """The core services or clients a line of ui/ code constructs."""
    code = line.split("//", 1)[0]
    return [name for pattern in CONSTRUCTIONS for name in pattern.findall(code) if name in services]


def find_violations(root, qt):
    """(relpath, line number, included name, reason) for every forbidden arrow under root."""
    found = []
    services = service_classes(root)
    for relpath in source_files(root):
        area = area_of(relpath)
        if not area:
            continue
        with open(os.path.join(root, relpath), encoding="utf-8", errors="replace") as file:
            for number, line in enumerate(file, 1):
                match = INCLUDE.match(line)
                if match:
                    quoted = match.group(1) == '"'
                    name = match.group(2).strip()
                    target = resolve(root, relpath, name) if quoted else None
                    reason = check_include(area, quoted, name, target, qt)
                    if reason:
                        found.append((relpath, number, name, reason))
                elif area[0] == "ui":
                    declared = DECLARATION.match(line)
                    if declared:
                        name = declared.group(1)
                        found.append((relpath, number, name, f"ui must not hold a {name}: it asks core services"))
                    for name in constructed(line, services):
                        found.append((relpath, number, name,
                                      f"ui must not construct a core service or client ({name}): the "
                                      "composition root (ProfileServices) builds it, widgets get a reference"))
    return found


def read_allowlist(path):
    """{(relpath, included name): line number in the list}."""
    allowed = {}
    if not path:
        return allowed
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            entry = line.split("#", 1)[0].strip()
            if not entry:
                continue
            relpath, sep, name = entry.partition(":")
            if not sep or not name.strip():
                raise SystemExit(f"{path}:{number}: expected 'path: include', got {entry!r}")
            allowed[(relpath.strip(), name.strip())] = number
    return allowed


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the source tree (holds core/ and ui/)")
    parser.add_argument("--qt-headers", required=True, help="Qt's include folder (holds QtCore/, ...)")
    parser.add_argument("--allow", help="the allow-list of known arrows")
    args = parser.parse_args(argv)

    qt = QtModules(args.qt_headers)
    allowed = read_allowlist(args.allow)
    used = set()
    failures = 0
    for relpath, number, name, reason in find_violations(args.root, qt):
        if (relpath, name) in allowed:
            used.add((relpath, name))
            print(f"{relpath}:{number}: allowed: {name}: {reason}")
        else:
            failures += 1
            print(f"{relpath}:{number}: error: {name}: {reason}")
    for (relpath, name), number in sorted(allowed.items(), key=lambda item: item[1]):
        if (relpath, name) not in used:
            failures += 1
            print(f"{args.allow}:{number}: error: {relpath}: {name} is allowed but no longer there: "
                  "remove it from the list")
    if failures:
        print(f"{failures} forbidden include(s); see ARCHITECTURE.md and tests/layering/check_layering.py")
        return 1
    print("layering: every include follows the allowed arrows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
