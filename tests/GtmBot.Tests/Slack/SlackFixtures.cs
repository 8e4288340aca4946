using System.Text;

namespace GtmBot.Tests.Slack;

/// <summary>The shared Slack fixtures, read where they live (next to the repository), never copied.</summary>
internal static class SlackFixtures
{
    public static string Directory { get; } = Locate();

    public static IEnumerable<string> All() =>
        System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).Where(n => n != "SOURCES.md").Order(StringComparer.Ordinal)!;

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name), Encoding.UTF8);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static IEnumerable<string> Lines(string name) => Text(name).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GtmBot.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("GtmBot.sln not found above the test binaries.");
        }

        // ../shared next to the repository; a git worktree sits one folder deeper, so look further up too.
        for (var up = dir.Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "shared", "fixtures", "slack");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"../shared/fixtures/slack not found above {dir.FullName}.");
    }
}
