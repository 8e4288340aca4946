using System.Runtime.InteropServices;
using GtmBot.Host;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Host;

public sealed class NativeHeapTrimmerTests
{
    [Fact]
    public async Task Trims_once_per_interval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        var trims = 0;
        using var trimmer = new NativeHeapTrimmer(clock, () => Interlocked.Increment(ref trims) > 0);
        using var stop = new CancellationTokenSource();
        var run = trimmer.RunAsync(stop.Token);

        for (var i = 1; i <= 3; i++)
        {
            clock.Advance(NativeHeapTrimmer.Interval);
            await WaitForAsync(() => Volatile.Read(ref trims) >= i);
        }

        clock.Advance(NativeHeapTrimmer.Interval / 2);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(3, Volatile.Read(ref trims));
    }

    [Fact]
    public void Glibc_gives_freed_native_memory_back()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/lib/x86_64-linux-gnu/libc.so.6"))
        {
            Assert.Skip("Not glibc on x86-64 Linux: the host does not trim there.");
        }

        Assert.True(NativeHeapTrimmer.Available);

        // Another trim in this process between the frees and ours could leave nothing to give back: try a few times.
        Assert.Contains(true, Enumerable.Range(0, 3).Select(_ => FreeAndTrim()));
    }

    /// <summary>
    /// Frees blocks below glibc's mmap threshold while keeping the last one, which holds the arena's top: free() alone then
    /// returns none of their pages, only a trim can.
    /// </summary>
    private static bool FreeAndTrim()
    {
        const int BlockBytes = 64 * 1024;
        var page = new byte[BlockBytes];
        Array.Fill(page, (byte)1);
        var blocks = Enumerable.Range(0, 256).Select(_ => Marshal.AllocHGlobal(BlockBytes)).ToList();
        foreach (var block in blocks)
        {
            Marshal.Copy(page, 0, block, BlockBytes);
        }

        foreach (var block in blocks[..^1])
        {
            Marshal.FreeHGlobal(block);
        }

        try
        {
            return NativeHeapTrimmer.TrimGlibc();
        }
        finally
        {
            Marshal.FreeHGlobal(blocks[^1]);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
