#pragma once

#include <QString>

#include <array>

// The modes the flat fuzzer shapes replies for: the first input byte picks one (modulo the count).
// make-corpus.py writes the same byte in front of each seed; keep the two lists in step.
inline const std::array<const char16_t*, 16> kFuzzModes = {
    u"login",           u"getevents",       u"syncitems",   u"getdaycounts",
    u"getusertags",     u"consolecommand",  u"getfriends",  u"friendof",
    u"getfriendgroups", u"gettrustgroups",  u"editfriends", u"getreadpage",
    u"sessiongenerate", u"checkforupdates", u"postevent",   u"unknownmode",
};

inline QString fuzzMode(unsigned char selector)
{
    return QString::fromUtf16(kFuzzModes[selector % kFuzzModes.size()]);
}
