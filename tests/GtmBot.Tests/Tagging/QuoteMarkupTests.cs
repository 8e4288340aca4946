using GtmBot.Engine.Tagging;

namespace GtmBot.Tests.Tagging;

public class QuoteMarkupTests
{
    [Theory]
    [InlineData("<@U012AB3CD> hello", "hello")]
    [InlineData("see <https://example.com/a?b=1|the doc> now", "see the doc now")]
    [InlineData("bare <https://example.com> link", "bare link")]
    [InlineData("in <#C024BE7LR|general> please", "in #general please")]
    [InlineData("<!here> outage", "outage")]
    [InlineData("great :tada: :+1: work", "great work")]
    [InlineData("*bold* and _italic_ and ~gone~", "bold and italic and gone")]
    [InlineData("<at>Bot</at> hi", "hi")]
    [InlineData("<p>one</p><p>two</p>", "one two")]
    [InlineData("a &lt;b&gt; &amp; c", "a <b> & c")]
    [InlineData("meeting at 10:30 today", "meeting at 10:30 today")]
    [InlineData("snake_case_name stays", "snake_case_name stays")]
    [InlineData("2 < 3 and 5 > 4", "2 < 3 and 5 > 4")]
    public void Markup_is_stripped(string input, string expected)
    {
        Assert.Equal(expected, QuoteMarkup.Strip(input));
    }

    [Fact]
    public void Emphasised_and_scare_quoted_spans_are_reported()
    {
        QuoteMarkup.Strip("I'd *love* another 'intelligent' report", out var marks);
        Assert.Contains("love", marks);
        Assert.Contains("intelligent", marks);
    }
}
