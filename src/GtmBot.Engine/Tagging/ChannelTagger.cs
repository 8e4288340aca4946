using System.Collections.Concurrent;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;

namespace GtmBot.Engine.Tagging;

/// <summary>
/// Tags a quote for one channel: the trained model (or, with an LLM configured and the channel not set to <c>llm off</c>,
/// the LLM, within <see cref="LlmTaggerOptions.InteractiveTimeout"/> and with the model as fallback), re-weighted by the
/// quotes people of the same workspace corrected (<see cref="ITagExampleStore"/>). Corrections of one workspace never
/// reach another.
/// </summary>
public sealed class ChannelTagger(ModelQuoteTagger model, ITagExampleStore examples, ISettingsStore settings, LlmQuoteTagger? llm = null)
{
    /// <summary>Corrected quotes of a workspace consulted per quote (the most recently corrected).</summary>
    public const int MaxExamples = 1000;

    /// <summary>Cached feature vectors of corrected quotes (a quote's text never changes) before the cache starts over.</summary>
    private const int MaxCachedVectors = 50_000;

    private readonly ConcurrentDictionary<(string Workspace, long Id), SparseVector> _vectors = new();

    public async Task<TagResult> TagAsync(ConversationKey channel, string text, CancellationToken cancellationToken)
    {
        var corrected = await examples.ListCorrectedAsync(channel.WorkspaceKey, MaxExamples, cancellationToken);
        var known = corrected.Select(q => Example(channel.WorkspaceKey, q)).ToList();
        TagResult? reading = null;
        if (llm is not null && !string.Equals(await settings.GetChannelSettingAsync(channel, SummaryFlow.LlmSetting, cancellationToken), "off", StringComparison.Ordinal))
        {
            var outcome = (await llm.TagManyAsync([text], cancellationToken, LlmTaggerOptions.InteractiveTimeout))[0];
            reading = outcome.FellBack ? null : outcome.Result;
        }

        return model.Tag(text, known, reading);
    }

    private CorrectionExample Example(string workspace, QuoteRecord quote)
    {
        if (_vectors.Count > MaxCachedVectors)
        {
            _vectors.Clear();
        }

        var features = _vectors.GetOrAdd((workspace, quote.Id), _ => model.Features(quote.Text));
        return new CorrectionExample(features, quote.Tags.ToHashSet(StringComparer.Ordinal), quote.Motive, quote.Corrections.Select(c => c.Field).ToHashSet(StringComparer.Ordinal));
    }
}
