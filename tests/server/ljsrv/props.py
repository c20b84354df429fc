"""Entry metadata properties (REFERENCE §6).

Each prop has a datatype (bool: "0"/"1"; num: digits; char: free text trimmed to 255 bytes / 100
characters) and an owner. Dreamwidth marks server-maintained props ``system``: a client sending one
gets 205 there. Classic LiveJournal knows the server props too but ignores client values for them.
"""

import re

# name: (datatype, sites that know it, system-owned on DW)
PROPS = {
    "current_mood": ("char", "lj dw", False),
    "current_moodid": ("num", "lj dw", False),
    "current_music": ("char", "lj dw", False),
    "current_location": ("char", "lj dw", False),
    "current_coords": ("char", "lj dw", False),
    "taglist": ("char", "lj dw", False),
    "picture_keyword": ("char", "lj dw", False),
    "opt_backdated": ("bool", "lj dw", False),
    "opt_preformatted": ("bool", "lj dw", False),
    "opt_nocomments": ("bool", "lj dw", False),
    "opt_noemail": ("bool", "lj dw", False),
    "opt_screening": ("char", "lj dw", False),
    "adult_content": ("char", "lj dw", False),
    "adult_content_reason": ("char", "dw", False),
    "admin_post": ("bool", "dw", False),
    "editor": ("char", "dw", False),
    "used_rte": ("bool", "lj dw", False),
    "useragent": ("char", "lj dw", False),
    "interface": ("char", "dw", False),
    "import_source": ("char", "dw", False),
    "syn_id": ("char", "lj dw", False),
    "syn_link": ("char", "lj dw", False),
    "unknown8bit": ("bool", "lj dw", False),
    "xpost": ("char", "dw", False),
    "xpostdetail": ("char", "dw", False),
    "revnum": ("num", "lj dw", True),
    "revtime": ("num", "lj dw", True),
    "commentalter": ("num", "lj dw", True),
    "hasscreened": ("bool", "lj dw", True),
    "picture_mapid": ("num", "dw", True),
    "statusvis": ("char", "dw", True),
    "opt_nocomments_maintainer": ("bool", "dw", True),
    "adult_content_maintainer": ("char", "dw", True),
    "adult_content_maintainer_reason": ("char", "dw", True),
    "qotdid": ("num", "lj", False),
    "sms_msgid": ("num", "lj", False),
    "verticals_list": ("char", "lj", False),
    "admin_content_flag": ("char", "lj", False),
}

# Props the server maintains itself (kept in entry columns, not in the props table).
SERVER_PROPS = ("revnum", "revtime", "commentalter", "hasscreened", "picture_mapid", "statusvis",
                "opt_nocomments_maintainer", "adult_content_maintainer",
                "adult_content_maintainer_reason")


def lookup(name, flavor):
    """(datatype, system) for a prop known on this site, else None."""
    spec = PROPS.get(name)
    if spec is None or flavor not in spec[1].split():
        return None
    return spec[0], (spec[2] and flavor == "dw")


_COORD_RE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*([NS]?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*([EW]?)\s*$", re.I)


def valid_coords(value):
    """current_coords such as ``45.2935N 123.3452W`` or ``45.29, -123.34``."""
    m = _COORD_RE.match(value)
    if not m:
        return False
    lat, lon = float(m.group(1)), float(m.group(3))
    return abs(lat) <= 90 and abs(lon) <= 180
