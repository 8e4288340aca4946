using GtmBot.Engine.Themes;

namespace GtmBot.Tests.Themes;

public sealed class ThemeClusteringTests
{
    /// <summary>
    /// A channel of near-identical quotes links every pair. The clustering once held a table of all linked pairs and a heap of
    /// them (~n²/2 entries, 177 MB allocated for 1,000 such quotes); now what it allocates grows with the items, not the pairs.
    /// </summary>
    [Fact]
    public void Near_identical_items_cost_memory_linear_in_the_items_not_the_pairs()
    {
        var small = AllocatedBytes(500);
        var large = AllocatedBytes(2_000);

        // Four times the items: about four times the bytes if linear, sixteen if every pair were kept.
        Assert.True(large < small * 6, $"500 items: {small:N0} bytes, 2,000 items: {large:N0} bytes");
        Assert.True(large < 2_000 * 4_096, $"2,000 items allocated {large:N0} bytes, over 4 KB per item");
    }

    [Fact]
    public void Near_identical_items_make_one_cluster()
    {
        var (features, weights) = NearIdentical(300);

        var cluster = Assert.Single(ThemeEngine.Cluster(features, weights));

        Assert.Equal(Enumerable.Range(0, 300), cluster.Order());
    }

    /// <summary>The clustering against a plain average-linkage one that recomputes every pair of clusters from the items.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Merges_the_same_clusters_as_plain_average_linkage(int seed)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 30).Select(i => "w:f" + i).ToList();
        var weights = vocabulary.ToDictionary(f => f, _ => 0.5 + (3 * random.NextDouble()), StringComparer.Ordinal);
        weights.Remove("w:f29"); // a feature nobody weighs links nothing
        var features = Enumerable.Range(0, 60).Select(_ =>
        {
            var item = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                var f = vocabulary[(int)(vocabulary.Count * Math.Pow(random.NextDouble(), 2))]; // a few common, many rare
                item[f] = f[2..];
            }

            return item;
        }).ToList();

        var expected = PlainAverageLinkage(features, weights);
        var actual = ThemeEngine.Cluster(features, weights);

        Assert.Equal(expected.Select(c => c.Order().ToList()), actual.Select(c => c.Order().ToList()));
        Assert.Contains(actual, c => c.Count > 2); // the case merges clusters, not only pairs
    }

    private static long AllocatedBytes(int n)
    {
        var (features, weights) = NearIdentical(n);
        ThemeEngine.Cluster(features, weights); // the first call JITs
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clusters = ThemeEngine.Cluster(features, weights);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Single(clusters);
        return allocated;
    }

    private static (List<Dictionary<string, string>> Features, Dictionary<string, double> Weights) NearIdentical(int n)
    {
        var shared = Enumerable.Range(0, 10).Select(i => "w:shared" + i).ToList();
        var features = Enumerable.Range(0, n).Select(i =>
        {
            var item = shared.ToDictionary(f => f, f => f[2..], StringComparer.Ordinal);
            item["w:own" + i] = "own"; // one word of its own, weighed as nothing
            item["w:group" + (i % 7)] = "group";
            return item;
        }).ToList();
        var weights = shared.Concat(Enumerable.Range(0, 7).Select(g => "w:group" + g)).ToDictionary(f => f, f => f.Contains("group", StringComparison.Ordinal) ? 0.7 : 0.3, StringComparer.Ordinal);
        return (features, weights);
    }

    /// <summary>Merges the pair of clusters with the highest average item-pair similarity (ties: the lower ids) while it reaches the threshold.</summary>
    private static List<List<int>> PlainAverageLinkage(List<Dictionary<string, string>> features, Dictionary<string, double> weights)
    {
        var n = features.Count;
        var similarity = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                similarity[i, j] = features[i].Keys.Where(f => features[j].ContainsKey(f) && weights.ContainsKey(f)).Sum(f => weights[f]);
            }
        }

        var clusters = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToList();
        var alive = Enumerable.Repeat(true, n).ToArray();
        while (true)
        {
            var (bestA, bestB, bestAverage) = (-1, -1, double.NegativeInfinity);
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    if (!alive[a] || !alive[b])
                    {
                        continue;
                    }

                    var average = clusters[a].Sum(i => clusters[b].Sum(j => similarity[i, j])) / (clusters[a].Count * clusters[b].Count);
                    if (average >= ThemeEngine.MergeThreshold && average > bestAverage)
                    {
                        (bestA, bestB, bestAverage) = (a, b, average);
                    }
                }
            }

            if (bestA < 0)
            {
                return [.. Enumerable.Range(0, n).Where(i => alive[i]).Select(i => clusters[i])];
            }

            clusters[bestA].AddRange(clusters[bestB]);
            alive[bestB] = false;
        }
    }
}
