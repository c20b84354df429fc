"""``--preset dw-http-transcripts``: the state the header-complete recordings start from
(tests/data/transcripts-http/README.txt, "Accounts").

* ljalice (id 2, "Alice"), ljbob (3, "Bob"; free - the recording made him paid at 02:10:40, which the
  replay does with ``POST /__control/account``), ljcarol (4), the community ljcomm (5, maintained and
  watched by ljalice), ljerin (6, "Erin"), ljfrank (7), each with the API key of that README;
  ljcarol trusts ljalice (getcircle's trustedbys, modes/031).
* ljalice's itemid 1 ("pic kw", posted 2026-12-07 01:55:38 with an icon keyword) and ljcomm's itemids 1-3
  (posted by ljalice at 01:51:06-01:51:22), with the anums the recordings show.
* The next session ids are those the recording hands out next (ljalice s33, ljbob s3, ljfrank s7), so
  session strings differ from the recorded ones only in their random auth part.
"""

from .clock import parse_datetime
from .seed import create_community, create_user, insert_entries

HTTP_TRANSCRIPT_ACCOUNTS = [
    # name, password, API key, full name, next session id
    ("ljalice", "alicepass1", "W5bfJt5IoMPufBbiH0BbdPvxPgteNSMf", "Alice", 33),
    ("ljbob", "bobpass22", "oNl6eICdJuq8b6jEhJMukzKFwcPkEsWy", "Bob", 3),
    ("ljcarol", "carolpass3", "FNJ4FGSszhuiEZbYgZgKC4B9Hbvo7W4m", "Carol", 1),
    None,   # ljcomm (userid 5)
    ("ljerin", "erinpass55", "yx3Wps3wXgXGF26623VNXmKGBZPvLx1J", "Erin", 1),
    ("ljfrank", "frankpass66", "yeAmTTsvV02XXVDxtJkciyGsq7gSNSlM", "Frank", 7),
]

COMMUNITY_BODY = "Community post body\nline 2 \u2014 \u0441\u0442\u0440\u043e\u043a\u0430 \u0434\u0432\u0430 \U0001f9ea"


def apply(app):
    db = app.db
    with db.transaction():
        ids = {}
        for account in HTTP_TRANSCRIPT_ACCOUNTS:
            if account is None:
                ids["ljcomm"] = create_community(db, "ljcomm", "ljalice", fullname="ljcomm")
                continue
            name, password, key, fullname, next_sessid = account
            ids[name] = create_user(db, name, password, [key], fullname=fullname)
            db.execute("UPDATE users SET next_sessid = ? WHERE userid = ?", (next_sessid, ids[name]))
        db.execute("INSERT OR REPLACE INTO edges (userid, targetid, trust, trustmask, watch) VALUES (?, ?, 1, 1, 0)",
                   (ids["ljcarol"], ids["ljalice"]))
        alice, comm = ids["ljalice"], ids["ljcomm"]
        insert_entries(db, alice, [(1, alice, 70, "2026-12-07 01:55:00", parse_datetime("2026-12-07 01:55:38"),
                                    "public", 0, "pic kw", "userpic keyword test", None, 0, None)],
                       props=[(1, "picture_mapid", "2"), (1, "picture_keyword", "\u043a\u0440\u0430\u0441\u043d\u044b\u0439")])
        insert_entries(db, comm, [
            (1, alice, 251, "2026-12-07 01:51:00", parse_datetime("2026-12-07 01:51:06"), "public", 0,
             "\u041a\u043e\u043c\u044c\u044e\u043d\u0438\u0442\u0438 \u2728 axh", COMMUNITY_BODY, None, 0, None),
            (2, alice, 67, "2026-12-07 01:51:00", parse_datetime("2026-12-07 01:51:07"), "public", 0,
             "\u041a\u043e\u043c\u044c\u044e\u043d\u0438\u0442\u0438 \u2728 afcS", COMMUNITY_BODY, None, 0, None),
            (3, alice, 148, "2026-12-07 01:51:00", parse_datetime("2026-12-07 01:51:22"), "public", 0,
             "\u041a\u043e\u043c\u044c\u044e\u043d\u0438\u0442\u0438 \u2728 afc", COMMUNITY_BODY, None, 0, None),
        ], props=[(1, "taglist", "a, b"), (1, "current_mood", "happy")],
            tags=[(1, "a"), (1, "b")])
