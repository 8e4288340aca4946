using GtmBot.Engine;
using GtmBot.Engine.Needs;
using GtmBot.Engine.Strings;
using static GtmBot.Tests.Engine.Needs.NeedTestData;

namespace GtmBot.Tests.Engine.Needs;

public sealed class NeedNoticesTests
{
    private static readonly ConversationKey Channel = new(Platforms.Slack, "T1", "C1");

    private static readonly GtmBot.Engine.Ports.QuoteRecord[] Quotes =
    [
        Quote(1, "Acme", "sam"),
        Quote(2, "Globex", "lee"),
        Quote(3, "Initech", "sam"),
        Quote(4, "acme", "sam", "backup again"),
        Quote(5, null, "kim"),
    ];

    private static string Plain(Reply reply) => string.Join('\n', reply.Blocks.Select(b => b switch
    {
        TextBlock t => Markup.ToPlainText(t.Markup),
        ContextBlock c => Markup.ToPlainText(c.Markup),
        _ => string.Empty,
    }));

    [Fact]
    public void Each_capturer_is_named_once_in_order_of_their_first_quote() =>
        Assert.Equal(["sam", "lee", "kim"], NeedNotices.Capturers(Quotes));

    [Fact]
    public void A_message_names_the_need_the_status_and_only_that_persons_customers_in_english()
    {
        var need = Need(NeedStatus.Planned) with { Version = 4 };
        var change = new NeedChange(4, NeedProperties.Status, "UnderReview", "Planned", "Q3 release", "pat", At, ["sam", "lee", "kim"]);

        var message = NeedNotices.Compose(Channel, need, change, "sam", Quotes, Lang.En);

        Assert.Equal(ConversationKey.Direct(Platforms.Slack, "T1", "sam"), message.Conversation);
        Assert.True(message.Conversation.IsDirect);
        Assert.Equal("need:42:change:4", message.IdempotencyKey);
        var text = Plain(message.Reply);
        Assert.Contains("Planned: scheduled backup — your quotes from Acme and Initech", text, StringComparison.Ordinal);
        Assert.Contains("Why: Q3 release", text, StringComparison.Ordinal);
        Assert.Contains("Need #3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_is_written_in_chinese_for_a_chinese_reader()
    {
        var need = Need(NeedStatus.WontDo) with { Version = 2, Title = "定时备份" };
        var change = new NeedChange(2, NeedProperties.Status, "New", "WontDo", "与路线图冲突", "pat", At, ["lee"]);

        var text = Plain(NeedNotices.Compose(Channel, need, change, "lee", Quotes, Lang.Zh).Reply);

        Assert.Contains("不做：定时备份 —— 你记录的 Globex 的原话", text, StringComparison.Ordinal);
        Assert.Contains("原因：与路线图冲突", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_without_a_customer_are_said_so()
    {
        var change = new NeedChange(2, NeedProperties.Status, "New", "UnderReview", null, "pat", At, ["kim"]);
        var text = Plain(NeedNotices.Compose(Channel, Need(NeedStatus.UnderReview), change, "kim", Quotes, Lang.En).Reply);
        Assert.Contains("Under review: scheduled backup — your quotes (no customer named)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Why:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Lang.En, new[] { "A" }, "A")]
    [InlineData(Lang.En, new[] { "A", "B", "C" }, "A, B and C")]
    [InlineData(Lang.Zh, new[] { "A", "B" }, "A、B")]
    public void Names_are_joined_as_each_language_writes_them(Lang lang, string[] names, string expected) =>
        Assert.Equal(expected, NeedNotices.JoinNames(lang, names));
}
