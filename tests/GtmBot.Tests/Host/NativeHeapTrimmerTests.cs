using System.Runtime.InteropServices;
using GtmBot.Host;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Host;

public sealed class NativeHeapTrimmerTests
{
    [Fact]
    public async Task Trims_only_after_the_resident_size_grew_by_the_bound()
    {
        const long Mb = 1024 * 1024;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        var resident = 150 * Mb;
        var trims = 0;
        using var trimmer = new NativeHeapTrimmer(
            clock,
            () => Interlocked.Read(ref resident),
            () =>
            {
                Interlocked.Increment(ref trims);
                Interlocked.Add(ref resident, -10 * Mb); // what a trim gives back
                return true;
            });
        using var stop = new CancellationTokenSource();
        var run = trimmer.RunAsync(stop.Token);
        var ticks = 0;

        async Task TickAsync(long residentNow)
        {
            Interlocked.Exchange(ref resident, residentNow);
            clock.Advance(NativeHeapTrimmer.Interval);
            ticks++;
            await WaitForAsync(() => trimmer.Ticks >= ticks);
        }

        const long Bound = NativeHeapTrimmer.GrowthBeforeTrim;
        await TickAsync(150 * Mb + Bound - 1); // grew, but less than the bound
        Assert.Equal(0, Volatile.Read(ref trims));

        await TickAsync(150 * Mb + Bound); // the bound reached: trimmed, 10 MB given back
        Assert.Equal(1, Volatile.Read(ref trims));

        // Growth counts from the size after the trim (140 MB + the bound), not from the start.
        await TickAsync(140 * Mb + Bound + Bound - 1);
        Assert.Equal(1, Volatile.Read(ref trims));

        // Shrinking on its own moves the mark down: 130 MB, then the bound above it.
        await TickAsync(130 * Mb);
        await TickAsync(130 * Mb + Bound);
        Assert.Equal(2, Volatile.Read(ref trims));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
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
