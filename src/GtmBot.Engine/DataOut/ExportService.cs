using System.Globalization;
using GtmBot.Engine.Ports;

namespace GtmBot.Engine.DataOut;

/// <summary>Settings of the data-out features the engine needs (bound by the host from <c>GtmBot:Api</c>).</summary>
public sealed class DataOutSettings
{
    /// <summary>Largest export file the bot holds and delivers. The database keeps the file until it is delivered or downloaded.</summary>
    public long MaxExportBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Plain-http webhooks to loopback are accepted (Development only; the host refuses it elsewhere).</summary>
    public bool AllowLoopbackWebhooks { get; set; }
}

/// <summary>Platform file limits.</summary>
public static class ExportLimits
{
    /// <summary>Slack accepts files up to 1 GB.</summary>
    /// <see href="https://docs.slack.dev/messaging/working-with-files#uploading_files"/>
    public const long SlackMaxFileBytes = 1024L * 1024 * 1024;

    /// <summary>The limit for a channel of <paramref name="platform"/>: the platform's, or the bot's own if smaller.</summary>
    public static long For(string platform, DataOutSettings settings) => platform == Platforms.Slack ? Math.Min(SlackMaxFileBytes, settings.MaxExportBytes) : settings.MaxExportBytes;

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}

/// <summary>The outcome of an export: the stored files, or the size that broke the limit.</summary>
public sealed record ExportResult(IReadOnlyList<ExportFile> Files, long? TooLargeBytes, long Limit)
{
    public long TotalBytes => Files.Sum(f => (long)f.Content.Length);
}

/// <summary>
/// Runs an export: builds the files, refuses one over the platform's limit (naming it), stores them and puts one outbox row
/// per file on the <see cref="OutboxRoutes.Export"/> route — stored before the caller acknowledges, delivered afterwards.
/// </summary>
public sealed class ExportService(ExportBuilder builder, IExportStore store, IOutbox outbox, DataOutSettings settings)
{
    /// <param name="idempotencyKey">Outbox key prefix: a scheduled occurrence exports once however often it fires.</param>
    public async Task<ExportResult> ExportAsync(ConversationKey channel, ExportRequest request, DateTimeOffset now, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var limit = ExportLimits.For(channel.Platform, settings);
        var contents = await builder.BuildAsync(channel, request, now, cancellationToken);
        if (contents.FirstOrDefault(c => c.Content.Length > limit) is { } big)
        {
            return new ExportResult([], big.Content.Length, limit);
        }

        var files = new List<ExportFile>();
        for (var i = 0; i < contents.Count; i++)
        {
            var c = contents[i];
            var file = await store.AddFileAsync(channel, c.FileName, c.ContentType, c.Content, c.Title, now, cancellationToken);
            var id = file.Id.ToString(CultureInfo.InvariantCulture);
            var key = idempotencyKey is null ? $"export:{id}" : string.Create(CultureInfo.InvariantCulture, $"{idempotencyKey}:{i}");
            await outbox.EnqueueAsync(new OutboundMessage(OutboxRoutes.ForExport(channel), new Reply([], id), key), cancellationToken);
            files.Add(file);
        }

        return new ExportResult(files, null, limit);
    }
}
