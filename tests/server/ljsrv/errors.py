"""The protocol error table (REFERENCE §5) and how errors are rendered.

Messages are copied exactly, double spaces included. A failing mode raises ProtocolError(code,
detail); the interfaces render it as flat ``errmsg`` (prefix + message [+ ": " + detail], §1.2.2) or
as an XML-RPC fault whose faultCode is the number and whose faultString is the same text (§1.3).
"""

ERRORS = {
    100: "Invalid username",
    101: "Invalid password",
    102: None,  # differs between the sites, see message()
    103: "Poll error",
    104: "Error adding one or more friends",
    105: "Challenge expired",
    106: "Can only use administrator-locked security on community journals you manage.",
    150: "Can't post as non-user",
    151: "Banned from journal",
    152: "Can't make back-dated entries in non-personal journal.",
    153: "Incorrect time value",
    154: "Can't add a redirected account as a friend",
    155: "Non-authenticated email address",
    156: "You must agree to the Terms of Service before using this site.",
    157: "Tags error",
    158: "Comment error",
    200: "Missing required argument(s)",
    201: "Unknown method",
    202: "Too many arguments",
    203: "Invalid argument(s)",
    204: "Invalid metadata datatype",
    205: "Unknown metadata",
    206: "Invalid destination journal username.",
    207: "Protocol version mismatch",
    208: "Invalid text encoding",
    209: "Parameter out of range",
    210: "Client tried to edit with corrupt data.  Preventing.",
    211: "Invalid or malformed tag list",
    212: "Message body is too long",
    213: "Message body is empty",
    214: "Message looks like spam",
    300: "Don't have access to requested journal",
    301: "Access of restricted feature",
    302: "Can't edit post from requested journal",
    303: "Can't edit post in community journal",
    304: "Can't delete post in this community journal",
    305: "Action forbidden; account is suspended.",
    306: "This journal is temporarily in read-only mode.  Try again in a couple minutes.",
    307: "Selected journal no longer exists.",
    308: "Account is locked and cannot be used.",
    309: "Account is marked as a memorial.",
    310: "Account needs to be age verified before use.",
    311: "Access temporarily disabled.",
    312: "Not allowed to add tags to entries in this journal",
    313: "Must use existing tags for entries in this journal (can't create new ones)",
    314: "Only paid users allowed to use this request",
    315: "User messaging is currently disabled",
    316: "Poster is read-only and cannot post entries.",
    317: "Journal is read-only and entries cannot be posted to it.",
    318: "Poster is read-only and cannot edit entries.",
    319: "Journal is read-only and its entries cannot be edited.",
    402: "Your IP address is temporarily banned for exceeding the login failure rate.",
    404: "Cannot post",
    405: "Post frequency limit.",
    406: "Client is making repeated requests.  Perhaps it's broken?",
    407: "Moderation queue full",
    408: "Maximum queued posts for this community+poster combination reached.",
    409: "Post too large.",
    410: "Your trial account has expired.  Posting now disabled.",
    411: "Subject too long.",
    412: "Maximum number of comments reached",
    500: "Internal server error",
    501: "Database error",
    502: "Database temporarily unavailable",
    503: "Error obtaining necessary database lock",
    504: "Protocol mode no longer supported.",
    505: "Account data format on server is old and needs to be upgraded.",
    506: "Journal sync temporarily unavailable.",
    507: "Method temporarily disabled; try again later.",
}

_MESSAGE_102 = {
    "lj": "Can't use custom/private security on shared/community journals.",
    "dw": "Can't use custom security on community journals.",
}

# Transient errors (E_TEMP); everything else is permanent (REFERENCE §5 "Class").
TEMPORARY = {104, 151, 155, 156, 157, 300, 301, 302, 303, 304, 305, 306, 308, 310, 311, 312, 313,
             316, 317, 318, 319, 402, 404, 405, 406, 407, 408, 500, 501, 502, 503, 505, 506, 507}


def message(code, flavor="lj"):
    if code == 102:
        return _MESSAGE_102[flavor]
    return ERRORS.get(code, "BUG: Unknown error code!")


def prefix(code):
    """'' for 1xx, 'Client error: ' for 2xx-4xx, 'Server error: ' for 5xx (REFERENCE §1.2.2)."""
    if code < 200:
        return ""
    if code < 500:
        return "Client error: "
    return "Server error: "


def error_text(code, detail=None, flavor="lj"):
    text = prefix(code) + message(code, flavor)
    if detail:
        text += ": " + detail
    return text


class ProtocolError(Exception):
    """A protocol failure: numeric code from ERRORS plus optional free-text detail."""

    def __init__(self, code, detail=None):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

    def text(self, flavor):
        return error_text(self.code, self.detail, flavor)


class ServerDie(Exception):
    """A Perl ``die`` inside the real server (DW bugs the dw flavour reproduces, e.g. usejournal of a
    journal that does not exist: transcripts flat/082, xmlrpc/054). Flat answers HTTP 500 with a
    text/plain body; XML-RPC answers a fault whose faultCode is the string "Server"."""

    def __init__(self, message, flat_body):
        super().__init__(message)
        self.message = message        # XML-RPC faultString
        self.flat_body = flat_body    # flat HTTP 500 body
