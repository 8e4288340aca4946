#!/usr/bin/env bash
# usage: io.sh <dll> [sync] -> bytes written / write syscalls / read syscalls / CPU ms per capture over 15 s after 15 s warm-up
DLL=$1; SYNC=${2:-Full}
cd "$(dirname "$0")/../../.."
DATA=$(mktemp -d)
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
GtmBot__Slack__SigningSecret=bench-secret GtmBot__Storage__DataDirectory="$DATA" GtmBot__Storage__SqliteSynchronous=$SYNC \
  dotnet "$DLL" --urls http://127.0.0.1:39795 >"$DATA/bot.log" 2>&1 &
PID=$!
for _ in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:39795/ && break; sleep 0.5; done
env SLACK_SIGNING_SECRET=bench-secret BENCH_COMMAND=quote wrk -t1 -c16 -d15s -s bench/slack/sign.lua http://127.0.0.1:39795 >/dev/null
read w0 sw0 sr0 <<<"$(awk '/^wchar/{w=$2} /^syscw/{sw=$2} /^syscr/{sr=$2} END{print w, sw, sr}' /proc/$PID/io)"
t0=$(awk '{print $14+$15}' /proc/$PID/stat)
r=$(env SLACK_SIGNING_SECRET=bench-secret BENCH_COMMAND=quote wrk -t1 -c16 -d15s -s bench/slack/sign.lua http://127.0.0.1:39795 | grep RESULT)
t1=$(awk '{print $14+$15}' /proc/$PID/stat)
read w1 sw1 sr1 <<<"$(awk '/^wchar/{w=$2} /^syscw/{sw=$2} /^syscr/{sr=$2} END{print w, sw, sr}' /proc/$PID/io)"
n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$r")
echo "$(basename $(dirname $DLL)) $SYNC $r | KB written/capture $(awk -v a=$w0 -v b=$w1 -v n=$n 'BEGIN{printf "%.1f", (b-a)/n/1024}') write calls/capture $(awk -v a=$sw0 -v b=$sw1 -v n=$n 'BEGIN{printf "%.1f", (b-a)/n}') read calls/capture $(awk -v a=$sr0 -v b=$sr1 -v n=$n 'BEGIN{printf "%.1f", (b-a)/n}') CPU ms/capture $(awk -v a=$t0 -v b=$t1 -v n=$n 'BEGIN{printf "%.3f", (b-a)*10/n}') load $(cut -d' ' -f1 /proc/loadavg) db $(du -sk $DATA | cut -f1) KB"
kill $PID; wait $PID 2>/dev/null
rm -rf "$DATA"
