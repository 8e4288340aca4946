using GtmBot.Engine;
using GtmBot.Engine.Ports;
using GtmBot.Engine.Tagging;
using GtmBot.Storage.DataOut;
using GtmBot.Storage.Quotes;
using GtmBot.Storage.Stores;
using GtmBot.Storage.Writes;
using GtmBot.Tests.Flows;

namespace GtmBot.Tests.Storage;

/// <summary>
/// The look-ups every capture makes are cached, and a write through the same store drops the entry at once; a write by
/// another instance (another store over the same database) is seen once the cache lifetime has passed.
/// </summary>
public sealed class HotPathCacheTests : SqliteWriterTest
{
    [Fact]
    public async Task A_setting_under_an_oversized_id_is_not_cached()
    {
        var here = new SettingsStore(Sqlite.Db, Sqlite.Clock);
        var other = new SettingsStore(Sqlite.Db, Sqlite.Clock);
        var huge = new string('U', SettingsStore.MaxCachedKeyLength);

        Assert.Null(await other.GetUserSettingAsync("slack:T1", huge, "time_zone", default));
        await here.SetUserSettingAsync("slack:T1", huge, "time_zone", "Asia/Shanghai", default);
        // A cached miss would hide the new value for the cache lifetime; an oversized key is read again at once.
        Assert.Equal("Asia/Shanghai", await other.GetUserSettingAsync("slack:T1", huge, "time_zone", default));
    }

    [Fact]
    public async Task A_time_zone_set_here_is_seen_at_once_and_one_set_elsewhere_after_the_lifetime()
    {
        var here = new SettingsStore(Sqlite.Db, Sqlite.Clock);
        var other = new SettingsStore(Sqlite.Db, Sqlite.Clock);
        Assert.Null(await here.GetUserSettingAsync("slack:T1", "U1", "time_zone", default));

        await here.SetUserSettingAsync("slack:T1", "U1", "time_zone", "Asia/Shanghai", default);
        Assert.Equal("Asia/Shanghai", await here.GetUserSettingAsync("slack:T1", "U1", "time_zone", default));

        Assert.Equal("Asia/Shanghai", await other.GetUserSettingAsync("slack:T1", "U1", "time_zone", default));
        await here.SetUserSettingAsync("slack:T1", "U1", "time_zone", "Europe/Berlin", default);
        Assert.Equal("Asia/Shanghai", await other.GetUserSettingAsync("slack:T1", "U1", "time_zone", default));
        Sqlite.Clock.Advance(SettingsStore.CacheLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal("Europe/Berlin", await other.GetUserSettingAsync("slack:T1", "U1", "time_zone", default));
    }

    [Fact]
    public async Task A_correction_reaches_the_tagger_s_examples_at_once()
    {
        var store = new QuoteStore(Sqlite.Db, Writer, Sqlite.Clock);
        var saved = await store.AddAsync(SqliteDb.Channel, Quote("the export breaks every Monday"), default);
        Assert.Empty(await store.ListCorrectedAsync(SqliteDb.Channel.WorkspaceKey, ChannelTagger.MaxExamples, default));

        await store.CorrectAsync(SqliteDb.Channel, saved.Quote.Id, new QuoteCorrection("pricing", QuoteCorrection.On, "U2", null, Sqlite.Clock.GetUtcNow()), default);

        var corrected = Assert.Single(await store.ListCorrectedAsync(SqliteDb.Channel.WorkspaceKey, ChannelTagger.MaxExamples, default));
        Assert.Equal(saved.Quote.Id, corrected.Id);
    }

    [Fact]
    public async Task A_correction_made_by_another_instance_is_seen_after_the_lifetime()
    {
        var here = new QuoteStore(Sqlite.Db, Writer, Sqlite.Clock);
        var other = new QuoteStore(Sqlite.Db, Writer, Sqlite.Clock);
        var saved = await here.AddAsync(SqliteDb.Channel, Quote("too expensive for a team of five"), default);
        Assert.Empty(await here.ListCorrectedAsync(SqliteDb.Channel.WorkspaceKey, ChannelTagger.MaxExamples, default));

        await other.CorrectAsync(SqliteDb.Channel, saved.Quote.Id, new QuoteCorrection("pricing", QuoteCorrection.On, "U2", null, Sqlite.Clock.GetUtcNow()), default);
        Assert.Empty(await here.ListCorrectedAsync(SqliteDb.Channel.WorkspaceKey, ChannelTagger.MaxExamples, default));

        Sqlite.Clock.Advance(QuoteStore.CorrectedCacheLifetime + TimeSpan.FromSeconds(1));
        Assert.Single(await here.ListCorrectedAsync(SqliteDb.Channel.WorkspaceKey, ChannelTagger.MaxExamples, default));
    }

    [Fact]
    public async Task A_webhook_added_or_removed_here_changes_the_list_at_once()
    {
        var store = new WebhookStore(Sqlite.Db, Sqlite.Clock);
        Assert.Empty(await store.ListAsync("slack:T1", default));

        var hook = await store.AddAsync("slack:T1", "https://example.com/hook", ["quote.created"], "whsec_x", "U1", Sqlite.Clock.GetUtcNow(), default);
        Assert.Equal(hook.Id, Assert.Single(await store.ListAsync("slack:T1", default)).Id);

        Assert.Equal(1, await store.RemoveAsync("slack:T1", "https://example.com/hook", default));
        Assert.Empty(await store.ListAsync("slack:T1", default));
    }

    [Fact]
    public async Task A_webhook_added_by_another_instance_is_seen_after_the_lifetime()
    {
        var here = new WebhookStore(Sqlite.Db, Sqlite.Clock);
        var other = new WebhookStore(Sqlite.Db, Sqlite.Clock);
        Assert.Empty(await here.ListAsync("slack:T1", default));

        await other.AddAsync("slack:T1", "https://example.com/hook", ["quote.created"], "whsec_x", "U1", Sqlite.Clock.GetUtcNow(), default);
        Assert.Empty(await here.ListAsync("slack:T1", default));

        Sqlite.Clock.Advance(WebhookStore.CacheLifetime + TimeSpan.FromSeconds(1));
        Assert.Single(await here.ListAsync("slack:T1", default));
    }

    private NewQuote Quote(string text) =>
        new(text, "Acme", "en", new QuoteOrigin("U1", null, null, null, null, null, "slash"), Sqlite.Clock.GetUtcNow(), ["pain"], Motive.Need);
}
