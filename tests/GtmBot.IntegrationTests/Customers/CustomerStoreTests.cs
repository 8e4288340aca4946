using GtmBot.Engine.Ports;
using GtmBot.Storage;
using GtmBot.Storage.Customers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GtmBot.IntegrationTests.Customers;

/// <summary>The customer profile store on both providers: lookups by name, replacement, limits, races and time offsets.</summary>
public sealed class CustomerStoreTests
{
    private const string Workspace = "slack:T1";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly TheoryData<string> Providers = new() { "sqlite", "postgres" };

    private static CustomerProfile Acme(string name = "Acme", string? segment = "enterprise", decimal? arr = 120000m) =>
        new(name, segment, "manufacturing", arr, new DateOnly(2027, 3, 31), "U1", Now);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_profile_is_found_by_its_name_in_any_case_and_spacing(string provider)
    {
        await using var db = await Db.OpenAsync(provider);
        var store = new CustomerStore(db.Factory);
        await store.UpsertAsync(Workspace, Acme("  Acme Bank "), default);

        var found = await store.GetAsync(Workspace, "ACME BANK", default);
        Assert.Equal(Acme("Acme Bank"), found);
        Assert.Null(await store.GetAsync("slack:T2", "Acme Bank", default));
        Assert.Null(await store.GetAsync(Workspace, "Acme", default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_upsert_replaces_the_profile_and_the_list_is_by_name(string provider)
    {
        await using var db = await Db.OpenAsync(provider);
        var store = new CustomerStore(db.Factory);
        await store.UpsertAsync(Workspace, Acme("globex", "smb", 5000.55m), default);
        await store.UpsertAsync(Workspace, Acme("Acme"), default);
        await store.UpsertAsync(Workspace, Acme("Globex", null, null), default);
        await store.UpsertAsync("slack:T2", Acme("Initech"), default);

        var list = await store.ListAsync(Workspace, default);
        Assert.Equal(["Acme", "Globex"], list.Select(p => p.Name));
        Assert.Null(list[1].Segment);
        Assert.Null(list[1].Arr);
        Assert.Equal(120000m, list[0].Arr);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cents_of_arr_are_kept(string provider)
    {
        await using var db = await Db.OpenAsync(provider);
        var store = new CustomerStore(db.Factory);
        await store.UpsertAsync(Workspace, Acme(arr: 5000.55m), default);
        Assert.Equal(5000.55m, (await store.GetAsync(Workspace, "acme", default))!.Arr);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_time_with_an_offset_is_kept_as_the_same_instant(string provider)
    {
        await using var db = await Db.OpenAsync(provider);
        var store = new CustomerStore(db.Factory);
        var beijing = new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(8));
        await store.UpsertAsync(Workspace, Acme() with { UpdatedAt = beijing }, default);

        Assert.Equal(beijing.UtcTicks, (await store.GetAsync(Workspace, "Acme", default))!.UpdatedAt.UtcTicks);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Input_over_the_limits_is_refused_and_nothing_is_written(string provider)
    {
        await using var db = await Db.OpenAsync(provider);
        var store = new CustomerStore(db.Factory);

        var name = new string('n', CustomerStore.MaxNameLength + 1);
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync(Workspace, Acme(name), default));
        Assert.Contains(CustomerStore.MaxNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture), tooLong.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync(Workspace, Acme(segment: new string('s', CustomerStore.MaxLabelLength + 1)), default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.UpsertAsync(Workspace, Acme(arr: -1m), default));

        Assert.Empty(await store.ListAsync(Workspace, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Racing_first_saves_of_one_customer_leave_one_profile(string provider)
    {
        await using var db = await Db.OpenAsync(provider);
        var segments = Enumerable.Range(0, 8).Select(i => $"s{i}").ToList();

        // Separate stores, as on separate instances; each one's first save of "Acme" may find no row and insert.
        await Task.WhenAll(segments.Select(s => Task.Run(() => new CustomerStore(db.Factory).UpsertAsync(Workspace, Acme(s == "s0" ? "ACME" : "acme", s), default))));

        var profile = Assert.Single(await new CustomerStore(db.Factory).ListAsync(Workspace, default));
        Assert.Contains(profile.Segment, segments);
    }

    /// <summary>A migrated database of one provider, dropped afterwards.</summary>
    private sealed class Db : IAsyncDisposable
    {
        private readonly string? _dir;
        private readonly string? _server;
        private readonly string? _database;

        private Db(GtmDbFactory factory, string? dir, string? server, string? database)
        {
            Factory = factory;
            _dir = dir;
            _server = server;
            _database = database;
        }

        public GtmDbFactory Factory { get; }

        public static async Task<Db> OpenAsync(string provider)
        {
            Db db;
            if (provider == "postgres")
            {
                var server = TestEnvironment.Postgres();
                var database = $"gtm_test_{Guid.NewGuid():N}";
                db = new Db(new GtmDbFactory(StorageProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString), null, server, database);
            }
            else
            {
                var dir = Directory.CreateTempSubdirectory("gtmbot-customers-").FullName;
                db = new Db(new GtmDbFactory(StorageProvider.Sqlite, GtmDbFactory.SqliteConnectionString(dir)), dir, null, null);
            }

            await using var ctx = db.Factory.Create();
            await ctx.Database.MigrateAsync();
            return db;
        }

        public async ValueTask DisposeAsync()
        {
            if (_dir is not null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(_dir, recursive: true);
            }

            if (_server is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(_server);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
