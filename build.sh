#!/usr/bin/env bash
# Inkwell's two Quick-start commands (see README.md):
#   ./build.sh app  [inkwell args...]  install missing Debian packages, build, launch the GUI
#   ./build.sh test [ctest args...]    install missing Debian packages, build the checked
#                                      configuration (-Werror, ASan+UBSan), run every test
# Works on a fresh Debian 12 machine as root (or with sudo); needs only Debian's archive.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
verb=${1:-}
[ $# -gt 0 ] && shift

# Build tools and libraries (TOOLCHAIN.md lists why each is here).
build_pkgs=(cmake ninja-build g++ pkg-config qt6-base-dev libqt6sql6-sqlite qtkeychain-qt6-dev libhunspell-dev
            qt6-tools-dev qt6-l10n-tools)
# Run time: the keychain backend (libsecret is dlopen'ed by QtKeychain), a display for the app.
# An English dictionary for spell checking (other hunspell-* packages add languages), Qt's SVG
# plugins for the application icon, and Qt's own translations (standard buttons in German, Russian).
run_pkgs=(libsecret-1-0 fonts-dejavu-core hunspell-en-us libqt6svg6 qt6-translations-l10n python3)
deb_pkgs=(dpkg-dev file lintian desktop-file-utils appstream)
# Tests: headless X (and xdotool to type into the real GUI), a private D-Bus with a real Secret Service, clang for the fuzzers,
# /usr/bin/python3 for the local journal server, and a third-party Perl client of the flat interface
# that the server's tests talk to.
test_pkgs=(xvfb xauth xdotool dbus gnome-keyring clang clang-format libclang-rt-14-dev python3 liblivejournal-perl)

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine has empty package lists; refresh them once before installing.
    "${sudo[@]}" apt-get update -qq || true
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# configure_and_build DIR "TARGET..." CMAKE-ARGS...: an empty target list builds everything.
configure_and_build() {
    local dir=$1 targets=$2; shift 2
    cmake -S "$here" -B "$dir" -G Ninja "$@"
    # shellcheck disable=SC2086 # the list splits into targets on purpose
    cmake --build "$dir" ${targets:+--target $targets}
}

case "$verb" in
app)
    install_missing "${build_pkgs[@]}" "${run_pkgs[@]}"
    # The two programs only: the tests and benchmarks are the test verb's.
    configure_and_build "$here/build" "inkwell inkwell-cli" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DINKWELL_BUILD_TESTS=OFF
    exec "$here/build/app/gui/inkwell" "$@"
    ;;
test)
    install_missing "${build_pkgs[@]}" "${run_pkgs[@]}" "${test_pkgs[@]}" "${deb_pkgs[@]}"
    configure_and_build "$here/build-check" "" -DCMAKE_BUILD_TYPE=Debug \
        -DINKWELL_WERROR=ON -DINKWELL_SANITIZE=ON -DINKWELL_FUZZ=ON
    # GUI tests set QT_QPA_PLATFORM=offscreen themselves; keychain tests start their own
    # D-Bus session and gnome-keyring (tests/keyring-session.sh). No display is needed.
    unset DISPLAY WAYLAND_DISPLAY
    cd "$here/build-check"
    exec ctest --output-on-failure -j "$(nproc)" "$@"
    ;;
deb)
    # A Debian package of both programs in build-deb/, checked by lintian, desktop-file-validate
    # and appstreamcli; its path is the last line printed.
    install_missing "${build_pkgs[@]}" "${deb_pkgs[@]}"
    configure_and_build "$here/build-deb" "inkwell inkwell-cli packaging_docs" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DINKWELL_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr
    cd "$here/build-deb"
    cpack -G DEB
    deb=$(ls -t "$here"/build-deb/inkwell_*.deb | head -n1)
    "$here/packaging/check-deb.sh" "$deb"
    echo "$deb"
    ;;
*)
    echo "usage: $0 app [inkwell args...] | test [ctest args...] | deb" >&2
    exit 2
    ;;
esac
