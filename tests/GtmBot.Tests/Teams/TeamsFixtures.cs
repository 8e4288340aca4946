using System.Text.Json;
using GtmBot.Teams.Protocol;

namespace GtmBot.Tests.Teams;

/// <summary>The real Teams activities in <c>../shared/fixtures/teams</c>, found from the repository root.</summary>
internal static class TeamsFixtures
{
    /// <summary>The fixtures folder: <c>../shared/fixtures/teams</c> next to the repository (or next to a folder above it, for worktrees).</summary>
    public static string Directory { get; } = Find();

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
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("shared/fixtures/teams not found next to the repository");
    }

    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static Activity Load(string name) =>
        JsonSerializer.Deserialize(Read(name), TeamsJson.Default.Activity) ?? throw new InvalidOperationException(name);
}
