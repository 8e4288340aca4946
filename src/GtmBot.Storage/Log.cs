using Microsoft.Extensions.Logging;

namespace GtmBot.Storage;

/// <summary>The storage's log lines (event ids 8100–8199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Warning, Message = "Write refused: {MaxPending} writes already waiting; the edge answers 503 with Retry-After")]
    public static partial void QueueFull(ILogger logger, int maxPending);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "A batch of {Count} writes failed ({Error}); retrying each alone")]
    public static partial void BatchRetriedAlone(ILogger logger, int count, string error);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Critical, Message = "Group-commit writer stopped")]
    public static partial void WriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "The SQLite write-ahead log reached {Frames} frames (limit {Limit}) without a full checkpoint; it was checkpointed and truncated while writers waited")]
    public static partial void WalTruncated(ILogger logger, long frames, long limit);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Error, Message = "SQLite checkpoint failed; retrying")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8105, Level = LogLevel.Error, Message = "Indexing the newest quotes for search failed; searches read them without the index until the next run")]
    public static partial void SearchIndexFailed(ILogger logger, Exception exception);
}
