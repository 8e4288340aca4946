using System.Text.Json;
using GtmBot.Engine.Tagging;

namespace GtmBot.Tests.Tagging;

/// <summary>The featuriser: the faster scoring path reads every quote of the training corpus exactly as before.</summary>
public sealed class QuoteFeaturesTests
{
    private static readonly Lazy<IReadOnlyList<string>> Corpus = new(ReadCorpus);

    [Theory]
    [InlineData(FeatureKinds.Words | FeatureKinds.Chars | FeatureKinds.Cues)]
    [InlineData(FeatureKinds.Words | FeatureKinds.Chars | FeatureKinds.Cues | FeatureKinds.Rules)]
    public void Features_match_the_first_featuriser_value_for_value_on_the_training_corpus(FeatureKinds kinds)
    {
        var expected = new SparseVector();
        var actual = new SparseVector();
        foreach (var text in Corpus.Value)
        {
            ReferenceQuoteFeatures.Extract(text, kinds, expected);
            QuoteFeatures.Extract(text, kinds, actual);
            Assert.True(expected.Indices.SequenceEqual(actual.Indices), $"indices differ for: {text}");
            Assert.True(expected.Values.SequenceEqual(actual.Values), $"values differ for: {text}");
        }
    }

    [Fact]
    public void The_tagger_gives_what_the_plain_featuriser_and_the_model_give()
    {
        var model = TaggerModelTests.Shipped;
        var tagger = new ModelQuoteTagger(model);
        var features = new SparseVector();
        var scores = new float[TaggerModel.Outputs];
        var tagP = new float[QuoteTags.All.Count];
        var motiveP = new float[TaggerModel.MotiveOrder.Count];
        var tagged = 0;
        foreach (var text in Corpus.Value)
        {
            var result = tagger.Tag(text);
            if (result.IsEmpty)
            {
                continue;
            }

            QuoteFeatures.Extract(text, model.Kinds, features);
            model.Score(features, scores);
            model.Probabilities(scores, tagP, motiveP);
            var tags = QuoteTags.All.Where((_, t) => tagP[t] >= model.Heads[t].Threshold).ToList();
            var best = motiveP.AsSpan().IndexOf(motiveP.Max());
            Assert.Equal(tags, result.Tags);
            Assert.Equal(TaggerModel.MotiveOrder[best], result.Motive);
            tagged++;
        }

        Assert.True(tagged > 2000, $"only {tagged} corpus quotes were tagged");
    }

    [Fact]
    public void Words_after_an_english_negator_get_negated_features()
    {
        var plain = new SparseVector();
        var negated = new SparseVector();
        QuoteFeatures.Extract("the export is slow", FeatureKinds.Words, plain);
        QuoteFeatures.Extract("the export isn't slow", FeatureKinds.Words, negated);

        // "isn't" adds its own unigram and bigrams and marks "slow" as negated: one more feature than its word count says.
        Assert.Equal(4 + 3, plain.Count);
        Assert.Equal(4 + 3 + 1, negated.Count);
    }

    [Fact]
    public void Inflected_english_words_share_their_stem_features()
    {
        var a = new SparseVector();
        var b = new SparseVector();
        QuoteFeatures.Extract("the exports failed", FeatureKinds.Stems, a);
        QuoteFeatures.Extract("the export fails", FeatureKinds.Stems, b);

        // Stems "the", "export", "fail": three unigrams and two bigrams, the same for both wordings.
        Assert.Equal(5, a.Count);
        Assert.True(a.Indices.SequenceEqual(b.Indices));

        QuoteFeatures.Extract("the exports failed", FeatureKinds.Words, a);
        QuoteFeatures.Extract("the export fails", FeatureKinds.Words, b);
        Assert.False(a.Indices.SequenceEqual(b.Indices));
    }

    private static IReadOnlyList<string> ReadCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GtmBot.sln")))
        {
            dir = dir.Parent;
        }

        var path = dir is null
            ? throw new InvalidOperationException("GtmBot.sln not found above the test binaries.")
            : Path.Combine(dir.FullName, "data", "quotes", "train.jsonl");
        return [.. File.ReadLines(path).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)];
    }

    [Theory]
    [InlineData("價格比競品貴不少，我們很難跟老闆交代。", "价格比竞品贵不少，我们很难跟老板交代。")]
    [InlineData("續約前要先過資安審查，雲端備份還沒通過", "续约前要先过资安审查，云端备份还没通过")]
    public void Traditional_characters_are_read_as_simplified(string traditional, string simplified)
    {
        Assert.Equal(PhraseMatcher.Fold(simplified), PhraseMatcher.Fold(traditional));
        var (a, b) = (new SparseVector(), new SparseVector());
        QuoteFeatures.Extract(simplified, FeatureKinds.Default, a);
        QuoteFeatures.Extract(traditional, FeatureKinds.Default, b);
        Assert.Equal(a.Indices.ToArray(), b.Indices.ToArray());
    }
}
