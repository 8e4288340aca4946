using GtmBot.Engine;
using GtmBot.Engine.Tagging;
using GtmBot.Host.Tagging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.Tests.Tagging;

/// <summary>The model file: round trip, checksum, and the host refusing to start without a usable one.</summary>
public sealed class TaggerModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gtmbot-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The model shipped in the repo, as the build copies it next to the tests.</summary>
    internal static TaggerModel Shipped { get; } = TaggerModel.Load(Path.Combine(AppContext.BaseDirectory, TaggerModel.OutputPath));

    /// <summary>A hand-made model: every weight zero, so each tag's probability is fixed by its bias.</summary>
    internal static TaggerModel Synthetic(float painBias, float threshold = 0.4f, float confident = 0.9f)
    {
        var heads = QuoteTags.All.Select(t => new TagHead(t, t == QuoteTags.Pain ? painBias : -5f, -1f, 0f, threshold, confident)).ToList();
        return new TaggerModel(FeatureKinds.Default, heads, [0.5f, 0f, 0f], new float[QuoteFeatures.Dimension * TaggerModel.Outputs], "synthetic");
    }

    [Fact]
    public void Saved_model_reads_back_the_same_and_saves_to_the_same_bytes()
    {
        var path = Path.Combine(_dir, "m.bin");
        using (var file = File.Create(path))
        {
            Shipped.Save(file);
        }

        var again = TaggerModel.Load(path);
        var first = new MemoryStream();
        Shipped.Save(first);
        var second = new MemoryStream();
        again.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());

        const string quote = "Acme: we retype every order into a spreadsheet by hand and it keeps going wrong";
        Assert.Equal(new ModelQuoteTagger(Shipped).Tag(quote), new ModelQuoteTagger(again).Tag(quote), new TagResultComparer());
        Assert.Equal(Shipped.Description, again.Description);
    }

    [Fact]
    public void Quantised_weights_stay_within_half_a_step_of_the_trained_ones_and_survive_a_round_trip()
    {
        var random = new Random(7);
        var weights = new float[QuoteFeatures.Dimension * TaggerModel.Outputs];
        for (var f = 0; f < QuoteFeatures.Dimension; f += 97)
        {
            for (var o = 0; o < TaggerModel.Outputs; o++)
            {
                // Mostly small weights and now and then a large one in the same row, as n-grams and cues give.
                weights[(f * TaggerModel.Outputs) + o] = (float)((random.NextDouble() - 0.5) * (random.Next(10) == 0 ? 40 : 1));
            }
        }

        var model = new TaggerModel(FeatureKinds.Default, Synthetic(0f).Heads, [0f, 0f, 0f], weights, "random");
        for (var f = 0; f < QuoteFeatures.Dimension; f += 97)
        {
            var row = weights.AsSpan(f * TaggerModel.Outputs, TaggerModel.Outputs);
            var step = row.ToArray().Max(x => Math.Abs(x)) / 127f;
            for (var o = 0; o < TaggerModel.Outputs; o++)
            {
                Assert.InRange(model.Weight(f, o) - row[o], (-step / 2) - 1e-6f, (step / 2) + 1e-6f);
            }
        }

        Assert.Equal(0f, model.Weight(1, 0));
        var path = Path.Combine(_dir, "q.bin");
        using (var file = File.Create(path))
        {
            model.Save(file);
        }

        var again = TaggerModel.Load(path);
        var features = SparseVector.Of([0, 97, 194, 9700], [0.5f, 0.25f, 1f, 0.125f]);
        var first = new float[TaggerModel.Outputs];
        var second = new float[TaggerModel.Outputs];
        model.Score(features, first);
        again.Score(features, second);
        Assert.Equal(first, second);
        for (var o = 0; o < TaggerModel.Outputs; o++)
        {
            var exact = (0.5f * weights[o]) + (0.25f * weights[(97 * TaggerModel.Outputs) + o]) + weights[(194 * TaggerModel.Outputs) + o] + (0.125f * weights[(9700 * TaggerModel.Outputs) + o]);
            Assert.InRange(first[o], exact - 0.2f, exact + 0.2f);
        }

        // A file of int8 weights is about a quarter of one of 32-bit floats: index gap, row scale and 11 bytes per feature.
        Assert.InRange(new FileInfo(path).Length, 1, (QuoteFeatures.Dimension / 97 * (TaggerModel.Outputs + 8)) + 2000);
    }

    [Fact]
    public void The_motive_stack_decides_the_motive_and_is_saved_with_the_model()
    {
        // Every weight of the second stage zero except one: the praise probability pushes towards want.
        var stackWeights = new float[MotiveStack.FeatureCount * TaggerModel.MotiveOrder.Count];
        var praise = QuoteTags.All.ToList().IndexOf(QuoteTags.Praise);
        stackWeights[(1 * MotiveStack.FeatureCount) + 3 + praise] = 10f;
        var stack = new MotiveStack(stackWeights, [1f, 0f, 0f]);
        var heads = QuoteTags.All.Select(t => new TagHead(t, t == QuoteTags.Praise ? 5f : -5f, -1f, 0f, 0.5f, 0.9f)).ToList();
        var model = new TaggerModel(FeatureKinds.Default, heads, [3f, 0f, 0f], new float[QuoteFeatures.Dimension * TaggerModel.Outputs], "stacked", stack);
        var without = new TaggerModel(FeatureKinds.Default, heads, [3f, 0f, 0f], new float[QuoteFeatures.Dimension * TaggerModel.Outputs], "first stage only");

        const string quote = "Acme: the new dashboard is lovely";
        Assert.Equal(Motive.Want, new ModelQuoteTagger(model).Tag(quote).Motive);
        Assert.Equal(Motive.Need, new ModelQuoteTagger(without).Tag(quote).Motive);

        var path = Path.Combine(_dir, "s.bin");
        using (var file = File.Create(path))
        {
            model.Save(file);
        }

        var again = TaggerModel.Load(path);
        Assert.NotNull(again.Stack);
        Assert.Equal(stackWeights, again.Stack.Weights);
        Assert.Equal(Motive.Want, new ModelQuoteTagger(again).Tag(quote).Motive);
    }

    [Fact]
    public void Missing_model_names_the_file_and_the_rebuild_command()
    {
        var path = Path.Combine(_dir, "nowhere.bin");
        var e = Assert.Throws<TaggerModelException>(() => TaggerModel.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
        Assert.Contains(TaggerModel.RebuildCommand, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_byte_is_caught_by_the_checksum()
    {
        var path = Path.Combine(_dir, "corrupt.bin");
        using (var file = File.Create(path))
        {
            Synthetic(0f).Save(file);
        }

        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<TaggerModelException>(() => TaggerModel.Load(path));
        Assert.Contains("corrupt", e.Message, StringComparison.Ordinal);
        Assert.Contains(TaggerModel.RebuildCommand, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        var path = Path.Combine(_dir, "text.bin");
        File.WriteAllText(path, "this is not a model, just some text that is long enough to have a checksum's worth of bytes");
        var e = Assert.Throws<TaggerModelException>(() => TaggerModel.Load(path));
        Assert.Contains("not a tagger model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_feature_kinds_this_build_does_not_compute_is_refused()
    {
        var heads = Synthetic(0f).Heads;
        var model = new TaggerModel(FeatureKinds.Default | (FeatureKinds)(1 << 20), heads, [0f, 0f, 0f], new float[QuoteFeatures.Dimension * TaggerModel.Outputs], "from a later build");
        var path = Path.Combine(_dir, "later.bin");
        using (var file = File.Create(path))
        {
            model.Save(file);
        }

        var e = Assert.Throws<TaggerModelException>(() => TaggerModel.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("feature kinds", e.Message, StringComparison.Ordinal);
        Assert.Contains(TaggerModel.RebuildCommand, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Host_stops_at_start_up_when_the_model_is_missing_or_corrupt(bool corrupt)
    {
        var path = Path.Combine(_dir, "tagger.bin");
        if (corrupt)
        {
            File.WriteAllBytes(path, [.. "GTMTAG"u8.ToArray(), 1, .. new byte[40]]);
        }

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [TaggingServiceCollectionExtensions.ModelPathKey] = path });
        builder.Services.AddGtmEngine();
        builder.Services.AddGtmTagger(builder.Configuration);
        using var app = builder.Build();

        var e = Assert.Throws<TaggerModelException>(() => app.EnsureTaggerModel());
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("tools/GtmBot.Training", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_model_loads_for_the_host()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddGtmEngine();
        builder.Services.AddGtmTagger(builder.Configuration);
        using var app = builder.Build();

        app.EnsureTaggerModel();
        Assert.IsType<ModelQuoteTagger>(app.Services.GetRequiredService<IQuoteTagger>());
    }

    private sealed class TagResultComparer : IEqualityComparer<TagResult>
    {
        public bool Equals(TagResult? x, TagResult? y) =>
            x is not null && y is not null && x.Tags.SequenceEqual(y.Tags) && x.Motive == y.Motive && (x.Suggested ?? []).SequenceEqual(y.Suggested ?? []);

        public int GetHashCode(TagResult obj) => obj.Tags.Count;
    }
}
