#!/usr/bin/env bash
# End-to-end: the real GtmBot host + the Microsoft 365 Agents Playground + a headless driver, on loopback only.
# Runs everything inside a fresh network namespace with no route out when `ip netns` is available (root); otherwise on
# the machine's loopback. The Playground is always started with telemetry off and no browser.
# Usage: tests/e2e/run-playground.sh <path to GtmBot.Host.dll> <data dir>     (prints the driver's JSON line last)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
HOST_DLL=$1
DATA=$2
BOT_PORT=${GTMBOT_E2E_BOT_PORT:-39780}
PG_PORT=${GTMBOT_E2E_PG_PORT:-56150}

if [ -z "${GTMBOT_E2E_INSIDE:-}" ] && [ "$(id -u)" = 0 ] && command -v ip >/dev/null && ip netns add "gtmtest$$" 2>/dev/null; then
  trap 'ip netns del "gtmtest$$" 2>/dev/null || true' EXIT
  ip -n "gtmtest$$" link set lo up
  echo "network namespace gtmtest$$ (loopback only)" >&2
  GTMBOT_E2E_INSIDE=1 ip netns exec "gtmtest$$" "$HERE/$(basename "$0")" "$@"
  exit $?
fi

WORK=$(mktemp -d)
cd "$WORK"   # the Playground writes ./devTools/ and reads ./.m365agentsplayground.yml here
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

ASPNETCORE_ENVIRONMENT=Development \
GtmBot__Teams__DangerouslyAllowUnauthenticatedLoopback=true \
GtmBot__Storage__DataDirectory="$DATA" \
  dotnet "$HOST_DLL" --urls "http://127.0.0.1:$BOT_PORT" > host.log 2>&1 &
pids+=($!)

APPLICATION_INSIGHTS_NO_STATSBEAT=1 TEAMSAPPTESTER_BROWSER=none \
  "$HERE/node_modules/.bin/agentsplayground" start \
    -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$PG_PORT" \
    --service-url "http://127.0.0.1:$PG_PORT/_connector" \
    --disable-telemetry --conversation-id personal-e2e > pg.log 2>&1 &
pids+=($!)

for _ in $(seq 1 150); do
  curl -fsS "http://127.0.0.1:$BOT_PORT/healthz" >/dev/null 2>&1 && grep -q "Listening on" pg.log && break
  sleep 0.2
done
PORT=$(sed -n 's/^Listening on \([0-9]*\).*/\1/p' pg.log | head -1)
if [ -z "$PORT" ] || ! curl -fsS "http://127.0.0.1:$BOT_PORT/healthz" >/dev/null 2>&1; then
  echo "startup failed" >&2; tail -20 host.log >&2; tail -20 pg.log >&2; exit 1
fi

set +e
PG="http://127.0.0.1:$PORT" node "$HERE/drive-playground.js"
status=$?
set -e
if [ $status -ne 0 ]; then tail -30 host.log >&2; tail -30 pg.log >&2; fi
exit $status
