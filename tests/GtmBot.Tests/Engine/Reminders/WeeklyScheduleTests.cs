using GtmBot.Engine.Reminders;

namespace GtmBot.Tests.Engine.Reminders;

public class WeeklyScheduleTests
{
    [Theory]
    [InlineData("Monday 09:00", DayOfWeek.Monday, 9, 0, "UTC")]
    [InlineData("mon 9:30 America/New_York", DayOfWeek.Monday, 9, 30, "America/New_York")]
    [InlineData("FRIDAY 17:05 Europe/Berlin", DayOfWeek.Friday, 17, 5, "Europe/Berlin")]
    [InlineData("Thurs 00:00", DayOfWeek.Thursday, 0, 0, "UTC")]
    [InlineData("sun 23:59", DayOfWeek.Sunday, 23, 59, "UTC")]
    [InlineData("周一 09:00 Asia/Shanghai", DayOfWeek.Monday, 9, 0, "Asia/Shanghai")]
    [InlineData("星期三 14:30", DayOfWeek.Wednesday, 14, 30, "UTC")]
    [InlineData("礼拜五 8:15", DayOfWeek.Friday, 8, 15, "UTC")]
    [InlineData("周日 10：00", DayOfWeek.Sunday, 10, 0, "UTC")]
    [InlineData("星期天　07:45", DayOfWeek.Sunday, 7, 45, "UTC")]
    public void English_and_chinese_schedules_parse(string text, DayOfWeek day, int hour, int minute, string zone)
    {
        var parsed = WeeklySchedule.Parse(text, "UTC");
        Assert.Null(parsed.Error);
        Assert.Equal(new WeeklySchedule(day, hour, minute, zone), parsed.Schedule);
    }

    [Theory]
    [InlineData("", ScheduleError.Shape)]
    [InlineData("Monday", ScheduleError.Shape)]
    [InlineData("Monday 09:00 UTC extra", ScheduleError.Shape)]
    [InlineData("Someday 09:00", ScheduleError.Weekday)]
    [InlineData("周八 09:00", ScheduleError.Weekday)]
    [InlineData("Monday 24:00", ScheduleError.Time)]
    [InlineData("Monday 9am", ScheduleError.Time)]
    [InlineData("Monday 09:60", ScheduleError.Time)]
    [InlineData("Monday 09:5", ScheduleError.Time)]
    [InlineData("Monday -1:00", ScheduleError.Time)]
    [InlineData("Monday 09:00 Mars/Olympus", ScheduleError.Zone)]
    [InlineData("Monday 09:00 ../../etc/passwd", ScheduleError.Zone)]
    public void Bad_schedules_say_what_is_wrong(string text, ScheduleError error)
    {
        var parsed = WeeklySchedule.Parse(text, "UTC");
        Assert.Null(parsed.Schedule);
        Assert.Equal(error, parsed.Error);
    }

    [Fact]
    public void The_default_zone_applies_when_none_is_given()
    {
        Assert.Equal("Europe/Paris", WeeklySchedule.Parse("Tue 10:00", "Europe/Paris").Schedule!.TimeZoneId);
    }

    [Fact]
    public void Nine_in_New_York_stays_nine_local_across_the_spring_change()
    {
        var s = new WeeklySchedule(DayOfWeek.Monday, 9, 0, "America/New_York");
        var before = s.NextAfter(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var after = s.NextAfter(before);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5)), before);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(-4)), after);
    }

    [Fact]
    public void A_time_in_the_spring_gap_fires_once_at_the_end_of_the_gap()
    {
        // 02:30 does not exist on Sunday 8 March 2026 in New York: clocks jump from 02:00 to 03:00.
        var s = new WeeklySchedule(DayOfWeek.Sunday, 2, 30, "America/New_York");
        var next = s.NextAfter(new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)), next);
    }

    [Fact]
    public void A_time_repeated_in_the_autumn_fires_once()
    {
        // 01:30 happens twice on Sunday 1 November 2026 in New York.
        var s = new WeeklySchedule(DayOfWeek.Sunday, 1, 30, "America/New_York");
        var first = s.NextAfter(new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero));
        var second = s.NextAfter(first);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4)), first);
        Assert.Equal(new DateTimeOffset(2026, 11, 8, 1, 30, 0, TimeSpan.FromHours(-5)), second);
    }
}
