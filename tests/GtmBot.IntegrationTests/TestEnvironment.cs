namespace GtmBot.IntegrationTests;

/// <summary>
/// Outside services the integration tests use. In CI (<c>CI=true</c>) a missing one fails the test;
/// on a developer machine without it the test is skipped, saying what to install.
/// </summary>
public static class TestEnvironment
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A PostgreSQL server connection string (no database name) from <c>GTMBOT_TEST_POSTGRES</c>.</summary>
    public static string Postgres() =>
        Require("GTMBOT_TEST_POSTGRES", "PostgreSQL: set GTMBOT_TEST_POSTGRES=\"Host=127.0.0.1;Username=postgres;Password=postgres\" (.ci/run starts one)");

    /// <summary>Debian's chromium executable, from <c>GTMBOT_TEST_CHROMIUM</c> or <c>/usr/bin/chromium</c>.</summary>
    public static string Chromium()
    {
        var path = Environment.GetEnvironmentVariable("GTMBOT_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (File.Exists(path))
        {
            return path;
        }

        return Missing("Chromium: apt-get install chromium (or set GTMBOT_TEST_CHROMIUM)");
    }

    /// <summary>The npm packages of <c>tests/e2e</c> (Agents Playground, manifest schema), installed by <c>npm ci</c> there.</summary>
    public static string E2eNodeModules(string repoRoot)
    {
        var dir = Path.Combine(repoRoot, "tests", "e2e", "node_modules");
        return Directory.Exists(Path.Combine(dir, "@microsoft", "m365agentsplayground")) && Directory.Exists(Path.Combine(dir, "@microsoft", "app-manifest"))
            ? dir
            : Missing("npm packages of tests/e2e: cd tests/e2e && npm ci (.ci/run does it)");
    }

    /// <summary>
    /// The official fixtures in <c>../shared/{parts}</c> next to the repository (or a folder above, for worktrees); a test over
    /// them skips without it (a bare clone) and fails in CI.
    /// </summary>
    public static string Shared(params string[] parts) =>
        FindShared(parts) ?? Missing($"../shared/{string.Join('/', parts)} beside the repository (official fixtures for conformance tests)");

    /// <summary>The folder <c>shared/{parts}</c>, or null.</summary>
    public static string? FindShared(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GtmBot.sln")))
        {
            dir = dir.Parent;
        }

        for (var up = dir?.Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine([up.FullName, "shared", .. parts]);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Require(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? Missing(what) : value;
    }

    private static string Missing(string what)
    {
        if (InCi)
        {
            Assert.Fail($"Required in CI and missing: {what}");
        }

        Assert.Skip($"Not available here: {what}");
        return string.Empty;
    }
}
