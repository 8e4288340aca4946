# RSS of a process summed per kind of mapping (/proc/<pid>/smaps): smaps.py <pid>
import sys, re, collections
pid = sys.argv[1]
cur = None; size = 0
groups = collections.Counter()
def cls(name, size_kb, start):
    if name == '': 
        if size_kb >= 1024*1024: return 'anon: GC reserve (>=1GB mapping)'
        if size_kb in (65536, 131072) : return 'anon: 64MB mapping (malloc arena)'
        return 'anon: other'
    if name.startswith('[heap]'): return '[heap] (brk malloc)'
    if 'doublemapper' in name: return 'memfd:doublemapper (JIT code)'
    if '/dotnet/shared/' in name: return 'framework files'
    if name.startswith('/usr/lib') or name.startswith('/lib'): return 'system libs'
    if name.endswith('.db') or name.endswith('-shm') or name.endswith('-wal'): return 'sqlite files'
    if name.startswith('['): return name
    return 'app files'
for line in open(f'/proc/{pid}/smaps'):
    m = re.match(r'^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$', line)
    if m:
        s, e = int(m.group(1),16), int(m.group(2),16)
        cur = cls(m.group(3).strip(), (e-s)//1024, s)
        continue
    if line.startswith('Rss:'):
        groups[cur] += int(line.split()[1])
tot = sum(groups.values())
print(f'total {tot/1024:.1f} MB | ' + ' | '.join(f'{k} {v/1024:.1f}' for k, v in sorted(groups.items(), key=lambda x: -x[1])))
