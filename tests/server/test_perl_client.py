"""Interoperability with a third-party client: Debian's liblivejournal-perl (LiveJournal.pm), which
POSTs ``application/x-www-form-urlescaped`` (sic) bodies with most fields left unescaped
(TOOLCHAIN.md). Runs against the lj flavour through the legacy /cgi-bin/log.cgi path.

The module is an optional peer (``apt-get install liblivejournal-perl``); without it this module's
test is skipped - the lenient parsing itself is covered by test_flat_codec.
"""

import json
import os
import shutil
import subprocess
import unittest

from support import InProcessServer

PERL_MODULE = "/usr/share/perl5/LiveJournal.pm"

SCRIPT = r"""
use strict;
use warnings;
use LiveJournal;
use JSON::PP;
my ($url) = @ARGV;
my %info = (user => 'alice', password => 'pw1', url => "$url/cgi-bin/log.cgi");
my $lj = LiveJournal->new(\%info);
my $journal = LiveJournal::Journal->new(\%info);
my $friend = LiveJournal::Friend->new(\%info);
my %out;
$out{login} = $lj->login({getmoods => 0});
$out{post} = $journal->post({event => "two words\nsecond line, 100% sure", subject => 'Hello there',
                             prop_current_mood => 'fine'});
$out{get} = $journal->get({selecttype => 'one', itemid => $out{post}{itemid}, lineendings => 'unix'});
$out{edit} = $journal->edit({itemid => $out{post}{itemid}, event => 'edited text', subject => 'Edited'});
$out{daycounts} = $journal->getdaycounts();
$out{sync} = $journal->syncitems();
$out{add} = $friend->add('bob');
$out{friends} = $friend->get();
$out{check} = $friend->check();
$out{remove} = $journal->remove([$out{post}{itemid}]);
print JSON::PP->new->canonical->encode(\%out);
"""


@unittest.skipUnless(os.path.exists(PERL_MODULE) and shutil.which("perl"),
                     "liblivejournal-perl is not installed (optional interoperability peer)")
class PerlClient(unittest.TestCase):
    def test_the_perl_client_works_against_the_lj_flavour(self):
        server = InProcessServer(flavor="lj", users=["alice:pw1", "bob:pw2"])
        try:
            run = subprocess.run(["perl", "-e", SCRIPT, server.url], capture_output=True, text=True, timeout=60)
            self.assertEqual(run.returncode, 0, run.stderr)
            out = json.loads(run.stdout)
            self.assertEqual((out["login"]["success"], out["login"]["name"], out["login"]["mood_count"]),
                             ("OK", "Test Alice", "132"))
            self.assertEqual(out["post"]["success"], "OK")
            itemid = out["post"]["itemid"]
            got = out["get"]
            self.assertEqual((got["events_1_itemid"], got["events_1_subject"]), (itemid, "Hello there"))
            self.assertEqual(got["events_1_event"], "two+words%0Asecond+line,+100%25+sure")
            self.assertEqual((got["prop_1_name"], got["prop_1_value"]), ("current_mood", "fine"))
            self.assertEqual(out["edit"]["success"], "OK")
            self.assertEqual(sum(int(v) for k, v in out["daycounts"].items() if k != "success"), 1)
            self.assertEqual((out["sync"]["sync_count"], out["sync"]["sync_1_item"]), ("1", "L-" + itemid))
            self.assertEqual(out["add"]["success"], "OK")
            self.assertEqual((out["friends"]["friend_count"], out["friends"]["friend_1_user"]), ("1", "bob"))
            self.assertEqual(out["check"]["success"], "OK")
            self.assertEqual(out["remove"]["success"], "OK")
            self.assertEqual(server.client().ctl("GET", "entries?journal=alice")["count"], 0)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
