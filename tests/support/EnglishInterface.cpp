// Linked into every test program that links Inkwell's libraries (tests/CMakeLists.txt): the
// tests read Inkwell in English with its plural forms ("1 entry"), as the programs speak on an
// English system, whatever language the machine that runs them speaks.
#include "app/InterfaceLanguage.h"

#include <QCoreApplication>

namespace {

void speakEnglish()
{
    static Inkwell::InterfaceLanguage language;
    language.apply(QStringLiteral("en"));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(speakEnglish)
