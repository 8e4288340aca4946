#!/usr/bin/env bash
# The README's screenshots, reproducibly: the real GtmBot host and the Microsoft 365 Agents Playground on loopback, and
# headless chromium (tests/e2e/screenshots.js) taking docs/screenshots/*.png. PNGs are reduced to 256 colours when
# ImageMagick is there, to keep each one small.
# Runs inside a fresh network namespace with no route out (the Playground listens on every interface otherwise): needs root
# and `ip netns`. Without them only the local page is taken.
# Usage: tests/e2e/screenshots.sh <path to GtmBot.Host.dll> [output folder, default docs/screenshots]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
HOST_DLL=$(realpath "$1")
OUT=$(realpath -m "${2:-$HERE/../../docs/screenshots}")
BOT_PORT=${GTMBOT_E2E_BOT_PORT:-39780}
PG_PORT=${GTMBOT_E2E_PG_PORT:-56150}
NODE_MODULES=${GTMBOT_E2E_NODE_MODULES:-$HERE/node_modules}
export CHROMIUM=${GTMBOT_TEST_CHROMIUM:-/usr/bin/chromium}

if [ -z "${GTMBOT_E2E_INSIDE:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v ip >/dev/null && ip netns add "gtmshots$$" 2>/dev/null; then
    trap 'ip netns del "gtmshots$$" 2>/dev/null || true' EXIT
    ip -n "gtmshots$$" link set lo up
    echo "network namespace gtmshots$$ (loopback only)" >&2
    GTMBOT_E2E_INSIDE=1 ip netns exec "gtmshots$$" "$HERE/$(basename "$0")" "$HOST_DLL" "$OUT"
    exit $?
  fi
  echo "no network namespace (needs root and ip netns): the Agents Playground is not started, only the local page is taken" >&2
  GTMBOT_E2E_NO_PLAYGROUND=1
fi

WORK=$(mktemp -d)
cd "$WORK"   # the Playground writes ./devTools/ here
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

ASPNETCORE_ENVIRONMENT=Development \
GtmBot__Teams__DangerouslyAllowUnauthenticatedLoopback=true \
GtmBot__Storage__DataDirectory="$WORK/data" \
  dotnet "$HOST_DLL" --urls "http://127.0.0.1:$BOT_PORT" > host.log 2>&1 &
pids+=($!)

PG=
if [ -z "${GTMBOT_E2E_NO_PLAYGROUND:-}" ]; then
  APPLICATION_INSIGHTS_NO_STATSBEAT=1 TEAMSAPPTESTER_BROWSER=none \
    "$NODE_MODULES/.bin/agentsplayground" start \
      -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$PG_PORT" \
      --service-url "http://127.0.0.1:$PG_PORT/_connector" \
      --disable-telemetry --conversation-id personal-screenshots > pg.log 2>&1 &
  pids+=($!)
fi

for _ in $(seq 1 150); do
  curl -fsS "http://127.0.0.1:$BOT_PORT/healthz" >/dev/null 2>&1 && { [ -n "${GTMBOT_E2E_NO_PLAYGROUND:-}" ] || grep -q "Listening on" pg.log; } && break
  sleep 0.2
done
if [ -z "${GTMBOT_E2E_NO_PLAYGROUND:-}" ]; then
  PG="http://127.0.0.1:$(sed -n 's/^Listening on \([0-9]*\).*/\1/p' pg.log | head -1)"
fi

if ! BOT="http://127.0.0.1:$BOT_PORT" PG="$PG" OUT="$OUT" NODE_PATH="$NODE_MODULES" node "$HERE/screenshots.js"; then
  tail -30 host.log >&2; [ -f pg.log ] && tail -30 pg.log >&2; exit 1
fi

if convert -version 2>/dev/null | grep -q ImageMagick; then
  for f in "$OUT"/*.png; do convert "$f" -strip -colors 256 "PNG8:$f"; done
fi
ls -l "$OUT"
