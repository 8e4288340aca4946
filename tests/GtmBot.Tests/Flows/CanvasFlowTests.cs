using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;
using GtmBot.Storage.Planning;
using static GtmBot.Tests.Flows.FlowTestKit;

namespace GtmBot.Tests.Flows;

public sealed class CanvasFlowTests : IAsyncLifetime
{
    private readonly SqliteDb _db = new();
    private CanvasFlow _flow = null!;
    private ICanvasStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = new CanvasStore(_db.Db);
        _flow = new CanvasFlow(_store);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<IReadOnlyList<Reply>> Act(string user, Lang lang, string actionId, string? value, Dictionary<string, string?>? form = null)
    {
        var action = new ActionInput(actionId, value, form ?? []);
        return _flow.OnActionAsync(_db.Context(user, lang, action), action, CancellationToken.None);
    }

    private static Button EditButton(Reply reply, string actionId, string valueEnd) =>
        Buttons(reply).First(b => b.ActionId == actionId && Parts(b.Value).EndsWith(valueEnd, StringComparison.Ordinal));

    [Fact]
    public async Task Canvas_command_shows_five_fields_with_guidance_in_english()
    {
        var replies = await _flow.OnCommandAsync(_db.Context("ana", Lang.En), string.Empty, CancellationToken.None);
        var card = Assert.Single(replies);
        Assert.Equal(ReplyPlacement.Artefact, card.Placement);
        var text = AllText(card);
        Assert.Contains("4W1H canvas · default", text, StringComparison.Ordinal);
        foreach (var q in new[] { "Who do we sell to?", "Why would they buy?", "How does the product solve", "unique selling point", "Where and how do we reach them?" })
        {
            Assert.Contains(q, text, StringComparison.Ordinal);
        }

        Assert.Contains("city tier", text, StringComparison.Ordinal);
        Assert.Equal(6, card.Blocks.OfType<ActionsBlock>().Single().Buttons.Count);
        Assert.Equal("canvas:default", card.ArtefactKey);
    }

    [Fact]
    public async Task Canvas_command_again_shows_the_card_to_the_asker_only()
    {
        await _flow.OnCommandAsync(_db.Context("ana", Lang.En), string.Empty, CancellationToken.None);
        var again = Assert.Single(await _flow.OnCommandAsync(_db.Context("bo", Lang.En), string.Empty, CancellationToken.None));
        Assert.Equal(ReplyVisibility.Ephemeral, again.Visibility);
        Assert.NotEqual(ReplyPlacement.Artefact, again.Placement);
    }

    [Fact]
    public async Task Canvas_command_shows_chinese_guidance_for_a_named_product()
    {
        var replies = await _flow.OnCommandAsync(_db.Context("李雷", Lang.Zh), "Acme  Cloud", CancellationToken.None);
        var text = AllText(replies[0]);
        Assert.Contains("4W1H 画布 · acme cloud", text, StringComparison.Ordinal);
        Assert.Contains("卖给谁？", text, StringComparison.Ordinal);
        Assert.Contains("城市级别", text, StringComparison.Ordinal);
        Assert.Contains("客户为什么选我们", text, StringComparison.Ordinal);
        Assert.Contains("（尚未填写）", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Lang.En, "Saved")]
    [InlineData(Lang.Zh, "已保存")]
    public async Task Field_is_edited_through_a_form_and_kept_in_history(Lang lang, string savedWord)
    {
        var card = (await _flow.OnCommandAsync(_db.Context("ana", lang), string.Empty, CancellationToken.None))[0];
        var edit = EditButton(card, CanvasFlow.Edit, ":Why");
        var form = (await Act("ana", lang, edit.ActionId, edit.Value))[0].Form!;
        Assert.Equal(CanvasFlow.Save, form.SubmitActionId);
        Assert.Contains(form.Inputs, i => i.Id == CanvasFlow.MotiveInput);

        var saved = await Act("ana", lang, form.SubmitActionId, form.Value, new() { ["text"] = "Audits need *proof* of every call", ["motive"] = "Need" });
        Assert.Contains(savedWord, AllText(saved[0]), StringComparison.Ordinal);
        var artefact = Assert.Single(saved, r => r.Placement == ReplyPlacement.Artefact);
        Assert.Equal("canvas:default", artefact.ArtefactKey);
        Assert.Contains("Audits need *proof* of every call", AllText(artefact), StringComparison.Ordinal);

        var canvas = await _store.FindByNameAsync(SqliteDb.Channel, "default", CancellationToken.None);
        Assert.Equal("Audits need *proof* of every call", canvas![CanvasField.Why].Value);
        Assert.Equal(Motive.Need, canvas[CanvasField.Why].Motive);

        // The form opened again shows the current value as its initial text.
        var again = (await Act("bo", lang, edit.ActionId, edit.Value))[0].Form!;
        Assert.Equal("Audits need *proof* of every call", again.Inputs[0].Initial);

        await Act("bo", lang, again.SubmitActionId, again.Value, new() { ["text"] = "Auditors demand call logs", ["motive"] = "Need" });
        var history = (await _flow.OnCommandAsync(_db.Context("ana", lang), lang == Lang.Zh ? "历史 default" : "history", CancellationToken.None))[0];
        var historyText = AllText(history);
        Assert.Contains("@bo", historyText, StringComparison.Ordinal);
        Assert.Contains("@ana", historyText, StringComparison.Ordinal);
        Assert.Contains("Audits need *proof* of every call → Auditors demand call logs", historyText, StringComparison.Ordinal);
        var changes = await _store.HistoryAsync(SqliteDb.Channel, null, 10, CancellationToken.None);
        Assert.Equal(2, changes.Count);
        Assert.Equal("bo", changes[0].UserId);
        Assert.Equal(_db.Clock.GetUtcNow(), changes[0].At);
    }

    [Theory]
    [InlineData(Lang.En, "changed this field while you were editing")]
    [InlineData(Lang.Zh, "你编辑期间")]
    public async Task Second_editor_with_a_stale_form_is_told_and_keeps_their_text(Lang lang, string conflictWords)
    {
        var card = (await _flow.OnCommandAsync(_db.Context("ana", lang), string.Empty, CancellationToken.None))[0];
        var edit = EditButton(card, CanvasFlow.Edit, ":Who");
        var anaForm = (await Act("ana", lang, edit.ActionId, edit.Value))[0].Form!;
        var boForm = (await Act("bo", lang, edit.ActionId, edit.Value))[0].Form!;

        await Act("ana", lang, anaForm.SubmitActionId, anaForm.Value, new() { ["text"] = "Mid-size insurers in tier-1 cities" });
        var refused = await Act("bo", lang, boForm.SubmitActionId, boForm.Value, new() { ["text"] = "Banks" });

        var form = Assert.Single(refused).Form!;
        Assert.Contains(conflictWords, form.Error, StringComparison.Ordinal);
        Assert.Contains("Mid-size insurers in tier-1 cities", form.Error, StringComparison.Ordinal);
        Assert.Contains("@[ana]", form.Error, StringComparison.Ordinal);
        Assert.Equal("Banks", form.Inputs[0].Initial);
        var canvas = await _store.FindByNameAsync(SqliteDb.Channel, "default", CancellationToken.None);
        Assert.Equal("Mid-size insurers in tier-1 cities", canvas![CanvasField.Who].Value);

        // Having seen the current text, the second editor may save over it knowingly.
        var saved = await Act("bo", lang, form.SubmitActionId, form.Value, new() { ["text"] = "Banks and insurers" });
        Assert.Contains(saved, r => r.Placement == ReplyPlacement.Artefact);
        canvas = await _store.FindByNameAsync(SqliteDb.Channel, "default", CancellationToken.None);
        Assert.Equal("Banks and insurers", canvas![CanvasField.Who].Value);
    }

    [Fact]
    public async Task Store_lets_only_one_of_two_racing_saves_win()
    {
        var canvas = await _store.GetOrCreateAsync(SqliteDb.Channel, "default", _db.Clock.GetUtcNow(), CancellationToken.None);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            _store.UpdateFieldAsync(SqliteDb.Channel, canvas.Id, CanvasField.How, 0, $"text {i}", Motive.Unclear, new TurnUser($"u{i}"), _db.Clock.GetUtcNow(), CancellationToken.None)));
        Assert.Single(results, r => r.Saved);
        Assert.Single(await _store.HistoryAsync(SqliteDb.Channel, canvas.Id, 10, CancellationToken.None));
    }

    [Theory]
    [InlineData(Lang.En, "", "text is empty")]
    [InlineData(Lang.Zh, "   ", "文本为空")]
    public async Task Empty_text_is_refused_with_the_form_back(Lang lang, string text, string message)
    {
        var card = (await _flow.OnCommandAsync(_db.Context("ana", lang), string.Empty, CancellationToken.None))[0];
        var edit = EditButton(card, CanvasFlow.Edit, ":How");
        var form = (await Act("ana", lang, edit.ActionId, edit.Value))[0].Form!;
        var refused = (await Act("ana", lang, form.SubmitActionId, form.Value, new() { ["text"] = text }))[0].Form!;
        Assert.Contains(message, refused.Error, StringComparison.Ordinal);
        Assert.Null((await _store.FindByNameAsync(SqliteDb.Channel, "default", CancellationToken.None))![CanvasField.How].Value);
    }

    [Theory]
    [InlineData(Lang.En, "3,000")]
    [InlineData(Lang.Zh, "3,000")]
    public async Task Text_over_the_limit_is_refused_naming_it_and_kept(Lang lang, string limit)
    {
        var card = (await _flow.OnCommandAsync(_db.Context("ana", lang), string.Empty, CancellationToken.None))[0];
        var edit = EditButton(card, CanvasFlow.Edit, ":Where");
        var form = (await Act("ana", lang, edit.ActionId, edit.Value))[0].Form!;
        var tooLong = new string('x', PlanningText.MaxAnswerLength + 1);
        var refused = (await Act("ana", lang, form.SubmitActionId, form.Value, new() { ["text"] = tooLong }))[0].Form!;
        Assert.Contains(limit, refused.Error, StringComparison.Ordinal);
        Assert.Equal(tooLong, refused.Inputs[0].Initial);

        var exactly = new string('y', PlanningText.MaxAnswerLength);
        var saved = await Act("ana", lang, form.SubmitActionId, form.Value, new() { ["text"] = exactly });
        Assert.Contains(saved, r => r.Placement == ReplyPlacement.Artefact);
    }

    [Fact]
    public async Task Canvases_are_kept_per_channel()
    {
        var other = SqliteDb.Channel with { Channel = "other" };
        await _store.GetOrCreateAsync(SqliteDb.Channel, "default", _db.Clock.GetUtcNow(), CancellationToken.None);
        var canvas = (await _store.ListAsync(SqliteDb.Channel, CancellationToken.None)).Single();
        Assert.Empty(await _store.ListAsync(other, CancellationToken.None));

        // An id from another channel is not found there.
        var action = new ActionInput(CanvasFlow.Edit, $"{canvas.Id}:Who");
        var replies = await _flow.OnActionAsync(_db.Context("ana", Lang.En, action, other), action, CancellationToken.None);
        Assert.Null(replies[0].Form);
    }

    [Fact]
    public async Task Several_named_canvases_are_listed()
    {
        await _flow.OnCommandAsync(_db.Context("ana", Lang.En), "Acme", CancellationToken.None);
        await _flow.OnCommandAsync(_db.Context("ana", Lang.En), string.Empty, CancellationToken.None);
        var list = (await _flow.OnCommandAsync(_db.Context("ana", Lang.En), "list", CancellationToken.None))[0];
        var text = AllText(list);
        Assert.Contains("acme — 0/5", text, StringComparison.Ordinal);
        Assert.Contains("default — 0/5", text, StringComparison.Ordinal);
    }
}
