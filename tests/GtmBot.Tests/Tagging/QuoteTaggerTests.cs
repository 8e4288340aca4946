using GtmBot.Engine.Tagging;

namespace GtmBot.Tests.Tagging;

/// <summary>Behaviour of the offline tagger on sentences written for these tests (not from the labelled dev set).</summary>
public class QuoteTaggerTests
{
    private readonly QuoteTagger _tagger = new();

    private IReadOnlyList<string> Tags(string text) => _tagger.Tag(text).Tags;

    [Fact]
    public void English_pain_with_manual_workaround_is_pain_and_competitor()
    {
        var tags = Tags("Our planners retype every order from the portal into a spreadsheet by hand, and it wastes half of Monday.");
        Assert.Contains(QuoteTags.Pain, tags);
        Assert.Contains(QuoteTags.Competitor, tags);
    }

    [Fact]
    public void Chinese_ask_is_a_feature_request()
    {
        Assert.Contains(QuoteTags.FeatureRequest, Tags("能不能支持按项目导出工时报表？"));
    }

    [Fact]
    public void Traditional_chinese_is_folded_before_matching()
    {
        var result = _tagger.Tag("說實話，價格比競品貴不少，我們很難跟老闆交代。");
        Assert.Contains(QuoteTags.Pricing, result.Tags);
        Assert.Contains(QuoteTags.Competitor, result.Tags);
        Assert.Equal("zh", result.Language);
    }

    [Fact]
    public void Negated_price_in_chinese_is_pricing_without_objection()
    {
        var tags = Tags("预算不是问题，我们下个月就可以签。");
        Assert.Contains(QuoteTags.Pricing, tags);
        Assert.DoesNotContain(QuoteTags.Objection, tags);
    }

    [Fact]
    public void Denied_concern_in_english_gets_no_objection()
    {
        var tags = Tags("Data residency is not a problem for us, we're fine with the Frankfurt region.");
        Assert.DoesNotContain(QuoteTags.Objection, tags);
    }

    [Fact]
    public void Negated_switch_in_chinese_is_not_churn()
    {
        Assert.DoesNotContain(QuoteTags.ChurnRisk, Tags("我们暂时不打算换供应商，用得挺顺的。"));
    }

    [Fact]
    public void Not_renewing_is_churn()
    {
        Assert.Contains(QuoteTags.ChurnRisk, Tags("We're not renewing in May; the contract just lapses."));
    }

    [Fact]
    public void Sarcasm_is_never_praise_and_becomes_pain()
    {
        var tags = Tags("Oh great, the 'smart' scheduler double-booked our two busiest chairs again.");
        Assert.DoesNotContain(QuoteTags.Praise, tags);
        Assert.Contains(QuoteTags.Pain, tags);
    }

    [Fact]
    public void Chinese_sarcasm_with_thanks_is_not_praise()
    {
        var tags = Tags("报表又是空白的，谢谢你们的'自动'汇总。");
        Assert.DoesNotContain(QuoteTags.Praise, tags);
        Assert.Contains(QuoteTags.Pain, tags);
    }

    [Fact]
    public void Praise_of_a_competitor_is_competitor_only()
    {
        var tags = Tags("Honestly Zendesk's routing rules are way ahead of yours.");
        Assert.Contains(QuoteTags.Competitor, tags);
        Assert.DoesNotContain(QuoteTags.Praise, tags);
    }

    [Fact]
    public void Integration_target_is_not_a_competitor()
    {
        Assert.DoesNotContain(QuoteTags.Competitor, Tags("We need it to sync with Outlook so meetings land on the account."));
    }

    [Fact]
    public void Bare_availability_question_gets_no_tag()
    {
        Assert.Empty(Tags("Is there an iPad app?"));
    }

    [Fact]
    public void Plain_praise_has_an_unclear_motive()
    {
        var result = _tagger.Tag("这次更新之后报表快多了，赞！");
        Assert.Contains(QuoteTags.Praise, result.Tags);
        Assert.Equal(Motive.Unclear, result.Motive);
    }

    [Fact]
    public void Regulator_makes_it_a_need()
    {
        Assert.Equal(Motive.Need, _tagger.Tag("The regulator requires us to keep signed consent forms for seven years.").Motive);
    }

    [Fact]
    public void Convenience_makes_it_a_want()
    {
        Assert.Equal(Motive.Want, _tagger.Tag("Would be nice if the sidebar remembered its width, it'd feel a lot smoother.").Motive);
    }

    [Fact]
    public void Slack_markup_is_stripped_before_tagging()
    {
        var result = _tagger.Tag("<@U0ABCDEF> *honestly* the new timeline is :fire: — see <https://example.com/x|the thread>");
        Assert.DoesNotContain("<@", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(":fire:", result.Text, StringComparison.Ordinal);
        Assert.Contains("the thread", result.Text, StringComparison.Ordinal);
        Assert.Equal("en", result.Language);
    }

    [Fact]
    public void Teams_mention_and_html_are_stripped()
    {
        var result = _tagger.Tag("<at>GtmBot</at> <p>Harbor Freight&amp;Co: the export keeps failing</p>");
        Assert.Equal("Harbor Freight&Co", result.Customer);
        Assert.Contains(QuoteTags.Pain, result.Tags);
        Assert.DoesNotContain("<p>", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the export 一直 timeout，我们 team 很头疼", "mixed")]
    [InlineData("我们用 Excel 和 CRM 管客户", "zh")]
    [InlineData("Exports keep failing.", "en")]
    public void Language_is_detected(string text, string expected)
    {
        Assert.Equal(expected, _tagger.Tag(text).Language);
    }

    [Fact]
    public void Tags_are_in_taxonomy_order()
    {
        var tags = Tags("客户Q：价格太贵了，而且每次导入都卡死，能不能加个批量导入？");
        var order = tags.Select(t => QuoteTags.All.ToList().IndexOf(t)).ToList();
        Assert.Equal(order.Order().ToList(), order);
    }

    [Fact]
    public void Hostile_input_is_tagged_quickly_without_backtracking()
    {
        var text = string.Concat(Enumerable.Repeat("<<<:::***___ ", 300)) + "not not not";
        var result = _tagger.Tag(text);
        Assert.NotNull(result);
    }
}
