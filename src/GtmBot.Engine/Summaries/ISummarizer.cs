using GtmBot.Engine.Ports;

namespace GtmBot.Engine.Summaries;

/// <summary>Turns pasted feedback (survey answers, reviews, tickets, call notes) into themes, pains and requests.</summary>
public interface ISummarizer
{
    /// <summary>Summarizes <paramref name="text"/>. Never throws for bad model output: implementations fall back and say so.</summary>
    Task<FeedbackSummary> SummarizeAsync(string text, SummaryOptions options, CancellationToken cancellationToken);
}

/// <summary>How to summarize.</summary>
/// <param name="Language">Output language: <c>en</c>, <c>zh</c>, or null for the input's language.</param>
/// <param name="MaxInputTokens">Token budget of one model call's input; longer feedback is chunked.</param>
public sealed record SummaryOptions(string? Language = null, int MaxInputTokens = SummaryOptions.DefaultMaxInputTokens)
{
    /// <summary>A budget that fits every current chat model's context with room for the answer.</summary>
    public const int DefaultMaxInputTokens = 6000;

    public static SummaryOptions Auto { get; } = new();
}

/// <summary>One recurring theme of the feedback.</summary>
/// <param name="Label">Short label, in the summary's language or the customers' own words.</param>
/// <param name="Keywords">Words of the input that mark the theme.</param>
/// <param name="DistinctCustomers">How many different attributed customers raise it.</param>
/// <param name="Mentions">How many lines raise it.</param>
/// <param name="Motive"><c>need</c> or <c>want</c>.</param>
/// <param name="Quotes">Representative lines copied verbatim from the input.</param>
/// <param name="Priority">Suggested MoSCoW priority.</param>
/// <param name="Unattributed">Lines behind it with no customer: counted apart, never as customers.</param>
/// <param name="Customers">The distinct customers behind it, when known.</param>
public sealed record SummaryTheme(
    string Label,
    IReadOnlyList<string> Keywords,
    int DistinctCustomers,
    int Mentions,
    string Motive,
    IReadOnlyList<string> Quotes,
    Moscow Priority,
    int Unattributed = 0,
    IReadOnlyList<string>? Customers = null);

/// <summary>The result of summarizing one piece of feedback.</summary>
/// <param name="Language">The language the summary is written in (<c>en</c> or <c>zh</c>).</param>
/// <param name="Themes">Themes raised by more than one customer, most customers first.</param>
/// <param name="Pains">Problems customers live with now.</param>
/// <param name="Requests">Capabilities customers ask for.</param>
/// <param name="Summarizer">Which summarizer produced it (<c>heuristic</c>, <c>llm</c>).</param>
/// <param name="FellBack">True when the LLM failed and the offline summarizer stood in.</param>
/// <param name="FallbackReason">Why it fell back (no feedback text in it).</param>
/// <param name="Lines">Non-empty lines of the input.</param>
/// <param name="IgnoredInstructionLines">1-based lines that tried to instruct the summarizer; summarized as data, never obeyed.</param>
public sealed record FeedbackSummary(
    string Language,
    IReadOnlyList<SummaryTheme> Themes,
    IReadOnlyList<string> Pains,
    IReadOnlyList<string> Requests,
    string Summarizer,
    bool FellBack = false,
    string? FallbackReason = null,
    int Lines = 0,
    IReadOnlyList<int>? IgnoredInstructionLines = null)
{
    public const string Heuristic = "heuristic";
    public const string Llm = "llm";
}
