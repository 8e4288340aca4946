using System.Diagnostics;
using System.Text.Json;

namespace GtmBot.IntegrationTests.Teams;

/// <summary>
/// The real host as a process, the real Microsoft 365 Agents Playground, and a headless driver of the Playground's own
/// HTTP + websocket API (tests/e2e/run-playground.sh): help in a channel and a personal chat, then a canvas edit,: inside a network namespace with no route out when possible.
/// </summary>
public sealed class PlaygroundEndToEndTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Help_and_a_canvas_edit_through_the_agents_playground()
    {
        var root = TeamsManifestTests.RepoRoot();
        TestEnvironment.E2eNodeModules(root);
        var hostDll = Path.Combine(AppContext.BaseDirectory, "GtmBot.Host.dll");
        Assert.True(File.Exists(hostDll), hostDll);
        var data = Directory.CreateTempSubdirectory("gtmbot-e2e-").FullName;

        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(root, "tests", "e2e", "run-playground.sh"));
        psi.ArgumentList.Add(hostDll);
        psi.ArgumentList.Add(data);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(cts.Token);
        var output = await stdout;
        var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        Assert.True(process.ExitCode == 0, output + await stderr);

        using var result = JsonDocument.Parse(lastLine);
        Assert.True(result.RootElement.GetProperty("ok").GetBoolean());
        var channel = result.RootElement.GetProperty("channel");
        Assert.Equal("application/vnd.microsoft.card.adaptive", channel.GetProperty("contentType").GetString());
        Assert.Contains(";messageid=", channel.GetProperty("conversation").GetString(), StringComparison.Ordinal);
        Assert.Contains(channel.GetProperty("texts").EnumerateArray(), t => t.GetString()!.Contains("GtmBot", StringComparison.Ordinal));
        Assert.Contains(result.RootElement.GetProperty("personal").GetProperty("texts").EnumerateArray(), t => t.GetString()!.Contains("/gtm help", StringComparison.Ordinal));

        // Edit → the invoke answers with the form card; save → with the refreshed canvas; the channel's living card shows it.
        var canvas = result.RootElement.GetProperty("canvas");
        Assert.Equal("application/vnd.microsoft.card.adaptive", canvas.GetProperty("formType").GetString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", canvas.GetProperty("savedType").GetString());
        Assert.Contains(canvas.GetProperty("savedTexts").EnumerateArray(), t => t.GetString()!.Contains("SMB owners in tier-2 cities", StringComparison.Ordinal));
        Assert.Equal("team-id", canvas.GetProperty("living").GetProperty("conversation").GetString()!.Split(';')[0]);
    }
}
