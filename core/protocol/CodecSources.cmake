# The protocol codecs, and the readers that turn their trees into Inkwell's types (JournalMessages,
# on the values of ../journal): pure functions on QtCore only. Listed here once so that the
# libFuzzer build (tests/fuzz/project, compiled with clang) can compile exactly the same files; it
# compiles ../journal/JournalSources.cmake's beside them.
set(INKWELL_CODEC_SOURCES
    BloggerCodec.cpp BloggerCodec.h
    CodecText.cpp CodecText.h
    FlatCodec.cpp FlatCodec.h
    FlatReply.cpp
    FlatRequest.cpp
    JournalMessages.cpp JournalMessages.h
    ProtocolCodec.h
    ProtocolError.cpp ProtocolError.h
    ProtocolResult.h
    ProtocolValue.cpp ProtocolValue.h
    XmlRpcCanonicalReader.cpp
    XmlRpcCodec.cpp XmlRpcCodec.h
    XmlRpcReader.h
    XmlRpcStreamReader.cpp
)
set(INKWELL_CODEC_DIR ${CMAKE_CURRENT_LIST_DIR})
