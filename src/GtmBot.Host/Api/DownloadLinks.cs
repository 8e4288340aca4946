using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GtmBot.Engine.Ports;
using Microsoft.Extensions.Options;

namespace GtmBot.Host.Api;

/// <summary>
/// Short-lived signed download links of export files: <c>/exports/{id}?ws=…&amp;exp=…&amp;sig=…</c>, where sig is
/// HMAC-SHA256 over id, workspace and expiry. Anyone holding the link may download until it expires; nothing else opens a file.
/// </summary>
internal sealed class DownloadLinks(ISettingsStore settings, IOptions<ApiOptions> options, TimeProvider clock)
{
    public const string Path = "/exports/{id:long}";

    /// <summary>Workspace-wide setting holding the generated key when none is configured.</summary>
    private const string KeySetting = "exports.download_key";

    private byte[]? _key;

    public async Task<(Uri Url, DateTimeOffset Expires)> CreateAsync(ExportFile file, CancellationToken cancellationToken)
    {
        var expires = clock.GetUtcNow() + options.Value.DownloadLinkLifetime;
        var exp = expires.ToUnixTimeSeconds();
        var workspace = file.Channel.WorkspaceKey;
        var sig = Sign(await KeyAsync(cancellationToken), file.Id, workspace, exp);
        var query = string.Create(CultureInfo.InvariantCulture, $"ws={Uri.EscapeDataString(workspace)}&exp={exp}&sig={sig}");
        return (new Uri($"{options.Value.PublicBaseUrl.TrimEnd('/')}/exports/{file.Id.ToString(CultureInfo.InvariantCulture)}?{query}"), expires);
    }

    /// <summary>True when the signature matches and the link has not expired.</summary>
    public async Task<bool> VerifyAsync(long id, string? workspace, string? exp, string? sig, CancellationToken cancellationToken)
    {
        if (workspace is null || sig is null || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || clock.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(await KeyAsync(cancellationToken), id, workspace, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig));
    }

    private static string Sign(byte[] key, long id, string workspace, long exp) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}\n{workspace}\n{exp}"))));

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }

        if (!string.IsNullOrEmpty(options.Value.DownloadSigningKey))
        {
            return _key = Encoding.UTF8.GetBytes(options.Value.DownloadSigningKey);
        }

        var stored = await settings.GetChannelSettingAsync(new Engine.ConversationKey("*", "*", "*"), KeySetting, cancellationToken);
        if (stored is null)
        {
            stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            await settings.SetChannelSettingAsync(new Engine.ConversationKey("*", "*", "*"), KeySetting, stored, cancellationToken);

            // Two instances may have raced: read back the one that stayed.
            stored = await settings.GetChannelSettingAsync(new Engine.ConversationKey("*", "*", "*"), KeySetting, cancellationToken) ?? stored;
        }

        return _key = Encoding.UTF8.GetBytes(stored);
    }
}
