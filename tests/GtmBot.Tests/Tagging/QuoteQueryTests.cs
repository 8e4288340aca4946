using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;

namespace GtmBot.Tests.Tagging;

public class QuoteQueryTests
{
    private static QuoteRecord Quote(string text, string? customer = null, params string[] tags) =>
        new(1, text, customer, "zh", new QuoteOrigin("U1", null, null, null, null, null, "slash"), DateTimeOffset.UnixEpoch, tags, Motive.Unclear, []);

    [Fact]
    public void Chinese_keyword_matches_inside_an_unsegmented_sentence()
    {
        var query = QuoteQuery.Parse("同步", []);
        Assert.True(query.Matches(Quote("我们的日历同步经常失败")));
        Assert.False(query.Matches(Quote("导出太慢")));
    }

    [Fact]
    public void Traditional_text_matches_a_simplified_keyword()
    {
        Assert.True(QuoteQuery.Parse("有点高", []).Matches(Quote("價格有點高")));
    }

    [Fact]
    public void Long_chinese_keyword_falls_back_to_bigrams()
    {
        Assert.True(QuoteQuery.Parse("日历同步失败", []).Matches(Quote("日历的同步总是失败")));
        Assert.False(QuoteQuery.Parse("日历同步失败", []).Matches(Quote("日历很好用")));
    }

    [Fact]
    public void Tag_customer_and_keyword_are_read_in_order()
    {
        var query = QuoteQuery.Parse("痛点 Orbis Health 导出", ["Orbis Health", "Acme"]);
        Assert.Equal(QuoteTags.Pain, query.Tag);
        Assert.Equal("Orbis Health", query.Customer);
        Assert.Equal(["导出"], query.Keywords);
        Assert.True(query.Matches(Quote("导出老是失败", "Orbis Health", QuoteTags.Pain)));
        Assert.False(query.Matches(Quote("导出老是失败", "Acme", QuoteTags.Pain)));
        Assert.False(query.Matches(Quote("导出老是失败", "Orbis Health", QuoteTags.Pricing)));
    }
}
