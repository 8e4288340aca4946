using System.Globalization;
using Cronos;

namespace GtmBot.Engine.Reminders;

/// <summary>A weekly time in a time zone: "Monday 09:00 America/New_York". Occurrences are computed in local time, so DST never shifts them.</summary>
public sealed record WeeklySchedule(DayOfWeek Day, int Hour, int Minute, string TimeZoneId)
{
    /// <summary>Weekday words people type, English and Chinese (周一, 星期一, 礼拜一; 周日/周天 for Sunday).</summary>
    private static readonly Dictionary<string, DayOfWeek> Weekdays = BuildWeekdays();

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    /// <remarks>
    /// Cronos evaluates the expression in the zone's local time: 09:00 stays 09:00 on both sides of a DST change;
    /// a time inside a spring-forward gap fires at the end of the gap, an ambiguous fall-back time fires once.
    /// </remarks>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        var cron = CronExpression.Parse(string.Create(CultureInfo.InvariantCulture, $"{Minute} {Hour} * * {(int)Day}"));
        return cron.GetNextOccurrence(after, TimeZone)
            ?? throw new InvalidOperationException("A weekly schedule always has a next occurrence.");
    }

    /// <summary>The time in its zone, e.g. <c>09:00</c>.</summary>
    public string TimeText => string.Create(CultureInfo.InvariantCulture, $"{Hour:00}:{Minute:00}");

    /// <summary>Parses <c>&lt;weekday&gt; &lt;HH:MM&gt; [IANA zone]</c>; the zone defaults to <paramref name="defaultZone"/>.</summary>
    public static ScheduleParse Parse(string text, string defaultZone)
    {
        var words = text.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 3)
        {
            return new ScheduleParse(null, ScheduleError.Shape);
        }

        if (!TryWeekday(words[0], out var day))
        {
            return new ScheduleParse(null, ScheduleError.Weekday);
        }

        if (!TryTime(words[1], out var hour, out var minute))
        {
            return new ScheduleParse(null, ScheduleError.Time);
        }

        var zone = words.Length == 3 ? words[2] : defaultZone;
        if (!IsKnownZone(zone))
        {
            return new ScheduleParse(null, ScheduleError.Zone);
        }

        return new ScheduleParse(new WeeklySchedule(day, hour, minute, zone), null);
    }

    public static bool TryWeekday(string word, out DayOfWeek day) => Weekdays.TryGetValue(word.Trim().TrimEnd(',', '，'), out day);

    /// <summary>True for a zone id this machine knows (IANA ids; <c>UTC</c>).</summary>
    public static bool IsKnownZone(string? zone)
    {
        if (string.IsNullOrWhiteSpace(zone) || zone.Length > 64)
        {
            return false;
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(zone);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static bool TryTime(string word, out int hour, out int minute)
    {
        hour = minute = 0;
        var parts = word.Replace('：', ':').Split(':');
        return parts.Length == 2
            && parts[0].Length is 1 or 2 && parts[1].Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute)
            && hour is >= 0 and <= 23 && minute is >= 0 and <= 59;
    }

    private static Dictionary<string, DayOfWeek> BuildWeekdays()
    {
        var map = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase);
        string[] zhDigits = ["日", "一", "二", "三", "四", "五", "六"];
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString();
            map[name] = day;
            map[name[..3]] = day;
            foreach (var prefix in new[] { "周", "星期", "礼拜" })
            {
                map[prefix + zhDigits[(int)day]] = day;
            }
        }

        map["Tues"] = DayOfWeek.Tuesday;
        map["Thur"] = DayOfWeek.Thursday;
        map["Thurs"] = DayOfWeek.Thursday;
        map["周天"] = DayOfWeek.Sunday;
        map["星期天"] = DayOfWeek.Sunday;
        map["礼拜天"] = DayOfWeek.Sunday;
        return map;
    }
}

/// <summary>Why a schedule did not parse.</summary>
public enum ScheduleError
{
    Shape,
    Weekday,
    Time,
    Zone,
}

/// <summary>The parsed schedule, or the reason it was refused.</summary>
public sealed record ScheduleParse(WeeklySchedule? Schedule, ScheduleError? Error);
