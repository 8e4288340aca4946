using GtmBot.Engine;
using GtmBot.Engine.Flows;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Strings;
using GtmBot.Engine.Tagging;
using GtmBot.Storage.Planning;
using GtmBot.Tests.Fakes;

namespace GtmBot.Tests.Flows;

public sealed class PlanningDigestTests : IAsyncLifetime
{
    private readonly SqliteDb _db = new();

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Canvas_digest_names_empty_fields_and_fields_not_updated_for_four_weeks()
    {
        var store = new CanvasStore(_db.Db);
        var digest = new CanvasDigest(store, new MemorySettingsStore());
        var start = _db.Clock.GetUtcNow();
        Assert.Null(await digest.ContributeAsync(SqliteDb.Channel, Lang.En, start, start, CancellationToken.None));

        var canvas = await store.GetOrCreateAsync(SqliteDb.Channel, "default", start, CancellationToken.None);
        foreach (var field in Enum.GetValues<CanvasField>().Where(f => f != CanvasField.Where))
        {
            await store.UpdateFieldAsync(SqliteDb.Channel, canvas.Id, field, 0, "filled", Motive.Unclear, new TurnUser("ana"), start, CancellationToken.None);
        }

        var now = start.AddDays(7 * CanvasDigest.DefaultStaleWeeks - 1);
        var section = await digest.ContributeAsync(SqliteDb.Channel, Lang.En, now.AddDays(-7), now, CancellationToken.None);
        Assert.Equal(10, digest.Order);
        var line = Assert.Single(section!.Lines);
        Assert.Contains("Where", line, StringComparison.Ordinal);

        now = start.AddDays(7 * CanvasDigest.DefaultStaleWeeks + 1);
        section = await digest.ContributeAsync(SqliteDb.Channel, Lang.Zh, now.AddDays(-7), now, CancellationToken.None);
        Assert.Contains(section!.Lines, l => l.Contains("超过 4 周未更新", StringComparison.Ordinal) && l.Contains("Who", StringComparison.Ordinal));
        Assert.Equal(CanvasFlow.Show, Assert.Single(section.Buttons).ActionId);
    }

    [Fact]
    public async Task Checklist_digest_mentions_only_owners_of_overdue_or_stale_steps()
    {
        var store = new ChecklistStore(_db.Db);
        var digest = new ChecklistDigest(store, new MemorySettingsStore());
        var start = _db.Clock.GetUtcNow();
        await store.GetOrCreateAsync(SqliteDb.Channel, ChecklistFlow.Steps, start, CancellationToken.None);
        var today = DateOnly.FromDateTime(start.UtcDateTime);
        await store.UpdateItemAsync(SqliteDb.Channel, 1, 0, new(ChecklistStatus.Doing, "U_OVERDUE", today.AddDays(3), null), new TurnUser("ana"), start, CancellationToken.None);
        await store.UpdateItemAsync(SqliteDb.Channel, 2, 0, new(ChecklistStatus.Blocked, "U_STALE", null, null), new TurnUser("ana"), start, CancellationToken.None);
        await store.UpdateItemAsync(SqliteDb.Channel, 3, 0, new(ChecklistStatus.Done, "U_DONE", today.AddDays(1), null), new TurnUser("ana"), start, CancellationToken.None);
        await store.UpdateItemAsync(SqliteDb.Channel, 4, 0, new(ChecklistStatus.Doing, "U_FRESH", null, null), new TurnUser("ana"), start.AddDays(20), CancellationToken.None);

        var now = start.AddDays(7 * ChecklistDigest.StaleWeeks + 1);
        var section = await digest.ContributeAsync(SqliteDb.Channel, Lang.En, now.AddDays(-7), now, CancellationToken.None);
        var text = string.Join('\n', section!.Lines);
        Assert.Contains(Markup.Mention("U_OVERDUE"), text, StringComparison.Ordinal);
        Assert.Contains("overdue", text, StringComparison.Ordinal);
        Assert.Contains(Markup.Mention("U_STALE"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("U_DONE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("U_FRESH", text, StringComparison.Ordinal);
        Assert.Equal(2, section.Lines.Count);
        Assert.Equal(20, digest.Order);
    }

    [Fact]
    public async Task Five_whys_digest_lists_open_drills()
    {
        var drills = new DrillStore(_db.Db);
        var digest = new FiveWhysDigest(drills);
        var now = _db.Clock.GetUtcNow();
        var open = await drills.StartAsync(SqliteDb.Channel, "open question", new TurnUser("ana"), now, CancellationToken.None);
        var closed = await drills.StartAsync(SqliteDb.Channel, "closed question", new TurnUser("ana"), now, CancellationToken.None);
        await drills.AddAnswerAsync(SqliteDb.Channel, closed.Id, 1, "because", DrillStage.Asking, new TurnUser("bo"), now, CancellationToken.None);
        await drills.MoveAsync(SqliteDb.Channel, closed.Id, DrillStage.Asking, DrillStage.NeedOrWant, null, null, now, CancellationToken.None);
        await drills.MoveAsync(SqliteDb.Channel, closed.Id, DrillStage.NeedOrWant, DrillStage.Offer, Motive.Want, null, now, CancellationToken.None);
        await drills.MoveAsync(SqliteDb.Channel, closed.Id, DrillStage.Offer, DrillStage.Done, null, null, now, CancellationToken.None);

        var section = await digest.ContributeAsync(SqliteDb.Channel, Lang.Zh, now.AddDays(-7), now, CancellationToken.None);
        var line = Assert.Single(section!.Lines);
        Assert.Contains("open question", line, StringComparison.Ordinal);
        Assert.Contains("等待第 1 个为什么", line, StringComparison.Ordinal);
        Assert.Equal(40, digest.Order);
        Assert.Equal($"{open.Id}", Assert.Single(section.Buttons).Value);
    }
}
