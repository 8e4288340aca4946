import csv,sys,collections
# Sums dotnet-counters CSV rows (GC pauses and collections, allocation, CPU, thread-pool queue) between two HH:MM:SS times: gcwin.py counters.csv FROM TO
rows=list(csv.reader(open(sys.argv[1])))[1:]
t0,t1=sys.argv[2],sys.argv[3]
by=collections.defaultdict(list)
for r in rows:
    ts=r[0].split()[1]
    if t0<=ts<=t1: by[r[2]].append(float(r[4]))
for k,v in sorted(by.items()):
    if any(w in k for w in ('pause','collections','queue','cpu.time','total_allocated','lock.contention')):
        print(f"{k[:100]:100s} n={len(v)} sum={sum(v):.3f} max={max(v):.3f}")
