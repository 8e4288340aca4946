using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Reminders;

/// <summary>Builds the weekly digest from every registered <see cref="IDigestContributor"/>, sections in their order.</summary>
public sealed class DigestComposer(IEnumerable<IDigestContributor> contributors)
{
    private readonly IDigestContributor[] _contributors = [.. contributors.OrderBy(c => c.Order)];

    /// <param name="channel">The channel (no thread).</param>
    /// <param name="lang">The channel's language.</param>
    /// <param name="since">The last digest's time.</param>
    /// <param name="now">Now, from the injected clock.</param>
    /// <param name="skipReason">Why the last occurrence was skipped, to tell the channel.</param>
    /// <param name="preview">A preview for one person (ephemeral, marked as such).</param>
    public async Task<Reply> ComposeAsync(ConversationKey channel, Lang lang, DateTimeOffset since, DateTimeOffset now, string? skipReason, bool preview, CancellationToken cancellationToken)
    {
        var blocks = new List<ReplyBlock> { new HeaderBlock(ReminderStrings.DigestTitle.Get(lang)) };
        if (preview)
        {
            blocks.Add(new ContextBlock(ReminderStrings.PreviewNote.Get(lang)));
        }

        if (!string.IsNullOrWhiteSpace(skipReason))
        {
            blocks.Add(new ContextBlock(ReminderStrings.LastSkipped.Format(lang, Markup.Escape(skipReason))));
        }

        var found = new List<DigestSection>();
        foreach (var contributor in _contributors)
        {
            if (await contributor.ContributeAsync(channel.ChannelOnly, lang, since, now, cancellationToken) is DigestSection section)
            {
                found.Add(section);
            }
        }

        // Lead sections (the stage's focus) come first whatever their contributor's order; the rest follow the intro.
        foreach (var section in found.Where(s => s.Lead))
        {
            AddSection(blocks, section);
        }

        var sections = 0;
        foreach (var section in found.Where(s => !s.Lead))
        {
            if (sections++ == 0)
            {
                blocks.Add(new TextBlock(ReminderStrings.DigestIntro.Get(lang)));
            }

            AddSection(blocks, section);
        }

        if (sections == 0)
        {
            blocks.Add(new TextBlock(ReminderStrings.AllUpToDate.Get(lang)));
        }

        blocks.Add(new DividerBlock());
        blocks.Add(new ActionsBlock(
        [
            new Button(ReminderStrings.SnoozeButton.Get(lang), ReminderFlow.Actions.Snooze),
            new Button(ReminderStrings.SkipButton.Get(lang), ReminderFlow.Actions.Skip),
        ]));

        var text = sections == 0 ? ReminderStrings.AllUpToDate.Get(lang) : ReminderStrings.DigestTitle.Get(lang);
        return new Reply(blocks, text, preview ? ReplyVisibility.Ephemeral : ReplyVisibility.Channel);
    }

    private static void AddSection(List<ReplyBlock> blocks, DigestSection section)
    {
        blocks.Add(new DividerBlock());
        var lines = new List<string> { Markup.Bold(section.Title) };
        lines.AddRange(section.Lines.Select(l => "• " + l));
        blocks.Add(new TextBlock(string.Join('\n', lines)));
        if (section.Buttons.Count > 0)
        {
            blocks.Add(new ActionsBlock(section.Buttons));
        }
    }
}
