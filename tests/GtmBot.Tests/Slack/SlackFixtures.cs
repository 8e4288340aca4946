using System.Text;

namespace GtmBot.Tests.Slack;

/// <summary>The official Slack fixtures, read where they live (<c>../shared</c>), never copied.</summary>
internal static class SlackFixtures
{
    /// <summary>The folder; the test skips when it is absent (fails in CI).</summary>
    public static string Directory => SharedFolder.Require("fixtures", "slack");

    /// <summary>Every fixture's name; one placeholder case (which skips) when the folder is absent.</summary>
    public static IEnumerable<string> All() => SharedFolder.Find("fixtures", "slack") is { } dir
        ? System.IO.Directory.EnumerateFiles(dir).Select(Path.GetFileName).Where(n => n != "SOURCES.md").Order(StringComparer.Ordinal)!
        : [SharedFolder.Absent];

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name), Encoding.UTF8);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static IEnumerable<string> Lines(string name) => Text(name).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
