using System.Diagnostics;
using System.Globalization;
using GtmBot.Engine.Tagging;

namespace GtmBot.Bench;

/// <summary>
/// <c>cpu [n]</c>: tags the benchmark mix n times on one thread with the trained and the rule tagger and reports quotes
/// per second of this process's CPU time as well as of wall time. On a shared, overloaded machine the wall clock measures
/// the queue for a core; CPU time measures the tagger. Each tagger first runs for <see cref="WarmUp"/> of CPU time so the
/// tiered JIT has finished (the warm-up's own rate, JIT included, is printed too): process CPU time counts the JIT's
/// background threads, which would otherwise be billed to the tagger.
/// </summary>
public static class CpuThroughput
{
    /// <summary>CPU time spent tagging before measuring (tier-0 code is replaced by optimised code within about a second).</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var model = Stopwatch.StartNew();
        var trained = new ModelQuoteTagger(TaggerModel.Load(Path.Combine(AppContext.BaseDirectory, TaggerModel.OutputPath)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model load (wall, first load in this process): {model.Elapsed.TotalMilliseconds:F0} ms"));
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model in memory (managed heap growth over the load): {(heapAfter - heapBefore) / 1048576.0:F1} MB; process working set {Environment.WorkingSet / 1048576.0:F0} MB"));
        GC.KeepAlive(trained);
        Measure("trained (ModelQuoteTagger)", trained, rounds);
        Measure("rules (QuoteTagger)", new QuoteTagger(), rounds);
        return 0;
    }

    private static void Measure(string name, IQuoteTagger tagger, int rounds)
    {
        var quotes = TrainedTaggerBenchmark.Mix;
        var process = Process.GetCurrentProcess();
        var warmStart = process.TotalProcessorTime;
        var warmed = 0;
        while (process.TotalProcessorTime - warmStart < WarmUp)
        {
            for (var r = 0; r < 100; r++)
            {
                foreach (var q in quotes)
                {
                    warmed += tagger.Tag(q).Tags.Count >= 0 ? 1 : 0;
                }
            }

            process.Refresh();
        }

        var warmCpu = (process.TotalProcessorTime - warmStart).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} warm-up (JIT included): {warmed} quotes, CPU {warmCpu:F2} s → {warmed / warmCpu:N0} quotes/CPU-s"));
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var n = 0;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var q in quotes)
            {
                n += tagger.Tag(q).Tags.Count >= 0 ? 1 : 0;
            }
        }

        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {n} quotes, CPU {cpu:F2} s → {n / cpu:N0} quotes/CPU-s ({cpu * 1e6 / n:F1} µs each); wall {wall.Elapsed.TotalSeconds:F2} s → {n / wall.Elapsed.TotalSeconds:N0} quotes/s"));
    }
}
