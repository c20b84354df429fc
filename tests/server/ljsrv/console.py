"""A few harmless admin-console commands for ``consolecommand`` (REFERENCE §3.14).

``help`` (texts copied from the real Dreamwidth server, transcripts flat/115 and xmlrpc/075),
``print``, ``ban_list``, ``ban_set``, ``ban_unset`` (transcripts xmlrpc/076, flat/149) and
``community <comm> add|remove <user>``. The other commands ``help`` lists exist on the real site
but answer an error here. Output lines are (type, text) with types info / success / error.
"""

import shlex

from .auth import is_admin, load_user
from .text import canonical_username

HELP_LIST = [
    "ban_list: Lists users who are banned from an account. Requires priv:",
    "\t  none.",
    "ban_set: Ban another user from posting in your journal or community.",
    "\t Requires priv: none.",
    "ban_unset: Remove a ban on a user. Requires priv: none.",
    "community: Add or remove a user from a community. Requires priv: none.",
    "help: Get help on console commands. Requires priv: none.",
    "moodtheme_create: Create a new moodtheme. Returns the mood theme ID",
    "\t\t  that you'll need to define moods for this theme.",
    "\t\t  Requires priv: none.",
    "moodtheme_list: List mood themes, or data about a mood theme. Requires",
    "\t\tpriv: none.",
    "moodtheme_setpic: Change data for a mood theme. If picurl, width, or",
    "\t\t  height is empty or zero, the data is deleted.",
    "\t\t  Requires priv: none.",
    "print: This is a debugging function. Given any number of arguments,",
    "       it'll print each one back to you. If an argument begins with a",
    "       bang (!), then it'll be printed to the error stream instead.",
    "       Requires priv: none.",
    "priv: Grant or revoke user privileges, or list available privileges and",
    "      their arguments. Requires priv: admin.",
    "set: Set the value of a userprop. Requires priv: none.",
    "tag_display: Set tag visibility to S2. Requires priv: none.",
    "tag_permissions: Set tagging permission levels for an account. Requires",
    "\t\t priv: none.",
]

# Per-command help: usage line, then the description wrapped at 70 columns with a 2-space indent.
HELP_DETAIL = {
    "print": ["print ...",
              "  This is a debugging function. Given any number of arguments, it'll",
              "  print each one back to you. If an argument begins with a bang (!),",
              "  then it'll be printed to the error stream instead. Requires priv:",
              "  none."],
    "ban_list": ["ban_list [ \"from\" <user> ]",
                 "  Lists users who are banned from an account. Requires priv: none."],
    "ban_set": ["ban_set <user> [ \"from\" <community> ]",
                "  Ban another user from posting in your journal or community. Requires",
                "  priv: none."],
    "ban_unset": ["ban_unset <user> [ \"from\" <community> ]",
                  "  Remove a ban on a user. Requires priv: none."],
    "community": ["community <community> <action> <user>",
                  "  Add or remove a user from a community. Requires priv: none."],
    "help": ["help [ <command> ]",
             "  Get help on console commands. Requires priv: none."],
}

UNSUPPORTED = ("moodtheme_create", "moodtheme_list", "moodtheme_setpic", "priv", "set", "tag_display",
               "tag_permissions")


def parse_line(line):
    try:
        return shlex.split(line)
    except ValueError:
        return line.split()


def run(ctx, remote, command):
    """Run one command (a string or a pre-split list). Returns (success, [(type, text), ...])."""
    args = list(command) if isinstance(command, list) else parse_line(command or "")
    args = [a if isinstance(a, str) else "" for a in args]
    if not args:
        return 1, []
    name, args = args[0], args[1:]
    handler = _COMMANDS.get(name)
    if handler is None:
        if name in UNSUPPORTED:
            return 0, [("error", "The command '%s' is not available on this test server." % name)]
        # The real server reports success for an unknown command (transcripts xmlrpc/084).
        return 1, [("error", "There is no such command '%s'." % name)]
    return handler(ctx, remote, args)


def _help(ctx, remote, args):
    if not args:
        return 1, [("info", line) for line in HELP_LIST]
    detail = HELP_DETAIL.get(args[0])
    if detail is None:
        return 0, [("error", "There is no such command '%s'." % args[0])]
    return 1, [("info", line) for line in detail + ["  --------"]]


def _print(ctx, remote, args):
    out = [("info", "Welcome to 'print'!")]
    for arg in args:
        out.append(("error" if arg.startswith("!") else "info", arg))
    return 1, out


def _journal_arg(ctx, remote, args):
    """The journal a ban command acts on: yours, or ``from <community>`` you administer."""
    db = ctx.app.db
    if len(args) >= 2 and args[-2] == "from":
        journal = load_user(db, canonical_username(args[-1]) or "")
        if journal is None:
            return None, args, "Unknown account: %s" % args[-1]
        if journal["userid"] != remote["userid"] and not is_admin(db, journal["userid"], remote["userid"]):
            return None, args, "You are not a maintainer of %s." % journal["user"]
        return journal, args[:-2], None
    return remote, args, None


def _need_remote(remote):
    if remote is None:
        return 0, [("error", "You must be logged in to run this command.")]
    return None


def _ban_list(ctx, remote, args):
    denied = _need_remote(remote)
    if denied:
        return denied
    journal, args, problem = _journal_arg(ctx, remote, args)
    if problem:
        return 0, [("error", problem)]
    rows = ctx.app.db.all("SELECT u.user FROM bans b JOIN users u ON u.userid = b.bannedid "
                          "WHERE b.journalid = ? ORDER BY u.user", (journal["userid"],))
    if not rows:
        return 1, [("info", "%s has not banned any other users." % journal["user"])]
    return 1, [("info", row[0]) for row in rows]


def _ban_change(ban):
    def handler(ctx, remote, args):
        denied = _need_remote(remote)
        if denied:
            return denied
        journal, args, problem = _journal_arg(ctx, remote, args)
        if problem:
            return 0, [("error", problem)]
        if len(args) != 1:
            return 0, [("error", "This command takes one argument: the user to %s." % ("ban" if ban else "unban"))]
        target = load_user(ctx.app.db, canonical_username(args[0]) or "")
        if target is None:
            return 0, [("error", "Invalid user %s" % args[0])]
        with ctx.app.db.transaction():
            if ban:
                ctx.app.db.execute("INSERT OR IGNORE INTO bans (journalid, bannedid) VALUES (?, ?)",
                                   (journal["userid"], target["userid"]))
            else:
                ctx.app.db.execute("DELETE FROM bans WHERE journalid = ? AND bannedid = ?",
                                   (journal["userid"], target["userid"]))
        verb = "banned" if ban else "unbanned"
        return 1, [("success", "User %s %s from %s" % (target["user"], verb, journal["user"]))]
    return handler


def _community(ctx, remote, args):
    denied = _need_remote(remote)
    if denied:
        return denied
    if len(args) != 3 or args[1] not in ("add", "remove"):
        return 0, [("error", "Usage: community <community> add|remove <user>")]
    db = ctx.app.db
    comm = load_user(db, canonical_username(args[0]) or "")
    target = load_user(db, canonical_username(args[2]) or "")
    if comm is None or comm["journaltype"] != "C":
        return 0, [("error", "Unknown community: %s" % args[0])]
    if target is None:
        return 0, [("error", "Invalid user %s" % args[2])]
    if not is_admin(db, comm["userid"], remote["userid"]) and target["userid"] != remote["userid"]:
        return 0, [("error", "You cannot add or remove users in %s." % comm["user"])]
    with db.transaction():
        if args[1] == "add":
            db.execute("INSERT OR IGNORE INTO members (commid, userid, admin) VALUES (?, ?, 0)",
                       (comm["userid"], target["userid"]))
            return 1, [("success", "User %s added to %s" % (target["user"], comm["user"]))]
        db.execute("DELETE FROM members WHERE commid = ? AND userid = ?", (comm["userid"], target["userid"]))
        return 1, [("success", "User %s removed from %s" % (target["user"], comm["user"]))]


_COMMANDS = {
    "help": _help,
    "print": _print,
    "ban_list": _ban_list,
    "ban_set": _ban_change(True),
    "ban_unset": _ban_change(False),
    "community": _community,
}
