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
