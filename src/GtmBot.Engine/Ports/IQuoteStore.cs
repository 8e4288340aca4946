using GtmBot.Engine.Tagging;

namespace GtmBot.Engine.Ports;

/// <summary>Where a quote came from and who captured it.</summary>
/// <param name="CapturedBy">Platform id of the person who captured it.</param>
/// <param name="CapturedByName">Their display name, when known.</param>
/// <param name="Author">Platform id of the original message's author (shortcut, reaction, message action), when known.</param>
/// <param name="AuthorName">The author's display name, when known.</param>
/// <param name="Permalink">Link to the original message, when the platform has one.</param>
/// <param name="MessageId">Platform id of the original message, when there is one.</param>
/// <param name="Source">How it was captured: <c>slash</c>, <c>shortcut</c>, <c>reaction</c>, <c>message-action</c>, <c>local</c>, <c>form</c>.</param>
public sealed record QuoteOrigin(string CapturedBy, string? CapturedByName, string? Author, string? AuthorName, string? Permalink, string? MessageId, string Source);

/// <summary>A person's correction of one field: a tag switched on or off, or the motive set.</summary>
/// <param name="Field">A tag of <see cref="QuoteTags.All"/>, or <see cref="MotiveField"/>.</param>
/// <param name="Value">For a tag <see cref="On"/> or <see cref="Off"/>; for the motive <c>need</c>, <c>want</c> or <c>unclear</c>.</param>
/// <param name="By">Platform id of who corrected it.</param>
/// <param name="ByName">Their display name, when known.</param>
/// <param name="At">When.</param>
public sealed record QuoteCorrection(string Field, string Value, string By, string? ByName, DateTimeOffset At)
{
    public const string MotiveField = "motive";
    public const string On = "on";
    public const string Off = "off";
}

/// <summary>A quote to store: what the customer said and what the tagger read in it.</summary>
/// <param name="SuggestedTags">Those of <paramref name="AutoTags"/> the tagger is not confident about: shown as suggested.</param>
public sealed record NewQuote(string Text, string? Customer, string Language, QuoteOrigin Origin, DateTimeOffset CapturedAt, IReadOnlyList<string> AutoTags, Motive AutoMotive, IReadOnlyList<string>? SuggestedTags = null);

/// <summary>
/// A stored quote. The tagger's reading (<see cref="AutoTags"/>, <see cref="AutoMotive"/>) and people's corrections are kept
/// apart, so automation can re-tag without ever overwriting a person: the latest correction of a field wins.
/// </summary>
public sealed record QuoteRecord(
    long Id,
    string Text,
    string? Customer,
    string Language,
    QuoteOrigin Origin,
    DateTimeOffset CapturedAt,
    IReadOnlyList<string> AutoTags,
    Motive AutoMotive,
    IReadOnlyList<QuoteCorrection> Corrections,
    IReadOnlyList<string>? SuggestedTags = null)
{
    /// <summary>True when the tag is on only as the tagger's suggestion: below its confidence line and not set by a person.</summary>
    public bool IsSuggested(string tag) => SuggestedTags is not null && SuggestedTags.Contains(tag) && AutoTags.Contains(tag) && !IsCorrected(tag);

    /// <summary>The effective tags, in taxonomy order: the tagger's, with people's corrections applied.</summary>
    public IReadOnlyList<string> Tags => [.. QuoteTags.All.Where(HasTag)];

    /// <summary>The effective motive: the latest correction, else the tagger's.</summary>
    public Motive Motive => LatestCorrection(QuoteCorrection.MotiveField) is { } c && MotiveNames.TryParse(c.Value, out var m) ? m : AutoMotive;

    /// <summary>True when a person has set this field (a tag name or <see cref="QuoteCorrection.MotiveField"/>).</summary>
    public bool IsCorrected(string field) => LatestCorrection(field) is not null;

    public bool HasTag(string tag) => LatestCorrection(tag) is { } c ? c.Value == QuoteCorrection.On : AutoTags.Contains(tag);

    private QuoteCorrection? LatestCorrection(string field) => Corrections.LastOrDefault(c => c.Field == field);
}

/// <summary>Names of motives on the wire and in storage.</summary>
public static class MotiveNames
{
    public static string Name(Motive motive) => motive switch
    {
        Motive.Need => "need",
        Motive.Want => "want",
        _ => "unclear",
    };

    public static bool TryParse(string? value, out Motive motive)
    {
        motive = value?.Trim().ToLowerInvariant() switch
        {
            "need" => Motive.Need,
            "want" => Motive.Want,
            "unclear" => Motive.Unclear,
            _ => (Motive)(-1),
        };
        return Enum.IsDefined(motive);
    }
}

/// <summary>
/// People's corrections as labelled examples: the quotes of a workspace (every channel of it) that someone corrected.
/// The trained tagger of that workspace learns from them; other workspaces never see them.
/// </summary>
public interface ITagExampleStore
{
    /// <summary>The workspace's corrected quotes, those corrected most recently first chosen, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<QuoteRecord>> ListCorrectedAsync(string workspaceKey, int limit, CancellationToken cancellationToken);
}

/// <summary>MoSCoW priority of a theme.</summary>
public enum Moscow
{
    Must,
    Should,
    Could,
    Wont,
}

/// <summary>What a save did: stored <paramref name="Quote"/> (<paramref name="Added"/>), or found it already there.</summary>
public sealed record QuoteSave(QuoteRecord Quote, bool Added);

/// <summary>A person's MoSCoW call on a theme of a channel's quotes.</summary>
public sealed record ThemePriority(string ThemeKey, Moscow Priority, string SetBy, DateTimeOffset SetAt);

/// <summary>The channel's customer quotes. Every call is scoped to one channel (workspace key + channel).</summary>
public interface IQuoteStore
{
    /// <summary>
    /// Stores a quote, unless the channel already holds the same words from the same customer (<see cref="QuoteFingerprint"/>):
    /// then nothing is written and the earlier quote comes back with <see cref="QuoteSave.Added"/> false. Durable when this returns.
    /// </summary>
    Task<QuoteSave> AddAsync(ConversationKey channel, NewQuote quote, CancellationToken cancellationToken);

    /// <summary>The channel's quote with the same words from the same customer, if any.</summary>
    Task<QuoteRecord?> FindSameAsync(ConversationKey channel, string text, string? customer, CancellationToken cancellationToken);

    Task<QuoteRecord?> GetAsync(ConversationKey channel, long id, CancellationToken cancellationToken);

    /// <summary>The channel's quotes among <paramref name="ids"/>, in one read; ids not found (or of another channel) are left out.</summary>
    Task<IReadOnlyList<QuoteRecord>> GetManyAsync(ConversationKey channel, IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>The quote already captured from this platform message, if any (a message captured twice is kept once).</summary>
    Task<QuoteRecord?> FindByMessageAsync(ConversationKey channel, string messageId, CancellationToken cancellationToken);

    /// <summary>The channel's quotes, newest first, at most <paramref name="limit"/>, optionally only those captured at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<QuoteRecord>> ListAsync(ConversationKey channel, DateTimeOffset? since, int limit, CancellationToken cancellationToken);

    /// <summary>Appends a person's correction; null when the quote does not exist in this channel.</summary>
    Task<QuoteRecord?> CorrectAsync(ConversationKey channel, long id, QuoteCorrection correction, CancellationToken cancellationToken);

    /// <summary>Replaces the tagger's reading (re-tagging). Corrections are untouched and keep winning.</summary>
    Task<QuoteRecord?> UpdateAutoTagsAsync(ConversationKey channel, long id, IReadOnlyList<string> tags, Motive motive, CancellationToken cancellationToken);

    Task SetThemePriorityAsync(ConversationKey channel, ThemePriority priority, CancellationToken cancellationToken);

    Task<IReadOnlyList<ThemePriority>> GetThemePrioritiesAsync(ConversationKey channel, CancellationToken cancellationToken);
}
