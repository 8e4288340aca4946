using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>The Teams app manifest, icons and package script.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string Root = RepoRoot();
    private static readonly string ManifestDir = Path.Combine(Root, "manifests", "teams");

    [Fact]
    public async Task Manifest_is_valid_against_the_official_schema()
    {
        TestEnvironment.E2eNodeModules(Root);
        var (code, output) = await RunAsync("node", Path.Combine(Root, "tests", "e2e"), "validate-manifest.js", Path.Combine(ManifestDir, "manifest.json"));
        Assert.True(code == 0, output);
        Assert.Contains("manifest OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_check_catches_a_broken_manifest()
    {
        TestEnvironment.E2eNodeModules(Root);
        var broken = Path.Combine(Directory.CreateTempSubdirectory("gtmbot-manifest-").FullName, "manifest.json");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Path.Combine(ManifestDir, "manifest.json"))).Replace("\"privacyUrl\"", "\"privacy\"", StringComparison.Ordinal));
        var (code, output) = await RunAsync("node", Path.Combine(Root, "tests", "e2e"), "validate-manifest.js", broken);
        Assert.NotEqual(0, code);
        Assert.Contains("privacyUrl", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_declares_the_bot_scopes_commands_and_the_message_action()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.json")));
        var bot = doc.RootElement.GetProperty("bots")[0];
        Assert.Equal(["team", "groupChat", "personal"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ToList());
        var commands = bot.GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()).ToList();
        Assert.Equal(["canvas", "why", "checklist", "quote", "insights", "need", "needs", "customer", "okr", "help"], commands);
        Assert.True(commands.Count <= GtmBot.Teams.TeamsManifest.MaxCommandsPerList, $"{commands.Count} commands; Teams allows {GtmBot.Teams.TeamsManifest.MaxCommandsPerList} per list");
        var action = doc.RootElement.GetProperty("composeExtensions")[0].GetProperty("commands")[0];
        Assert.Equal(GtmBot.Teams.TeamsManifest.QuoteCommandId, action.GetProperty("id").GetString());
        Assert.Equal("action", action.GetProperty("type").GetString());
        Assert.Equal(["message"], action.GetProperty("context").EnumerateArray().Select(s => s.GetString()).ToList());
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_are_rgba_pngs_of_the_required_size(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(ManifestDir, file));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.Equal(6, bytes[25]); // colour type 6 = RGBA: the outline's background can be transparent
    }

    [Fact]
    public async Task Package_script_fills_in_the_app_id_and_zips_a_flat_package()
    {
        const string appId = "abcdefab-1234-5678-9abc-def012345678";
        var (code, output) = await RunAsync("bash", Root, Path.Combine(ManifestDir, "package.sh"), appId);
        Assert.True(code == 0, output);
        using var zip = ZipFile.OpenRead(Path.Combine(ManifestDir, "build", "gtmbot-teams.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = await reader.ReadToEndAsync();
        Assert.DoesNotContain("00000000-0000-0000-0000-000000000000", manifest, StringComparison.Ordinal);
        Assert.Equal(3, manifest.Split(appId).Length - 1);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GtmBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GtmBot.sln not found");
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
