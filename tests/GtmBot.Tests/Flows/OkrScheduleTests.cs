using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Flows;

public sealed class OkrScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Created at <see cref="Start"/>, due on 2026-04-10: the due day ends 100 days after creation.</summary>
    private static Objective Objective(params (decimal Progress, decimal Target)[] krs) => new(
        1, 1, "Win pilots", "pm", "rep", new DateOnly(2026, 4, 10), "ana", Start,
        [.. krs.Select((k, i) => new KeyResult(i + 1, "kr", k.Target, null, k.Progress, "ana", Start, null, null))]);

    [Fact]
    public void Progress_is_the_mean_of_key_results_each_capped_at_done()
    {
        Assert.Equal(0, OkrSchedule.Progress(Objective()));
        Assert.Equal(0.5, OkrSchedule.Progress(Objective((5, 10))), 6);
        Assert.Equal(0.75, OkrSchedule.Progress(Objective((5, 10), (30, 20))), 6);
    }

    [Fact]
    public void Behind_means_progress_trails_time_gone_by_more_than_the_margin_on_a_fake_clock()
    {
        var clock = new FakeTimeProvider(Start);
        var objective = Objective((40, 100));

        clock.Advance(TimeSpan.FromDays(45));
        Assert.Equal(0.45, OkrSchedule.TimeGone(objective, clock.GetUtcNow())!.Value, 6);
        Assert.False(OkrSchedule.IsBehind(objective, clock.GetUtcNow()));

        // 50 % of the time gone, 40 % done: exactly the margin, still not behind.
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0.10, OkrSchedule.TimeGone(objective, clock.GetUtcNow())!.Value - OkrSchedule.Progress(objective), 6);
        Assert.False(OkrSchedule.IsBehind(objective, clock.GetUtcNow()));

        // One hour later it is.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(OkrSchedule.IsBehind(objective, clock.GetUtcNow()));

        // Progress catches up: no longer behind.
        Assert.False(OkrSchedule.IsBehind(Objective((45, 100)), clock.GetUtcNow()));
    }

    [Fact]
    public void Time_gone_is_capped_and_an_objective_without_a_due_date_is_never_behind()
    {
        var objective = Objective((0, 10));
        Assert.Equal(0, OkrSchedule.TimeGone(objective, Start.AddDays(-3)));
        Assert.Equal(1, OkrSchedule.TimeGone(objective, Start.AddDays(400)));
        Assert.True(OkrSchedule.IsBehind(objective, Start.AddDays(400)));
        Assert.False(OkrSchedule.IsBehind(Objective((10, 10)), Start.AddDays(400)));

        var undated = objective with { Due = null };
        Assert.Null(OkrSchedule.TimeGone(undated, Start.AddDays(400)));
        Assert.False(OkrSchedule.IsBehind(undated, Start.AddDays(400)));
    }

    [Theory]
    [InlineData(0, "░░░░░░░░░░ 0%")]
    [InlineData(0.3, "▓▓▓░░░░░░░ 30%")]
    [InlineData(0.66, "▓▓▓▓▓▓▓░░░ 66%")]
    [InlineData(1.7, "▓▓▓▓▓▓▓▓▓▓ 100%")]
    public void Progress_bars_are_text(double fraction, string expected)
    {
        Assert.Equal(expected, OkrSchedule.Bar(fraction));
    }
}
