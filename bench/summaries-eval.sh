#!/usr/bin/env bash
# Theme recall and count accuracy of the offline feedback summarizer (one theme engine, src/GtmBot.Engine/Themes).
# Usage: bench/summaries-eval.sh [--verbose]
#   scores the development documents (../shared/eval/feedback-dev, when present next to the repository) and the
#   repository's own documents (data/feedback and its batches); see bench/README.md for the counting rules and results.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# ../shared next to the repository (a worktree one level deeper looks further up).
dev="$root/../shared/eval/feedback-dev"
[ -d "$dev" ] || dev="$root/../../shared/eval/feedback-dev"
dirs=()
[ -d "$dev" ] && dirs+=("$dev") || echo "(../shared/eval/feedback-dev not found: development documents skipped)" >&2
dirs+=("$root/data/feedback")
for d in "$root"/data/feedback/*/; do dirs+=("${d%/}"); done
dotnet run -c Release --project "$root/bench/GtmBot.Bench" -- themes-eval "${dirs[@]}" "$@"
