using GtmBot.Engine.Dates;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Flows;

/// <summary>The checklist part of the weekly digest: overdue steps and steps left untouched, mentioning only their owners.</summary>
public sealed class ChecklistDigest(IChecklistStore store, ISettingsStore settings) : IDigestContributor
{
    /// <summary>Weeks without an update after which a started or blocked step counts as stale.</summary>
    public const int StaleWeeks = 2;

    public int Order => 20;

    public async Task<DigestSection?> ContributeAsync(ConversationKey channel, Lang lang, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var checklist = await store.FindAsync(channel, cancellationToken);
        if (checklist is null)
        {
            return null;
        }

        // The digest goes to the whole channel: "overdue" counts in the workspace's time zone (UTC until one is set).
        var zone = Zones.Find(await settings.GetChannelSettingAsync(Zones.WorkspaceSettings(channel), Zones.Setting, cancellationToken)) ?? TimeZoneInfo.Utc;
        var today = HumanDate.Today(now, zone);
        var staleBefore = now - TimeSpan.FromDays(7 * StaleWeeks);
        var lines = new List<string>();
        foreach (var item in checklist.Items)
        {
            var name = Markup.Escape(ChecklistStrings.StepName(item.Step).Get(lang));
            var owner = item.OwnerId is null ? ChecklistStrings.NoOwner.Get(lang) : Markup.Mention(item.OwnerId);
            if (ChecklistFlow.IsOverdue(item, today))
            {
                lines.Add(ChecklistStrings.DigestOverdue.Format(lang, item.Step, name, item.Due!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), owner));
            }
            else if (item.Status is ChecklistStatus.Doing or ChecklistStatus.Blocked && (item.UpdatedAt ?? checklist.CreatedAt) < staleBefore)
            {
                lines.Add(ChecklistStrings.DigestStale.Format(lang, item.Step, name, ChecklistStrings.StatusName(item.Status).Get(lang), StaleWeeks, owner));
            }
        }

        return lines.Count == 0
            ? null
            : new DigestSection(ChecklistStrings.DigestTitle.Get(lang), lines, [new Button(ChecklistStrings.Title.Get(lang), ChecklistFlow.Show, null)]);
    }
}
