using GtmBot.Engine.Tagging;

namespace GtmBot.Tests.Tagging;

public class CustomerExtractorTests
{
    private readonly QuoteTagger _tagger = new();

    [Theory]
    [InlineData("Harbor Labs: the onboarding took a week", "Harbor Labs")]
    [InlineData("客户Z：导出太慢了", "客户Z")]
    [InlineData("赵总：这个我们得跟董事会汇报", "赵总")]
    [InlineData("Copperline Freight 的 IT 说必须本地部署", "Copperline Freight")]
    [InlineData("<@U0ABC123> 远航物流那边说数据要留在境内", "远航物流")]
    [InlineData("<@U0ABC123> fyi — Northpeak Bank: \"we can't go live without SSO\"", "Northpeak Bank")]
    [InlineData("Hey <@U0ABC123>, Quarry said the reports are late again", "Quarry")]
    [InlineData("Saltmarsh Clinic (<https://example.com/n/1|notes>): check-in tablets freeze", "Saltmarsh Clinic")]
    public void Customer_is_read_from_the_leading_attribution(string text, string expected)
    {
        Assert.Equal(expected, _tagger.Tag(text).Customer);
    }

    [Theory]
    [InlineData("<@U0ABC123>: can you look at this?")]
    [InlineData("Mobile app feedback: the login screen is slow")]
    [InlineData("Renewal recap <https://example.com|here>: they want a discount")]
    [InlineData("We talked to Priya from procurement, she wants a discount.")]
    [InlineData("价格不是问题，关键是稳定。")]
    [InlineData("我们老板说下周要看到方案。")]
    public void Non_customer_prefixes_give_no_customer(string text)
    {
        Assert.Null(_tagger.Tag(text).Customer);
    }

    [Fact]
    public void Customer_name_is_kept_exactly_as_written()
    {
        Assert.Equal("Tidewater Foods", _tagger.Tag("Tidewater Foods: ok").Customer);
        Assert.Equal("Tidewater", _tagger.Tag("Tidewater: ok").Customer);
    }
}
