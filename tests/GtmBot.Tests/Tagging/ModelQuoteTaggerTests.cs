using GtmBot.Engine.Tagging;

namespace GtmBot.Tests.Tagging;

/// <summary>The trained tagger on sentences written for these tests (not from the corpus or the dev set).</summary>
public sealed class ModelQuoteTaggerTests
{
    private readonly ModelQuoteTagger _tagger = new(TaggerModelTests.Shipped);

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("<@U02ABC123> :fire: :+1:")]
    [InlineData("<https://example.com/call-notes> <at>Ravi</at>")]
    public void Empty_whitespace_or_markup_only_quotes_get_no_tags(string text)
    {
        var result = _tagger.Tag(text);
        Assert.True(result.IsEmpty);
        Assert.Empty(result.Tags);
        Assert.Equal(Motive.Unclear, result.Motive);
    }

    [Fact]
    public void Suggested_tags_are_a_subset_of_the_given_tags()
    {
        foreach (var text in new[]
        {
            "Honestly the new release is great, the team loves it.",
            "客户说续费前要再评估一下，可能会换别家。",
            "We need SSO before security will sign off, otherwise no rollout.",
            "这个 dashboard 很 nice，但是导出 PDF 老是超时。",
        })
        {
            var result = _tagger.Tag(text);
            Assert.All(result.Suggested ?? [], s => Assert.Contains(s, result.Tags));
        }
    }

    [Fact]
    public void A_tag_between_its_threshold_and_its_confidence_line_is_suggested()
    {
        // Bias 0 → probability 0.5: over the threshold (0.4), under the confidence line (0.9).
        var unsure = new ModelQuoteTagger(TaggerModelTests.Synthetic(painBias: 0f)).Tag("the export keeps failing");
        Assert.Equal([QuoteTags.Pain], unsure.Tags);
        Assert.Equal([QuoteTags.Pain], unsure.Suggested);

        // Bias 5 → probability 0.99: asserted.
        var sure = new ModelQuoteTagger(TaggerModelTests.Synthetic(painBias: 5f)).Tag("the export keeps failing");
        Assert.Equal([QuoteTags.Pain], sure.Tags);
        Assert.Empty(sure.Suggested ?? []);

        // Bias -5 → probability 0.007: not given.
        Assert.Empty(new ModelQuoteTagger(TaggerModelTests.Synthetic(painBias: -5f)).Tag("the export keeps failing").Tags);
    }

    [Fact]
    public void Customer_and_language_are_read_as_before()
    {
        var result = _tagger.Tag("Harbor Labs: 这个 report 每次都要手动导出，太麻烦了");
        Assert.Equal("Harbor Labs", result.Customer);
        Assert.Equal("mixed", result.Language);
    }

    [Fact]
    public void Traditional_and_simplified_chinese_read_alike()
    {
        var simplified = _tagger.Tag("价格比竞品贵不少，我们很难跟老板交代。");
        var traditional = _tagger.Tag("價格比競品貴不少，我們很難跟老闆交代。");
        Assert.Equal(simplified.Tags, traditional.Tags);
        Assert.Contains(QuoteTags.Pricing, simplified.Tags);
    }

    [Fact]
    public void Corrections_of_one_workspace_pull_similar_quotes_and_leave_others_alone()
    {
        var similar = "Our night nurses want a dark mode on the charting screen";
        var unrelated = "价格比竞品贵不少，我们很难跟老板交代。";
        var before = _tagger.Tag(similar);
        var flip = before.Tags.Contains(QuoteTags.Praise) ? false : true;
        var examples = Enumerable.Range(0, 20).Select(i => new CorrectionExample(
            _tagger.Features($"Our night nurses want a dark mode on the charting screen {i}"),
            flip ? new HashSet<string> { QuoteTags.Praise } : [],
            Motive.Unclear,
            new HashSet<string> { QuoteTags.Praise })).ToList();

        Assert.Equal(flip, _tagger.Tag(similar, examples).Tags.Contains(QuoteTags.Praise));
        Assert.Equal(_tagger.Tag(unrelated).Tags, _tagger.Tag(unrelated, examples).Tags);
    }
}
