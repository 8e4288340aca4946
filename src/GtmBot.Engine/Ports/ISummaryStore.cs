using GtmBot.Engine.Strings;
using GtmBot.Engine.Summaries;

namespace GtmBot.Engine.Ports;

/// <summary>A summary someone asked for: stored with the pasted text before the ack, so nothing is lost if the model or the host fails.</summary>
/// <param name="Conversation">Where the result goes (with the thread the request came from).</param>
/// <param name="UserId">Who asked.</param>
/// <param name="Text">The pasted feedback.</param>
/// <param name="Language">Output language picked by the user (<c>en</c>, <c>zh</c>), or null for the input's.</param>
/// <param name="UseLlm">False when the channel turned the LLM off.</param>
/// <param name="UiLang">The asker's language, for the messages around the summary.</param>
/// <param name="CreatedAt">When it was asked.</param>
public sealed record NewSummaryRequest(ConversationKey Conversation, string UserId, string Text, string? Language, bool UseLlm, Lang UiLang, DateTimeOffset CreatedAt);

/// <summary>A stored summary request and, once done, its result.</summary>
public sealed record SummaryRequest(long Id, NewSummaryRequest Request, FeedbackSummary? Result, DateTimeOffset? CompletedAt);

/// <summary>Summary requests and results. Requests are claimed with a lease, so a restart or a second instance resumes them once.</summary>
public interface ISummaryStore
{
    /// <summary>Stores a request; returns its id.</summary>
    Task<long> AddAsync(NewSummaryRequest request, CancellationToken cancellationToken);

    /// <summary>Claims the oldest request that is not done and not leased by someone else (or whose lease ran out).</summary>
    Task<SummaryRequest?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Stores the result and ends the lease.</summary>
    Task CompleteAsync(long id, FeedbackSummary result, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A request of this channel, or null.</summary>
    Task<SummaryRequest?> GetAsync(ConversationKey channel, long id, CancellationToken cancellationToken);
}
