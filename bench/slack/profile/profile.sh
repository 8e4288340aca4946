#!/usr/bin/env bash
# Capture profile helpers (bench/README.md, "Fourth round"): run from anywhere; each starts its own Release host on a port of its own.
# usage: profile.sh <dll> <outdir> [sync]
set -uo pipefail
DLL=$1; OUT=$2; SYNC=${3:-Full}
cd "$(dirname "$0")/../../.."
mkdir -p "$OUT"; DATA=$(mktemp -d)
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
GtmBot__Slack__SigningSecret=bench-secret GtmBot__Storage__DataDirectory="$DATA" GtmBot__Storage__SqliteSynchronous=$SYNC \
  dotnet "$DLL" --urls http://127.0.0.1:39791 >"$OUT/bot.log" 2>&1 &
PID=$!
echo $PID > "$OUT/pid"
for _ in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:39791/ && break; sleep 0.5; done
SLACK_SIGNING_SECRET=bench-secret BENCH_COMMAND=quote wrk -t1 -c16 -d30s -s bench/slack/sign.lua http://127.0.0.1:39791 | grep RESULT > "$OUT/warm.txt"
uptime > "$OUT/uptime.txt"
SLACK_SIGNING_SECRET=bench-secret BENCH_COMMAND=quote wrk -t1 -c16 -d17s -s bench/slack/sign.lua http://127.0.0.1:39791 > "$OUT/wrk.txt" &
W=$!
sleep 1
t0=$(awk '{print $14+$15}' /proc/$PID/stat)
perf record -F 999 -g -p $PID -o "$OUT/perf.data" -- sleep 15 > "$OUT/perf.err" 2>&1 < /dev/null; echo "perf rc $?" >> "$OUT/perf.err"
t1=$(awk '{print $14+$15}' /proc/$PID/stat)
echo "ticks $((t1-t0))" > "$OUT/ticks.txt"
wait $W
uptime >> "$OUT/uptime.txt"
cp /tmp/perf-$PID.map "$OUT/" 2>/dev/null || true
kill $PID; wait $PID || true
rm -rf "$DATA"
