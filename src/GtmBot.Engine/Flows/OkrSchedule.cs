using GtmBot.Engine.Ports;

namespace GtmBot.Engine.Flows;

/// <summary>
/// Whether a joint objective keeps pace: its progress (the mean of its key results' progress over target, each capped at
/// 1) against the share of time gone between its creation and the end of its due day.
/// </summary>
public static class OkrSchedule
{
    /// <summary>How far progress may trail the time gone before the objective counts as behind schedule (0.10 = ten points).</summary>
    public const double BehindMargin = 0.10;

    /// <summary>Progress of one key result, 0…1.</summary>
    public static double Fraction(KeyResult kr) => kr.Target <= 0 ? 0 : Math.Clamp((double)(kr.Progress / kr.Target), 0, 1);

    /// <summary>Progress of an objective, 0…1: the mean of its key results (0 with none: nothing measurable yet).</summary>
    public static double Progress(Objective objective) =>
        objective.KeyResults.Count == 0 ? 0 : objective.KeyResults.Average(Fraction);

    /// <summary>The share of the time between creation and the end of the due day (UTC) that has gone, 0…1; null without a due date.</summary>
    public static double? TimeGone(Objective objective, DateTimeOffset now)
    {
        if (objective.Due is not DateOnly due)
        {
            return null;
        }

        var end = new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var span = end - objective.CreatedAt;
        if (span <= TimeSpan.Zero)
        {
            return 1;
        }

        return Math.Clamp((now - objective.CreatedAt) / span, 0, 1);
    }

    /// <summary>Behind: progress trails the time gone by more than <see cref="BehindMargin"/>.</summary>
    public static bool IsBehind(Objective objective, DateTimeOffset now) =>
        TimeGone(objective, now) is double gone && gone - Progress(objective) > BehindMargin;

    /// <summary>A text progress bar: <c>▓▓▓░░░░░░░ 30%</c>.</summary>
    public static string Bar(double fraction, int width = 10)
    {
        var f = Math.Clamp(fraction, 0, 1);
        var filled = (int)Math.Round(f * width, MidpointRounding.AwayFromZero);
        return new string('▓', filled) + new string('░', width - filled) + " " + Percent(f);
    }

    public static string Percent(double fraction) =>
        ((int)Math.Round(Math.Clamp(fraction, 0, 1) * 100, MidpointRounding.AwayFromZero)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";
}
