using System.Globalization;
using GtmBot.Engine.Needs;
using GtmBot.Engine.Strings;

namespace GtmBot.Engine.Charts;

/// <summary>
/// <c>/gtm insights chart needs</c>: how many of the channel's needs stood in each status at the end of each day, drawn as
/// stacked columns from the needs' history (a need counts as new from the day it was made, then as each status change of its
/// history says). Days are UTC days; a long history is read in steps of several days so the chart keeps at most
/// <see cref="MaxColumns"/> columns, the last one today.
/// </summary>
public static class NeedsChart
{
    /// <summary>Most columns (points in time) drawn.</summary>
    public const int MaxColumns = 30;

    /// <summary>The chart of <paramref name="needs"/> over time, or null when the channel has no need yet.</summary>
    /// <param name="needs">The channel's needs.</param>
    /// <param name="changes">Their status changes, any order.</param>
    /// <param name="today">The last day drawn.</param>
    /// <param name="lang">The reader's language.</param>
    public static StackedColumnChart? Build(IReadOnlyList<Need> needs, IReadOnlyList<NeedStatusChange> changes, DateOnly today, Lang lang)
    {
        if (needs.Count == 0)
        {
            return null;
        }

        var first = needs.Min(n => Day(n.CreatedAt));
        if (first > today)
        {
            first = today;
        }

        var span = today.DayNumber - first.DayNumber + 1;
        var step = (span + MaxColumns - 1) / MaxColumns;
        var days = new List<DateOnly>();
        for (var d = today; d >= first && days.Count < MaxColumns; d = d.AddDays(-step))
        {
            days.Add(d);
        }

        days.Reverse();
        var history = changes
            .Where(c => Enum.TryParse<NeedStatus>(c.Change.NewValue, out _))
            .GroupBy(c => c.Need.Id)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Change.At).ThenBy(c => c.Change.Seq).Select(c => (Day: Day(c.Change.At), Status: Enum.Parse<NeedStatus>(c.Change.NewValue!))).ToList());
        var statuses = Enum.GetValues<NeedStatus>();
        var counts = statuses.ToDictionary(s => s, _ => new double[days.Count]);
        for (var i = 0; i < days.Count; i++)
        {
            foreach (var need in needs.Where(n => Day(n.CreatedAt) <= days[i]))
            {
                var status = NeedStatus.New;
                foreach (var (day, to) in history.GetValueOrDefault(need.Id) ?? [])
                {
                    if (day > days[i])
                    {
                        break;
                    }

                    status = to;
                }

                counts[status][i]++;
            }
        }

        var series = statuses.Where(s => counts[s].Any(v => v > 0)).Select(s => new ChartSeries(NeedStrings.Status(s).Get(lang), counts[s])).ToList();
        var format = first.Year == today.Year ? "MM-dd" : "yyyy-MM-dd";
        return new StackedColumnChart(
            NeedStrings.ChartTitle.Get(lang),
            NeedStrings.ChartAxis.Get(lang),
            [.. days.Select(d => d.ToString(format, CultureInfo.InvariantCulture))],
            series);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
