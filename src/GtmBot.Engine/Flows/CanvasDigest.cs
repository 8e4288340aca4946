using System.Globalization;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>The canvas part of the weekly digest: fields still empty, or not updated for a number of weeks.</summary>
public sealed class CanvasDigest(ICanvasStore store, ISettingsStore settings) : IDigestContributor
{
    /// <summary>Weeks without an edit after which a filled field counts as stale, unless the channel sets <see cref="StaleWeeksSetting"/>.</summary>
    public const int DefaultStaleWeeks = 4;

    /// <summary>Channel setting overriding <see cref="DefaultStaleWeeks"/>.</summary>
    public const string StaleWeeksSetting = "canvas.stale_weeks";

    public int Order => 10;

    public async Task<DigestSection?> ContributeAsync(ConversationKey channel, Lang lang, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var canvases = await store.ListAsync(channel, cancellationToken);
        if (canvases.Count == 0)
        {
            return null;
        }

        var setting = await settings.GetChannelSettingAsync(channel, StaleWeeksSetting, cancellationToken);
        var weeks = int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : DefaultStaleWeeks;
        var staleBefore = now - TimeSpan.FromDays(7 * weeks);
        var lines = new List<string>();
        var buttons = new List<Button>();
        foreach (var canvas in canvases)
        {
            var empty = canvas.Fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => CanvasStrings.Name(f.Field).Get(lang)).ToList();
            var stale = canvas.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Value) && f.UpdatedAt < staleBefore).Select(f => CanvasStrings.Name(f.Field).Get(lang)).ToList();
            if (empty.Count > 0)
            {
                lines.Add(CanvasStrings.DigestEmpty.Format(lang, Markup.Escape(canvas.Name), Markup.Escape(Glossary.List(lang, empty))));
            }

            if (stale.Count > 0)
            {
                lines.Add(CanvasStrings.DigestStale.Format(lang, Markup.Escape(canvas.Name), weeks, Markup.Escape(Glossary.List(lang, stale))));
            }

            if ((empty.Count > 0 || stale.Count > 0) && buttons.Count < MaxButtons)
            {
                buttons.Add(new Button(CanvasStrings.OpenButton.Format(lang, canvas.Name), CanvasFlow.Show, ActionValue.Join(canvas.Id)));
            }
        }

        return lines.Count == 0 ? null : new DigestSection(CanvasStrings.DigestTitle.Get(lang), lines, buttons);
    }

    /// <summary>Buttons the section offers at most (one per canvas).</summary>
    private const int MaxButtons = 5;
}
