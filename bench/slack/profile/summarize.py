# Shares of a perf profile by leaf kind and, for managed samples, by our innermost layer: summarize.py <perf script -F comm,tid,ip,sym,dso output>...
import os, sys, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from classify import samples, kind_of, layer_of

for path in sys.argv[1:]:
    tot = 0; by = collections.Counter(); thr = collections.Counter()
    for comm, frames in samples(path):
        tot += 1
        kind = kind_of(frames)
        if comm.startswith(".NET Long"): thr["checkpointer thread (all)"] += 1
        if any('libe_sqlite3' in f for f in frames) and kind not in ("SQLite native: FTS5",):
            if kind.startswith("libc"): kind = "libc under SQLite"
        layer = layer_of(frames)
        if kind in ("managed", "runtime (libcoreclr: GC, stubs, alloc)") and layer:
            by["managed: " + layer] += 1
        else:
            by[kind] += 1
    print(path, tot)
    for k, v in sorted(by.items(), key=lambda x: -x[1]):
        print(f"  {100*v/tot:5.1f}  {k}")
    for k, v in thr.items(): print(f"  {100*v/tot:5.1f}  {k}")
