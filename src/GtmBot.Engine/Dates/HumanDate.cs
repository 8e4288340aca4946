using System.Globalization;
using System.Text.RegularExpressions;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Dates;

/// <summary>
/// Reads a date the way people write it, in English or Chinese: <c>2026-12-15</c>, <c>2026/12/15</c>, <c>12/15</c>,
/// <c>12月15日</c>, <c>Dec 15</c>, <c>today</c>, <c>明天</c>, <c>Friday</c>, <c>next Friday</c>, <c>下周五</c>,
/// <c>in 2 weeks</c>, <c>两周后</c>. Relative dates count from <c>today</c> in the reader's time zone; a day and month
/// without a year that has already passed this year means next year (due dates lie ahead).
/// </summary>
public static partial class HumanDate
{
    /// <summary>The unambiguous form every parsed date is saved and echoed in.</summary>
    public const string IsoFormat = "yyyy-MM-dd";

    /// <summary>Longest text read as a date (anything longer is not one).</summary>
    public const int MaxLength = 40;

    private static readonly Dictionary<string, int> EnglishMonths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1,
        ["january"] = 1,
        ["feb"] = 2,
        ["february"] = 2,
        ["mar"] = 3,
        ["march"] = 3,
        ["apr"] = 4,
        ["april"] = 4,
        ["may"] = 5,
        ["jun"] = 6,
        ["june"] = 6,
        ["jul"] = 7,
        ["july"] = 7,
        ["aug"] = 8,
        ["august"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["september"] = 9,
        ["oct"] = 10,
        ["october"] = 10,
        ["nov"] = 11,
        ["november"] = 11,
        ["dec"] = 12,
        ["december"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> EnglishDays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday,
        ["monday"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday,
        ["tues"] = DayOfWeek.Tuesday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday,
        ["thur"] = DayOfWeek.Thursday,
        ["thurs"] = DayOfWeek.Thursday,
        ["thursday"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
        ["friday"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> EnglishNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1,
        ["an"] = 1,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
    };

    private const string ChineseDigits = "零一二三四五六七八九";

    /// <summary>The date <paramref name="text"/> means, seen from <paramref name="today"/>; null when it is not a date.</summary>
    public static DateOnly? Parse(string? text, DateOnly today)
    {
        var t = Normalize(text);
        if (t.Length == 0 || t.Length > MaxLength)
        {
            return null;
        }

        return Absolute(t, today) ?? Relative(t, today);
    }

    /// <summary>The date in the unambiguous form people can check: <c>Fri 2026-12-04</c> / <c>2026-12-04（周五）</c>.</summary>
    public static string Describe(DateOnly date, Lang lang)
    {
        var iso = date.ToString(IsoFormat, CultureInfo.InvariantCulture);
        return lang == Lang.Zh
            ? $"{iso}（周{"日一二三四五六"[(int)date.DayOfWeek]}）"
            : $"{date.ToString("ddd", CultureInfo.InvariantCulture)} {iso}";
    }

    /// <summary>Today in the given zone.</summary>
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    private static string Normalize(string? text)
    {
        // Full-width digits and punctuation (common in Chinese input methods) read as their ASCII forms.
        var t = (text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimEnd('.', '。');
        return MultiSpace().Replace(t, " ");
    }

    private static DateOnly? Absolute(string t, DateOnly today)
    {
        var m = YearMonthDay().Match(t);
        if (m.Success)
        {
            return Make(Int(m.Groups["y"].Value), Int(m.Groups["m"].Value), Int(m.Groups["d"].Value));
        }

        m = MonthDay().Match(t);
        if (m.Success)
        {
            return Ahead(Int(m.Groups["m"].Value), Int(m.Groups["d"].Value), today);
        }

        m = ChineseDate().Match(t);
        if (m.Success)
        {
            var month = ChineseNumber(m.Groups["m"].Value);
            var day = ChineseNumber(m.Groups["d"].Value);
            if (month is null || day is null)
            {
                return null;
            }

            return m.Groups["y"].Success ? Make(Int(m.Groups["y"].Value), month.Value, day.Value) : Ahead(month.Value, day.Value, today);
        }

        m = EnglishMonthDay().Match(t);
        if (m.Success && EnglishMonths.TryGetValue(m.Groups["mon"].Value, out var mon))
        {
            var day = Int(m.Groups["d"].Value);
            return m.Groups["y"].Success ? Make(Int(m.Groups["y"].Value), mon, day) : Ahead(mon, day, today);
        }

        m = EnglishDayMonth().Match(t);
        if (m.Success && EnglishMonths.TryGetValue(m.Groups["mon"].Value, out mon))
        {
            var day = Int(m.Groups["d"].Value);
            return m.Groups["y"].Success ? Make(Int(m.Groups["y"].Value), mon, day) : Ahead(mon, day, today);
        }

        return null;
    }

    private static DateOnly? Relative(string t, DateOnly today)
    {
        switch (t.ToLowerInvariant())
        {
            case "today" or "今天" or "今日":
                return today;
            case "tomorrow" or "明天" or "明日":
                return today.AddDays(1);
            case "后天":
                return today.AddDays(2);
        }

        var m = EnglishWeekday().Match(t);
        if (m.Success && EnglishDays.TryGetValue(m.Groups["day"].Value, out var day))
        {
            return Weekday(today, day, next: m.Groups["next"].Success);
        }

        m = ChineseWeekday().Match(t);
        if (m.Success)
        {
            return Weekday(today, ChineseDay(m.Groups["day"].Value[0]), next: m.Groups["next"].Success);
        }

        m = EnglishIn().Match(t);
        if (m.Success)
        {
            var n = EnglishNumbers.TryGetValue(m.Groups["n"].Value, out var word) ? word : Int(m.Groups["n"].Value);
            return Add(today, n, m.Groups["unit"].Value.ToLowerInvariant()[0]);
        }

        m = ChineseIn().Match(t);
        if (m.Success && ChineseNumber(m.Groups["n"].Value) is int cn)
        {
            var unit = m.Groups["unit"].Value;
            return Add(today, cn, unit.Contains('天') || unit.Contains('日') ? 'd' : unit.Contains('月') ? 'm' : 'w');
        }

        return null;
    }

    /// <summary>
    /// <c>Friday</c> / <c>周五</c> / <c>this Friday</c> is the coming one (today counts); <c>next Friday</c> / <c>下周五</c>
    /// is the Friday of next week (weeks start on Monday), so the two languages agree.
    /// </summary>
    private static DateOnly Weekday(DateOnly today, DayOfWeek day, bool next)
    {
        static int Index(DayOfWeek d) => ((int)d + 6) % 7;
        if (next)
        {
            var monday = today.AddDays(-Index(today.DayOfWeek)).AddDays(7);
            return monday.AddDays(Index(day));
        }

        return today.AddDays((Index(day) - Index(today.DayOfWeek) + 7) % 7);
    }

    private static DateOnly? Add(DateOnly today, int n, char unit)
    {
        if (n is < 0 or > 1000)
        {
            return null;
        }

        return unit switch
        {
            'd' => today.AddDays(n),
            'w' => today.AddDays(7 * n),
            'm' => today.AddMonths(n),
            _ => null,
        };
    }

    private static DayOfWeek ChineseDay(char c) => c switch
    {
        '一' or '1' => DayOfWeek.Monday,
        '二' or '2' => DayOfWeek.Tuesday,
        '三' or '3' => DayOfWeek.Wednesday,
        '四' or '4' => DayOfWeek.Thursday,
        '五' or '5' => DayOfWeek.Friday,
        '六' or '6' => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    /// <summary>Arabic digits, or Chinese numerals up to 99 (一、两、十二、二十五、三十一).</summary>
    private static int? ChineseNumber(string s)
    {
        if (s.Length == 0)
        {
            return null;
        }

        if (s.All(char.IsAsciiDigit))
        {
            return s.Length <= 4 ? Int(s) : null;
        }

        s = s.Replace('两', '二').Replace('〇', '零');
        int Digit(char c) => ChineseDigits.IndexOf(c);
        var ten = s.IndexOf('十');
        if (ten < 0)
        {
            return s.Length == 1 && Digit(s[0]) >= 0 ? Digit(s[0]) : null;
        }

        var tens = ten == 0 ? 1 : ten == 1 && Digit(s[0]) > 0 ? Digit(s[0]) : -1;
        var ones = ten == s.Length - 1 ? 0 : ten == s.Length - 2 && Digit(s[^1]) > 0 ? Digit(s[^1]) : -1;
        return tens < 0 || ones < 0 ? null : (tens * 10) + ones;
    }

    private static DateOnly? Ahead(int month, int day, DateOnly today)
    {
        var date = Make(today.Year, month, day);
        if (date is DateOnly d && d < today)
        {
            return Make(today.Year + 1, month, day);
        }

        // 29 February in a year without one: the next year that has it is too far to guess; refuse.
        return date;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 2000 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultiSpace();

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})$")]
    private static partial Regex YearMonthDay();

    /// <summary>Month first, as both US English and Chinese write it (12/15); day-first 15/12 is refused rather than guessed.</summary>
    [GeneratedRegex(@"^(?<m>\d{1,2})/(?<d>\d{1,2})$")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"^(?:(?<y>\d{4})\s*年\s*)?(?<m>[\d一二三四五六七八九十]{1,3})\s*月\s*(?<d>[\d一二三四五六七八九十]{1,3})\s*[日号]?$")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"^(?<mon>[a-z]{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishMonthDay();

    [GeneratedRegex(@"^(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>[a-z]{3,9})\.?(?:,?\s+(?<y>\d{4}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDayMonth();

    [GeneratedRegex(@"^(?:(?<next>next)\s+|this\s+|on\s+)?(?<day>[a-z]{3,9})$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWeekday();

    [GeneratedRegex(@"^(?:(?<next>下个?)|本|这个?)?(?:周|星期|礼拜)(?<day>[一二三四五六日天1-7])$")]
    private static partial Regex ChineseWeekday();

    [GeneratedRegex(@"^in\s+(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>days?|weeks?|months?)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishIn();

    [GeneratedRegex(@"^(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?<unit>天|日|周|个?星期|个?礼拜|个月)(?:之?后|以后)$")]
    private static partial Regex ChineseIn();
}
