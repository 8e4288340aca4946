#!/usr/bin/env bash
# Load test of the signed Slack slash-command path beside a bare Kestrel endpoint, in the same run.
# Needs wrk (Debian: apt-get install -y wrk). Prints req/s, p50/p99 and peak RSS per round, then medians and ratios.
#   bench/slack/run.sh [rounds=3] [seconds=10]
# BENCH_COMMAND=quote measures quote capture (`/gtm quote Customer: …`, every request a new stored quote) instead of
# `/gtm help`, and at the end checks the quotes stored against the 2xx answers. DOTNET_* GC variables are passed through.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
SECONDS_PER_RUN=${2:-10}
SECRET=bench-secret
BOT_PORT=${BOT_PORT:-39781}
BARE_PORT=${BARE_PORT:-39782}
RATE=500
RATE_CONNECTIONS=10
export BENCH_COMMAND=${BENCH_COMMAND:-help}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk"; exit 1; }

# BOT_DLL runs another build of the host (e.g. a copy of the previous commit's output, for a before/after pair).
BOT_DLL=${BOT_DLL:-src/GtmBot.Host/bin/Release/net10.0/GtmBot.Host.dll}
[ "$BOT_DLL" != src/GtmBot.Host/bin/Release/net10.0/GtmBot.Host.dll ] || dotnet build -c Release src/GtmBot.Host -v q -nologo >/dev/null
dotnet build -c Release bench/slack/Bare -v q -nologo >/dev/null
DATA=$(mktemp -d)
cleanup() { kill "${BOT_PID:-}" "${BARE_PID:-}" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
GtmBot__Slack__SigningSecret=$SECRET GtmBot__Storage__DataDirectory="$DATA" \
  dotnet "$BOT_DLL" --urls "http://127.0.0.1:$BOT_PORT" >"$DATA/bot.log" 2>&1 &
BOT_PID=$!
dotnet bench/slack/Bare/bin/Release/net10.0/Bare.dll --urls "http://127.0.0.1:$BARE_PORT" >"$DATA/bare.log" 2>&1 &
BARE_PID=$!
for port in $BOT_PORT $BARE_PORT; do
  for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.5; done
done

# The signed path must answer 200 before we measure it.
code=$(wrk -t1 -c1 -d1s -s bench/slack/sign.lua "http://127.0.0.1:$BOT_PORT" | sed -n 's/.*non2xx=\([0-9]*\).*/\1/p')
[ "$code" = "0" ] || { echo "signed /gtm $BENCH_COMMAND did not answer 2xx"; tail -20 "$DATA/bot.log"; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, in clock ticks
measure() { # port pid -> "max_rps p50 p99 cpu_ms=<CPU ms per request of the max run> | rate_p50 rate_p99"
  local port=$1 pid=$2
  local max rate t0 t1
  t0=$(cpu_ticks "$pid")
  max=$(SLACK_SIGNING_SECRET=$SECRET wrk -t1 -c16 -d"${SECONDS_PER_RUN}"s -s bench/slack/sign.lua "http://127.0.0.1:$port" | sed -n 's/^RESULT //p')
  t1=$(cpu_ticks "$pid")
  max="$max cpu_ms=$(awk -v t="$((t1 - t0))" -v hz="$(getconf CLK_TCK)" -v n="$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$max")" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')"
  rate=$(SLACK_SIGNING_SECRET=$SECRET BENCH_RATE=$RATE BENCH_CONNECTIONS=$RATE_CONNECTIONS wrk -t1 -c$RATE_CONNECTIONS -d"${SECONDS_PER_RUN}"s -s bench/slack/sign.lua "http://127.0.0.1:$port" | sed -n 's/^RESULT //p')
  echo "$max | $rate"
}
# Warm-up (JIT tiering, EF Core query cache, SQLite pages): not measured.
SLACK_SIGNING_SECRET=$SECRET wrk -t1 -c16 -d5s -s bench/slack/sign.lua "http://127.0.0.1:$BOT_PORT" >/dev/null
SLACK_SIGNING_SECRET=$SECRET wrk -t1 -c16 -d5s -s bench/slack/sign.lua "http://127.0.0.1:$BARE_PORT" >/dev/null

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2" | head -1; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

BOT_2XX=0
declare -a BOT_CPU BARE_CPU BOT_RPS BARE_RPS BOT_P99 BARE_P99 BOT_P50 BARE_P50 BOT_RP99 BARE_RP99 BOT_RP50 BARE_RP50
echo "round | load | bot req/s | bot p50/p99 ms | bot CPU ms/req | bot @${RATE}/s p50/p99 ms | bare req/s | bare p50/p99 ms | bare CPU ms/req | bare @${RATE}/s p50/p99 ms"
for r in $(seq 1 "$ROUNDS"); do
  b=$(measure $BOT_PORT $BOT_PID); k=$(measure $BARE_PORT $BARE_PID)
  bmax=${b%%|*}; brate=${b#*|}; kmax=${k%%|*}; krate=${k#*|}
  for part in "$bmax" "$brate"; do BOT_2XX=$((BOT_2XX + $(field requests "$part") - $(field non2xx "$part"))); done
  BOT_CPU+=("$(field cpu_ms "$bmax")"); BARE_CPU+=("$(field cpu_ms "$kmax")")
  BOT_RPS+=("$(field 'req\/s' "$bmax")"); BARE_RPS+=("$(field 'req\/s' "$kmax")")
  BOT_P50+=("$(field p50_ms "$bmax")"); BOT_P99+=("$(field p99_ms "$bmax")"); BARE_P50+=("$(field p50_ms "$kmax")"); BARE_P99+=("$(field p99_ms "$kmax")")
  BOT_RP50+=("$(field p50_ms "$brate")"); BOT_RP99+=("$(field p99_ms "$brate")"); BARE_RP50+=("$(field p50_ms "$krate")"); BARE_RP99+=("$(field p99_ms "$krate")")
  echo "$r | $(cut -d' ' -f1 /proc/loadavg) | ${BOT_RPS[-1]} | ${BOT_P50[-1]}/${BOT_P99[-1]} | ${BOT_CPU[-1]} | ${BOT_RP50[-1]}/${BOT_RP99[-1]} | ${BARE_RPS[-1]} | ${BARE_P50[-1]}/${BARE_P99[-1]} | ${BARE_CPU[-1]} | ${BARE_RP50[-1]}/${BARE_RP99[-1]}"
done

rss() { awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
m() { printf '%s\n' "$@" | median; }
bot_rps=$(m "${BOT_RPS[@]}"); bare_rps=$(m "${BARE_RPS[@]}")
echo
echo "median bot:  ${bot_rps} req/s, p50 $(m "${BOT_P50[@]}") ms, p99 $(m "${BOT_P99[@]}") ms, CPU $(m "${BOT_CPU[@]}") ms/req; at ${RATE} req/s p50 $(m "${BOT_RP50[@]}") ms, p99 $(m "${BOT_RP99[@]}") ms; peak RSS $(rss $BOT_PID) MB"
echo "median bare: ${bare_rps} req/s, p50 $(m "${BARE_P50[@]}") ms, p99 $(m "${BARE_P99[@]}") ms, CPU $(m "${BARE_CPU[@]}") ms/req; at ${RATE} req/s p50 $(m "${BARE_RP50[@]}") ms, p99 $(m "${BARE_RP99[@]}") ms; peak RSS $(rss $BARE_PID) MB"
awk -v a="$bot_rps" -v b="$bare_rps" 'BEGIN {printf "ratio bot/bare req/s: %.2f (target >= 0.5)\n", a/b}'
if [ "$BENCH_COMMAND" = "quote" ]; then
  sleep 1 # requests wrk abandoned at the end of a run still complete
  stored=$(sqlite3 "$DATA/gtmbot.db" "SELECT count(*) FROM quotes")
  echo "quotes stored: $stored; 2xx answers in the measured rounds: $BOT_2XX (stored also counts the warm-up and the check)"
fi
