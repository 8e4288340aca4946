# Shares of a perf profile by leaf kind and, for managed samples, by our innermost layer: summarize.py <perf script -F comm,tid,ip,sym,dso output>...
import sys, collections, re
exec(open(__import__('os').path.join(__import__('os').path.dirname(__file__), 'classify.py')).read().split("layer_c, kind_c")[0].replace("import sys, re, collections",""))
for path in sys.argv[1:]:
    tot=0; by=collections.Counter(); thr=collections.Counter()
    for comm, frames in samples(path):
        tot+=1
        leaf=frames[0] if frames else ""
        kind=next(k for k,f in KINDS if f(leaf))
        if kind.startswith("kernel: other") or kind=="kernel: futex":
            for f in frames:
                if "[kernel" not in f:
                    for k,fn in KINDS[2:7]:
                        if fn(f): kind=k; break
                    break
        if comm.startswith(".NET Long"): thr["checkpointer thread (all)"]+=1
        if any('libe_sqlite3' in f for f in frames) and kind not in ("SQLite native: FTS5",): 
            if kind.startswith("libc"): kind="libc under SQLite"
        layer=None
        for f in frames:
            for name,pat in LAYERS:
                if re.search(pat,f): layer=name; break
            if layer: break
        if kind in ("managed","runtime (libcoreclr: GC, stubs, alloc)") and layer:
            by["managed: "+layer]+=1
        else:
            by[kind]+=1
    print(path, tot)
    for k,v in sorted(by.items(), key=lambda x:-x[1]):
        print(f"  {100*v/tot:5.1f}  {k}")
    for k,v in thr.items(): print(f"  {100*v/tot:5.1f}  {k}")
