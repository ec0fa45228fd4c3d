#!/usr/bin/env bash
# Makes sure the real supervisord 4.2.5 (Debian package supervisor 4.2.5-x) is installed, because
# the compatibility suites compare gen-supervisor against it. Installs it with apt when missing,
# without letting the package start its own daemon. Never skips: exit 1 with a reason instead.
#
#   scripts/ensure-supervisord.sh                   check, install if needed
#   scripts/ensure-supervisord.sh --force-install   run the apt path even when installed
set -euo pipefail

WANT=4.2.5
BIN=/usr/bin/supervisord
PY=/usr/bin/python3
CONF_RE='supervisord( -n)? -c /etc/supervisor/supervisord\.conf'

die() { echo "ensure-supervisord: $*" >&2; exit 1; }

# Prints the installed version, or nothing.
installed_version() {
  [ -x "$BIN" ] || return 0
  local v=""
  if [ -x "$PY" ]; then
    # supervisor has no __version__; options.VERSION is read from its version.txt
    v=$("$PY" -c 'import supervisor
v = getattr(supervisor, "__version__", "")
if not v:
    from supervisor.options import VERSION as v
print(v)' 2>/dev/null || true)
  fi
  if [ "$v" != "$WANT" ] && command -v dpkg-query >/dev/null 2>&1; then
    local d
    d=$(dpkg-query -W -f='${Version}' supervisor 2>/dev/null || true)
    case "$d" in "$WANT"|"$WANT"-*) v=$WANT ;; esac
  fi
  echo "$v"
}

force=0
case "${1:-}" in
  --force-install) force=1 ;;
  "") ;;
  *) die "unknown argument: $1" ;;
esac

found=$(installed_version)
if [ "$found" = "$WANT" ] && [ $force -eq 0 ]; then
  echo "supervisord $found ($BIN)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  die "supervisord $WANT is not installed (found: '${found:-none}') and this user cannot install it (not root, no passwordless sudo). Install the Debian package 'supervisor' ($WANT)."
fi
command -v apt-get >/dev/null 2>&1 || die "supervisord $WANT is not installed and apt-get is not available to install it"

echo "ensure-supervisord: installing supervisor $WANT with apt-get (found: '${found:-none}')" >&2

# Keep the package's init script / unit from starting a daemon (exit 101 = "action forbidden").
POLICY=/usr/sbin/policy-rc.d
made_policy=0
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$POLICY" >/dev/null
  "${SUDO[@]}" chmod 755 "$POLICY"
  made_policy=1
fi
cleanup() { if [ $made_policy -eq 1 ]; then "${SUDO[@]}" rm -f "$POLICY"; fi; }
trap cleanup EXIT

before=$(pgrep -f "$CONF_RE" 2>/dev/null | sort || true)

log=$(mktemp)
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; die "apt-get update failed"
fi
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y supervisor >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; die "apt-get install -y supervisor failed"
fi
rm -f "$log"

# A daemon that the install started despite the policy: stop it (only the new ones).
after=$(pgrep -f "$CONF_RE" 2>/dev/null | sort || true)
started=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep -E '^[0-9]+$' || true)
if [ -n "$started" ]; then
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    "${SUDO[@]}" systemctl stop supervisor >/dev/null 2>&1 || true
  fi
  for pid in $started; do
    "${SUDO[@]}" kill -TERM "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 50); do
    alive=""
    for pid in $started; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
    [ -z "$alive" ] && break
    sleep 0.2
  done
  for pid in $started; do
    if kill -0 "$pid" 2>/dev/null; then "${SUDO[@]}" kill -KILL "$pid" 2>/dev/null || true; fi
  done
  echo "ensure-supervisord: stopped the daemon started by the package (pid$(printf ' %s' $started))" >&2
fi

found=$(installed_version)
[ "$found" = "$WANT" ] || die "after apt-get install, supervisord is '${found:-missing}', not $WANT (this distribution does not ship $WANT; use Debian 12 bookworm)"
echo "supervisord $found ($BIN)"
