#pragma once

#include "store/Database.h"

#include <QString>

namespace Inkwell {
class Profile;
} // namespace Inkwell

namespace Inkwell::Cli {

class CliArguments;

// `repair`: a damaged journal database moves aside (kept) and a new one starts with what could be
// read from it (store/DatabaseRecovery.h). Runs instead of the usual open, which a damaged
// database fails; a sound one is left alone. Returns the exit code.
int runRepair(const Profile& profile);

// The sentence that points to `repair`, for a message that says the database is damaged.
QString repairHint(const CliArguments& arguments, const Profile& profile);

// The way out of a database open() refused, to follow its message: the command that repairs a
// damaged one. Empty when there is nothing to add.
QString wayOut(Database::Problem problem, const CliArguments& arguments, const Profile& profile);

} // namespace Inkwell::Cli
