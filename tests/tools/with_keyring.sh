#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (the Secret Service
# QtKeychain uses on a Linux desktop). A temporary HOME keeps the user's own keyring out of it.
# Usage: with_keyring.sh COMMAND [ARG...]
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" "$home/.local/share/keyrings"
chmod 700 "$XDG_RUNTIME_DIR"
status=0
dbus-run-session -- sh -c '
    printf "vantage-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 90
    "$@"' sh "$@" || status=$?
exit "$status"
