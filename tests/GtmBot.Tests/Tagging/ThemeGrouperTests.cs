using GtmBot.Engine.Tagging;

namespace GtmBot.Tests.Tagging;

public class ThemeGrouperTests
{
    [Fact]
    public void One_customer_repeating_a_theme_counts_once()
    {
        var themes = new ThemeGrouper().Group(
        [
            new("1", "Acme", "离线模式 is a must for our drivers"),
            new("2", "Acme", "again: 离线模式 please"),
            new("3", "Globex", "we need 离线模式 in the warehouse"),
        ]);
        var offline = Assert.Single(themes, t => t.Label.Contains("离线模式", StringComparison.Ordinal));
        Assert.Equal(2, offline.DistinctCustomers);
        Assert.Equal(3, offline.Mentions);
        Assert.Equal(["Acme", "Globex"], offline.Customers);
    }

    [Fact]
    public void Chinese_themes_are_found_without_word_boundaries()
    {
        var themes = new ThemeGrouper().Group(
        [
            new("1", "甲", "数据刷新太慢，早上看不到昨天的数"),
            new("2", "乙", "看板的数据刷新要等到中午"),
            new("3", "丙", "希望数据刷新能快一点"),
            new("4", "丁", "手机上打不开报表"),
        ]);
        var top = themes[0];
        Assert.Contains("数据刷新", top.Label, StringComparison.Ordinal);
        Assert.Equal(3, top.DistinctCustomers);
    }

    [Fact]
    public void Themes_rank_by_distinct_customers_not_mentions()
    {
        var themes = new ThemeGrouper().Group(
        [
            new("1", "A", "dark mode"), new("2", "A", "dark mode"), new("3", "A", "dark mode"), new("4", "A", "dark mode"),
            new("5", "B", "calendar sync"), new("6", "C", "calendar sync"), new("7", "D", "calendar sync"),
        ]);
        Assert.Equal("calendar", themes[0].Key);
        Assert.Equal(3, themes[0].DistinctCustomers);
        var dark = Assert.Single(themes, t => t.Key == "dark");
        Assert.Equal(1, dark.DistinctCustomers);
        Assert.Equal(4, dark.Mentions);
    }

    [Fact]
    public void A_one_off_is_not_a_theme()
    {
        Assert.Empty(new ThemeGrouper().Group([new("1", "A", "yoga classes"), new("2", "B", "captions on videos")]));
    }
}
