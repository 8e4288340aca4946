using System.Text.Json;
using GtmBot.Teams.Protocol;

namespace GtmBot.Tests.Teams;

/// <summary>The real Teams activities in <c>../shared/fixtures/teams</c>, found from the repository root.</summary>
internal static class TeamsFixtures
{
    /// <summary>The fixtures folder; the test skips when it is absent (fails in CI).</summary>
    public static string Directory => SharedFolder.Require("fixtures", "teams");

    /// <summary>Every fixture's name; one placeholder case (which skips) when the folder is absent.</summary>
    public static IEnumerable<string> Names() => SharedFolder.Find("fixtures", "teams") is { } dir
        ? System.IO.Directory.EnumerateFiles(dir, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
        : [SharedFolder.Absent];

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static Activity Load(string name) =>
        JsonSerializer.Deserialize(Read(name), TeamsJson.Default.Activity) ?? throw new InvalidOperationException(name);
}
