using GtmBot.Engine;
using GtmBot.Engine.Strings;
using GtmBot.Storage;
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

    [Fact]
    public async Task A_subject_s_settings_are_read_once_for_all_its_names()
    {
        var db = new CountingFactory(_db.Db);
        await new SettingsStore(_db.Db, _db.Clock).SetUserSettingAsync("slack:T1", "U1", "time_zone", "Asia/Shanghai", default);
        var store = new SettingsStore(db, _db.Clock);

        Assert.Null(await store.GetUserLanguageAsync("slack:T1", "U1", default));
        Assert.Equal("Asia/Shanghai", await store.GetUserSettingAsync("slack:T1", "U1", "time_zone", default));
        Assert.Null(await store.GetUserSettingAsync("slack:T1", "U1", "needs.notify", default));
        Assert.Equal(1, db.Created);

        // Another subject (the workspace's settings channel) is a read of its own; the same person in another workspace too.
        Assert.Null(await store.GetChannelSettingAsync(new ConversationKey("slack", "T1", "*"), "time_zone", default));
        Assert.Null(await store.GetUserSettingAsync("slack:T2", "U1", "time_zone", default));
        Assert.Equal(3, db.Created);
    }

    [Fact]
    public async Task A_write_is_seen_by_the_next_read_of_every_name_of_the_subject()
    {
        var store = new SettingsStore(_db.Db, _db.Clock);
        var channel = new ConversationKey("slack", "T1", "C1");
        Assert.Null(await store.GetChannelLanguageAsync(channel, default));
        Assert.Null(await store.GetChannelSettingAsync(channel, "quotes.common_threshold", default));

        await store.SetChannelSettingAsync(channel, "quotes.common_threshold", "3", default);
        Assert.Equal("3", await store.GetChannelSettingAsync(channel, "quotes.common_threshold", default));
        Assert.Null(await store.GetChannelLanguageAsync(channel, default));

        await store.SetChannelLanguageAsync(channel, Lang.Zh, default);
        Assert.Equal(Lang.Zh, await store.GetChannelLanguageAsync(channel, default));
        Assert.Equal("3", await store.GetChannelSettingAsync(channel, "quotes.common_threshold", default));

        await store.SetChannelSettingAsync(channel, "quotes.common_threshold", null, default);
        Assert.Null(await store.GetChannelSettingAsync(channel, "quotes.common_threshold", default));
        Assert.Equal(Lang.Zh, await store.GetChannelLanguageAsync(channel, default));
    }

    /// <summary>Counts the contexts the store opens (one per read).</summary>
    private sealed class CountingFactory(IGtmDbFactory inner) : IGtmDbFactory
    {
        public int Created;

        public StorageProvider Provider => inner.Provider;

        public GtmDbContext Create()
        {
            Created++;
            return inner.Create();
        }
    }
}
