using GtmBot.Engine.Ports;
using GtmBot.Storage.Installations;
using GtmBot.Tests.Flows;

namespace GtmBot.Tests.Storage;

/// <summary>Installation look-ups are cached; this instance's saves and deletes invalidate at once, other instances' after the lifetime.</summary>
public sealed class InstallationStoreCacheTests : IAsyncLifetime
{
    private readonly SqliteDb _db = new();

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Installation Install(string token) => new("slack", "T1", null, false, token, "UB", "B1", "commands", "U1", _db.Clock.GetUtcNow());

    [Fact]
    public async Task Save_and_delete_in_this_instance_are_seen_at_once()
    {
        var store = new InstallationStore(_db.Db, _db.Clock);
        Assert.Null(await store.FindAsync("slack", "T1", CancellationToken.None));

        await store.SaveAsync(Install("v1"), CancellationToken.None);
        Assert.Equal("v1", (await store.FindAsync("slack", "T1", CancellationToken.None))?.ProtectedToken);

        await store.SaveAsync(Install("v2"), CancellationToken.None);
        Assert.Equal("v2", (await store.FindAsync("slack", "T1", CancellationToken.None))?.ProtectedToken);

        Assert.True(await store.DeleteAsync("slack", "T1", CancellationToken.None));
        Assert.Null(await store.FindAsync("slack", "T1", CancellationToken.None));
    }

    [Fact]
    public async Task Another_instance_s_uninstall_is_seen_once_the_cache_lifetime_has_passed()
    {
        var here = new InstallationStore(_db.Db, _db.Clock);
        var there = new InstallationStore(_db.Db, _db.Clock);
        await here.SaveAsync(Install("v1"), CancellationToken.None);
        Assert.NotNull(await here.FindAsync("slack", "T1", CancellationToken.None));

        await there.DeleteAsync("slack", "T1", CancellationToken.None);
        Assert.NotNull(await here.FindAsync("slack", "T1", CancellationToken.None));

        _db.Clock.Advance(InstallationStore.CacheLifetime);
        Assert.Null(await here.FindAsync("slack", "T1", CancellationToken.None));
    }
}
