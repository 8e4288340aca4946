using GtmBot.Engine.Themes;

namespace GtmBot.Tests.Themes;

public sealed class ThemeEngineTests
{
    private static readonly ThemeEngine Engine = ThemeEngine.Default;

    private static IReadOnlyList<DiscoveredTheme> Discover(params (string? Customer, string Text)[] items) =>
        Engine.Discover([.. items.Select((x, i) => new ThemeItem("q" + i, x.Customer, x.Text))]);

    [Fact]
    public void Backup_and_备份_are_one_theme_counted_by_distinct_customers()
    {
        var themes = Discover(
            ("Acme", "We need automatic backups, we lost a day of work last month."),
            ("海川科技", "没有自动备份，误删的数据找不回来。"),
            ("北辰物流", "备份能不能导到我们自己的服务器？"),
            ("Globex", "Nightly backup to our own S3 bucket please."),
            ("Initech", "The search is fine."));

        var backup = Assert.Single(themes);
        Assert.Equal(["Acme", "海川科技", "北辰物流", "Globex"], backup.Customers);
        Assert.Equal(4, backup.Mentions);
        Assert.Contains(backup.Keywords, k => k.Contains("备份", StringComparison.Ordinal));
        Assert.Contains(backup.Keywords, k => k.StartsWith("backup", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Items_without_a_customer_are_unattributed_never_customers()
    {
        var themes = Discover(
            ("Initech", "The API rate limit is too low for our sync jobs."),
            (null, "API access is a must."),
            (null, "We want an API for the warehouse."),
            ("Soylent", "Open API please, our devs are waiting."));

        var api = Assert.Single(themes);
        Assert.Equal(2, api.DistinctCustomers);
        Assert.Equal(2, api.Unattributed);
        Assert.Equal(4, api.Mentions);
    }

    [Fact]
    public void The_same_quote_saved_twice_counts_once()
    {
        var themes = Discover(
            ("Acme", "Export to Excel drops the currency column."),
            ("ACME", "Export to Excel drops the currency column!"),
            ("Globex", "Our export to Excel loses the currency column."));

        var export = Assert.Single(themes);
        Assert.Equal(2, export.DistinctCustomers);
        Assert.Equal(2, export.Mentions);
    }

    [Fact]
    public void Negated_mentions_do_not_count()
    {
        var themes = Discover(
            ("Acme", "价格还行。"),
            ("Globex", "Not interested in the price discussion at all, pricing is fine."),
            ("Initech", "Pricing is too high for 40 seats."),
            ("Soylent", "The price per seat is over our budget."),
            ("海川科技", "价格还行，就是导出太慢。"));

        var price = Assert.Single(themes);
        Assert.Equal(["Initech", "Soylent"], price.Customers);
    }

    [Fact]
    public void Fillers_never_make_or_label_a_theme()
    {
        var themes = Discover(
            ("Acme", "Otherwise fine, but the sync drops meetings."),
            ("Globex", "Otherwise we'd roll it out; sync loses meetings every week."),
            ("海川科技", "导入的时候根本不认识日期格式。"),
            ("北辰物流", "上传的时候根本没反应，根本用不了。"),
            ("Initech", "Otherwise great."));

        Assert.All(themes, t => Assert.DoesNotContain(t.Label.Split(" / "), StopWords.IsStopWord));
        Assert.DoesNotContain(themes, t => t.Keywords.Any(k => k is "otherwise" or "Otherwise" or "的时候" or "根本" or "时候"));
        Assert.Contains(themes, t => t.Customers.SequenceEqual(["Acme", "Globex"]));
    }

    [Fact]
    public void A_customers_own_name_is_not_a_theme()
    {
        var themes = Discover(
            ("Brinkley", "Brinkley warehouse team: Brinkley labels print crooked."),
            ("Brinkley", "Brinkley warehouse again: Brinkley labels crooked."),
            ("Acme", "Dark mode would be nice."));

        Assert.DoesNotContain(themes, t => t.Label.Contains("Brinkley", StringComparison.Ordinal) && t.DistinctCustomers > 1);
    }

    [Fact]
    public void Traditional_and_simplified_writing_of_a_complaint_are_one_theme()
    {
        Assert.Equal("离线后续航掉电", ThemeText.Simplify("離線後續航掉電"));
        Assert.Equal("Wi-Fi 断掉", ThemeText.Simplify("Wi-Fi 斷掉"));

        var themes = Discover(
            ("阿哲", "溫控器斷網後整個變成離線，調不了溫度。"),
            ("小胖", "断网以后温控器就离线了，只能拔电重启。"),
            ("Yuki", "我家也是，路由器重開後它就一直離線。"),
            ("Lily", "深色模式什么时候出？"));

        var offline = Assert.Single(themes);
        Assert.Equal(["阿哲", "小胖", "Yuki"], offline.Customers);
        Assert.Contains(offline.Keywords, k => k is "離線" or "离线" or "斷網" or "断网");
    }

    [Fact]
    public void A_concern_the_customer_calls_fine_raises_no_theme_in_either_language_or_script()
    {
        Assert.Equal(string.Empty, ThemeEngine.Affirmed("Approvals from mobile work fine for us."));
        Assert.Equal(string.Empty, ThemeEngine.Affirmed("Cost-wise we're fine"));
        Assert.Equal(string.Empty, ThemeEngine.Affirmed("The usage bill has been predictable for us."));
        Assert.Equal(string.Empty, ThemeEngine.Affirmed("我家接線倒是沒什麼問題"));
        Assert.Equal(string.Empty, ThemeEngine.Affirmed("广告不多，完全能接受"));
        Assert.DoesNotContain("结算", ThemeEngine.Affirmed("我们这边结算一直挺及时的，倒是竞价大厅太卡了"), StringComparison.Ordinal);
        Assert.Contains("太卡", ThemeEngine.Affirmed("我们这边结算一直挺及时的，倒是竞价大厅太卡了"), StringComparison.Ordinal);
        Assert.Contains("mobile", ThemeEngine.Affirmed("Works fine on desktop but approvals fail on mobile."), StringComparison.Ordinal);
        Assert.Equal("系统无法正常使用", ThemeEngine.Affirmed("系统无法正常使用"));

        var themes = Discover(
            ("Fairway", "Second approver can't approve from a phone; suppliers wait."),
            ("Beacon", "Dual authorisation has to work on mobile, our directors are never at a desk."),
            ("Hollins", "Approvals from mobile work fine for us, no complaints there."),
            ("Tiller", "Second signatory approvals only on the web is a blocker."));

        var approval = Assert.Single(themes);
        Assert.Equal(["Fairway", "Beacon", "Tiller"], approval.Customers);
    }

    [Fact]
    public void A_generic_object_alone_never_joins_two_complaints_but_does_with_a_shared_problem()
    {
        var apart = Discover(
            ("Acme", "Can we get dual sign-off on the phone?"),
            ("Globex", "Would be nice if it remembered me longer on my own mobile."),
            ("Initech", "Dark mode please."),
            ("Soylent", "Bulk edit of tags."),
            ("Umbrella", "Backups to our own bucket."));
        Assert.DoesNotContain(apart, t => t.Customers.Contains("Acme") && t.Customers.Contains("Globex"));

        var together = Discover(
            ("Acme", "The phone app crashes when I open a ticket."),
            ("Globex", "On my phone it crashes every morning."));
        var crash = Assert.Single(together);
        Assert.Equal(2, crash.DistinctCustomers);
    }

    [Fact]
    public void Session_timeouts_group_however_they_are_worded()
    {
        var themes = Discover(
            ("Copperleaf", "Getting logged out every five minutes is maddening."),
            ("Quayside", "Session timeouts are a bit aggressive."),
            ("Marlowe", "Would be nice if it remembered me longer; logging back in between appointments is a chore."),
            ("Northwind", "The statement export doesn't import into Xero cleanly."));

        var session = Assert.Single(themes);
        Assert.Equal(["Copperleaf", "Quayside", "Marlowe"], session.Customers);
    }

    [Fact]
    public void A_malformed_concept_line_is_refused_with_its_line_number()
    {
        var error = Assert.Throws<FormatException>(() => ConceptMap.Parse("# comment\nbackup | 1 | backup* | 备份\nbroken line without fields\n"));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ConceptMap.Parse("a | 1 | x | 甲\na | 1 | y | 乙\n"));
    }

    [Fact]
    public void Concept_patterns_match_whole_words_prefixes_and_numbers()
    {
        var map = ConceptMap.Parse("slow | 1 | slow*, takes # seconds | 卡顿\nsync | 1 | sync* | 同步\n");
        string[] Ids(string text) => [.. map.Match(text, ThemeText.Words(text)).Select(m => m.Concept.Id)];

        Assert.Equal(["slow"], Ids("It takes 12 seconds to open"));
        Assert.Equal(["slow", "sync"], Ids("Slowly syncing"));
        Assert.Empty(Ids("asynchronous"));
        Assert.Equal(["slow"], Ids("打开很卡顿"));
    }

    [Fact]
    public void Background_frequency_damps_only_common_words()
    {
        var background = BackgroundFrequency.Parse("#documents 1000\nw:data\t400\nw:dupl\t3\n");
        Assert.True(background.Rarity("w:data") < 0.5);
        Assert.Equal(1.0, background.Rarity("w:dupl"));
        Assert.Equal(1.0, background.Rarity("w:never-seen"));
        Assert.True(BackgroundFrequency.Default.Documents > 0, "the shipped table is built from the corpus");
    }
}
