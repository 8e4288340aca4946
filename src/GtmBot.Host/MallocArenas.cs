using System.Runtime.InteropServices;

namespace GtmBot.Host;

/// <summary>
/// glibc's malloc gives each thread that allocates while others do an arena of its own (up to eight per core), and each arena
/// keeps the memory freed into it. Under the capture load (thread pool, Kestrel, SQLite's page caches and statements) that was
/// ~27 MB of native heap in about ten arenas; two arenas hold the same data in less (bench/README.md, "Memory"). Set here, the
/// limit only stops new arenas: the runtime's threads that allocated before <c>Main</c> already have theirs (seven arenas were
/// counted under load), so only <c>MALLOC_ARENA_MAX=2</c> in the host's environment bounds them all; the free memory they keep
/// is given back by <see cref="NativeHeapTrimmer"/>.
/// </summary>
internal static class MallocArenas
{
    /// <summary>Most arenas glibc creates; set before the host starts its threads.</summary>
    public const int MaxArenas = 2;

    /// <summary><c>M_ARENA_MAX</c> in glibc's <c>malloc.h</c>.</summary>
    private const int ArenaMaxParameter = -8;

    /// <summary>
    /// Limits glibc's arenas to <see cref="MaxArenas"/> unless the environment's <c>MALLOC_ARENA_MAX</c> already says how many.
    /// False where there is no glibc (Windows, macOS, musl): nothing to limit there.
    /// </summary>
    public static bool Limit()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return NativeMethods.mallopt(ArenaMaxParameter, MaxArenas) == 1;
        }
        catch (DllNotFoundException)
        {
            return false; // not glibc (e.g. Alpine's musl has no libc.so.6 and no arenas to limit)
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc.so.6", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int mallopt(int param, int value);
    }
}
