using GtmBot.Engine.Ports;
using GtmBot.Storage.Entities;
using GtmBot.Storage.Stores;
using GtmBot.Storage.Writes;
using GtmBot.Tests.Flows;
using Microsoft.EntityFrameworkCore;

namespace GtmBot.Tests.Storage;

/// <summary>Inbound events are done only once handled; ids are scoped to platform, workspace and conversation.</summary>
public sealed class InboundDedupeTests : SqliteWriterTest
{
    private InboundDedupe? _dedupe;

    private InboundDedupe Dedupe => _dedupe ??= new InboundDedupe(Sqlite.Db, Writer, Sqlite.Clock);

    private static InboundEventKey Key(string conversation = "C1", string id = "Ev1") => new("slack", "T1", conversation, id);

    private Task<string> HandleAsync(InboundEventKey key, Func<Task<string>> handle) =>
        Dedupe.HandleOnceAsync(key, handle, () => "duplicate", CancellationToken.None);

    [Fact]
    public async Task A_handled_event_is_a_duplicate_the_second_time()
    {
        Assert.Equal("handled", await HandleAsync(Key(), () => Task.FromResult("handled")));
        Assert.Equal("duplicate", await HandleAsync(Key(), () => Task.FromResult("handled again")));
    }

    [Fact]
    public async Task A_first_attempt_that_fails_lets_the_platform_s_retry_through()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => HandleAsync(Key(), () => throw new InvalidOperationException("database down")));
        Assert.Equal("handled on retry", await HandleAsync(Key(), () => Task.FromResult("handled on retry")));
        Assert.Equal("duplicate", await HandleAsync(Key(), () => Task.FromResult("again")));
    }

    [Fact]
    public async Task The_same_id_in_another_conversation_is_another_event()
    {
        Assert.Equal("a", await HandleAsync(Key("C1"), () => Task.FromResult("a")));
        Assert.Equal("b", await HandleAsync(Key("C2"), () => Task.FromResult("b")));
        Assert.Equal("c", await HandleAsync(new InboundEventKey("slack", "T2", "C1", "Ev1"), () => Task.FromResult("c")));
        Assert.Equal("d", await HandleAsync(new InboundEventKey("teams", "T1", "C1", "Ev1"), () => Task.FromResult("d")));
    }

    [Fact]
    public async Task An_attempt_in_progress_holds_off_a_retry_until_it_is_taken_for_dead()
    {
        Assert.True(await Dedupe.TryBeginAsync(Key(), CancellationToken.None));
        Assert.False(await Dedupe.TryBeginAsync(Key(), CancellationToken.None));

        Sqlite.Clock.Advance(InboundDedupe.AbandonedAfter + TimeSpan.FromSeconds(1));
        Assert.True(await Dedupe.TryBeginAsync(Key(), CancellationToken.None));
        Assert.False(await Dedupe.TryBeginAsync(Key(), CancellationToken.None));
    }

    [Fact]
    public async Task A_very_long_key_is_stored_and_still_distinct()
    {
        var longId = new string('x', 500);
        Assert.Equal("a", await HandleAsync(Key(id: longId), () => Task.FromResult("a")));
        Assert.Equal("b", await HandleAsync(Key(id: longId + "y"), () => Task.FromResult("b")));
        Assert.Equal("duplicate", await HandleAsync(Key(id: longId), () => Task.FromResult("c")));
        Assert.True(InboundDedupe.Id(Key(id: longId)).Length <= InboundDedupe.MaxKeyLength);
    }

    [Fact]
    public async Task The_done_mark_commits_in_the_same_transaction_as_the_handler_s_write()
    {
        var commitsBefore = Writer.Commits;
        var result = await HandleAsync(Key(), async () =>
        {
            // The handler's one durable write (as a captured quote is): the mark rides along with it.
            await Writer.WriteAsync<bool>(
                ctx =>
                {
                    ctx.Add(new SettingEntity { WorkspaceKey = "slack:T1", Scope = "channel", Subject = "C1", Name = "probe", Value = "1" });
                    return () => true;
                },
                CancellationToken.None);
            await using var check = Sqlite.Db.Create();
            var row = await check.Set<InboundEventEntity>().AsNoTracking().SingleAsync();
            Assert.NotNull(row.DoneAt);
            return "handled";
        });

        Assert.Equal("handled", result);
        Assert.Equal(2, Writer.Commits - commitsBefore); // the claim, then the write with its mark: no third commit
        Assert.Equal("duplicate", await HandleAsync(Key(), () => Task.FromResult("again")));
    }

    [Fact]
    public async Task A_handler_that_writes_nothing_is_still_marked_done()
    {
        Assert.Equal("handled", await HandleAsync(Key(), () => Task.FromResult("handled")));
        await using var check = Sqlite.Db.Create();
        Assert.NotNull((await check.Set<InboundEventEntity>().AsNoTracking().SingleAsync()).DoneAt);
    }

    [Fact]
    public async Task A_handler_that_fails_after_its_write_committed_is_not_handled_again()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => HandleAsync(Key(), async () =>
        {
            await Writer.WriteAsync<bool>(
                ctx =>
                {
                    ctx.Add(new SettingEntity { WorkspaceKey = "slack:T1", Scope = "channel", Subject = "C1", Name = "probe", Value = "1" });
                    return () => true;
                },
                CancellationToken.None);
            throw new InvalidOperationException("rendering failed");
        }));

        Assert.Equal("duplicate", await HandleAsync(Key(), () => Task.FromResult("stored twice")));
    }
}
