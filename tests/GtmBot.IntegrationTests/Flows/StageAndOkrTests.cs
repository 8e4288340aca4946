using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GtmBot.Engine.Ports;
using GtmBot.IntegrationTests.Api;
using GtmBot.IntegrationTests.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.IntegrationTests.Flows;

/// <summary>The stage-aware checklist and the joint objectives through the real host: the local page and Slack's loopback fake.</summary>
public sealed class StageAndOkrTests
{
    private const string Channel = "launch";

    [Fact]
    public async Task Stage_change_and_objectives_on_the_local_page_lead_the_card_and_the_digest()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var host = new ApiTestHost(clock: clock);

        var card = Artefact(await PostAsync(host.Client, new { channel = Channel, user = "ana", text = "/gtm checklist" }), "checklist");
        Assert.Contains("<strong>Stage: Definition</strong> — focus on step 1 (Choose the target market)", card, StringComparison.Ordinal);

        // The stage typed as a command, in the other language's name: set, led with, kept in the history.
        var staged = await PostAsync(host.Client, new { channel = Channel, user = "ana", text = "/gtm checklist stage 试点" });
        Assert.Contains("Life-cycle stage set to Pilot.", Html(staged, 0), StringComparison.Ordinal);
        card = Artefact(staged, "checklist");
        Assert.Contains("<strong>Stage: Pilot</strong> — focus on step 2 (Define the target customer)", card, StringComparison.Ordinal);
        Assert.Contains("Ask: Do the pilot customers match the persona", card, StringComparison.Ordinal);
        var history = string.Join('\n', await host.TurnAsync(Channel, "/gtm checklist history"));
        Assert.Contains("stage: Definition → Pilot", history, StringComparison.Ordinal);

        // An objective through the form: refused without a sales owner (what was typed stays), then saved.
        var form = await PostAsync(host.Client, new { channel = Channel, user = "ana", action = "okr.new" });
        Assert.Contains("data-action=\"okr.create\"", Html(form, 0), StringComparison.Ordinal);
        var typed = new Dictionary<string, string> { ["title"] = "Win 10 paying pilots", ["product"] = "li", ["sales"] = string.Empty, ["due"] = "2026-06-09" };
        var refused = Html(await PostAsync(host.Client, new { channel = Channel, user = "ana", action = "okr.create", form = typed }), 0);
        Assert.Contains("Every objective needs a sales owner", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Win 10 paying pilots\"", refused, StringComparison.Ordinal);
        typed["sales"] = "wang";
        var created = await PostAsync(host.Client, new { channel = Channel, user = "ana", action = "okr.create", form = typed });
        Assert.Contains("Objective 1 added: Win 10 paying pilots.", Html(created, 0), StringComparison.Ordinal);
        Assert.Contains("Joint objectives: 1 (0 behind schedule)", Artefact(created, "checklist"), StringComparison.Ordinal);

        var kr = string.Join('\n', await host.TurnAsync(Channel, "/gtm okr 1 kr add Signed pilots target 10 customers"));
        Assert.Contains("Key result 1.1 added.", kr, StringComparison.Ordinal);
        var progress = string.Join('\n', await host.TurnAsync(Channel, "/gtm okr 1 kr 1 progress 2"));
        Assert.Contains("1.1 Signed pilots — 2 / 10 customers ▓▓░░░░░░░░ 20%", progress, StringComparison.Ordinal);
        var unknown = string.Join('\n', await host.TurnAsync(Channel, "/gtm okr 4 kr 1 progress 2"));
        Assert.Contains("There is no objective 4 in this channel.", unknown, StringComparison.Ordinal);

        // Half the time gone with a fifth done: the digest leads with the stage and names the objective behind schedule.
        clock.Advance(TimeSpan.FromDays(50));
        var digest = string.Join('\n', await host.TurnAsync(Channel, "/gtm remind preview"));
        var stageAt = digest.IndexOf("Stage: Pilot — focus on step 2 (Define the target customer)", StringComparison.Ordinal);
        var introAt = digest.IndexOf("What needs a look this week:", StringComparison.Ordinal);
        Assert.InRange(stageAt, 0, introAt);
        Assert.Contains("1. Win 10 paying pilots: 20% done, 50% of the time gone (due 2026-06-09) — <span class=\"mention\">@li</span> <span class=\"mention\">@wang</span>", digest, StringComparison.Ordinal);
        var list = string.Join('\n', await host.TurnAsync(Channel, "/gtm okrs"));
        Assert.Contains("behind schedule", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chinese_objective_commands_and_stage_on_the_local_page()
    {
        await using var host = new ApiTestHost();
        await host.TurnAsync(Channel, "/gtm lang zh", "li");
        var stage = string.Join('\n', await host.TurnAsync(Channel, "/gtm 清单 阶段 发布准备", "li"));
        Assert.Contains("生命周期阶段已设为 发布准备。", stage, StringComparison.Ordinal);
        Assert.Contains("阶段：发布准备</strong> —— 重点是第 4 步（信息屋与整合营销计划）", stage, StringComparison.Ordinal);

        var missing = string.Join('\n', await host.TurnAsync(Channel, "/gtm 目标 新建 年底收支平衡 销售 @wang", "li"));
        Assert.Contains("每个目标都需要一位产品负责人", missing, StringComparison.Ordinal);
        Assert.Contains("年底收支平衡", missing, StringComparison.Ordinal);

        var created = string.Join('\n', await host.TurnAsync(Channel, "/gtm 目标 新建 年底收支平衡 产品 @li 销售 @wang 截止 2099-12-31", "li"));
        Assert.Contains("已添加目标 1：年底收支平衡。", created, StringComparison.Ordinal);
        Assert.Contains("🎯 共同目标：1 个（0 个落后于计划）", created, StringComparison.Ordinal);
        var negative = string.Join('\n', await host.TurnAsync(Channel, "/gtm okr 1 kr 添加 毛利 目标 -5 万元", "li"));
        Assert.Contains("目标值必须大于零（收到的是 -5）。", negative, StringComparison.Ordinal);
        Assert.Contains("毛利", negative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objective_and_stage_change_through_slack()
    {
        await using var host = await SlackHost.StartAsync(new Dictionary<string, string?> { ["GtmBot:Delivery:OutboxPollInterval"] = "00:00:00.050" });
        Assert.Equal(HttpStatusCode.OK, (await host.PostSlashAsync("checklist")).StatusCode);
        await host.Api.WaitForAsync("pins.add");

        Assert.Equal(HttpStatusCode.OK, (await host.PostSlashAsync("checklist stage scale")).StatusCode);
        var checklists = host.Factory.Services.GetRequiredService<IChecklistStore>();
        var key = new GtmBot.Engine.ConversationKey("slack", "T1", "C1");
        Assert.Equal(LifecycleStage.Scale, (await checklists.FindAsync(key, CancellationToken.None))!.Stage);
        var update = (await host.Api.WaitForAsync("chat.update"))[^1];
        Assert.Contains("Stage: Scale", update.Body, StringComparison.Ordinal);
        Assert.Contains("focus on step 5", update.Body, StringComparison.Ordinal);

        // A command missing the sales owner opens the form as a modal, with the error and what was typed.
        var refused = await host.PostSlashAsync("okr new Win 10 pilots product <@U2|li>", triggerId: "trig-okr");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var open = (await host.Api.WaitForAsync("views.open"))[^1];
        var view = open.Json!["view"]!;
        Assert.Equal("okr.create", (string?)view["callback_id"]);
        Assert.Contains("Every objective needs a sales owner", view.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Win 10 pilots", view.ToJsonString(), StringComparison.Ordinal);

        // The modal submitted with both owners picked saves the objective.
        var submit = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["user"] = new JsonObject { ["id"] = "U1", ["name"] = "ana" },
            ["api_app_id"] = "A1",
            ["view"] = new JsonObject
            {
                ["callback_id"] = "okr.create",
                ["private_metadata"] = (string?)view["private_metadata"],
                ["state"] = JsonNode.Parse("""
                    {"values":{
                      "title":{"title":{"type":"plain_text_input","value":"Win 10 pilots"}},
                      "product":{"product":{"type":"users_select","selected_user":"U2"}},
                      "sales":{"sales":{"type":"users_select","selected_user":"U3"}},
                      "due":{"due":{"type":"plain_text_input","value":"2099-03-31"}}}}
                    """),
            },
        };
        var saved = await host.PostInteractionAsync(submit.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var objective = Assert.Single(await host.Factory.Services.GetRequiredService<IOkrStore>().ListAsync(key, CancellationToken.None));
        Assert.Equal(("Win 10 pilots", "U2", "U3", new DateOnly(2099, 3, 31)), (objective.Title, objective.ProductOwner, objective.SalesOwner, objective.Due!.Value));

        // Key result and progress as commands; the objectives card is posted by the outbox.
        await host.PostSlashAsync("okr 1 kr add Signed pilots target 10");
        await host.PostSlashAsync("okr 1 kr 1 progress 3");
        Assert.Equal(3m, (await host.Factory.Services.GetRequiredService<IOkrStore>().FindAsync(key, 1, CancellationToken.None))!.KeyResults[0].Progress);
        await WaitUntilAsync(() => host.Api.Calls.Any(c => c.Method is "chat.postMessage" or "chat.update" && System.Text.RegularExpressions.Regex.Unescape(c.Body).Contains("▓▓▓░░░░░░░ 30%", StringComparison.Ordinal)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/local/api/turns", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Html(JsonElement response, int index) => WebUtility.HtmlDecode(response.GetProperty("replies")[index].GetProperty("html").GetString()!);

    private static string Artefact(JsonElement response, string key) =>
        WebUtility.HtmlDecode(response.GetProperty("replies").EnumerateArray()
            .Single(r => r.TryGetProperty("artefactKey", out var k) && k.GetString() == key)
            .GetProperty("html").GetString()!);
}
