#!/usr/bin/env bash
# Theme recall and count accuracy of the feedback summarizer on the development documents.
# Usage: bench/summaries-eval.sh [--llm]     (reads ../shared/eval/feedback-dev relative to the repo root)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# ../shared next to the repository (a worktree one level deeper looks further up).
dev="$root/../shared/eval/feedback-dev"
[ -d "$dev" ] || dev="$root/../../shared/eval/feedback-dev"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet build "$root/src/GtmBot.Host" -v q -nologo >/dev/null
for gold in "$dev"/fb*.gold.json; do
  doc="${gold%.gold.json}"
  dotnet run --no-build --project "$root/src/GtmBot.Host" -- summarize "$@" < "$doc.txt" > "$out/$(basename "$doc").json"
done
python3 - "$dev" "$out" <<'PY'
import json, os, sys
dev, out = sys.argv[1], sys.argv[2]
tot = rec = cust = ment = motive = extra = 0
for name in sorted(f for f in os.listdir(dev) if f.endswith(".gold.json")):
    doc = name[:-len(".gold.json")]
    gold = json.load(open(os.path.join(dev, name), encoding="utf-8"))["themes"]
    pred = json.load(open(os.path.join(out, doc + ".json"), encoding="utf-8"))["themes"]
    used = set()
    for g in gold:
        kws = [k.lower() for k in g["keywords"]] + [g["theme"].lower()]
        def score(p):
            words = [p["label"].lower()] + [k.lower() for k in p["keywords"]]
            return sum(1 for k in kws if any(k in w or (len(w) > 1 and w in k) for w in words))
        cands = [(score(p), i) for i, p in enumerate(pred) if i not in used]
        best = max(cands, default=(0, -1))
        tot += 1
        if best[0] == 0:
            print(f"{doc}: MISSED  {g['theme']}")
            continue
        used.add(best[1]); p = pred[best[1]]; rec += 1
        c_ok = p["distinct_customers"] == g["distinct_customers"]; m_ok = p["mentions"] == g["mentions"]; mo_ok = p["motive"] == g["motive"]
        cust += c_ok; ment += m_ok; motive += mo_ok
        print(f"{doc}: {g['theme']} -> {p['label']}  customers {p['distinct_customers']}/{g['distinct_customers']} mentions {p['mentions']}/{g['mentions']} motive {p['motive']}/{g['motive']}")
    extra += len(pred) - len(used)
print(f"\nthemes recalled: {rec}/{tot} ({100*rec/tot:.0f} %)")
print(f"distinct customers exact: {cust}/{tot}   mentions exact: {ment}/{tot}   motive right: {motive}/{tot}   extra themes: {extra}")
PY
