using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Reminders;
using GtmBot.Engine.Strings;
using GtmBot.Storage.Planning;
using GtmBot.Tests.Fakes;

namespace GtmBot.Tests.Flows;

public sealed class StageDigestTests : IAsyncLifetime
{
    private readonly SqliteDb _db = new();
    private ChecklistStore _checklists = null!;
    private OkrStore _okrs = null!;
    private DigestComposer _composer = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        _checklists = new ChecklistStore(_db.Db);
        _okrs = new OkrStore(_db.Db);
        var settings = new MemorySettingsStore();
        _composer = new DigestComposer(
        [
            new CanvasDigest(new CanvasStore(_db.Db), settings),
            new ChecklistDigest(_checklists, settings),
            new OkrDigest(_okrs),
            new StageDigest(_checklists),
        ]);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static string Text(ReplyBlock block) => block switch
    {
        TextBlock t => Markup.ToPlainText(t.Markup),
        ContextBlock c => Markup.ToPlainText(c.Markup),
        HeaderBlock h => h.Text,
        _ => string.Empty,
    };

    [Theory]
    [InlineData(Lang.En, "Stage: Scale — focus on step 5 (Partner plan), step 6 (Sales targets and budget), step 8 (Execute, then review and adjust)\n• Which partners bring customers", "What needs a look this week:")]
    [InlineData(Lang.Zh, "阶段：规模化 —— 重点是第 5 步（合作伙伴计划）、第 6 步（销售目标与预算）、第 8 步（执行、复盘与调整）\n• 哪些合作伙伴带来了客户", "本周需要关注的内容：")]
    public async Task Digest_leads_with_the_stage_focus_and_lists_objectives_behind_schedule(Lang lang, string lead, string intro)
    {
        var start = _db.Clock.GetUtcNow();
        var checklist = await _checklists.GetOrCreateAsync(SqliteDb.Channel, ChecklistFlow.Steps, start, CancellationToken.None);
        Assert.True(await _checklists.SetStageAsync(SqliteDb.Channel, checklist.Version, LifecycleStage.Scale, new TurnUser("ana"), start, CancellationToken.None));

        var due = DateOnly.FromDateTime(start.UtcDateTime).AddDays(99);
        var behind = await _okrs.AddObjectiveAsync(SqliteDb.Channel, new ObjectiveValues("Win 10 pilots", "U_PM", "U_REP", due), new TurnUser("ana"), start, CancellationToken.None);
        await _okrs.AddKeyResultAsync(SqliteDb.Channel, behind.Number, new KeyResultValues("Pilots", 10, null), new TurnUser("ana"), start, CancellationToken.None);
        await _okrs.SetProgressAsync(SqliteDb.Channel, behind.Number, 1, 2, new TurnUser("ana"), start, CancellationToken.None);
        var onTrack = await _okrs.AddObjectiveAsync(SqliteDb.Channel, new ObjectiveValues("Budget under 50k", "U_PM2", "U_REP2", due), new TurnUser("ana"), start, CancellationToken.None);
        await _okrs.AddKeyResultAsync(SqliteDb.Channel, onTrack.Number, new KeyResultValues("Spend", 10, null), new TurnUser("ana"), start, CancellationToken.None);
        await _okrs.SetProgressAsync(SqliteDb.Channel, onTrack.Number, 1, 6, new TurnUser("ana"), start, CancellationToken.None);

        // 50 days of 100 gone: 20 % done is behind, 60 % is not.
        var now = start.AddDays(50);
        var digest = await _composer.ComposeAsync(SqliteDb.Channel, lang, now.AddDays(-7), now, null, preview: false, CancellationToken.None);
        var texts = digest.Blocks.Select(Text).Where(t => t.Length > 0).ToList();

        // Header, then the stage section before anything else.
        Assert.Equal(ReminderStrings.DigestTitle.Get(lang), texts[0]);
        Assert.StartsWith(lead, texts[1], StringComparison.Ordinal);
        Assert.Equal(intro, texts[2]);

        var okr = Assert.Single(texts, t => t.StartsWith(OkrStrings.DigestTitle.Get(lang), StringComparison.Ordinal));
        Assert.Contains(lang == Lang.Zh ? "1. Win 10 pilots：已完成 20%，时间已过 50%（截止 " : "1. Win 10 pilots: 20% done, 50% of the time gone (due ", okr, StringComparison.Ordinal);
        Assert.Contains("@U_PM @U_REP", okr, StringComparison.Ordinal);
        Assert.DoesNotContain("Budget under 50k", okr, StringComparison.Ordinal);
        Assert.True(texts.IndexOf(okr) > 2);
    }

    [Fact]
    public async Task Without_anything_to_fix_the_digest_still_leads_with_the_stage_and_says_all_is_up_to_date()
    {
        var start = _db.Clock.GetUtcNow();
        await _checklists.GetOrCreateAsync(SqliteDb.Channel, ChecklistFlow.Steps, start, CancellationToken.None);
        var now = start.AddDays(1);
        var section = await new StageDigest(_checklists).ContributeAsync(SqliteDb.Channel, Lang.En, start, now, CancellationToken.None);
        Assert.True(section!.Lead);
        Assert.Equal("Stage: Definition — focus on step 1 (Choose the target market), step 2 (Define the target customer), step 3 (Positioning and pricing)", section.Title);
        Assert.Null(await new OkrDigest(_okrs).ContributeAsync(SqliteDb.Channel, Lang.En, start, now, CancellationToken.None));

        var digest = await _composer.ComposeAsync(SqliteDb.Channel, Lang.En, start, now, null, preview: false, CancellationToken.None);
        Assert.Equal(ReminderStrings.AllUpToDate.Get(Lang.En), digest.Text);
        Assert.Contains(digest.Blocks.OfType<TextBlock>(), b => Markup.ToPlainText(b.Markup).StartsWith("Stage: Definition — focus on step 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_channel_without_a_checklist_gets_no_stage_section()
    {
        var now = _db.Clock.GetUtcNow();
        Assert.Null(await new StageDigest(_checklists).ContributeAsync(SqliteDb.Channel, Lang.En, now, now, CancellationToken.None));
    }
}
