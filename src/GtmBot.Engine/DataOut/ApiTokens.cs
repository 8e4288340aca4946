using System.Security.Cryptography;
using System.Text;

namespace GtmBot.Engine.DataOut;

/// <summary>
/// API token secrets: <c>gtm_</c> and 32 random bytes (256 bits, base64url), so a SHA-256 hash is enough at rest — no salt
/// or slow hash is needed against guessing a secret of that entropy. The secret is shown once and never stored.
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "gtm_";

    /// <summary>Random bytes per token.</summary>
    public const int SecretBytes = 32;

    /// <summary>Characters of the token shown by <c>list</c> to tell tokens apart.</summary>
    public const int ShownPrefixLength = 10;

    /// <summary>Longest token name.</summary>
    public const int MaxNameLength = 64;

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>Lower-case hex SHA-256 of the token, as stored and looked up.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string ShownPrefix(string token) => token[..Math.Min(ShownPrefixLength, token.Length)];

    /// <summary>A name is 1–64 characters without spaces.</summary>
    public static bool IsValidName(string? name) => !string.IsNullOrEmpty(name) && name.Length <= MaxNameLength && !name.Any(char.IsWhiteSpace) && !name.Any(char.IsControl);

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Outbox rows that are jobs rather than chat messages travel under a route name in <see cref="ConversationKey.Platform"/>;
/// the route's <see cref="Ports.IPlatformMessenger"/> carries them out, so they get the outbox's leases, retries and dead letter.
/// </summary>
public static class OutboxRoutes
{
    /// <summary>An export file to post into <see cref="ConversationKey.Channel"/>; the reply's text is the file id.</summary>
    public const string Export = "export";

    /// <summary>A webhook event; the channel is the subscription id, the reply's text the event JSON.</summary>
    public const string Webhook = "webhook";

    /// <summary>The route key of an export to <paramref name="channel"/> (its workspace key kept whole).</summary>
    public static ConversationKey ForExport(ConversationKey channel) => new(Export, channel.WorkspaceKey, channel.Channel);

    /// <summary>The chat channel an export route key points at.</summary>
    public static ConversationKey ChannelOf(ConversationKey route)
    {
        var colon = route.Workspace.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? throw new ArgumentException($"Not an export route: {route}", nameof(route)) : new(route.Workspace[..colon], route.Workspace[(colon + 1)..], route.Channel);
    }

    /// <summary>Splits a workspace key (<c>slack:T123</c>) into platform and workspace.</summary>
    public static ConversationKey Channel(string workspaceKey, string channel)
    {
        var colon = workspaceKey.IndexOf(':', StringComparison.Ordinal);
        return new(workspaceKey[..colon], workspaceKey[(colon + 1)..], channel);
    }
}
