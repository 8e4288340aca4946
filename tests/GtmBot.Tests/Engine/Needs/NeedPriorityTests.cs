using GtmBot.Engine.Needs;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using static GtmBot.Tests.Engine.Needs.NeedTestData;

namespace GtmBot.Tests.Engine.Needs;

public sealed class NeedPriorityTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Frequency_counts_distinct_customers_only()
    {
        var quotes = new[]
        {
            Quote(1, "Acme", "sam"),
            Quote(2, " acme ", "lee", "another thing about backup"),
            Quote(3, "Initech", "sam"),
            Quote(4, null, "sam"),
            Quote(5, "", "lee"),
        };
        var score = NeedPriority.Compute(quotes, [], Effort.S, Today, 3);
        Assert.Equal(2, score.Customers);
        Assert.Equal(2.0, score.Score);
    }

    [Fact]
    public void Score_is_frequency_times_importance_times_feasibility()
    {
        var quotes = new[] { Quote(1, "Acme", "sam"), Quote(2, "Initech", "sam"), Quote(3, "Globex", "lee", "we will leave without backup", QuoteTags.ChurnRisk) };
        CustomerProfile[] profiles =
        [
            Profile("ACME", arr: 60_000, renewal: Today.AddDays(30)),
            Profile("Initech", arr: 30_000, renewal: Today.AddDays(200)),
            Profile("Globex", arr: null, renewal: Today.AddDays(-1)),
            Profile("Unrelated", arr: 1_000_000, renewal: Today.AddDays(1)),
        ];

        var score = NeedPriority.Compute(quotes, profiles, Effort.L, Today, 3);

        // I = 1 + log10(1 + 90,000 / 10,000) + 0.5 × 1 renewal + 0.5 × 1 churn-risk quote = 1 + 1 + 0.5 + 0.5 = 3.
        Assert.Equal(3, score.Customers);
        Assert.Equal(90_000m, score.Arr);
        Assert.Equal(1, score.Renewals);
        Assert.Equal(1, score.ChurnQuotes);
        Assert.Equal(3.0, score.Importance, 6);
        Assert.Equal(0.5, score.Feasibility);
        Assert.Equal(4.5, score.Score);
        Assert.Equal(Moscow.Should, score.Suggested);
    }

    [Fact]
    public void A_quotes_customer_finds_its_profile_by_the_same_key_as_themes_and_segments()
    {
        // "Acme Inc." in a quote is the profile "Acme Inc", as the theme and segment counts already treat it.
        var quotes = new[] { Quote(1, "Acme Inc.", "sam"), Quote(2, "Initech", "lee") };
        CustomerProfile[] profiles = [Profile("Acme Inc", arr: 90_000, renewal: Today.AddDays(10)), Profile("  INITECH ", arr: null, renewal: null)];

        var score = NeedPriority.Compute(quotes, profiles, null, Today, 3);
        var segments = GtmBot.Engine.Customers.CustomerSegments.From([Profile("Acme Inc", arr: null, renewal: null) with { Segment = "enterprise" }], quotes);

        Assert.Equal(90_000m, score.Arr);
        Assert.Equal(1, score.Renewals);
        Assert.Equal("enterprise", segments.SegmentKeyOf("Acme Inc."));
    }

    [Fact]
    public void The_same_churn_quote_saved_twice_counts_once()
    {
        var quotes = new[] { Quote(1, "Acme", "sam", "We will cancel!", QuoteTags.ChurnRisk), Quote(2, "acme", "lee", "we will cancel", QuoteTags.ChurnRisk) };
        Assert.Equal(1, NeedPriority.Compute(quotes, [], null, Today, 3).ChurnQuotes);
    }

    [Theory]
    [InlineData(Effort.S, 1.0)]
    [InlineData(Effort.M, 0.75)]
    [InlineData(Effort.L, 0.5)]
    [InlineData(Effort.XL, 0.25)]
    [InlineData(null, 0.75)]
    public void Feasibility_follows_the_effort(Effort? effort, double expected) => Assert.Equal(expected, NeedPriority.Feasibility(effort));

    [Fact]
    public void Must_is_suggested_only_for_a_common_need()
    {
        // Two customers with a big ARR score high, but two is under the common threshold of three: Should, never Must.
        var two = new[] { Quote(1, "Acme", "sam"), Quote(2, "Initech", "sam") };
        CustomerProfile[] rich = [Profile("Acme", 5_000_000), Profile("Initech", 5_000_000)];
        var few = NeedPriority.Compute(two, rich, Effort.S, Today, 3);
        Assert.True(few.Score >= NeedPriority.MustScore);
        Assert.Equal(Moscow.Should, few.Suggested);

        var four = new[] { Quote(1, "Acme", "sam"), Quote(2, "Initech", "sam"), Quote(3, "Globex", "lee"), Quote(4, "Umbrella", "lee") };
        Assert.Equal(Moscow.Must, NeedPriority.Compute(four, rich, Effort.S, Today, 3).Suggested);
    }

    [Fact]
    public void No_customers_suggest_wont()
    {
        var score = NeedPriority.Compute([Quote(1, null, "sam")], [], Effort.XL, Today, 3);
        Assert.Equal(0, score.Score);
        Assert.Equal(Moscow.Wont, score.Suggested);
    }
}
