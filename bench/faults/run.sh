#!/usr/bin/env bash
# The long runs of the fault suite: the same tests as `dotnet test`, with bench-sized counts and durations.
#   bench/faults/run.sh            10,000 Slack + 5,000 Teams mutated requests, a 60 s Slack outage
#   SLACK=2000 TEAMS=1000 OUTAGE=20 bench/faults/run.sh
# Prints each test's outcome and duration, the host's peak memory (VmHWM of the test process), the highest 1-minute load
# average seen while it ran, and the fuzzers' figures (answers by status, 5xx, slowest answer).
set -euo pipefail
cd "$(dirname "$0")/../.."

export GTMBOT_FUZZ_SLACK="${SLACK:-10000}"
export GTMBOT_FUZZ_TEAMS="${TEAMS:-5000}"
export GTMBOT_FUZZ_SEED="${SEED:-12}"
export GTMBOT_FAULT_OUTAGE_SECONDS="${OUTAGE:-60}"
export GTMBOT_FAULT_REPORT
GTMBOT_FAULT_REPORT=$(mktemp)

dotnet build tests/GtmBot.IntegrationTests -c Release -v q -nologo
# The test assembly run by xUnit's in-process runner (its options: -method with wildcards, -noColor).
runner=tests/GtmBot.IntegrationTests/bin/Release/net10.0/GtmBot.IntegrationTests
for filter in "*Mutated_signed_slack*" "*Mutated_teams*" "*An_outage_loses_nothing*" "*A_429_storm_delays_but*" "*Replies_lost_after*"; do
  log=$(mktemp)
  start=$(date +%s)
  "$runner" -method "$filter" -noColor >"$log" 2>&1 &
  pid=$!
  peak=0
  load=0
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
    load=$(awk -v l="$load" '{print ($1 > l) ? $1 : l}' /proc/loadavg)
    sleep 1
  done
  wait "$pid" && result=passed || result=FAILED
  echo "$filter: $result in $(( $(date +%s) - start )) s, peak RSS $(( peak / 1024 )) MB, highest load average $load"
  grep -a -E -A6 "\[FAIL\]" "$log" | head -14 || true
  grep -a -E "Total: [0-9]+" "$log" || true
  rm -f "$log"
done
cat "$GTMBOT_FAULT_REPORT"
rm -f "$GTMBOT_FAULT_REPORT"
