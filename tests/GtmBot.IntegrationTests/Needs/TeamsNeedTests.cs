using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Engine.Charts;
using GtmBot.IntegrationTests.Teams;
using SkiaSharp;

namespace GtmBot.IntegrationTests.Needs;

/// <summary>
/// The needs story on Teams through real, signed activities and the loopback Bot Connector: sales capture quotes of four
/// customers in two segments by @mentioning the bot, the product owner keeps the profiles, reads the per-segment insights,
/// makes the theme a need with the card's button and moves it to planned with the need card's button; each sales person gets
/// exactly one 1:1 message naming their own customers; the list shows the score; the chart arrives as an image in a card. The
/// same team sets its stage and a joint objective.
/// </summary>
public sealed class TeamsNeedTests : IAsyncLifetime
{
    private const string Tenant = "tenant-needs-1";
    private const string Bot = "28:gtmbot-app";
    private const string Channel = "19:product@thread.tacv2";
    private const string PublicBase = "http://127.0.0.1:5999";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (string TeamsId, string Aad, string Name) Sam = ("29:1sam", "aad-sam", "Sam Wu");
    private static readonly (string TeamsId, string Aad, string Name) Lee = ("29:1lee", "aad-lee", "Lee Chen");
    private static readonly (string TeamsId, string Aad, string Name) Pat = ("29:1pat", "aad-pat", "Pat Owner");

    private FakeBotFramework _fake = null!;
    private GtmHostFactory _host = null!;
    private int _posts;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        var settings = _fake.HostSettings();
        settings["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050";
        settings["GtmBot:Api:PublicBaseUrl"] = PublicBase;
        _host = new GtmHostFactory(settings);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _fake.DisposeAsync();
    }

    public sealed record Script(
        string Locale,
        string[] Quotes,
        string[] Profiles,
        string Insights,
        string SegmentCounts,
        string MakeNeed,
        string Planned,
        string ScoreField,
        string SamHears,
        string LeeHears,
        string Needs,
        string Score,
        string Chart,
        string ChartTitle,
        string Stage,
        string StageSaved,
        string Okr,
        string OkrSaved);

    public static TheoryData<string> Languages => ["en", "zh"];

    private static Script For(string lang) => lang == "en"
        ? new(
            "en-US",
            ["quote Acme: we need a scheduled backup of the project database every night", "quote Initech: without a scheduled backup we cannot pass the audit", "quote Globex: a scheduled backup is a must for our IT team", "quote Umbrella: please add a scheduled backup to the admin console"],
            ["customer Acme segment enterprise arr 120000", "customer Initech segment enterprise", "customer Globex segment SMB", "customer Umbrella segment SMB"],
            "insights",
            "common among enterprise: 2 of 2; common among SMB: 2 of 2",
            "Make a need",
            "Planned",
            "Priority score",
            "your quotes from Acme and Initech",
            "your quotes from Globex and Umbrella",
            "needs",
            "· Planned · score ",
            "insights chart",
            "Distinct customers per theme, by segment",
            "checklist stage pilot",
            "Life-cycle stage set to Pilot.",
            "okr new Win 10 paid pilots product @pat sales @sam due 2027-03-31",
            "Objective 1 added: Win 10 paid pilots.")
        : new(
            "zh-CN",
            ["引用 Acme：我们需要每晚定时备份项目数据库", "引用 Initech：没有定时备份，我们过不了审计", "引用 Globex：定时备份对我们的 IT 团队是必须的", "引用 Umbrella：请在管理后台加上定时备份"],
            ["客户 Acme 细分 enterprise 年收入 120000", "客户 Initech 细分 enterprise", "客户 Globex 细分 SMB", "客户 Umbrella 细分 SMB"],
            "洞察",
            "在 enterprise 中常见：2 位中的 2 位；在 SMB 中常见：2 位中的 2 位",
            "建成需求",
            "已排期",
            "优先级得分",
            "你记录的 Acme、Initech 的原话",
            "你记录的 Globex、Umbrella 的原话",
            "needs",
            "· 已排期 · 得分 ",
            "洞察 图表",
            "各主题的不同客户数（按细分）",
            "清单 阶段 试点",
            "生命周期阶段已设为 试点。",
            "okr 新建 赢得 10 个付费试点 产品 @pat 销售 @sam 截止 2027-03-31",
            "已添加目标 1：赢得 10 个付费试点。");

    /// <summary>A new post in the channel that @mentions the bot, as Teams sends it (its own thread id).</summary>
    private JsonObject Message((string TeamsId, string Aad, string Name) from, string text, string locale)
    {
        var post = Interlocked.Increment(ref _posts);
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = "17000000000" + post.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = "<at>GtmBot</at> " + text,
            ["locale"] = locale,
            ["serviceUrl"] = _fake.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = from.TeamsId, ["name"] = from.Name, ["aadObjectId"] = from.Aad },
            ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "GtmBot" },
            ["conversation"] = new JsonObject { ["id"] = $"{Channel};messageid=17000000000{post:D2}", ["conversationType"] = "channel", ["tenantId"] = Tenant, ["isGroup"] = true },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>GtmBot</at>", ["mentioned"] = new JsonObject { ["id"] = Bot, ["name"] = "GtmBot" } }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant }, ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" }, ["channel"] = new JsonObject { ["id"] = Channel } },
        };
    }

    /// <summary>The <c>adaptiveCard/action</c> invoke Teams sends when a person presses an Action.Execute button of a card the bot posted.</summary>
    private JsonObject Press((string TeamsId, string Aad, string Name) from, JsonNode button, string conversation, string locale) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["locale"] = locale,
        ["serviceUrl"] = _fake.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = from.TeamsId, ["name"] = from.Name, ["aadObjectId"] = from.Aad },
        ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "GtmBot" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "channel", ["tenantId"] = Tenant, ["isGroup"] = true },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant }, ["channel"] = new JsonObject { ["id"] = Channel } },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)button["verb"], ["data"] = button["data"]?.DeepClone() },
            ["trigger"] = "manual",
        },
    };

    private async Task<string> SendAsync(JsonObject activity)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token());
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<string> SayAsync((string TeamsId, string Aad, string Name) from, string text, string locale) => SendAsync(Message(from, text, locale));

    /// <summary>The card of a call: an activity's, or the first activity's of a new conversation (a new post in the channel).</summary>
    private static string CardOf(ConnectorCall call) => Card(call)?.ToJsonString(Readable) ?? string.Empty;

    private static JsonNode? Card(ConnectorCall call) => (call.Body?["activity"] ?? call.Body)?["attachments"]?[0]?["content"];

    /// <summary>The connector calls (posts and updates) whose card contains <paramref name="text"/>, waiting for at least <paramref name="count"/>.</summary>
    private Task<IReadOnlyList<ConnectorCall>> CardsWithAsync(string text, int count = 1, string? method = null) =>
        _fake.WaitForAsync(c => (method is null || c.Method == method) && CardOf(c).Contains(text, StringComparison.Ordinal), count);

    /// <summary>The Action.Execute buttons of a card, anywhere in it.</summary>
    private static IEnumerable<JsonNode> Buttons(ConnectorCall call)
    {
        var stack = new Stack<JsonNode?>([Card(call)]);
        while (stack.TryPop(out var node))
        {
            switch (node)
            {
                case JsonObject o:
                    if ((string?)o["type"] == "Action.Execute")
                    {
                        yield return o;
                    }

                    foreach (var (_, child) in o)
                    {
                        stack.Push(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }
    }

    private IReadOnlyList<ConnectorCall> PostsTo(string chat) => [.. _fake.ConnectorCalls("POST").Where(c => c.Path == $"/v3/conversations/{chat}/activities")];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Quotes_of_two_segments_become_a_need_that_is_planned_and_each_capturer_hears_back_once(string lang)
    {
        var s = For(lang);
        if (lang == "zh")
        {
            await SayAsync(Pat, "语言 zh 团队", s.Locale);
        }

        await SayAsync(Sam, s.Quotes[0], s.Locale);
        await SayAsync(Sam, s.Quotes[1], s.Locale);
        await SayAsync(Lee, s.Quotes[2], s.Locale);
        await SayAsync(Lee, s.Quotes[3], s.Locale);
        foreach (var profile in s.Profiles)
        {
            await SayAsync(Pat, profile, s.Locale);
        }

        // Insights: per-segment counts, and a button that makes the theme a need.
        await SayAsync(Pat, s.Insights, s.Locale);
        var insights = (await CardsWithAsync(s.SegmentCounts)).LastOrDefault();
        Assert.True(insights is not null, "no insights card with the counts: " + string.Join("\n", _fake.Calls.Select(CardOf)));
        var make = Assert.Single(Buttons(insights), b => (string?)b["title"] == s.MakeNeed);
        await SendAsync(Press(Pat, make, insights.Path.Split('/')[3], s.Locale));

        // The need's living card reaches the channel as a new post (a conversation of its own), with a button per next status.
        var card = Assert.Single(await CardsWithAsync(s.ScoreField, method: "POST"), c => c.Path == "/v3/conversations");
        Assert.Equal(Channel, (string?)card.Body!["channelData"]!["channel"]!["id"]);
        var planned = Assert.Single(Buttons(card), b => (string?)b["title"] == s.Planned);
        await SendAsync(Press(Pat, planned, Channel, s.Locale));

        // Each capturer gets one 1:1 message naming their own customers; the card is updated in place.
        var samChat = FakeBotFramework.PersonalChatOf(Sam.TeamsId);
        var leeChat = FakeBotFramework.PersonalChatOf(Lee.TeamsId);
        await _fake.WaitForAsync(c => c.Method == "POST" && (c.Path == $"/v3/conversations/{samChat}/activities" || c.Path == $"/v3/conversations/{leeChat}/activities"), 2);
        await CardsWithAsync(s.Planned, method: "PUT");
        await Task.Delay(500); // several outbox rounds: a second message would show
        var samHears = CardOf(Assert.Single(PostsTo(samChat)));
        var leeHears = CardOf(Assert.Single(PostsTo(leeChat)));
        Assert.Contains(s.Planned, samHears, StringComparison.Ordinal);
        Assert.Contains(s.SamHears, samHears, StringComparison.Ordinal);
        Assert.Contains(s.LeeHears, leeHears, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex", samHears, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme", leeHears, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.ConnectorCalls("POST"), c => c.Path.Contains(FakeBotFramework.PersonalChatOf(Pat.TeamsId), StringComparison.Ordinal));
        Assert.Equal(2, _fake.ConnectorCalls("POST").Count(c => c.Path == "/v3/conversations" && c.Body?["isGroup"]?.GetValue<bool>() == false));

        // The list by priority shows the need with its score.
        await SayAsync(Pat, s.Needs, s.Locale);
        Assert.Contains("#1", CardOf((await CardsWithAsync(s.Score)).Last()), StringComparison.Ordinal);

        // The chart arrives as an image in a card, from the bot's signed link.
        await SayAsync(Pat, s.Chart, s.Locale);
        var image = (await _fake.WaitForAsync(c => c.Method == "POST" && CardOf(c).Contains("\"type\":\"Image\"", StringComparison.Ordinal))).Single();
        var element = Assert.Single(Descendants(image), n => (string?)n["type"] == "Image");
        Assert.Equal(s.ChartTitle, (string?)element["altText"]);
        var url = new Uri((string)element["url"]!);
        Assert.StartsWith(PublicBase + "/exports/", url.GetLeftPart(UriPartial.Path), StringComparison.Ordinal);
        using var client = _host.CreateClient();
        var png = await client.GetByteArrayAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(ChartPainter.Width, bitmap.Width);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Stage_and_objective_commands_work_as_teams_activities(string lang)
    {
        var s = For(lang);
        await SayAsync(Pat, s.Stage, s.Locale);
        await CardsWithAsync(s.StageSaved);
        await SayAsync(Pat, s.Okr, s.Locale);
        await CardsWithAsync(s.OkrSaved);
    }

    private static IEnumerable<JsonNode> Descendants(ConnectorCall call)
    {
        var stack = new Stack<JsonNode?>([Card(call)]);
        while (stack.TryPop(out var node))
        {
            if (node is JsonObject o)
            {
                yield return o;
                foreach (var (_, child) in o)
                {
                    stack.Push(child);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var child in a)
                {
                    stack.Push(child);
                }
            }
        }
    }
}
