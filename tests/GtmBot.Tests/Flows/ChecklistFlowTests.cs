using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Storage.Planning;
using static GtmBot.Tests.Flows.FlowTestKit;

namespace GtmBot.Tests.Flows;

public sealed class ChecklistFlowTests : IAsyncLifetime
{
    private readonly SqliteDb _db = new();
    private ChecklistFlow _flow = null!;
    private IChecklistStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = new ChecklistStore(_db.Db);
        _flow = new ChecklistFlow(_store, new OkrStore(_db.Db));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<IReadOnlyList<Reply>> Command(string user, Lang lang, string args = "") =>
        _flow.OnCommandAsync(_db.Context(user, lang), args, CancellationToken.None);

    private Task<IReadOnlyList<Reply>> Act(string user, Lang lang, string actionId, string? value, Dictionary<string, string?>? form = null)
    {
        var action = new ActionInput(actionId, value, form ?? []);
        return _flow.OnActionAsync(_db.Context(user, lang, action), action, CancellationToken.None);
    }

    [Theory]
    [InlineData(Lang.En, "Choose the target market", "Execute, then review and adjust", "Stage: Definition", "competitors")]
    [InlineData(Lang.Zh, "选择目标市场", "执行、复盘与调整", "阶段：定义", "竞品功能与价格分析")]
    public async Task Checklist_shows_the_eight_steps_with_hints_behind_more(Lang lang, string first, string last, string stage, string hint)
    {
        var replies = await Command("ana", lang);
        var text = AllText(replies[0]);
        Assert.Contains(first, text, StringComparison.Ordinal);
        Assert.Contains(last, text, StringComparison.Ordinal);
        Assert.Contains(stage, text, StringComparison.Ordinal);
        Assert.DoesNotContain(hint, text, StringComparison.Ordinal);
        Assert.Equal(ChecklistFlow.Steps, Buttons(replies[0]).Count(b => b.ActionId == ChecklistFlow.Edit));
        Assert.Same(Assert.Single(replies), Artefact(replies, ChecklistFlow.ArtefactKey));

        var details = Assert.Single(await Act("bo", lang, ChecklistFlow.Details, null));
        Assert.Equal(ReplyVisibility.Ephemeral, details.Visibility);
        Assert.Contains(hint, AllText(details), StringComparison.Ordinal);
        Assert.Contains(first, AllText(details), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checklist_card_is_compact_one_menu_per_step_and_one_button()
    {
        var card = Assert.Single(await Command("ana", Lang.En));

        // Before: 5 stage buttons and 4 per step (+1 on step 6) = 38 buttons. Now: one "More" button and menus.
        var button = Assert.Single(PlainButtons(card));
        Assert.Equal(ChecklistFlow.Details, button.ActionId);
        var menus = Menus(card).ToList();
        Assert.Equal(1 + ChecklistFlow.Steps, menus.Count);
        var stage = menus[0];
        Assert.Equal(MenuStyle.Select, stage.Style);
        Assert.All(stage.Options, o => Assert.Equal(ChecklistFlow.SetStage, o.ActionId));
        Assert.Equal("Definition", Assert.Single(stage.Options, o => o.Selected).Label);
        Assert.All(menus.Skip(1), m =>
        {
            Assert.Equal(MenuStyle.Overflow, m.Style);
            Assert.InRange(m.Options.Count, 2, 5);
            Assert.Equal(3, m.Options.Count(o => o.ActionId == ChecklistFlow.SetStatus));
            Assert.Single(m.Options, o => o.ActionId == ChecklistFlow.Edit);
        });
        Assert.Single(menus, m => m.Options.Any(o => o.ActionId == OkrFlow.List));
    }

    [Theory]
    [InlineData("details")]
    [InlineData("详情")]
    public async Task Checklist_details_command_lists_notes_and_last_changes(string word)
    {
        await Command("ana", Lang.En);
        var item = (await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))![2];
        await Act("ana", Lang.En, ChecklistFlow.Save, $"2:{item.Version}", new() { ["owner"] = "@[bo]", ["note"] = "Persona v1 in review" });

        var details = AllText(Assert.Single(await Command("cy", Lang.En, word)));
        Assert.Contains("Persona v1 in review", details, StringComparison.Ordinal);
        Assert.Contains("owner @bo", details, StringComparison.Ordinal);
        Assert.Contains("last change", details, StringComparison.Ordinal);
        Assert.True(_flow.IsLookup("checklist", word));
    }

    [Fact]
    public async Task Details_before_any_checklist_do_not_create_one()
    {
        var reply = Assert.Single(await Command("ana", Lang.En, "details"));
        Assert.Contains("no checklist yet", AllText(reply), StringComparison.Ordinal);
        Assert.Null(await _store.FindAsync(SqliteDb.Channel, CancellationToken.None));
    }

    [Theory]
    [InlineData(Lang.En, "That button is no longer supported")]
    [InlineData(Lang.Zh, "这个按钮已不再支持")]
    public async Task A_status_button_of_an_old_card_still_works_and_an_unreadable_one_is_refused_as_stale(Lang lang, string stale)
    {
        var card = (await Command("ana", lang))[0];
        var current = ButtonOf(card, ChecklistFlow.SetStatus, "3:Done").Value!;
        Assert.Contains("|", current, StringComparison.Ordinal);
        var version = ActionValue.SplitIds(current)[2];

        // Cards posted before the codec carry "step:status:version".
        await Act("ana", lang, ChecklistFlow.SetStatus, $"3:Done:{version}");
        Assert.Equal(ChecklistStatus.Done, (await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))![3].Status);

        foreach (var unreadable in (string?[])["3|Done", "3:Done", "x|Done|0", null, "3|Nope|0"])
        {
            var refused = Assert.Single(await Act("ana", lang, ChecklistFlow.SetStatus, unreadable));
            Assert.Contains(stale, AllText(refused), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Lang.En, "✅ Done", "Step 3 updated.")]
    [InlineData(Lang.Zh, "✅ 完成", "第 3 步已更新。")]
    public async Task Status_button_ticks_a_step_and_updates_the_artefact(Lang lang, string done, string notice)
    {
        var card = (await Command("ana", lang))[0];
        var replies = await Act("ana", lang, ChecklistFlow.SetStatus, ButtonOf(card, ChecklistFlow.SetStatus, "3:Done").Value);
        Assert.Equal(notice, AllText(replies[0]));
        Assert.Contains("3. ", AllText(Artefact(replies, ChecklistFlow.ArtefactKey)), StringComparison.Ordinal);
        Assert.Contains(done, AllText(Artefact(replies, ChecklistFlow.ArtefactKey)), StringComparison.Ordinal);
        var checklist = await _store.FindAsync(SqliteDb.Channel, CancellationToken.None);
        Assert.Equal(ChecklistStatus.Done, checklist![3].Status);
    }

    [Fact]
    public async Task Stale_status_button_does_not_overwrite_a_newer_change()
    {
        var card = (await Command("ana", Lang.En))[0];
        await Act("ana", Lang.En, ChecklistFlow.SetStatus, ButtonOf(card, ChecklistFlow.SetStatus, "1:Done").Value);
        var replies = await Act("bo", Lang.En, ChecklistFlow.SetStatus, ButtonOf(card, ChecklistFlow.SetStatus, "1:Blocked").Value);
        Assert.Contains("changed step 1 while you were editing", AllText(replies[0]), StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.Placement == ReplyPlacement.Artefact);
        Assert.Equal(ChecklistStatus.Done, (await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))![1].Status);
    }

    [Theory]
    [InlineData(Lang.En, "overdue", "owner @bo")]
    [InlineData(Lang.Zh, "已逾期", "负责人 @bo")]
    public async Task Form_sets_owner_due_and_note_and_overdue_steps_are_marked(Lang lang, string overdue, string owner)
    {
        await Command("ana", lang);
        var form = (await Act("ana", lang, ChecklistFlow.Edit, "2"))[0].Form!;
        Assert.Equal(InputKind.User, form.Inputs.Single(i => i.Id == ChecklistFlow.OwnerInput).Kind);
        Assert.Equal(InputKind.Text, form.Inputs.Single(i => i.Id == ChecklistFlow.DueInput).Kind);
        var yesterday = DateOnly.FromDateTime(_db.Clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var replies = await Act("ana", lang, form.SubmitActionId, form.Value, new() { ["owner"] = "@[bo]", ["due"] = yesterday, ["note"] = "Persona v1 in review" });
        var artefact = AllText(Artefact(replies, ChecklistFlow.ArtefactKey));
        Assert.Contains(overdue, artefact, StringComparison.Ordinal);
        Assert.Contains(owner, artefact, StringComparison.Ordinal);
        Assert.DoesNotContain("Persona v1 in review", artefact, StringComparison.Ordinal);
        Assert.Contains("Persona v1 in review", AllText(Assert.Single(await Act("ana", lang, ChecklistFlow.Details, null))), StringComparison.Ordinal);
        var item = (await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))![2];
        Assert.Equal("bo", item.OwnerId);
        Assert.Equal("Persona v1 in review", item.Note);

        // Done steps are not overdue any more.
        var done = await Act("ana", lang, ChecklistFlow.SetStatus, $"2:Done:{item.Version}");
        Assert.DoesNotContain(overdue, AllText(Artefact(done, ChecklistFlow.ArtefactKey)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Lang.En, "can't read")]
    [InlineData(Lang.Zh, "无法把")]
    public async Task Bad_due_date_is_refused_with_the_values_kept(Lang lang, string message)
    {
        await Command("ana", lang);
        var refused = (await Act("ana", lang, ChecklistFlow.Save, "4:0", new() { ["owner"] = "bo", ["due"] = "someday soon", ["note"] = "draft" }))[0].Form!;
        Assert.Contains(message, refused.Error, StringComparison.Ordinal);
        Assert.Equal("someday soon", refused.Inputs.Single(i => i.Id == ChecklistFlow.DueInput).Initial);
        Assert.Equal("draft", refused.Inputs.Single(i => i.Id == ChecklistFlow.NoteInput).Initial);
        Assert.Null((await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))![4].OwnerId);
    }

    [Theory]
    [InlineData(Lang.En, "next Friday", "Fri 2026-12-04", "2026-12-04")]
    [InlineData(Lang.Zh, "下周五", "2026-12-04（周五）", "2026-12-04")]
    [InlineData(Lang.Zh, "12月15日", "2026-12-15（周二）", "2026-12-15")]
    [InlineData(Lang.En, "in 2 weeks", "Mon 2026-12-07", "2026-12-07")]
    public async Task Due_date_as_people_write_it_is_echoed_back_before_it_is_saved(Lang lang, string written, string echoed, string expected)
    {
        await Command("ana", lang);
        var echo = Assert.Single(await Act("ana", lang, ChecklistFlow.Save, "4:0", new() { ["due"] = written, ["note"] = "draft" })).Form!;
        Assert.Contains(echoed, echo.Error, StringComparison.Ordinal);
        Assert.Null((await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))![4].Due);

        var iso = echo.Inputs.Single(i => i.Id == ChecklistFlow.DueInput).Initial;
        Assert.Equal(expected, iso);
        var saved = await Act("ana", lang, echo.SubmitActionId, echo.Value, new() { ["due"] = iso, ["note"] = "draft" });
        Artefact(saved, ChecklistFlow.ArtefactKey);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))![4].Due);
    }

    [Fact]
    public async Task Overdue_counts_in_the_readers_time_zone()
    {
        // 23 Nov 2026 09:00 UTC is still 22 Nov (23:00) in Honolulu (UTC-10): a step due on the 22nd is overdue in UTC only.
        await Command("ana", Lang.En);
        Artefact(await Act("ana", Lang.En, ChecklistFlow.Save, "3:0", new() { ["due"] = "2026-11-22" }), ChecklistFlow.ArtefactKey);
        var step = (await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))![3];
        Assert.Equal(new DateOnly(2026, 11, 22), step.Due);

        var honolulu = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Honolulu");
        Assert.True(ChecklistFlow.IsOverdue(step, _db.Context("ana", Lang.En).Today));
        Assert.False(ChecklistFlow.IsOverdue(step, _db.Context("ana", Lang.En, zone: honolulu).Today));
        var card = Assert.Single(await _flow.OnCommandAsync(_db.Context("ana", Lang.En), string.Empty, CancellationToken.None));
        Assert.Contains("overdue", AllText(card), StringComparison.Ordinal);
        card = Assert.Single(await _flow.OnCommandAsync(_db.Context("ana", Lang.En, zone: honolulu), string.Empty, CancellationToken.None));
        Assert.DoesNotContain("overdue", AllText(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Lang.En, "", "text is empty")]
    [InlineData(Lang.Zh, "LONG", "上限是 3,000")]
    public async Task Empty_or_oversized_edits_are_refused(Lang lang, string note, string message)
    {
        await Command("ana", lang);
        var text = note == "LONG" ? new string('n', PlanningText.MaxAnswerLength + 1) : note;
        var refused = (await Act("ana", lang, ChecklistFlow.Save, "5:0", new() { ["owner"] = string.Empty, ["due"] = string.Empty, ["note"] = text }))[0].Form!;
        Assert.Contains(message, refused.Error, StringComparison.Ordinal);
        Assert.Equal(text, refused.Inputs.Single(i => i.Id == ChecklistFlow.NoteInput).Initial);
    }

    [Fact]
    public async Task Second_form_save_with_a_stale_version_is_sent_back()
    {
        await Command("ana", Lang.En);
        var anaForm = (await Act("ana", Lang.En, ChecklistFlow.Edit, "6"))[0].Form!;
        var boForm = (await Act("bo", Lang.En, ChecklistFlow.Edit, "6"))[0].Form!;
        await Act("ana", Lang.En, anaForm.SubmitActionId, anaForm.Value, new() { ["owner"] = "ana", ["note"] = "Target 2M" });
        var refused = (await Act("bo", Lang.En, boForm.SubmitActionId, boForm.Value, new() { ["owner"] = "bo", ["note"] = "Target 3M" }))[0].Form!;
        Assert.Contains("@[ana]", refused.Error, StringComparison.Ordinal);
        Assert.Equal("Target 3M", refused.Inputs.Single(i => i.Id == ChecklistFlow.NoteInput).Initial);
        Assert.Equal("Target 2M", (await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))![6].Note);
    }

    [Theory]
    [InlineData(Lang.En, "Stage: Launch", "stage")]
    [InlineData(Lang.Zh, "阶段：发布", "阶段")]
    public async Task Life_cycle_stage_is_set_and_kept_in_history(Lang lang, string stageLine, string historyWord)
    {
        var card = (await Command("ana", lang))[0];
        var replies = await Act("ana", lang, ChecklistFlow.SetStage, ButtonOf(card, ChecklistFlow.SetStage, "Launch:").Value);
        Assert.Contains(stageLine, AllText(Artefact(replies, ChecklistFlow.ArtefactKey)), StringComparison.Ordinal);
        Assert.Equal(LifecycleStage.Launch, (await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))!.Stage);

        // The same (now stale) button again is refused instead of silently re-applied over a newer stage.
        var stale = await Act("bo", lang, ChecklistFlow.SetStage, ButtonOf(card, ChecklistFlow.SetStage, "Scale:").Value);
        Assert.DoesNotContain(stale, r => r.Placement == ReplyPlacement.Artefact);

        var history = AllText((await Command("ana", lang, "history"))[0]);
        Assert.Contains(historyWord, history, StringComparison.Ordinal);
        Assert.Contains("@ana", history, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Lang.En, "stage pilot", "Life-cycle stage set to Pilot.", "Stage: Pilot — focus on step 2 (Define the target customer), step 3 (Positioning and pricing), step 8 (Execute, then review and adjust)", "Ask: Do the pilot customers match the persona")]
    [InlineData(Lang.Zh, "阶段 试点", "生命周期阶段已设为 试点。", "阶段：试点 —— 重点是第 2 步（定义目标客户）、第 3 步（定位与定价）、第 8 步（执行、复盘与调整）", "要问：试点客户符合客户画像吗")]
    [InlineData(Lang.En, "stage 发布准备", "Life-cycle stage set to Preparing launch.", "Stage: Preparing launch — focus on step 4", "Ask: Is there one message")]
    [InlineData(Lang.Zh, "阶段 preparing launch", "生命周期阶段已设为 发布准备。", "阶段：发布准备 —— 重点是第 4 步", "要问：是否有一致的核心信息")]
    public async Task Stage_typed_in_either_language_is_set_and_the_card_leads_with_its_focus(Lang lang, string args, string notice, string focus, string ask)
    {
        await Command("ana", lang);
        var replies = await Command("ana", lang, args);
        Assert.Equal(notice, AllText(replies[0]));
        var card = Artefact(replies, ChecklistFlow.ArtefactKey);

        // The stage's focus is the first thing under the title, before the intro and the steps.
        var lead = Markup.ToPlainText(Assert.IsType<TextBlock>(card.Blocks[1]).Markup);
        Assert.StartsWith(focus, lead, StringComparison.Ordinal);
        Assert.Contains(ask, lead, StringComparison.Ordinal);

        var history = AllText((await Command("ana", lang, "history"))[0]);
        Assert.Contains(lang == Lang.Zh ? "定义 → " : "Definition → ", history, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Lang.En, "stage growth", "I don't know the stage “growth”. The stages are: Definition, Preparing launch, Pilot")]
    [InlineData(Lang.Zh, "阶段 成长", "我不认识阶段“成长”。可选阶段：定义、发布准备、试点")]
    [InlineData(Lang.En, "stage", "Which stage?")]
    [InlineData(Lang.Zh, "阶段 定义", "阶段已经是 定义。")]
    public async Task Unknown_missing_or_unchanged_stage_is_explained_and_nothing_changes(Lang lang, string args, string expected)
    {
        await Command("ana", lang);
        var reply = Assert.Single(await Command("ana", lang, args));
        Assert.StartsWith(expected, AllText(reply), StringComparison.Ordinal);
        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Equal(LifecycleStage.Definition, (await _store.FindAsync(SqliteDb.Channel, CancellationToken.None))!.Stage);
        Assert.Empty(await _store.HistoryAsync(SqliteDb.Channel, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Focus_steps_are_marked_and_step_6_counts_the_joint_objectives()
    {
        var okrs = new OkrStore(_db.Db);
        var text = AllText((await Command("ana", Lang.En))[0]);
        Assert.Contains("No joint objectives yet", text, StringComparison.Ordinal);
        Assert.Contains("1. Choose the target market** · ⬜ To do · no owner · ⭐ focus now".Replace("**", string.Empty, StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.DoesNotContain("8. Execute, then review and adjust · ⬜ To do · no owner · ⭐", text, StringComparison.Ordinal);

        var now = _db.Clock.GetUtcNow();
        await okrs.AddObjectiveAsync(SqliteDb.Channel, new ObjectiveValues("Win 10 pilots", "pm", "rep", DateOnly.FromDateTime(now.UtcDateTime).AddDays(30)), new TurnUser("ana"), now.AddDays(-60), CancellationToken.None);
        await okrs.AddObjectiveAsync(SqliteDb.Channel, new ObjectiveValues("Budget", "pm", "rep", null), new TurnUser("ana"), now, CancellationToken.None);
        var zh = (await Command("ana", Lang.Zh))[0];
        Assert.Contains("🎯 共同目标：2 个（1 个落后于计划）", AllText(zh), StringComparison.Ordinal);
        Assert.Contains(Buttons(zh), b => b.ActionId == OkrFlow.List);
    }

    [Theory]
    [InlineData("U123", "U123")]
    [InlineData("@ana", "ana")]
    [InlineData("@[29:1abc]", "29:1abc")]
    [InlineData("@[00000000-0000-0000-0000-000000000020]", "00000000-0000-0000-0000-000000000020")]
    [InlineData("  ", null)]
    public void Owner_input_becomes_a_platform_user_id(string input, string? expected)
    {
        Assert.Equal(expected, ChecklistFlow.ParseOwner(input));
    }
}
