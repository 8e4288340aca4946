using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GtmBot.Engine;
using GtmBot.Storage;
using GtmBot.Storage.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Needs;

/// <summary>
/// The loop closed on the local page of the real host: quotes from four customers captured by two sales people become a need
/// from the insights; the product owner moves it to planned; each sales person gets exactly one direct message naming their
/// own customers, in their language.
/// </summary>
public sealed partial class NeedJourneyTests : IDisposable
{
    private const string Channel = "product";
    private readonly GtmHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    private static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/local/api/turns", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<JsonElement> SayAsync(HttpClient client, string user, string text, string locale) =>
        PostAsync(client, new { channel = Channel, user, text, locale });

    private static string Html(JsonElement response) => string.Join('\n', response.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("html").GetString()));

    private static string Texts(JsonElement response) => string.Join('\n', response.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));

    private static async Task<List<(string To, string? Key, string Text)>> DirectMessagesAsync(GtmHostFactory host)
    {
        await using var ctx = host.Services.GetRequiredService<IGtmDbFactory>().Create();
        var rows = await ctx.Set<OutboxEntity>().AsNoTracking().Where(o => o.WorkspaceKey == "local:local" && o.Channel.StartsWith("@")).OrderBy(o => o.Id).ToListAsync();
        return [.. rows.Select(r =>
        {
            var reply = JsonSerializer.Deserialize<Reply>(r.ReplyJson, StorageJson.Options)!;
            var text = string.Join('\n', reply.Blocks.Select(b => b switch
            {
                TextBlock t => Markup.ToPlainText(t.Markup),
                ContextBlock c => Markup.ToPlainText(c.Markup),
                _ => string.Empty,
            }));
            return (r.Channel[1..], r.IdempotencyKey, text);
        })];
    }

    [Theory]
    [InlineData("en", "Need #1 created.", "Planned: ", "your quotes from Acme and Initech", "your quotes from Globex and Umbrella", "Why: Q3 release")]
    [InlineData("zh", "已创建需求 #1。", "已排期：", "你记录的 Acme、Initech 的原话", "你记录的 Globex、Umbrella 的原话", "原因：Q3 release")]
    public Task Quotes_become_a_need_and_each_capturer_hears_back_once(string lang, string created, string status, string samCustomers, string leeCustomers, string why) =>
        StoryAsync(_host, lang, created, status, samCustomers, leeCustomers, why);

    /// <summary>The same story on PostgreSQL (skipped without a server, required in CI).</summary>
    [Fact]
    public async Task The_story_holds_on_postgres()
    {
        await using var db = await Delivery.PostgresDatabase.CreateAsync();
        using var host = new GtmHostFactory(db.Settings());
        await StoryAsync(host, "en", "Need #1 created.", "Planned: ", "your quotes from Acme and Initech", "your quotes from Globex and Umbrella", "Why: Q3 release");
    }

    internal static async Task StoryAsync(GtmHostFactory host, string lang, string created, string status, string samCustomers, string leeCustomers, string why)
    {
        using var client = host.CreateClient();
        var locale = lang == "zh" ? "zh-CN" : "en-US";
        foreach (var user in new[] { "sam", "lee", "pat" })
        {
            await SayAsync(client, user, "/gtm lang " + lang, locale);
        }

        await SayAsync(client, "sam", "/gtm quote Acme: we need a scheduled backup of the project database every night", locale);
        await SayAsync(client, "sam", "/gtm quote Initech: without a scheduled backup we cannot pass the audit", locale);
        await SayAsync(client, "lee", "/gtm quote Globex: a scheduled backup is a must for our IT team", locale);
        await SayAsync(client, "lee", "/gtm quote Umbrella: please add a scheduled backup to the admin console", locale);

        var insights = Html(await SayAsync(client, "pat", "/gtm insights", locale));
        var make = MakeNeedButton().Match(insights);
        Assert.True(make.Success, insights);
        var made = await PostAsync(client, new { channel = Channel, user = "pat", action = "need.theme", value = WebUtility.HtmlDecode(make.Groups[1].Value), locale });
        Assert.Contains(created, Texts(made), StringComparison.Ordinal);
        var card = made.GetProperty("replies").EnumerateArray().Single(r => r.GetProperty("placement").GetString() == "artefact");
        Assert.Equal("need:1", card.GetProperty("artefactKey").GetString());
        Assert.Contains("data-action=\"need.status\"", card.GetProperty("html").GetString(), StringComparison.Ordinal);

        var planned = lang == "zh" ? "/gtm 需求 1 状态 已排期 Q3 release" : "/gtm need 1 status planned Q3 release";
        var moved = await SayAsync(client, "pat", planned, locale);
        Assert.Contains(lang == "zh" ? "需求 #1 已更新。" : "Need #1 updated.", Texts(moved), StringComparison.Ordinal);

        var dms = await DirectMessagesAsync(host);
        Assert.Equal(2, dms.Count);
        var sam = Assert.Single(dms, d => d.To == "sam");
        var lee = Assert.Single(dms, d => d.To == "lee");
        Assert.Contains(status, sam.Text, StringComparison.Ordinal);
        Assert.Contains(samCustomers, sam.Text, StringComparison.Ordinal);
        Assert.Contains(why, sam.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex", sam.Text, StringComparison.Ordinal);
        Assert.Contains(leeCustomers, lee.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme", lee.Text, StringComparison.Ordinal);
        Assert.NotNull(sam.Key);
        Assert.Equal(sam.Key, lee.Key);

        // Asking again for the same status changes nothing and sends nothing more.
        await SayAsync(client, "pat", planned, locale);
        Assert.Equal(2, (await DirectMessagesAsync(host)).Count);
    }

    [Theory]
    [InlineData("en", "/gtm need 9 status planned", "There is no need #9", "/gtm need 1 status new", "can't go from Planned to New", "/gtm need 1 status wontdo", "Say why")]
    [InlineData("zh", "/gtm 需求 9 状态 已排期", "本频道没有需求 #9", "/gtm 需求 1 状态 新建", "不能从「已排期」改为「新建」", "/gtm 需求 1 状态 不做", "请说明原因")]
    public async Task Bad_input_gets_a_clear_message_in_the_users_language(string lang, string unknown, string unknownText, string illegal, string illegalText, string noReason, string noReasonText)
    {
        using var client = _host.CreateClient();
        var locale = lang == "zh" ? "zh-CN" : "en-US";
        await SayAsync(client, "pat", "/gtm need new scheduled backup", locale);
        await SayAsync(client, "pat", "/gtm need 1 status planned", locale);

        Assert.Contains(unknownText, Texts(await SayAsync(client, "pat", unknown, locale)), StringComparison.Ordinal);
        Assert.Contains(illegalText, Texts(await SayAsync(client, "pat", illegal, locale)), StringComparison.Ordinal);
        Assert.Contains(noReasonText, Texts(await SayAsync(client, "pat", noReason, locale)), StringComparison.Ordinal);
        var shown = await SayAsync(client, "pat", "/gtm need 1", locale);
        Assert.Contains(lang == "zh" ? "已排期" : "Planned", Html(shown), StringComparison.Ordinal);
    }

    [GeneratedRegex("data-action=\"need.theme\" data-value=\"([^\"]+)\"")]
    private static partial Regex MakeNeedButton();
}
