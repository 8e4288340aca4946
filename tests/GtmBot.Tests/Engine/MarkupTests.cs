using GtmBot.Engine;

namespace GtmBot.Tests.Engine;

public class MarkupTests
{
    [Fact]
    public void Escaped_user_text_parses_back_to_itself_without_marks()
    {
        const string hostile = "**not bold** _x_ `y` @[U1] \\ done";
        var spans = Markup.Parse(Markup.Escape(hostile));
        Assert.Equal(hostile, string.Concat(spans.Select(s => s.Text)));
        Assert.All(spans, s => Assert.Equal(SpanStyle.None, s.Style));
    }

    [Fact]
    public void Bold_italic_code_and_mentions_are_parsed()
    {
        var spans = Markup.Parse("a **b** _c_ `d` @[U42]");
        Assert.Contains(spans, s => s is { Text: "b", Style: SpanStyle.Bold });
        Assert.Contains(spans, s => s is { Text: "c", Style: SpanStyle.Italic });
        Assert.Contains(spans, s => s is { Text: "d", Style: SpanStyle.Code });
        Assert.Contains(spans, s => s is { Text: "U42", Style: SpanStyle.Mention });
    }

    [Fact]
    public void Unclosed_marks_stay_literal()
    {
        Assert.Equal("**open and _half", Markup.ToPlainText("**open and _half"));
    }
}
