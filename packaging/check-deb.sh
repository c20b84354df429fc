#!/bin/bash
# Checks an inkwell .deb the way a distribution and a user would: lintian without errors, the
# desktop file and the AppStream metainfo valid, and both programs run from the unpacked package,
# the command-line one against the journal server it carries (the demo's).
# usage: check-deb.sh PACKAGE.deb
#        check-deb.sh --build BUILD_DIR    (packs BUILD_DIR with cpack first; the CI test does this)
set -euo pipefail
work=$(mktemp -d)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
if [ "$1" = "--build" ]; then
    (cd "$work" && cpack -G DEB --config "$2/CPackConfig.cmake" -D CPACK_PACKAGING_INSTALL_PREFIX=/usr \
        -B "$work/pack" > "$work/cpack.log") || { cat "$work/cpack.log"; exit 1; }
    deb=$(ls "$work"/pack/inkwell_*.deb)
else
    deb=$1
fi
root=$work/root
dpkg-deb -x "$deb" "$root"
lintian --fail-on error "$deb"
desktop-file-validate "$root/usr/share/applications/org.inkwell.Inkwell.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.inkwell.Inkwell.metainfo.xml"
"$root/usr/bin/inkwell-cli" --version
QT_QPA_PLATFORM=offscreen "$root/usr/bin/inkwell" --version

# The packaged server with the demo journal, and the packaged CLI mirroring it.
python3 "$root/usr/share/inkwell/server/ljserver.py" --flavor dw --seed demo > "$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q '^listening on ' "$work/server.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/server.out")
[ -n "$url" ] || { cat "$work/server.out"; exit 1; }
cli=("$root/usr/bin/inkwell-cli" --profile "$work/profile")
"${cli[@]}" account add demo --server "$url" --user demo
synced=$(printf 'demo\n' | "${cli[@]}" sync demo --password-stdin)
echo "$synced"
case "$synced" in "added 308 "*) ;; *) echo "check-deb: the packaged CLI did not mirror the demo journal"; exit 1 ;; esac
echo "check-deb: $(basename "$deb") passed"
