using GtmBot.Host;

namespace GtmBot.Tests.Host;

public sealed class MallocArenasTests
{
    [Fact]
    public void Glibc_takes_the_arena_limit()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/lib/x86_64-linux-gnu/libc.so.6") || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            Assert.Skip("Not glibc on x86-64 Linux, or MALLOC_ARENA_MAX is set: the host leaves the arenas alone there.");
        }

        Assert.True(MallocArenas.Limit());
    }
}
