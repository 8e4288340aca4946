namespace GtmBot.Tests;

/// <summary>
/// The official fixtures and evaluation documents in <c>../shared</c>, next to the repository (a worktree sits one folder
/// deeper, so folders further up are tried too). Conformance tests over them skip with a reason when the folder is absent
/// (a bare clone) and fail when <c>CI=true</c>, where it is required.
/// </summary>
internal static class SharedFolder
{
    /// <summary>What a data-driven test lists when the folder is absent: one case, which then skips.</summary>
    public const string Absent = "(../shared absent)";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder <c>shared/{parts}</c>, or null when it is not there.</summary>
    public static string? Find(params string[] parts)
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

    /// <summary>The folder, or the test skips (fails in CI) saying what is missing.</summary>
    public static string Require(params string[] parts)
    {
        var found = Find(parts);
        if (found is not null)
        {
            return found;
        }

        var what = $"../shared/{string.Join('/', parts)} is not beside the repository (official fixtures for conformance tests)";
        if (InCi)
        {
            Assert.Fail("Required in CI and missing: " + what);
        }

        Assert.Skip("Not available here: " + what);
        return string.Empty;
    }
}
