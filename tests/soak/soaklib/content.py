"""What the soak posts: ordinary kinds of content, each a subject, a body and options for
`inkwell-cli post`/`edit`. Every subject starts with a marker, unique per queued change, by which the
harness finds the change among the server's arrivals and entries (the marker survives every
normalisation the servers apply: it has no spaces, line breaks or characters to trim).

The kinds the issue names as stored differently from what was sent ("servers drop every CR, turn
line breaks in subjects and props into spaces, trim prop values, de-duplicate tags and cut them at
40 characters, drop unknown userpic keywords, omit props equal to 0 and trim long subjects") are
marked `normalised`: the server's copy differs from what the client holds."""

KINDS = {
    # name: (subject after the marker, body, extra options, normalised by the server)
    "plain": (" a plain entry", "A plain entry.\nIts second line.", [], False),
    "html": (" html", "<p>Para <b>bold</b> and <a href=\"https://example.org/\">a link</a>.</p>\n<ul><li>one</li></ul>",
             [], False),
    "unicode": (" Ünïcødé ✓ 日本", "Grüße aus Köln 🎉 — «quoted» ½\nZweite Zeile.", [], False),
    "private": (" private", "Only for me.", ["--security", "private"], False),
    "friends": (" friends", "For my friends.", ["--security", "friends"], False),
    "past_date": (" dated", "An entry with its own date.", ["--date", "2019-05-06 07:08"], False),
    "backdated": (" backdated", "Backdated.", ["--date", "2015-03-04 05:06", "--backdate"], False),
    "mood_music": (" mood", "With mood and music.",
                   ["--prop", "current_mood=happy", "--prop", "current_music=Some Song"], False),
    "tags": (" tags", "With two tags.", ["--prop", "taglist=travel, food"], False),
    "outer_space": (" spaced ", "\n\n   Text with blank lines around it.   \n\n", [], False),
    "crlf": (" crlf", "Line one\r\nLine two\r\n\r\nLine four", [], True),
    "subject_newline": (" first line\nsecond line", "Subject with a line break.", [], True),
    "prop_newline": (" prop newline", "A prop with a line break.", ["--prop", "current_music=line one\nline two"], True),
    "prop_spaces": (" prop spaces", "A prop with outer spaces.", ["--prop", "current_location=  Paris  "], True),
    "tags_duplicate": (" duplicate tags", "Tags given twice.", ["--prop", "taglist=travel, Travel, food, travel"], True),
    "tags_long": (" long tag", "A tag over 40 characters.", ["--prop", "taglist=" + "t" * 55 + ", short"], True),
    "userpic_unknown": (" unknown userpic", "A keyword the server does not know.",
                        ["--prop", "picture_keyword=no such picture"], True),
    "prop_zero": (" prop zero", "A prop equal to 0.", ["--prop", "opt_nocomments=0"], True),
    "long_subject": (" " + "long subject " * 30, "A subject longer than the server keeps.", [], True),
}

ORDINARY = [k for k, v in KINDS.items() if not v[3]]
NORMALISED = [k for k, v in KINDS.items() if v[3]]


def kinds_for(flavour):
    """What each flavour accepts: Dreamwidth refuses a subject over 100 characters (error 411) instead
    of trimming it, and LiveJournal refuses an entry dated before the journal's newest one unless it is
    backdated (error 153): refusals of the entry, not faults, so those kinds are tried where they pass."""
    return [k for k in KINDS if not (flavour == "dw" and k == "long_subject")
            and not (flavour == "lj" and k == "past_date")]


def entry(kind, marker):
    subject, body, options, _ = KINDS[kind]
    return "[%s]%s" % (marker, subject), body, list(options)
