using GtmBot.Engine.Strings;
using GtmBot.Storage.Stores;
using GtmBot.Tests.Flows;

namespace GtmBot.Tests.Storage;

public sealed class SettingsStoreTests : IAsyncLifetime
{
    private readonly SqliteDb _db = new();

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_language_set_here_is_seen_at_once()
    {
        var store = new SettingsStore(_db.Db, _db.Clock);
        Assert.Null(await store.GetUserLanguageAsync("local:local", "ana", default));
        await store.SetUserLanguageAsync("local:local", "ana", Lang.Zh, default);
        Assert.Equal(Lang.Zh, await store.GetUserLanguageAsync("local:local", "ana", default));
    }

    [Fact]
    public async Task A_language_set_by_another_instance_is_seen_after_the_cache_lifetime()
    {
        var here = new SettingsStore(_db.Db, _db.Clock);
        var other = new SettingsStore(_db.Db, _db.Clock);
        Assert.Null(await here.GetWorkspaceLanguageAsync("slack:T1", default));

        await other.SetWorkspaceLanguageAsync("slack:T1", Lang.Zh, default);
        Assert.Null(await here.GetWorkspaceLanguageAsync("slack:T1", default));

        _db.Clock.Advance(SettingsStore.CacheLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(Lang.Zh, await here.GetWorkspaceLanguageAsync("slack:T1", default));
    }
}
