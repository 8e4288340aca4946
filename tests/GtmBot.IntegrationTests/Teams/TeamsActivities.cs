using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>Real fixtures from <c>../shared/fixtures/teams</c>, re-addressed to a loopback service URL.</summary>
internal static class TeamsActivities
{
    public static string FixturesDirectory { get; } = Find();

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

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GtmBot.sln")))
        {
            dir = dir.Parent;
        }

        for (var up = dir?.Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "shared", "fixtures", "teams");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("shared/fixtures/teams not found next to the repository");
    }
}
