using GtmBot.Engine.Tagging;
using Place = GtmBot.Engine.Tagging.QuoteFeatures.DriverPlace;

namespace GtmBot.Tests.Tagging;

/// <summary>The motive features: drivers from the definitions, a denied driver apart, and where in the quote each sits.</summary>
public sealed class MotiveFeaturesTests
{
    private static HashSet<int> Features(string text, FeatureKinds kinds = FeatureKinds.Motive)
    {
        var vector = new SparseVector();
        QuoteFeatures.Extract(text, kinds, vector);
        return [.. vector.Indices.ToArray()];
    }

    [Theory]
    [InlineData("The auditor needs every change logged.", nameof(MotiveDriver.Rule))]
    [InlineData("审计要求每次修改都要留痕。", nameof(MotiveDriver.Rule))]
    [InlineData("審計要求每次修改都要留痕。", nameof(MotiveDriver.Rule))]
    [InlineData("Our contract has a 99.9% SLA.", nameof(MotiveDriver.Contract))]
    [InlineData("It has to be live before the end of March.", nameof(MotiveDriver.Deadline))]
    [InlineData("总部要求每个门店都用同一套系统。", nameof(MotiveDriver.Mandate))]
    [InlineData("We lost the data from last week's orders.", nameof(MotiveDriver.CoreFailure))]
    [InlineData("Dark mode would be nicer on the eyes.", nameof(MotiveDriver.Preference))]
    [InlineData("界面要是能好看一点就好了。", nameof(MotiveDriver.Preference))]
    public void A_stated_driver_gives_its_feature(string quote, string driverName)
    {
        var driver = Enum.Parse<MotiveDriver>(driverName);
        var features = Features(quote);
        Assert.Contains(QuoteFeatures.MotiveIndex(driver, Place.Anywhere), features);
        Assert.DoesNotContain(QuoteFeatures.MotiveIndex(driver, Place.Denied), features);
    }

    [Theory]
    [InlineData("There's no deadline on this.", nameof(MotiveDriver.Deadline))]
    [InlineData("We are not under any audit.", nameof(MotiveDriver.Rule))]
    [InlineData("这个没有审计要求，只是大家觉得麻烦。", nameof(MotiveDriver.Rule))]
    public void A_denied_driver_gives_only_its_denied_feature_and_counts_for_no_side(string quote, string driverName)
    {
        var driver = Enum.Parse<MotiveDriver>(driverName);
        var features = Features(quote);
        Assert.Contains(QuoteFeatures.MotiveIndex(driver, Place.Denied), features);
        Assert.DoesNotContain(QuoteFeatures.MotiveIndex(driver, Place.Anywhere), features);
        Assert.DoesNotContain(QuoteFeatures.MotiveSidesIndex(need: true, want: false, ask: false, needInAsk: false, wantInAsk: false), features);
        Assert.DoesNotContain(QuoteFeatures.MotiveSidesIndex(need: true, want: true, ask: false, needInAsk: false, wantInAsk: false), features);
    }

    [Fact]
    public void A_driver_in_the_sentence_of_the_ask_is_marked_so()
    {
        var apart = Features("The auditor visited last week. Could you add an export?");
        Assert.Contains(QuoteFeatures.MotiveIndex(MotiveDriver.Rule, Place.FirstSentence), apart);
        Assert.DoesNotContain(QuoteFeatures.MotiveIndex(MotiveDriver.Rule, Place.InAskSentence), apart);
        Assert.DoesNotContain(QuoteFeatures.MotiveIndex(MotiveDriver.Rule, Place.LastSentence), apart);
        Assert.Contains(QuoteFeatures.MotiveSidesIndex(need: true, want: false, ask: true, needInAsk: false, wantInAsk: false), apart);

        var together = Features("Could you add an export for the auditor?");
        Assert.Contains(QuoteFeatures.MotiveIndex(MotiveDriver.Rule, Place.InAskSentence), together);
        Assert.Contains(QuoteFeatures.MotiveIndex(MotiveDriver.Rule, Place.LastSentence), together);
        Assert.Contains(QuoteFeatures.MotiveSidesIndex(need: true, want: false, ask: true, needInAsk: true, wantInAsk: false), together);
    }

    [Fact]
    public void Mixed_drivers_say_which_side_the_ask_is_on()
    {
        var features = Features("Audits are once a year, fine. Please add dark mode, it would be nicer.");
        Assert.Contains(QuoteFeatures.MotiveSidesIndex(need: true, want: true, ask: true, needInAsk: false, wantInAsk: true), features);
    }

    [Fact]
    public void Motive_features_come_only_with_their_kind()
    {
        const string quote = "The regulator needs it before the end of March, please add it.";
        var without = Features(quote, FeatureKinds.Default);
        var with = Features(quote, FeatureKinds.Default | FeatureKinds.Motive);
        Assert.True(with.IsProperSupersetOf(without));
        Assert.Contains(QuoteFeatures.MotiveIndex(MotiveDriver.Rule, Place.Anywhere), with);
        Assert.DoesNotContain(QuoteFeatures.MotiveIndex(MotiveDriver.Rule, Place.Anywhere), without);
    }
}
