#!/usr/bin/env bash
# Where the native memory of a capture run is (bench/README.md, "Memory"): starts the host, captures for <seconds> with
# wrk -t1 -c16, then asks the running process through gdb for SQLite's memory (sqlite3_memory_used, its high-water mark) and
# glibc's arenas (malloc_stats, printed into the host's log), sums smaps per mapping, and calls malloc_trim(0) once.
# usage: native.sh <host dll> [seconds=40]; XENV="MALLOC_ARENA_MAX=2" native.sh … runs the host with that environment.
DLL=$1; SECS=${2:-40}; PORT=${PORT:-39887}
cd "$(dirname "$0")/../../.."
DATA=$(mktemp -d)
env ${XENV:-} ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning GtmBot__Slack__SigningSecret=bench-secret \
  GtmBot__Storage__DataDirectory="$DATA" dotnet "$DLL" --urls http://127.0.0.1:$PORT >"$DATA/bot.log" 2>&1 &
PID=$!
for _ in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:$PORT/ && break; sleep 0.5; done
probe() { gdb -p $PID -batch -ex 'call (long long)sqlite3_memory_used()' -ex 'call (long long)sqlite3_memory_highwater(0)' -ex 'call (void)malloc_stats()' 2>/dev/null | grep '^\$'; }
echo "fresh rss $(awk '/VmRSS/{print $2/1024}' /proc/$PID/status) MB"; probe
env SLACK_SIGNING_SECRET=bench-secret BENCH_COMMAND=quote wrk -t1 -c16 -d${SECS}s -s bench/slack/sign.lua http://127.0.0.1:$PORT | grep RESULT
sleep 2
echo "after: quotes $(sqlite3 "$DATA/gtmbot.db" 'select count(*) from quotes') rss $(awk '/VmRSS/{print $2/1024}' /proc/$PID/status) MB peak $(awk '/VmHWM/{print $2/1024}' /proc/$PID/status) MB load $(cut -d' ' -f1 /proc/loadavg)"; probe
python3 bench/slack/profile/smaps.py $PID
gdb -p $PID -batch -ex 'call (int)malloc_trim(0)' >/dev/null 2>&1
echo "after one malloc_trim(0): rss $(awk '/VmRSS/{print $2/1024}' /proc/$PID/status) MB"
kill $PID; wait $PID 2>/dev/null
grep -A2 'Arena\|Total' "$DATA/bot.log" | tail -40
rm -rf "$DATA"
