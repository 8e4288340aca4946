using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Engine.Strings;

namespace GtmBot.IntegrationTests.Scheduling;

public sealed class DigestComposerTests
{
    private static readonly ConversationKey Channel = new(Platforms.Slack, "T1", "C1");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private sealed class Section(int order, string title, string? line) : IDigestContributor
    {
        public int Order => order;

        public List<(ConversationKey Channel, Lang Lang, DateTimeOffset Since)> Calls { get; } = [];

        public Task<DigestSection?> ContributeAsync(ConversationKey channel, Lang lang, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Calls.Add((channel, lang, since));
            return Task.FromResult(line is null ? null : new DigestSection(title, [line], [new Button("Open " + title, title.ToLowerInvariant() + ".open")]));
        }
    }

    [Fact]
    public async Task Sections_come_in_order_with_their_buttons()
    {
        var quotes = new Section(30, "Quotes", "3 new quotes");
        var canvas = new Section(10, "Canvas", "**Who** is empty");
        var whys = new Section(40, "Whys", null);
        var reply = await new DigestComposer([quotes, whys, canvas]).ComposeAsync(Channel with { Thread = "1.2" }, Lang.En, Now.AddDays(-7), Now, null, preview: false, CancellationToken.None);

        var texts = reply.Blocks.OfType<TextBlock>().Select(t => t.Markup).ToList();
        Assert.True(texts.FindIndex(t => t.Contains("Canvas", StringComparison.Ordinal)) < texts.FindIndex(t => t.Contains("Quotes", StringComparison.Ordinal)));
        Assert.DoesNotContain(texts, t => t.Contains("Whys", StringComparison.Ordinal));
        Assert.DoesNotContain(ReminderStrings.AllUpToDate.En, texts);
        var actions = reply.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons).Select(b => b.ActionId).ToList();
        Assert.Equal(["canvas.open", "quotes.open", "remind.snooze", "remind.skip"], actions);
        Assert.Equal(Channel, Assert.Single(canvas.Calls).Channel);
        Assert.Equal(ReplyVisibility.Channel, reply.Visibility);
    }

    [Fact]
    public async Task No_section_gives_one_all_up_to_date_line_in_chinese()
    {
        var reply = await new DigestComposer([new Section(10, "Canvas", null)]).ComposeAsync(Channel, Lang.Zh, Now.AddDays(-7), Now, "发布周", preview: true, CancellationToken.None);
        Assert.Single(reply.Blocks.OfType<TextBlock>(), t => t.Markup == ReminderStrings.AllUpToDate.Zh);
        Assert.Contains(reply.Blocks.OfType<ContextBlock>(), c => c.Markup.Contains("发布周", StringComparison.Ordinal));
        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
    }
}
