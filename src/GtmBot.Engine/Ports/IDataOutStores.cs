using GtmBot.Engine.DataOut;

namespace GtmBot.Engine.Ports;

/// <summary>An API token as listed: never the secret, only its first characters to tell tokens apart.</summary>
/// <param name="WorkspaceKey">The only workspace the token reads and writes (platform + team/tenant).</param>
/// <param name="Prefix">The token's first characters, as shown by <c>/gtm api token list</c>.</param>
public sealed record ApiToken(long Id, string WorkspaceKey, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>API tokens, stored as SHA-256 hashes of their secret.</summary>
public interface IApiTokenStore
{
    /// <summary>Stores a new token; false when the workspace already has an active token of that name.</summary>
    Task<bool> CreateAsync(string workspaceKey, string name, string hash, string prefix, string createdBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The workspace's tokens, active ones first.</summary>
    Task<IReadOnlyList<ApiToken>> ListAsync(string workspaceKey, CancellationToken cancellationToken);

    /// <summary>Revokes the active token of that name; false when there is none.</summary>
    Task<bool> RevokeAsync(string workspaceKey, string name, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The active token with this hash, read from the database on every call (a revocation holds at once).</summary>
    Task<ApiToken?> FindActiveByHashAsync(string hash, CancellationToken cancellationToken);
}

/// <summary>Who may manage API tokens: Slack admins and owners, Teams users listed in configuration, anyone on the local page.</summary>
public interface IWorkspaceAdmins
{
    Task<bool> IsAdminAsync(ConversationKey conversation, TurnUser user, CancellationToken cancellationToken);
}

/// <summary>A webhook subscription of a workspace.</summary>
/// <param name="Secret">The HMAC key the events are signed with (shown once when added).</param>
public sealed record WebhookSubscription(long Id, string WorkspaceKey, string Url, IReadOnlyList<string> Events, string Secret, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>Webhook subscriptions, per workspace.</summary>
public interface IWebhookStore
{
    Task<WebhookSubscription> AddAsync(string workspaceKey, string url, IReadOnlyList<string> events, string secret, string createdBy, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookSubscription>> ListAsync(string workspaceKey, CancellationToken cancellationToken);

    Task<WebhookSubscription?> GetAsync(string workspaceKey, long id, CancellationToken cancellationToken);

    /// <summary>Removes the subscription by id or by URL; how many were removed.</summary>
    Task<int> RemoveAsync(string workspaceKey, string idOrUrl, CancellationToken cancellationToken);
}

/// <summary>An export file waiting for delivery (or held for a signed download link).</summary>
public sealed record ExportFile(long Id, ConversationKey Channel, string FileName, string ContentType, byte[] Content, string Title, DateTimeOffset CreatedAt);

/// <summary>A weekly export of a channel.</summary>
public sealed record ExportSchedule(long Id, ConversationKey Channel, Reminders.WeeklySchedule Schedule, ExportRequest Request, string CreatedBy, DateTimeOffset NextRun);

/// <summary>Export files and weekly export schedules.</summary>
public interface IExportStore
{
    /// <summary>Stores the file; durable when this returns.</summary>
    Task<ExportFile> AddFileAsync(ConversationKey channel, string fileName, string contentType, byte[] content, string title, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The file of the workspace, by id.</summary>
    Task<ExportFile?> GetFileAsync(string workspaceKey, long id, CancellationToken cancellationToken);

    Task<ExportSchedule> AddScheduleAsync(ConversationKey channel, Reminders.WeeklySchedule schedule, ExportRequest request, string createdBy, DateTimeOffset nextRun, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExportSchedule>> ListSchedulesAsync(ConversationKey channel, CancellationToken cancellationToken);

    /// <summary>Removes the channel's schedules (all, or the one with <paramref name="id"/>); how many were removed.</summary>
    Task<int> RemoveSchedulesAsync(ConversationKey channel, long? id, CancellationToken cancellationToken);
}

/// <summary>Read access across a workspace's channels, for the open API.</summary>
public interface IWorkspaceArchive
{
    /// <summary>The workspace's quotes (one channel's when <paramref name="channel"/> is given) with their channel, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ChannelQuote>> ListQuotesAsync(string workspaceKey, string? channel, int limit, CancellationToken cancellationToken);

    /// <summary>The channel's feedback summaries, newest first.</summary>
    Task<IReadOnlyList<SummaryRequest>> ListSummariesAsync(ConversationKey channel, int limit, CancellationToken cancellationToken);

    /// <summary>True when anything of the workspace is stored for this channel (quotes, canvases, checklists, drills, summaries).</summary>
    Task<bool> ChannelExistsAsync(string workspaceKey, string channel, CancellationToken cancellationToken);
}

/// <summary>A quote with the channel it belongs to.</summary>
public sealed record ChannelQuote(string Channel, QuoteRecord Quote);

/// <summary>Posts an export file into a channel of one platform (Slack's file upload flow). Implemented by an edge.</summary>
public interface IPlatformFileSender
{
    string Platform { get; }

    /// <summary>Uploads the file into the channel with a comment; returns the platform's file id.</summary>
    /// <exception cref="DeliveryException">The platform refused or failed; says whether and when to retry.</exception>
    Task<string> SendFileAsync(ConversationKey channel, ExportFile file, string comment, CancellationToken cancellationToken);
}

/// <summary>Asks a platform whether a user is an admin or owner of the workspace. Implemented by an edge.</summary>
public interface IPlatformAdminCheck
{
    string Platform { get; }

    Task<bool> IsAdminAsync(ConversationKey conversation, TurnUser user, CancellationToken cancellationToken);
}
