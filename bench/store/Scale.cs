using System.Diagnostics;
using System.Globalization;
using System.Text;
using GtmBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace GtmBot.Bench.Store;

/// <summary>
/// A million quotes over 2,000 customers and 200 channels (10 workspaces × 20), half English, half Chinese, over two years,
/// written into a database migrated by the product's own migrations; then the search queries timed against it.
/// The rows are loaded before the product's <c>QuoteSearch</c> migration, which then backfills and indexes them.
/// </summary>
internal static class Scale
{
    public const int Workspaces = 10;
    public const int ChannelsPerWorkspace = 20;
    public const int Customers = 2000;
    public const int People = 300;

    public static readonly DateTimeOffset Start = new(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] EnOpen = ["Honestly", "To be fair", "Last week", "In the review", "On the call", "Frankly", "Every quarter", "Our CFO said"];
    private static readonly string[] EnBody =
    [
        "the export to Excel breaks when the report has more than ten thousand rows",
        "we retype every order by hand into a spreadsheet and it takes two days",
        "the price is too high for a team of our size, we would pay half",
        "we switched from the competitor because their onboarding was painful",
        "we need single sign-on before security will approve the rollout",
        "the dashboard is slow to load in the morning when everyone logs in",
        "I love how fast the search is now, it saves me an hour a day",
        "if the API does not support webhooks we will not renew next year",
        "audit logs are a must for compliance, our regulator asks every year",
        "the mobile app crashes when I upload photos from the warehouse",
    ];

    private static readonly string[] ZhOpen = ["说实话", "上周开会时", "客户反馈", "财务总监说", "试用期间", "每个季度", "老板提到", "在评审会上"];
    private static readonly string[] ZhBody =
    [
        "导出到表格时数据超过一万行就会出错",
        "我们每天都要手工录入订单，太浪费时间了",
        "价格太贵了，像我们这样的小团队承受不起",
        "竞争对手的上手流程太复杂，所以我们换过来了",
        "没有单点登录的话，安全部门不会批准上线",
        "早上大家同时登录时仪表盘加载很慢",
        "现在搜索速度很快，每天能省一个小时",
        "如果接口不支持回调，明年我们就不续约了",
        "审计日志是合规的硬性要求，监管每年都查",
        "在仓库上传照片时手机应用会闪退",
    ];

    public static async Task<int> SeedAsync(string[] argv)
    {
        var a = new Args(argv);
        var provider = a.Get("provider", "sqlite");
        var count = a.Int("quotes", 1_000_000);
        var watch = Stopwatch.StartNew();
        await using (var ctx = Create(provider, a))
        {
            await ctx.Database.EnsureDeletedAsync();
            // Up to the migration before QuoteSearch: the rows are loaded first, then QuoteSearch backfills and indexes them,
            // as it would on a database that already holds quotes.
            var all = ctx.Database.GetMigrations().ToList();
            var before = all[all.FindIndex(m => m.EndsWith("_QuoteSearch", StringComparison.Ordinal)) - 1];
            await ctx.GetService<IMigrator>().MigrateAsync(before);
        }

        Console.WriteLine($"migrated (before QuoteSearch) in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        if (provider == "postgres")
        {
            await SeedPostgresAsync(PostgresConnection(a), count);
        }
        else
        {
            SeedSqlite(SqliteConnectionString(a), count);
        }

        Console.WriteLine($"{count:N0} quotes written in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        await using (var ctx = Create(provider, a))
        {
            ctx.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await ctx.Database.MigrateAsync();
            await ctx.Database.ExecuteSqlRawAsync(provider == "postgres" ? "ANALYZE quotes;" : "ANALYZE;");
        }

        Console.WriteLine($"migration QuoteSearch (backfill, quotes_fts / ix_quotes_search_trgm, person and time indexes) and ANALYZE in {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    public static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string WorkspaceKey(int w) => $"slack:TW{w:00}";

    private static string ChannelName(int c) => $"C{c:000}";

    /// <summary>How EF Core's SQLite provider stores a DateTimeOffset (text that sorts by time at one offset).</summary>
    private static string SqliteTime(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static GtmDbContext Create(string provider, Args a) => provider == "postgres"
        ? new PostgresGtmDbContext(new DbContextOptionsBuilder<PostgresGtmDbContext>().UseNpgsql(PostgresConnection(a), o => o.MigrationsHistoryTable("__ef_migrations")).Options)
        : new SqliteGtmDbContext(new DbContextOptionsBuilder<SqliteGtmDbContext>().UseSqlite(SqliteConnectionString(a), o => o.MigrationsHistoryTable("__ef_migrations")).Options);

    private static string SqliteConnectionString(Args a) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(a.Get("file", "gtmbot.db")) }.ToString();

    public static string PostgresConnection(Args a) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("GTMBOT_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres")
        {
            Database = a.Get("database", "gtm_bench_1m"),
        }.ToString();

    private sealed record Row(string Ws, string Ch, string Text, string Customer, string Lang, string By, DateTimeOffset At, string Tags, string Motive);

    private static IEnumerable<Row> Rows(int count)
    {
        var r = new Random(42);
        string[] tags = ["pain", "feature-request", "pricing", "competitor", "praise", "churn-risk", "objection", "scenario"];
        string[] motives = ["need", "want", "unclear"];
        var span = TimeSpan.FromDays(730).Ticks;
        for (var i = 0; i < count; i++)
        {
            var zh = (i & 1) == 1;
            var customer = zh ? $"客户{r.Next(Customers):0000}" : $"Customer {r.Next(Customers):0000}";
            var text = zh
                ? ZhOpen[r.Next(ZhOpen.Length)] + "，" + ZhBody[r.Next(ZhBody.Length)] + "。" + ZhBody[r.Next(ZhBody.Length)][..6] + $"（第{i}条）"
                : EnOpen[r.Next(EnOpen.Length)] + ", " + EnBody[r.Next(EnBody.Length)] + $". (#{i})";
            yield return new Row(
                WorkspaceKey(r.Next(Workspaces)),
                ChannelName(r.Next(ChannelsPerWorkspace)),
                text,
                customer,
                zh ? "zh" : "en",
                $"U{r.Next(People):000}",
                Start + TimeSpan.FromTicks((long)(r.NextDouble() * span)),
                tags[r.Next(tags.Length)],
                motives[r.Next(motives.Length)]);
        }
    }

    private static void SeedSqlite(string connectionString, int count)
    {
        using var conn = new SqliteConnection(connectionString);
        conn.Open();
        using (var pragma = conn.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }

        using var tx = conn.BeginTransaction();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            INSERT INTO quotes (WorkspaceKey, Channel, Text, Customer, Language, CapturedBy, Source, CapturedAt, AutoTags, AutoMotive, TaggedAt)
            VALUES ($w, $c, $t, $cu, $l, $by, 'slash', $at, $tags, $m, $at)
            """;
        var names = new[] { "$w", "$c", "$t", "$cu", "$l", "$by", "$at", "$tags", "$m" };
        var ps = names.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var row in Rows(count))
        {
            ps[0].Value = row.Ws;
            ps[1].Value = row.Ch;
            ps[2].Value = row.Text;
            ps[3].Value = row.Customer;
            ps[4].Value = row.Lang;
            ps[5].Value = row.By;
            ps[6].Value = SqliteTime(row.At);
            ps[7].Value = row.Tags;
            ps[8].Value = row.Motive;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static async Task SeedPostgresAsync(string connectionString, int count)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var copy = await conn.BeginTextImportAsync(
            """COPY quotes ("WorkspaceKey", "Channel", "Text", "Customer", "Language", "CapturedBy", "Source", "CapturedAt", "AutoTags", "AutoMotive", "TaggedAt") FROM STDIN""");
        var line = new StringBuilder();
        foreach (var row in Rows(count))
        {
            var at = row.At.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
            line.Clear().Append(row.Ws).Append('\t').Append(row.Ch).Append('\t').Append(row.Text).Append('\t').Append(row.Customer).Append('\t')
                .Append(row.Lang).Append('\t').Append(row.By).Append("\tslash\t").Append(at).Append('\t').Append(row.Tags).Append('\t')
                .Append(row.Motive).Append('\t').Append(at).Append('\n');
            await copy.WriteAsync(line.ToString());
        }
    }
}
