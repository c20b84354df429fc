"""The few web pages of the site a protocol client meets (tests/data/transcripts-http): the comment
exporter ``/export_comments``, the front page, journal pages, the login page the exporter redirects to,
and the site's 404 page. The HTML is a small stand-in for the real site's pages (the status, the headers
and the content type are what clients depend on).

``/export_comments?get=comment_meta|comment_body&startid=N[&numitems=M][&props=1][&authas=user]``
(comments/021-050) is a web page: it authenticates with the session cookie alone (ljmastersession +
ljloggedin, or ljsession; no X-LJ-Auth) and without one answers ``302`` to the relative
``/login?returnto=<url-encoded path>`` with an empty body. This server keeps no comments, so the XML is
always the shape of a journal without comments (``<maxid>0</maxid>`` and empty lists), which is what the
real server answers for such a journal (comments/041); unknown ``get`` values and journals the user may
not export give the site's HTML error page with status 200 (comments/038).
"""

import html
import urllib.parse

from .auth import is_admin, load_user
from .clock import format_datetime
from .text import canonical_username, from_bytes

HTML_TYPE = "text/html; charset=utf-8"
XML_TYPE = "text/xml; charset=utf-8"


def _page(title, body):
    return ("\n <!DOCTYPE html>\n<html lang=\"en\" class=\"no-js\">\n    <head>\n    <title>%s</title>\n"
            "    <meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\" />\n</head>\n"
            "    <body>\n<h1>%s</h1>\n%s\n</body>\n</html>\n"
            % (html.escape(title), html.escape(title), body)).encode("utf-8")


def not_found():
    return _page("Page not found", "<p>The page you were looking for doesn't exist.</p>")


def front_page():
    return _page("Local journal test server",
                 "<p>A stand-in for a Dreamwidth / LiveJournal site: the protocol lives at "
                 "<code>/interface/flat</code> and <code>/interface/xmlrpc</code>.</p>")


def login_page():
    return _page("Log in", "<form action=\"/login\" method=\"post\"><input name=\"user\" />"
                           "<input type=\"password\" name=\"password\" /></form>")


def error_page(text):
    return _page("Error", "<div class=\"error-box\">%s</div>" % html.escape(text))


def journal_page(app, name):
    """(body) of /~name/ or None when there is no such journal. Public entries, newest first."""
    with app.lock:
        owner = load_user(app.db, canonical_username(name) or "")
        if owner is None:
            return None
        rows = app.db.all("SELECT jitemid, anum, subject, logtime FROM entries WHERE journalid = ? AND "
                          "security = 'public' ORDER BY logtime DESC, jitemid DESC LIMIT 20", (owner["userid"],))
    items = "\n".join("<li><a href=\"%s\">%s</a> %s</li>" % (
        html.escape(app.entry_url(owner["user"], r["jitemid"], r["anum"])),
        html.escape(from_bytes(r["subject"]) or "(no subject)"), format_datetime(r["logtime"])) for r in rows)
    return _page(from_bytes(owner["name"]), "<ul>\n%s\n</ul>" % items)


META_EMPTY = b"<?xml version=\"1.0\" encoding='utf-8'?>\n<livejournal>\n<maxid>0</maxid>\n<comments>\n</comments>\n" \
             b"<usermaps>\n</usermaps>\n</livejournal>\n"
BODY_EMPTY = b"<?xml version=\"1.0\" encoding='utf-8'?>\n<livejournal>\n<comments>\n</comments>\n</livejournal>\n"


def login_redirect(path_and_query):
    return "/login?returnto=" + urllib.parse.quote(path_and_query, safe="/")


def export_comments(app, web, query, path_and_query):
    """(status, content type, body, location) of /export_comments."""
    session = web.session
    if session is None:
        return 302, HTML_TYPE, b"", login_redirect(path_and_query)
    params = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
    with app.lock:
        web.authenticated(session)
        authas = params.get("authas")
        if authas:
            journal = load_user(app.db, canonical_username(authas) or "")
            if journal is None or (journal["userid"] != session["userid"]
                                   and not is_admin(app.db, journal["userid"], session["userid"])):
                return 200, HTML_TYPE, error_page("You could not be authenticated as the specified user."), None
    get = params.get("get")
    if get == "comment_meta":
        return 200, XML_TYPE, META_EMPTY, None
    if get == "comment_body":
        return 200, XML_TYPE, BODY_EMPTY, None
    return 200, HTML_TYPE, error_page("Unknown get mode."), None
