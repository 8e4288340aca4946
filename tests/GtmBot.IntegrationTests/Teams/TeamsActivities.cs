using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>Real fixtures from <c>../shared/fixtures/teams</c>, re-addressed to a loopback service URL.</summary>
internal static class TeamsActivities
{
    /// <summary>The official Teams fixtures in <c>../shared</c>; a test reading them skips without it (fails in CI).</summary>
    public static string FixturesDirectory => TestEnvironment.Shared("fixtures", "teams");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(FixturesDirectory, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>A fixture with its serviceUrl pointed at <paramref name="serviceUrl"/> and, optionally, a fresh id.</summary>
    public static JsonObject Load(string name, string serviceUrl, string? id = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(FixturesDirectory, name)))!.AsObject();
        if (node.ContainsKey("serviceUrl"))
        {
            node["serviceUrl"] = serviceUrl;
        }

        node["id"] = id ?? Guid.NewGuid().ToString("N");
        return node;
    }
}
