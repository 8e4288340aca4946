using GtmBot.Engine.Needs;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;

namespace GtmBot.Tests.Engine.Needs;

internal static class NeedTestData
{
    public static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static QuoteRecord Quote(long id, string? customer, string capturedBy, string text = "we need scheduled backup", params string[] tags) =>
        new(id, text, customer, "en", new QuoteOrigin(capturedBy, null, null, null, null, null, "slash"), At.AddMinutes(id), tags, Motive.Need, []);

    public static Need Need(NeedStatus status = NeedStatus.New, Effort? effort = null, Moscow? moscow = null, params long[] quoteIds) =>
        new(42, 3, "scheduled backup", status, moscow, null, effort, quoteIds, 1, null, null, "pat", At, At);

    public static CustomerProfile Profile(string name, decimal? arr = null, DateOnly? renewal = null) =>
        new(name, null, null, arr, renewal, "pat", At);
}
