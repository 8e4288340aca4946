namespace GtmBot.Engine.Tagging;

/// <summary>Why the customer wants it: an objective must-have, a subjective wish, or neither evident.</summary>
public enum Motive
{
    Unclear,
    Need,
    Want,
}

/// <summary>The quote taxonomy, in its canonical order.</summary>
public static class QuoteTags
{
    public const string Pain = "pain";
    public const string Scenario = "scenario";
    public const string FeatureRequest = "feature-request";
    public const string Objection = "objection";
    public const string Pricing = "pricing";
    public const string Competitor = "competitor";
    public const string Praise = "praise";
    public const string ChurnRisk = "churn-risk";

    /// <summary>All tags in taxonomy order.</summary>
    public static IReadOnlyList<string> All { get; } = [Pain, Scenario, FeatureRequest, Objection, Pricing, Competitor, Praise, ChurnRisk];
}

/// <summary>What the tagger read in one quote.</summary>
/// <param name="Tags">Zero or more of <see cref="QuoteTags.All"/>, in taxonomy order.</param>
/// <param name="Motive">Need, want or unclear.</param>
/// <param name="Customer">The customer named in the leading attribution (<c>Acme:</c>, <c>客户W：</c>), exactly as written; null if none.</param>
/// <param name="Language"><c>en</c>, <c>zh</c> or <c>mixed</c>.</param>
/// <param name="Text">The quote with platform markup stripped (mentions, links, emoji codes) — what was tagged.</param>
/// <param name="Suggested">The tags of <paramref name="Tags"/> the tagger is not confident about: shown as suggested, not asserted.</param>
public sealed record TagResult(IReadOnlyList<string> Tags, Motive Motive, string? Customer, string Language, string Text, IReadOnlyList<string>? Suggested = null)
{
    /// <summary>True when the quote had no words to tag (empty, whitespace or markup only).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);
}

/// <summary>Tags customer quotes offline, in English and Chinese (simplified, traditional, mixed).</summary>
public interface IQuoteTagger
{
    TagResult Tag(string text);
}
