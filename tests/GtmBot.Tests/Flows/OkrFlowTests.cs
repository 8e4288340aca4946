using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Storage.Planning;
using static GtmBot.Tests.Flows.FlowTestKit;

namespace GtmBot.Tests.Flows;

public sealed class OkrFlowTests : IAsyncLifetime
{
    private readonly SqliteDb _db = new();
    private OkrFlow _flow = null!;
    private IOkrStore _store = null!;
    private ChecklistFlow _checklist = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = new OkrStore(_db.Db);
        var checklists = new ChecklistStore(_db.Db);
        _flow = new OkrFlow(_store, checklists);
        _checklist = new ChecklistFlow(checklists, _store);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<IReadOnlyList<Reply>> Command(string args, Lang lang = Lang.En, string user = "ana") =>
        _flow.OnCommandAsync(_db.Context(user, lang, new CommandInput("okr " + args)), args, CancellationToken.None);

    private Task<IReadOnlyList<Reply>> Act(string actionId, string? value, Dictionary<string, string?>? form = null, Lang lang = Lang.En)
    {
        var action = new ActionInput(actionId, value, form ?? []);
        return _flow.OnActionAsync(_db.Context("ana", lang, action), action, CancellationToken.None);
    }

    [Theory]
    [InlineData(Lang.En, "new Win 10 paying pilots product @li sales @[U2] due 2027-03-31", "Objective 1 added: Win 10 paying pilots.", "product @li · sales @U2 · due 2027-03-31")]
    [InlineData(Lang.Zh, "新建 赢得 10 个付费试点 产品 @li 销售 @wang 截止 2027-03-31", "已添加目标 1：赢得 10 个付费试点。", "产品 @li · 销售 @wang · 截止 2027-03-31")]
    public async Task A_joint_objective_gets_key_results_and_progress(Lang lang, string create, string created, string owners)
    {
        var replies = await Command(create, lang);
        Assert.Equal(created, AllText(replies[0]));
        var board = AllText(Artefact(replies, OkrFlow.ArtefactKey));
        Assert.Contains(owners, board, StringComparison.Ordinal);

        var add = lang == Lang.Zh ? "1 kr 添加 签约试点客户 目标 10 家" : "1 kr add Signed pilot customers target 10 customers";
        replies = await Command(add, lang);
        Assert.Equal(lang == Lang.Zh ? "已添加关键结果 1.1。" : "Key result 1.1 added.", AllText(replies[0]));
        replies = await Command(lang == Lang.Zh ? "1 kr 1 进度 4" : "1 kr 1 progress 4", lang);
        Assert.Equal(lang == Lang.Zh ? "1.1 的进度已设为 4。" : "Progress of 1.1 set to 4.", AllText(replies[0]));
        board = AllText(Artefact(replies, OkrFlow.ArtefactKey));
        Assert.Contains(lang == Lang.Zh ? "1.1 签约试点客户 —— 4 / 10 家 ▓▓▓▓░░░░░░ 40%" : "1.1 Signed pilot customers — 4 / 10 customers ▓▓▓▓░░░░░░ 40%", board, StringComparison.Ordinal);

        var objective = Assert.Single(await _store.ListAsync(SqliteDb.Channel, CancellationToken.None));
        Assert.Equal(lang == Lang.Zh ? "wang" : "U2", objective.SalesOwner);
        Assert.Equal(4m, Assert.Single(objective.KeyResults).Progress);
        Assert.Equal(10m, objective.KeyResults[0].Target);

        var shown = AllText(Assert.Single(await Command("1", lang)));
        Assert.Contains(lang == Lang.Zh ? "已完成 ▓▓▓▓░░░░░░ 40%" : "▓▓▓▓░░░░░░ 40% done", shown, StringComparison.Ordinal);
        Assert.True(_flow.IsLookup("okr", "1"));
        Assert.True(_flow.IsLookup("okrs", string.Empty));
        Assert.False(_flow.IsLookup("okr", create));
    }

    [Fact]
    public async Task The_title_may_say_sales_or_product_and_the_keywords_may_come_in_any_order()
    {
        await Command("new Grow sales in APAC due in 12 weeks sales @wang product @li");
        var objective = Assert.Single(await _store.ListAsync(SqliteDb.Channel, CancellationToken.None));
        Assert.Equal("Grow sales in APAC", objective.Title);
        Assert.Equal("li", objective.ProductOwner);
        Assert.Equal("wang", objective.SalesOwner);
        Assert.Equal(DateOnly.FromDateTime(_db.Clock.GetUtcNow().UtcDateTime).AddDays(84), objective.Due);
    }

    [Theory]
    [InlineData(Lang.En, "new Win pilots sales @wang", "Every objective needs a product owner")]
    [InlineData(Lang.Zh, "新建 赢得试点 产品 @li", "每个目标都需要一位销售负责人")]
    [InlineData(Lang.En, "new Win pilots product @li sales @wang due someday", "I can't read “someday” as a date")]
    [InlineData(Lang.Zh, "新建 赢得试点 产品 @li 销售 @wang 截止 改天", "无法把“改天”识别为日期")]
    [InlineData(Lang.En, "new Win pilots product @li sales @wang due 2020-01-01", "The due date 2020-01-01 has already passed.")]
    public async Task A_bad_objective_returns_the_form_with_what_was_typed(Lang lang, string args, string error)
    {
        var form = Assert.Single(await Command(args, lang)).Form!;
        Assert.StartsWith(error, Markup.ToPlainText(form.Error!), StringComparison.Ordinal);
        Assert.Equal(OkrFlow.Create, form.SubmitActionId);
        Assert.Contains(form.Inputs.Single(i => i.Id == OkrFlow.TitleInput).Initial, new[] { "Win pilots", "赢得试点" });
        Assert.Empty(await _store.ListAsync(SqliteDb.Channel, CancellationToken.None));
    }

    [Theory]
    [InlineData(Lang.En, "Every objective needs a sales owner")]
    [InlineData(Lang.Zh, "每个目标都需要一位销售负责人")]
    public async Task The_form_creates_an_objective_and_keeps_what_was_typed_when_refused(Lang lang, string error)
    {
        var opened = Assert.Single(await Command("new", lang)).Form!;
        Assert.Equal(InputKind.User, opened.Inputs.Single(i => i.Id == OkrFlow.ProductInput).Kind);

        var typed = new Dictionary<string, string?> { ["title"] = "Break even by Q3", ["product"] = "U_PM", ["sales"] = " ", ["due"] = "next Friday" };
        var refused = Assert.Single(await Act(OkrFlow.Create, opened.Value, typed, lang)).Form!;
        Assert.StartsWith(error, refused.Error, StringComparison.Ordinal);
        Assert.Equal("Break even by Q3", refused.Inputs.Single(i => i.Id == OkrFlow.TitleInput).Initial);
        Assert.Equal("U_PM", refused.Inputs.Single(i => i.Id == OkrFlow.ProductInput).Initial);
        Assert.Equal("next Friday", refused.Inputs.Single(i => i.Id == OkrFlow.DueInput).Initial);

        typed["sales"] = "U_REP";
        var saved = await Act(OkrFlow.Create, opened.Value, typed, lang);
        Assert.Contains("Break even by Q3", AllText(Artefact(saved, OkrFlow.ArtefactKey)), StringComparison.Ordinal);
        Assert.Equal("U_REP", Assert.Single(await _store.ListAsync(SqliteDb.Channel, CancellationToken.None)).SalesOwner);
    }

    [Theory]
    [InlineData(Lang.En, "9 kr add Pilots target 10", "There is no objective 9 in this channel.")]
    [InlineData(Lang.Zh, "9 kr 添加 试点 目标 10", "本频道没有目标 9。")]
    [InlineData(Lang.En, "1 kr 7 progress 3", "Objective 1 has no key result 7.")]
    [InlineData(Lang.Zh, "1 kr 7 进度 3", "目标 1 没有关键结果 7。")]
    [InlineData(Lang.En, "1 kr 1 progress -2", "Progress can't be negative (got -2).")]
    [InlineData(Lang.Zh, "1 kr 1 进度 很多", "无法把“很多”识别为数字。")]
    [InlineData(Lang.En, "9", "There is no objective 9 in this channel.")]
    [InlineData(Lang.En, "frobnicate", "Try /gtm okr new")]
    public async Task Unknown_numbers_and_bad_values_are_explained_and_nothing_changes(Lang lang, string args, string expected)
    {
        await Command("new Win pilots product @li sales @wang due 2027-03-31");
        await Command("1 kr add Pilots target 10");
        var reply = Assert.Single(await Command(args, lang));
        Assert.StartsWith(expected, AllText(reply), StringComparison.Ordinal);
        var objective = Assert.Single(await _store.ListAsync(SqliteDb.Channel, CancellationToken.None));
        Assert.Equal(0m, Assert.Single(objective.KeyResults).Progress);
    }

    [Theory]
    [InlineData(Lang.En, "1 kr add Pilots target -5 customers", "The target must be above zero (got -5).")]
    [InlineData(Lang.Zh, "1 kr 添加 试点 目标 -5 家", "目标值必须大于零（收到的是 -5）。")]
    [InlineData(Lang.En, "1 kr add Pilots target ten", "I can't read “ten” as a number.")]
    [InlineData(Lang.En, "1 kr add Pilots", "Say the target:")]
    public async Task A_bad_key_result_returns_its_form_with_what_was_typed(Lang lang, string args, string error)
    {
        await Command("new Win pilots product @li sales @wang");
        var form = Assert.Single(await Command(args, lang)).Form!;
        Assert.StartsWith(error, Markup.ToPlainText(form.Error!), StringComparison.Ordinal);
        Assert.Contains(form.Inputs.Single(i => i.Id == OkrFlow.TextInput).Initial, new[] { "Pilots", "试点" });
        Assert.Empty(Assert.Single(await _store.ListAsync(SqliteDb.Channel, CancellationToken.None)).KeyResults);
    }

    [Fact]
    public async Task Progress_form_refuses_a_negative_value_keeping_it_and_saves_a_good_one()
    {
        await Command("new Win pilots product @li sales @wang due 2027-03-31");
        await Command("1 kr add Pilots target 10");
        await Command("1 kr add Revenue target 50000 €");
        var open = Assert.Single(await Act(OkrFlow.ProgressForm, "1")).Form!;
        Assert.Equal(2, open.Inputs.Single(i => i.Id == OkrFlow.KeyResultInput).Choices!.Count);

        var refused = Assert.Single(await Act(OkrFlow.SaveProgress, open.Value, new() { ["kr"] = "2", ["value"] = "-100" }, Lang.Zh)).Form!;
        Assert.Equal("进度不能为负数（收到的是 -100）。", refused.Error);
        Assert.Equal("-100", refused.Inputs.Single(i => i.Id == OkrFlow.ValueInput).Initial);
        Assert.Equal("2", refused.Inputs.Single(i => i.Id == OkrFlow.KeyResultInput).Initial);

        var saved = await Act(OkrFlow.SaveProgress, open.Value, new() { ["kr"] = "2", ["value"] = "12,500" });
        Assert.Equal("Progress of 1.2 set to 12,500.", AllText(saved[0]));
        Assert.Equal(12500m, (await _store.FindAsync(SqliteDb.Channel, 1, CancellationToken.None))!.KeyResults[1].Progress);

        var kr = Assert.Single(await Act(OkrFlow.AddKeyResult, "1", new() { ["text"] = "Partners", ["target"] = "0" })).Form!;
        Assert.Equal("The target must be above zero (got 0).", kr.Error);
        Assert.Equal("Partners", kr.Inputs.Single(i => i.Id == OkrFlow.TextInput).Initial);
        kr = Assert.Single(await Act(OkrFlow.AddKeyResult, "1", new() { ["text"] = "Partners", ["target"] = " " }, Lang.Zh)).Form!;
        Assert.Equal("请填写目标值：一个大于零的数字。", kr.Error);
    }

    [Fact]
    public async Task An_objective_takes_at_most_ten_key_results()
    {
        await Command("new Win pilots product @li sales @wang");
        for (var i = 1; i <= OkrFlow.MaxKeyResults; i++)
        {
            Assert.Contains(await Command($"1 kr add Result {i} target {i}"), r => r.Placement == ReplyPlacement.Artefact);
        }

        var refused = Assert.Single(await Command("1 kr add One more target 1"));
        Assert.StartsWith("Objective 1 already has 10 key results", AllText(refused), StringComparison.Ordinal);
        Assert.Equal(OkrFlow.MaxKeyResults, (await _store.FindAsync(SqliteDb.Channel, 1, CancellationToken.None))!.KeyResults.Count);
    }

    [Fact]
    public async Task A_write_refreshes_the_checklist_card_whose_step_6_counts_objectives()
    {
        await _checklist.OnCommandAsync(_db.Context("ana", Lang.En), string.Empty, CancellationToken.None);
        var replies = await Command("new Win pilots product @li sales @wang");
        var card = AllText(Artefact(replies, ChecklistFlow.ArtefactKey));
        Assert.Contains("🎯 Joint objectives: 1 (0 behind schedule)", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objectives_are_numbered_per_channel()
    {
        var other = SqliteDb.Channel with { Channel = "other" };
        var user = new TurnUser("ana");
        var now = _db.Clock.GetUtcNow();
        var a = await _store.AddObjectiveAsync(SqliteDb.Channel, new ObjectiveValues("A", "p", "s", null), user, now, CancellationToken.None);
        var b = await _store.AddObjectiveAsync(other, new ObjectiveValues("B", "p", "s", null), user, now, CancellationToken.None);
        var c = await _store.AddObjectiveAsync(SqliteDb.Channel, new ObjectiveValues("C", "p", "s", null), user, now, CancellationToken.None);
        Assert.Equal((1, 1, 2), (a.Number, b.Number, c.Number));
        Assert.Equal(OkrWrite.NoObjective, await _store.SetProgressAsync(other, 2, 1, 1, user, now, CancellationToken.None));
        Assert.Equal(["A", "C"], (await _store.ListAsync(SqliteDb.Channel, CancellationToken.None)).Select(o => o.Title));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("1,200.5", 1200.5)]
    [InlineData("１２", 12)]
    [InlineData("-3", -3)]
    public void Numbers_are_read_as_typed(string text, double expected)
    {
        Assert.Equal((decimal)expected, OkrFlow.ParseValue(text));
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("")]
    [InlineData("1e400")]
    [InlineData("999999999999999999999")]
    public void Other_text_is_no_number(string text)
    {
        Assert.Null(OkrFlow.ParseValue(text));
    }
}
