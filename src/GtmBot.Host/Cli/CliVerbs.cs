namespace GtmBot.Host.Cli;

/// <summary>
/// Batch verbs run instead of the web host: <c>dotnet run --project src/GtmBot.Host -- &lt;verb&gt; …</c>.
/// A verb writes its result to stdout and nothing else (logs go to stderr); it returns the process exit code.
/// </summary>
public static class CliVerbs
{
    private static readonly Dictionary<string, Func<string[], IConfiguration, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["tag"] = TagVerb.RunAsync,
        ["summarize"] = SummarizeVerb.RunAsync,
        ["backup"] = BackupVerb.BackupAsync,
        ["restore"] = BackupVerb.RestoreAsync,
        ["eval-tags"] = EvalTagsVerb.RunAsync,
        ["export-corrections"] = ExportCorrectionsVerb.RunAsync,
    };

    /// <summary>Runs the verb named by <paramref name="args"/>[0]; null when the args name no verb (run the web host).</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || !Verbs.TryGetValue(args[0], out var verb))
        {
            return null;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return await verb(args[1..], configuration);
    }
}
