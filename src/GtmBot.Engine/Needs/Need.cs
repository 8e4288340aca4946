using GtmBot.Engine.Ports;

namespace GtmBot.Engine.Needs;

/// <summary>Where a need stands. Moves are checked by <see cref="NeedStatusMachine"/>.</summary>
public enum NeedStatus
{
    New,
    UnderReview,
    Planned,
    InProgress,
    Shipped,
    WontDo,
}

/// <summary>The product owner's estimate of the work a need takes.</summary>
public enum Effort
{
    S,
    M,
    L,
    XL,
}

/// <summary>
/// A customer need of a channel, judged and tracked by product: a status, a MoSCoW call, an owner, an effort, and the quotes
/// behind it. <see cref="Number"/> is what people type (<c>#3</c>); <see cref="Id"/> is the database's.
/// </summary>
/// <param name="Version">Bumped by every change; a change names the version it was made on, and the change's sequence is the new version.</param>
/// <param name="ThemeKey">The theme of the insights it was made from, when it was made from one.</param>
/// <param name="Reason">Why the last status was chosen (mandatory for <see cref="NeedStatus.WontDo"/>).</param>
public sealed record Need(
    long Id,
    int Number,
    string Title,
    NeedStatus Status,
    Moscow? Moscow,
    string? Owner,
    Effort? Effort,
    IReadOnlyList<long> QuoteIds,
    int Version,
    string? ThemeKey,
    string? Reason,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A need to create.</summary>
public sealed record NewNeed(string Title, string? ThemeKey, IReadOnlyList<long> QuoteIds, string CreatedBy, DateTimeOffset At);

/// <summary>One kept change of a need: who changed what, when and why.</summary>
/// <param name="Seq">The need's version after the change.</param>
/// <param name="Property">One of <see cref="NeedProperties"/>.</param>
/// <param name="Notified">For a status change: the people a direct message was enqueued for.</param>
public sealed record NeedChange(int Seq, string Property, string? OldValue, string? NewValue, string? Reason, string By, DateTimeOffset At, IReadOnlyList<string> Notified)
{
    /// <summary>The idempotency key of the direct messages of this change.</summary>
    public string NoticeKey(long needId) => NeedNotices.Key(needId, Seq);
}

/// <summary>A status change of a need, with the need as it is now (for the digest).</summary>
public sealed record NeedStatusChange(Need Need, NeedChange Change);

/// <summary>Names of the properties kept in a need's history.</summary>
public static class NeedProperties
{
    public const string Created = "created";
    public const string Status = "status";
    public const string Moscow = "moscow";
    public const string Owner = "owner";
    public const string Effort = "effort";
    public const string Quotes = "quotes";
}
