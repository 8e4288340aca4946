using GtmBot.Engine.Dates;
using GtmBot.Engine.Strings;

namespace GtmBot.Tests.Engine.Dates;

public sealed class HumanDateTests
{
    /// <summary>A Wednesday: "this week" runs Monday 30 Nov to Sunday 6 Dec 2026.</summary>
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("2026-12-15", "2026-12-15")]
    [InlineData("2026/12/15", "2026-12-15")]
    [InlineData("2026.1.5", "2026-01-05")]
    [InlineData("２０２６／１２／１５", "2026-12-15")]
    [InlineData("12/15", "2026-12-15")]
    [InlineData("12/1", "2027-12-01")]
    [InlineData("12月15日", "2026-12-15")]
    [InlineData("12月15号", "2026-12-15")]
    [InlineData("十二月十五日", "2026-12-15")]
    [InlineData("2027年3月1日", "2027-03-01")]
    [InlineData("Dec 15", "2026-12-15")]
    [InlineData("december 15th", "2026-12-15")]
    [InlineData("15 Dec 2027", "2027-12-15")]
    [InlineData("Jan 5", "2027-01-05")]
    [InlineData("today", "2026-12-02")]
    [InlineData("今天", "2026-12-02")]
    [InlineData("tomorrow", "2026-12-03")]
    [InlineData("明天", "2026-12-03")]
    [InlineData("后天", "2026-12-04")]
    [InlineData("Friday", "2026-12-04")]
    [InlineData("this Friday", "2026-12-04")]
    [InlineData("周五", "2026-12-04")]
    [InlineData("这周五", "2026-12-04")]
    [InlineData("wednesday", "2026-12-02")]
    [InlineData("next Friday", "2026-12-11")]
    [InlineData("下周五", "2026-12-11")]
    [InlineData("下星期五", "2026-12-11")]
    [InlineData("next Monday", "2026-12-07")]
    [InlineData("下周一", "2026-12-07")]
    [InlineData("下周日", "2026-12-13")]
    [InlineData("in 2 weeks", "2026-12-16")]
    [InlineData("in two weeks", "2026-12-16")]
    [InlineData("两周后", "2026-12-16")]
    [InlineData("2周后", "2026-12-16")]
    [InlineData("两个星期后", "2026-12-16")]
    [InlineData("in 3 days", "2026-12-05")]
    [InlineData("三天后", "2026-12-05")]
    [InlineData("in a month", "2027-01-02")]
    [InlineData("一个月后", "2027-01-02")]
    [InlineData("  Dec  15 ", "2026-12-15")]
    public void Reads_dates_as_people_write_them(string text, string expected) =>
        Assert.Equal(DateOnly.ParseExact(expected, HumanDate.IsoFormat, System.Globalization.CultureInfo.InvariantCulture), HumanDate.Parse(text, Today));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("someday")]
    [InlineData("next blursday")]
    [InlineData("2026-02-30")]
    [InlineData("15/12")]
    [InlineData("13月1日")]
    [InlineData("Smarch 3")]
    [InlineData("in 5000 days")]
    [InlineData("9999-01-01")]
    [InlineData("二十五十月1日")]
    public void Refuses_what_is_not_a_date(string text) => Assert.Null(HumanDate.Parse(text, Today));

    [Fact]
    public void Refuses_text_longer_than_the_limit() =>
        Assert.Null(HumanDate.Parse("Dec 15" + new string(' ', HumanDate.MaxLength) + "x", Today));

    [Fact]
    public void Next_friday_and_xia_zhou_wu_agree_on_every_day_of_the_week()
    {
        for (var d = Today; d < Today.AddDays(7); d = d.AddDays(1))
        {
            var en = HumanDate.Parse("next Friday", d);
            Assert.Equal(en, HumanDate.Parse("下周五", d));
            Assert.Equal(DayOfWeek.Friday, en!.Value.DayOfWeek);
            Assert.InRange(en.Value.DayNumber - d.DayNumber, 5, 11);
        }
    }

    [Theory]
    [InlineData(Lang.En, "Fri 2026-12-11")]
    [InlineData(Lang.Zh, "2026-12-11（周五）")]
    public void Describes_a_date_unambiguously(Lang lang, string expected) =>
        Assert.Equal(expected, HumanDate.Describe(new DateOnly(2026, 12, 11), lang));

    [Fact]
    public void Today_is_the_day_in_the_given_zone()
    {
        var now = new DateTimeOffset(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 12, 2), HumanDate.Today(now, TimeZoneInfo.Utc));
        Assert.Equal(new DateOnly(2026, 12, 3), HumanDate.Today(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
    }
}
