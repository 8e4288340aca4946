using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GtmBot.IntegrationTests.Slack;
using GtmBot.IntegrationTests.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace GtmBot.IntegrationTests.Faults;

/// <summary>
/// Mutated, correctly signed Slack requests and mutated Teams activities with valid tokens, seeded from payloads written
/// from the platforms' documented shapes: never a 5xx. The counts and the seed come from <c>GTMBOT_FUZZ_SLACK</c>,
/// <c>GTMBOT_FUZZ_TEAMS</c> and <c>GTMBOT_FUZZ_SEED</c> (bench/faults runs 10,000 and 5,000); only such a run (any count set)
/// also holds every answer to Slack's 3 s ack, since a time limit belongs to a measured run on a known machine, not to the
/// test suite on whatever machine runs it.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>Slack's acknowledgement deadline.</summary>
    /// <see href="https://docs.slack.dev/apis/events-api/#responding"/>
    private static readonly TimeSpan SlowestAnswer = TimeSpan.FromSeconds(3);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>One answer; the request body is kept only for a bad answer, so the run's own records stay small.</summary>
    private sealed record Outcome(int Status, TimeSpan Took, string What)
    {
        public static Outcome Of(int status, TimeSpan took, string body) =>
            new(status, took, status >= 500 || took > SlowestAnswer ? body : string.Empty);
    }

    /// <summary>Managed heap of the whole test process (harness, fakes and host) after a full collection, in MB.</summary>
    private static double HeapMb() => GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;

    /// <summary>When the first heap sample is taken: after this share of the run, so start-up and caches are warm.</summary>
    private const int FirstSampleAtPercent = 10;

    /// <summary>True in a bench run (counts set in the environment): answers are then also held to <see cref="SlowestAnswer"/>.</summary>
    private static bool Timed =>
        Environment.GetEnvironmentVariable("GTMBOT_FUZZ_SLACK") is not null || Environment.GetEnvironmentVariable("GTMBOT_FUZZ_TEAMS") is not null;

    private static void AssertClean(List<Outcome> outcomes, int expected, (double Early, double End) heap, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        Report(test, outcomes, heap);
        Assert.Equal(expected, outcomes.Count);
        var bad = outcomes.Where(o => o.Status >= 500 || (Timed && o.Took > SlowestAnswer)).Take(5).ToList();
        Assert.True(bad.Count == 0, "Faults: " + string.Join(" | ", bad.Select(b => $"{b.Status} in {b.Took.TotalMilliseconds:F0} ms: {b.What[..Math.Min(400, b.What.Length)]}")));
        Assert.Contains(outcomes, o => o.Status == 200); // the seeds do reach the handlers
    }

    /// <summary>
    /// In a bench run, appends the run's figures (answers by status, 5xx, the slowest answer, the managed heap after a full
    /// collection early in the run and at its end) to the file named by <c>GTMBOT_FAULT_REPORT</c>, which bench/faults/run.sh prints.
    /// </summary>
    private static void Report(string test, List<Outcome> outcomes, (double Early, double End) heap)
    {
        if (Environment.GetEnvironmentVariable("GTMBOT_FAULT_REPORT") is not { Length: > 0 } path || outcomes.Count == 0)
        {
            return;
        }

        var slowest = outcomes.MaxBy(o => o.Took)!;
        var statuses = string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{test}: {outcomes.Count} requests; {statuses}; 5xx: {outcomes.Count(o => o.Status >= 500)}; over 3 s: {outcomes.Count(o => o.Took > SlowestAnswer)}; slowest {slowest.Took.TotalMilliseconds:F0} ms (status {slowest.Status}); median {outcomes.Select(o => o.Took).Order().ElementAt(outcomes.Count / 2).TotalMilliseconds:F1} ms; managed heap after a full GC {heap.Early:F1} MB at {FirstSampleAtPercent} %, {heap.End:F1} MB at the end");
        File.AppendAllText(path, line + Environment.NewLine);
    }

    [Fact]
    public async Task Mutated_signed_slack_requests_never_get_a_5xx()
    {
        var count = Setting("GTMBOT_FUZZ_SLACK", 500);
        var mutator = new Mutator(Setting("GTMBOT_FUZZ_SEED", 12));
        await using var host = await SlackHost.StartAsync();
        var seeds = SlackSeeds.All(host.Api.ResponseUrl("fuzz"));
        using (await host.PostSlashAsync("help"))
        {
            // Warm-up (first-request compilation), not timed.
        }

        var outcomes = new List<Outcome>();
        var early = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0)
            {
                // The loopback fakes record every call for other tests; dropped here so the heap samples measure the host.
                host.Api.Calls.Clear();
                host.Api.Posted.Clear();
                host.Factory.Services.GetServices<GtmBot.Engine.IFlow>().OfType<RecordingQuoteFlow>().SingleOrDefault()?.Turns.Clear();
            }

            if (i == count * FirstSampleAtPercent / 100)
            {
                early = HeapMb();
            }

            var (kind, seed) = seeds[i % seeds.Count];
            var mutated = i < seeds.Count ? seed : mutator.Mutate(seed);
            while (SlackSeeds.KnownShape(mutated, seed))
            {
                mutated = mutator.Mutate(seed);
            }

            var (body, contentType) = SlackSeeds.Encode(kind, mutated, mutator.Random);
            var watch = Stopwatch.StartNew();
            using var response = await host.PostSignedAsync(body, contentType);
            await response.Content.ReadAsByteArrayAsync();
            outcomes.Add(Outcome.Of((int)response.StatusCode, watch.Elapsed, body));
        }

        AssertClean(outcomes, count, (early, HeapMb()));
    }

    [Fact]
    public async Task Mutated_teams_activities_with_valid_tokens_never_get_a_5xx()
    {
        var count = Setting("GTMBOT_FUZZ_TEAMS", 300);
        var mutator = new Mutator(Setting("GTMBOT_FUZZ_SEED", 12) + 1);
        await using var fake = await FakeBotFramework.StartAsync();
        using var host = new GtmHostFactory(fake.HostSettings());
        using var client = host.CreateClient();
        var token = fake.Token();
        var seeds = TeamsSeeds.All(fake.ServiceUrl);
        using (var warmUp = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(seeds[1].ToJsonString(), Encoding.UTF8, "application/json") })
        {
            // Warm-up (first-request compilation, signing keys), not timed.
            warmUp.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var _ = await client.SendAsync(warmUp);
        }

        var outcomes = new List<Outcome>();
        var early = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0)
            {
                // The fake Bot Framework records every call for other tests; dropped here so the heap samples measure the host.
                fake.Calls.Clear();
            }

            if (i == count * FirstSampleAtPercent / 100)
            {
                early = HeapMb();
            }

            var seed = seeds[i % seeds.Count];
            var mutated = i < seeds.Count ? seed.DeepClone() : mutator.Mutate(seed);
            if (mutated is JsonObject o && i >= seeds.Count && mutator.Random.Next(4) > 0)
            {
                o["id"] = $"fuzz-{i}"; // mostly fresh ids, so most are handled rather than deduplicated
            }

            var body = mutated?.ToJsonString() ?? "null";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var watch = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            // 501 is the Bot Framework's documented answer to an invoke a bot does not handle (a mutated invoke name), not a fault.
            var invoke = mutated?["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "invoke";
            var status = (int)response.StatusCode == 501 && invoke ? 200 : (int)response.StatusCode;
            outcomes.Add(Outcome.Of(status, watch.Elapsed, body));
        }

        AssertClean(outcomes, count, (early, HeapMb()));

        // A mutated serviceUrl no longer matches the token's claim and is refused (401/403): right, but most must get past
        // authentication to the mapping and the handler (answered 2xx, or 400 for a shape that no longer maps).
        Assert.True(outcomes.Count(o => o.Status is not (401 or 403)) > count / 2,
            "most mutated activities get past authentication; statuses: " + string.Join(", ", outcomes.GroupBy(o => o.Status).Select(g => $"{g.Key}×{g.Count()}")));
    }
}
