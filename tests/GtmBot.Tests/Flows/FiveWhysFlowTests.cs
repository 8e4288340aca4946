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

    private Task<IReadOnlyList<Reply>> Command(string user, Lang lang, string args, ConversationKey? channel = null) =>
        _flow.OnCommandAsync(_db.Context(user, lang, channel: channel), args, CancellationToken.None);

    private Task<IReadOnlyList<Reply>> Press(string user, Lang lang, Button button) => Act(user, lang, button.ActionId, button.Value);

    private Task<IReadOnlyList<Reply>> Act(string user, Lang lang, string actionId, string? value, Dictionary<string, string?>? form = null)
    {
        var action = new ActionInput(actionId, value, form ?? []);
        return _flow.OnActionAsync(_db.Context(user, lang, action), action, CancellationToken.None);
    }

    private async Task<Reply> PressCard(string user, Lang lang, Reply card, string actionId, string? valueEnd = null)
    {
        var button = Buttons(card).First(b => b.ActionId == actionId && (valueEnd is null || Parts(b.Value).EndsWith(valueEnd, StringComparison.Ordinal)));
        return (await Press(user, lang, button)).Single(r => r.Placement == ReplyPlacement.Artefact);
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

        card = await PressCard("ana", lang, card, FiveWhysFlow.Stop);
        card = await PressCard("ana", lang, card, FiveWhysFlow.WhyUsSkip);
        // The team picks the second answer; the card then asks need or want about that one.
        card = await PressCard("ana", lang, card, FiveWhysFlow.Pick, ":2");
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

        // No sixth why: "why us?" comes next, as its own optional question.
        Assert.DoesNotContain(Buttons(card), b => b.ActionId == FiveWhysFlow.Answer);
        Assert.Contains(Buttons(card), b => b.ActionId == FiveWhysFlow.WhyUsAnswer);
        Assert.Contains(Buttons(card), b => b.ActionId == FiveWhysFlow.WhyUsSkip);
        var drill = (await _drills.ListAsync(SqliteDb.Channel, 1, CancellationToken.None))[0];
        Assert.Equal(DrillStage.WhyUs, drill.Stage);
        Assert.Equal(5, drill.Answers.Count);
        Assert.Null(drill.RootCause);
    }

    [Theory]
    [InlineData(Lang.En, "Which answer is the root cause?", "Why 1 is the root cause", "(why 1, picked by")]
    [InlineData(Lang.Zh, "哪个回答是根本原因？", "第 1 个为什么是根本原因", "（第 1 个为什么，由")]
    public async Task Root_cause_is_the_answer_the_team_picks_not_the_last_one(Lang lang, string ask, string pickLabel, string picked)
    {
        var card = (await Command("ana", lang, "pilots stall after the demo"))[0];
        card = await AnswerAsync("bo", lang, card, "Their IT must approve every tool");
        card = await AnswerAsync("cy", lang, card, "We could offer an on-premises build");
        card = await PressCard("ana", lang, card, FiveWhysFlow.Stop);
        card = await PressCard("ana", lang, card, FiveWhysFlow.WhyUsSkip);
        Assert.Contains(ask, AllText(card), StringComparison.Ordinal);
        Assert.Equal(3, Buttons(card).Count(b => b.ActionId is FiveWhysFlow.Pick or FiveWhysFlow.Own));
        Assert.Contains(Buttons(card), b => b.Label == pickLabel);
        Assert.DoesNotContain(Buttons(card), b => b.ActionId == FiveWhysFlow.SetMotive);

        var pick = ButtonOf(card, FiveWhysFlow.Pick);
        card = (await Press("ana", lang, pick)).Single(r => r.Placement == ReplyPlacement.Artefact);
        Assert.Contains("Their IT must approve every tool", AllText(card), StringComparison.Ordinal);
        Assert.Contains(picked, AllText(card), StringComparison.Ordinal);
        var drill = (await _drills.ListAsync(SqliteDb.Channel, 1, CancellationToken.None))[0];
        Assert.Equal("Their IT must approve every tool", drill.RootCause);
        Assert.Equal(1, drill.RootCauseStep);
        Assert.Equal(DrillStage.NeedOrWant, drill.Stage);

        // The same button pressed again (a stale card) moves nothing.
        var again = await Press("bo", lang, pick);
        Assert.DoesNotContain(again, r => r.Placement == ReplyPlacement.Artefact);
        Assert.Equal(DrillStage.NeedOrWant, (await _drills.FindAsync(SqliteDb.Channel, drill.Id, CancellationToken.None))!.Stage);
    }

    [Theory]
    [InlineData(Lang.En, "(written by")]
    [InlineData(Lang.Zh, "撰写")]
    public async Task Root_cause_can_be_written_in_the_teams_own_words(Lang lang, string written)
    {
        var card = (await Command("ana", lang, "renewals slip"))[0];
        card = await AnswerAsync("bo", lang, card, "We should add a reminder feature");
        card = await PressCard("ana", lang, card, FiveWhysFlow.Stop);
        card = await PressCard("ana", lang, card, FiveWhysFlow.WhyUsSkip);
        var form = (await Press("ana", lang, ButtonOf(card, FiveWhysFlow.Own)))[0].Form!;
        var empty = (await Act("ana", lang, form.SubmitActionId, form.Value, new() { [FiveWhysFlow.RootCauseInput] = " " }))[0].Form!;
        Assert.NotNull(empty.Error);
        var replies = await Act("ana", lang, form.SubmitActionId, form.Value, new() { [FiveWhysFlow.RootCauseInput] = "Nobody owns the renewal date" });
        card = replies.Single(r => r.Placement == ReplyPlacement.Artefact);
        Assert.Contains("Nobody owns the renewal date", AllText(card), StringComparison.Ordinal);
        Assert.Contains(written, AllText(card), StringComparison.Ordinal);
        var drill = (await _drills.ListAsync(SqliteDb.Channel, 1, CancellationToken.None))[0];
        Assert.Equal("Nobody owns the renewal date", drill.RootCause);
        Assert.Null(drill.RootCauseStep);
        Assert.Equal("ana", drill.RootCauseBy);
    }

    [Theory]
    [InlineData(Lang.En, "Five whys #1", "Five whys #2")]
    [InlineData(Lang.Zh, "五问法 #1", "五问法 #2")]
    public async Task Drill_numbers_count_per_channel(Lang lang, string first, string second)
    {
        var other = new ConversationKey(Platforms.Local, "local", "other");
        await Command("ana", lang, "a problem here");
        await Command("ana", lang, "another problem here");
        await Command("ana", lang, "a third problem here");
        var firstThere = Assert.Single(await Command("bo", lang, "a problem over there", other));
        Assert.Contains(first, AllText(firstThere), StringComparison.Ordinal);
        var secondThere = Assert.Single(await Command("bo", lang, "another problem over there", other));
        Assert.Contains(second, AllText(secondThere), StringComparison.Ordinal);
        Assert.Equal([2, 1], (await _drills.ListAsync(other, 10, CancellationToken.None)).Select(d => d.Number));
        Assert.Equal([3, 2, 1], (await _drills.ListAsync(SqliteDb.Channel, 10, CancellationToken.None)).Select(d => d.Number));
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
        card = await AnswerAsync("bo", Lang.En, card, "Auditors reject their spreadsheets");
        card = await PressCard("ana", Lang.En, card, FiveWhysFlow.Stop);
        var whyUs = (await Press("ana", Lang.En, ButtonOf(card, FiveWhysFlow.WhyUsAnswer)))[0].Form!;
        card = (await Act("cy", Lang.En, whyUs.SubmitActionId, whyUs.Value, new() { [FiveWhysFlow.WhyUsInput] = "Only we keep an audit trail" }))
            .Single(r => r.Placement == ReplyPlacement.Artefact);
        Assert.Contains("Only we keep an audit trail", AllText(card), StringComparison.Ordinal);
        card = await PressCard("ana", Lang.En, card, FiveWhysFlow.Pick, ":1");
        card = (await Press("ana", Lang.En, ButtonOf(card, FiveWhysFlow.SetMotive, null))).Single(r => r.Placement == ReplyPlacement.Artefact);
        var form = (await Press("ana", Lang.En, Buttons(card).Single(b => b.ActionId == FiveWhysFlow.Apply && Parts(b.Value).EndsWith(":What", StringComparison.Ordinal))))[0].Form!;
        Assert.Contains(form.Inputs.Single(i => i.Id == FiveWhysFlow.CanvasInput).Choices!, c => c.Value == "acme");
        Assert.Equal("acme", form.Inputs.Single(i => i.Id == FiveWhysFlow.CanvasInput).Initial);
        // What holds the positioning: the answer to "why us?" is offered, not the root cause.
        Assert.StartsWith("Only we keep an audit trail", form.Inputs.Single(i => i.Id == FiveWhysFlow.TextInput).Initial, StringComparison.Ordinal);
        Assert.Equal("Only we keep an audit trail", (await _drills.ListAsync(SqliteDb.Channel, 1, CancellationToken.None))[0].WhyUs);

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
        Assert.Contains("#1", text, StringComparison.Ordinal);
        Assert.Contains("#2", text, StringComparison.Ordinal);
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
