using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;
using GtmBot.Storage.Planning;
using static GtmBot.Tests.Flows.FlowTestKit;

namespace GtmBot.Tests.Flows;

public sealed class FiveWhysFlowTests : IAsyncLifetime
{
    private readonly SqliteDb _db = new();
    private FiveWhysFlow _flow = null!;
    private ICanvasStore _canvases = null!;
    private IDrillStore _drills = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        _canvases = new CanvasStore(_db.Db);
        _drills = new DrillStore(_db.Db);
        _flow = new FiveWhysFlow(_drills, _canvases);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<IReadOnlyList<Reply>> Command(string user, Lang lang, string args) =>
        _flow.OnCommandAsync(_db.Context(user, lang), args, CancellationToken.None);

    private Task<IReadOnlyList<Reply>> Press(string user, Lang lang, Button button) => Act(user, lang, button.ActionId, button.Value);

    private Task<IReadOnlyList<Reply>> Act(string user, Lang lang, string actionId, string? value, Dictionary<string, string?>? form = null)
    {
        var action = new ActionInput(actionId, value, form ?? []);
        return _flow.OnActionAsync(_db.Context(user, lang, action), action, CancellationToken.None);
    }

    private async Task<Reply> AnswerAsync(string user, Lang lang, Reply card, string text)
    {
        var form = (await Press(user, lang, ButtonOf(card, FiveWhysFlow.Answer)))[0].Form!;
        var replies = await Act(user, lang, form.SubmitActionId, form.Value, new() { [FiveWhysFlow.AnswerInput] = text });
        return replies.Single(r => r.Placement == ReplyPlacement.Artefact);
    }

    [Theory]
    [InlineData(Lang.En, "Why 1?", "Root cause found", "Is this a need or a want?", "Written into canvas")]
    [InlineData(Lang.Zh, "为什么 1？", "已找到根本原因", "这是“需要”还是“想要”？", "已写入画布")]
    public async Task Drill_goes_from_problem_to_the_canvas_why_field(Lang lang, string firstWhy, string stopLabel, string needOrWant, string written)
    {
        var started = await Command("ana", lang, "sales can't find last quarter's call notes");
        var card = Assert.Single(started);
        Assert.Equal(ReplyPlacement.Artefact, card.Placement);
        Assert.Contains(firstWhy, AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain(Buttons(card), b => b.ActionId == FiveWhysFlow.Stop);
        var drillId = (await _drills.ListAsync(SqliteDb.Channel, 10, CancellationToken.None)).Single().Id;
        Artefact(started, $"why:{drillId}");

        card = await AnswerAsync("bo", lang, card, "Notes live in personal docs");
        card = await AnswerAsync("cy", lang, card, "Nobody owns a shared tool");
        Assert.Contains(stopLabel, string.Join(' ', Buttons(card).Select(b => b.Label)), StringComparison.Ordinal);

        card = (await Press("ana", lang, ButtonOf(card, FiveWhysFlow.Stop))).Single(r => r.Placement == ReplyPlacement.Artefact);
        Assert.Contains(needOrWant, AllText(card), StringComparison.Ordinal);
        card = (await Press("ana", lang, ButtonOf(card, FiveWhysFlow.SetMotive, $"{drillId}:Need"))).Single(r => r.Placement == ReplyPlacement.Artefact);

        var form = (await Press("ana", lang, ButtonOf(card, FiveWhysFlow.Apply, $"{drillId}:Why")))[0].Form!;
        var text = form.Inputs.Single(i => i.Id == FiveWhysFlow.TextInput).Initial;
        Assert.Contains("Nobody owns a shared tool", text, StringComparison.Ordinal);
        Assert.Equal(CanvasFlow.DefaultName, form.Inputs.Single(i => i.Id == FiveWhysFlow.CanvasInput).Initial);

        var done = await Act("ana", lang, form.SubmitActionId, form.Value, new() { [FiveWhysFlow.CanvasInput] = "default", [FiveWhysFlow.TextInput] = text });
        Assert.Contains(written, AllText(done[0]), StringComparison.Ordinal);
        Artefact(done, "canvas:default");
        Assert.Contains(written, AllText(Artefact(done, $"why:{drillId}")), StringComparison.Ordinal);

        var canvas = await _canvases.FindByNameAsync(SqliteDb.Channel, "default", CancellationToken.None);
        Assert.Equal(text, canvas![CanvasField.Why].Value);
        Assert.Equal(Motive.Need, canvas[CanvasField.Why].Motive);
        var drill = await _drills.FindAsync(SqliteDb.Channel, drillId, CancellationToken.None);
        Assert.Equal(DrillStage.Done, drill!.Stage);
        Assert.Equal("default:Why", drill.AppliedTo);
        Assert.Equal(["bo", "cy"], drill.Answers.Select(a => a.UserId));
    }

    [Fact]
    public async Task Fifth_answer_moves_to_need_or_want_without_a_sixth_why()
    {
        var card = (await Command("ana", Lang.En, "churn in month two"))[0];
        for (var i = 1; i <= FiveWhysFlow.MaxWhys; i++)
        {
            card = await AnswerAsync("ana", Lang.En, card, $"because {i}");
        }

        Assert.DoesNotContain(Buttons(card), b => b.ActionId == FiveWhysFlow.Answer);
        Assert.Contains(Buttons(card), b => b.ActionId == FiveWhysFlow.SetMotive);
        var drill = (await _drills.ListAsync(SqliteDb.Channel, 1, CancellationToken.None))[0];
        Assert.Equal(DrillStage.NeedOrWant, drill.Stage);
        Assert.Equal(5, drill.Answers.Count);
    }

    [Theory]
    [InlineData(Lang.En, "Someone answered why 1")]
    [InlineData(Lang.Zh, "已有人回答了第 1 个为什么")]
    public async Task Two_people_answering_the_same_why_both_count_in_order(Lang lang, string message)
    {
        var card = (await Command("ana", lang, "trial users never invite colleagues"))[0];
        var boForm = (await Press("bo", lang, ButtonOf(card, FiveWhysFlow.Answer)))[0].Form!;
        var cyForm = (await Press("cy", lang, ButtonOf(card, FiveWhysFlow.Answer)))[0].Form!;
        await Act("bo", lang, boForm.SubmitActionId, boForm.Value, new() { ["answer"] = "Inviting is hidden" });
        var refused = (await Act("cy", lang, cyForm.SubmitActionId, cyForm.Value, new() { ["answer"] = "They work alone" }))[0].Form!;

        Assert.Contains(message, refused.Error, StringComparison.Ordinal);
        Assert.Equal("They work alone", refused.Inputs[0].Initial);
        await Act("cy", lang, refused.SubmitActionId, refused.Value, new() { ["answer"] = "They work alone" });
        var drill = (await _drills.ListAsync(SqliteDb.Channel, 1, CancellationToken.None))[0];
        Assert.Equal(["Inviting is hidden", "They work alone"], drill.Answers.Select(a => a.Text));
    }

    [Theory]
    [InlineData(Lang.En, "", "text is empty")]
    [InlineData(Lang.Zh, "", "文本为空")]
    [InlineData(Lang.En, "LONG", "3,000")]
    [InlineData(Lang.Zh, "LONG", "上限是 3,000")]
    public async Task Empty_or_oversized_answers_are_refused_with_the_text_kept(Lang lang, string text, string message)
    {
        var answer = text == "LONG" ? new string('z', PlanningText.MaxAnswerLength + 1) : text;
        var card = (await Command("ana", lang, "no renewals"))[0];
        var form = (await Press("bo", lang, ButtonOf(card, FiveWhysFlow.Answer)))[0].Form!;
        var refused = (await Act("bo", lang, form.SubmitActionId, form.Value, new() { ["answer"] = answer }))[0].Form!;
        Assert.Contains(message, refused.Error, StringComparison.Ordinal);
        Assert.Equal(answer, refused.Inputs[0].Initial);
        Assert.Empty((await _drills.ListAsync(SqliteDb.Channel, 1, CancellationToken.None))[0].Answers);
    }

    [Fact]
    public async Task Stopping_needs_an_answer_first()
    {
        await Command("ana", Lang.En, "no renewals");
        var drill = (await _drills.ListAsync(SqliteDb.Channel, 1, CancellationToken.None))[0];
        var replies = await Act("ana", Lang.En, FiveWhysFlow.Stop, drill.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("at least one why", AllText(replies[0]), StringComparison.Ordinal);
        Assert.Equal(DrillStage.Asking, (await _drills.FindAsync(SqliteDb.Channel, drill.Id, CancellationToken.None))!.Stage);
    }

    [Fact]
    public void Every_step_including_the_fifth_asks_why_about_the_customer()
    {
        for (var step = 1; step <= FiveWhysFlow.MaxWhys; step++)
        {
            Assert.StartsWith("Why", FiveWhysStrings.Hint(step).En, StringComparison.Ordinal);
            Assert.Contains("为什么", FiveWhysStrings.Hint(step).Zh, StringComparison.Ordinal);
            Assert.DoesNotContain("choose us", FiveWhysStrings.Hint(step).En, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Result_can_go_into_what_of_a_named_canvas_appended_to_its_text()
    {
        // An older "default" canvas exists; the channel works on "acme" now, so the form defaults to it.
        await _canvases.GetOrCreateAsync(SqliteDb.Channel, CanvasFlow.DefaultName, _db.Clock.GetUtcNow(), CancellationToken.None);
        _db.Clock.Advance(TimeSpan.FromMinutes(5));
        var canvas = await _canvases.GetOrCreateAsync(SqliteDb.Channel, "acme", _db.Clock.GetUtcNow(), CancellationToken.None);
        await _canvases.UpdateFieldAsync(SqliteDb.Channel, canvas.Id, CanvasField.What, 0, "Fast search", Motive.Unclear, new TurnUser("ana"), _db.Clock.GetUtcNow(), CancellationToken.None);
        var card = (await Command("ana", Lang.En, "why would banks pick us"))[0];
        card = await AnswerAsync("bo", Lang.En, card, "Only we keep an audit trail");
        card = (await Press("ana", Lang.En, ButtonOf(card, FiveWhysFlow.Stop))).Single(r => r.Placement == ReplyPlacement.Artefact);
        card = (await Press("ana", Lang.En, ButtonOf(card, FiveWhysFlow.SetMotive, null))).Single(r => r.Placement == ReplyPlacement.Artefact);
        var form = (await Press("ana", Lang.En, Buttons(card).Single(b => b.ActionId == FiveWhysFlow.Apply && b.Value!.EndsWith(":What", StringComparison.Ordinal))))[0].Form!;
        Assert.Contains(form.Inputs.Single(i => i.Id == FiveWhysFlow.CanvasInput).Choices!, c => c.Value == "acme");
        Assert.Equal("acme", form.Inputs.Single(i => i.Id == FiveWhysFlow.CanvasInput).Initial);

        await Act("ana", Lang.En, form.SubmitActionId, form.Value, new() { ["canvas"] = "acme", ["text"] = "Audit trail" });
        var what = (await _canvases.FindAsync(SqliteDb.Channel, canvas.Id, CancellationToken.None))![CanvasField.What];
        Assert.Equal("Fast search\n\nAudit trail", what.Value);
    }

    [Theory]
    [InlineData(Lang.En, "Five-whys drills", "waiting for why 1")]
    [InlineData(Lang.Zh, "五问法记录", "等待第 1 个为什么")]
    public async Task Every_drill_is_listed(Lang lang, string title, string stage)
    {
        await Command("ana", lang, "first problem");
        await Command("bo", lang, "second problem");
        var list = (await Command("ana", lang, lang == Lang.Zh ? "列表" : "list"))[0];
        var text = AllText(list);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains("first problem", text, StringComparison.Ordinal);
        Assert.Contains("second problem", text, StringComparison.Ordinal);
        Assert.Contains(stage, text, StringComparison.Ordinal);
        Assert.Equal(2, Buttons(list).Count(b => b.ActionId == FiveWhysFlow.Show));
    }

    [Fact]
    public async Task Why_without_a_problem_explains_usage()
    {
        var replies = await Command("ana", Lang.Zh, string.Empty);
        Assert.Equal(ReplyVisibility.Ephemeral, replies[0].Visibility);
        Assert.Contains("用法", AllText(replies[0]), StringComparison.Ordinal);
    }
}
