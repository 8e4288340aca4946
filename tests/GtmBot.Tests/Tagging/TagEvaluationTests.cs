using GtmBot.Engine.Tagging;

namespace GtmBot.Tests.Tagging;

public class TagEvaluationTests
{
    [Fact]
    public void Micro_f1_counts_every_quote_and_tag_decision_once()
    {
        var eval = TagEvaluation.Score(
        [
            new(["pain", "scenario"], ["pain"], Motive.Need, Motive.Need),            // tp pain, fn scenario
            new(["pricing"], ["pricing", "objection"], Motive.Want, Motive.Unclear), // tp pricing, fp objection
            new([], [], Motive.Unclear, Motive.Unclear),
        ]);
        Assert.Equal(2, eval.Micro.TruePositives);
        Assert.Equal(1, eval.Micro.FalsePositives);
        Assert.Equal(1, eval.Micro.FalseNegatives);
        Assert.Equal(2.0 / 3, eval.Micro.F1, 6);
        Assert.Equal(2.0 / 3, eval.MotiveAccuracy, 6);
        Assert.Equal(0, eval.PerTag.Single(t => t.Tag == "scenario").F1);
        Assert.Equal(1, eval.PerTag.Single(t => t.Tag == "pain").F1);
    }
}
