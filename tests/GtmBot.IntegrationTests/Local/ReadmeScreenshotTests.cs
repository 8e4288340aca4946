using System.Buffers.Binary;
using System.Diagnostics;
using GtmBot.IntegrationTests.Teams;

namespace GtmBot.IntegrationTests.Local;

/// <summary>The README's screenshots come from a script anyone can run again: tests/e2e/screenshots.sh.</summary>
public sealed class ReadmeScreenshotTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    /// <summary>Largest screenshot kept in the repository.</summary>
    private const int MaxBytes = 200 * 1024;

    [Fact]
    public async Task The_screenshot_script_takes_the_local_page_in_both_languages_and_the_playground()
    {
        var root = TeamsManifestTests.RepoRoot();
        TestEnvironment.E2eNodeModules(root);
        TestEnvironment.Chromium();
        var hostDll = Path.Combine(AppContext.BaseDirectory, "GtmBot.Host.dll");
        var output = Directory.CreateTempSubdirectory("gtmbot-screenshots-").FullName;
        try
        {
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(Path.Combine(root, "tests", "e2e", "screenshots.sh"));
            psi.ArgumentList.Add(hostDll);
            psi.ArgumentList.Add(output);
            // Other ports than the Playground end-to-end test's, so the two can run at once.
            psi.Environment["GTMBOT_E2E_BOT_PORT"] = "39785";
            psi.Environment["GTMBOT_E2E_PG_PORT"] = "56155";
            psi.Environment["DEVTOOLS_PORT"] = "39225";
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var cts = new CancellationTokenSource(Limit);
            await process.WaitForExitAsync(cts.Token);
            var log = await stdout + await stderr;
            Assert.True(process.ExitCode == 0, log);

            var expected = new List<string> { "local-page-en.png", "local-page-zh.png" };
            if (!log.Contains("the Agents Playground is not started", StringComparison.Ordinal))
            {
                expected.Add("agents-playground.png");
            }

            foreach (var name in expected)
            {
                var bytes = await File.ReadAllBytesAsync(Path.Combine(output, name), TestContext.Current.CancellationToken);
                Assert.True(bytes.Length <= MaxBytes, $"{name} is {bytes.Length} bytes, over {MaxBytes}");
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
                Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
                Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
