using System.ComponentModel.DataAnnotations;

namespace GtmBot.Host.Api;

/// <summary>The open API, exports and webhooks (section <c>GtmBot:Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "GtmBot:Api";

    /// <summary>Teams users (their Entra object ids, as the bot sees them) who may manage API tokens and webhooks.</summary>
    public string[] Admins { get; set; } = [];

    /// <summary>Requests per token per minute; more get 429 with Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 120;

    /// <summary>Largest export file the bot holds and delivers, in bytes.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxExportBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The bot's address as users reach it, for the download links of exports on Teams and the local page.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = HostExtensions.DefaultUrl;

    /// <summary>How long an export's download link works.</summary>
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>HMAC key of download links; empty: a random key is made once and kept in the database (shared by every instance).</summary>
    public string? DownloadSigningKey { get; set; }

    /// <summary>Timeout of one webhook POST.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
