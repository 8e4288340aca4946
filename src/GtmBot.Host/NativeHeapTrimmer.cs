using System.Runtime.InteropServices;

namespace GtmBot.Host;

/// <summary>
/// Hands the native heap's free pages back to the OS (glibc's <c>malloc_trim(0)</c>) whenever the process's resident memory has
/// grown by <see cref="GrowthBeforeTrim"/> since the last trim. glibc keeps what is freed inside its arenas and returns only
/// the free space at an arena's top, so the churn of a capture stream (SQLite's page caches refilled after every commit by
/// another connection, its statements and FTS5 runs, the JIT) left ~30–40 MB of free native memory resident: with 25 MB in
/// use, glibc held 65 MB in seven arenas, and one trim took the RSS down by 31 MB (bench/README.md, "Memory"). The arena limit
/// set in code (<see cref="MallocArenas"/>) comes after the runtime's own threads have made their arenas, so it does not bound
/// this by itself.
/// </summary>
internal sealed class NativeHeapTrimmer(TimeProvider clock, Func<long> residentBytes, Func<bool> trim) : BackgroundService
{
    /// <summary>How often the resident size is read (one small read of <c>/proc</c>; no trim unless it grew).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Growth of the resident size that triggers a trim: the peak stays within about this much of what is in use. A trim is
    /// not free (it releases every free chunk again, released before or not, and the pages fault back in when reused): under
    /// captures, trimming every second put ~7 % of the host's CPU samples in madvise and page faults, a bound of 8 MB ~6 %
    /// (a trim every ~10 s), this one ~4 % for about the same peak (202 MB against 227 MB untrimmed in the same series).
    /// </summary>
    public const long GrowthBeforeTrim = 16L * 1024 * 1024;

    private int _ticks;

    public NativeHeapTrimmer(TimeProvider clock)
        : this(clock, () => Environment.WorkingSet, TrimGlibc)
    {
    }

    /// <summary>Ticks handled so far (each a read of the resident size, and a trim when it grew by the bound).</summary>
    internal int Ticks => Volatile.Read(ref _ticks);

    /// <summary>True where glibc's malloc runs the process (Linux with glibc; not musl, Windows or macOS).</summary>
    public static bool Available => OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var libc)
        && NativeLibrary.TryGetExport(libc, "malloc_trim", out _);

    /// <summary>One <c>malloc_trim(0)</c>: true when glibc gave memory back.</summary>
    public static bool TrimGlibc() => NativeMethods.malloc_trim(UIntPtr.Zero) == 1;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    /// <summary>Reads the resident size once per <see cref="Interval"/> until stopped; the timer is set before the first await.</summary>
    internal async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        var afterLastTrim = residentBytes();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = residentBytes();
            if (now - afterLastTrim >= GrowthBeforeTrim)
            {
                trim();
                afterLastTrim = residentBytes();
            }
            else if (now < afterLastTrim)
            {
                afterLastTrim = now; // shrank on its own (the GC gave memory back): growth counts from here
            }

            Interlocked.Increment(ref _ticks);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc.so.6", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int malloc_trim(UIntPtr pad);
    }
}
