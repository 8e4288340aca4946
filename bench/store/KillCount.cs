using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GtmBot.Bench.Store;

/// <summary>
/// Acked = stored under kill -9. Starts the Release host, drives signed <c>/gtm quote</c> slash commands at it from many
/// connections, kills the process with SIGKILL mid-run, then reads the database: every quote whose request got a 200 must be
/// there. Quotes stored but not acknowledged (in flight at the kill) are allowed and counted.
/// </summary>
internal static partial class KillCount
{
    private const string Secret = "bench-secret";

    public static async Task<int> RunAsync(string[] argv)
    {
        var a = new Args(argv);
        var provider = a.Get("provider", "sqlite");
        var runs = a.Int("runs", 3);
        var connections = a.Int("connections", 32);
        var seconds = a.Int("seconds", 4);
        var hostDll = Path.GetFullPath(a.Get("host", "src/GtmBot.Host/bin/Release/net10.0/GtmBot.Host.dll"));
        if (!File.Exists(hostDll))
        {
            Console.Error.WriteLine($"{hostDll} not found: dotnet build -c Release src/GtmBot.Host");
            return 2;
        }

        var failed = false;
        Console.WriteLine("run | provider | acked | stored of this run | acked but missing | stored, not acked | 503 | killed after");
        for (var run = 1; run <= runs; run++)
        {
            var result = await OneRunAsync(provider, run, connections, TimeSpan.FromSeconds(seconds), hostDll);
            Console.WriteLine(FormattableString.Invariant(
                $"{run} | {provider} | {result.Acked} | {result.Stored} | {result.Missing} | {result.Extra} | {result.Busy} | {result.KilledAfter.TotalSeconds:F2} s"));
            failed |= result.Missing > 0 || result.Acked == 0;
        }

        return failed ? 1 : 0;
    }

    private sealed record Result(int Acked, int Stored, int Missing, int Extra, int Busy, TimeSpan KilledAfter);

    private static async Task<Result> OneRunAsync(string provider, int run, int connections, TimeSpan maxSeconds, string hostDll)
    {
        var port = FreePort();
        var dataDir = Directory.CreateTempSubdirectory("gtmbot-kill-").FullName;
        var server = Environment.GetEnvironmentVariable("GTMBOT_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
        var database = $"gtm_kill_{Guid.NewGuid():N}";
        var pg = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        var start = new ProcessStartInfo("dotnet", [hostDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["GtmBot__Slack__SigningSecret"] = Secret;
        start.Environment["GtmBot__Delivery__Enabled"] = "false";
        start.Environment["GtmBot__Storage__DataDirectory"] = dataDir;
        if (provider == "postgres")
        {
            start.Environment["GtmBot__Storage__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Postgres"] = pg;
        }

        using var host = Process.Start(start)!;
        host.OutputDataReceived += (_, _) => { };
        host.ErrorDataReceived += (_, _) => { };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitReadyAsync(http);

        var acked = new ConcurrentBag<int>();
        var busy = 0;
        var next = 0;
        var killed = 0;
        var watch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, connections).Select(async _ =>
        {
            while (Volatile.Read(ref killed) == 0)
            {
                var id = Interlocked.Increment(ref next);
                try
                {
                    using var response = await http.SendAsync(SignedQuote(run, id));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acked.Add(id);
                    }
                    else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        Interlocked.Increment(ref busy);
                    }
                }
                catch (HttpRequestException)
                {
                    // The host is gone: this request was never acknowledged.
                }
            }
        }).ToList();

        // Once captures are being acknowledged (a cold host on a loaded machine takes seconds for the first), killed at a
        // random moment between 1 s and maxSeconds later, so the kill lands in different phases of the batches.
        while (acked.Count < 50 && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(1000 + Random.Shared.Next((int)Math.Max(1, maxSeconds.TotalMilliseconds - 1000))));
        host.Kill(); // SIGKILL on Linux: no shutdown hooks, no flush.
        var killedAfter = watch.Elapsed;
        await host.WaitForExitAsync();
        Volatile.Write(ref killed, 1);
        await Task.WhenAll(loops);

        var stored = provider == "postgres" ? await StoredPostgresAsync(pg) : StoredSqlite(dataDir);
        var ackedSet = acked.ToHashSet();
        var storedThisRun = stored.Where(s => s.Run == run).Select(s => s.Id).ToHashSet();
        var missing = ackedSet.Count(id => !storedThisRun.Contains(id));
        var extra = storedThisRun.Count(id => !ackedSet.Contains(id));

        if (provider == "postgres")
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
        return new Result(ackedSet.Count, storedThisRun.Count, missing, extra, busy, killedAfter);
    }

    private static HttpRequestMessage SignedQuote(int run, int id)
    {
        var text = $"quote Acme: ackcheck-{run}-{id} the export breaks every Monday and we retype orders by hand";
        var body = "token=x&team_id=TKILL&team_domain=kill&channel_id=CKILL" + (id % 20).ToString(CultureInfo.InvariantCulture)
            + "&channel_name=kill&user_id=UKILL&user_name=kill&command=%2Fgtm&text=" + Uri.EscapeDataString(text)
            + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fnone&trigger_id=1.2.3&api_app_id=AKILL";
        var ts = UnixNow().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{ts}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }

    private static long UnixNow() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    private static List<(int Run, int Id)> StoredSqlite(string dataDir)
    {
        // Opening the file after the kill replays its WAL, as the next host start would.
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "gtmbot.db"), Pooling = false }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT \"Text\" FROM quotes";
        using var reader = cmd.ExecuteReader();
        var found = new List<(int, int)>();
        while (reader.Read())
        {
            Collect(reader.GetString(0), found);
        }

        return found;
    }

    private static async Task<List<(int Run, int Id)>> StoredPostgresAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT \"Text\" FROM quotes", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var found = new List<(int, int)>();
        while (await reader.ReadAsync())
        {
            Collect(reader.GetString(0), found);
        }

        return found;
    }

    private static void Collect(string text, List<(int, int)> found)
    {
        var m = Marker().Match(text);
        if (m.Success)
        {
            found.Add((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        }
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 240; i++)
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The host did not answer /healthz within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"ackcheck-(\d+)-(\d+)")]
    private static partial Regex Marker();
}
