#!/usr/bin/env bash
# usage: tail.sh <dll> <outdir> <sync> [extra env assignments...]
set -uo pipefail
DLL=$1; OUT=$2; SYNC=$3; shift 3
cd "$(dirname "$0")/../../.."
mkdir -p "$OUT"; DATA=$(mktemp -d)
env "$@" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
GtmBot__Slack__SigningSecret=bench-secret GtmBot__Storage__DataDirectory="$DATA" GtmBot__Storage__SqliteSynchronous=$SYNC \
  dotnet "$DLL" --urls http://127.0.0.1:39793 >"$OUT/bot.log" 2>&1 &
PID=$!
for _ in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:39793/ && break; sleep 0.5; done
env SLACK_SIGNING_SECRET=bench-secret BENCH_COMMAND=quote wrk -t1 -c16 -d20s -s bench/slack/sign.lua http://127.0.0.1:39793 | grep RESULT > "$OUT/warm.txt"
uptime > "$OUT/uptime.txt"
"${DOTNET_COUNTERS:-$HOME/.dotnet/tools/dotnet-counters}" collect -p $PID --refresh-interval 1 --format csv -o "$OUT/counters.csv" --counters System.Runtime > "$OUT/counters.out" 2>&1 &
C=$!
sleep 1
env SLACK_SIGNING_SECRET=bench-secret BENCH_COMMAND=quote BENCH_RATE=500 BENCH_CONNECTIONS=10 wrk -t1 -c10 -d20s --latency -s bench/slack/sign.lua http://127.0.0.1:39793 > "$OUT/paced.txt"
sleep 1
kill $C; wait $C
uptime >> "$OUT/uptime.txt"
grep -c . "$OUT/bot.log" > "$OUT/loglines.txt"
kill $PID; wait $PID
rm -rf "$DATA"
