#!/bin/sh
# Runs a test against a real Secret Service: a private D-Bus session with an unlocked gnome-keyring
# in a throw-away HOME, so no keyring files are left behind. DISPLAY stays unset: with a display and
# a locked keyring QtKeychain would wait for an unlock dialog (TOOLCHAIN.md).
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
       XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
exec dbus-run-session -- sh -c '
    printf "inkwell-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' keyring-session "$@"
