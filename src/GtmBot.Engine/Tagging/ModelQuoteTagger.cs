namespace GtmBot.Engine.Tagging;

/// <summary>
/// A quote a person corrected, kept as a labelled example of its workspace: its features, its effective tags and motive,
/// and which fields the person set (only those are evidence; the rest is still the tagger's guess).
/// </summary>
public sealed record CorrectionExample(SparseVector Features, IReadOnlySet<string> Tags, Motive Motive, IReadOnlySet<string> CorrectedFields);

/// <summary>
/// The default offline tagger: the trained model (<see cref="TaggerModel"/>) over <see cref="QuoteFeatures"/>. Each tag gets
/// a calibrated probability; a tag at or above its cross-validated threshold is given, and one below its confidence line is
/// marked suggested. With a workspace's corrections (<see cref="Tag(string, IReadOnlyList{CorrectionExample})"/>) the nearest
/// corrected quotes pull the probabilities towards what people chose.
/// </summary>
public sealed class ModelQuoteTagger(TaggerModel model) : IQuoteTagger
{
    /// <summary>Corrected quotes less similar than this (cosine over the same features) are not neighbours.</summary>
    public const float MinNeighbourSimilarity = 0.3f;

    /// <summary>Nearest corrected quotes consulted.</summary>
    public const int Neighbours = 7;

    /// <summary>The probability an outside reading (an LLM's tag) stands for: sure, but not beyond a person's correction.</summary>
    public const float ReadingProbability = 0.9f;

    /// <summary>How much the model's own probability weighs against the neighbours' similarity-weighted votes.</summary>
    private const float ModelWeight = 1f;

    [ThreadStatic]
    private static SparseVector? _features;

    public TaggerModel Model => model;

    public TagResult Tag(string text) => Tag(text, []);

    /// <summary>Tags a quote, letting the workspace's corrected quotes that resemble it re-weight the model's probabilities.</summary>
    public TagResult Tag(string text, IReadOnlyList<CorrectionExample> examples) => Tag(text, examples, null);

    /// <summary>
    /// As <see cref="Tag(string, IReadOnlyList{CorrectionExample})"/>; with <paramref name="reading"/> (an LLM's tags) that
    /// reading stands in for the model's probabilities (<see cref="ReadingProbability"/> for a given tag, its complement
    /// otherwise) and the corrections re-weight it the same way.
    /// </summary>
    public TagResult Tag(string text, IReadOnlyList<CorrectionExample> examples, TagResult? reading)
    {
        // Markup and attribution are read once here and handed to the featuriser.
        var stripped = QuoteMarkup.Strip(text, out var emphasised, out var emoji);
        var (customer, bodyStart) = CustomerExtractor.Extract(stripped);
        var quote = new PreparedQuote(text, stripped, emphasised, emoji, customer, bodyStart);
        var language = QuoteTagger.LanguageOf(quote.Body);
        if (quote.Body.IsWhiteSpace())
        {
            return new TagResult([], Motive.Unclear, customer, language, stripped, []);
        }

        var features = _features ??= new SparseVector();
        QuoteFeatures.Extract(quote, model.Kinds, features);
        Span<float> tagP = stackalloc float[QuoteTags.All.Count];
        Span<float> motiveP = stackalloc float[TaggerModel.MotiveOrder.Count];
        if (reading is null)
        {
            Span<float> scores = stackalloc float[TaggerModel.Outputs];
            model.Score(features, scores);
            model.Probabilities(scores, tagP, motiveP);
        }
        else
        {
            for (var t = 0; t < tagP.Length; t++)
            {
                tagP[t] = reading.Tags.Contains(QuoteTags.All[t]) ? ReadingProbability : 1 - ReadingProbability;
            }

            for (var m = 0; m < motiveP.Length; m++)
            {
                motiveP[m] = TaggerModel.MotiveOrder[m] == reading.Motive ? ReadingProbability : (1 - ReadingProbability) / 2;
            }
        }

        if (examples.Count > 0)
        {
            Reweigh(features, examples, tagP, motiveP);
        }

        var tags = new List<string>(4);
        List<string>? suggested = null;
        for (var t = 0; t < tagP.Length; t++)
        {
            var head = model.Heads[t];
            var threshold = reading is null ? head.Threshold : 0.5f;
            if (tagP[t] >= threshold)
            {
                tags.Add(head.Tag);
                if (reading is null && tagP[t] < head.Confident)
                {
                    (suggested ??= []).Add(head.Tag);
                }
            }
        }

        var best = 0;
        for (var m = 1; m < motiveP.Length; m++)
        {
            if (motiveP[m] > motiveP[best])
            {
                best = m;
            }
        }

        return new TagResult(tags, TaggerModel.MotiveOrder[best], customer, language, stripped, suggested ?? []);
    }

    /// <summary>The features of a quote as this model reads them (for keeping a corrected quote as an example).</summary>
    public SparseVector Features(string text)
    {
        var vector = new SparseVector();
        QuoteFeatures.Extract(text, model.Kinds, vector);
        return vector;
    }

    /// <summary>
    /// Nearest-neighbour correction: each tag's probability becomes the weighted mean of the model's probability (weight
    /// <see cref="ModelWeight"/>) and the labels of the most similar corrected quotes that set that tag (weight = similarity).
    /// Twenty corrections of one recurring mistake outweigh the model for quotes of that kind, and nothing else moves.
    /// </summary>
    private static void Reweigh(SparseVector features, IReadOnlyList<CorrectionExample> examples, Span<float> tagP, Span<float> motiveP)
    {
        var nearest = examples
            .Select(e => (Example: e, Similarity: SparseVector.Cosine(features, e.Features)))
            .Where(n => n.Similarity >= MinNeighbourSimilarity)
            .OrderByDescending(n => n.Similarity)
            .Take(Neighbours)
            .ToList();
        if (nearest.Count == 0)
        {
            return;
        }

        for (var t = 0; t < tagP.Length; t++)
        {
            var tag = QuoteTags.All[t];
            float votes = 0, weight = 0;
            foreach (var (example, similarity) in nearest)
            {
                if (example.CorrectedFields.Contains(tag))
                {
                    weight += similarity;
                    votes += example.Tags.Contains(tag) ? similarity : 0;
                }
            }

            tagP[t] = ((tagP[t] * ModelWeight) + votes) / (ModelWeight + weight);
        }

        Span<float> motiveVotes = stackalloc float[motiveP.Length];
        float motiveWeight = 0;
        foreach (var (example, similarity) in nearest)
        {
            if (example.CorrectedFields.Contains(Ports.QuoteCorrection.MotiveField))
            {
                motiveWeight += similarity;
                motiveVotes[IndexOf(example.Motive)] += similarity;
            }
        }

        for (var m = 0; m < motiveP.Length; m++)
        {
            motiveP[m] = ((motiveP[m] * ModelWeight) + motiveVotes[m]) / (ModelWeight + motiveWeight);
        }
    }

    private static int IndexOf(Motive motive)
    {
        for (var m = 0; m < TaggerModel.MotiveOrder.Count; m++)
        {
            if (TaggerModel.MotiveOrder[m] == motive)
            {
                return m;
            }
        }

        return TaggerModel.MotiveOrder.Count - 1;
    }
}
