# Shared by scripts/run, scripts/test and scripts/screenshots: install what is missing, configure, build.
# Sourced, not run. Debian 12 (bookworm) is the reference system.
set -euo pipefail

VANTAGE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages the build and the tests need (docs/adr/0002-toolchain-and-dependencies.md).
VANTAGE_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev qtkeychain-qt6-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev
    libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev libsodium-dev
    libnlopt-dev libeigen3-dev
)
VANTAGE_RUNTIME_PACKAGES=(fonts-noto-cjk xvfb xauth)
# nginx and openssl: tests/sync/tst_deployment.cpp runs the packaged nginx config with TLS (in
# bookworm nginx-light is only a transitional package; nginx itself has the SSL and HTTP/2 modules).
# clang and libFuzzer for scripts/fuzz (libclang-rt-14-dev holds libFuzzer and the sanitizer
# runtimes; clang only recommends it, and install_missing skips recommends).
# python3-aiosmtpd: the SMTP server the funnel alert mail tests send to (tests/support/smtpsink.py).
VANTAGE_FUZZ_PACKAGES=(clang libclang-rt-14-dev)
VANTAGE_TEST_PACKAGES=(sqlite3 python3 python3-aiosmtpd dbus imagemagick postgresql nginx openssl "${VANTAGE_FUZZ_PACKAGES[@]}")

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the packages that are not installed yet (non-interactive; root or sudo).
install_missing() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q || true
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# configure_and_build PRESET [TARGET...]
configure_and_build() {
    local preset=$1; shift
    cd "$VANTAGE_ROOT"
    log "configuring ($preset)"
    cmake --preset "$preset" >/dev/null
    log "building ($preset)"
    cmake --build --preset "$preset" -j "$(nproc)" ${1:+--target "$@"}
}

# Runs a command with an X display: the existing one, or a private Xvfb.
with_display() {
    if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
        "$@"
    else
        xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
    fi
}
