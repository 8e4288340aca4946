using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Summaries;

namespace GtmBot.Engine.DataOut;

/// <summary>A quote as the API and the JSON export show it.</summary>
public sealed record QuoteDto(
    long Id,
    string Text,
    string? Customer,
    IReadOnlyList<string> Tags,
    string Motive,
    string CapturedBy,
    string? CapturedByName,
    DateTimeOffset CapturedAt,
    string Channel,
    string Source,
    string? Permalink,
    string Language)
{
    /// <summary>The quote's words without the leading attribution (<c>Acme: </c>, <c>Acme said</c>), for showing next to <see cref="Customer"/>.</summary>
    public string Body => QuoteFlow.WithoutCustomer(Text, Customer);

    public static QuoteDto From(string channel, QuoteRecord q) => new(
        q.Id, q.Text, q.Customer, q.Tags, MotiveNames.Name(q.Motive), q.Origin.CapturedBy, q.Origin.CapturedByName, q.CapturedAt, channel, q.Origin.Source, q.Origin.Permalink, q.Language);
}

/// <summary>One page of quotes; <see cref="Next"/> is the opaque cursor of the next page, null on the last.</summary>
public sealed record QuotePage(IReadOnlyList<QuoteDto> Items, string? Next);

/// <summary>A body of <c>POST /api/v1/quotes</c>.</summary>
public sealed record NewQuoteDto(string? Channel, string? Text, string? Customer, string? CapturedBy);

/// <summary>A theme of a channel's quotes, with the same counts as <c>/gtm insights</c>.</summary>
/// <param name="Customers">Distinct named customers who raised it.</param>
/// <param name="UnattributedMentions">Quotes of the theme with no customer (each counts as a customer of its own).</param>
/// <param name="Moscow">The MoSCoW call people made on it (must, should, could, wont), if any.</param>
public sealed record ThemeDto(
    string Key,
    string Label,
    IReadOnlyList<string> KeyPhrases,
    IReadOnlyList<string> Customers,
    int DistinctCustomers,
    int UnattributedMentions,
    int Mentions,
    bool Common,
    string Motive,
    string? Moscow,
    IReadOnlyList<long> QuoteIds);

/// <summary>A channel's themes and the threshold that makes a theme common.</summary>
public sealed record ThemesDto(string Channel, int CommonThreshold, int Quotes, IReadOnlyList<ThemeDto> Themes);

public sealed record CanvasFieldDto(string Field, string? Value, string Motive, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record CanvasChangeDto(string Field, string? OldValue, string? NewValue, string OldMotive, string NewMotive, string UserId, string? UserName, DateTimeOffset At);

/// <summary>A 4W1H canvas with its edit history (newest first).</summary>
public sealed record CanvasDto(long Id, string Name, IReadOnlyList<CanvasFieldDto> Fields, DateTimeOffset CreatedAt, IReadOnlyList<CanvasChangeDto> History);

public sealed record ChecklistItemDto(int Step, string Title, string Status, string? Owner, DateOnly? Due, string? Note, string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record ChecklistChangeDto(int Step, string Property, string? OldValue, string? NewValue, string UserId, DateTimeOffset At);

/// <summary>The channel's 8-step GTM checklist with its history (newest first).</summary>
public sealed record ChecklistDto(string Channel, string Stage, IReadOnlyList<ChecklistItemDto> Items, IReadOnlyList<ChecklistChangeDto> History);

public sealed record DrillAnswerDto(int Step, string Text, string UserId, DateTimeOffset At);

/// <summary>
/// A five-whys drill. <c>Number</c> counts per channel (what the channel sees as #1, #2, …); <c>RootCauseStep</c> is the
/// answer picked as the root cause, null when it was written in other words; <c>WhyUs</c> the optional "why us?" answer.
/// </summary>
public sealed record DrillDto(long Id, int Number, string Problem, string Stage, string Motive, string? RootCause, int? RootCauseStep, string? WhyUs, IReadOnlyList<DrillAnswerDto> Answers, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, string? AppliedTo);

/// <summary>A feedback summary request and, once done, its result.</summary>
public sealed record SummaryDto(long Id, string Channel, string RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, FeedbackSummary? Result);

/// <summary>Everything of a channel, for <c>/gtm export all json</c>.</summary>
public sealed record ChannelExportDto(string Channel, DateTimeOffset ExportedAt, IReadOnlyList<QuoteDto> Quotes, ThemesDto Themes, IReadOnlyList<CanvasDto> Canvases, ChecklistDto? Checklist);

/// <summary>Maps stored records to the API's shapes.</summary>
public static class ApiShapes
{
    public static CanvasDto Canvas(Canvas c, IEnumerable<CanvasChange> history) => new(
        c.Id,
        c.Name,
        [.. c.Fields.Select(f => new CanvasFieldDto(f.Field.ToString().ToLowerInvariant(), f.Value, MotiveNames.Name(f.Motive), f.Version, f.UpdatedBy, f.UpdatedAt))],
        c.CreatedAt,
        [.. history.Where(h => h.CanvasName == c.Name).Select(h => new CanvasChangeDto(h.Field.ToString().ToLowerInvariant(), h.OldValue, h.NewValue, MotiveNames.Name(h.OldMotive), MotiveNames.Name(h.NewMotive), h.UserId, h.UserName, h.At))]);

    public static ChecklistDto Checklist(string channel, Checklist c, IEnumerable<ChecklistChange> history) => new(
        channel,
        c.Stage.ToString().ToLowerInvariant(),
        [.. c.Items.Select(i => new ChecklistItemDto(i.Step, ChecklistStrings.StepName(i.Step).Get(Lang.En), i.Status.ToString().ToLowerInvariant(), i.OwnerId, i.Due, i.Note, i.UpdatedBy, i.UpdatedAt))],
        [.. history.Select(h => new ChecklistChangeDto(h.Step, h.Property, h.OldValue, h.NewValue, h.UserId, h.At))]);

    public static DrillDto Drill(Drill d) => new(
        d.Id, d.Number, d.Problem, d.Stage.ToString().ToLowerInvariant(), MotiveNames.Name(d.Motive), d.RootCause, d.RootCauseStep, d.WhyUs,
        [.. d.Answers.Select(a => new DrillAnswerDto(a.Step, a.Text, a.UserId, a.At))], d.StartedBy, d.StartedAt, d.UpdatedAt, d.AppliedTo);

    public static SummaryDto Summary(SummaryRequest s) => new(s.Id, s.Request.Conversation.Channel, s.Request.UserId, s.Request.CreatedAt, s.CompletedAt, s.Result);
}
