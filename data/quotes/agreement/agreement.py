"""Agreement between the corpus labels and a blind re-labelling of a sample.

usage: python3 data/quotes/agreement/agreement.py [BLIND_FILE]  (default: blind-520.jsonl, beside this script)
Reads data/quotes/train.jsonl + test.jsonl (first labels) and the blind labels of a sample;
prints per tag: agreement, Cohen's kappa, and both label counts; then the motive and the customer field.
"""
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
first = {}
for name in ("train.jsonl", "test.jsonl"):
    for line in open(os.path.join(root, name), encoding="utf-8"):
        r = json.loads(line); first[r["id"]] = r
name = sys.argv[1] if len(sys.argv) > 1 else "blind-520.jsonl"
blind = [json.loads(l) for l in open(name if os.path.isabs(name) else os.path.join(here, name), encoding="utf-8")]
TAGS = ["pain", "scenario", "feature-request", "objection", "pricing", "competitor", "praise", "churn-risk"]

def kappa(pairs, labels):
    n = len(pairs); po = sum(a == b for a, b in pairs) / n
    pe = sum((sum(a == l for a, _ in pairs) / n) * (sum(b == l for _, b in pairs) / n) for l in labels)
    return po, (po - pe) / (1 - pe) if pe < 1 else 1.0

print(f"{len(blind)} records re-labelled blind")
print(f"{'field':16} {'agree':>6} {'kappa':>6} {'first':>6} {'blind':>6}")
for t in TAGS:
    pairs = [(t in first[b["id"]]["tags"], t in b["tags"]) for b in blind]
    po, k = kappa(pairs, [True, False])
    print(f"{t:16} {po:6.3f} {k:6.3f} {sum(a for a, _ in pairs):6d} {sum(b for _, b in pairs):6d}")
pairs = [(first[b["id"]]["motive"], b["motive"]) for b in blind]
po, k = kappa(pairs, ["need", "want", "unclear"])
print(f"{'motive':16} {po:6.3f} {k:6.3f}")
pairs = [(first[b["id"]]["customer"], b["customer"]) for b in blind]
print(f"{'customer':16} {sum(a == b for a, b in pairs) / len(pairs):6.3f}")
exact = sum(first[b["id"]]["tags"] == b["tags"] for b in blind) / len(blind)
print(f"{'all tags exact':16} {exact:6.3f}")
