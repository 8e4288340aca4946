namespace GtmBot.Engine.Tagging;

/// <summary>One labelled quote: the gold tags and motive next to what the tagger predicted.</summary>
public sealed record TagPair(IReadOnlyCollection<string> Gold, IReadOnlyCollection<string> Predicted, Motive GoldMotive, Motive PredictedMotive);

/// <summary>Precision, recall and F1 of one tag (or of all tags, micro-averaged).</summary>
public sealed record TagScore(string Tag, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Scores of a labelled set: per tag, micro-averaged over all tags, and motive accuracy.</summary>
public sealed record TagEvaluation(IReadOnlyList<TagScore> PerTag, TagScore Micro, double MotiveAccuracy, int Count)
{
    /// <summary>Micro-F1 counts every (quote, tag) decision once; motive accuracy is exact-match over quotes.</summary>
    public static TagEvaluation Score(IReadOnlyList<TagPair> pairs)
    {
        var perTag = QuoteTags.All.Select(tag => new TagScore(
            tag,
            pairs.Count(p => p.Gold.Contains(tag) && p.Predicted.Contains(tag)),
            pairs.Count(p => !p.Gold.Contains(tag) && p.Predicted.Contains(tag)),
            pairs.Count(p => p.Gold.Contains(tag) && !p.Predicted.Contains(tag)))).ToList();
        var micro = new TagScore("micro", perTag.Sum(s => s.TruePositives), perTag.Sum(s => s.FalsePositives), perTag.Sum(s => s.FalseNegatives));
        var motive = pairs.Count == 0 ? 0 : (double)pairs.Count(p => p.GoldMotive == p.PredictedMotive) / pairs.Count;
        return new TagEvaluation(perTag, micro, motive, pairs.Count);
    }
}
