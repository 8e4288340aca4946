#!/usr/bin/env sh
# Scores the offline quote tagger on the labelled dev set: micro-F1 per tag and overall, and motive (need/want/unclear) accuracy.
# Usage: bench/quotes-eval.sh [path/to/quotes.jsonl] [--misses] [--cues]
# Default set: ../shared/eval/quotes-dev.jsonl relative to the repo root.
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet run -c Release --project "$root/bench/GtmBot.Bench" -- eval "$@"
