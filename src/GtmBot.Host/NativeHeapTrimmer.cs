using System.Runtime.InteropServices;

namespace GtmBot.Host;

/// <summary>
/// Hands the native heap's free pages back to the OS every <see cref="Interval"/> (glibc's <c>malloc_trim(0)</c>). glibc keeps
/// what is freed inside its arenas and returns only the free space at an arena's top, so the churn of a capture stream
/// (SQLite's page caches refilled after every commit by another connection, its statements and FTS5 runs, the JIT) left
/// ~40 MB of free native memory resident: with 25 MB in use, glibc held 65 MB in seven arenas, and one trim took the RSS down
/// by 31 MB (bench/README.md, "Memory"). The arena limit set in code (<see cref="MallocArenas"/>) comes after the runtime's
/// own threads have made their arenas, so it does not bound this by itself.
/// </summary>
internal sealed class NativeHeapTrimmer(TimeProvider clock, Func<bool> trim) : BackgroundService
{
    /// <summary>
    /// Between two trims. A trim walks the arenas' free lists (well under a millisecond for the tens of MB here) and the pages it
    /// gives back fault in again when reused; once a second keeps both costs small while the free memory cannot pile up.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public NativeHeapTrimmer(TimeProvider clock)
        : this(clock, TrimGlibc)
    {
    }

    /// <summary>True where glibc's malloc runs the process (Linux with glibc; not musl, Windows or macOS).</summary>
    public static bool Available => OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var libc)
        && NativeLibrary.TryGetExport(libc, "malloc_trim", out _);

    /// <summary>One <c>malloc_trim(0)</c>: true when glibc gave memory back.</summary>
    public static bool TrimGlibc() => NativeMethods.malloc_trim(UIntPtr.Zero) == 1;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    /// <summary>Trims once per <see cref="Interval"/> until stopped; the timer is set before the first await.</summary>
    internal async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            trim();
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc.so.6", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int malloc_trim(UIntPtr pad);
    }
}
