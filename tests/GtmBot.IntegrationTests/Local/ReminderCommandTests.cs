using System.Text.Json;

namespace GtmBot.IntegrationTests.Local;

/// <summary>The reminder commands through the local channel's real endpoint.</summary>
public sealed class ReminderCommandTests : IDisposable
{
    private readonly GtmHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    private static string Html(JsonElement response) =>
        string.Join('\n', response.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("html").GetString()));

    private static Task<JsonElement> Say(HttpClient client, string text, string channel = "plan") =>
        LocalChannelApiTests.PostAsync(client, new { channel, user = "ana", text });

    [Theory]
    [InlineData("/gtm remind Funday 09:00", "Funday", "/gtm remind Monday 09:00 America/New_York")]
    [InlineData("/gtm remind Monday 25:00", "25:00", "24-hour")]
    [InlineData("/gtm remind Monday 09:00 Moon/Base", "Moon/Base", "IANA")]
    [InlineData("/gtm remind whenever", "couldn", "For example")]
    public async Task Bad_schedules_are_refused_with_an_example(string command, string names, string example)
    {
        using var client = _host.CreateClient();
        var html = Html(await Say(client, command));
        Assert.Contains(names, html, StringComparison.Ordinal);
        Assert.Contains(example, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_schedules_are_refused_in_chinese_for_a_chinese_user()
    {
        using var client = _host.CreateClient();
        await Say(client, "/gtm lang zh");
        var html = Html(await Say(client, "/gtm 提醒 周八 09:00"));
        Assert.Contains("不是星期几", html, StringComparison.Ordinal);
        Assert.Contains("例如", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_a_reminder_tells_the_channel_and_the_status_shows_the_next_run()
    {
        using var client = _host.CreateClient();
        var set = await Say(client, "/gtm remind Monday 09:00 America/New_York");
        var reply = set.GetProperty("replies")[0];
        Assert.Equal("channel", reply.GetProperty("visibility").GetString());
        Assert.Contains("Monday", reply.GetProperty("html").GetString(), StringComparison.Ordinal);

        var status = Html(await Say(client, "/gtm remind"));
        Assert.Contains("America/New_York", status, StringComparison.Ordinal);
        Assert.Contains("Next:", status, StringComparison.Ordinal);

        var zh = Html(await LocalChannelApiTests.PostAsync(client, new { channel = "plan", user = "li", text = "/gtm 提醒", locale = "zh-CN" }));
        Assert.Contains("下一次", zh, StringComparison.Ordinal);
        Assert.Contains("星期一", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_skip_and_snooze_change_the_schedule()
    {
        using var client = _host.CreateClient();
        await Say(client, "/gtm remind Wed 10:00");
        var skipNoReason = Html(await Say(client, "/gtm remind skip"));
        Assert.Contains("Please say why", skipNoReason, StringComparison.Ordinal);

        var skipped = Html(await Say(client, "/gtm remind skip launch week"));
        Assert.Contains("launch week", skipped, StringComparison.Ordinal);
        Assert.Contains("launch week", Html(await Say(client, "/gtm remind")), StringComparison.Ordinal);

        var snoozed = Html(await LocalChannelApiTests.PostAsync(client, new { channel = "plan", user = "ana", action = "remind.snooze" }));
        Assert.Contains("snoozed", snoozed, StringComparison.Ordinal);

        var form = Html(await LocalChannelApiTests.PostAsync(client, new { channel = "plan", user = "ana", action = "remind.skip" }));
        Assert.Contains("remind.skip_submit", form, StringComparison.Ordinal);

        Assert.Contains("turned the weekly reminder off", Html(await Say(client, "/gtm remind off")), StringComparison.Ordinal);
        Assert.Contains("is off", Html(await Say(client, "/gtm remind")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_now_previews_the_digest_to_the_asker()
    {
        using var client = _host.CreateClient();
        var preview = (await Say(client, "/gtm remind now")).GetProperty("replies")[0];
        Assert.Equal("ephemeral", preview.GetProperty("visibility").GetString());
        Assert.Contains("Weekly GTM check-in", preview.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("All up to date", preview.GetProperty("html").GetString(), StringComparison.Ordinal);
    }
}
