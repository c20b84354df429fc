# The journal's value types: pure QtCore. Listed here once so that the libFuzzer build
# (tests/fuzz/project, compiled with clang) compiles the same files beside the codecs that read
# into them.
set(INKWELL_JOURNAL_SOURCES
    Account.cpp Account.h
    BloggerContent.cpp BloggerContent.h
    DayCount.h
    EntryJson.cpp EntryJson.h
    FriendGroup.h
    JournalEntry.cpp JournalEntry.h
    LoginInfo.h
    PostResult.h
    PropNames.cpp PropNames.h
    Security.cpp Security.h
    ServerNormalization.cpp ServerNormalization.h
    SyncItems.h
)
set(INKWELL_JOURNAL_DIR ${CMAKE_CURRENT_LIST_DIR})
