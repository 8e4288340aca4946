using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;

namespace GtmBot.Engine.DataOut;

/// <summary>Reads a channel's data in the API's shapes, for the API and the exports.</summary>
public sealed class DataOutReader(IQuoteStore quotes, ISettingsStore settings, ICanvasStore canvases, IChecklistStore checklists, IDrillStore drills)
{
    /// <summary>Changes of a canvas or checklist included with it.</summary>
    public const int MaxHistory = 500;

    /// <summary>Drills listed per channel.</summary>
    public const int MaxDrills = 200;

    /// <summary>The channel's quotes that pass the filter, newest first.</summary>
    public async Task<IReadOnlyList<QuoteDto>> QuotesAsync(ConversationKey channel, QuoteFilter filter, CancellationToken cancellationToken)
    {
        var all = await quotes.ListAsync(channel, filter.From, QuoteFlow.MaxScanned, cancellationToken);
        return [.. all.Where(filter.Matches).Select(q => QuoteDto.From(channel.Channel, q))];
    }

    /// <summary>The channel's themes as <c>/gtm insights</c> ranks them.</summary>
    public Task<ThemesDto> ThemesAsync(ConversationKey channel, CancellationToken cancellationToken) => new ThemeReport(quotes, settings).ComputeAsync(channel, cancellationToken);

    public async Task<IReadOnlyList<CanvasDto>> CanvasesAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        var list = await canvases.ListAsync(channel, cancellationToken);
        if (list.Count == 0)
        {
            return [];
        }

        var history = await canvases.HistoryAsync(channel, null, MaxHistory, cancellationToken);
        return [.. list.Select(c => ApiShapes.Canvas(c, history))];
    }

    public async Task<ChecklistDto?> ChecklistAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        var checklist = await checklists.FindAsync(channel, cancellationToken);
        if (checklist is null)
        {
            return null;
        }

        var history = await checklists.HistoryAsync(channel, MaxHistory, cancellationToken);
        return ApiShapes.Checklist(channel.Channel, checklist, history);
    }

    public async Task<IReadOnlyList<DrillDto>> DrillsAsync(ConversationKey channel, CancellationToken cancellationToken) =>
        [.. (await drills.ListAsync(channel, MaxDrills, cancellationToken)).Select(ApiShapes.Drill)];
}
